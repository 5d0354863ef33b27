// 干部名册导入 in the browser, as the organisation department does it: a register with mistakes is
// refused row by row and nothing is saved; the corrected one is imported whole.
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { httpClient, login, screenshot, startE2e } from '../support/e2e.ts';

const e2e = await startE2e();
const { api, cookieFor } = httpClient(e2e.baseUrl);

const HEADERS = ['干部编号', '姓名', '单位', '职务', '职级', '是否领导职务', '任现职时间'];
async function register(name: string, rows: string[][]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('干部名册');
  sheet.addRow(HEADERS);
  rows.forEach((r) => sheet.addRow(r));
  const path = join(tmpdir(), `pingyi-e2e-${process.pid}-${name}.xlsx`);
  await writeFile(path, Buffer.from(await book.xlsx.writeBuffer()));
  return path;
}
const count = async (page: Page, key: string) =>
  (await page.getByTestId(`cadre-import-count-${key}`).locator('.ant-statistic-content-value').textContent())?.trim();
const cadresNamed = async (q: string) =>
  (await api<{ total: number }>('GET', `/cadres?q=${encodeURIComponent(q)}&pageSize=5`, undefined, await cookieFor('org'))).total;

describe('cadre register import', () => {
  it('shows each bad row in words and saves nothing, then imports the corrected register', async () => {
    const [unit] = await api<{ code: string; nameZh: string }[]>('GET', '/units', undefined, await cookieFor('org'));
    const page = await e2e.newPage();
    await login(page, 'org');
    await page.getByTestId('nav').getByRole('menuitem', { name: '干部名册导入' }).click();
    await page.getByRole('heading', { name: '干部名册导入' }).waitFor();

    const good = [
      ['E2E-C001', '测试甲', unit!.code, '科员', '一级科员', '否', '2024-03-01'],
      ['E2E-C002', '测试乙', unit!.nameZh, '副科长', '四级主任科员', '否', '2023-07-01'],
    ];
    await page
      .locator('input[type=file]')
      .setInputFiles(
        await register('with-errors', [
          ...good,
          ['E2E-C003', '测试丙', '不存在的单位', '科员', '一级科员', '否', '2024-01-01'],
          ['E2E-C004', '测试丁', unit!.code, '科员', '处长', '否', '2024-01-01'],
          ['E2E-C001', '测试戊', unit!.code, '科员', '一级科员', '否', '2024-01-01'],
        ]),
      );
    const errors = page.getByTestId('cadre-import-errors');
    await errors.waitFor();
    expect(await count(page, 'total')).toBe('5');
    expect(await count(page, 'errors')).toBe('3');
    const rows = errors.locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.nth(0).textContent()).toContain('第 4 行');
    await expect.poll(() => rows.nth(0).textContent()).toContain('单位“不存在的单位”不存在');
    await expect.poll(() => rows.nth(1).textContent()).toContain('职级“处长”无法识别');
    await expect.poll(() => rows.nth(2).textContent()).toContain('干部编号与第 2 行重复');
    await expect.poll(() => page.getByTestId('cadre-import-apply').isDisabled()).toBe(true);
    await expect.poll(() => page.getByTestId('cadre-import-columns').textContent()).toContain('任现职时间');
    await screenshot(page, 'cadre-import-errors');
    expect(await cadresNamed('E2E-C00')).toBe(0);

    await page.locator('input[type=file]').setInputFiles(await register('good', good));
    await page.getByTestId('cadre-import-count-creates').getByText('2').waitFor();
    expect(await count(page, 'errors')).toBe('0');
    await page.getByTestId('cadre-import-apply').click();
    await page.getByTestId('cadre-import-success').waitFor();
    await expect.poll(() => page.getByTestId('cadre-import-success').textContent()).toContain('新增 2 名干部');
    expect(await cadresNamed('E2E-C00')).toBe(2);
    await screenshot(page, 'cadre-import-done');
    await page.context().close();
  });

  it("is the organisation department's alone", async () => {
    const page = await e2e.newPage();
    await login(page, 'leader');
    await expect.poll(() => page.getByTestId('nav').getByRole('menuitem').allTextContents()).not.toContain('干部名册导入');
    await page.goto('/points/import');
    await page.getByTestId('no-access').waitFor();
    await page.context().close();
  });
});
