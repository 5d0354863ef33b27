import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { makeUscc, USCC_ALPHABET } from '#shared/uscc.ts';
import { chooseOption, login, screenshot, startE2e } from '../support/e2e.ts';

const e2e = await startE2e();

const HEADER = '统一社会信用代码,企业名称,行业,企业规模,乡镇,联系人,联系电话';
const valid = [
  [makeUscc('429004E2E000001'), '仙桃评议测试甲有限公司', '制造业', '小型', '沙嘴街道', '张三', '13800000001'],
  [makeUscc('429004E2E000002'), '仙桃评议测试乙商行', '批发和零售业', '微型', '干河街道', '李四', '13800000002'],
  [makeUscc('429004E2E000003'), '仙桃评议测试丙科技有限公司', '信息传输、软件和信息技术服务业', '中型', '工业园', '', ''],
];
// A wrong check character: a valid code with its last character changed.
const goodCode = makeUscc('429004E2E000004');
const badCode = goodCode.slice(0, 17) + USCC_ALPHABET[(USCC_ALPHABET.indexOf(goodCode[17]!) + 1) % USCC_ALPHABET.length];
const bad = [badCode, '仙桃评议测试丁有限公司', '制造业', '小型', '沙嘴街道', '', ''];

async function writeCsv(name: string, rows: string[][]): Promise<string> {
  const path = join(tmpdir(), `pingyi-e2e-${process.pid}-${name}.csv`);
  const quote = (c: string) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  await writeFile(path, `\uFEFF${[HEADER, ...rows.map((r) => r.map(quote).join(','))].join('\r\n')}\r\n`);
  return path;
}

const count = async (page: Page, key: string) =>
  (await page.getByTestId(`import-count-${key}`).locator('.ant-statistic-content-value').textContent())?.trim();

async function upload(page: Page, path: string) {
  await page.locator('input[type=file]').setInputFiles(path);
  await page.getByTestId('import-count-total').waitFor();
}

// The column mapped to a field, picked as a person does (after the list has finished opening: chooseOption).
const chooseMapping = (page: Page, field: string, option: string) => chooseOption(page, page.getByTestId(`mapping-${field}`), option);

describe('registry import', () => {
  it('shows row errors and blocks the import, then imports a corrected file', async () => {
    const page = await e2e.newPage();
    await login(page, 'admin');
    await page.getByTestId('nav').getByRole('menuitem', { name: '名录导入' }).click();
    await page.getByRole('heading', { name: '批量导入市场主体' }).waitFor();

    // 1. A file with one bad credit code (row 5: the header is row 1).
    await upload(page, await writeCsv('with-error', [...valid, bad]));
    const errors = page.getByTestId('import-errors');
    await errors.waitFor();
    const errorText = await errors.textContent();
    expect(errorText).toContain('第 5 行');
    expect(errorText).toContain(badCode);
    expect(errorText).toContain('统一社会信用代码校验位不正确');
    await expect.poll(() => count(page, 'errors')).toBe('1');
    await expect.poll(() => count(page, 'total')).toBe('4');
    await expect.poll(() => page.getByTestId('import-apply').isDisabled()).toBe(true);
    await expect.poll(() => page.getByTestId('import-blocked').textContent()).toContain('请先修正全部问题');
    // Headers detected and mapped by the server.
    await expect.poll(() => page.getByTestId('import-headers').textContent()).toContain('统一社会信用代码');
    await screenshot(page, 'import-preview-errors');

    // 2. The corrected file: 3 new enterprises, no errors.
    await upload(page, await writeCsv('fixed', valid));
    await page.getByTestId('import-errors').waitFor({ state: 'detached' });
    await expect.poll(() => count(page, 'total')).toBe('3');
    await expect.poll(() => count(page, 'creates')).toBe('3');
    await expect.poll(() => count(page, 'updates')).toBe('0');
    await expect.poll(() => count(page, 'errors')).toBe('0');
    await expect.poll(() => page.getByTestId('import-preview').textContent()).toContain('仙桃评议测试甲有限公司');

    // Unmapping a required column re-checks the file and blocks the import; mapping it again unblocks it.
    await chooseMapping(page, 'township', '不导入');
    await page.getByTestId('import-errors').filter({ hasText: '以下必填字段还没有对应的列：镇街' }).waitFor();
    await expect.poll(() => page.getByTestId('import-apply').isDisabled()).toBe(true);
    await chooseMapping(page, 'township', '乡镇');
    await page.getByTestId('import-errors').waitFor({ state: 'detached' });
    await page.waitForFunction(() => !document.querySelector('[data-testid=import-apply]')?.hasAttribute('disabled'));
    await screenshot(page, 'import-preview-ok');

    await page.getByTestId('import-apply').click();
    const success = page.getByTestId('import-success');
    await success.waitFor();
    await expect.poll(() => success.textContent()).toContain('新增 3 家，更新 0 家');
    await screenshot(page, 'import-applied');

    // 3. The new enterprise is in the registry.
    await page.getByRole('button', { name: '查看市场主体名录' }).click();
    await page.waitForURL('**/enterprises');
    await page.getByTestId('enterprise-search').locator('input').fill('评议测试乙');
    await page.getByTestId('enterprise-search').locator('input').press('Enter');
    await page.waitForURL(/q=/);
    const table = page.getByTestId('enterprise-table');
    await table.getByText('仙桃评议测试乙商行').waitFor();
    await expect.poll(() => table.textContent()).toContain(valid[1]![0]);
    await expect.poll(() => table.locator('tbody tr.ant-table-row').count()).toBe(1);
    await screenshot(page, 'enterprises-search');
    await page.context().close();
  });
});

