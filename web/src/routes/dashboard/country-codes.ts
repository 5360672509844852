/**
 * ISO 3166-1 alpha-2 (the Hub's country codes) → numeric (world-atlas's feature ids), through
 * i18n-iso-countries' code table. No locale is registered: names come from `Intl` (format.ts).
 */
import countries from 'i18n-iso-countries';

/**
 * The three-digit numeric code of a country, or null for a code ISO does not assign.
 *
 * @example numericCountryCode('JP') // "392"
 */
export function numericCountryCode(alpha2: string): string | null {
  return countries.alpha2ToNumeric(alpha2.toUpperCase()) ?? null;
}
