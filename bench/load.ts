// Parent side of the load generator: forks load-client.ts (same tsx loader) and collects its figures.
import { fork } from 'node:child_process';
import { percentile } from './util.ts';

export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  headers?: Record<string, string>;
}
export interface LoadTask {
  base: string;
  concurrency: number;
  warmup: LoadRequest[];
  measured: LoadRequest[];
  ratePerSecond?: number;
  /** Epoch ms before which the measured part does not start: lines up several generators run side by side. */
  startAt?: number;
}
export interface LoadResult {
  latencies: number[];
  statuses: Record<string, number>;
  errors: string[];
  wallMs: number;
  cpuMs: number;
  startedAt: number;
}

export interface LoadFigures {
  requests: number;
  ok: number;
  perSecond: number;
  p50: number;
  p99: number;
  statuses: Record<string, number>;
  errors: string[];
  wallMs: number;
  /** CPU time the load generator itself spent (its own process). */
  clientCpuMs: number;
  /**
   * CPU time this process spent while the measured part ran: the app's, where it serves in this process.
   * Counted from the generator's start signal, so handing it the requests is not in it.
   */
  hostCpuMs: number;
  /** Epoch ms at which the measured part started (it ended `wallMs` later). */
  startedAt: number;
}

export function summarise(r: LoadResult, hostCpuMs: number): LoadFigures {
  const ok = r.statuses['200'] ?? 0;
  return {
    requests: r.latencies.length,
    ok,
    perSecond: (ok / r.wallMs) * 1000,
    p50: percentile(r.latencies, 50),
    p99: percentile(r.latencies, 99),
    statuses: r.statuses,
    errors: r.errors,
    wallMs: r.wallMs,
    clientCpuMs: r.cpuMs,
    hostCpuMs,
    startedAt: r.startedAt,
  };
}

/** Runs the task in a child process; rejects if it does not finish within `timeoutMs`. */
export function runLoad(task: LoadTask, timeoutMs = 120_000): Promise<LoadFigures> {
  return new Promise((resolve, reject) => {
    const child = fork(new URL('./load-client.ts', import.meta.url), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let settled = false;
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      child.kill('SIGKILL');
      reject(new Error(`load generator did not finish within ${timeoutMs} ms`));
    }, timeoutMs);
    let cpu0: NodeJS.CpuUsage | undefined;
    child.on('message', (m) => {
      if ((m as { started?: true }).started) {
        cpu0 = process.cpuUsage();
        return;
      }
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const cpu = cpu0 && process.cpuUsage(cpu0);
      resolve(summarise(m as LoadResult, cpu ? (cpu.user + cpu.system) / 1000 : NaN));
    });
    child.once('exit', (code) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(new Error(`load generator exited with code ${code}`));
    });
    child.send(task);
  });
}
