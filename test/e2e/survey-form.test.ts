// The survey form on a 375×812 phone: how long it is before and after answering, rows that fold and
// reopen, answering that moves on, category jumps, resuming at the first unanswered department, the
// least-satisfied step among the departments rated (lowest first), sizes a thumb and eyes can use, and
// an axe-core accessibility check.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeSerious } from '../support/axe.ts';
import { httpClient, openRoundForSurvey, screenshot, startE2e } from '../support/e2e.ts';

const e2e = await startE2e();

const { api } = httpClient(e2e.baseUrl);
const { tokens } = await openRoundForSurvey(e2e.baseUrl, ['2035Q1', '2035Q2', '2035Q3', '2035Q4'], 4);
const SCREEN = { width: 375, height: 812 };
const LEVELS = ['满意', '比较满意', '基本满意', '不满意', '不了解（未打交道）'] as const;

async function phone(token: string): Promise<Page> {
  const page = await e2e.newPage({ phone: true });
  await page.setViewportSize(SCREEN);
  await page.goto(`/s/${token}`);
  await page.getByTestId('answered').waitFor();
  return page;
}

const screens = (page: Page) => page.evaluate((h) => document.documentElement.scrollHeight / h, SCREEN.height);
/** Rows still to answer are fieldsets (radio groups); answered rows fold into a one-line button. */
const openRows = (page: Page) => page.locator('fieldset[data-testid="department"]');
const focusedRow = (page: Page) => page.evaluate(() => document.activeElement?.closest('[data-testid="department"]')?.id ?? null);
const departmentTotal = async (page: Page) => Number((await page.getByTestId('answered').innerText()).split('/')[1]!.trim());

/** Visible controls smaller than 44×44 px and visible text under 16 px. */
function sizeProblems(page: Page) {
  return page.evaluate(() => {
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    const targets = [
      ...document.querySelectorAll(
        '.survey button, .survey label:has(input), .survey textarea, .survey input:not([type="radio"]):not([type="checkbox"])',
      ),
    ]
      .filter(visible)
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.height < 44 || r.width < 44)
      .map(({ el }) => el.textContent?.trim() ?? el.tagName);
    const small = [...document.querySelectorAll('.survey *')]
      .filter(
        (el) =>
          visible(el) &&
          [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim()) &&
          parseFloat(getComputedStyle(el).fontSize) < 16,
      )
      .map((el) => `${el.tagName}.${el.className}: ${el.textContent?.trim().slice(0, 20)}`);
    return { targets, small };
  });
}

