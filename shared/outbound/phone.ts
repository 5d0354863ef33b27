// Mobile numbers as the registry holds them: checked before a round opens, masked for everyone but the admin sending.

/** A mainland mobile number (11 digits from 13–19), with +86/0086, spaces and dashes removed; null if it is not one. */
export function normaliseMobile(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const digits = raw.replace(/[\s\-()（）]/g, '').replace(/^(\+86|0086|86(?=1\d{10}$))/, '');
  return /^1[3-9]\d{9}$/.test(digits) ? digits : null;
}

/** 138****5678: the first three and last four digits of a mobile; anything else shows only its last two. */
export function maskPhone(raw: string): string {
  const mobile = normaliseMobile(raw);
  if (mobile) return `${mobile.slice(0, 3)}****${mobile.slice(7)}`;
  const digits = raw.replace(/\D/g, '');
  return digits.length > 2 ? `${'*'.repeat(digits.length - 2)}${digits.slice(-2)}` : '**';
}

/** a***@example.cn: an address's first character and its domain. */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 1) return '***';
  return `${address[0]}***${address.slice(at)}`;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const isEmail = (value: string) => value.length <= 254 && EMAIL.test(value);
