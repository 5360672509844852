import { TZDate } from '@date-fns/tz';

/**
 * An instant as a `datetime-local` input shows it: `YYYY-MM-DDTHH:MM` in the event's time zone
 * (empty for null).
 */
export function toLocalInput(iso: string | null, timeZone: string): string {
  if (!iso) return '';
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}`;
}

/** A `datetime-local` value in the event's time zone as a UTC instant (null when empty or malformed). */
export function fromLocalInput(text: string, timeZone: string): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [, day, hours, minutes] = match as unknown as [string, string, string, string];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  try {
    const local = new TZDate(y, m - 1, d, Number(hours), Number(minutes), 0, timeZone);
    const time = local.getTime();
    return Number.isNaN(time) ? null : new Date(time).toISOString();
  } catch {
    return null;
  }
}
