import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chooseReplacement, draw, drawRecordSchema } from './draw.ts';
import type { DrawRecord, PoolEntry } from './draw.ts';
import { verifyRecord } from './verify.ts';

const vectors = JSON.parse(readFileSync(new URL('../../test/fixtures/draw-vectors.json', import.meta.url), 'utf8')) as {
  name: string;
  round: string;
  seed: string;
  sampleSize: number;
  pool: PoolEntry[];
}[];

function makeRecord(name = 'v2', overrides: Partial<DrawRecord> = {}): DrawRecord {
  const v = vectors.find((x) => x.name === name)!;
  const result = draw(v);
  return {
    version: 1,
    round: v.round,
    poolHash: result.poolHash,
    pool: v.pool,
    sampleSize: v.sampleSize,
    stratifiedBy: v.pool.some((e) => e.stratum !== '') ? 'township' : null,
    seed: result.seed,
    seedSource: 'ceremony',
    frozenAt: '2026-01-05T02:00:00.000Z',
    drawnAt: '2026-01-06T02:00:00.000Z',
    quotas: result.quotas,
    sample: result.sample,
    backups: result.backups,
    replacements: [],
    ...overrides,
  };
}

const failed = (record: DrawRecord) => {
  const result = verifyRecord(record);
  if (result.ok) throw new Error('expected differences');
  return result.differences;
};

