import type { ImportResult } from '#shared/enterprise-import.ts';
import type { EnterpriseInput } from '#shared/schemas/enterprises.ts';
import { appendAudit } from '../audit/audit.writer.ts';
import type { ServiceContext } from '../context.ts';
import { Conflict, NotFound } from '../errors.ts';
import * as q from './enterprises.queries.ts';
import { recordBatches, type CheckedImport } from './import-rows.ts';

export async function createEnterprise({ tx: db, actor, now }: ServiceContext, input: EnterpriseInput) {
  return db.transaction(async (tx) => {
    if (await q.findEnterpriseByUscc(tx, input.uscc)) throw new Conflict(`An enterprise with code ${input.uscc} already exists`);
    const row = await q.insertEnterprise(tx, input);
    await appendAudit(
      tx,
      actor,
      { action: 'enterprise.create', entityType: 'enterprise', entityId: row.uscc, summary: { after: input } },
      now,
    );
    return q.toEnterprise(row);
  });
}

export async function updateEnterprise(
  { tx: db, actor, now }: ServiceContext,
  { uscc, patch }: { uscc: string; patch: Partial<EnterpriseInput> },
) {
  return db.transaction(async (tx) => {
    const before = await q.findEnterpriseByUscc(tx, uscc);
    if (!before) throw new NotFound(`No enterprise with code ${uscc}`);
    const after = await q.updateEnterprise(tx, uscc, patch, now);
    const keys = Object.keys(patch) as (keyof typeof before)[];
    await appendAudit(
      tx,
      actor,
      {
        action: 'enterprise.update',
        entityType: 'enterprise',
        entityId: uscc,
        summary: { before: Object.fromEntries(keys.map((k) => [k, before[k]])), after: patch },
      },
      now,
    );
    return q.toEnterprise(after);
  });
}

/** Before-values one audit entry holds at most: a 200,000-row update is 200 entries of ~150 KB, not one of 30 MB. */
export const OVERWRITES_PER_ENTRY = 1_000;

type Overwrite = { uscc: string; before: Record<string, unknown>; after: Record<string, unknown> };

/**
 * Preview (apply = false) or apply an import already read and checked in the import worker. Applying
 * writes all rows or none (one transaction, refused outright if any row has an error) and records in
 * the audit log the values it overwrote. It goes a batch at a time (read the rows it replaces, note what
 * changes, write), so what it holds besides the file's records is one batch and the before-values not
 * yet written to the log: the memory of an import does not grow with the registry's size.
 */
export async function importEnterprises(
  { tx: db, actor, now }: ServiceContext,
  { checked, apply, filename }: { checked: CheckedImport; apply: boolean; filename: string },
): Promise<ImportResult> {
  const { recordCount, errors, errorCount } = checked;
  const result: ImportResult = {
    headers: checked.headers,
    mapping: checked.mapping,
    total: checked.total,
    encoding: checked.encoding,
    creates: 0,
    updates: 0,
    errors,
    errorCount,
    preview: checked.preview.map((r) => ({
      ...r,
      contactName: r.contactName ?? null,
      contactPhone: r.contactPhone ?? null,
      contactEmail: r.contactEmail ?? null,
    })),
    applied: false,
  };
  if (!apply || errorCount || recordCount === 0) {
    let updates = 0;
    for (const batch of recordBatches(checked))
      updates += await q.countExistingEnterprises(
        db,
        batch.map((r) => r.uscc),
      );
    return { ...result, creates: recordCount - updates, updates };
  }
  return db.transaction(async (tx) => {
    let updates = 0;
    let parts = 0;
    // What the import overwrites, field by field, so the audit log can tell what was there before: written
    // out in entries of OVERWRITES_PER_ENTRY as they fill; the import's own entry, last, holds the rest.
    let overwritten: Overwrite[] = [];
    for (const batch of recordBatches(checked)) {
      const existing = await q.existingEnterprises(
        tx,
        batch.map((r) => r.uscc),
      );
      updates += existing.size;
      for (const r of batch) {
        const old = existing.get(r.uscc);
        if (!old) continue;
        const changed = q.overwritableFields.filter((f) => (r[f] ?? null) !== (old[f] ?? null));
        if (changed.length)
          overwritten.push({
            uscc: r.uscc,
            before: Object.fromEntries(changed.map((f) => [f, old[f]])),
            after: Object.fromEntries(changed.map((f) => [f, r[f] ?? null])),
          });
      }
      while (overwritten.length >= OVERWRITES_PER_ENTRY) {
        parts++;
        await appendAudit(
          tx,
          actor,
          {
            action: 'enterprise.import.overwritten',
            entityType: 'enterprise',
            entityId: filename,
            summary: { file: filename, part: parts, overwritten: overwritten.slice(0, OVERWRITES_PER_ENTRY) },
          },
          now,
        );
        overwritten = overwritten.slice(OVERWRITES_PER_ENTRY);
      }
      await q.upsertEnterprises(tx, batch, now);
    }
    const creates = recordCount - updates;
    await appendAudit(
      tx,
      actor,
      {
        action: 'enterprise.import',
        entityType: 'enterprise',
        entityId: filename,
        summary: { file: filename, rows: recordCount, creates, updates, overwritten, ...(parts ? { parts } : {}) },
      },
      now,
    );
    return { ...result, creates, updates, applied: true };
  });
}
