import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { PUBLIC_DISCLOSURES, type PublicDisclosure } from '#shared/schemas/public.ts';
import { DEFAULT_CITY_TZ, isTimeZone } from '#shared/city-day.ts';
import { DEFAULT_APPEAL_WINDOW_DAYS } from '#shared/appeals.ts';
import { DEFAULT_REPLY_WORKING_DAYS } from '#shared/requests/vocabulary.ts';
import type { CityProfile, LocalName } from '#shared/schemas/profile.ts';
import { parseQuietHours } from '#shared/outbound/quiet-hours.ts';
import { LEASE_MS, MIN_LEASE_MS } from './outbound/lease.ts';
import { parseSmppUrl } from './outbound/smpp-url.ts';
import type { OutboundSettings } from './outbound/outbound.ts';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'], { message: 'expected true or false' })
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v));

const envSchema = z.object({
  PORT: z.coerce.number({ message: 'expected a port number' }).int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'expected a postgres:// URL')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  PUBLIC_BASE_URL: z.url({ message: 'expected an absolute http(s) URL' }).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEMO: bool.default(false),
  // Survey requests per minute from one address (many enterprises may share a carrier NAT).
  SURVEY_RATE_LIMIT: z.coerce.number({ message: 'expected a number of requests per minute' }).int().min(1).default(600),
  // Requests to departments (诉求直通) per minute from one address: raising, reading and feedback together.
  REQUEST_RATE_LIMIT: z.coerce.number({ message: 'expected a number of requests per minute' }).int().min(1).default(30),
  // The first-reply target for a request, in working days (Mon–Fri in TZ_CITY).
  REQUEST_REPLY_WORKING_DAYS: z.coerce
    .number({ message: 'expected a number of working days' })
    .int()
    .min(1)
    .max(30)
    .default(DEFAULT_REPLY_WORKING_DAYS),
  // What the public page (公开通报) shows of a published round: the whole ranking, or the bottom three and a summary.
  PUBLIC_DISCLOSURE: z.enum(PUBLIC_DISCLOSURES, { message: 'expected full or bottom' }).default('full'),
  // The city's clock: every "day" in the product (tenure, deadlines, overdue, done, response days).
  TZ_CITY: z.string().refine(isTimeZone, 'expected an IANA time zone such as Asia/Shanghai').default(DEFAULT_CITY_TZ),
  // Whose X-Forwarded-For counts: off (the socket address) or the proxies' addresses/CIDRs, comma-separated.
  TRUST_PROXY: z
    .string()
    .default('off')
    .transform((v, ctx) => {
      const list = parseTrustProxy(v);
      if (list === null)
        ctx.addIssue({
          code: 'custom',
          message: 'expected off or a comma-separated list of proxy addresses/CIDRs (e.g. 127.0.0.1,10.0.0.0/8)',
        });
      return list ?? false;
    }),
  // A session ends after this long without a request, and at the latest this long after login.
  SESSION_IDLE_MINUTES: z.coerce
    .number({ message: 'expected a number of minutes' })
    .int()
    .min(1)
    .max(24 * 60)
    .default(60),
  SESSION_MAX_HOURS: z.coerce
    .number({ message: 'expected a number of hours' })
    .int()
    .min(1)
    .max(24 * 30)
    .default(10),
  // Days after publication a flagged department may appeal (申诉复核).
  APPEAL_WINDOW_DAYS: z.coerce.number({ message: 'expected a number of days' }).int().min(1).max(365).default(DEFAULT_APPEAL_WINDOW_DAYS),
  // How often the ballot-box job looks at the box and the deadlines (ms): the wait from a deadline to the close,
  // and at most how long an answer waits once BATCH_MIN - 1 others have joined it.
  BALLOT_MOVE_EVERY_MS: z.coerce.number({ message: 'expected a number of milliseconds' }).int().min(100).max(3_600_000).default(30_000),
  // The city profile: who issues the survey and whom an enterprise calls. Unset, the demo's values when DEMO is on.
  CITY_NAME: z.string().trim().min(1).max(40).optional(),
  CITY_NAME_EN: z.string().trim().min(1).max(80).optional(),
  ORGANISER_NAME: z.string().trim().min(1).max(80).optional(),
  ORGANISER_NAME_EN: z.string().trim().min(1).max(160).optional(),
  HELP_PHONE: z
    .string()
    .trim()
    .regex(/^[0-9+][0-9 ()-]{4,24}$/, 'expected a phone number such as 0728-3312345')
    .optional(),
  // Invitations and reminders (server/outbound). No SMS_GATEWAY: SMS wait in the outbox for the .xlsx download.
  SMS_GATEWAY: z
    .string()
    .refine((v) => parseSmppUrl(v) !== null, 'expected smpp://system_id:password@host:port')
    .optional(),
  SMS_SENDER: z.string().trim().min(1).max(20).default('Pingyi'),
  SMS_QUIET_HOURS: z
    .string()
    .default('21-8')
    .refine((v) => parseQuietHours(v) !== undefined, 'expected hours such as 21-8 (from 21:00 to 08:00), or off'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'expected smtp://user:pass@host:port')
    .optional(),
  MAIL_FROM: z.string().trim().min(3).max(200).optional(),
  // How long a message in doubt (handed to the gateway, no answer: a crash, a dropped connection) waits for a
  // receipt naming its reference before it is sent again with the same reference (ms; README "Exactly once").
  OUTBOX_IN_DOUBT_MS: z.coerce.number({ message: 'expected a number of milliseconds' }).int().min(1_000).max(86_400_000).default(600_000),
  OUTBOX_LEASE_MS: z.coerce
    .number({ message: 'expected a number of milliseconds' })
    .int()
    .min(MIN_LEASE_MS, `at least ${MIN_LEASE_MS} ms: a gateway's answer (15 s at most) must come inside the lease`)
    .max(3_600_000)
    .default(LEASE_MS),
  // How often the outbox job plans and sends (ms); its lease, and so the wait after a crash, is 20 times this.
  OUTBOX_EVERY_MS: z.coerce.number({ message: 'expected a number of milliseconds' }).int().min(100).max(3_600_000).default(5_000),
});

