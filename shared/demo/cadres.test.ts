import { describe, expect, it } from 'vitest';
import { DEMO_DEPARTMENTS } from './departments.ts';
import { DEMO_CADRE_COUNT, demoUnits, generateDemoCadres, generateDemoEntries } from './cadres.ts';

const today = '2026-11-25';
const { units, cadres } = generateDemoCadres(today);
const entries = generateDemoEntries(cadres, today);

describe('demo cadres', () => {
  it('has 82 units (the 53 rated departments and 29 others) and 3,900 cadres', () => {
    expect(units).toHaveLength(82);
    expect(units.filter((u) => u.kind === 'department')).toHaveLength(DEMO_DEPARTMENTS.length);
    expect(new Set(units.map((u) => u.code)).size).toBe(82);
    expect(cadres).toHaveLength(DEMO_CADRE_COUNT);
    expect(new Set(cadres.map((c) => c.code)).size).toBe(DEMO_CADRE_COUNT);
  });

  it('is the same every time for the same day', () => {
    expect(generateDemoCadres(today)).toEqual({ units, cadres });
    expect(generateDemoEntries(cadres, today)).toEqual(entries);
    expect(demoUnits()).toEqual(units);
  });

  it('gives every cadre consecutive posts, the current one last, and names each department head', () => {
    for (const c of cadres) {
      for (let i = 1; i < c.tenures.length; i++) expect(c.tenures[i - 1]!.until! < c.tenures[i]!.since).toBe(true);
      for (const t of c.tenures) expect(t.until === null || t.until >= t.since).toBe(true);
      if (c.status === 'in_post' || c.status === 'left_leadership') expect(c.tenures.at(-1)!.until).toBeNull();
    }
    const heads = cadres.filter((c) => c.headOf);
    expect(heads.map((c) => c.name).sort()).toEqual(DEMO_DEPARTMENTS.map((d) => d.head.name).sort());
    expect(cadres.some((c) => c.status === 'left_leadership')).toBe(true);
  });

  it('has three years of entries, none before a cadre took office, with pending, rejected and reversed ones', () => {
    expect(entries.length).toBeGreaterThan(1500);
    expect(entries[0]!.date >= '2023-11-26').toBe(true);
    expect(entries.at(-1)!.date <= today).toBe(true);
    for (const e of entries) expect(e.date >= cadres[e.cadre]!.tenures[0]!.since).toBe(true);
    expect(new Set(entries.map((e) => e.outcome))).toEqual(new Set(['approved', 'pending', 'rejected']));
    expect(entries.some((e) => e.reversedOn)).toBe(true);
  });
});
