import { describe, expect, it } from 'vitest';
import { pickEncoding } from './compress.ts';
import { isHashedAsset } from './static.ts';

describe('pickEncoding', () => {
  it.each([
    [undefined, null],
    ['', null],
    ['identity', null],
    ['gzip, deflate, br', 'br'],
    ['gzip, deflate', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['gzip;q=0, br;q=0', null],
    ['*', 'br'],
    ['*;q=0, gzip', 'gzip'],
    ['GZIP', 'gzip'],
    [' br ; q=0.5 , gzip;q=1', 'br'],
  ])('%s → %s', (accept, expected) => {
    expect(pickEncoding(accept)).toBe(expected);
  });
});

describe('isHashedAsset', () => {
  it('is true under assets/ only', () => {
    expect(isHashedAsset('/srv/web/dist/assets/index-AbC.js.br')).toBe(true);
    expect(isHashedAsset('/srv/web/dist/index.html.br')).toBe(false);
  });
});
