import { formatEur } from '../../app/format.ts';
import { messages } from '../../messages/en.ts';

/** The readable name of a changed field (the audit log records column names). */
export function auditFieldLabel(field: string): string {
  return messages.audit.fields[field] ?? field;
}

/** A recorded value as a person reads it: money in EUR, yes/no, lists comma-separated. */
export function formatAuditValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return messages.common.none;
  if (field === 'day_rate_cents' && typeof value === 'number') return formatEur(value / 100);
  if (typeof value === 'boolean') return value ? messages.common.yes : messages.common.no;
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? messages.common.none : value.map(String).join(', ');
  return JSON.stringify(value);
}
