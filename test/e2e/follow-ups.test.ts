// The follow-up list in the browser: the admin records a refused call and a firm found deregistered on
// the round's 跟进名单, is offered its replacement from the draw's backups and takes it, and sees the
// dispositions and the AAPOR rates on the round page.
import { describe, expect, it } from 'vitest';
import { clickUntil, httpClient, login, openRoundForSurvey, screenshot, startE2e } from '../support/e2e.ts';

const e2e = await startE2e();
const { api, cookieFor } = httpClient(e2e.baseUrl);

const { roundId } = await openRoundForSurvey(e2e.baseUrl, ['2035Q1', '2035Q2', '2035Q3', '2035Q4'], 10);
const invitations = await api<{ uscc: string; name: string }[]>('GET', `/rounds/${roundId}/invitations`);
const [refuser, gone] = [invitations[0]!, invitations[1]!];

describe('follow-up calls (admin)', () => {
  it('records a refusal and a deregistered firm, replaces it from the backups, and sees the rates move', async () => {
    const page = await e2e.newPage();
    await login(page, 'admin', `/rounds/${roundId}/invitations?view=follow-up`);
    const table = page.getByTestId('non-responders-table');
    const row = (name: string) => table.getByRole('row').filter({ hasText: name });

    // Both lists in: the row shows its disposition (资格未知, nothing known yet) before anyone calls.
    await row(refuser.name).getByTestId('disposition').filter({ hasText: '资格未知' }).waitFor();
    await row(refuser.name).getByRole('button', { name: '记录跟进' }).click();
    let dialog = page.getByRole('dialog', { name: `记录跟进：${refuser.name}` });
    await dialog.getByText('还没有跟进记录。').waitFor();
    await dialog.getByText('拒访', { exact: true }).click();
    await dialog.getByLabel('备注').fill('负责人说不参加');
    await dialog.getByRole('button', { name: /保\s?存/ }).click();
    await dialog.getByTestId('follow-up-history').getByText('负责人说不参加').waitFor();
    await dialog.getByRole('button', { name: '关 闭', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await row(refuser.name).getByTestId('disposition').filter({ hasText: '拒绝' }).waitFor();
    await expect.poll(() => row(refuser.name).textContent()).toContain('拒访 · 电话');

    await row(gone.name).getByRole('button', { name: '记录跟进' }).click();
    dialog = page.getByRole('dialog', { name: `记录跟进：${gone.name}` });
    await dialog.getByText('上门', { exact: true }).click();
    await dialog.getByText('企业已注销或停业', { exact: true }).click();
    await dialog.getByRole('button', { name: /保\s?存/ }).click();
    const offer = dialog.getByTestId('replacement-offer');
    await offer.waitFor();
    await screenshot(page, 'follow-up-offer');
    await offer.getByRole('button', { name: '替换为备选企业' }).click();
    const replace = page.getByRole('dialog', { name: `替换企业：${gone.name}` });
    await expect.poll(() => replace.getByLabel('替换原因').inputValue()).toBe('企业已注销或停业（跟进核实）');
    await clickUntil(replace.getByRole('button', { name: '确认替换' }), replace.getByText('替换完成'));
    await replace.getByRole('button', { name: '关 闭', exact: true }).click();
    await replace.waitFor({ state: 'detached' });
    // The firm gone leaves the list; its backup comes in, not yet called.
    await row(gone.name).waitFor({ state: 'detached' });

    // 10 drawn + 1 backup: refusal 1, ineligible 1, unknown 9. RR1 0/(1+9), contact 1/10, cooperation 0/1.
    await page.goto(`/rounds/${roundId}`);
    const card = page.getByTestId('rates-card');
    await card.getByTestId('rate-contact').filter({ hasText: '10.0%' }).waitFor();
    await expect.poll(() => card.getByTestId('rate-rr1').textContent()).toContain('0.0%');
    await expect.poll(() => card.getByTestId('rate-cooperation').textContent()).toContain('0.0%');
    const dispositions = await card.getByTestId('dispositions').textContent();
    expect(dispositions).toContain('拒绝 1');
    expect(dispositions).toContain('不符合资格 1');
    expect(dispositions).toContain('资格未知 9');
    await screenshot(page, 'follow-up-rates');

    // The same in English: the rates card, then the dialog with the call recorded above.
    await page.getByTestId('lang-switch').click();
    await card.getByTestId('dispositions').filter({ hasText: 'Refusal 1' }).waitFor();
    await expect.poll(() => card.getByTestId('rate-contact').textContent()).toContain('Contact CON1');
    await page.goto(`/rounds/${roundId}/invitations?view=follow-up`);
    await row(refuser.name).getByTestId('disposition').filter({ hasText: 'Refusal' }).waitFor();
    await row(refuser.name).getByRole('button', { name: 'Record a call' }).click();
    dialog = page.getByRole('dialog', { name: `Record a follow-up: ${refuser.name}` });
    await dialog.getByTestId('follow-up-history').getByText('Refused').waitFor();
    await expect.poll(() => dialog.getByTestId('follow-up-history').textContent()).toContain('Phone');
    await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('lang-switch').click();
    await page.context().close();
  });

  it('prints the rates in the quarterly report, each with its one-line explanation', async () => {
    const rounds = await api<{ id: string; status: string }[]>('GET', '/rounds');
    const published = rounds
      .filter((r) => r.status === 'published')
      .map((r) => r.id)
      .sort()
      .at(-1)!;
    // As the leader reads them: after close, the strata with 5 or more respondents.
    const rates = await api<{ rr1: number; contact: number; strata: unknown[] }>(
      'GET',
      `/rounds/${published}/response-rates`,
      undefined,
      await cookieFor('leader'),
    );
    const page = await e2e.newPage();
    await login(page, 'leader', `/report/${published}`);
    const section = page.getByTestId('report-rates');
    await section.waitFor();
    await expect.poll(() => section.getByTestId('report-rate-rr1').textContent()).toBe(`${(rates.rr1 * 100).toFixed(1)}%`);
    await expect.poll(() => section.getByTestId('report-rate-contact').textContent()).toBe(`${(rates.contact * 100).toFixed(1)}%`);
    const text = await section.textContent();
    for (const line of ['RR1：完成数', 'RR3：同 RR1', '合作率：', '接触率：']) expect(text).toContain(line);
    const strata = section.getByTestId('report-rates-strata').locator('tbody tr');
    await expect.poll(() => strata.count()).toBe(rates.strata.length);
    await page.context().close();
  });
});
