// Imports leave nothing on disk (issue 21, item 8): the temp folder (TMPDIR, a fresh one for this file)
// is as it was after a normal .xlsx import — whose sheet, as Excel writes it, comes before
// sharedStrings.xml — and after a crafted one whose sheet inflates 1 MB → 1 GiB, which is refused in
// words, quickly and with bounded memory.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUscc } from '#shared/uscc.ts';
import { stopImportWorker } from '#server/imports/bounded-import.ts';
import { makeTestContext } from '../support/app.ts';
import { multipart } from '../support/multipart.ts';

// Before anything reads a file: the import worker starts at the first import and inherits it. Test files
// share a worker process (vitest.config.ts, isolate: false): a warm import worker another file started is
// ended first, and the folder and the worker are put back after this file.
const TEMP = mkdtempSync(join(tmpdir(), 'pingyi-import-tmp-'));
const tmpBefore = process.env.TMPDIR;
process.env.TMPDIR = TEMP;
stopImportWorker();
afterAll(() => {
  if (tmpBefore === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = tmpBefore;
  stopImportWorker();
  rmSync(TEMP, { recursive: true, force: true });
});
const listing = () => readdirSync(TEMP, { recursive: true }).map(String).sort();

const ctx = await makeTestContext();
const admin = await ctx.as('admin');

const upload = (step: 'preview' | 'apply', filename: string, content: Buffer) => {
  const m = multipart(filename, content);
  return ctx.app.inject({
    method: 'POST',
    url: `/api/v1/enterprises/import/${step}`,
    payload: m.payload,
    headers: { ...m.headers, cookie: admin },
  });
};

/** Zip entry names in file order. */
const order = async (file: Buffer) => Object.keys((await JSZip.loadAsync(file)).files);

/** A zip written by hand, entries in the given order, each already deflated (raw) with its stated size. */
function zipOf(entries: { name: string; deflated: Buffer; size: number }[]) {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.deflated.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(8, 10);
    cd.writeUInt32LE(e.deflated.length, 20);
    cd.writeUInt32LE(e.size, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    locals.push(local, name, e.deflated);
    central.push(cd, name);
    offset += 30 + name.length + e.deflated.length;
  }
  const cdBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cdBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cdBytes, end]);
}
const part = (name: string, xml: string) => ({ name, deflated: deflateRawSync(Buffer.from(xml)), size: Buffer.byteLength(xml) });

/** A sheet of 1 GiB of spaces in about 1 MB: one fully flushed deflate block of 1 MiB, 1,024 times, then a final empty block. */
function bombSheet() {
  const block = deflateRawSync(Buffer.alloc(1 << 20, 0x20), { finishFlush: constants.Z_FULL_FLUSH });
  const head =
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
  return {
    name: 'xl/worksheets/sheet1.xml',
    deflated: Buffer.concat([
      deflateRawSync(Buffer.from(head), { finishFlush: constants.Z_FULL_FLUSH }),
      ...Array.from({ length: 1024 }, () => block),
      Buffer.from([0x03, 0x00]),
    ]),
    size: Buffer.byteLength(head) + 2 ** 30,
  };
}

let warm: string[] = [];
describe('imports leave nothing on disk', () => {
  // The worker's first start leaves tsx's compile cache of its code (no data) in TMPDIR: that is the
  // folder as it was; the imports below must add nothing to it.
  beforeAll(async () => {
    const csv = Buffer.from(
      `统一社会信用代码,企业名称,行业,规模,乡镇\n${makeUscc('429004MA0000401')},仙桃市预热有限公司,制造业,小型,郑场镇\n`,
    );
    expect((await upload('preview', 'warm.csv', csv)).statusCode).toBe(200);
    expect((await upload('apply', 'warm.csv', csv)).statusCode).toBe(200);
    warm = listing();
    expect(warm.filter((f) => !f.startsWith('tsx-'))).toEqual([]);
  });

  it('a normal .xlsx import (sheet before sharedStrings, as Excel writes it) leaves the temp folder as it was', async () => {
    const before = listing();
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('名录');
    sheet.addRow(['统一社会信用代码', '企业名称', '行业', '规模', '乡镇', '联系人', '联系电话']);
    for (let i = 0; i < 50; i++)
      sheet.addRow([
        makeUscc(`429004MA${String(500 + i).padStart(7, '0')}`),
        `仙桃市临时文件测试${i}号有限公司`,
        '制造业',
        '小型',
        '郑场镇',
        `联系人${i}`,
        `139${String(i).padStart(8, '0')}`,
      ]);
    const file = Buffer.from(await book.xlsx.writeBuffer());
    const names = await order(file);
    expect(names.indexOf('xl/worksheets/sheet1.xml')).toBeLessThan(names.indexOf('xl/sharedStrings.xml'));
    const preview = await upload('preview', 'registry.xlsx', file);
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().total).toBe(50);
    const applied = await upload('apply', 'registry.xlsx', file);
    expect(applied.statusCode, applied.body).toBe(200);
    expect(listing()).toEqual(before);
  });

  it('a crafted .xlsx whose sheet comes first and inflates 1 MB → 1 GiB is refused in words, quickly, in bounded memory, leaving nothing', async () => {
    const before = listing();
    const file = zipOf([
      part(
        '[Content_Types].xml',
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      ),
      part(
        'xl/workbook.xml',
        '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="s" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
      part(
        'xl/_rels/workbook.xml.rels',
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
      bombSheet(),
      part(
        'xl/sharedStrings.xml',
        '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>',
      ),
    ]);
    expect(file.length).toBeLessThan(1.5 * 2 ** 20);
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 10);
    const cpuBefore = process.cpuUsage();
    const res = await upload('preview', 'bomb.xlsx', file).finally(() => clearInterval(sampler));
    const cpu = process.cpuUsage(cpuBefore);
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error).toMatchObject({
      code: 'file_too_complex',
      message: expect.stringMatching(/xl\/worksheets\/sheet1\.xml inflates/),
    });
    expect((cpu.user + cpu.system) / 1000).toBeLessThan(5_000);
    expect((peak - rssBefore) / 2 ** 20).toBeLessThan(300);
    expect(listing()).toEqual(before);
  });

  it('after both, and once the server stops, the temp folder is still as it was', async () => {
    expect(listing()).toEqual(warm);
    await ctx.app.close();
    expect(listing()).toEqual(warm);
  });
});