/** Text in GBK, as a Chinese Windows writes it (the inverse of the browser's and Node's GB18030 decoder on two-byte codes). */
function gbkBytes(text: string): Buffer {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail !== 0x7f) table.set(decoder.decode(new Uint8Array([lead, trail])), [lead, trail]);
    }
  }
  return Buffer.from([...text].flatMap((c) => (c.charCodeAt(0) < 0x80 ? [c.charCodeAt(0)] : (table.get(c) ?? [0x3f]))));
}

describe('what the import says about the file itself', () => {
  it('names the detected encoding of a CSV, and refuses an over-long cell naming its row and column', async () => {
    const page = await e2e.newPage();
    await login(page, 'admin', '/enterprises/import');
    await page.getByRole('heading', { name: '批量导入市场主体' }).waitFor();

    // As Excel saves a CSV on a Chinese Windows: GBK bytes, no byte-order mark.
    const gbk = join(tmpdir(), `pingyi-e2e-${process.pid}-gbk.csv`);
    await writeFile(gbk, gbkBytes(`${HEADER}\r\n${valid.map((r) => r.join(',')).join('\r\n')}\r\n`));
    await upload(page, gbk);
    await expect.poll(() => page.getByTestId('import-encoding').textContent()).toContain('文件编码：GB18030');
    await page.getByTestId('import-preview').getByText(valid[0]![1]!, { exact: true }).waitFor();
    await expect.poll(() => count(page, 'errors')).toBe('0');

    await upload(page, await writeCsv('bom', valid));
    await page
      .getByTestId('import-encoding')
      .getByText(/UTF-8（带 BOM）/)
      .waitFor();

    await page
      .locator('input[type=file]')
      .setInputFiles(
        await writeCsv('long-cell', [valid[0]!, [makeUscc('429004E2E000010'), '长'.repeat(1_001), '制造业', '小型', '沙嘴街道', '', '']]),
      );
    const problem = page.getByTestId('import-problem');
    await problem.waitFor();
    await expect.poll(() => problem.textContent()).toBe('第 3 行 B 列：单元格超过 1000 字符。');
    await screenshot(page, 'import-cell-too-long');
    await page.context().close();
  });
});
