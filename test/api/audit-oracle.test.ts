// Issue 21, story 1 replayed: a supervisor reads the audit log of an open round after a draw from a short
// ceremony seed, a replacement, a regeneration and a follow-up call, and hashes every registry USCC and every 6-digit seed
// against each entry's visible hash the way the chain used to hash. Nothing matches while the round runs;
// once its draw is public the same reads recompute every hash, and the same search finds the true values.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '#shared/canonical-json.ts';
import { recomputeEntryHash, SAMPLE_FIELDS } from '#shared/audit-chain.ts';
import { HIDDEN_UNTIL_CLOSE } from '#server/draw/disclosure.ts';
import { makeTestContext } from '../support/app.ts';
import { roundBody, seedRegistry } from '../support/fixtures.ts';

const ctx = await makeTestContext();
await seedRegistry(ctx.database.db, { enterprises: 300, departments: 3 });
const SEED = '314159';
const ROUND = '2026Q1';

const call = async (who: 'admin' | 'supervisor' | 'leader', url: string, payload?: object) => {
  const res = await ctx.app.inject({
    method: payload ? 'POST' : 'GET',
    url: `/api/v1${url}`,
    ...(payload ? { payload } : {}),
    headers: { cookie: await ctx.as(who) },
  });
  if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json();
};

interface Entry {
  id: number;
  at: string;
  actorId: number | null;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string;
  summary: Record<string, unknown>;
  hash: string;
  prevHash: string;
  salt: string | null;
}
const auditOf = async (who: 'admin' | 'supervisor') =>
  ((await call(who, `/audit?entityId=${ROUND}&pageSize=100`)).items as Entry[]).sort((a, b) => a.id - b.id);

/** Every registry USCC, as the supervisor reads the registry. */
async function registry(): Promise<string[]> {
  const out: string[] = [];
  for (let page = 1; ; page++) {
    const { items, total } = (await call('supervisor', `/enterprises?pageSize=500&page=${page}`)) as {
      items: { uscc: string }[];
      total: number;
    };
    out.push(...items.map((e) => e.uscc));
    if (out.length >= total) return out;
  }
}

function* sixDigits() {
  for (let n = 0; n < 1_000_000; n++) yield String(n).padStart(6, '0');
}

/**
 * The values of `field` among `candidates` for which the entry hashes to its visible hash, the other
 * fields as given (the attacker is even handed their true values). `salt` undefined: the chain's old way
 * (no salt in the body); a string: the new way with that salt. The body is cut around a marker so each
 * guess costs one SHA-256.
 */
function search(e: Entry, known: Record<string, unknown>, field: string, candidates: Iterable<string>, salt?: string): string[] {
  const MARK = '\u0000guess\u0000';
  const body = canonicalJson({
    at: e.at,
    actorId: e.actorId,
    actorName: e.actorName,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    summary: { ...known, [field]: MARK },
    ...(salt ? { salt } : {}),
  });
  const [pre, post] = `${e.prevHash}\n${body}`.split(JSON.stringify(MARK)) as [string, string];
  const found: string[] = [];
  for (const c of candidates) {
    if (
      createHash('sha256')
        .update(pre + JSON.stringify(c) + post)
        .digest('hex') === e.hash
    )
      found.push(c);
  }
  return found;
}

