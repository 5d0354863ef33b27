// The zh-CN interface's rule for Latin script: Chinese words only, apart from the names of things a
// clerk knows by their Latin name (Excel, PDF, QR code …) and units. Identifiers with digits (USCCs,
// quarters, hashes, links) are data, not words, and pass; a letters-only token such as "appeal.file",
// "pending" or "enterprise" is an untranslated word or code and is reported.

export const LATIN_ALLOWED = new Set([
  'Excel',
  'PDF',
  'AAPOR',
  'QR',
  'CSV',
  'csv',
  'xlsx',
  'JSON',
  'json',
  'A4',
  'MB',
  'KB',
  'GB',
  'Chrome',
  'WeChat',
  'App',
  'ID',
  'Pingyi',
]);

/** The distinct letters-only tokens of `text` that are not in the allow list, in order of appearance. */
export function latinWords(text: string, allowed: ReadonlySet<string> = LATIN_ALLOWED): string[] {
  const found = new Set<string>();
  for (const token of text.split(/[^A-Za-z0-9_.\-@/:]+/)) {
    const word = token.replace(/^[.\-_/:@]+|[.\-_/:@]+$/g, '');
    if (!/[A-Za-z]{2}/.test(word) || /\d/.test(word)) continue;
    if (/^[A-Z]{4}(-[A-Z]{4})+$/.test(word)) continue; // a receipt or request code (or its example), not a word
    if (allowed.has(word) || word.split(/[.\-_/]/).every((part) => allowed.has(part))) continue;
    found.add(word);
  }
  return [...found];
}
