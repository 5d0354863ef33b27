// Checks a draw record as downloaded (any JSON): malformed, reproduces, or differs — what the browser's
// 验证抽签 and the CLI both need before and after verifyRecord.
import { drawRecordSchema } from './draw.ts';
import { verifyRecord, type DrawDifference } from './verify.ts';

export type RecordCheck =
  | { status: 'malformed'; problems: { where: string; message: string }[] }
  | { status: 'reproduces'; round: string; poolHash: string; poolSize: number; sampled: number; backups: number; replacements: number }
  | { status: 'differs'; round: string; differences: DrawDifference[] };

export function checkDrawRecord(json: unknown, expectedRound?: string): RecordCheck {
  const parsed = drawRecordSchema.safeParse(json);
  if (!parsed.success) {
    return {
      status: 'malformed',
      problems: parsed.error.issues.map((issue) => ({
        where:
          issue.path
            .map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`))
            .join('')
            .replace(/^\./, '') || '(record)',
        message: issue.message,
      })),
    };
  }
  const record = parsed.data;
  if (expectedRound !== undefined && record.round !== expectedRound) {
    return { status: 'malformed', problems: [{ where: 'round', message: `record is for ${record.round}, not ${expectedRound}` }] };
  }
  const result = verifyRecord(record);
  if (!result.ok) return { status: 'differs', round: record.round, differences: result.details };
  return {
    status: 'reproduces',
    round: record.round,
    poolHash: record.poolHash,
    poolSize: record.pool.length,
    sampled: record.sample.length,
    backups: record.backups.length,
    replacements: record.replacements.length,
  };
}
