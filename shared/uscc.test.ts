import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { USCC_ALPHABET, isValidUscc, makeUscc, usccCheckChar, usccSchema, validateUscc } from './uscc.ts';

// Real-world codes (valid by the 18th-char check) and pool codes from the draw test vectors.
const KNOWN_VALID = ['91350100M000100Y43', '91110000600037341L'];
const vectors = JSON.parse(readFileSync(new URL('../test/fixtures/draw-vectors.json', import.meta.url), 'utf8')) as {
  pool: { uscc: string }[];
}[];
const VECTOR_USCCS = [...new Set(vectors.flatMap((v) => v.pool.map((p) => p.uscc)))];

describe('USCC_ALPHABET', () => {
  it('has 31 characters and excludes I, O, Z, S, V', () => {
    expect(USCC_ALPHABET).toHaveLength(31);
    expect(new Set(USCC_ALPHABET).size).toBe(31);
    for (const c of 'IOZSV') expect(USCC_ALPHABET).not.toContain(c);
  });
});

describe('usccCheckChar', () => {
  it.each([
    ['91350100M000100Y4', '3'],
    ['91110000600037341', 'L'],
    ['91429004109Y03WYY', '1'],
    ['91429004MADXJP1EQ', 'E'],
  ])('%s → %s', (first17, check) => {
    expect(usccCheckChar(first17)).toBe(check);
  });

  it('maps a remainder of 0 to "0"', () => {
    // 17 zeros: sum 0, 31 - 0 = 31 → '0'.
    expect(usccCheckChar('00000000000000000')).toBe('0');
  });

  it('rejects a wrong length or a character outside the alphabet', () => {
    expect(() => usccCheckChar('9142900410')).toThrow(RangeError);
    expect(() => usccCheckChar('91429004109Y03WYI')).toThrow(RangeError);
  });
});

describe('validateUscc', () => {
  it.each([...KNOWN_VALID, ...VECTOR_USCCS.slice(0, 6)])('accepts %s', (code) => {
    expect(validateUscc(code)).toEqual({ ok: true, uscc: code });
  });

  it('accepts every pool USCC in the draw test vectors', () => {
    expect(VECTOR_USCCS.length).toBeGreaterThan(0);
    expect(VECTOR_USCCS.filter((c) => !isValidUscc(c))).toEqual([]);
  });

  it('trims and upper-cases before checking', () => {
    expect(validateUscc('  91350100m000100y43\n')).toEqual({ ok: true, uscc: '91350100M000100Y43' });
    expect(validateUscc('91110000600037341l')).toEqual({ ok: true, uscc: '91110000600037341L' });
  });

  it.each([
    ['', 'length'],
    ['91350100M000100Y4', 'length'],
    ['91350100M000100Y433', 'length'],
    ['91350100M000100Y43 extra', 'length'],
    ['91350100I000100Y43', 'charset'],
    ['91350100O000100Y43', 'charset'],
    ['91350100Z000100Y43', 'charset'],
    ['91350100S000100Y43', 'charset'],
    ['91350100V000100Y43', 'charset'],
    ['91350100M000100Y4-', 'charset'],
    ['9135010０M000100Y43', 'charset'], // full-width digit
    ['91350100M000100Y44', 'check_digit'],
    ['91110000600037341K', 'check_digit'],
    ['91429004109Y03WYY2', 'check_digit'],
  ] as const)('rejects %j (%s)', (code, reason) => {
    const r = validateUscc(code);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toBe(reason);
      expect(r.message.length).toBeGreaterThan(0);
    }
  });
});

describe('isValidUscc', () => {
  it('agrees with validateUscc', () => {
    expect(isValidUscc('91350100M000100Y43')).toBe(true);
    expect(isValidUscc('91350100M000100Y44')).toBe(false);
    expect(isValidUscc('')).toBe(false);
  });
});

describe('makeUscc', () => {
  it('appends the check char after the 2-char prefix (default 91)', () => {
    expect(makeUscc('350100M000100Y4')).toBe('91350100M000100Y43');
    expect(makeUscc('110000600037341')).toBe('91110000600037341L');
    expect(makeUscc('429004MA4F0ABC1', '92')).toMatch(/^92429004MA4F0ABC1[0-9A-Y]$/);
  });

  it('accepts a full 17-char body and lower case', () => {
    expect(makeUscc('91350100m000100y4')).toBe('91350100M000100Y43');
  });

  it('rejects a wrong length or charset', () => {
    expect(() => makeUscc('429004')).toThrow(RangeError);
    expect(() => makeUscc('429004MA4F0ABCI')).toThrow(RangeError);
  });
});

describe('usccSchema', () => {
  it('normalises a valid code', () => {
    expect(usccSchema.parse(' 91350100m000100y43 ')).toBe('91350100M000100Y43');
  });

  it.each([
    ['91350100M000100Y44', /invalid unified social credit code \(check character/],
    ['9135', /invalid unified social credit code \(must be 18 characters/],
    ['91350100I000100Y43', /invalid unified social credit code \(character 'I' at position 9/],
  ])('rejects %s with a clear message', (code, message) => {
    const r = usccSchema.safeParse(code);
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues[0]?.message).toMatch(message);
  });

  it('rejects non-strings', () => {
    expect(usccSchema.safeParse(91350100).success).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const alphabetChar = fc.constantFrom(...USCC_ALPHABET);
const body15 = fc.array(alphabetChar, { minLength: 15, maxLength: 15 }).map((cs) => cs.join(''));
const prefix = fc.constantFrom('91', '92', '93', '11', '51', '52', 'N1', 'Y1');
const validCode = fc.tuple(body15, prefix).map(([b, p]) => makeUscc(b, p));

describe('properties', () => {
  it('every code from makeUscc validates', () => {
    fc.assert(
      fc.property(body15, prefix, (b, p) => {
        const code = makeUscc(b, p);
        expect(code).toHaveLength(18);
        expect(code.slice(0, 17)).toBe(p + b);
        expect(validateUscc(code)).toEqual({ ok: true, uscc: code });
      }),
    );
  });

  it('changing any single character to another alphabet char makes the code invalid', () => {
    fc.assert(
      fc.property(validCode, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 30 }), (code, pos, shift) => {
        const old = USCC_ALPHABET.indexOf(code[pos] as string);
        const replacement = USCC_ALPHABET[(old + shift) % 31] as string;
        const mutated = code.slice(0, pos) + replacement + code.slice(pos + 1);
        const r = validateUscc(mutated);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.reason).toBe('check_digit');
      }),
    );
  });

  it('every single-character change at every position is caught (exhaustive on one code)', () => {
    const code = '91350100M000100Y43';
    for (let pos = 0; pos < 18; pos++) {
      for (const c of USCC_ALPHABET) {
        if (c === code[pos]) continue;
        expect(isValidUscc(code.slice(0, pos) + c + code.slice(pos + 1))).toBe(false);
      }
    }
  });
});
