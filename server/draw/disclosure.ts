// Audit entries that name the seed or drawn enterprises are shown whole to admins; to everyone else
// (supervisors read the audit log) those fields, and the salt hashed with them, are hidden until the
// round's draw becomes public. Without the salt the entry's hash tests no guess of what is hidden; with
// it, once public, anyone recomputes the hash from what the page shows.
import { inArray } from 'drizzle-orm';
import { carriesSample, HIDDEN_UNTIL_CLOSE, SAMPLE_FIELDS } from '#shared/audit-chain.ts';
import { drawIsPublic } from '#shared/round-lifecycle.ts';
import type { Tx } from '../db/client.ts';
import { rounds } from '../db/schema.ts';
import { disclosureOf } from '../rounds/rounds.queries.ts';

export { HIDDEN_UNTIL_CLOSE };

export async function hideUndisclosedSample<
  T extends { action: string; entityType: string; entityId: string; summary: unknown; salt: string | null },
>(tx: Tx, role: string | undefined, items: T[]): Promise<T[]> {
  if (role === 'admin') return items;
  const ids = [...new Set(items.filter(carriesSample).map((i) => i.entityId))];
  if (!ids.length) return items;
  const found = await tx
    .select({ id: rounds.id, status: rounds.status, closedAt: rounds.closedAt, finalizedAt: rounds.finalizedAt })
    .from(rounds)
    .where(inArray(rounds.id, ids));
  const shown = new Set(found.filter((r) => drawIsPublic(disclosureOf(r))).map((r) => r.id));
  return items.map((i) => {
    // A round that does not exist (any more) is not public either.
    if (!carriesSample(i) || shown.has(i.entityId)) return i;
    const summary = typeof i.summary === 'object' && i.summary !== null ? { ...(i.summary as Record<string, unknown>) } : i.summary;
    if (typeof summary === 'object' && summary !== null) {
      for (const f of SAMPLE_FIELDS[i.action]!) if (f in summary) (summary as Record<string, unknown>)[f] = HIDDEN_UNTIL_CLOSE;
    }
    return { ...i, summary, salt: i.salt === null ? null : HIDDEN_UNTIL_CLOSE };
  });
}
