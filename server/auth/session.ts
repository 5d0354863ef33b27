// Sessions: a signed cookie naming the user, the user's session version, when it began and when it was
// last used. Every request re-reads the user, so raising the version ends all of that person's sessions.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { eq } from 'drizzle-orm';
import type { Role } from '#shared/schemas/common.ts';
import type { Db } from '../db/client.ts';
import { users } from '../db/schema.ts';

export const SESSION_COOKIE = 'pingyi_session';

export interface SessionToken {
  id: number;
  sv: number;
  auth: number;
  seen: number;
}

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  departmentId: number | null;
  mustChangePassword: boolean;
}

export interface SessionPolicy {
  idleMs: number;
  maxMs: number;
  /** The cookie is Secure whenever the public address is https. */
  secure: boolean;
  /** Wall-clock time for sessions (tests move the domain clock by months; sessions follow real time). */
  now: () => number;
}

// The idle timer slides; refreshing the cookie at most once a minute keeps responses small.
const REFRESH_AFTER_MS = 60_000;

export function writeSessionCookie(reply: FastifyReply, token: SessionToken, policy: SessionPolicy): void {
  const maxAgeSeconds = Math.max(1, Math.floor((token.auth + policy.maxMs - policy.now()) / 1000));
  // The JWT's own expiry is the absolute lifetime; idle and revocation are checked against the database.
  const signed = reply.server.jwt.sign(token, { expiresIn: maxAgeSeconds });
  reply.setCookie(SESSION_COOKIE, signed, { path: '/', httpOnly: true, sameSite: 'strict', secure: policy.secure, maxAge: maxAgeSeconds });
}

export function startSession(reply: FastifyReply, user: { id: number; sessionVersion: number }, policy: SessionPolicy): void {
  const now = policy.now();
  writeSessionCookie(reply, { id: user.id, sv: user.sessionVersion, auth: now, seen: now }, policy);
}

export function clearSessionCookie(reply: FastifyReply, policy: SessionPolicy): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure: policy.secure });
}

/**
 * The signed-in user of this request, or null when there is no cookie or its session has ended
 * (forged, past its lifetime, idle too long, revoked by a version change, or the account deactivated).
 */
export async function resumeSession(
  request: FastifyRequest,
  reply: FastifyReply,
  db: Db,
  policy: SessionPolicy,
): Promise<{ user: SessionUser; token: SessionToken; ownPasswordSince: Date | null } | null> {
  if (!request.cookies[SESSION_COOKIE]) return null;
  let token: SessionToken;
  try {
    token = await request.jwtVerify<SessionToken>();
  } catch {
    return null;
  }
  if (![token.id, token.sv, token.auth, token.seen].every(Number.isSafeInteger)) return null;
  const now = policy.now();
  if (now - token.auth > policy.maxMs || now - token.seen > policy.idleMs) return null;
  const [row] = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      departmentId: users.departmentId,
      mustChangePassword: users.mustChangePassword,
      active: users.active,
      sessionVersion: users.sessionVersion,
      ownPasswordSince: users.ownPasswordSince,
    })
    .from(users)
    .where(eq(users.id, token.id));
  if (!row?.active || row.sessionVersion !== token.sv) return null;
  if (now - token.seen > REFRESH_AFTER_MS) writeSessionCookie(reply, { ...token, seen: now }, policy);
  const { active: _a, sessionVersion: _v, ownPasswordSince, ...user } = row;
  return { user, token, ownPasswordSince };
}
