import { activeLocale } from '../../app/language.ts';

const formats = new Map<string, Intl.NumberFormat>();

/**
 * An amount in its own currency, in the interface language's locale, as the workspace's money
 * formatting does (`app/format.ts`): `€1,250,000.50`, `¥15,000`. Without a currency, the number.
 */
export function formatAmount(amount: number | null, currency: string | null): string | null {
  if (amount === null) return null;
  const key = currency ?? '';
  let format = formats.get(key);
  if (!format) {
    try {
      format = currency
        ? new Intl.NumberFormat(activeLocale(), { style: 'currency', currency })
        : new Intl.NumberFormat(activeLocale(), { maximumFractionDigits: 2 });
    } catch {
      format = new Intl.NumberFormat(activeLocale(), { maximumFractionDigits: 2 });
    }
    formats.set(key, format);
  }
  return format.format(amount);
}

/** Colours of the statuses (dark text on a light tint: contrast AA). */
export const STATUS_COLORS: Record<string, string> = {
  idea: 'gray',
  proposal: 'blue',
  funded: 'teal',
  running: 'indigo',
  completed: 'green',
  rejected: 'red',
};
