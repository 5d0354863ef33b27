import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEMO_CITY, loadConfig } from './config.ts';

const dir = () => mkdtempSync(join(tmpdir(), 'pingyi-config-'));

describe('config', () => {
  it('defaults to PGlite in ./data on port 3000, demo off', () => {
    const c = loadConfig({ DATA_DIR: dir() });
    expect(c).toMatchObject({
      port: 3000,
      databaseUrl: undefined,
      demo: false,
      publicBaseUrl: 'http://localhost:3000',
      publicDisclosure: 'full',
    });
    expect(c.city.timeZone).toBe('Asia/Shanghai');
    expect(loadConfig({ DATA_DIR: dir(), TZ_CITY: 'Asia/Urumqi' }).city.timeZone).toBe('Asia/Urumqi');
    expect(c.appealWindowDays).toBe(7);
    expect(loadConfig({ DATA_DIR: dir(), APPEAL_WINDOW_DAYS: '10' }).appealWindowDays).toBe(10);
  });

  it('gives every setting a value: the defaults live here and nowhere else', () => {
    const c = loadConfig({ DATA_DIR: dir() });
    expect(c).toMatchObject({
      host: '0.0.0.0',
      logLevel: 'info',
      surveyRateLimit: 600,
      requestRateLimit: 30,
      requestReplyWorkingDays: 1,
      trustProxy: false,
      sessionIdleMinutes: 60,
      sessionMaxHours: 10,
      ballotMoveEveryMs: 30_000,
    });
    // Only the database may be absent (then PGlite); nothing else is left for a reader to default.
    const { databaseUrl: _pglite, ...rest } = c;
    expect(Object.entries(rest).filter(([, v]) => v === undefined)).toEqual([]);
  });

  it('names no issuer unless told, and the demo city when DEMO is on', () => {
    expect(loadConfig({ DATA_DIR: dir() }).city).toEqual({ name: null, organiser: null, helpPhone: null, timeZone: 'Asia/Shanghai' });
    expect(loadConfig({ DATA_DIR: dir(), DEMO: 'true' }).city).toEqual({ ...DEMO_CITY, timeZone: 'Asia/Shanghai' });
    const own = loadConfig({
      DATA_DIR: dir(),
      DEMO: 'true',
      CITY_NAME: '潜江市',
      ORGANISER_NAME: '潜江市营商环境办公室',
      HELP_PHONE: '0728-6201234',
    });
    expect(own.city).toMatchObject({
      name: { zh: '潜江市', en: '潜江市' },
      organiser: { zh: '潜江市营商环境办公室', en: '潜江市营商环境办公室' },
      helpPhone: '0728-6201234',
    });
    expect(loadConfig({ DATA_DIR: dir(), CITY_NAME: '潜江市', CITY_NAME_EN: 'Qianjiang' }).city.name).toEqual({
      zh: '潜江市',
      en: 'Qianjiang',
    });
  });

  it('generates a JWT secret once and keeps it in the data folder', () => {
    const d = dir();
    const a = loadConfig({ DATA_DIR: d });
    const b = loadConfig({ DATA_DIR: d });
    expect(a.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(b.jwtSecret).toBe(a.jwtSecret);
    expect(readFileSync(join(d, 'jwt-secret'), 'utf8').trim()).toBe(a.jwtSecret);
    expect(loadConfig({ DATA_DIR: dir() }).jwtSecret).not.toBe(a.jwtSecret);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ PUBLIC_BASE_URL: 'not a url' }, 'PUBLIC_BASE_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ DEMO: 'maybe' }, 'DEMO'],
    [{ PUBLIC_DISCLOSURE: 'everything' }, 'PUBLIC_DISCLOSURE'],
    [{ TZ_CITY: 'Mars/Olympus' }, 'TZ_CITY'],
    [{ APPEAL_WINDOW_DAYS: '0' }, 'APPEAL_WINDOW_DAYS'],
    [{ APPEAL_WINDOW_DAYS: 'a week' }, 'APPEAL_WINDOW_DAYS'],
    [{ HELP_PHONE: 'call us' }, 'HELP_PHONE'],
    [{ REQUEST_RATE_LIMIT: '0' }, 'REQUEST_RATE_LIMIT'],
    [{ SESSION_IDLE_MINUTES: 'forever' }, 'SESSION_IDLE_MINUTES'],
    // A lease shorter than a gateway's answer could let a second sender take up a message still being sent.
    [{ OUTBOX_LEASE_MS: '5000' }, 'OUTBOX_LEASE_MS'],
  ])('a bad value stops start-up naming the variable: %o', (env, name) => {
    expect(() => loadConfig({ DATA_DIR: dir(), ...env })).toThrow(ConfigError);
    expect(() => loadConfig({ DATA_DIR: dir(), ...env })).toThrow(new RegExp(`${name}:`));
  });

  it('accepts explicit values', () => {
    const c = loadConfig({
      PORT: '8080',
      DEMO: 'true',
      PUBLIC_BASE_URL: 'https://pingyi.xiantao.gov.cn/',
      JWT_SECRET: 'x'.repeat(40),
      DATABASE_URL: 'postgres://u@h/db',
      PUBLIC_DISCLOSURE: 'bottom',
      OUTBOX_LEASE_MS: '20000',
    });
    expect(c).toMatchObject({
      publicDisclosure: 'bottom',
      outbound: expect.objectContaining({ leaseMs: 20_000 }),
      port: 8080,
      demo: true,
      publicBaseUrl: 'https://pingyi.xiantao.gov.cn',
      jwtSecret: 'x'.repeat(40),
      databaseUrl: 'postgres://u@h/db',
    });
  });

  it('trusts no proxy by default, or exactly the listed addresses and CIDRs', () => {
    expect(loadConfig({ DATA_DIR: dir() }).trustProxy).toBe(false);
    expect(loadConfig({ DATA_DIR: dir(), TRUST_PROXY: 'off' }).trustProxy).toBe(false);
    expect(loadConfig({ DATA_DIR: dir(), TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1' }).trustProxy).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
    ]);
    for (const bad of ['true', 'everyone', '10.0.0.0/33', '1.2.3']) {
      expect(() => loadConfig({ DATA_DIR: dir(), TRUST_PROXY: bad })).toThrow(/TRUST_PROXY:/);
    }
  });
});
