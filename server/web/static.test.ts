import { describe, expect, it } from 'vitest';
import { isHashedAsset } from './static.ts';

describe('isHashedAsset', () => {
  it('is true under assets/ only', () => {
    expect(isHashedAsset('/srv/web/dist/assets/index-AbC.js.br')).toBe(true);
    expect(isHashedAsset('/srv/web/dist/index.html.br')).toBe(false);
  });
});
