import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { draw } from '#shared/draw/draw.ts';
import type { DrawRecord, PoolEntry } from '#shared/draw/draw.ts';
import { checkDrawRecord } from '#shared/draw/check.ts';
import zh from '../../locales/zh/verify.ts';
import en from '../../locales/en/verify.ts';
import { differenceText, type VerifyT } from './differenceText.ts';

const i18n = i18next.createInstance();
await i18n.init({
  resources: { zh: { verify: zh }, en: { verify: en } },
  lng: 'zh',
  ns: ['verify'],
  defaultNS: 'verify',
  interpolation: { escapeValue: false },
  showSupportNotice: false,
});
const tZh = i18n.getFixedT('zh', 'verify') as unknown as VerifyT;
const tEn = i18n.getFixedT('en', 'verify') as unknown as VerifyT;

const vectors = JSON.parse(readFileSync(new URL('../../../../test/fixtures/draw-vectors.json', import.meta.url), 'utf8')) as {
  name: string;
  round: string;
  seed: string;
  sampleSize: number;
  pool: PoolEntry[];
}[];
function record(): DrawRecord {
  const v = vectors.find((x) => x.name === 'v2')!;
  const r = draw(v);
  return {
    version: 1,
    round: v.round,
    poolHash: r.poolHash,
    pool: v.pool,
    sampleSize: v.sampleSize,
    stratifiedBy: 'township',
    seed: r.seed,
    seedSource: 'ceremony',
    frozenAt: '2026-01-05T02:00:00.000Z',
    drawnAt: '2026-01-06T02:00:00.000Z',
    quotas: r.quotas,
    sample: r.sample,
    backups: r.backups,
    replacements: [],
  };
}

describe('checking a downloaded draw record', () => {
  it('says it reproduces, with the counts a reader can compare', () => {
    const good = record();
    expect(checkDrawRecord(JSON.parse(JSON.stringify(good)), good.round)).toMatchObject({
      status: 'reproduces',
      sampled: good.sample.length,
      poolSize: good.pool.length,
    });
  });

  it('names, in Chinese, the enterprise swapped into the sample and the one it displaced', () => {
    const bad = record();
    const [s, b] = [bad.sample[0]!, bad.backups[0]!];
    bad.sample[0] = { ...s, uscc: b.uscc };
    const check = checkDrawRecord(bad, bad.round);
    if (check.status !== 'differs') throw new Error(`expected differs, got ${check.status}`);
    const lines = check.differences.map((d) => differenceText(tZh, d));
    expect(lines[0]).toBe(
      `抽中名单第 1 位：记录为 ${b.uscc}（层“${s.stratum}”，签号 ${s.ticket}），重新计算为 ${s.uscc}（层“${s.stratum}”，签号 ${s.ticket}）`,
    );
    expect(differenceText(tEn, check.differences[0]!)).toMatch(/^Sample, position 1: the record has /);
  });

  it('reports a changed pool as a different pool hash, with both values', () => {
    const bad = record();
    bad.poolHash = 'f'.repeat(64);
    const check = checkDrawRecord(bad, bad.round);
    if (check.status !== 'differs') throw new Error('expected differs');
    expect(check.differences.map((d) => differenceText(tZh, d))).toEqual([
      `抽签池哈希值：记录为 ${'f'.repeat(64)}，重新计算为 ${record().poolHash}`,
    ]);
  });

  it('refuses what is not a draw record, and a record of another round', () => {
    expect(checkDrawRecord({ hello: 1 })).toMatchObject({ status: 'malformed' });
    expect(checkDrawRecord(record(), '2099Q1')).toMatchObject({ status: 'malformed', problems: [{ where: 'round' }] });
  });

  it('has a Chinese sentence for every kind of difference, with no placeholder left unfilled', () => {
    const e = { uscc: 'X', stratum: 'a', ticket: 'f'.repeat(64) };
    const r = { index: 0, out: 'O', in: 'I' };
    const all = [
      { kind: 'seedNotNormalised', recorded: ' 1', normalised: '1' },
      { kind: 'seedEmpty' },
      { kind: 'duplicateUscc', uscc: 'X', count: 2 },
      { kind: 'stratumWithoutStratification', index: 0, uscc: 'X', stratum: 'a' },
      { kind: 'frozenAfterDrawn', frozenAt: 'a', drawnAt: 'b' },
      { kind: 'poolHash', recorded: 'a', recomputed: 'b' },
      { kind: 'quota', stratum: 'a', recorded: null, recomputed: 3 },
      { kind: 'listLength', list: 'backups', recorded: 1, recomputed: 2 },
      { kind: 'listEntry', list: 'sample', index: 0, recorded: e, recomputed: null },
      { kind: 'replacementOutNotInPool', ...r },
      { kind: 'replacementOutNotTakingPart', ...r },
      { kind: 'replacementInNotBackup', ...r },
      { kind: 'replacementInReused', ...r },
      { kind: 'replacementAgainstRule', ...r, expected: { ...e, order: 1 } },
    ] as const;
    for (const d of all) {
      const line = differenceText(tZh, d);
      expect(line, d.kind).not.toMatch(/\{\{|diff\.|undefined/);
      expect(line, d.kind).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
