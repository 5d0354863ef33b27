import { describe, expect, it } from 'vitest';
import { ApiError } from '../api.ts';
import { cellPlaceOf, decidesFromOf } from './errorKey.ts';

describe('cellPlaceOf', () => {
  it('reads the row and column of an import refusal', () => {
    expect(cellPlaceOf(new ApiError(422, 'cell_too_long', 'Row 5001, column C', { row: 5001, column: 'C' }))).toEqual({
      code: 'cell_too_long',
      row: 5001,
      column: 'C',
    });
    expect(cellPlaceOf(new ApiError(422, 'too_many_rows', 'Row 200002', { row: 200_002 }))).toEqual({
      code: 'too_many_rows',
      row: 200_002,
      column: '',
    });
  });

  it('leaves other errors, and a control character in a request (no row), to their code', () => {
    expect(cellPlaceOf(new ApiError(400, 'control_characters', 'query.q', { path: 'query.q' }))).toBeNull();
    expect(cellPlaceOf(new ApiError(409, 'duplicate', 'x', { row: 3 }))).toBeNull();
    expect(cellPlaceOf(new Error('x'))).toBeNull();
  });
});

describe('decidesFromOf', () => {
  it('reads from when a recently reset account may decide', () => {
    expect(decidesFromOf(new ApiError(403, 'recently_reset', 'x', { decidesFrom: '2026-03-02T08:00:00.000Z' }))?.toISOString()).toBe(
      '2026-03-02T08:00:00.000Z',
    );
  });
  it('has no time while the password is still one someone else set, nor for other refusals', () => {
    expect(decidesFromOf(new ApiError(403, 'recently_reset', 'x', { decidesFrom: null }))).toBeNull();
    expect(decidesFromOf(new ApiError(403, 'forbidden', 'x', { decidesFrom: '2026-03-02T08:00:00.000Z' }))).toBeNull();
  });
});
