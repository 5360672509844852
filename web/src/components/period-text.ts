import { formatDate } from '../app/format.ts';
import { messages } from '../messages/en.ts';

/** `1 Feb 2027 – 3 Feb 2027`, or one date when the period is one day. */
export function periodText(startsOn: string, endsOn: string): string {
  return startsOn === endsOn
    ? formatDate(startsOn)
    : messages.planning.period(formatDate(startsOn), formatDate(endsOn));
}
