// npm run verify-draw -- record.json
// Re-runs a published draw record (draw-spec.md) without any database.
// Exit 0: reproduces; 1: differs (each difference printed); 2: missing, unreadable or malformed record.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { drawRecordSchema } from '#shared/draw/draw.ts';
import { verifyRecord } from '#shared/draw/verify.ts';

interface Output {
  log: (line: string) => void;
  error: (line: string) => void;
}

export function verifyDrawCli(args: readonly string[], out: Output = console): number {
  const paths = args.filter((a) => a !== '--');
  if (paths.length !== 1) {
    out.error('usage: npm run verify-draw -- <record.json>');
    return 2;
  }
  const path = paths[0]!;

  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    const reason = err instanceof SyntaxError ? `not valid JSON: ${err.message}` : (err as Error).message;
    out.error(`cannot read draw record ${path}: ${reason}`);
    return 2;
  }

  const parsed = drawRecordSchema.safeParse(json);
  if (!parsed.success) {
    out.error(`${path} is not a valid draw record (version 1):`);
    for (const issue of parsed.error.issues) {
      const where =
        issue.path
          .map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`))
          .join('')
          .replace(/^\./, '') || '(record)';
      out.error(`  ${where}: ${issue.message}`);
    }
    return 2;
  }

  const record = parsed.data;
  const result = verifyRecord(record);
  if (result.ok) {
    out.log(`reproduces: pool hash ${record.poolHash}, ${record.sample.length} sampled, ${record.backups.length} backups`);
    return 0;
  }
  out.log('differs:');
  for (const line of result.differences) out.log(`  ${line}`);
  return 1;
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) process.exitCode = verifyDrawCli(process.argv.slice(2));
