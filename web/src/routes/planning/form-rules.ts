/** Checks the planning forms share: dates and EUR amounts as the server reads them. Pure. */

import { activeLocale } from '../../app/language.ts';
import { messages } from '../../messages/en.ts';

const p = messages.planning;
const n = messages.forms.number;

/** Whether `value` is a real calendar day written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** The error of a required date, or undefined. */
export function dateError(value: string): string | undefined {
  if (!value) return p.fieldRequired;
  return isIsoDate(value) ? undefined : p.dateFormat;
}

/**
 * The error of an EUR amount from 0 to `max` with at most two decimals, or undefined; `''` is
 * fine unless `required`. The input keeps what was typed (`NumberField`), so a minus sign or a
 * third decimal reaches this check and is named here.
 */
export function eurError(value: number | string, max: number, required = false): string | undefined {
  if (value === '') return required ? p.fieldRequired : undefined;
  const amount = Number(value);
  if (!Number.isFinite(amount)) return n.notANumber;
  if (amount < 0) return n.negative;
  if (amount > max) return p.amountRange(max.toLocaleString(activeLocale()));
  if (Math.abs(Math.round(amount * 100) - amount * 100) > 1e-6) return p.amountCents;
  return undefined;
}

/** `value` shifted by `days` (negative: back). */
export function addDays(value: string, days: number): string {
  return new Date(Date.parse(`${value}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
