// The city profile (server/config.ts) reaches the pages: the issuer and help line, from the configuration.
import { describe, expect, it } from 'vitest';
import { buildApp } from '#server/app.ts';
import { loadConfig } from '#server/config.ts';
import { closeWhenDone, makeTestContext } from '../support/app.ts';
import { testConfig } from '../support/config.ts';

const ctx = await makeTestContext();
const DEMO = {
  name: { zh: '仙桃市', en: 'Xiantao' },
  organiser: { zh: '仙桃市优化营商环境工作领导小组办公室', en: 'Xiantao Business Environment Office' },
  helpPhone: '0728-3312345',
};

/** Another app on the same database, configured from these variables as a deployment would be. */
async function appWith(env: Record<string, string>) {
  const { city } = loadConfig({ JWT_SECRET: 'x'.repeat(40), ...env });
  const app = await buildApp({ database: ctx.database, config: testConfig({ city }), runJobs: false });
  closeWhenDone(() => app.close());
  return app;
}

describe('GET /api/v1/profile', () => {
  it('answers without a login with the demo city, cacheable by browsers and proxies', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/profile' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(DEMO);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
  });

  it("gives the deployment's own city, office and help line", async () => {
    const app = await appWith({
      CITY_NAME: '潜江市',
      ORGANISER_NAME: '潜江市营商环境建设局',
      ORGANISER_NAME_EN: 'Qianjiang Business Environment Bureau',
      HELP_PHONE: '0728-6201234',
    });
    expect((await app.inject({ method: 'GET', url: '/api/v1/profile' })).json()).toEqual({
      name: { zh: '潜江市', en: '潜江市' },
      organiser: { zh: '潜江市营商环境建设局', en: 'Qianjiang Business Environment Bureau' },
      helpPhone: '0728-6201234',
    });
  });

  it('names nobody when nothing is configured and the demo is off', async () => {
    const app = await appWith({});
    expect((await app.inject({ method: 'GET', url: '/api/v1/profile' })).json()).toEqual({ name: null, organiser: null, helpPhone: null });
  });
});
