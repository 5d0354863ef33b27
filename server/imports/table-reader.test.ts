import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { columnLetter, decodeText, readCsv, readXlsx, type TableError } from './table-reader.ts';

const limits = { maxRows: 3, maxColumns: 4, maxCellChars: 10 };
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return err as TableError;
  }
  throw new Error('not refused');
};

describe('the bounded table reader', () => {
  it('names columns as Excel does', () => {
    expect([1, 26, 27, 40, 16384].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AN', 'XFD']);
  });

  it('reads UTF-8 with and without a byte-order mark, and anything else as GB18030', () => {
    expect(decodeText(Buffer.from('\uFEFF名称', 'utf8'))).toEqual({ text: '名称', encoding: 'utf-8-bom' });
    expect(decodeText(Buffer.from('名称', 'utf8'))).toEqual({ text: '名称', encoding: 'utf-8' });
    // 企业名称,中文 in GBK, as Excel saves a CSV on a Chinese Windows.
    const gbk = Buffer.from([0xc6, 0xf3, 0xd2, 0xb5, 0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0xd6, 0xd0, 0xce, 0xc4]);
    expect(decodeText(gbk)).toEqual({ text: '企业名称,中文', encoding: 'gb18030' });
    expect(readCsv(gbk).headers).toEqual(['企业名称', '中文']);
  });

  it('refuses at the first row, column or cell beyond the limits, naming it', () => {
    expect(refusal(() => readCsv(Buffer.from('a,b\n1,2\n3,4\n5,6\n7,8\n'), limits))).toMatchObject({
      code: 'too_many_rows',
      details: { row: 5 },
    });
    expect(refusal(() => readCsv(Buffer.from('a,b\n1,2,3,4,5\n'), limits))).toMatchObject({
      code: 'too_many_columns',
      details: { row: 2, column: 'E' },
    });
    expect(refusal(() => readCsv(Buffer.from('a,b\n1,12345678901\n'), limits))).toMatchObject({
      code: 'cell_too_long',
      details: { row: 2, column: 'B' },
    });
    expect(refusal(() => readCsv(Buffer.from('a,b\n1,x\u0000y\n'), limits))).toMatchObject({
      code: 'control_characters',
      details: { row: 2, column: 'B' },
    });
    // Trailing empty cells are not columns.
    expect(readCsv(Buffer.from('a,b,,,,,,\n1,2,,,,,,\n'), limits)).toEqual({ headers: ['a', 'b'], rows: [['1', '2']], encoding: 'utf-8' });
  });

  it('refuses an .xlsx with one far-away cell before reading the row', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('s');
    sheet.addRow(['a', 'b']);
    sheet.getCell('XFD2').value = 'far';
    const data = Buffer.from(await book.xlsx.writeBuffer());
    await expect(readXlsx(data, limits)).rejects.toMatchObject({ code: 'too_many_columns', details: { row: 2, column: 'XFD' } });
  });
});
