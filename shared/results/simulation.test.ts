import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sortByDrawn } from './simulation.ts';

describe('sortByDrawn (the simulation sort)', () => {
  it('orders like Array.prototype.sort by drawn mean descending, then tie position', () => {
    const caseArb = fc
      .array(fc.record({ drawn: fc.integer({ min: 0, max: 8 }), order: fc.double({ noNaN: true }) }), { maxLength: 120, size: 'max' })
      .map((items) => {
        // A random permutation of tie positions, from the generated doubles.
        const tie = Int32Array.from(items.map((_, i) => i).sort((a, b) => items[a]!.order - items[b]!.order || a - b));
        return { drawn: Float64Array.from(items, (x) => x.drawn), tie };
      });
    fc.assert(
      fc.property(caseArb, fc.nat(), ({ drawn, tie }, start) => {
        const k = drawn.length;
        // Start from a rotated order so that the input is not already sorted.
        const order = Int32Array.from({ length: k }, (_, i) => (i + start) % k);
        const expected = [...order].sort((a, b) => drawn[b]! - drawn[a]! || tie[a]! - tie[b]!);
        sortByDrawn(order, drawn, tie, 0, k - 1);
        expect([...order]).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
