// The command-line tools a deployment relies on: the first admin, and checking the audit chain.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { auditCheckpoint } from '#server/audit/audit.writer.ts';
import { createAdmin } from '#server/cli/create-admin.ts';
import { verifyAuditCli } from '#server/cli/verify-audit.ts';
import { openConfiguredDatabase } from '#server/db/open.ts';
import { rounds, users } from '#server/db/schema.ts';
import { freshDatabase } from '../support/database.ts';
import { rechain } from '../support/tamper.ts';

const pg = process.env.DATABASE_URL ? await freshDatabase() : null;
const env = { ...process.env, DATA_DIR: mkdtempSync(join(tmpdir(), 'pingyi-cli-')), DATABASE_URL: pg?.url ?? '', LOG_LEVEL: 'silent' };
afterAll(() => pg?.close());
/** The command as a deployment runs it: its own process. */
const run = (script: string, args: string[], extra: Record<string, string> = {}) =>
  spawnSync(process.execPath, [script, ...args], { env: { ...env, ...extra }, encoding: 'utf8', input: '' });
/**
 * The command's own function in this process, with what it prints and its exit code. Each command is run
 * once as a process (run) to show that the entry point works; the other cases call it here, which spares
 * a process start, its PGlite and its compile (3–4 s each on a busy machine).
 */
async function call(cli: (args: string[], env: NodeJS.ProcessEnv) => Promise<number>, args: string[], extra: Record<string, string> = {}) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...line: unknown[]) => void stdout.push(line.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...line: unknown[]) => void stderr.push(line.join(' ')));
  try {
    const status = await cli(args, { ...env, ...extra });
    return { status, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

describe('CLI', () => {
  it('creates the first admin, refuses a weak password and a duplicate', { timeout: 180_000 }, async () => {
    const weak = await call(createAdmin, ['chief', '营商办主任'], { PINGYI_ADMIN_PASSWORD: 'short' });
    expect(weak.status).toBe(2);
    expect(weak.stderr).toContain('The password is not acceptable');
    const ok = run('server/cli/create-admin.ts', ['chief', '营商办主任'], { PINGYI_ADMIN_PASSWORD: 'a long enough password' });
    expect(ok.stdout).toContain('Admin "chief" created');
    expect(ok.status).toBe(0);
    const again = await call(createAdmin, ['chief'], { PINGYI_ADMIN_PASSWORD: 'a long enough password' });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already exists');
    expect((await call(createAdmin, [])).status).toBe(2);
  });

  it('verifies the audit chain (the admin creation is its first entry)', { timeout: 60_000 }, () => {
    const res = run('server/cli/verify-audit.ts', []);
    expect(res.stdout).toContain('audit log intact: 1 entries');
    expect(res.status).toBe(0);
  });

  it('verify-audit --checkpoint fails, naming the divergence, once the chain was rewritten and re-hashed', {
    timeout: 180_000,
  }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pingyi-checkpoint-'));
    const file = join(dir, 'checkpoint.json');
    const database = await openConfiguredDatabase({ databaseUrl: pg?.url, dataDir: env.DATA_DIR });
    try {
      writeFileSync(file, JSON.stringify(await auditCheckpoint(database.db)));
    } finally {
      await database.close();
    }
    expect((await call(verifyAuditCli, ['--checkpoint', file])).status).toBe(0);
    expect((await call(createAdmin, ['deputy', '副主任'], { PINGYI_ADMIN_PASSWORD: 'another long password' })).status).toBe(0);
    const tampered = await openConfiguredDatabase({ databaseUrl: pg?.url, dataDir: env.DATA_DIR });
    try {
      await rechain(tampered.db, 1, { after: { username: 'someone-else', role: 'admin' } });
    } finally {
      await tampered.close();
    }
    expect((await call(verifyAuditCli, [])).status).toBe(0);
    const res = await call(verifyAuditCli, ['--checkpoint', file]);
    expect(res.status).toBe(1);
    expect(res.stdout).toMatch(/BROKEN at entry 1: checkpoint diverges/);
    expect((await call(verifyAuditCli, ['--checkpoint', join(dir, 'missing.json')])).status).toBe(2);
  });

  it('verify-audit requires the chain head printed on the last published round: emptied with triggers off, it fails naming it', {
    timeout: 180_000,
  }, async () => {
    const database = await openConfiguredDatabase({ databaseUrl: pg?.url, dataDir: env.DATA_DIR });
    let head;
    try {
      // A published round as publishing leaves it: the chain's head stored with it.
      head = await auditCheckpoint(database.db);
      await database.db.insert(rounds).values({
        id: '2026Q1',
        status: 'published',
        sampleSize: 10,
        rotationExclusion: false,
        votesLimit: 3,
        minRatings: 3,
        bottomN: 3,
        escalationPolicy: 'v1',
        scale: [],
        opensAt: new Date('2026-01-01'),
        closesAt: new Date('2026-02-01'),
        closedAt: new Date('2026-02-01'),
        finalizedAt: new Date('2026-02-02'),
        publishedAt: new Date('2026-02-02'),
        auditHeadId: head.id,
        auditHeadHash: head.hash,
        auditHeadAt: new Date(head.at!),
      });
    } finally {
      await database.close();
    }
    const ok = await call(verifyAuditCli, []);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain(`chain head printed on round 2026Q1's publication: entry ${head.id}`);
    expect(ok.stdout).toContain(`it contains entry ${head.id} of round 2026Q1's printed head`);

    const holder = await openConfiguredDatabase({ databaseUrl: pg?.url, dataDir: env.DATA_DIR });
    try {
      await holder.db.transaction(async (tx) => {
        await tx.execute(sql`set local session_replication_role = replica`);
        await tx.execute(sql`truncate audit_log, audit_head`);
      });
    } finally {
      await holder.close();
    }
    const res = await call(verifyAuditCli, []);
    expect(res.status).toBe(1);
    expect(res.stdout).toContain(
      `BROKEN at entry ${head.id}: checkpoint diverges: the log ends before entry ${head.id} of the chain head printed on round 2026Q1's publication`,
    );
    expect(res.stdout).not.toContain('intact');
  });

  it('creates the first security administrator, who alone manages accounts; refuses another role', { timeout: 180_000 }, async () => {
    expect((await call(createAdmin, ['--role', 'leader', 'boss'], { PINGYI_ADMIN_PASSWORD: 'a long enough password' })).status).toBe(2);
    const ok = await call(createAdmin, ['--role', 'security', 'secadmin', '安全管理员'], {
      PINGYI_ADMIN_PASSWORD: 'yet another long password',
    });
    expect(ok.stdout).toContain('Security administrator "secadmin" created');
    expect(ok.status).toBe(0);
    const database = await openConfiguredDatabase({ databaseUrl: pg?.url, dataDir: env.DATA_DIR });
    try {
      const [row] = await database.db.select().from(users).where(eq(users.username, 'secadmin'));
      expect(row).toMatchObject({ role: 'security', displayName: '安全管理员', mustChangePassword: false });
      expect(row!.ownPasswordSince).toBeInstanceOf(Date);
    } finally {
      await database.close();
    }
  });

  it('a bad configuration stops with a message naming the variable', { timeout: 60_000 }, () => {
    const res = run('server/main.ts', [], { PORT: 'abc' });
    expect(res.status).toBe(2);
    expect(res.stderr).toContain('PORT');
  });
});
