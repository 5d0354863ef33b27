// Crafted spreadsheets against the import: refused in under 5 s naming the row and column, the server
// answering /health within 200 ms meanwhile, memory bounded; GBK CSVs read right; overwritten values audited.
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { desc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '#server/db/schema.ts';
import { makeUscc } from '#shared/uscc.ts';
import { makeTestContext } from '../support/app.ts';
import { multipart } from '../support/multipart.ts';

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

/** The slowest of /health's answers over a second with no import running: the machine's own noise. */
async function quietHealth() {
  let slowest = 0;
  for (const until = performance.now() + 1_000; performance.now() < until; ) {
    const start = performance.now();
    await ctx.app.inject({ method: 'GET', url: '/api/v1/health' });
    slowest = Math.max(slowest, performance.now() - start);
    await new Promise((r) => setTimeout(r, 20));
  }
  return slowest;
}
// 200 ms, or more on a machine already so busy that /health is slower than that without any import.
let healthBound = 200;
/**
 * A main thread blocked by the import would hold a /health call for nearly the whole import, from its first
 * 20 ms on; jitter does not. Judged against the import's wall time, which a busy machine stretches as it
 * stretches the calls (against its CPU time, a 0.6 s refusal on a loaded machine once failed at 212 ms).
 */
const neverBlocked = (slowestHealth: number, importWallMs: number) =>
  expect(slowestHealth).toBeLessThan(Math.max(healthBound, importWallMs / 2));

/** Runs the import while polling /health and sampling memory: its answer, duration, slowest health check, memory growth. */
async function watched(
  run: () => Promise<{
    statusCode: number;
    json(): { error?: { code: string; message?: string; details?: unknown }; [k: string]: unknown };
  }>,
) {
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  let slowestHealth = 0;
  let done = false;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  const health = (async () => {
    while (!done) {
      const start = performance.now();
      const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/health' });
      expect(res.statusCode).toBe(200);
      slowestHealth = Math.max(slowestHealth, performance.now() - start);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const start = performance.now();
  const cpuBefore = process.cpuUsage();
  const res = await run().finally(() => {
    done = true;
  });
  const wallMs = performance.now() - start;
  // CPU time of the whole process (worker included): what the refusal costs, whatever else shares the machine.
  const cpu = process.cpuUsage(cpuBefore);
  await health;
  clearInterval(sampler);
  return { res, ms: (cpu.user + cpu.system) / 1000, wallMs, slowestHealth, growthMb: (peak - rssBefore) / 2 ** 20 };
}

/** A real workbook whose first sheet is replaced by the given XML rows (as a crafted file would be). */
async function craftedXlsx(rowsXml: string, sharedStrings?: string[]) {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('s').addRow(['x']);
  const zip = await JSZip.loadAsync(await book.xlsx.writeBuffer());
  zip.file(
    'xl/worksheets/sheet1.xml',
    `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rowsXml}</sheetData></worksheet>`,
  );
  if (sharedStrings) {
    zip.file(
      'xl/sharedStrings.xml',
      `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${sharedStrings.length}" uniqueCount="${sharedStrings.length}">${sharedStrings.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`,
    );
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

describe('crafted imports', () => {
  // The import worker starts once per process and stays warm; the limits are timed on a running one.
  beforeAll(async () => {
    expect((await upload('preview', 'warm.csv', Buffer.from('统一社会信用代码\n1\n'))).statusCode).toBe(200);
    healthBound = Math.max(200, 3 * (await quietHealth()));
  });

  it('refuses 5,000 rows with one cell in column XFD, naming the row and column', async () => {
    const rows = ['<row r="1"><c r="A1" t="inlineStr"><is><t>统一社会信用代码</t></is></c></row>'];
    for (let r = 2; r <= 5001; r++) rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="XFD${r}"><v>1</v></c></row>`);
    const file = await craftedXlsx(rows.join(''));
    expect(file.length).toBeLessThan(100_000);
    const { res, ms, wallMs, slowestHealth, growthMb } = await watched(() => upload('preview', 'xfd.xlsx', file));
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'too_many_columns', details: { row: 2, column: 'XFD' } });
    expect(ms).toBeLessThan(5_000);
    neverBlocked(slowestHealth, wallMs);
    expect(growthMb).toBeLessThan(300);
  });

  it('refuses a million-row CSV at row 200,002 while /health keeps answering', async () => {
    const file = Buffer.from('统一社会信用代码,企业名称\n' + '1,2\n'.repeat(1_000_000));
    const { res, ms, wallMs, slowestHealth, growthMb } = await watched(() => upload('preview', 'million.csv', file));
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'too_many_rows', details: { row: 200_002 } });
    expect(ms).toBeLessThan(5_000);
    neverBlocked(slowestHealth, wallMs);
    expect(growthMb).toBeLessThan(300);
  });

  it('refuses a cell of five million characters inside a 20 KB workbook without answering it back', async () => {
    const file = await craftedXlsx('<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c></row>', [
      '统一社会信用代码',
      'x'.repeat(5_000_000),
    ]);
    expect(file.length).toBeLessThan(50_000);
    const { res, ms, growthMb } = await watched(() => upload('preview', 'bigcell.xlsx', file));
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'cell_too_long', details: { row: 2, column: 'A' } });
    expect(JSON.stringify(res.json()).length).toBeLessThan(2_000);
    expect(ms).toBeLessThan(5_000);
    expect(growthMb).toBeLessThan(300);
  });

  it('refuses an over-long cell deep in a workbook at its row and column, and one far out at its column', async () => {
    const rows = [
      '<row r="1"><c r="A1" t="inlineStr"><is><t>统一社会信用代码</t></is></c><c r="B1" t="inlineStr"><is><t>企业名称</t></is></c><c r="C1" t="inlineStr"><is><t>行业</t></is></c></row>',
    ];
    for (let r = 2; r <= 5000; r++)
      rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}" t="inlineStr"><is><t>企业${r}</t></is></c></row>`);
    const long = `<row r="5001"><c r="A5001"><v>1</v></c><c r="C5001" t="inlineStr"><is><t>${'长'.repeat(1_001)}</t></is></c></row>`;
    const deep = await watched(async () => upload('preview', 'deep.xlsx', await craftedXlsx(rows.join('') + long)));
    expect(deep.res.statusCode).toBe(422);
    expect(deep.res.json().error).toMatchObject({ code: 'cell_too_long', details: { row: 5001, column: 'C' } });
    expect(deep.res.json().error?.message).toContain('Row 5001, column C');
    expect(deep.ms).toBeLessThan(5_000);
    // The same cell in column XFD: refused for the column before the cell is even read.
    const far = `<row r="5001"><c r="A5001"><v>1</v></c><c r="XFD5001" t="inlineStr"><is><t>${'长'.repeat(1_001)}</t></is></c></row>`;
    const res = await upload('preview', 'far.xlsx', await craftedXlsx(rows.join('') + far));
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'too_many_columns', details: { row: 5001, column: 'XFD' } });
    // Exactly at the limit is accepted.
    const atLimit = `<row r="5001"><c r="A5001"><v>1</v></c><c r="C5001" t="inlineStr"><is><t>${'长'.repeat(1_000)}</t></is></c></row>`;
    const ok = await upload('preview', 'limit.xlsx', await craftedXlsx(rows.join('') + atLimit));
    expect(ok.statusCode).toBe(200);
    expect(ok.json().total).toBe(5_000);
  });

  it('refuses an upload over the size limit with 413 while it streams in', async () => {
    const res = await upload('preview', 'huge.csv', Buffer.alloc(33 * 1024 * 1024, 'a'));
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
  });

  it('refuses a NUL in the file name or in a cell with 400/422 naming where, never 500', async () => {
    const nulName = await upload('preview', 'bad\u0000name.csv', Buffer.from('a\n1\n'));
    expect(nulName.statusCode).toBe(400);
    const nulCell = await upload('preview', 'nul.csv', Buffer.from('统一社会信用代码,企业名称\n1,a\u0000b\n'));
    expect(nulCell.statusCode).toBe(422);
    expect(nulCell.json().error).toMatchObject({ code: 'control_characters', details: { row: 2, column: 'B' } });
  });

  it('the server is alive and imports normally afterwards', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(200);
  });
});

describe('encodings and overwritten values', () => {
  const header = ['统一社会信用代码', '企业名称', '行业', '规模', '乡镇'];
  const U = (n: number) => makeUscc(`429004MA${String(n).padStart(7, '0')}`);

  it('reads a GBK CSV as GB18030 and says so in the preview', async () => {
    // "企业名称" and "中文" in GBK; the rest ASCII: a file as Excel saves it on a Chinese Windows.
    const gbkName = Buffer.from([0xd6, 0xd0, 0xce, 0xc4]); // 中文
    const utf8Header = Buffer.from(header.join(','), 'utf8');
    const utf8 = await upload('preview', 'utf8.csv', Buffer.concat([utf8Header, Buffer.from(`\n${U(1)},中文,制造业,小型,郑场镇\n`)]));
    expect(utf8.json().encoding).toBe('utf-8');
    const gbkHeader = Buffer.from([
      0xcd, 0xb3, 0xd2, 0xbb, 0xc9, 0xe7, 0xbb, 0xe1, 0xd0, 0xc5, 0xd3, 0xc3, 0xb4, 0xfa, 0xc2, 0xeb, 0x2c, 0xc6, 0xf3, 0xd2, 0xb5, 0xc3,
      0xfb, 0xb3, 0xc6,
    ]); // 统一社会信用代码,企业名称
    const res = await upload('preview', 'gbk.csv', Buffer.concat([gbkHeader, Buffer.from(`\n${U(1)},`), gbkName, Buffer.from('\n')]));
    expect(res.statusCode).toBe(200);
    expect(res.json().encoding).toBe('gb18030');
    expect(res.json().headers).toEqual(['统一社会信用代码', '企业名称']);
  });

  it('records in the audit log the values an import overwrote', async () => {
    const csv = (name: string) =>
      Buffer.from('\uFEFF' + [header, [U(7), name, '制造业', '小型', '郑场镇']].map((r) => r.join(',')).join('\n'));
    expect((await upload('apply', 'first.csv', csv('仙桃市旧名称有限公司'))).statusCode).toBe(200);
    expect((await upload('apply', 'second.csv', csv('仙桃市新名称有限公司'))).statusCode).toBe(200);
    const [entry] = await ctx.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'enterprise.import'))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(entry!.summary).toMatchObject({
      updates: 1,
      overwritten: [{ uscc: U(7), before: { name: '仙桃市旧名称有限公司' }, after: { name: '仙桃市新名称有限公司' } }],
    });
  });

  it('records every overwritten value of a large import, a thousand to an audit entry, and the chain still verifies', async () => {
    const n = 2_500;
    const csv = (suffix: string) =>
      Buffer.from(
        '\uFEFF' +
          [header, ...Array.from({ length: n }, (_, i) => [U(10_000 + i), `仙桃市第${i}号${suffix}有限公司`, '制造业', '小型', '郑场镇'])]
            .map((r) => r.join(','))
            .join('\n'),
      );
    expect((await upload('apply', 'many.csv', csv('甲'))).statusCode).toBe(200);
    const res = await upload('apply', 'many.csv', csv('乙'));
    expect(res.json()).toMatchObject({ applied: true, updates: n, creates: 0 });
    const entries = await ctx.database.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(3);
    const [main, ...parts] = entries as {
      action: string;
      summary: { overwritten: { uscc: string; before: { name: string } }[]; parts?: number; part?: number };
    }[];
    expect(main!.action).toBe('enterprise.import');
    expect(main!.summary).toMatchObject({ rows: n, updates: n, parts: 2 });
    expect(parts.map((p) => [p.action, p.summary.part])).toEqual([
      ['enterprise.import.overwritten', 2],
      ['enterprise.import.overwritten', 1],
    ]);
    const all = [...parts.reverse(), main!].flatMap((e) => e.summary.overwritten);
    expect(all).toHaveLength(n);
    expect(all[1_234]).toEqual({
      uscc: U(11_234),
      before: { name: '仙桃市第1234号甲有限公司' },
      after: { name: '仙桃市第1234号乙有限公司' },
    });
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: { cookie: admin } })).json()).toMatchObject({
      ok: true,
    });
  });
});
