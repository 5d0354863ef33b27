import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.ts';
import { carriesSample, recomputeEntryHash } from './audit-chain.ts';

const entry = {
  at: '2026-03-01T08:00:00.000Z',
  actorId: 1,
  actorName: 'admin',
  action: 'round.draw',
  entityType: 'round',
  entityId: '2026Q1',
  summary: { seed: '314159' },
};
/** The chain's hash as it was before salts: entries written then must keep verifying. */
const before = (prev: string, e: typeof entry) =>
  createHash('sha256')
    .update(`${prev}\n${canonicalJson(e)}`)
    .digest('hex');

describe('audit entry hash', () => {
  it('hashes an unsalted entry exactly as before salts existed', () => {
    expect(recomputeEntryHash('0'.repeat(64), { ...entry, salt: null })).toBe(before('0'.repeat(64), entry));
    expect(recomputeEntryHash('0'.repeat(64), entry)).toBe(before('0'.repeat(64), entry));
  });

  it('puts the salt in the hashed body: the same entry under another salt hashes otherwise', () => {
    const a = recomputeEntryHash('0'.repeat(64), { ...entry, salt: 'a'.repeat(32) });
    expect(a).not.toBe(before('0'.repeat(64), entry));
    expect(a).not.toBe(recomputeEntryHash('0'.repeat(64), { ...entry, salt: 'b'.repeat(32) }));
  });

  it('salts the round actions that name the seed or the sample, and only those', () => {
    expect(
      ['round.draw', 'invitation.replace', 'invitation.regenerate', 'invitation.follow_up'].every((action) =>
        carriesSample({ action, entityType: 'round' }),
      ),
    ).toBe(true);
    expect(carriesSample({ action: 'round.open', entityType: 'round' })).toBe(false);
    expect(carriesSample({ action: 'round.draw', entityType: 'test' })).toBe(false);
  });
});
