import type { ImportResult } from '../../shared/enterprise-import.ts';
import type { EnterpriseInput } from '../../shared/schemas/enterprises.ts';
import { appendAudit, type Actor } from '../audit/audit.writer.ts';
import type { Db } from '../db/client.ts';
import { Conflict, NotFound } from '../errors.ts';
import * as q from './enterprises.queries.ts';
import type { CheckedImport } from './import-rows.ts';

export async function createEnterprise(db: Db, actor: Actor, input: EnterpriseInput, now: Date) {
  return db.transaction(async (tx) => {
    if (await q.findEnterpriseByUscc(tx, input.uscc)) throw new Conflict(`An enterprise with code ${input.uscc} already exists`);
    const row = await q.insertEnterprise(tx, input);
    await appendAudit(tx, actor, { action: 'enterprise.create', entityType: 'enterprise', entityId: row.uscc, summary: { after: input } }, now);
    return q.toEnterprise(row);
  });
}

export async function updateEnterprise(db: Db, actor: Actor, uscc: string, patch: Partial<EnterpriseInput>, now: Date) {
  return db.transaction(async (tx) => {
    const before = await q.findEnterpriseByUscc(tx, uscc);
    if (!before) throw new NotFound(`No enterprise with code ${uscc}`);
    const after = await q.updateEnterprise(tx, uscc, patch, now);
    const keys = Object.keys(patch) as (keyof typeof before)[];
    await appendAudit(tx, actor, {
      action: 'enterprise.update', entityType: 'enterprise', entityId: uscc,
      summary: { before: Object.fromEntries(keys.map((k) => [k, before[k]])), after: patch },
    }, now);
    return q.toEnterprise(after);
  });
}

/** At most this many row errors are sent back; the count says how many there were. */
const MAX_REPORTED_ERRORS = 1_000;
const fieldsOfRecord = ['name', 'industry', 'sizeClass', 'township', 'contactName', 'contactPhone', 'active'] as const;

/**
 * Preview (apply = false) or apply an import already read and checked in the import worker. Applying
 * writes all rows or none (one transaction, refused outright if any row has an error) and records in
 * the audit log the values it overwrote.
 */
export async function importEnterprises(db: Db, actor: Actor, checked: CheckedImport, apply: boolean, filename: string, now: Date): Promise<ImportResult> {
  const { records, errors } = checked;
  const run = async (tx: Parameters<Parameters<Db['transaction']>[0]>[0] | Db) => {
    const existing = await q.existingEnterprises(tx, records.map((r) => r.uscc));
    const result: ImportResult = {
      headers: checked.headers, mapping: checked.mapping, total: checked.total, encoding: checked.encoding,
      creates: records.length - existing.size, updates: existing.size,
      errors: errors.slice(0, MAX_REPORTED_ERRORS), errorCount: errors.length,
      preview: records.slice(0, 20).map((r) => ({ ...r, contactName: r.contactName ?? null, contactPhone: r.contactPhone ?? null })), applied: false,
    };
    if (!apply || errors.length || records.length === 0) return result;
    // What the import overwrites, field by field, so the audit log can tell what was there before.
    const overwritten: { uscc: string; before: Record<string, unknown>; after: Record<string, unknown> }[] = [];
    for (const r of records) {
      const old = existing.get(r.uscc);
      if (!old) continue;
      const changed = fieldsOfRecord.filter((f) => (r[f] ?? null) !== (old[f] ?? null));
      if (changed.length) overwritten.push({ uscc: r.uscc, before: Object.fromEntries(changed.map((f) => [f, old[f]])), after: Object.fromEntries(changed.map((f) => [f, r[f] ?? null])) });
    }
    await q.upsertEnterprises(tx, records, now);
    await appendAudit(tx, actor, {
      action: 'enterprise.import', entityType: 'enterprise', entityId: filename,
      summary: { file: filename, rows: records.length, creates: result.creates, updates: result.updates, overwritten },
    }, now);
    return { ...result, applied: true };
  };
  return apply ? db.transaction(run) : run(db);
}
