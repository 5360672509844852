import { Group, Text } from '@mantine/core';
import type { ActivitySummaryDto } from '../../api/types.ts';
import { countryName } from '../../app/format.ts';
import { activeLocale } from '../../app/language.ts';
import { AnchorLink } from '../../app/links.tsx';
import { ActivityStatusBadge } from '../../components/status-badges.tsx';
import { messages } from '../../messages/en.ts';
import classes from './calendar.module.css';
import { PHASE_HEX } from './timeline.ts';

const t = messages.calendar;

/** `Study visits · Colombia`: the instrument and the market's country (or "Standalone"). */
export function instrumentAndMarket(activity: ActivitySummaryDto): string {
  const market = activity.marketCountry ? countryName(activity.marketCountry) : t.standalone;
  return `${activity.instrumentName} · ${market}`;
}

const dayFormat = new Intl.DateTimeFormat(activeLocale(), {
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});
const dayYearFormat = new Intl.DateTimeFormat(activeLocale(), {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const longDayFormat = new Intl.DateTimeFormat(activeLocale(), {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  timeZone: 'UTC',
});

const utc = (date: string) => new Date(`${date}T00:00:00Z`);

/** `10 Jan – 14 Jan 2027`, `10 Jan 2027`, `26 Nov 2026 – 25 Nov 2027`. */
export function shortPeriod(startsOn: string, endsOn: string): string {
  if (startsOn === endsOn) return dayYearFormat.format(utc(startsOn));
  const first = startsOn.slice(0, 4) === endsOn.slice(0, 4) ? dayFormat : dayYearFormat;
  return `${first.format(utc(startsOn))} – ${dayYearFormat.format(utc(endsOn))}`;
}

/** `Sunday 10 January`. */
export function longDay(date: string): string {
  return longDayFormat.format(utc(date));
}

/**
 * One activity as a line of a list (the agenda, the ongoing lane, a day's popover): a swatch of its
 * phase's colour, its title linked to its page, the instrument and market, its dates and status.
 */
export function CalendarEntry({
  workspace,
  activity,
  note,
  testId,
  dense = false,
}: {
  workspace: string;
  activity: ActivitySummaryDto;
  /** Said after the dates: "started before this period". */
  note?: string;
  testId: string;
  /** Two lines: the title, then instrument, market and dates (the status as a tooltip). */
  dense?: boolean;
}) {
  const period = shortPeriod(activity.startsOn, activity.endsOn);
  if (dense) {
    return (
      <div className={classes.entry} data-testid={testId} data-activity-id={activity.id}>
        <span className={classes.swatch} style={{ background: PHASE_HEX[activity.phase] }} />
        <div className={classes.entryText}>
          <AnchorLink
            to="/w/$workspace/activities/$activityId"
            params={{ workspace, activityId: activity.id }}
            fw={600}
            fz="sm"
            td={activity.status === 'cancelled' ? 'line-through' : undefined}
            title={messages.planning.activityStatus[activity.status]}
          >
            {activity.title}
          </AnchorLink>
          <Text fz="xs" c="dimmed">
            {instrumentAndMarket(activity)} · {period}
          </Text>
        </div>
      </div>
    );
  }
  return (
    <div className={classes.entry} data-testid={testId} data-activity-id={activity.id}>
      <span className={classes.swatch} style={{ background: PHASE_HEX[activity.phase] }} />
      <div className={classes.entryText}>
        <AnchorLink
          to="/w/$workspace/activities/$activityId"
          params={{ workspace, activityId: activity.id }}
          fw={600}
          fz="sm"
          td={activity.status === 'cancelled' ? 'line-through' : undefined}
        >
          {activity.title}
        </AnchorLink>
        <Text fz="xs" c="dimmed">
          {instrumentAndMarket(activity)}
        </Text>
        <Group gap={8} mt={2}>
          <Text fz="xs">
            {period}
            {note ? ` · ${note}` : ''}
          </Text>
          <ActivityStatusBadge status={activity.status} />
        </Group>
      </div>
    </div>
  );
}
