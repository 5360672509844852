import type { KpiKind } from '../../domain/catalogue/types.ts';
import { eurToCents, toEur } from '../../domain/planning/money.ts';

/**
 * Money KPIs are EUR in the API and integer cents in the database (as every amount of the Hub);
 * counts, percentages and ratings are stored as sent.
 */
export function toStoredNumber(kind: KpiKind, value: number): number {
  return kind === 'money' ? eurToCents(value) : value;
}

/** A stored number as the API writes it (cents → EUR for money). */
export function toApiNumber(kind: KpiKind, stored: number | string): number {
  return kind === 'money' ? toEur(stored) : Number(stored);
}
