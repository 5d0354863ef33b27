import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditEntrySchema, auditQuerySchema, auditVerifySchema } from '../../shared/schemas/audit.ts';
import { pageOf } from '../../shared/schemas/common.ts';
import type { RouteDeps } from '../app.ts';
import { auditLog } from '../db/schema.ts';
import { verifyAuditChain } from './audit.writer.ts';

const AUDIT_READERS = ['admin', 'supervisor'] as const;

export const auditRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { database: { db } }) => {
  app.get('/audit', {
    schema: { tags: ['audit'], querystring: auditQuerySchema, response: { 200: pageOf(auditEntrySchema) } },
    config: { access: AUDIT_READERS },
  }, async (request) => {
    const { page, pageSize, entityType, entityId } = request.query;
    const filters: SQL[] = [];
    if (entityType) filters.push(eq(auditLog.entityType, entityType));
    if (entityId) filters.push(eq(auditLog.entityId, entityId));
    const where = filters.length ? and(...filters) : undefined;
    const [rows, [total]] = await Promise.all([
      db.select().from(auditLog).where(where).orderBy(desc(auditLog.id)).limit(pageSize).offset((page - 1) * pageSize),
      db.select({ n: count() }).from(auditLog).where(where),
    ]);
    return {
      items: rows.map((r) => ({ id: r.id, at: r.at.toISOString(), actorName: r.actorName, action: r.action, entityType: r.entityType, entityId: r.entityId, summary: r.summary, hash: r.hash })),
      total: total?.n ?? 0, page, pageSize,
    };
  });

  app.get('/audit/verify', {
    schema: { tags: ['audit'], response: { 200: auditVerifySchema } },
    config: { access: AUDIT_READERS },
  }, async () => verifyAuditChain(db));
};
