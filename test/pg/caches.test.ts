// Caches across replicas (PostgreSQL only: two connection pools on one database, as two processes
// have). The standings keep the cadre registry in memory, versioned by the audit chain's tip, which
// every replica reads from the database: a change written through one is in the next answer of the other.
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLE_RULEBOOK } from '#shared/points/rulebook.ts';
import { appointPost, createCadre, createUnit } from '#server/cadres/cadres.service.ts';
import { serviceContext } from '#server/context.ts';
import { openDatabase } from '#server/db/client.ts';
import { insertRulebook } from '#server/points/rules.service.ts';
import { computeStandings } from '#server/points/standings.service.ts';
import { freshDatabase } from '../support/database.ts';

const a = await freshDatabase();
if (!a.url) throw new Error('the cache test needs DATABASE_URL (PostgreSQL)');
const b = await openDatabase({ kind: 'postgres', url: a.url }, { migrate: false });
afterAll(async () => {
  await b.close();
  await a.close();
});
const actor = { id: null, name: 'test' };
const now = new Date('2026-03-01T00:00:00Z');
const ctxB = () => serviceContext(b.db, { actor, now, zone: 'Asia/Shanghai' });

describe('the standings cache on two replicas', () => {
  it('a cadre and a post written through one replica are in the next standings of the other', async () => {
    await a.db.transaction((tx) => insertRulebook(tx, EXAMPLE_RULEBOOK, 'test', now));
    const unit = await createUnit(ctxB(), { code: 'u1', nameZh: '一号单位', kind: 'office' });
    const other = await createUnit(ctxB(), { code: 'u2', nameZh: '二号单位', kind: 'office' });
    expect((await computeStandings(a.db, '2026-01-01')).items).toEqual([]);
    const cadre = await createCadre(ctxB(), {
      code: 'A1',
      name: '甲',
      unitId: unit.id,
      post: '科员',
      rank: 'clerk_1',
      leadership: false,
      since: '2020-01-01',
    });
    expect((await computeStandings(a.db, '2026-01-01')).items.map((r) => [r.code, r.unitName])).toEqual([['A1', '一号单位']]);
    await appointPost(ctxB(), {
      cadreId: cadre.id,
      tenure: { unitId: other.id, post: '副主任', rank: 'principal_4', leadership: true, since: '2025-06-01' },
    });
    expect((await computeStandings(a.db, '2026-01-01')).items.map((r) => [r.rank, r.unitName])).toEqual([['principal_4', '二号单位']]);
  });
});
