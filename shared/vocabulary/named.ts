/** Every key of a vocabulary, in its order, with its Chinese and English names: a missing or misplaced one does not compile. */
export type Named<K extends readonly string[]> = { [I in keyof K]: { key: K[I]; zh: string; en: string } };
