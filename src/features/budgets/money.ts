/** Integer cents (the database) ↔ EUR with 2 decimals (the API). */

/** Cents → EUR; `Number()` because PostgreSQL may hand sums back as text. */
export const toEur = (cents: number | string | bigint): number => Math.round(Number(cents)) / 100;

/** EUR with at most 2 decimals → integer cents. */
export const toCents = (eur: number): number => Math.round(eur * 100);

/**
 * EUR as people read it in a message: thousands grouped, cents only when there are some.
 *
 * @example formatEur(1_234_550) // "12,345.50 EUR"
 */
export function formatEur(cents: number): string {
  const eur = cents / 100;
  return `${eur.toLocaleString('en', {
    minimumFractionDigits: Number.isInteger(eur) ? 0 : 2,
    maximumFractionDigits: 2,
  })} EUR`;
}
