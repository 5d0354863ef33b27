// The configuration every test app runs with: loadConfig's defaults, the demo's city profile, then the test's own.
import { loadConfig, type Config } from '#server/config.ts';

export const TEST_SECRET = 'test-secret-test-secret-test-secret-123';

/** Goes through loadConfig, so a test sees exactly the defaults a deployment gets; `overrides` replace whole fields. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  const base = loadConfig({
    JWT_SECRET: TEST_SECRET,
    PUBLIC_BASE_URL: 'https://pingyi.example.gov.cn',
    LOG_LEVEL: 'silent',
    // The demo's issuer (仙桃市), as the e2e tests' seeded data; the app reads no other part of DEMO.
    DEMO: 'true',
  });
  return { ...base, demo: false, ...overrides };
}
