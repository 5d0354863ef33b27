// Demo data for a newcomer's first look: only into an empty database, only when DEMO is on.
import { count } from 'drizzle-orm';
import { DEFAULT_CITY_TZ } from '#shared/city-day.ts';
import { DEMO_DEPARTMENTS } from '#shared/demo/departments.ts';
import { generateDemoEnterprises, INDUSTRIES } from '#shared/demo/enterprises.ts';
import { DEMO_PASSWORD } from '#shared/password-policy.ts';
import { appendAudit, SYSTEM_ACTOR } from '../audit/audit.writer.ts';
import { hashPassword } from '../auth/password.ts';
import type { Db } from '../db/client.ts';
import { departmentHeads, departments, enterprises, users } from '../db/schema.ts';
import { seedDemoCadres } from './cadres.ts';
import { demoHistoryStart, seedDemoHistory } from './history.ts';

// One source with the policy, which refuses it as anyone's new password (it is printed in the README).
export { DEMO_PASSWORD };
const HEADS_SINCE = '2020-01-01';

export interface DemoLogin {
  username: string;
  role: string;
  displayName: string;
}

export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(departments);
  return (row?.n ?? 0) === 0;
}

/**
 * Seeds the registries and logins, and (with `history`) four published quarters and the current one
 * open, through the real code paths. `secret` must be the app's JWT secret: links are derived from it.
 */
export async function seedDemo(db: Db, now: Date, opts: { secret?: string; timeZone?: string } = {}): Promise<DemoLogin[]> {
  // With history, the registries come first in time too: the audit log reads in time order from its first entry.
  const start = opts.secret ? demoHistoryStart(now) : now;
  const logins = await seedRegistries(db, start);
  // Before the history: the escalations it marks done score against the heads' cadre records.
  const timeZone = opts.timeZone ?? DEFAULT_CITY_TZ;
  await seedDemoCadres(db, now, timeZone, start);
  if (opts.secret) await seedDemoHistory(db, opts.secret, now, timeZone);
  return logins;
}

async function seedRegistries(db: Db, now: Date): Promise<DemoLogin[]> {
  const industryZh = new Map(INDUSTRIES.map((i) => [i.key, i.zh]));
  // One hash serves every demo login (same password); hashing 56 times would slow the first start.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    const depts = await tx
      .insert(departments)
      .values(
        DEMO_DEPARTMENTS.map((d) => ({
          code: d.code,
          nameZh: d.nameZh,
          nameEn: d.nameEn,
          category: d.category,
        })),
      )
      .returning();
    const byCode = new Map(depts.map((d) => [d.code, d]));
    await tx.insert(departmentHeads).values(
      DEMO_DEPARTMENTS.map((d) => ({
        departmentId: byCode.get(d.code)!.id,
        name: d.head.name,
        title: d.head.title,
        since: HEADS_SINCE,
      })),
    );
    const list = generateDemoEnterprises(2000);
    for (let i = 0; i < list.length; i += 500) {
      await tx.insert(enterprises).values(
        list.slice(i, i + 500).map((e) => ({
          uscc: e.uscc,
          name: e.name,
          industry: industryZh.get(e.industry) ?? e.industry,
          sizeClass: e.sizeClass,
          township: e.township,
          contactName: e.contactName,
          contactPhone: e.contactPhone,
          active: e.active,
        })),
      );
    }
    // Demo holders chose their own passwords long ago, so the demo approves and decides at once
    // (a password someone else set waits a day: shared/accounts/decide-wait.ts).
    const own = { passwordHash, ownPasswordSince: new Date(now.getTime() - 365 * 86_400_000) };
    const logins: (typeof users.$inferInsert)[] = [
      { username: 'admin', displayName: '营商办管理员', role: 'admin', ...own },
      { username: 'leader', displayName: '市领导', role: 'leader', ...own },
      { username: 'supervisor', displayName: '纪委监委', role: 'supervisor', ...own },
      // Accounts are managed by the security administrator alone (三员分立), not by the admin.
      { username: 'security', displayName: '安全管理员', role: 'security', ...own },
      // Two reviewers: a points entry is approved by someone other than its submitter.
      { username: 'org', displayName: '组织部干部科', role: 'org', ...own },
      { username: 'org2', displayName: '组织部干部监督科', role: 'org', ...own },
      ...depts.map((d) => ({
        username: `head.${d.code}`,
        displayName: `${d.nameZh}主要负责人`,
        role: 'dept_head' as const,
        departmentId: d.id,
        ...own,
      })),
    ];
    await tx.insert(users).values(logins);
    await appendAudit(
      tx,
      SYSTEM_ACTOR,
      {
        action: 'demo.seed',
        entityType: 'system',
        entityId: 'demo',
        summary: { departments: depts.length, enterprises: list.length, users: logins.length },
      },
      now,
    );
    return logins.map((l) => ({ username: l.username, role: l.role, displayName: l.displayName }));
  });
}
