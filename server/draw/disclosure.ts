// Audit entries that name the seed or drawn enterprises are shown whole to admins; to everyone else
// (supervisors read the audit log) those fields are hidden until the round's draw becomes public.
import { inArray } from 'drizzle-orm';
import { drawIsPublic } from '../../shared/round-lifecycle.ts';
import type { Tx } from '../db/client.ts';
import { rounds } from '../db/schema.ts';
import { disclosureOf } from '../rounds/rounds.queries.ts';

/** Summary fields, per audited action, that would reveal the sample. */
const SAMPLE_FIELDS: Record<string, readonly string[]> = {
  'round.draw': ['seed'],
  'invitation.replace': ['out', 'in'],
  'invitation.regenerate': ['uscc'],
};
export const HIDDEN_UNTIL_CLOSE = '(hidden until the round closes)';

export async function hideUndisclosedSample<T extends { action: string; entityType: string; entityId: string; summary: unknown }>(
  tx: Tx, role: string | undefined, items: T[],
): Promise<T[]> {
  if (role === 'admin') return items;
  const ids = [...new Set(items.filter((i) => i.entityType === 'round' && SAMPLE_FIELDS[i.action]).map((i) => i.entityId))];
  if (!ids.length) return items;
  const found = await tx.select({ id: rounds.id, status: rounds.status, closedAt: rounds.closedAt, finalizedAt: rounds.finalizedAt }).from(rounds).where(inArray(rounds.id, ids));
  const hidden = new Set(found.filter((r) => !drawIsPublic(disclosureOf(r))).map((r) => r.id));
  return items.map((i) => {
    const fields = SAMPLE_FIELDS[i.action];
    if (i.entityType !== 'round' || !fields || !hidden.has(i.entityId) || typeof i.summary !== 'object' || i.summary === null) return i;
    const summary = { ...(i.summary as Record<string, unknown>) };
    for (const f of fields) if (f in summary) summary[f] = HIDDEN_UNTIL_CLOSE;
    return { ...i, summary };
  });
}
