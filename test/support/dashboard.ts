// The leader's dashboard all drawn, for whoever counts a visit's reads (test/e2e/views.test.ts, bench/dashboard.ts).
import type { Page } from 'playwright-core';

/**
 * The first screen, then the sections drawn after it (charts, progress, the requests card's overdue count once
 * /requests answered), and nothing on its way. Wait for it after every visit, the first included: the old page
 * lives until the next one replaces it, and its late sections, drawn after the counter moved on, were once
 * counted as the next visit's reads (a "read twice" that the page never made).
 */
export async function dashboardDrawn(page: Page): Promise<void> {
  await page.getByTestId('votes-headline-names').getByText(/→/).waitFor();
  await page.getByTestId('result-charts').waitFor();
  await page.getByTestId('round-overview').waitFor();
  await page.getByTestId('request-overdue-now').waitFor();
  await page.waitForLoadState('networkidle');
}
