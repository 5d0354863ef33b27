// A phone number as everyone but the admin who calls sees it: 138****5678.

/** Keeps the first three and the last four digits of a mobile number; a shorter number keeps only its last two. */
export function maskPhone(phone: string | null): string | null {
  if (phone === null) return null;
  const all = phone.replace(/\D/g, '');
  const digits = all.length === 13 && all.startsWith('86') ? all.slice(2) : all;
  if (digits.length >= 11) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  if (digits.length <= 2) return '*'.repeat(digits.length);
  return `${'*'.repeat(digits.length - 2)}${digits.slice(-2)}`;
}
