/**
 * The dashboard's period and filters as the address keeps them (`/w/demo/?from=2026-01-01&to=…`):
 * read leniently (anything unknown or inconsistent is dropped, so an edited or old link still
 * opens), with the quick choices of the period picker. Pure, so it is unit-tested.
 */

export interface Period {
  /** First day, `YYYY-MM-DD`. */
  from: string;
  /** Last day, `YYYY-MM-DD`. */
  to: string;
}

export interface DashboardSearch {
  from?: string;
  to?: string;
  marketId?: string;
}

export const PERIOD_PRESETS = ['thisYear', 'lastYear', 'last12Months'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

/** The server refuses 10 years or more (the budget burn draws month by month). */
const MAX_YEARS = 10;

const pad = (n: number) => String(n).padStart(2, '0');

/** A local date as `YYYY-MM-DD` (the reader's day, not UTC's). */
export function isoDay(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Whether `value` is a real calendar day written `YYYY-MM-DD`. */
export function isIsoDay(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}

/**
 * The period of a quick choice on `today`: the calendar year, the previous one, or the twelve
 * months up to today (from the first day of the month eleven months back, so the monthly burn
 * shows twelve whole or current months).
 */
export function presetPeriod(preset: PeriodPreset, today: Date): Period {
  const year = today.getFullYear();
  switch (preset) {
    case 'thisYear':
      return { from: `${year}-01-01`, to: `${year}-12-31` };
    case 'lastYear':
      return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
    case 'last12Months':
      return { from: isoDay(new Date(year, today.getMonth() - 11, 1)), to: isoDay(today) };
  }
}

/** The quick choice a period is, if any (the picker shows it selected). */
export function presetOf(period: Period, today: Date): PeriodPreset | null {
  return (
    PERIOD_PRESETS.find((preset) => {
      const candidate = presetPeriod(preset, today);
      return candidate.from === period.from && candidate.to === period.to;
    }) ?? null
  );
}

/** `validateSearch` of the dashboard: both days or neither, in order, under ten years apart. */
export function parseDashboardSearch(raw: Record<string, unknown>): DashboardSearch {
  const marketId =
    typeof raw.marketId === 'string' && raw.marketId !== '' && raw.marketId.length <= 100
      ? raw.marketId
      : undefined;
  const period =
    isIsoDay(raw.from) && isIsoDay(raw.to) && isValidPeriod({ from: raw.from, to: raw.to })
      ? { from: raw.from, to: raw.to }
      : {};
  return { ...period, ...(marketId ? { marketId } : {}) };
}

/** Whether the server would take this period: it ends on or after its start, under ten years later. */
export function isValidPeriod(period: Period): boolean {
  if (period.to < period.from) return false;
  // By year, then month and day: text comparison would fail past year 9999.
  const limitYear = Number(period.from.slice(0, 4)) + MAX_YEARS;
  const toYear = Number(period.to.slice(0, 4));
  return toYear < limitYear || (toYear === limitYear && period.to.slice(4) < period.from.slice(4));
}

/** The period the dashboard shows: the address's, else this calendar year. */
export function periodOf(search: DashboardSearch, today: Date): Period {
  return search.from && search.to ? { from: search.from, to: search.to } : presetPeriod('thisYear', today);
}

/** The address of a period: nothing for this year (the default), so the plain link stays plain. */
export function searchOf(period: Period, marketId: string | undefined, today: Date): DashboardSearch {
  const isDefault = presetOf(period, today) === 'thisYear';
  return { ...(isDefault ? {} : period), ...(marketId ? { marketId } : {}) };
}
