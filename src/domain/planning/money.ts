/**
 * Money in the planning core: integer cents inside, EUR numbers at the edges (API, CLI), and the
 * formula text of the budget engine ("3,600 EUR"). Pure functions.
 */

/**
 * EUR → integer cents, rounding half up (away from zero) once. Works on the decimal text of the
 * number so that 1.005 EUR is 101 cents (binary floating point would make it 100).
 *
 * @example eurToCents(450) // → 45000
 * @example eurToCents(450.555) // → 45056
 */
export function eurToCents(eur: number): number {
  if (!Number.isFinite(eur)) throw new RangeError(`not a finite amount: ${eur}`);
  const negative = eur < 0;
  const text = String(Math.abs(eur));
  let cents: number;
  if (text.includes('e')) {
    // Exponent notation: only for amounts far from any real budget; plain rounding is fine there.
    cents = Math.round(Math.abs(eur) * 100);
  } else {
    const [whole = '0', fraction = ''] = text.split('.');
    const digits = fraction.padEnd(3, '0');
    cents = Number(whole) * 100 + Number(digits.slice(0, 2)) + (Number(digits[2]) >= 5 ? 1 : 0);
  }
  return negative ? -cents : cents;
}

/** Integer cents → EUR as a number with at most 2 decimals (the API's money type). */
export function centsToEur(cents: number): number {
  return Math.round(cents) / 100;
}

/** Stored cents → API EUR; `Number()` because PostgreSQL may hand sums back as text or bigint. */
export function toEur(cents: number | string | bigint): number {
  return centsToEur(Number(cents));
}

/**
 * Integer cents as EUR text with its currency, as people read it in a message.
 *
 * @example formatEurWithCode(1_234_550) // → "12,345.50 EUR"
 */
export function formatEurWithCode(cents: number): string {
  return `${formatEur(cents)} EUR`;
}

/**
 * Integer cents as EUR text: thousands separated by commas, cents only when non-zero.
 *
 * @example formatEur(360000) // → "3,600"
 * @example formatEur(45050) // → "450.50"
 */
export function formatEur(cents: number): string {
  const abs = Math.abs(Math.round(cents));
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const rest = abs % 100;
  const text = rest === 0 ? whole : `${whole}.${String(rest).padStart(2, '0')}`;
  return cents < 0 && abs !== 0 ? `-${text}` : text;
}

/** A count with its noun, singular for one: `count(1, 'day', 'days')` → "1 day". */
export function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}
