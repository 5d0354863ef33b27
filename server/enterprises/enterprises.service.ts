import { checkImportRows, guessMapping, type ImportMapping, type ImportResult } from '../../shared/enterprise-import.ts';
import type { EnterpriseInput } from '../../shared/schemas/enterprises.ts';
import { appendAudit, type Actor } from '../audit/audit.writer.ts';
import type { Db } from '../db/client.ts';
import { Conflict, NotFound } from '../errors.ts';
import * as q from './enterprises.queries.ts';
import type { Table } from './spreadsheet.ts';

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

/**
 * Preview (apply = false) or apply an import. Applying re-checks everything and writes all rows
 * or none: one transaction, refused outright if any row has an error.
 */
export async function importEnterprises(db: Db, actor: Actor, table: Table, mappingIn: ImportMapping | undefined, apply: boolean, filename: string, now: Date): Promise<ImportResult> {
  const mapping = mappingIn ?? guessMapping(table.headers);
  const unknown = Object.entries(mapping).filter(([, h]) => !table.headers.includes(h!));
  const { records, errors } = checkImportRows(table.rows, mapping);
  for (const [field, header] of unknown) errors.unshift({ row: 1, field: null, uscc: null, message: `Column "${header}" mapped to ${field} is not in the file` });

  const run = async (tx: Parameters<Parameters<Db['transaction']>[0]>[0] | Db) => {
    const existing = await q.existingUsccs(tx, records.map((r) => r.uscc));
    const result: ImportResult = {
      headers: table.headers, mapping, total: table.rows.length,
      creates: records.length - existing.size, updates: existing.size,
      errors, preview: records.slice(0, 20).map((r) => ({ ...r, contactName: r.contactName ?? null, contactPhone: r.contactPhone ?? null })), applied: false,
    };
    if (!apply || errors.length || records.length === 0) return result;
    await q.upsertEnterprises(tx, records, now);
    await appendAudit(tx, actor, {
      action: 'enterprise.import', entityType: 'enterprise', entityId: filename,
      summary: { file: filename, rows: records.length, creates: result.creates, updates: result.updates },
    }, now);
    return { ...result, applied: true };
  };
  return apply ? db.transaction(run) : run(db);
}
