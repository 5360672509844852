/**
 * KPI values as people read and type them, by kind: money in EUR, ratings out of 5, percentages,
 * counts, text. The rules mirror the server's (`src/domain/kpi/values.ts`): a count is whole, a
 * target is never negative (a value of money may be: a fall in sales). Pure.
 */
import type { KpiKind } from '../../api/types.ts';
import { formatEur } from '../../app/format.ts';
import { activeLocale } from '../../app/language.ts';
import { messages } from '../../messages/en.ts';

const percent = new Intl.NumberFormat(activeLocale(), { style: 'percent', maximumFractionDigits: 0 });

const t = messages.kpis;
const MAX_COUNT = 1_000_000_000;
const MAX_EUR = 1_000_000_000;
export const MAX_KPI_TEXT = 2_000;

const number = new Intl.NumberFormat(activeLocale(), { maximumFractionDigits: 2 });

/** `1234.5` money → `€1,234.50`; `4.25` rating → `4.25/5`; `37.5` percent → `37.5 %`; text as is. */
export function formatKpiValue(kind: KpiKind, value: number | string): string {
  if (typeof value === 'string') return value;
  switch (kind) {
    case 'money':
      return formatEur(value);
    case 'rating':
      return t.rating(number.format(value));
    case 'percent':
      return t.percent(number.format(value));
    default:
      return number.format(value);
  }
}

/** actual ÷ target, or null when either is missing or the target is 0 (no meaningful progress). */
export function progressOf(actual: number | null, target: number | null): number | null {
  if (actual === null || target === null || target <= 0) return null;
  return actual / target;
}

/** `0.756` → `76%`. */
export function formatProgress(ratio: number): string {
  return percent.format(Math.round(ratio * 100) / 100);
}

/** What a form input holds, as the API takes it: text for a text KPI, else a number. */
export function kpiInputValue(kind: KpiKind, raw: number | string): number | string {
  return kind === 'text' ? String(raw).trim() : Number(raw);
}

/** Why `raw` cannot be a value of this kind (for an entry or a target), or undefined. */
export function kpiValueError(
  kind: KpiKind,
  raw: number | string,
  use: 'entry' | 'target',
): string | undefined {
  if (kind === 'text') {
    const text = String(raw).trim();
    if (!text) return t.errors.required;
    return text.length > MAX_KPI_TEXT ? t.errors.textMax : undefined;
  }
  if (raw === '' || raw === null) return t.errors.required;
  const value = Number(raw);
  if (!Number.isFinite(value)) return t.errors.number;
  switch (kind) {
    case 'count':
      if (!Number.isInteger(value)) return t.errors.whole;
      if (value < 0) return t.errors.negative;
      return value > MAX_COUNT ? t.errors.countMax : undefined;
    case 'money':
      if (Math.abs(Math.round(value * 100) - value * 100) > 1e-6) return t.errors.cents;
      if (use === 'target' && value < 0) return t.errors.negative;
      return Math.abs(value) > MAX_EUR ? t.errors.moneyMax : undefined;
    case 'percent':
      return value < 0 || value > 100 ? t.errors.percent : undefined;
    case 'rating':
      return value < 1 || value > 5 ? t.errors.rating : undefined;
  }
}
