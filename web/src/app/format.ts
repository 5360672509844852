import { activeLocale } from './language.ts';

/**
 * Formatting of countries, money and dates for the interface, in the interface language's locale
 * (the browser's variant of it, e.g. `fr-BE`; app/language.ts) and the reader's time zone. The
 * formats are made when this module first loads, after the language is (main.tsx).
 */
const regionNames = new Intl.DisplayNames([activeLocale(), 'en'], { type: 'region' });

/** Region codes ICU names that are not countries (groupings, pseudo-regions). */
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'ZZ', 'XA', 'XB']);

/** The name (in the interface language) of an ISO 3166-1 alpha-2 code, or the code itself when ICU does not know it. */
export function countryName(code: string): string {
  try {
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
}

/** Mirrors the server: two capitals that ICU knows as a region. */
export function isKnownCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && countryName(code) !== code && !NOT_COUNTRIES.has(code);
}

let countryOptions: { value: string; label: string }[] | undefined;

/** Every country ICU knows, sorted by name, as `{ value: 'BE', label: 'Belgium (BE)' }`. */
export function countrySelectOptions(): { value: string; label: string }[] {
  if (!countryOptions) {
    const options: { value: string; label: string }[] = [];
    for (let a = 65; a <= 90; a++) {
      for (let b = 65; b <= 90; b++) {
        const code = String.fromCharCode(a, b);
        if (isKnownCountryCode(code)) options.push({ value: code, label: `${countryName(code)} (${code})` });
      }
    }
    countryOptions = options.sort((x, y) => x.label.localeCompare(y.label, activeLocale()));
  }
  return countryOptions;
}

let moneyCurrency = 'EUR';
let money = new Intl.NumberFormat(activeLocale(), { style: 'currency', currency: moneyCurrency });

/**
 * The currency of the workspace being shown (its settings; EUR by default). The workspace route
 * sets it before a page renders, so every amount follows the workspace's currency.
 */
export function setMoneyCurrency(currency: string): void {
  if (currency === moneyCurrency) return;
  try {
    money = new Intl.NumberFormat(activeLocale(), { style: 'currency', currency });
    moneyCurrency = currency;
  } catch {
    // An unknown code keeps the previous format rather than breaking every page.
  }
}

/** The currency amounts are shown in (`EUR` unless the workspace says otherwise). */
export function moneyCurrencyCode(): string {
  return moneyCurrency;
}

/** `520` → `€520.00` in English, `520,00 €` in French (in the workspace's currency: `US$520.00` for USD). */
export function formatEur(amount: number): string {
  return money.format(amount);
}

/** The same as `formatEur`, by the name that says it follows the workspace's currency. */
export const formatMoney = formatEur;

const dateTime = new Intl.DateTimeFormat(activeLocale(), { dateStyle: 'medium', timeStyle: 'short' });
const date = new Intl.DateTimeFormat(activeLocale(), { dateStyle: 'medium' });
/** For calendar dates: their midnight UTC, read in UTC, is their own day wherever the reader is. */
const calendarDate = new Intl.DateTimeFormat(activeLocale(), { dateStyle: 'medium', timeZone: 'UTC' });

/** A timestamp in the reader's locale and time zone: `27 Nov 2026, 01:12`. */
export function formatDateTime(iso: string): string {
  const value = new Date(iso);
  return Number.isNaN(value.getTime()) ? iso : dateTime.format(value);
}

/**
 * A day in the reader's locale: `12 Apr 2027`. A date-only value (`2027-04-12`, an activity's
 * start, a payment date) is a calendar date, the same day for every reader; a timestamp is an
 * instant, shown on the reader's own day. Text that is neither (`2027-02-30`) is shown as it is.
 */
export function formatDate(iso: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) {
    const day = new Date(`${iso}T00:00:00Z`);
    const real = !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === iso;
    return real ? calendarDate.format(day) : iso;
  }
  const value = new Date(iso);
  return Number.isNaN(value.getTime()) ? iso : date.format(value);
}
