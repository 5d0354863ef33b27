import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatReceipt, normaliseReceipt, RECEIPT_HASH_PATTERN, RECEIPT_PATTERN, receiptHash } from './receipt.ts';

describe('receipt codes', () => {
  it('are three dash-separated groups of four characters in an unambiguous alphabet, whatever the random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 12, maxLength: 12 }), (bytes) => {
        const code = formatReceipt(bytes);
        expect(code).toMatch(RECEIPT_PATTERN);
        expect(code).not.toMatch(/[01IO]/);
      }),
    );
  });

  it('hash the same however they are typed back', () => {
    const code = 'ABCD-EFGH-JKLM';
    for (const typed of ['abcd-efgh-jklm', ' ABCD EFGH JKLM ', 'ABCDEFGHJKLM']) expect(receiptHash(typed)).toBe(receiptHash(code));
    expect(normaliseReceipt('abcdefghjklm')).toBe(code);
    expect(receiptHash(code)).toMatch(RECEIPT_HASH_PATTERN);
    expect(receiptHash(code)).not.toBe(receiptHash('ABCD-EFGH-JKLN'));
  });

  it('refuse to be made from too few random bytes', () => {
    expect(() => formatReceipt(new Uint8Array(11))).toThrow();
  });
});
