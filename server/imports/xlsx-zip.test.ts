import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readXlsx } from './table-reader.ts';
import { DEFAULT_ZIP_LIMITS, orderedSheetStream, zipEntries } from './xlsx-zip.ts';

async function workbook(rows: string[][]) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('s');
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}
const entryNames = async (stream: NodeJS.ReadableStream) => {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  const all = Buffer.concat(chunks);
  const names: string[] = [];
  // Local headers in stream order: signature, then the name after 30 bytes.
  for (let i = all.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04])); i >= 0; i = all.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]), i + 4)) {
    names.push(all.subarray(i + 30, i + 30 + all.readUInt16LE(i + 26)).toString());
  }
  return names;
};

describe('the .xlsx zip, read from memory within limits', () => {
  it('hands the sheet over after the parts it refers to, whatever the file order', async () => {
    const file = await workbook([
      ['名称', '电话'],
      ['甲公司', '13900000000'],
    ]);
    const fileOrder = [...zipEntries(file).keys()];
    expect(fileOrder.indexOf('xl/worksheets/sheet1.xml')).toBeLessThan(fileOrder.indexOf('xl/sharedStrings.xml'));
    expect(await entryNames(await orderedSheetStream(file))).toEqual([
      'xl/_rels/workbook.xml.rels',
      'xl/workbook.xml',
      'xl/sharedStrings.xml',
      'xl/styles.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    expect((await readXlsx(file)).rows).toEqual([['甲公司', '13900000000']]);
  });

  it('reads a workbook without shared strings (inline strings only)', async () => {
    const zip = await JSZip.loadAsync(await workbook([['x']]));
    zip.remove('xl/sharedStrings.xml');
    zip.file(
      'xl/worksheets/sheet1.xml',
      '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>名称</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>乙</t></is></c></row></sheetData></worksheet>',
    );
    const file = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(await readXlsx(file)).toMatchObject({ headers: ['名称'], rows: [['乙']] });
  });

  it('refuses in words a part past its size, the whole past its total, or a part inflating too many times over', async () => {
    const file = await workbook([['名称'], ...Array.from({ length: 2000 }, (_, i) => [`企业${i}`])]);
    const small = { ...DEFAULT_ZIP_LIMITS, maxEntryBytes: 20_000 };
    await expect(readXlsx(file, undefined, small)).rejects.toMatchObject({
      code: 'file_too_complex',
      message: expect.stringMatching(/inflates to more than/),
    });
    await expect(readXlsx(file, undefined, { ...DEFAULT_ZIP_LIMITS, maxTotalBytes: 50_000 })).rejects.toMatchObject({
      code: 'file_too_complex',
      message: expect.stringMatching(/in all/),
    });
    const zip = await JSZip.loadAsync(file);
    zip.file(
      'xl/sharedStrings.xml',
      `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${' '.repeat(40 * 1024 * 1024)}</sst>`,
    );
    const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    await expect(readXlsx(bomb)).rejects.toMatchObject({
      code: 'file_too_complex',
      message: expect.stringMatching(/sharedStrings\.xml inflates more than 100 times/),
    });
  });

  it('refuses a part whose header states a size other than what it inflates to, and a file that is no zip', async () => {
    const file = await workbook([['名称'], ['甲']]);
    const cd = file.lastIndexOf(Buffer.from('xl/worksheets/sheet1.xml'));
    const lying = Buffer.from(file);
    lying.writeUInt32LE(lying.readUInt32LE(cd - 46 + 24) + 1, cd - 46 + 24);
    await expect(readXlsx(lying)).rejects.toMatchObject({ code: 'unreadable_file' });
    await expect(readXlsx(Buffer.concat([Buffer.from('PK'), Buffer.alloc(100)]))).rejects.toMatchObject({ code: 'unreadable_file' });
  });
});
