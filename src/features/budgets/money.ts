import { centsToEur, eurToCents, formatEur as formatEurAmount } from '../../domain/planning/money.ts';

/** Integer cents (the database) ↔ EUR with 2 decimals (the API), by the budget engine's rules. */

/** Cents → EUR; `Number()` because PostgreSQL may hand sums back as text. */
export const toEur = (cents: number | string | bigint): number => centsToEur(Number(cents));

/** EUR with at most 2 decimals → integer cents. */
export const toCents = (eur: number): number => eurToCents(eur);

/**
 * EUR as people read it in a message: thousands grouped, cents only when there are some.
 *
 * @example formatEur(1_234_550) // "12,345.50 EUR"
 */
export function formatEur(cents: number): string {
  return `${formatEurAmount(cents)} EUR`;
}
