// The load generator's own process (forked by load.ts), so the clients do not share the server's event
// loop or its CPU accounting. Loopback only (the parent hands it the server's 127.0.0.1 URL).
// - Closed loop (autocannon): `concurrency` keep-alive connections, each sending its next request as
//   soon as the last one is answered: the server's throughput.
// - Paced: requests due at a steady rate over `concurrency` keep-alive connections (undici). Latency is
//   counted from when a request was due, not when a connection became free, so a server that falls
//   behind shows it (no coordinated omission).
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { Pool } from 'undici';
import type { LoadRequest, LoadResult, LoadTask } from './load.ts';

type Phase = Omit<LoadResult, 'cpuMs' | 'startedAt'>;

const headersOf = (r: LoadRequest) => ({ ...(r.body === undefined ? {} : { 'content-type': 'application/json' }), ...r.headers });

function closedLoop(base: string, requests: LoadRequest[], concurrency: number): Promise<Phase> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const errors: string[] = [];
  let next = 0;
  let last = 0;
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections: Math.min(concurrency, requests.length),
        amount: requests.length,
        timeout: 60,
        requests: [
          {
            // Called once per request sent, in order: every request in the list goes out exactly once.
            setupRequest: (req) => {
              const r = requests[next++] ?? requests[requests.length - 1]!;
              return { ...req, method: r.method, path: r.path, headers: headersOf(r), ...(r.body === undefined ? {} : { body: r.body }) };
            },
            onResponse: (status, body) => {
              if (status >= 400 && errors.length < 5) errors.push(`${status} ${body.slice(0, 200)}`);
            },
          },
        ],
      },
      (err) => {
        if (err) reject(err);
        // autocannon only notices it is done on its once-a-second tick: the run ends at the last answer.
        else resolve({ latencies, statuses, errors, wallMs: last - t0 });
      },
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      last = performance.now();
      latencies.push(responseTime);
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    });
    instance.on('reqError', (err) => {
      last = performance.now();
      statuses.network = (statuses.network ?? 0) + 1;
      if (errors.length < 5) errors.push(String(err));
    });
  });
}

async function paced(base: string, requests: LoadRequest[], concurrency: number, ratePerSecond: number): Promise<Phase> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const errors: string[] = [];
  const pool = new Pool(base, { connections: concurrency, pipelining: 1 });
  const send = async (r: LoadRequest, due: number) => {
    let status: string;
    try {
      const res = await pool.request({
        method: r.method,
        path: r.path,
        headers: headersOf(r),
        ...(r.body === undefined ? {} : { body: r.body }),
      });
      const text = await res.body.text();
      status = String(res.statusCode);
      if (res.statusCode >= 400 && errors.length < 5) errors.push(`${res.statusCode} ${text.slice(0, 200)}`);
    } catch (err) {
      status = 'network';
      if (errors.length < 5) errors.push(String(err));
    }
    latencies.push(performance.now() - due);
    statuses[status] = (statuses[status] ?? 0) + 1;
  };
  const t0 = performance.now();
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < requests.length; i++) {
    const due = t0 + (i * 1000) / ratePerSecond;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    inflight.push(send(requests[i]!, due));
  }
  await Promise.all(inflight);
  const wallMs = performance.now() - t0;
  await pool.close();
  return { latencies, statuses, errors, wallMs };
}

process.once('message', (task: LoadTask) => {
  void (async () => {
    if (task.warmup.length) await closedLoop(task.base, task.warmup, task.concurrency);
    const wait = (task.startAt ?? 0) - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    // The parent counts its own CPU from here (LoadFigures.hostCpuMs).
    process.send!({ started: true });
    const startedAt = Date.now();
    const cpu0 = process.cpuUsage();
    const result = task.ratePerSecond
      ? await paced(task.base, task.measured, task.concurrency, task.ratePerSecond)
      : await closedLoop(task.base, task.measured, task.concurrency);
    const cpu = process.cpuUsage(cpu0);
    process.send!({ ...result, cpuMs: (cpu.user + cpu.system) / 1000, startedAt } satisfies LoadResult, () => process.exit(0));
  })().catch((err) => {
    console.error(err);
    process.exit(1);
  });
});
