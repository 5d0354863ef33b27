import { describe, expect, it } from 'vitest';
import { errorKeyOf, MAX_REMEMBERED, rememberCode } from './model.ts';

const code = (n: number) => `ABCD-EFGH-JKLM-${'23456789ABCDEFGHJKLMNPQRSTUVWXYZ'[n]}AAA`;

describe('the requests panel', () => {
  it('maps errors to messages it has, and the rest to the general one', () => {
    expect(errorKeyOf({ status: 422, code: 'receipt_not_counted' })).toBe('receipt_not_counted');
    // The 6th request of one receipt in its round: its own words on the form, not the general message.
    expect(errorKeyOf({ status: 409, code: 'request_limit_reached' })).toBe('request_limit_reached');
    expect(errorKeyOf({ status: 400, code: 'control_characters' })).toBe('validation_failed');
    expect(errorKeyOf({ status: 0, code: 'network' })).toBe('network');
    expect(errorKeyOf({ status: 500, code: 'internal' })).toBe('other');
    expect(errorKeyOf(new Error('boom'))).toBe('other');
  });

  it('remembers each code once, newest first, normalised, at most a few', () => {
    expect(rememberCode(['ABCD-EFGH-JKLM-NPQR'], 'abcd efgh jklm npqr')).toEqual(['ABCD-EFGH-JKLM-NPQR']);
    expect(rememberCode(['ABCD-EFGH-JKLM-NPQR', 'junk'], 'WXYZ-WXYZ-WXYZ-WXYZ')).toEqual(['WXYZ-WXYZ-WXYZ-WXYZ', 'ABCD-EFGH-JKLM-NPQR']);
    expect(rememberCode([], 'not a code')).toEqual([]);
    const many = Array.from({ length: 30 }, (_, i) => code(i));
    expect(rememberCode(many, 'WXYZ-WXYZ-WXYZ-WXYZ')).toHaveLength(MAX_REMEMBERED);
  });
});
