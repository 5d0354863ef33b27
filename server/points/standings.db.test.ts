// The standings query counts days in post in SQL; it must agree with the pure rule in shared/points.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { serviceDays } from '../../shared/points/base.ts';
import { dayNumber, isoOfDay } from '../../shared/points/days.ts';
import { freshDatabase } from '../../test/support/database.ts';
import { cadres, cadreTenures, units } from '../db/schema.ts';
import { standingSources } from './standings.service.ts';

const database = await freshDatabase();
afterAll(() => database.close());
const { db } = database;
const [unit] = await db.insert(units).values({ code: 'u1', nameZh: '测试单位', kind: 'office' }).returning();

const span = fc.tuple(fc.integer({ min: dayNumber('2000-01-01'), max: dayNumber('2030-01-01') }), fc.integer({ min: 0, max: 4000 }), fc.boolean());

describe('days in post, in SQL', () => {
  it('equals serviceDays for any tenures (gaps, overlaps, open-ended) and any date', async () => {
    let n = 0;
    await fc.assert(fc.asyncProperty(fc.array(span, { minLength: 1, maxLength: 5 }), fc.integer({ min: dayNumber('1999-01-01'), max: dayNumber('2035-01-01') }), async (raw, asOfDay) => {
      const asOf = isoOfDay(asOfDay);
      // At most one open tenure per cadre (the database says so): only the latest may be open.
      const latest = raw.reduce((m, r, i) => (r[0] >= raw[m]![0] ? i : m), 0);
      const spans = raw.map(([s, len, open], i) => ({ since: isoOfDay(s), until: open && i === latest ? null : isoOfDay(s + len) }));
      const [c] = await db.insert(cadres).values({ code: `P${++n}`, name: '测试', unitId: unit!.id, post: '科员', rank: 'clerk_1', leadership: false }).returning();
      await db.insert(cadreTenures).values(spans.map((t) => ({ cadreId: c!.id, unitId: unit!.id, post: '科员', rank: 'clerk_1' as const, leadership: false, ...t })));
      const row = (await standingSources(db, asOf)).find((r) => Number(r.id) === c!.id);
      const expected = serviceDays(spans, asOf);
      if (spans.every((t) => t.since > asOf)) expect(row).toBeUndefined();
      else expect(Number(row!.days)).toBe(expected);
    }), { numRuns: 60 });
  });
});
