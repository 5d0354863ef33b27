// The load generator's own process (forked by load.ts), so the clients do not share the server's event
// loop. Closed loop: `concurrency` clients, each sending its next request as soon as the last answered.
// Open loop: a fixed arrival rate, whatever the answers. Keep-alive connections through Node's built-in
// fetch; loopback only (the parent hands it the server's 127.0.0.1 URL).
import { performance } from 'node:perf_hooks';
import type { LoadRequest, LoadResult, LoadTask } from './load.ts';

async function runPhase(base: string, requests: LoadRequest[], concurrency: number, ratePerSecond?: number): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const errors: string[] = [];
  const send = async (r: LoadRequest) => {
    const t = performance.now();
    let status: string;
    try {
      const res = await fetch(base + r.path, {
        method: r.method,
        headers: { ...(r.body === undefined ? {} : { 'content-type': 'application/json' }), ...r.headers },
        ...(r.body === undefined ? {} : { body: r.body }),
      });
      const text = await res.text();
      status = String(res.status);
      if (!res.ok && errors.length < 5) errors.push(`${res.status} ${text.slice(0, 200)}`);
    } catch (err) {
      status = 'network';
      if (errors.length < 5) errors.push(String(err));
    }
    latencies.push(performance.now() - t);
    statuses[status] = (statuses[status] ?? 0) + 1;
  };

  const t0 = performance.now();
  if (ratePerSecond) {
    const inflight: Promise<void>[] = [];
    for (let i = 0; i < requests.length; i++) {
      const wait = t0 + (i * 1000) / ratePerSecond - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      inflight.push(send(requests[i]!));
    }
    await Promise.all(inflight);
  } else {
    let next = 0;
    const client = async () => {
      for (let i = next++; i < requests.length; i = next++) await send(requests[i]!);
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, requests.length) }, client));
  }
  return { latencies, statuses, errors, wallMs: performance.now() - t0 };
}

process.once('message', (task: LoadTask) => {
  void (async () => {
    if (task.warmup.length) await runPhase(task.base, task.warmup, task.concurrency);
    const result = await runPhase(task.base, task.measured, task.concurrency, task.ratePerSecond);
    process.send!(result, () => process.exit(0));
  })().catch((err) => {
    console.error(err);
    process.exit(1);
  });
});