/** The demo's issuer (仙桃市): what the pages, letters and report show when DEMO is on and nothing else is set. */
export const DEMO_CITY: CityProfile = {
  name: { zh: '仙桃市', en: 'Xiantao' },
  organiser: { zh: '仙桃市优化营商环境工作领导小组办公室', en: 'Xiantao Business Environment Office' },
  helpPhone: '0728-3312345',
};

const PROXY_WORDS = ['loopback', 'linklocal', 'uniquelocal'];

/** false for off, a list of addresses/CIDRs (or proxy-addr's names), or null when malformed. */
export function parseTrustProxy(value: string): false | string[] | null {
  const v = value.trim().toLowerCase();
  if (['', 'off', 'false', '0', 'no'].includes(v)) return false;
  const items = v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const valid = (item: string) => {
    if (PROXY_WORDS.includes(item)) return true;
    const [addr, bits, extra] = item.split('/');
    const family = isIP(addr ?? '');
    if (!family || extra !== undefined) return false;
    if (bits === undefined) return true;
    return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
  };
  return items.length && items.every(valid) ? items : null;
}

/** Who issues the survey and the reports and whom an enterprise calls (null where not configured), and the city's clock. */
export interface CityConfig extends CityProfile {
  /** IANA time zone whose calendar decides every day in the product. */
  timeZone: string;
}

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  jwtSecret: string;
  publicBaseUrl: string;
  logLevel: string;
  demo: boolean;
  surveyRateLimit: number;
  requestRateLimit: number;
  /** Working days a department has for its first reply to a request. */
  requestReplyWorkingDays: number;
  publicDisclosure: PublicDisclosure;
  city: CityConfig;
  /** false: the socket address is the client's; else the proxies whose X-Forwarded-For is believed. */
  trustProxy: false | string[];
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  appealWindowDays: number;
  /** The ballot-box job's interval: answers move, and rounds past their deadline close, this often (tests: 0, never on its own). */
  ballotMoveEveryMs: number;
  /** The SMS and e-mail gateways (none by default) and SMS quiet hours. */
  outbound: OutboundSettings;
  outboxEveryMs: number;
}

export class ConfigError extends Error {}

/** Reads and validates the environment once at boot; a bad value names the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    jwtSecret: e.JWT_SECRET ?? persistedSecret(dataDir),
    publicBaseUrl: (e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    logLevel: e.LOG_LEVEL,
    demo: e.DEMO,
    surveyRateLimit: e.SURVEY_RATE_LIMIT,
    requestRateLimit: e.REQUEST_RATE_LIMIT,
    requestReplyWorkingDays: e.REQUEST_REPLY_WORKING_DAYS,
    publicDisclosure: e.PUBLIC_DISCLOSURE,
    city: cityProfile(e),
    trustProxy: e.TRUST_PROXY,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionMaxHours: e.SESSION_MAX_HOURS,
    appealWindowDays: e.APPEAL_WINDOW_DAYS,
    ballotMoveEveryMs: e.BALLOT_MOVE_EVERY_MS,
    outbound: {
      smsGateway: e.SMS_GATEWAY ?? null,
      smsSender: e.SMS_SENDER,
      quietHours: parseQuietHours(e.SMS_QUIET_HOURS) ?? null,
      smtpUrl: e.SMTP_URL ?? null,
      mailFrom: e.MAIL_FROM ?? null,
      inDoubtMs: e.OUTBOX_IN_DOUBT_MS,
      leaseMs: e.OUTBOX_LEASE_MS,
    },
    outboxEveryMs: e.OUTBOX_EVERY_MS,
  };
}

/** What the pages may show of the city profile: the issuer and the help line. */
export function issuerOf(city: CityConfig): CityProfile {
  return { name: city.name, organiser: city.organiser, helpPhone: city.helpPhone };
}

function cityProfile(e: z.infer<typeof envSchema>): CityConfig {
  const demo = e.DEMO ? DEMO_CITY : null;
  const local = (zh: string | undefined, en: string | undefined, fallback: LocalName | null | undefined): LocalName | null =>
    zh ? { zh, en: en ?? zh } : fallback ? { ...fallback } : null;
  return {
    name: local(e.CITY_NAME, e.CITY_NAME_EN, demo?.name),
    organiser: local(e.ORGANISER_NAME, e.ORGANISER_NAME_EN, demo?.organiser),
    helpPhone: e.HELP_PHONE ?? demo?.helpPhone ?? null,
    timeZone: e.TZ_CITY,
  };
}

/** No hard-coded default secret: generate one on first run and keep it beside the data. */
function persistedSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}
