import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256, sha256Hex, toHex } from './sha256.ts';

const nodeHex = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

describe('sha256Hex', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
    [
      'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu',
      'cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1',
    ],
    ['a'.repeat(1_000_000), 'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0'],
  ])('matches the FIPS 180-4 / NIST vector for %#', (input, expected) => {
    expect(sha256Hex(input)).toBe(expected);
  });

  it('encodes Chinese text as UTF-8 (agrees with node:crypto)', () => {
    for (const text of ['郑场镇', '市场主体评部门\t三伏潭镇\n', '　３１４１５９２６５３　', '😀 emoji beyond the BMP']) {
      expect(sha256Hex(text)).toBe(nodeHex(text));
    }
  });

  it('handles every length around the 55/56/64-byte padding boundaries', () => {
    for (let length = 0; length <= 200; length++) {
      const text = 'x'.repeat(length);
      expect(sha256Hex(text), `length ${length}`).toBe(nodeHex(text));
    }
  });

  it('agrees with node:crypto on arbitrary strings and bytes', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => sha256Hex(text) === nodeHex(text)));
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => toHex(sha256(bytes)) === nodeHex(bytes)));
  });

  it('returns 64 lower-case hex characters', () => {
    expect(sha256Hex('Pingyi')).toMatch(/^[0-9a-f]{64}$/);
  });
});
