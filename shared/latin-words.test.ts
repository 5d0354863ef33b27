import { describe, expect, it } from 'vitest';
import { latinWords } from './latin-words.ts';

describe('Latin words in a Chinese page', () => {
  it('reports untranslated words and codes', () => {
    expect(latinWords('操作：appeal.file；对象：appeal 1；held：问责事项 pending；操作人 enterprise')).toEqual([
      'appeal.file',
      'appeal',
      'held',
      'pending',
      'enterprise',
    ]);
    expect(latinWords('提交人 system / rule')).toEqual(['system', 'rule']);
  });

  it('lets names of things, units and identifiers with digits pass', () => {
    expect(latinWords('诉求码，如 ABCD-EFGH-JKLM-NPQR')).toEqual([]);
    expect(latinWords('导出 Excel（.xlsx）、打印 PDF、扫描 QR 码，文件 2 MB 以内')).toEqual([]);
    expect(latinWords('统一社会信用代码 91429004MA4FQF0Q3T，轮次 2026Q3，哈希 7698cf59e0914dee，文件 draw-record-2026Q3.json')).toEqual([]);
  });
});
