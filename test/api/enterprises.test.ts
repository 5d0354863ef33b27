import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { makeUscc } from '#shared/uscc.ts';
import { makeTestContext } from '../support/app.ts';
import { multipart } from '../support/multipart.ts';

const ctx = await makeTestContext();
const admin = await ctx.as('admin');
const api = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, cookie = admin) =>
  ctx.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload ? { payload } : {}) });

const U = (n: number) => makeUscc(`429004MA${String(n).padStart(7, '0')}`);

const upload = (path: 'preview' | 'apply', filename: string, content: Buffer | string, mapping?: object, cookie = admin) => {
  const m = multipart(filename, content, mapping);
  return ctx.app.inject({
    method: 'POST',
    url: `/api/v1/enterprises/import/${path}`,
    payload: m.payload,
    headers: { ...m.headers, cookie },
  });
};
const count = async () => (await api('GET', '/enterprises?pageSize=1')).json().total as number;

const csv = (rows: string[][]) =>
  '\uFEFF' + [['统一社会信用代码', '企业名称', '行业', '规模', '乡镇', '联系人', '联系电话'], ...rows].map((r) => r.join(',')).join('\n');

describe('enterprises registry', () => {
  it('creates, reads, updates and lists with search and filters', async () => {
    const created = await api('POST', '/enterprises', {
      uscc: U(1).toLowerCase(),
      name: '仙桃市恒达纺织有限公司',
      industry: '制造业',
      sizeClass: 'small',
      township: '郑场镇',
      contactName: '张三',
      contactPhone: '13800000000',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().uscc).toBe(U(1));
    const patched = await api('PATCH', `/enterprises/${U(1)}`, { sizeClass: 'medium' });
    expect(patched.json().sizeClass).toBe('medium');
    expect((await api('GET', `/enterprises/${U(1)}`)).json().name).toBe('仙桃市恒达纺织有限公司');
    expect((await api('GET', '/enterprises?q=恒达')).json().items).toHaveLength(1);
    expect((await api('GET', '/enterprises?township=毛嘴镇')).json().total).toBe(0);
    expect((await api('GET', '/enterprises/facets')).json()).toEqual({ townships: ['郑场镇'], industries: ['制造业'] });
  });

  it('rejects an invalid USCC with a message naming the problem', async () => {
    const bad = U(2).slice(0, 17) + (U(2).endsWith('0') ? '1' : '0');
    const res = await api('POST', '/enterprises', { uscc: bad, name: 'X', industry: '制造业', sizeClass: 'small', township: '郑场镇' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/unified social credit code/);
    expect(
      (await api('POST', '/enterprises', { uscc: U(1), name: 'dup', industry: 'x', sizeClass: 'small', township: 'y' })).statusCode,
    ).toBe(409);
    expect((await api('PATCH', `/enterprises/${U(99)}`, { name: 'x' })).statusCode).toBe(404);
  });

  it('previews a CSV import with row-level errors, and applying it changes nothing', async () => {
    const bad = U(12).slice(0, 17) + (U(12).endsWith('0') ? '1' : '0');
    const file = csv([
      [U(10), '仙桃市甲公司', '制造业', '小型', '郑场镇', '李四', '13900000000'],
      [bad, '仙桃市乙公司', '制造业', '微型', '毛嘴镇', '', ''],
      [U(10), '仙桃市丙公司', '建筑业', '中型', '沙嘴街道', '', ''],
      [U(11), '', '建筑业', '中型', '沙嘴街道', '', ''],
    ]);
    const before = await count();
    const preview = await upload('preview', 'registry.csv', file);
    expect(preview.statusCode).toBe(200);
    const body = preview.json();
    expect(body.mapping).toMatchObject({ uscc: '统一社会信用代码', name: '企业名称', sizeClass: '规模', township: '乡镇' });
    expect(body.total).toBe(4);
    expect(body.errors.map((e: { row: number }) => e.row)).toEqual([3, 4, 5]);
    expect(body.errors[0].message).toContain(bad);
    expect(body.errors[1].message).toMatch(/duplicate code, already on row 2/);
    expect(body.errors[2].message).toMatch(/name/);
    const applied = await upload('apply', 'registry.csv', file);
    expect(applied.statusCode).toBe(422);
    expect(applied.json().error).toMatchObject({ code: 'import_has_errors', details: { applied: false, errors: body.errors } });
    expect(await count()).toBe(before);
  });

  it('applies a clean .xlsx import all at once and updates by USCC on re-import', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('名录');
    sheet.addRow(['Credit code', 'Enterprise name', 'Industry', 'Size', 'Town']);
    sheet.addRow([U(20), '仙桃市丁公司', '制造业', 'small', '郑场镇']);
    sheet.addRow([U(1), '仙桃市恒达纺织股份有限公司', '制造业', 'large', '郑场镇']);
    const data = Buffer.from(await book.xlsx.writeBuffer());
    const mapping = { uscc: 'Credit code', name: 'Enterprise name', industry: 'Industry', sizeClass: 'Size', township: 'Town' };
    const preview = (await upload('preview', 'r.xlsx', data, mapping)).json();
    expect(preview).toMatchObject({ total: 2, creates: 1, updates: 1, errors: [], applied: false });
    const res = await upload('apply', 'r.xlsx', data, mapping);
    expect(res.statusCode).toBe(200);
    expect(res.json().applied).toBe(true);
    expect((await api('GET', `/enterprises/${U(1)}`)).json()).toMatchObject({ name: '仙桃市恒达纺织股份有限公司', sizeClass: 'large' });
    expect((await api('GET', `/enterprises/${U(20)}`)).statusCode).toBe(200);
    const audit = (await api('GET', '/audit?entityType=enterprise')).json();
    expect(audit.items[0]).toMatchObject({ action: 'enterprise.import', summary: { rows: 2, creates: 1, updates: 1 } });
  });

  it("stores every field of an import in the file's order, and a re-import overwrites them, blanks included", async () => {
    const first = csv([
      [U(30), '仙桃市戊公司', '批发和零售业', '中型', '毛嘴镇', '王五', '13700000000'],
      [U(31), '仙桃市己公司', '建筑业', '微型', '沙嘴街道', '', ''],
    ]);
    expect((await upload('apply', 'order.csv', first)).json()).toMatchObject({ applied: true, creates: 2, updates: 0 });
    const get = async (u: string) => (await api('GET', `/enterprises/${u}`)).json();
    const [a, b] = [await get(U(30)), await get(U(31))];
    expect(a).toMatchObject({
      name: '仙桃市戊公司',
      industry: '批发和零售业',
      sizeClass: 'medium',
      township: '毛嘴镇',
      contactName: '王五',
      contactPhone: '13700000000',
      contactEmail: null,
      active: true,
    });
    expect(b).toMatchObject({ name: '仙桃市己公司', sizeClass: 'micro', contactName: null, contactPhone: null });
    expect(b.id).toBeGreaterThan(a.id);
    const second = csv([
      [U(30), '仙桃市戊公司', '批发和零售业', '中型', '毛嘴镇', '', ''],
      [U(31), '仙桃市己公司', '建筑业', '小型', '沙嘴街道', '赵六', '13600000000'],
    ]);
    expect((await upload('apply', 'order.csv', second)).json()).toMatchObject({ applied: true, creates: 0, updates: 2 });
    expect(await get(U(30))).toMatchObject({ id: a.id, contactName: null, contactPhone: null });
    expect(await get(U(31))).toMatchObject({ id: b.id, sizeClass: 'small', contactName: '赵六', contactPhone: '13600000000' });
  });

  it('refuses unusable uploads clearly', async () => {
    expect((await upload('preview', 'r.txt', 'hello')).json().error.code).toBe('unsupported_file');
    expect((await upload('preview', 'r.xlsx', 'not a zip')).json().error.code).toBe('unreadable_file');
    expect((await upload('preview', 'r.csv', '')).json().error.code).toBe('empty_file');
    const noMap = await upload('preview', 'r.csv', 'a,b\n1,2');
    expect(noMap.json().errors[0].message).toMatch(/No column is mapped to: uscc, name/);
    const badMapping = await upload('preview', 'r.csv', csv([]), { uscc: 42 });
    expect(badMapping.statusCode).toBe(422);
    const notMultipart = await api('POST', '/enterprises/import/preview', { file: 'x' });
    // Uploads take multipart only: JSON (or a cross-site form's text/plain) is refused before reading.
    expect(notMultipart.statusCode).toBe(415);
    expect(notMultipart.json().error.code).toBe('unsupported_media_type');
  });

  it('keeps the registry from leaders and department heads', async () => {
    for (const role of ['leader', 'dept_head'] as const) {
      expect((await api('GET', '/enterprises', undefined, await ctx.as(role))).statusCode).toBe(403);
    }
    expect((await api('GET', '/enterprises', undefined, await ctx.as('supervisor'))).statusCode).toBe(200);
    expect((await upload('apply', 'r.csv', csv([]), undefined, await ctx.as('supervisor'))).statusCode).toBe(403);
  });
});
