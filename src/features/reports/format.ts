/** How figures read in a report (English, the Hub's language). Pure. */

const eurFormat = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const numberFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** @example formatEur(12345.5) // "12,345.50" */
export function formatEur(eur: number): string {
  return eurFormat.format(eur);
}

/** @example formatNumber(1234.5) // "1,234.5" */
export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/** @example formatProgress(0.456) // "46%" */
export function formatProgress(progress: number | null): string {
  return progress === null ? '–' : `${Math.round(progress * 100)}%`;
}

/** @example formatDay('2026-03-10') // "10 March 2026" */
export function formatDay(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${day} ${monthNames[(month ?? 1) - 1]} ${year}`;
}

/** @example formatPeriod({ from: '2026-01-01', to: '2026-12-31' }) // "1 January 2026 – 31 December 2026" */
export function formatPeriod(period: { from: string; to: string }): string {
  return `${formatDay(period.from)} – ${formatDay(period.to)}`;
}

/** A KPI value with its unit: money in EUR, a percentage with %, a count or rating as a number. */
export function formatKpiValue(value: number | null, kind: string, unit: string | null): string {
  if (value === null) return '–';
  if (kind === 'money') return `${formatEur(value)} EUR`;
  if (kind === 'percent') return `${formatNumber(value)}%`;
  return unit && kind !== 'rating' ? `${formatNumber(value)} ${unit}` : formatNumber(value);
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
