// The compact table on the terminal, and BENCHMARKS.md written from the same run.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { machine, type Row } from './util.ts';

export const BENCHMARKS_MD = fileURLToPath(new URL('../BENCHMARKS.md', import.meta.url));
const HEAD: Row = { metric: 'metric', pg: 'PostgreSQL', pglite: 'PGlite', target: 'target', ok: 'ok?' };

export function textTable(rows: Row[]): string {
  const cols = Object.keys(HEAD) as (keyof Row)[];
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
  const widths = cols.map((c) => Math.max(...[HEAD, ...rows].map((r) => width(r[c]))));
  const line = (r: Row) => cols.map((c, i) => r[c] + ' '.repeat(widths[i]! - width(r[c]))).join(' | ');
  return [line(HEAD), widths.map((w) => '-'.repeat(w)).join('-+-'), ...rows.map(line)].join('\n');
}

const mdCell = (s: string) => s.replaceAll('|', '\\|');
export function markdownTable(rows: Row[]): string {
  const cols = Object.keys(HEAD) as (keyof Row)[];
  return [
    `| ${cols.map((c) => HEAD[c]).join(' | ')} |`,
    `|${cols.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${cols.map((c) => mdCell(r[c])).join(' | ')} |`),
  ].join('\n');
}

export function writeBenchmarks(
  rows: Row[],
  details: string[],
  meta: {
    startedAt: Date;
    totalMs: number;
    postgres: string | null;
    loadavg: { start: number; end: number };
    speedMs: { start: number; end: number };
  },
) {
  const m = machine();
  const md = `# Benchmarks

Latest figures from \`npm run bench\` (bench/run.ts), written by the run itself — do not edit by hand.

- **Date:** ${meta.startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC (run took ${(meta.totalMs / 1000).toFixed(0)} s)
- **Machine:** ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB RAM; ${m.platform}
- **Node:** ${m.node}
- **Machine load:** 1-minute load average ${meta.loadavg.start.toFixed(1)} at the start, ${meta.loadavg.end.toFixed(1)} at the end (other work on the machine slows every figure; the CPU-per-submission row is the least sensitive)
- **Machine speed:** a fixed single-threaded workload (SHA-256 of 64 MB, JSON.parse of 3 MB; median of five) took ${meta.speedMs.start.toFixed(0)} ms at the start and ${meta.speedMs.end.toFixed(0)} ms at the end. Compare runs by it: a host that lends its cores elsewhere slows it and every figure alike, CPU per request included, and the load average above does not show that
- **PostgreSQL:** ${meta.postgres ?? 'not measured (DATABASE_URL unset)'}
- **PGlite:** embedded, in a temporary data folder (as \`npm start\` runs it)

"ok?" judges the PostgreSQL figure; PGlite's verdict is in brackets where it has a figure (PGlite is
single-connection and runs inside the app's own process, so it is reported as it is). Load is generated in a
separate Node process over loopback keep-alive connections: autocannon for throughput (every client
resubmits as soon as it is answered), a steady paced rate for latency; server, load generator and
database share the machine's ${m.cores} cores.

${markdownTable(rows)}

## Details

${details.map((d) => `- ${d}`).join('\n')}

## How to run

\`\`\`sh
DATABASE_URL=postgres://root@127.0.0.1:5432/test npm run bench
\`\`\`

The run creates and drops its own scratch databases (\`pingyi_bench_<pid>…\`) on that server and
touches nothing else; without \`DATABASE_URL\` only the PGlite figures are produced. It takes a few
minutes and rewrites this file. The replicas row alone, without rewriting it:
\`DATABASE_URL=postgres://root@127.0.0.1:5432/test npx tsx bench/replicas.ts\`; the outbox row alone (both
databases): \`DATABASE_URL=postgres://root@127.0.0.1:5432/test npm run bench -- outbox\`.
`;
  writeFileSync(BENCHMARKS_MD, md);
}
