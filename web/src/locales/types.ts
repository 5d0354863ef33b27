/** The shape of a translation file, with every leaf a string: English files must match the Chinese ones. */
export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };
