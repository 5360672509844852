import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { localDay } from '../../../domain/matchmaking/day.ts';
import type { ActivityScope, DerivedKpiRule, EvidenceRecord } from './rule.ts';

/**
 * The KPIs of the matchmaking instrument (1.2.1) that B2B events in the Hub prove (issue 22,
 * decision 0039), counted at the event's activity:
 * - "Number of contacts": the meetings held (`b2b_meeting.status = 'held'`);
 * - "Number of communication initiatives": the meeting requests sent, whatever their answer
 *   (pending, accepted, declined, expired), except those their sender withdrew (`cancelled`).
 * The day's and the requests' repositories mark the event's activity on every write to these rows.
 */

function meetingsHeld(db: Kysely<DB>) {
  return db
    .selectFrom('b2b_meeting as m')
    .innerJoin('b2b_event as e', 'e.id', 'm.event_id')
    .where('m.status', '=', 'held');
}

function requestsSent(db: Kysely<DB>) {
  return db
    .selectFrom('b2b_request as r')
    .innerJoin('b2b_event as e', 'e.id', 'r.event_id')
    .where('r.status', '<>', 'cancelled');
}

function counted(rows: { activity_id: string; n: number | string }[]): Map<string, number> {
  return new Map(rows.map((row) => [row.activity_id, Number(row.n)]));
}

/** Meetings held at the activity's B2B event: matchmaking's "Number of contacts". */
export const matchmakingMeetingsHeld: DerivedKpiRule = {
  key: 'matchmaking_meetings_held',
  description: 'B2B meetings marked held at the activity’s matchmaking event, one each.',
  evidence: 'meeting',
  table: 'b2b_meeting',
  derives: [{ instrumentKey: 'matchmaking-events', kpiKey: 'contacts' }],
  countIsValue: true,
  async compute(db, activityIds) {
    const rows = await meetingsHeld(db)
      .where('e.activity_id', 'in', activityIds)
      .select(['e.activity_id', (eb) => eb.fn.countAll<number | string>().as('n')])
      .groupBy('e.activity_id')
      .execute();
    return counted(rows);
  },
  async records(db, scope, page) {
    const rows = await meetingsHeld(db)
      .innerJoin('activity as a', 'a.id', 'e.activity_id')
      .innerJoin('b2b_request as q', 'q.id', 'm.request_id')
      .innerJoin('b2b_participant as f', 'f.id', 'q.from_participant_id')
      .innerJoin('b2b_participant as t', 't.id', 'q.to_participant_id')
      .leftJoin('b2b_table as tb', 'tb.id', 'm.table_id')
      .where('e.activity_id', 'in', scope)
      .$if(page.after !== null, (q) => q.where('m.id', '>', page.after as string))
      .select([
        'm.id',
        'm.event_id',
        'm.slot_starts_at',
        'e.activity_id',
        'e.time_zone',
        'a.title',
        'f.name as from_name',
        't.name as to_name',
        'tb.name as table_name',
      ])
      .orderBy('m.id')
      .limit(page.limit)
      .execute();
    return rows.map(
      (row): EvidenceRecord => ({
        id: row.id,
        type: 'meeting',
        activityId: row.activity_id,
        activityTitle: row.title,
        occurredOn: localDay(row.slot_starts_at, row.time_zone),
        description: `Meeting held: ${row.from_name} and ${row.to_name}${row.table_name ? ` (${row.table_name})` : ''}`,
        value: 1,
        eventId: row.event_id,
      }),
    );
  },
  async count(db, scope: ActivityScope) {
    const row = await meetingsHeld(db)
      .where('e.activity_id', 'in', scope)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
};

/** Requests sent at the activity's B2B event: matchmaking's "Number of communication initiatives". */
export const matchmakingRequestsSent: DerivedKpiRule = {
  key: 'matchmaking_requests_sent',
  description:
    'Meeting requests sent at the activity’s matchmaking event, whatever their answer, except those their sender withdrew, one each.',
  evidence: 'request',
  table: 'b2b_request',
  derives: [{ instrumentKey: 'matchmaking-events', kpiKey: 'communication_initiatives' }],
  countIsValue: true,
  async compute(db, activityIds) {
    const rows = await requestsSent(db)
      .where('e.activity_id', 'in', activityIds)
      .select(['e.activity_id', (eb) => eb.fn.countAll<number | string>().as('n')])
      .groupBy('e.activity_id')
      .execute();
    return counted(rows);
  },
  async records(db, scope, page) {
    const rows = await requestsSent(db)
      .innerJoin('activity as a', 'a.id', 'e.activity_id')
      .innerJoin('b2b_participant as f', 'f.id', 'r.from_participant_id')
      .innerJoin('b2b_participant as t', 't.id', 'r.to_participant_id')
      .where('e.activity_id', 'in', scope)
      .$if(page.after !== null, (q) => q.where('r.id', '>', page.after as string))
      .select([
        'r.id',
        'r.event_id',
        'r.created_at',
        'r.status',
        'e.activity_id',
        'e.time_zone',
        'a.title',
        'f.name as from_name',
        't.name as to_name',
      ])
      .orderBy('r.id')
      .limit(page.limit)
      .execute();
    return rows.map(
      (row): EvidenceRecord => ({
        id: row.id,
        type: 'request',
        activityId: row.activity_id,
        activityTitle: row.title,
        occurredOn: localDay(row.created_at, row.time_zone),
        description: `Meeting request from ${row.from_name} to ${row.to_name} (${row.status})`,
        value: 1,
        eventId: row.event_id,
      }),
    );
  },
  async count(db, scope: ActivityScope) {
    const row = await requestsSent(db)
      .where('e.activity_id', 'in', scope)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
};
