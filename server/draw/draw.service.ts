// Freezing the pool (hash published before any seed exists), the draw itself, and its published record.
import { randomBytes } from 'node:crypto';
import { compareBytes, draw, normaliseSeed, poolHash, type DrawRecord, type PoolEntry } from '#shared/draw/draw.ts';
import type { StratifyBy } from '#shared/schemas/rounds.ts';
import { appendAudit } from '../audit/audit.writer.ts';
import type { ServiceContext } from '../context.ts';
import type { Tx } from '../db/client.ts';
import { Conflict, Invalid, NotFound } from '../errors.ts';
import { hashToken, type LinkMaker } from '../invitations/tokens.ts';
import * as q from '../rounds/rounds.queries.ts';
import { lockRoundFor } from '../rounds/rounds.service.ts';
import * as dq from './draw.queries.ts';

export async function freezePool({ tx: db, actor, now }: ServiceContext, { id }: { id: string }) {
  return db.transaction(async (tx) => {
    const round = await lockRoundFor(tx, id, 'freeze', now);
    const stratifyBy = round.stratifyBy as StratifyBy | null;
    const active = await dq.activeEnterprises(tx, stratifyBy);
    const excluded = round.rotationExclusion ? await previouslySampled(tx, id) : new Set<string>();
    const pool = active
      .filter((e) => !excluded.has(e.uscc))
      .map((e) => ({ enterpriseId: e.id, uscc: e.uscc, stratum: stratifyBy ? String(e.stratum) : '' }));
    if (!pool.length) throw new Conflict('The pool is empty: no active enterprise is left after exclusions', undefined, 'empty_pool');
    const hash = poolHash(pool);
    for (let i = 0; i < pool.length; i += 2000) {
      await dq.insertPool(
        tx,
        pool.slice(i, i + 2000).map((p) => ({ roundId: id, ...p })),
      );
    }
    await q.updateRound(tx, id, { status: 'pool_frozen', poolHash: hash, poolSize: pool.length, frozenAt: now, updatedAt: now });
    await appendAudit(
      tx,
      actor,
      {
        action: 'round.freeze',
        entityType: 'round',
        entityId: id,
        summary: { poolHash: hash, poolSize: pool.length, excludedByRotation: excluded.size, stratifiedBy: stratifyBy },
      },
      now,
    );
    return { poolHash: hash, poolSize: pool.length, frozenAt: now.toISOString() };
  });
}

/** Enterprises sampled (or brought in as replacements) in the previous drawn round. */
async function previouslySampled(tx: Tx, id: string): Promise<Set<string>> {
  const previous = await q.previousDrawnRound(tx, id);
  if (!previous) return new Set();
  return new Set(await dq.invitedUsccs(tx, previous.id));
}

/** `seed` is the ceremony's typed seed; without one the server draws a random seed. */
export async function drawRound(
  { tx: db, actor, now }: ServiceContext,
  { id, seed: typedSeed, links }: { id: string; seed: string | undefined; links: LinkMaker },
) {
  return db.transaction(async (tx) => {
    const round = await lockRoundFor(tx, id, 'draw', now);
    const seedSource = typedSeed === undefined ? 'server' : 'ceremony';
    const seed = typedSeed === undefined ? randomBytes(16).toString('hex') : normaliseSeed(typedSeed);
    if ([...seed].length < 6) throw new Invalid('seed: at least 6 characters after normalisation');
    const poolRows = await dq.poolOf(tx, id);
    const result = draw({ round: id, seed, sampleSize: round.sampleSize, pool: poolRows });
    if (result.poolHash !== round.poolHash) throw new Error(`pool of ${id} changed after freezing`); // cannot happen: never edited
    const entries = [
      ...result.sample.map((s) => ({ roundId: id, uscc: s.uscc, stratum: s.stratum, ticket: s.ticket, kind: 'sample', backupOrder: null })),
      ...result.backups.map((b) => ({
        roundId: id,
        uscc: b.uscc,
        stratum: b.stratum,
        ticket: b.ticket,
        kind: 'backup',
        backupOrder: b.order,
      })),
    ];
    for (let i = 0; i < entries.length; i += 2000) await dq.insertDrawEntries(tx, entries.slice(i, i + 2000));
    const enterpriseIds = new Map(poolRows.map((p) => [p.uscc, p.enterpriseId]));
    const invitationRows = result.sample.map((s) => ({
      roundId: id,
      enterpriseId: enterpriseIds.get(s.uscc)!,
      uscc: s.uscc,
      stratum: s.stratum,
      tokenHash: hashToken(links.token(id, s.uscc, 1)),
      generation: 1,
      createdAt: now,
    }));
    for (let i = 0; i < invitationRows.length; i += 1000) await dq.insertInvitations(tx, invitationRows.slice(i, i + 1000));
    await q.updateRound(tx, id, { status: 'drawn', seed, seedSource, quotas: result.quotas, drawnAt: now, updatedAt: now });
    await appendAudit(
      tx,
      actor,
      {
        action: 'round.draw',
        entityType: 'round',
        entityId: id,
        summary: {
          seed,
          seedSource,
          poolHash: result.poolHash,
          sample: result.sample.length,
          backups: result.backups.length,
          quotas: result.quotas,
        },
      },
      now,
    );
    return { seed, seedSource, sample: result.sample.length, backups: result.backups.length, poolHash: result.poolHash } as const;
  });
}

export async function drawRecord({ tx }: ServiceContext, { id }: { id: string }): Promise<DrawRecord> {
  const round = await q.findRound(tx, id);
  if (!round) throw new NotFound(`No round ${id}`);
  if (!round.drawnAt || !round.seed) throw new Conflict(`Round ${id} has not been drawn yet`, { status: round.status }, 'not_drawn');
  const [pool, entries, repl] = await Promise.all([dq.publishedPool(tx, id), dq.drawEntriesOf(tx, id), dq.replacementsOf(tx, id)]);
  const sample = entries.filter((e) => e.kind === 'sample').sort((a, b) => (a.ticket < b.ticket ? -1 : 1));
  const backupsByStratum = entries.filter((e) => e.kind === 'backup');
  // Same order as shared/draw: by stratum (byte order), then backup number.
  backupsByStratum.sort((a, b) => compareBytes(a.stratum, b.stratum) || a.backupOrder! - b.backupOrder!);
  return {
    version: 1,
    round: id,
    poolHash: round.poolHash!,
    pool: pool as PoolEntry[],
    sampleSize: round.sampleSize,
    stratifiedBy: round.stratifyBy,
    seed: round.seed,
    seedSource: round.seedSource as 'ceremony' | 'server',
    frozenAt: round.frozenAt!.toISOString(),
    drawnAt: round.drawnAt.toISOString(),
    quotas: round.quotas as Record<string, number>,
    sample: sample.map((s) => ({ uscc: s.uscc, stratum: s.stratum, ticket: s.ticket })),
    backups: backupsByStratum.map((b) => ({ uscc: b.uscc, stratum: b.stratum, ticket: b.ticket, order: b.backupOrder! })),
    replacements: repl.map((r) => ({ out: r.outUscc, in: r.inUscc, reason: r.reason, at: r.at.toISOString() })),
  };
}
