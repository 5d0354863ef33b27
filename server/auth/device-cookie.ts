// Device cookies (OWASP, "Slow Down Online Guessing Attacks with Device Cookies"): a browser in which a
// person signed in gets a long-lived signed cookie naming the account and a random nonce. Presented
// again, it lets that browser past the lockout that failures from unknown browsers put on the account,
// so nobody can lock a person out from elsewhere. It proves nothing else: the password is still checked.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { accountKey } from './login-throttle.ts';

export const DEVICE_COOKIE = 'pingyi_device';
/** Sent to the login route only: no other request carries it. */
export const DEVICE_COOKIE_PATH = '/api/v1/auth/login';
export const DEVICE_LIFETIME_MS = 180 * 24 * 3_600_000;

interface DeviceToken {
  u: string;
  n: string;
  t: number;
}

export interface DeviceCookies {
  /** Gives this browser a fresh device cookie for the account (after a successful login). */
  issue(reply: FastifyReply, username: string): void;
  /** The nonce of this browser's device cookie when it is valid for this account; null when absent,
   *  forged, expired or another account's. */
  read(request: FastifyRequest, username: string): string | null;
}

export function makeDeviceCookies(secret: string, policy: { secure: boolean; now: () => number }): DeviceCookies {
  // A key of its own: a device cookie can never pass for a session token, nor the other way round.
  const key = createHmac('sha256', secret).update('pingyi/device-cookie/v1').digest();
  const mac = (body: string) => createHmac('sha256', key).update(body).digest();

  return {
    issue(reply, username) {
      const token: DeviceToken = { u: accountKey(username), n: randomBytes(16).toString('base64url'), t: policy.now() };
      const body = Buffer.from(JSON.stringify(token)).toString('base64url');
      reply.setCookie(DEVICE_COOKIE, `${body}.${mac(body).toString('base64url')}`, {
        path: DEVICE_COOKIE_PATH,
        httpOnly: true,
        sameSite: 'strict',
        secure: policy.secure,
        maxAge: Math.floor(DEVICE_LIFETIME_MS / 1000),
      });
    },
    read(request, username) {
      const raw = request.cookies[DEVICE_COOKIE];
      if (!raw || raw.length > 512) return null;
      const [body, signature, extra] = raw.split('.');
      if (!body || !signature || extra !== undefined) return null;
      const given = Buffer.from(signature, 'base64url');
      const expected = mac(body);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
      let token: Partial<DeviceToken>;
      try {
        token = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Partial<DeviceToken>;
      } catch {
        return null;
      }
      const age = policy.now() - (token.t ?? NaN);
      if (typeof token.n !== 'string' || !Number.isSafeInteger(token.t) || !(age >= 0 && age <= DEVICE_LIFETIME_MS)) return null;
      return token.u === accountKey(username) ? token.n : null;
    },
  };
}
