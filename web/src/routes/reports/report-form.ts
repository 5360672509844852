/**
 * The report form's values and rules, mirroring the server's (`src/features/reports/schema.ts`),
 * and what the list needs to know of a job. Pure, so they are unit-tested without a browser.
 */
import type { JobDto, ReportFormat, ReportRequestBody } from '../../api/types.ts';
import { messages } from '../../messages/en.ts';

const t = messages.reports;

export interface ReportFormValues {
  from: string;
  to: string;
  format: ReportFormat;
  /** '' for every market. */
  marketId: string;
}

/** The report page's address (`/w/demo/reports?from=…&to=…&marketId=…`): the dashboard's view. */
export interface ReportSearch {
  from?: string;
  to?: string;
  marketId?: string;
}

export type ReportFieldErrors = Partial<Record<keyof ReportFormValues, string>>;
export const REPORT_FIELDS = [
  'from',
  'to',
  'format',
  'marketId',
] as const satisfies readonly (keyof ReportFormValues)[];

/**
 * The period and market of the address (the dashboard's "Funder report" button carries the view),
 * else the current calendar year for every market, as a PDF: what a funder asks for most.
 */
export function defaultReportForm(today: Date, search: ReportSearch = {}): ReportFormValues {
  const year = today.getFullYear();
  const period =
    search.from && search.to
      ? { from: search.from, to: search.to }
      : { from: `${year}-01-01`, to: `${year}-12-31` };
  return { ...period, format: 'pdf', marketId: search.marketId ?? '' };
}

/** `validateSearch` of the reports page: both days or neither, in order, and a market id. */
export function parseReportSearch(raw: Record<string, unknown>): ReportSearch {
  const marketId =
    typeof raw.marketId === 'string' && raw.marketId !== '' && raw.marketId.length <= 100
      ? raw.marketId
      : undefined;
  const from = typeof raw.from === 'string' ? raw.from : '';
  const to = typeof raw.to === 'string' ? raw.to : '';
  const period =
    isIsoDate(from) && isIsoDate(to) && from <= to && to <= lastAllowedTo(from) ? { from, to } : {};
  return { ...period, ...(marketId ? { marketId } : {}) };
}

/** Whether `value` is a real calendar day written `YYYY-MM-DD`. */
function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** The last day a period starting on `from` may reach: ten years on, less a day. */
export function lastAllowedTo(from: string): string {
  const shifted = `${String(Number(from.slice(0, 4)) + 10).padStart(4, '0')}${from.slice(4)}`;
  if (!isIsoDate(shifted)) return `${shifted.slice(0, 8)}28`;
  return new Date(Date.parse(`${shifted}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

export function validateReportForm(values: ReportFormValues): ReportFieldErrors {
  const errors: ReportFieldErrors = {};
  const dateError = (value: string) => (!value ? t.required : isIsoDate(value) ? undefined : t.invalidDate);
  const from = dateError(values.from);
  const to = dateError(values.to);
  if (from) errors.from = from;
  if (to) errors.to = to;
  if (!from && !to) {
    if (values.to < values.from) errors.to = t.toBeforeFrom;
    else if (values.to > lastAllowedTo(values.from)) errors.to = t.tooLong;
  }
  return errors;
}

export function reportBodyOf(values: ReportFormValues): ReportRequestBody {
  return {
    from: values.from,
    to: values.to,
    format: values.format,
    ...(values.marketId ? { marketId: values.marketId } : {}),
  };
}

/** A job that will not change any more. */
export function isFinished(job: Pick<JobDto, 'status'>): boolean {
  return job.status === 'succeeded' || job.status === 'failed';
}

/** The report's period, format and market from the job's parameters (null when they are not a report's). */
export function reportParamsOf(job: Pick<JobDto, 'params'>): ReportFormValues | null {
  const { from, to, format, marketId } = job.params;
  if (typeof from !== 'string' || typeof to !== 'string') return null;
  if (format !== 'pdf' && format !== 'xlsx') return null;
  return { from, to, format, marketId: typeof marketId === 'string' ? marketId : '' };
}

/** 0.456 → 46 (whole percent, for the progress bar and its label). */
export function percentOf(progress: number): number {
  return Math.round(Math.min(1, Math.max(0, progress)) * 100);
}
