import { and, asc, count, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  auditCheckpointQuerySchema,
  auditCheckpointSchema,
  auditEntrySchema,
  auditFacetsSchema,
  auditQuerySchema,
  auditVerifyQuerySchema,
  auditVerifySchema,
} from '#shared/schemas/audit.ts';
import { pageOf } from '#shared/schemas/common.ts';
import { cityDayStart } from '#shared/city-day.ts';
import type { RouteDeps } from '../app.ts';
import { AUDIT_READERS, READERS } from '../auth/access.ts';
import { auditLog, users } from '../db/schema.ts';
import { hideUndisclosedSample } from '../draw/disclosure.ts';
import { auditCheckpoint, publishedHeadOf, verifyAuditChain } from './audit.writer.ts';

export const auditRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { database: { db }, timeZone }) => {
  // A person is shown by the name the app knows them by; entries keep the login name they were written with.
  const displayName = sql<string>`coalesce(${users.displayName}, ${auditLog.actorName})`;

  app.get(
    '/audit',
    {
      schema: { tags: ['audit'], querystring: auditQuerySchema, response: { 200: pageOf(auditEntrySchema) } },
      config: { access: AUDIT_READERS },
    },
    async (request) => {
      const { page, pageSize, entityType, entityId, actor, action, from, to } = request.query;
      const filters: SQL[] = [];
      if (entityType) filters.push(eq(auditLog.entityType, entityType));
      if (entityId) filters.push(eq(auditLog.entityId, entityId));
      if (actor) filters.push(eq(auditLog.actorName, actor));
      if (action) filters.push(eq(auditLog.action, action));
      if (from) filters.push(gte(auditLog.at, cityDayStart(from, timeZone)));
      if (to) filters.push(lt(auditLog.at, cityDayStart(to, timeZone, 1)));
      const where = filters.length ? and(...filters) : undefined;
      const [rows, [total]] = await Promise.all([
        db
          .select({ a: auditLog, displayName })
          .from(auditLog)
          .leftJoin(users, eq(users.username, auditLog.actorName))
          .where(where)
          .orderBy(desc(auditLog.at), desc(auditLog.id))
          .limit(pageSize)
          .offset((page - 1) * pageSize),
        db.select({ n: count() }).from(auditLog).where(where),
      ]);
      return {
        items: await hideUndisclosedSample(
          db,
          request.sessionUser?.role,
          rows.map(({ a: r, displayName: name }) => ({
            id: r.id,
            at: r.at.toISOString(),
            actorName: r.actorName,
            actorDisplayName: name,
            action: r.action,
            entityType: r.entityType,
            entityId: r.entityId,
            summary: r.summary,
            hash: r.hash,
            prevHash: r.prevHash,
            actorId: r.actorId,
            salt: r.salt,
          })),
        ),
        total: total?.n ?? 0,
        page,
        pageSize,
      };
    },
  );

  // The choices of the person and action filters: who and what appear in the log.
  app.get(
    '/audit/facets',
    {
      schema: { tags: ['audit'], response: { 200: auditFacetsSchema } },
      config: { access: AUDIT_READERS },
    },
    async () => {
      const [actors, actions] = await Promise.all([
        db
          .selectDistinct({ name: auditLog.actorName, displayName })
          .from(auditLog)
          .leftJoin(users, eq(users.username, auditLog.actorName))
          .orderBy(asc(auditLog.actorName)),
        db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(asc(auditLog.action)),
      ]);
      return { actors, actions: actions.map((a) => a.action) };
    },
  );

  app.get(
    '/audit/verify',
    {
      schema: { tags: ['audit'], querystring: auditVerifyQuerySchema, response: { 200: auditVerifySchema } },
      config: { access: AUDIT_READERS },
    },
    async (request) => {
      const { checkpointId, checkpointHash } = request.query;
      return verifyAuditChain(db, checkpointId !== undefined && checkpointHash ? { id: checkpointId, hash: checkpointHash } : undefined);
    },
  );

  // The chain's head for the supervisor to keep outside the database. Also printed at the foot of the
  // quarterly report, which leaders print too: the head names no entry's content, only its place and hash.
  // For a published round, the head stored at its publication (the one its public page shows).
  app.get(
    '/audit/checkpoint',
    {
      schema: { tags: ['audit'], querystring: auditCheckpointQuerySchema, response: { 200: auditCheckpointSchema } },
      config: { access: READERS },
    },
    async (request) => {
      const { roundId } = request.query;
      const stored = roundId ? await publishedHeadOf(db, roundId) : null;
      return stored ?? auditCheckpoint(db);
    },
  );
};
