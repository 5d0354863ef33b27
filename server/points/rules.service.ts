// The versioned rulebook: read every version, add a new one; a version is never edited (the DB refuses).
import { and, asc, desc, eq } from 'drizzle-orm';
import { cityDay } from '#shared/city-day.ts';
import { TIE_BREAK } from '#shared/points/ranking.ts';
import { rulebookInForce, type Rulebook } from '#shared/points/rulebook.ts';
import type { RulebookInput } from '#shared/schemas/points.ts';
import { appendAudit } from '../audit/audit.writer.ts';
import type { ServiceContext } from '../context.ts';
import type { Tx } from '../db/client.ts';
import { pointsRulebooks, pointsRules } from '../db/schema.ts';
import { Conflict, Invalid, NotFound } from '../errors.ts';

export type StoredRulebook = Rulebook & { createdAt: string; createdBy: string };

export async function loadRulebooks(tx: Tx): Promise<StoredRulebook[]> {
  const [books, rules] = await Promise.all([
    tx.select().from(pointsRulebooks).orderBy(desc(pointsRulebooks.effectiveFrom)),
    tx.select().from(pointsRules).orderBy(asc(pointsRules.version), asc(pointsRules.position)),
  ]);
  return books.map((b) => ({
    version: b.version,
    label: b.label,
    effectiveFrom: b.effectiveFrom,
    basePerYear: b.basePerYear,
    baseCap: b.baseCap,
    sanctionMonths: b.sanctionMonths,
    createdAt: b.createdAt.toISOString(),
    createdBy: b.createdBy,
    rules: rules
      .filter((r) => r.version === b.version)
      .map((r) => ({ code: r.code, kind: r.kind, level: r.level, nameZh: r.nameZh, nameEn: r.nameEn, points: r.points })),
  }));
}

export async function rulesView({ tx, now, zone }: ServiceContext) {
  const books = await loadRulebooks(tx);
  const current = rulebookInForce(books, cityDay(now, zone));
  if (!current) throw new NotFound('No rulebook is in force yet: the organisation department adds the first version');
  const view = (b: StoredRulebook) => ({ ...b, inForce: b.version === current.version });
  return { ...view(current), versions: books.map(view), tieBreak: TIE_BREAK };
}

/** A new version takes effect from a day after every existing one, and not in the past. */
export async function addRulebook(ctx: ServiceContext, input: RulebookInput) {
  const { tx: db, actor, now, zone } = ctx;
  return db.transaction(async (tx) => {
    const books = await loadRulebooks(tx);
    if (books.some((b) => b.version === input.version))
      throw new Conflict(`Rulebook version "${input.version}" exists; versions are never edited, choose a new name`);
    const latest = books[0];
    if (latest && input.effectiveFrom <= latest.effectiveFrom)
      throw new Invalid(`A new version must take effect after ${latest.effectiveFrom} (version ${latest.version})`, [
        { path: 'body.effectiveFrom', message: `after ${latest.effectiveFrom}` },
      ]);
    if (input.effectiveFrom < cityDay(now, zone))
      throw new Invalid('A new version cannot take effect in the past: entries already scored keep their version', [
        { path: 'body.effectiveFrom', message: 'today or later' },
      ]);
    await insertRulebook(tx, input, actor.name, now);
    await appendAudit(
      tx,
      actor,
      { action: 'points.rulebook.add', entityType: 'points_rulebook', entityId: input.version, summary: { after: input } },
      now,
    );
    return await rulesView({ ...ctx, tx });
  });
}

export async function insertRulebook(tx: Tx, input: Rulebook, createdBy: string, now: Date) {
  await tx.insert(pointsRulebooks).values({
    version: input.version,
    label: input.label,
    effectiveFrom: input.effectiveFrom,
    basePerYear: input.basePerYear,
    baseCap: input.baseCap,
    sanctionMonths: input.sanctionMonths,
    createdBy,
    createdAt: now,
  });
  await tx.insert(pointsRules).values(input.rules.map((r, i) => ({ version: input.version, ...r, position: i })));
}

export async function ruleIn(tx: Tx, version: string, code: string) {
  return (
    await tx
      .select()
      .from(pointsRules)
      .where(and(eq(pointsRules.version, version), eq(pointsRules.code, code)))
  )[0];
}