describe('hidden audit fields against a supervisor with the registry', () => {
  let truth: Entry[] = [];
  let usccs: string[] = [];

  it('while the round runs, no registry USCC and no 6-digit seed matches any entry’s hash, however it used to hash', {
    timeout: 120_000,
  }, async () => {
    await call('admin', '/rounds', roundBody(ROUND, { sampleSize: 12 }));
    await call('admin', `/rounds/${ROUND}/freeze`, {});
    await call('admin', `/rounds/${ROUND}/draw`, { seed: SEED });
    await call('admin', `/rounds/${ROUND}/open`, {});
    const invited = (await call('admin', `/rounds/${ROUND}/invitations`)) as { uscc: string }[];
    await call('admin', `/rounds/${ROUND}/invitations/${invited[0]!.uscc}/replace`, { reason: '企业已注销' });
    await call('admin', `/rounds/${ROUND}/invitations/${invited[1]!.uscc}/regenerate`, {});
    await call('admin', `/rounds/${ROUND}/invitations/${invited[2]!.uscc}/follow-ups`, { channel: 'visit', outcome: 'ineligible' });

    truth = await auditOf('admin');
    usccs = await registry();
    const seen = await auditOf('supervisor');
    const hiddenActions = ['round.draw', 'invitation.replace', 'invitation.regenerate', 'invitation.follow_up'];
    const hidden = seen.filter((e) => hiddenActions.includes(e.action));
    expect(hidden.map((e) => e.action).sort()).toEqual([...hiddenActions].sort());

    // What the page shows of them: the one placeholder for each hidden value and the salt, nothing of their length.
    for (const e of hidden) {
      expect(e.salt).toBe(HIDDEN_UNTIL_CLOSE);
      const t = truth.find((x) => x.id === e.id)!;
      for (const f of SAMPLE_FIELDS[e.action]!) if (f in t.summary) expect(e.summary[f], `${e.action}.${f}`).toBe(HIDDEN_UNTIL_CLOSE);
    }
    const real = (action: string) => truth.find((t) => t.action === action)!;
    expect(real('round.draw').summary.seed).toBe(SEED);
    expect(real('round.draw').salt).toMatch(/^[0-9a-f]{32}$/);
    // Entries that name nothing hidden keep no salt and hash as before.
    expect(seen.filter((e) => !hiddenActions.includes(e.action)).every((e) => e.salt === null)).toBe(true);

    // Nothing the supervisor reads spells a drawn enterprise or the seed.
    const sampled = new Set(((await call('admin', `/rounds/${ROUND}/invitations`)) as { uscc: string }[]).map((i) => i.uscc));
    const reads = JSON.stringify([
      seen,
      await call('supervisor', `/rounds/${ROUND}`),
      await call('supervisor', '/rounds'),
      await call('supervisor', '/audit/facets'),
    ]);
    for (const u of sampled) expect(reads).not.toContain(u);
    expect(reads).not.toContain(`"${SEED}"`);

    const attempts: Record<string, string[]> = {};
    for (const e of hidden) {
      const t = truth.find((x) => x.id === e.id)!;
      expect(e.hash).toBe(t.hash);
      const fields = e.action === 'round.draw' ? ['seed'] : e.action === 'invitation.replace' ? ['out', 'in'] : ['uscc'];
      for (const field of fields) {
        const candidates = field === 'seed' ? sixDigits() : usccs;
        attempts[`${e.action}.${field}`] = search(e, t.summary, field, candidates);
        // Nor with the placeholder taken for the salt.
        if (field !== 'seed') attempts[`${e.action}.${field}+placeholder`] = search(e, t.summary, field, usccs, HIDDEN_UNTIL_CLOSE);
      }
    }
    expect(Object.keys(attempts)).toHaveLength(9);
    expect(Object.values(attempts).flat()).toEqual([]);
  });

  it('once the draw is public, the supervisor recomputes every hash from what it reads and the same search finds the true values', {
    timeout: 120_000,
  }, async () => {
    await call('admin', `/rounds/${ROUND}/close`, {});
    await call('admin', `/rounds/${ROUND}/compute`, {});
    await call('admin', `/rounds/${ROUND}/publish`, {});
    const seen = await auditOf('supervisor');
    const draw = seen.find((e) => e.action === 'round.draw')!;
    expect(draw.summary.seed).toBe(SEED);
    expect(draw.salt).toMatch(/^[0-9a-f]{32}$/);

    // Every entry of the round, hidden before or not, recomputes client-side to its stored hash.
    for (const e of seen) expect(recomputeEntryHash(e.prevHash, e), `entry ${e.id} ${e.action}`).toBe(e.hash);
    // The whole log chains: each entry's prevHash is the hash before it.
    const all = ((await call('supervisor', '/audit?pageSize=500')).items as Entry[]).sort((a, b) => a.id - b.id);
    for (let i = 1; i < all.length; i++) expect(all[i]!.prevHash).toBe(all[i - 1]!.hash);
    for (const e of all) expect(recomputeEntryHash(e.prevHash, e)).toBe(e.hash);

    // The search itself works: with the revealed salt it finds exactly the true values (so "nothing matched" above meant something).
    const replace = seen.find((e) => e.action === 'invitation.replace')!;
    const regenerate = seen.find((e) => e.action === 'invitation.regenerate')!;
    expect(search(draw, draw.summary, 'seed', sixDigits(), draw.salt!)).toEqual([SEED]);
    expect(search(replace, replace.summary, 'in', usccs, replace.salt!)).toEqual([replace.summary.in]);
    expect(search(regenerate, regenerate.summary, 'uscc', usccs, regenerate.salt!)).toEqual([regenerate.summary.uscc]);
    const followUp = seen.find((e) => e.action === 'invitation.follow_up')!;
    expect(search(followUp, followUp.summary, 'uscc', usccs, followUp.salt!)).toEqual([followUp.summary.uscc]);
  });
});