describe('verifyRecord', () => {
  it.each(['v1', 'v2', 'v3', 'v4'])('says ok for a record built from draw() (%s), and the record parses', (name) => {
    const record = makeRecord(name);
    expect(verifyRecord(record)).toEqual({ ok: true });
    const parsed = drawRecordSchema.parse(JSON.parse(JSON.stringify(record)));
    expect(verifyRecord(parsed)).toEqual({ ok: true });
  });

  it('lists the swap when a sampled uscc is exchanged with a backup', () => {
    const record = makeRecord('v2');
    const sample = structuredClone(record.sample);
    const backups = structuredClone(record.backups);
    const [s, b] = [sample[3]!, backups[0]!];
    [s.uscc, b.uscc] = [b.uscc, s.uscc];
    const differences = failed({ ...record, sample, backups });
    expect(differences).toHaveLength(2);
    expect(differences[0]).toMatch(new RegExp(`^sample\\[3\\]: record has ${s.uscc} .*, recomputed ${b.uscc} `));
    expect(differences[1]).toMatch(new RegExp(`^backups\\[0\\]: record has ${b.uscc} .*, recomputed ${s.uscc} `));
  });

  it('reports a wrong pool hash, a wrong quota and a missing entry', () => {
    const record = makeRecord('v2');
    const differences = failed({
      ...record,
      poolHash: '0'.repeat(64),
      quotas: { ...record.quotas, 沙嘴街道: 4 },
      sample: record.sample.slice(0, -1),
    });
    expect(differences).toEqual([
      `poolHash: record has ${'0'.repeat(64)}, recomputed ${record.poolHash}`,
      'quotas["沙嘴街道"]: record has 4, recomputed 5',
      'sample: record has 9 entries, recomputed 10',
      expect.stringMatching(/^sample\[9\]: record has nothing, recomputed 9142/),
    ]);
  });

  it('reports a seed that is not normalised, and a different seed changes the draw', () => {
    const record = makeRecord('v1');
    expect(failed({ ...record, seed: '　３１４１５９２６５３　' })).toEqual([
      'seed: record has "　３１４１５９２６５３　", normalised "3141592653"',
    ]);
    const differences = failed({ ...record, seed: '3141592654' });
    expect(differences.some((d) => d.startsWith('sample['))).toBe(true);
  });

  it('reports duplicate usccs, strata without stratification, and a pool frozen after the draw', () => {
    const record = makeRecord('v1');
    expect(failed({ ...record, pool: [...record.pool, record.pool[0]!] })).toEqual([`pool: uscc ${record.pool[0]!.uscc} appears 2 times`]);
    const v2 = makeRecord('v2', { stratifiedBy: null });
    expect(failed(v2)).toHaveLength(30);
    expect(failed({ ...record, frozenAt: '2026-02-01T00:00:00Z' })).toEqual([
      'frozenAt 2026-02-01T00:00:00Z is after drawnAt 2026-01-06T02:00:00.000Z: the pool must be frozen first',
    ]);
  });

  describe('replacements', () => {
    const at = '2026-01-10T00:00:00.000Z';
    const record = makeRecord('v2');
    const out = record.sample[0]!;
    const stratumBackups = record.backups.filter((b) => b.stratum === out.stratum);

    it('accepts replacements that follow the rule, including a backup that is itself replaced', () => {
      const replacements = [
        { out: out.uscc, in: stratumBackups[0]!.uscc, reason: 'closed', at },
        { out: stratumBackups[0]!.uscc, in: stratumBackups[1]!.uscc, reason: 'unreachable', at },
      ];
      expect(verifyRecord({ ...record, replacements })).toEqual({ ok: true });
    });

    it('accepts the global fallback once the stratum has no backups left', () => {
      const used = new Set(stratumBackups.map((b) => b.uscc));
      const chain = [out.uscc, ...stratumBackups.map((b) => b.uscc)];
      const replacements = chain.slice(1).map((uscc, i) => ({ out: chain[i]!, in: uscc, reason: 'declined', at }));
      const fallback = chooseReplacement({ out: chain.at(-1)!, stratum: out.stratum, backups: record.backups, used })!;
      expect(fallback.stratum).not.toBe(out.stratum);
      replacements.push({ out: chain.at(-1)!, in: fallback.uscc, reason: 'declined', at });
      expect(verifyRecord({ ...record, replacements })).toEqual({ ok: true });
    });

    it('rejects an "in" that is not a backup, a skipped backup, and an "out" that is not taking part', () => {
      const notBackup = record.sample[1]!.uscc;
      expect(failed({ ...record, replacements: [{ out: out.uscc, in: notBackup, reason: 'x', at }] })).toEqual([
        `replacements[0] (${out.uscc} → ${notBackup}): in ${notBackup} is not a backup of this draw`,
      ]);
      const skipped = failed({ ...record, replacements: [{ out: out.uscc, in: stratumBackups[1]!.uscc, reason: 'x', at }] });
      expect(skipped).toEqual([expect.stringContaining(`the rule gives ${stratumBackups[0]!.uscc}`)]);
      const backup = record.backups.find((b) => b.stratum !== out.stratum)!;
      expect(failed({ ...record, replacements: [{ out: backup.uscc, in: stratumBackups[0]!.uscc, reason: 'x', at }] })).toEqual([
        expect.stringContaining('is not taking part'),
      ]);
      const twice = [
        { out: out.uscc, in: stratumBackups[0]!.uscc, reason: 'x', at },
        { out: record.sample.find((s) => s.stratum === out.stratum && s !== out)!.uscc, in: stratumBackups[0]!.uscc, reason: 'x', at },
      ];
      expect(failed({ ...record, replacements: twice })).toEqual([expect.stringContaining('already brought in')]);
    });
  });
});

describe('drawRecordSchema', () => {
  it('refuses a record with a malformed ticket, a wrong version or a lower-case uscc', () => {
    const record = makeRecord('v1');
    expect(drawRecordSchema.safeParse({ ...record, version: 2 }).success).toBe(false);
    const badTicket = { ...record, sample: [{ ...record.sample[0]!, ticket: 'XYZ' }] };
    expect(drawRecordSchema.safeParse(badTicket).success).toBe(false);
    const badUscc = { ...record, pool: [{ uscc: record.pool[0]!.uscc.toLowerCase(), stratum: '' }] };
    expect(drawRecordSchema.safeParse(badUscc).success).toBe(false);
  });
});
