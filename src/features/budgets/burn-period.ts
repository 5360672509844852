import { checkRange, spansYears } from '../../domain/dates.ts';
import { InvalidInputError } from '../../domain/errors.ts';
import { fiscalYear } from '../../domain/workspaces/rules.ts';

/** The days a budget burn covers, both included (`YYYY-MM-DD`). */
export interface BurnPeriod {
  from: string;
  to: string;
}

/** A burn is drawn month by month: ten years (120 months, 121 with partial ends) is plenty for a chart. */
export const MAX_BURN_YEARS = 10;

/**
 * The period a burn query asks for. Without dates: the fiscal year of `today` (the calendar year
 * when it starts in January, the workspace's setting `fiscalYearStartMonth`). A missing end is
 * the end of the start's year, a missing start the first day of the end's year, so one date alone
 * still gives a bounded period.
 *
 * @throws InvalidInputError naming `query.to` when the period ends before it starts or spans
 *   10 years or more.
 * @example burnPeriod({}, '2026-07-14') // { from: '2026-01-01', to: '2026-12-31' }
 */
export function burnPeriod(
  query: { from?: string | undefined; to?: string | undefined },
  today: string,
  fiscalYearStartMonth = 1,
) {
  checkRange(query);
  if (query.from === undefined && query.to === undefined) return fiscalYear(today, fiscalYearStartMonth);
  const from = query.from ?? `${(query.to ?? today).slice(0, 4)}-01-01`;
  const to = query.to ?? `${from.slice(0, 4)}-12-31`;
  if (spansYears(from, to, MAX_BURN_YEARS)) {
    throw new InvalidInputError(`The period ${from} – ${to} spans ${MAX_BURN_YEARS} years or more`, [
      { field: 'query.to', message: `must be less than ${MAX_BURN_YEARS} years after from (${from})` },
    ]);
  }
  return { from, to } satisfies BurnPeriod;
}

/**
 * Every month the period touches, in order, as `YYYY-MM`.
 *
 * @example monthsOf({ from: '2026-11-15', to: '2027-01-10' }) // ['2026-11', '2026-12', '2027-01']
 */
export function monthsOf(period: BurnPeriod): string[] {
  const months: string[] = [];
  let year = Number(period.from.slice(0, 4));
  let month = Number(period.from.slice(5, 7));
  const last = period.to.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    months.push(key);
    if (key >= last) return months;
    month = month === 12 ? 1 : month + 1;
    if (month === 1) year += 1;
  }
}

/**
 * Running totals: `[10, 0, 5]` → `[10, 10, 15]`. Cents in, cents out, so no rounding drift.
 */
export function cumulative(values: readonly number[]): number[] {
  let sum = 0;
  return values.map((value) => {
    sum += value;
    return sum;
  });
}
