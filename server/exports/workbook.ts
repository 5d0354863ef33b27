// One way to write spreadsheets: text stays text (never a formula), numbers stay numeric.

export interface SheetSpec {
  name: string;
  columns: { header: string; key: string; width?: number }[];
  rows: Record<string, string | number | null>[];
}

// A text cell starting with one of these could be read as a formula by a spreadsheet (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;
export const neutraliseText = (text: string) => (FORMULA_START.test(text) ? `'${text}` : text);

export async function workbookBuffer(sheets: SheetSpec[]): Promise<Buffer> {
  // Loaded on first use: exceljs and its zip libraries are ~500 files a start would otherwise read.
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'Pingyi 评议';
  for (const spec of sheets) {
    const sheet = book.addWorksheet(spec.name);
    sheet.columns = spec.columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 16 }));
    sheet.getRow(1).font = { bold: true };
    for (const row of spec.rows) {
      const added = sheet.addRow({});
      for (const c of spec.columns) {
        const v = row[c.key];
        const cell = added.getCell(c.key);
        // Strings are written as literal text cells; the prefix also protects anyone re-saving as CSV.
        cell.value = typeof v === 'string' ? neutraliseText(v) : (v ?? null);
      }
    }
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const attachment = (filename: string) =>
  `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
