// The cadre registry import: the enterprise registry's pattern (preview, row-level errors, all-or-nothing).
import { checkCadreRows, guessCadreMapping, type CadreImportResult } from '#shared/cadre-import.ts';
import { appendAudit } from '../audit/audit.writer.ts';
import type { ServiceContext } from '../context.ts';
import type { Tx } from '../db/client.ts';
import type { Table } from '../enterprises/spreadsheet.ts';
import * as q from './cadres.queries.ts';

export async function importCadres(
  { tx: db, actor, now }: ServiceContext,
  { table, apply, filename }: { table: Table; apply: boolean; filename: string },
): Promise<CadreImportResult> {
  const run = async (tx: Tx) => {
    const unitRows = await q.allUnits(tx);
    const byRef = new Map<string, number>();
    for (const u of unitRows) {
      byRef.set(u.code, u.id);
      byRef.set(u.nameZh, u.id);
    }
    const mapping = guessCadreMapping(table.headers);
    const { records, rowOf, errors } = checkCadreRows(table.rows, mapping, (ref) => byRef.get(ref));
    const existing = await q.existingCadres(
      tx,
      records.map((r) => r.code),
    );
    const open = await q.openTenures(
      tx,
      [...existing.values()].map((c) => c.id),
    );
    const moves: typeof records = [];
    let unchanged = 0;
    for (const r of records) {
      const c = existing.get(r.code);
      if (!c) continue;
      const t = open.get(c.id);
      if (t && t.unitId === r.unitId && t.post === r.post && t.rank === r.rank && t.leadership === r.leadership) {
        unchanged++;
        continue;
      }
      if (t && r.since <= t.since) {
        const row = rowOf.get(r.code)!;
        errors.push({
          row,
          field: 'since',
          code: r.code,
          message: `Row ${row} (${r.code}): since: a new post must start after ${t.since}, when the current one began`,
        });
        continue;
      }
      moves.push(r);
    }
    const creates = records.filter((r) => !existing.has(r.code));
    const result: CadreImportResult = {
      headers: table.headers,
      mapping,
      total: table.rows.length,
      creates: creates.length,
      moves: moves.length,
      unchanged,
      errors,
      applied: false,
    };
    if (!apply || errors.length || records.length === 0) return result;
    for (let i = 0; i < creates.length; i += 1000) {
      const chunk = creates.slice(i, i + 1000);
      const inserted = await q.insertCadres(
        tx,
        chunk.map((r) => ({
          code: r.code,
          name: r.name,
          unitId: r.unitId,
          post: r.post,
          rank: r.rank,
          leadership: r.leadership,
          createdAt: now,
          updatedAt: now,
        })),
      );
      const idOf = new Map(inserted.map((x) => [x.code, x.id]));
      await q.insertTenure(
        tx,
        chunk.map((r) => ({
          cadreId: idOf.get(r.code)!,
          unitId: r.unitId,
          post: r.post,
          rank: r.rank,
          leadership: r.leadership,
          since: r.since,
        })),
      );
    }
    for (const r of moves) {
      const c = existing.get(r.code)!;
      const t = open.get(c.id);
      if (t) await q.endTenure(tx, t.id, q.dayBefore(r.since));
      await q.insertTenure(tx, { cadreId: c.id, unitId: r.unitId, post: r.post, rank: r.rank, leadership: r.leadership, since: r.since });
      await q.moveCadre(tx, c.id, { unitId: r.unitId, post: r.post, rank: r.rank, leadership: r.leadership, name: r.name, updatedAt: now });
    }
    await appendAudit(
      tx,
      actor,
      {
        action: 'cadre.import',
        entityType: 'cadre',
        entityId: filename,
        summary: { file: filename, rows: records.length, creates: creates.length, moves: moves.length, unchanged },
      },
      now,
    );
    return { ...result, applied: true };
  };
  return apply ? db.transaction(run) : run(db);
}
