import type { en } from './en.ts';
import type { figures } from './en-figures.ts';

/** A literal-typed message tree widened to plain strings, so a translation can say it its own way. */
export type Widen<T> = T extends string
  ? string
  : T extends number | boolean
    ? T
    : T extends (...args: infer A) => infer R
      ? (...args: A) => Widen<R>
      : { readonly [K in keyof T]: Widen<T[K]> };

/**
 * The shape every language's messages must have: every key of the English set, no other. A
 * translation typed `Messages` (or `Pick<Messages, …>` for a part) that misses a key does not compile.
 */
export type Messages = Widen<typeof en>;

/** The shape of a translation of `figures` (en-figures.ts): exported by a language's module as `<xx>Figures`. */
export type Figures = Widen<typeof figures>;
