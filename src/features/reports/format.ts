/**
 * How figures read in a report, in the report's locale (`en-GB` by default; the report's messages
 * name theirs, e.g. `fr` → "12 345,50", "10 mars 2026"). Pure.
 */

const DEFAULT_LOCALE = 'en-GB';
const formats = new Map<
  string,
  {
    eur: Intl.NumberFormat;
    number: Intl.NumberFormat;
    percent: Intl.NumberFormat;
    percentValue: Intl.NumberFormat;
    day: Intl.DateTimeFormat;
  }
>();

function formatsOf(locale: string) {
  let found = formats.get(locale);
  if (!found) {
    found = {
      eur: new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
      number: new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }),
      percent: new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }),
      percentValue: new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }),
      day: new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }),
    };
    formats.set(locale, found);
  }
  return found;
}

/** @example formatEur(12345.5) // "12,345.50"; formatEur(12345.5, 'fr') // "12 345,50" */
export function formatEur(eur: number, locale = DEFAULT_LOCALE): string {
  return formatsOf(locale).eur.format(eur);
}

/** @example formatNumber(1234.5) // "1,234.5" */
export function formatNumber(value: number, locale = DEFAULT_LOCALE): string {
  return formatsOf(locale).number.format(value);
}

/** @example formatProgress(0.456) // "46%"; formatProgress(0.456, 'fr') // "46 %" */
export function formatProgress(progress: number | null, locale = DEFAULT_LOCALE): string {
  return progress === null ? '–' : formatsOf(locale).percent.format(progress);
}

/** @example formatDay('2026-03-10') // "10 March 2026"; formatDay('2026-03-10', 'fr') // "10 mars 2026" */
export function formatDay(iso: string, locale = DEFAULT_LOCALE): string {
  const day = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(day.getTime()) ? iso : formatsOf(locale).day.format(day);
}

/** @example formatPeriod({ from: '2026-01-01', to: '2026-12-31' }) // "1 January 2026 – 31 December 2026" */
export function formatPeriod(period: { from: string; to: string }, locale = DEFAULT_LOCALE): string {
  return `${formatDay(period.from, locale)} – ${formatDay(period.to, locale)}`;
}

/** A KPI value with its unit: money in EUR, a percentage with %, a count or rating as a number. */
export function formatKpiValue(
  value: number | null,
  kind: string,
  unit: string | null,
  locale = DEFAULT_LOCALE,
): string {
  if (value === null) return '–';
  if (kind === 'money') return `${formatEur(value, locale)} EUR`;
  if (kind === 'percent') return formatsOf(locale).percentValue.format(value / 100);
  return unit && kind !== 'rating' ? `${formatNumber(value, locale)} ${unit}` : formatNumber(value, locale);
}

export const STATUS_LABELS: Record<string, string> = {
  planned: 'Planned',
  confirmed: 'Confirmed',
  done: 'Done',
  cancelled: 'Cancelled',
};

/** The plain sentence an empty period's report shows (tests look for it). */
export const EMPTY_PERIOD_TEXT = 'No activities in this period';

/**
 * `funder-report-demo-2026-01-01-to-2026-12-31.pdf`, with the market's name after the workspace's
 * when the report is narrowed to one (`funder-report-demo-japan-…`): only safe characters.
 */
export function reportFileName(
  slug: string,
  period: { from: string; to: string },
  format: string,
  market?: string,
): string {
  const safe = (text: string) =>
    text
      .replace(/[^A-Za-z0-9_-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '');
  const marketName = market ? safe(market.normalize('NFKD').replace(/\p{M}/gu, '')).toLowerCase() : '';
  const marketPart = marketName === '' ? '' : `-${marketName}`;
  return `funder-report-${safe(slug)}${marketPart}-${period.from}-to-${period.to}.${format}`;
}
