// Figure 3: start-up. Spawns the real shell (`node --import tsx server/main.ts`, or `npm start` itself,
// which builds the web app beside the demo seeding when its sources changed) and measures the time from spawn to the first successful
// GET /api/v1/health; then SIGTERM to the whole process group and wait for it to exit.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from '../test/support/ports.ts';
import { log, now } from './util.ts';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface StartupRun {
  label: string;
  ms: number | null;
  error?: string;
}

const SERVER = [process.execPath, '--import', 'tsx', 'server/main.ts'];
/** `npm start` as a newcomer runs it (scripts/start.mjs): the web build beside the server seeding the demo. */
export const NPM_START = ['npm', 'start'];

/** One start of `command` with `env` (DATA_DIR or DATABASE_URL, DEMO) on loopback. */
export async function measureStart(label: string, env: Record<string, string>, command = SERVER, timeoutMs = 180_000): Promise<StartupRun> {
  const port = await freePort();
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const t0 = now();
  const child = spawn(command[0]!, command.slice(1), {
    cwd: ROOT,
    // Its own process group, so that stopping npm also stops the server it started.
    detached: true,
    env: { ...inherited, NODE_ENV: 'production', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: String(port), DEMO: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  child.stderr.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  let ms: number | null = null;
  try {
    while (now() - t0 < timeoutMs && !exited) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/v1/health`, { signal: AbortSignal.timeout(2000) });
        await res.arrayBuffer();
        if (res.ok) {
          ms = now() - t0;
          break;
        }
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 10));
    }
  } finally {
    if (!exited) {
      const signal = (s: NodeJS.Signals) => {
        try {
          process.kill(-child.pid!, s);
        } catch {
          /* already gone */
        }
      };
      signal('SIGTERM');
      const killer = setTimeout(() => signal('SIGKILL'), 15_000);
      await exit;
      clearTimeout(killer);
    }
  }
  if (ms === null) {
    const why = exited ? 'exited before answering' : `no healthy answer within ${timeoutMs} ms`;
    log(`${label}: ${why}; last output:\n${output}`);
    return { label, ms, error: why };
  }
  log(`${label}: ${ms.toFixed(0)} ms`);
  return { label, ms };
}
