import { DEMO_DEPARTMENTS } from '#shared/demo/departments.ts';
import { generateDemoEnterprises, INDUSTRIES } from '#shared/demo/enterprises.ts';
import type { Db } from '#server/db/client.ts';
import { departmentHeads, departments, enterprises } from '#server/db/schema.ts';

/** Registry rows for a test: `n` demo enterprises and `d` more demo departments (with heads). */
export async function seedRegistry(db: Db, opts: { enterprises?: number; departments?: number } = {}) {
  const industry = new Map(INDUSTRIES.map((i) => [i.key, i.zh]));
  const list = generateDemoEnterprises(opts.enterprises ?? 300);
  for (let i = 0; i < list.length; i += 500) {
    await db.insert(enterprises).values(list.slice(i, i + 500).map((e) => ({ ...e, industry: industry.get(e.industry)!, active: true })));
  }
  const depts = await db
    .insert(departments)
    .values(
      DEMO_DEPARTMENTS.slice(0, opts.departments ?? 5).map((d) => ({
        code: d.code,
        nameZh: d.nameZh,
        nameEn: d.nameEn,
        category: d.category,
      })),
    )
    .returning();
  await db.insert(departmentHeads).values(
    depts.map((d, i) => ({
      departmentId: d.id,
      name: DEMO_DEPARTMENTS[i]!.head.name,
      title: DEMO_DEPARTMENTS[i]!.head.title,
      since: '2020-01-01',
    })),
  );
  return { enterprises: list, departments: depts };
}

export const roundBody = (id: string, overrides: Record<string, unknown> = {}) => ({
  id,
  sampleSize: 20,
  opensAt: '2026-03-01T00:00:00+08:00',
  closesAt: '2026-03-31T23:59:59+08:00',
  ...overrides,
});
