// The cadre registry import: row-level errors, nothing applied unless every row is right.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { makeTestContext } from '../support/app.ts';

const ctx = await makeTestContext();
const org = await ctx.as('org');
const api = (method: 'GET' | 'POST', url: string, payload?: object) =>
  ctx.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: org }, ...(payload ? { payload } : {}) });
await api('POST', '/units', { code: 'u-own', nameZh: '市测试局', kind: 'department', departmentId: ctx.departmentIds.own });
await api('POST', '/units', { code: 'u-town', nameZh: '城关镇', kind: 'township' });

const HEADERS = ['干部编号', '姓名', '单位', '职务', '职级', '是否领导职务', '任现职时间'];
async function xlsx(rows: (string | Date)[][]) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('干部名册');
  sheet.addRow(HEADERS);
  rows.forEach((r) => sheet.addRow(r));
  return Buffer.from(await book.xlsx.writeBuffer());
}
function upload(path: 'preview' | 'apply', content: Buffer, cookie = org) {
  const boundary = '----cadres' + Math.random().toString(16).slice(2);
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="干部名册.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return ctx.app.inject({
    method: 'POST',
    url: `/api/v1/cadres/import/${path}`,
    payload,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie },
  });
}
const total = async () => (await api('GET', '/cadres?pageSize=1')).json().total as number;

describe('cadre import', () => {
  it('names every bad row and applies nothing', async () => {
    const file = await xlsx([
      ['G001', '陈一', 'u-own', '局长', '三级调研员', '是', new Date('2019-03-01')],
      ['G002', '周二', '不存在的单位', '科员', '一级科员', '否', '2020-01-01'],
      ['G003', '吴三', '城关镇', '镇长', '处长', '是', '2020-01-01'],
      ['G001', '郑四', 'u-town', '科员', '二级科员', '否', '2021-01-01'],
      ['G005', '王五', 'u-town', '科员', '二级科员', '否', '2021-13-01'],
    ]);
    const preview = await upload('preview', file);
    expect(preview.statusCode).toBe(200);
    const errors = preview.json().errors as { row: number; field: string; message: string }[];
    expect(errors.map((e) => [e.row, e.field])).toEqual([
      [3, 'unit'],
      [4, 'rank'],
      [5, 'code'],
      [6, 'since'],
    ]);
    expect(errors[0]!.message).toContain('不存在的单位');
    const apply = await upload('apply', file);
    expect(apply.statusCode).toBe(422);
    expect(apply.json().error.code).toBe('import_has_errors');
    expect(await total()).toBe(0);
  });

  it('creates cadres with their first post, then records a move as a new tenure', async () => {
    const first = await upload(
      'apply',
      await xlsx([
        ['G001', '陈一', 'u-own', '局长', '三级调研员', '是', '2019-03-01'],
        ['G002', '周二', '城关镇', '科员', '一级主任科员', '否', '2018-07-01'],
      ]),
    );
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ creates: 2, moves: 0, applied: true });
    const second = await upload(
      'apply',
      await xlsx([
        ['G001', '陈一', 'u-own', '局长', '三级调研员', '是', '2019-03-01'],
        ['G002', '周二', 'u-own', '副局长', '四级调研员', '是', '2024-01-01'],
      ]),
    );
    expect(second.json()).toMatchObject({ creates: 0, moves: 1, unchanged: 1, applied: true });
    const g2 = (await api('GET', '/cadres?q=G002')).json().items[0];
    expect(g2).toMatchObject({ unitCode: 'u-own', rank: 'researcher_4', leadership: true });
    const detail = (await api('GET', `/cadres/${g2.id}`)).json();
    expect(detail.tenures.map((t: { since: string; until: string | null }) => [t.since, t.until])).toEqual([
      ['2018-07-01', '2023-12-31'],
      ['2024-01-01', null],
    ]);
    // A move that would start before the current post is a row error.
    const back = await upload('preview', await xlsx([['G002', '周二', 'u-town', '科员', '一级主任科员', '否', '2023-01-01']]));
    expect(back.json().errors).toEqual([expect.objectContaining({ row: 2, field: 'since' })]);
  });

  it('only the organisation department imports', async () => {
    const file = await xlsx([['G009', '冯九', 'u-own', '科员', '一级科员', '否', '2020-01-01']]);
    for (const role of ['admin', 'leader', 'dept_head'] as const)
      expect((await upload('preview', file, await ctx.as(role))).statusCode).toBe(403);
  });
});
