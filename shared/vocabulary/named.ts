// A vocabulary: fixed keys in a fixed order, each with its Chinese and English name. Every closed list
// the pages word (department categories, size classes, reasons for 不满意) is one of these.

/** One key of a vocabulary with its names. */
export type NamedEntry<K extends string> = { key: K; zh: string; en: string };

/** Every key of a vocabulary, in its order, with its Chinese and English names: a missing or misplaced one does not compile. */
export type Named<K extends readonly string[]> = { [I in keyof K]: NamedEntry<K[I]> };

/** The entry of `key`, or undefined for a key outside the vocabulary (e.g. from an older record). */
export function namedEntry<K extends string>(vocabulary: readonly NamedEntry<K>[], key: string): NamedEntry<K> | undefined {
  return vocabulary.find((e) => e.key === key);
}
