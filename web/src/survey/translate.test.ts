import { describe, expect, it } from 'vitest';
import en from '../locales/en/survey.ts';
import zh from '../locales/zh/survey.ts';
import { interpolate, lookup } from './translate.ts';

describe('lookup', () => {
  it('finds nested strings by dotted path', () => {
    expect(lookup(zh, 'header.deadline')).toBe(zh.header.deadline);
    expect(lookup(en, 'categories.economic')).toBe(en.categories.economic);
  });
  it('gives undefined for a missing path, an object, or an inherited property', () => {
    expect(lookup(zh, 'header.nothing')).toBeUndefined();
    expect(lookup(zh, 'header')).toBeUndefined();
    expect(lookup(zh, 'toString')).toBeUndefined();
    expect(lookup(zh, 'header.deadline.x')).toBeUndefined();
  });
});

describe('interpolate', () => {
  it('fills every placeholder, numbers included', () => {
    expect(interpolate('{{used}} chosen, {{left}} left.', { used: 2, left: 1 })).toBe('2 chosen, 1 left.');
    expect(interpolate('{{ n }} / {{n}}', { n: 0 })).toBe('0 / 0');
  });
  it('keeps a placeholder without a value and never interprets values', () => {
    expect(interpolate('Hi {{name}}', {})).toBe('Hi {{name}}');
    expect(interpolate('{{a}}', { a: '{{b}}', b: 'x' })).toBe('{{b}}');
    expect(interpolate('{{a}}', { a: '$&<b>' })).toBe('$&<b>');
  });
});
