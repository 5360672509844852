import type { SessionBreak } from '../../domain/matchmaking/types.ts';
import type { EventCounts, EventListRow, EventRepository } from './repository.ts';
import type { EventSummaryDto, EventTableDto } from './schema.ts';

/** The public registration page's path of an event (the web app's `/register/{slug}`). */
export function publicPath(slug: string): string {
  return `/register/${slug}`;
}

export function presentSummary(row: EventListRow, counts: EventCounts): EventSummaryDto {
  return {
    id: row.id,
    activity: {
      id: row.activity_id,
      title: row.activity_title,
      startsOn: row.activity_starts_on,
      endsOn: row.activity_ends_on,
      city: row.activity_city,
      country: row.activity_country,
      clusterId: row.activity_cluster_id,
      clusterName: row.activity_cluster_name,
      instrumentCode: row.instrument_code,
    },
    status: row.status,
    format: row.format,
    timeZone: row.time_zone,
    venue: row.venue,
    publicUrl: publicPath(row.public_slug),
    publishedAt: row.published_at,
    counts,
    version: row.version,
  };
}

type SessionRow = Awaited<ReturnType<EventRepository['sessions']>>[number];

export function presentSession(row: SessionRow) {
  return {
    id: row.id,
    name: row.name,
    day: row.day,
    startTime: row.start_time,
    endTime: row.end_time,
    breaks: JSON.parse(row.breaks) as SessionBreak[],
  };
}

type TableRow = Awaited<ReturnType<EventRepository['tables']>>[number];

export function presentTable(row: TableRow): EventTableDto {
  return {
    id: row.id,
    number: row.number,
    name: row.name,
    reservedParticipantId: row.reserved_participant_id,
    reservedParticipantName: row.reserved_participant_name,
    videoLink: row.video_link,
  };
}
