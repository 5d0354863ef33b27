// Walks the audit log's hash chain and reports the first broken link:  npm run verify-audit
// It always requires the chain head stored on the last published round (printed on its public page and report).
// With a checkpoint saved earlier (GET /api/v1/audit/checkpoint):  npm run verify-audit -- --checkpoint file.json
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { auditCheckpointSchema } from '#shared/schemas/audit.ts';
import { verifyAuditChain } from '../audit/audit.writer.ts';
import { loadConfig } from '../config.ts';
import { openConfiguredDatabase } from '../db/open.ts';
import { safeErrorText } from '../database-errors.ts';

function readCheckpoint(file: string) {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`cannot read the checkpoint ${file}: ${(err as Error).message}`);
  }
  const parsed = auditCheckpointSchema.pick({ id: true, hash: true }).safeParse(json);
  if (!parsed.success) throw new Error(`${file} is not a checkpoint ({ "id", "hash", "at" }): ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export async function verifyAuditCli(args: string[] = [], env = process.env): Promise<number> {
  let checkpoint;
  try {
    const { values } = parseArgs({ args, options: { checkpoint: { type: 'string' } } });
    checkpoint = values.checkpoint ? readCheckpoint(values.checkpoint) : undefined;
  } catch (err) {
    console.error((err as Error).message);
    console.error('usage: npm run verify-audit [-- --checkpoint checkpoint.json]');
    return 2;
  }
  const database = await openConfiguredDatabase(loadConfig(env));
  try {
    const result = await verifyAuditChain(database.db, checkpoint);
    const p = result.published;
    // The head printed on the last published round is always checked: an emptied log cannot pass.
    console.log(
      p
        ? `chain head printed on round ${p.roundId}'s publication: entry ${p.id} (${p.at}), hash ${p.hash}`
        : 'no published round carries a chain head yet: only a saved checkpoint (--checkpoint) can show a log emptied or cut short',
    );
    if (result.ok) {
      const against = [
        p ? `it contains entry ${p.id} of round ${p.roundId}'s printed head` : '',
        checkpoint ? `it still contains checkpoint entry ${checkpoint.id} with the saved hash` : '',
      ]
        .filter(Boolean)
        .map((s) => `, and ${s}`)
        .join('');
      console.log(
        `audit log intact: ${result.entries} entries, every link verifies${against}; head now entry ${result.head.id}, hash ${result.head.hash}`,
      );
      return 0;
    }
    console.log(`audit log BROKEN at entry ${result.brokenAt ?? '(none)'}: ${result.reason} (${result.entries} entries read)`);
    return 1;
  } finally {
    await database.close();
  }
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
// A database failure prints its SQLSTATE, never the statement or its parameters (a password hash).
if (invokedDirectly)
  process.exitCode = await verifyAuditCli(process.argv.slice(2)).catch((err: unknown) => {
    console.error(safeErrorText(err));
    return 1;
  });