describe('the survey form at 375×812', () => {
  it('fits 8 screens before and after answering, folds answered rows and moves on to the next unanswered', async () => {
    const page = await phone(tokens[0]!);
    const total = await departmentTotal(page);
    expect(total).toBeGreaterThanOrEqual(50);
    await expect.poll(() => openRows(page).count()).toBe(total);
    const before = await screens(page);
    expect(before).toBeLessThanOrEqual(8);
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(SCREEN.width);
    expect(await sizeProblems(page)).toEqual({ targets: [], small: [] });
    expect(await axeSerious(page)).toEqual([]);
    // Each department is a radio group named by the department.
    const firstName = (await openRows(page).first().locator('legend').innerText()).trim();
    await page.getByRole('group', { name: firstName, exact: true }).getByRole('radio', { name: '满意', exact: true }).waitFor();
    // Category sections with counts, and a jump list.
    const jumps = await page.getByTestId('jump-list').getByRole('button').allInnerTexts();
    expect(jumps.length).toBeGreaterThanOrEqual(5);
    expect(jumps[0]).toMatch(/^经济管理部门 0\/\d+$/);
    await screenshot(page, 'survey-compact-start');

    // A tap answers and folds the row; focus moves to the next one still to answer.
    const ids = await page.locator('[data-testid="department"]').evaluateAll((els) => els.map((e) => e.id));
    await openRows(page).first().getByRole('radio', { name: '满意', exact: true }).click();
    await expect
      .poll(() =>
        page
          .locator(`#${ids[0]}`)
          .getByRole('button', { name: new RegExp(`^${firstName}\\s*满意\\s*修改$`) })
          .count(),
      )
      .toBe(1);
    await expect.poll(() => focusedRow(page)).toBe(ids[1]);

    // A jump goes to the first unanswered department of that category.
    const lastJump = page.getByTestId('jump-list').getByRole('button').last();
    await lastJump.click();
    const lastCategoryFirst = await page
      .locator('section.category')
      .last()
      .locator('[data-testid="department"]')
      .first()
      .getAttribute('id');
    await expect.poll(() => focusedRow(page)).toBe(lastCategoryFirst);

    // Answer everything else, always on the row the form moved to; a 不满意 row stays open for its
    // optional reasons, and 完成 moves on.
    for (let i = 1; i < total; i++) {
      const row = await focusedRow(page);
      expect(row, `after ${i} answers`).not.toBeNull();
      await page
        .locator(`#${row}`)
        .getByRole('radio', { name: LEVELS[i % 5], exact: true })
        .click();
      if (LEVELS[i % 5] === '不满意') {
        await page
          .locator(`#${row}`)
          .getByRole('group', { name: /不满意的主要原因/ })
          .waitFor();
        await page.locator(`#${row}`).getByRole('button', { name: '完成' }).click();
      }
    }
    await page
      .getByTestId('answered')
      .filter({ hasText: `已答 ${total} / ${total}` })
      .waitFor();
    await expect.poll(() => openRows(page).count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('next-step');
    const after = await screens(page);
    expect(after).toBeLessThanOrEqual(8);
    console.log(`survey form: ${before.toFixed(2)} screens before answering, ${after.toFixed(2)} after (375×812, ${total} departments)`);
    expect(await sizeProblems(page)).toEqual({ targets: [], small: [] });
    expect(await axeSerious(page)).toEqual([]);
    await screenshot(page, 'survey-compact-answered');

    // A folded row reopens, keeps its answer, and folds again after a change.
    await page.locator(`#${ids[0]}`).getByRole('button').click();
    const reopened = page.getByRole('group', { name: firstName, exact: true });
    await expect.poll(() => reopened.getByRole('radio', { name: '满意', exact: true }).isChecked()).toBe(true);
    await reopened.getByRole('radio', { name: '不满意', exact: true }).click();
    await reopened.getByRole('group', { name: /不满意的主要原因/ }).waitFor(); // held open for reasons
    await reopened.getByRole('button', { name: '完成' }).click();
    await expect
      .poll(() =>
        page
          .locator(`#${ids[0]}`)
          .getByRole('button', { name: new RegExp(`^${firstName}\\s*不满意\\s*修改$`) })
          .count(),
      )
      .toBe(1);

    // From the keyboard: arrows change the answer without jumping away; leaving the row folds it.
    // (A row answered 满意: one arrow to the right is 比较满意, not 不满意 with its reasons to tab through.)
    const satisfiedRow = (
      await page
        .locator('.row__summary')
        .evaluateAll((els) =>
          els.filter((e) => e.querySelector('.row__level')?.textContent === '满意').map((e) => e.closest('[data-testid="department"]')!.id),
        )
    )[1]!;
    await page.locator(`#${satisfiedRow}`).getByRole('button').click();
    const group = page.locator(`#${satisfiedRow}`);
    const checkedBefore = await group.locator('input:checked').getAttribute('value');
    await page.keyboard.press('ArrowRight');
    expect(await focusedRow(page)).toBe(satisfiedRow);
    await expect.poll(() => group.locator('input:checked').getAttribute('value')).not.toBe(checkedBefore);
    await page.keyboard.press('Tab'); // to the comment button, still in the row
    await page.keyboard.press('Tab'); // 完成
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator(`fieldset#${satisfiedRow}`).count()).toBe(0);
    await page.context().close();
  });

  it('reopening the link resumes at the first department not yet answered', async () => {
    const page = await phone(tokens[1]!);
    const ids = await page.locator('[data-testid="department"]').evaluateAll((els) => els.map((e) => e.id));
    for (let i = 0; i < 12; i++)
      await page
        .locator(`#${ids[i]}`)
        .getByRole('radio', { name: LEVELS[i % 4], exact: true })
        .click();
    await page
      .getByTestId('save-status')
      .filter({ hasText: /^已保存/ })
      .waitFor();
    await page.context().close();

    const again = await phone(tokens[1]!);
    await again
      .getByTestId('answered')
      .filter({ hasText: /^已答 12 \// })
      .waitFor();
    await expect.poll(() => focusedRow(again)).toBe(ids[12]);
    const box = await again.locator(`#${ids[12]}`).boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(SCREEN.height);
    await expect
      .poll(() => again.getByRole('status').filter({ hasText: '已恢复您上次的答案' }).innerText())
      .toContain(await again.locator(`#${ids[12]} legend`).innerText());
    await screenshot(again, 'survey-compact-resumed');
    await again.context().close();
  });

  it('least-satisfied votes are a last step among the departments rated, lowest first', async () => {
    const token = tokens[2]!;
    const view = await api<{ departments: { id: number }[] }>('GET', `/survey/${token}`, undefined, null);
    const levels = ['satisfied', 'dissatisfied', 'not_applicable', 'basically_satisfied', 'fairly_satisfied'] as const;
    const res = await fetch(`${e2e.baseUrl}/api/v1/survey/${token}/draft`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ratings: view.departments.map((d, i) => ({ departmentId: d.id, level: levels[i % 5] })), leastSatisfied: [] }),
    });
    expect(res.status).toBe(200);
    const page = await phone(token);
    const total = view.departments.length;
    await page
      .getByTestId('answered')
      .filter({ hasText: `已答 ${total} / ${total}` })
      .waitFor();
    await expect.poll(() => page.getByRole('checkbox').count()).toBe(0); // no vote box under the rows

    await page.getByRole('button', { name: '下一步：选择最不满意部门' }).click();
    await page.getByRole('heading', { name: '最后一步：最不满意部门（选填）' }).waitFor();
    const candidates = page.getByTestId('vote-candidate');
    const rated = view.departments.filter((_, i) => levels[i % 5] !== 'not_applicable').length;
    await expect.poll(() => candidates.count()).toBe(rated);
    const shown = (await candidates.locator('.vote__level').allInnerTexts()).map((s) => s.trim());
    const rank = ['不满意', '基本满意', '比较满意', '满意'];
    expect(shown.map((l) => rank.indexOf(l))).toEqual([...shown.map((l) => rank.indexOf(l))].sort((a, b) => a - b));
    expect(shown[0]).toBe('不满意');
    expect(await screens(page)).toBeLessThanOrEqual(8);
    expect(await axeSerious(page)).toEqual([]);
    expect(await sizeProblems(page)).toEqual({ targets: [], small: [] });

    for (let i = 0; i < 3; i++) await candidates.nth(i).getByRole('checkbox').check();
    await page.getByTestId('votes-remaining').filter({ hasText: '已选满 3 个' }).waitFor();
    await expect.poll(() => candidates.nth(3).getByRole('checkbox').isDisabled()).toBe(true);
    await candidates.nth(0).getByRole('checkbox').uncheck();
    await candidates.nth(3).getByRole('checkbox').check();
    await screenshot(page, 'survey-compact-votes');

    // Back to the ratings and forward again: the votes stay.
    await page.getByRole('button', { name: '返回修改评价' }).click();
    await page.getByRole('button', { name: '下一步：选择最不满意部门' }).click();
    await expect.poll(() => page.getByTestId('vote-candidate').locator('input:checked').count()).toBe(3);

    await page.getByRole('button', { name: '提交问卷' }).click();
    await page.getByTestId('thank-you').waitFor();
    await page.context().close();
  });
});
