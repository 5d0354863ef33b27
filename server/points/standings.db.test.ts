// Standings keep the registry in memory between calls: any audited change must show in the next answer.
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLE_RULEBOOK } from '#shared/points/rulebook.ts';
import { freshDatabase } from '../../test/support/database.ts';
import { appointPost, createCadre, createUnit, updateCadre } from '../cadres/cadres.service.ts';
import { serviceContext } from '../context.ts';
import { computeStandings } from './standings.service.ts';
import { insertRulebook } from './rules.service.ts';

const database = await freshDatabase();
afterAll(() => database.close());
const { db } = database;
const actor = { id: null, name: 'test' };
const now = new Date('2026-03-01T00:00:00Z');
const ctx = serviceContext(db, { actor, now, zone: 'Asia/Shanghai' });
await db.transaction((tx) => insertRulebook(tx, EXAMPLE_RULEBOOK, 'test', now));
const unit = await createUnit(ctx, { code: 'u1', nameZh: '一号单位', kind: 'office' });
const other = await createUnit(ctx, { code: 'u2', nameZh: '二号单位', kind: 'office' });

describe('standings follow the registry', () => {
  it('a new cadre, a new post and a status change show in the very next standings', async () => {
    expect((await computeStandings(db, '2026-01-01')).items).toEqual([]);
    const a = await createCadre(ctx, {
      code: 'A1',
      name: '甲',
      unitId: unit.id,
      post: '科员',
      rank: 'clerk_1',
      leadership: false,
      since: '2020-01-01',
    });
    let rows = (await computeStandings(db, '2026-01-01')).items;
    expect(rows.map((r) => [r.code, r.rank, r.base])).toEqual([['A1', 'clerk_1', 6]]);
    await appointPost(ctx, {
      cadreId: a.id,
      tenure: { unitId: other.id, post: '副主任', rank: 'principal_4', leadership: true, since: '2025-06-01' },
    });
    rows = (await computeStandings(db, '2026-01-01')).items;
    expect(rows.map((r) => [r.rank, r.unitName, r.post, r.base])).toEqual([['principal_4', '二号单位', '副主任', 6]]);
    // As of a day before the move, the earlier post and rank hold.
    expect((await computeStandings(db, '2025-05-31')).items.map((r) => [r.rank, r.unitName])).toEqual([['clerk_1', '一号单位']]);
    await updateCadre(ctx, { cadreId: a.id, patch: { status: 'retired', statusSince: '2025-12-01' } });
    expect((await computeStandings(db, '2026-01-01')).items).toEqual([]);
    expect((await computeStandings(db, '2025-11-30')).items).toHaveLength(1);
  });
});
