import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import zhPoints from '../../../locales/zh/points.ts';
import { cadreErrorText, type CadreRowError } from './cadreImportErrors.ts';

let t: TFunction<'points'>;
beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({ lng: 'zh-CN', resources: { 'zh-CN': { points: zhPoints } }, interpolation: { escapeValue: false } });
  t = i18n.getFixedT('zh-CN', 'points') as TFunction<'points'>;
});

const err = (field: CadreRowError['field'], message: string): CadreRowError => ({ row: 3, field, code: 'G002', message });

describe('cadre import problems in words', () => {
  it("reads the server's sentences", () => {
    expect(cadreErrorText(err(null, 'No column for: code, since'), t)).toBe('文件缺少以下列：干部编号、任现职时间');
    expect(cadreErrorText(err('unit', 'Row 3 (G002): unit: unknown unit "不存在的单位"'), t)).toBe(
      '单位“不存在的单位”不存在，请填写单位代码或全称',
    );
    expect(cadreErrorText(err('rank', 'Row 4 (G003): rank: unknown rank "处长" (e.g. 四级调研员, 一级主任科员)'), t)).toBe(
      '职级“处长”无法识别（如 四级调研员、一级主任科员）',
    );
    expect(cadreErrorText(err('leadership', 'Row 3: leadership: expected 是 or 否, got "也许"'), t)).toBe('应填“是”或“否”，而不是“也许”');
    expect(cadreErrorText(err('code', 'Row 5 (G001): code: duplicate staff number, already on row 2'), t)).toBe('干部编号与第 2 行重复');
    expect(cadreErrorText(err('since', 'Row 3 (G002): since: a new post must start after 2024-01-01, when the current one began'), t)).toBe(
      '新任职须晚于现任职务的起始日期 2024-01-01',
    );
    expect(cadreErrorText(err('since', 'Row 6 (G005): since: Invalid ISO date'), t)).toBe('格式有误');
  });
});
