import { type Kysely, type RawBuilder, type Selectable, sql } from 'kysely';
import { newId, nowIso } from '../../db/ids.ts';
import { type KeysetAfter, type KeysetOrder, keysetPage } from '../../db/keyset.ts';
import type { B2bEventTable, DB } from '../../db/schema.ts';
import { markEvidence } from '../../db/write-transaction.ts';
import { PARTICIPANT_STATUSES, type ParticipantStatus } from '../../domain/matchmaking/types.ts';

export type EventRow = Selectable<B2bEventTable>;

/** An event with what lists show of its activity. */
export type EventListRow = EventRow & {
  activity_title: string;
  activity_starts_on: string;
  activity_ends_on: string;
  activity_city: string | null;
  activity_country: string | null;
  activity_cluster_id: string | null;
  activity_cluster_name: string | null;
  instrument_code: string;
};

export interface EventValues {
  description: string;
  time_zone: string;
  format: 'in_person' | 'online' | 'hybrid';
  venue: string | null;
  video_link: string | null;
  slot_minutes: number;
  registration_opens_at: string | null;
  registration_closes_at: string | null;
  request_deadline_at: string | null;
  max_requests_per_participant: number | null;
  max_representatives: number;
  request_expiry_days: number | null;
  /** JSON: MeetingType[] */
  meeting_types: string;
  approval: 'manual' | 'automatic';
}

export interface EventCounts {
  participants: Record<ParticipantStatus, number>;
  acceptedRequests: number;
  meetings: number;
  meetingsHeld: number;
}

export interface EventFilters {
  status?: 'draft' | 'open' | 'closed';
  /** Activities ending on or after this day (upcoming) or before it (past). */
  endsFrom?: string;
  endsBefore?: string;
  activityId?: string;
  /** Lower-cased. */
  q?: string;
  /** Draft events hidden unless managed by this cluster (a cluster manager) or the reader is a coordinator. */
  draftsVisibleTo: { all: true } | { all: false; clusterId: string | null };
}

export type EventSortKey = 'startsOn' | 'title';

const SORT_KEYS: Record<EventSortKey, RawBuilder<unknown>> = {
  startsOn: sql`a.starts_on`,
  title: sql`lower(a.title)`,
};

function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export interface SessionValues {
  name: string;
  day: string;
  start_time: string;
  end_time: string;
  breaks: string;
}

export interface TableValues {
  number: number;
  name: string;
  reserved_participant_id: string | null;
  video_link: string | null;
}

/** The only SQL of the events' set-up. Every query is bound to one workspace or to an event read through it. */
export class EventRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private withActivity() {
    return this.db
      .selectFrom('b2b_event as e')
      .innerJoin('activity as a', 'a.id', 'e.activity_id')
      .innerJoin('instrument as i', 'i.id', 'a.instrument_id')
      .leftJoin('cluster as c', 'c.id', 'a.cluster_id')
      .selectAll('e')
      .select([
        'a.title as activity_title',
        'a.starts_on as activity_starts_on',
        'a.ends_on as activity_ends_on',
        'a.city as activity_city',
        'a.country as activity_country',
        'a.cluster_id as activity_cluster_id',
        'c.short_name as activity_cluster_name',
        'i.code as instrument_code',
      ]);
  }

  private filtered(workspaceId: string, filters: EventFilters) {
    let query = this.db
      .selectFrom('b2b_event as e')
      .innerJoin('activity as a', 'a.id', 'e.activity_id')
      .where('e.workspace_id', '=', workspaceId);
    if (filters.status) query = query.where('e.status', '=', filters.status);
    if (filters.endsFrom) query = query.where('a.ends_on', '>=', filters.endsFrom);
    if (filters.endsBefore) query = query.where('a.ends_on', '<', filters.endsBefore);
    if (filters.activityId) query = query.where('e.activity_id', '=', filters.activityId);
    if (filters.q) {
      query = query.where(sql<boolean>`lower(a.title) like ${containsPattern(filters.q)} escape '\\'`);
    }
    const visible = filters.draftsVisibleTo;
    if (!visible.all) {
      const clusterId = visible.clusterId;
      query = query.where((eb) =>
        clusterId === null
          ? eb('e.status', '!=', 'draft')
          : eb.or([
              eb('e.status', '!=', 'draft'),
              eb('a.cluster_id', '=', clusterId),
              eb.exists(
                eb
                  .selectFrom('b2b_event_co_organiser as co')
                  .select('co.event_id')
                  .whereRef('co.event_id', '=', 'e.id')
                  .where('co.cluster_id', '=', clusterId),
              ),
            ]),
      );
    }
    return query;
  }

  async list(
    workspaceId: string,
    filters: EventFilters,
    options: { limit: number; sort: { key: EventSortKey; desc: boolean }; after?: KeysetAfter },
  ): Promise<(EventListRow & { sort_value: unknown })[]> {
    const order: KeysetOrder = {
      key: SORT_KEYS[options.sort.key],
      id: sql.ref('e.id'),
      desc: options.sort.desc,
    };
    const rows = await keysetPage(
      this.withActivity()
        .select(order.key.as('sort_value'))
        .where('e.workspace_id', '=', workspaceId)
        .where('e.id', 'in', this.filtered(workspaceId, filters).select('e.id')),
      order,
      options.after,
    )
      .limit(options.limit)
      .execute();
    return rows as (EventListRow & { sort_value: unknown })[];
  }

  async count(workspaceId: string, filters: EventFilters): Promise<number> {
    const row = await this.filtered(workspaceId, filters)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async findWithActivity(workspaceId: string, eventId: string): Promise<EventListRow | undefined> {
    return (await this.withActivity()
      .where('e.workspace_id', '=', workspaceId)
      .where('e.id', '=', eventId)
      .executeTakeFirst()) as EventListRow | undefined;
  }

  find(workspaceId: string, eventId: string): Promise<EventRow | undefined> {
    return this.db
      .selectFrom('b2b_event')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', eventId)
      .executeTakeFirst();
  }

  /** The counts of each event: participants by status, accepted requests, meetings. */
  async counts(eventIds: readonly string[]): Promise<Map<string, EventCounts>> {
    const result = new Map<string, EventCounts>();
    if (eventIds.length === 0) return result;
    for (const id of eventIds) {
      result.set(id, {
        participants: Object.fromEntries(PARTICIPANT_STATUSES.map((s) => [s, 0])) as Record<
          ParticipantStatus,
          number
        >,
        acceptedRequests: 0,
        meetings: 0,
        meetingsHeld: 0,
      });
    }
    const [participants, requests, meetings] = await Promise.all([
      this.db
        .selectFrom('b2b_participant')
        .where('event_id', 'in', eventIds)
        .select(['event_id', 'status', (eb) => eb.fn.countAll<number | string>().as('n')])
        .groupBy(['event_id', 'status'])
        .execute(),
      this.db
        .selectFrom('b2b_request')
        .where('event_id', 'in', eventIds)
        .where('status', '=', 'accepted')
        .select(['event_id', (eb) => eb.fn.countAll<number | string>().as('n')])
        .groupBy('event_id')
        .execute(),
      this.db
        .selectFrom('b2b_meeting')
        .where('event_id', 'in', eventIds)
        .select([
          'event_id',
          (eb) => eb.fn.countAll<number | string>().as('n'),
          sql<number | string>`sum(case when status = 'held' then 1 else 0 end)`.as('held'),
        ])
        .groupBy('event_id')
        .execute(),
    ]);
    for (const row of participants) {
      const counts = result.get(row.event_id);
      if (counts) counts.participants[row.status] = Number(row.n);
    }
    for (const row of requests) {
      const counts = result.get(row.event_id);
      if (counts) counts.acceptedRequests = Number(row.n);
    }
    for (const row of meetings) {
      const counts = result.get(row.event_id);
      if (counts) {
        counts.meetings = Number(row.n);
        counts.meetingsHeld = Number(row.held ?? 0);
      }
    }
    return result;
  }

  /** The activity an event would run in, with its instrument's code, in the workspace. */
  activity(workspaceId: string, activityId: string) {
    return this.db
      .selectFrom('activity as a')
      .innerJoin('instrument as i', 'i.id', 'a.instrument_id')
      .where('a.workspace_id', '=', workspaceId)
      .where('a.id', '=', activityId)
      .select(['a.id', 'a.title', 'a.starts_on', 'a.ends_on', 'a.cluster_id', 'i.code as instrument_code'])
      .executeTakeFirst();
  }

  async eventOfActivity(activityId: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('b2b_event')
      .where('activity_id', '=', activityId)
      .select('id')
      .executeTakeFirst();
    return row?.id;
  }

  async workspaceTimeZone(workspaceId: string): Promise<string> {
    const row = await this.db
      .selectFrom('workspace')
      .where('id', '=', workspaceId)
      .select('time_zone')
      .executeTakeFirstOrThrow();
    return row.time_zone;
  }

  async create(
    workspaceId: string,
    activityId: string,
    publicSlug: string,
    values: EventValues,
  ): Promise<EventRow> {
    const now = nowIso();
    return this.db
      .insertInto('b2b_event')
      .values({
        id: newId(),
        workspace_id: workspaceId,
        activity_id: activityId,
        public_slug: publicSlug,
        status: 'draft',
        published_at: null,
        published_run_id: null,
        created_at: now,
        updated_at: now,
        ...values,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** Applies the values when `version` is current; false when it is stale. */
  async update(
    workspaceId: string,
    eventId: string,
    version: number,
    values: Partial<EventValues> & { status?: 'draft' | 'open' | 'closed' },
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('b2b_event')
      .set({ ...values, version: sql`version + 1`, updated_at: nowIso() })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', eventId)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Raises the version (a change of sessions, tables or co-organisers changes the event). */
  async touch(eventId: string): Promise<void> {
    await this.db
      .updateTable('b2b_event')
      .set({ version: sql`version + 1`, updated_at: nowIso() })
      .where('id', '=', eventId)
      .execute();
  }

  /**
   * Deletes the event and, by cascade, everything of it; its requests and meetings are KPI
   * evidence of the activity, so the activity is marked.
   */
  async delete(workspaceId: string, event: EventRow, version: number): Promise<boolean> {
    markEvidence(this.db, [event.activity_id]);
    const result = await this.db
      .deleteFrom('b2b_event')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', event.id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }

  sessions(eventId: string) {
    return this.db
      .selectFrom('b2b_session')
      .where('event_id', '=', eventId)
      .select(['id', 'name', 'day', 'start_time', 'end_time', 'breaks'])
      .orderBy('day')
      .orderBy('start_time')
      .execute();
  }

  async replaceSessions(eventId: string, sessions: readonly SessionValues[]): Promise<void> {
    await this.db.deleteFrom('b2b_session').where('event_id', '=', eventId).execute();
    if (sessions.length === 0) return;
    const now = nowIso();
    await this.db
      .insertInto('b2b_session')
      .values(sessions.map((s) => ({ id: newId(), event_id: eventId, created_at: now, ...s })))
      .execute();
  }

  tables(eventId: string) {
    return this.db
      .selectFrom('b2b_table as t')
      .leftJoin('b2b_participant as p', 'p.id', 't.reserved_participant_id')
      .where('t.event_id', '=', eventId)
      .select([
        't.id',
        't.number',
        't.name',
        't.reserved_participant_id',
        't.video_link',
        'p.name as reserved_participant_name',
      ])
      .orderBy('t.number')
      .execute();
  }

  async insertTables(eventId: string, tables: readonly TableValues[]): Promise<void> {
    const now = nowIso();
    for (let start = 0; start < tables.length; start += 500) {
      await this.db
        .insertInto('b2b_table')
        .values(
          tables
            .slice(start, start + 500)
            .map((t) => ({ id: newId(), event_id: eventId, created_at: now, ...t })),
        )
        .execute();
    }
  }

  async updateTable(tableId: string, values: TableValues): Promise<void> {
    await this.db.updateTable('b2b_table').set(values).where('id', '=', tableId).execute();
  }

  async deleteTables(eventId: string, tableIds: readonly string[]): Promise<void> {
    for (let start = 0; start < tableIds.length; start += 500) {
      await this.db
        .deleteFrom('b2b_table')
        .where('event_id', '=', eventId)
        .where('id', 'in', tableIds.slice(start, start + 500))
        .execute();
    }
  }

  /** The event's participants among `ids`, with their status. */
  participants(eventId: string, ids: readonly string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('b2b_participant')
      .where('event_id', '=', eventId)
      .where('id', 'in', ids)
      .select(['id', 'name', 'status'])
      .execute();
  }

  /** The approved participants of the event, by name. */
  approvedParticipants(eventId: string) {
    return this.db
      .selectFrom('b2b_participant')
      .where('event_id', '=', eventId)
      .where('status', '=', 'approved')
      .select(['id', 'name'])
      .orderBy('name')
      .orderBy('id')
      .execute();
  }

  /** The scheduled meetings of the event: their slot and table. */
  scheduledMeetings(eventId: string) {
    return this.db
      .selectFrom('b2b_meeting')
      .where('event_id', '=', eventId)
      .where('status', '=', 'scheduled')
      .select(['id', 'slot_starts_at', 'table_id'])
      .execute();
  }

  coOrganisers(eventId: string) {
    return this.db
      .selectFrom('b2b_event_co_organiser as co')
      .innerJoin('cluster as c', 'c.id', 'co.cluster_id')
      .where('co.event_id', '=', eventId)
      .select(['co.cluster_id', 'c.short_name', 'c.name'])
      .orderBy('c.short_name')
      .execute();
  }

  async replaceCoOrganisers(eventId: string, clusterIds: readonly string[]): Promise<void> {
    await this.db.deleteFrom('b2b_event_co_organiser').where('event_id', '=', eventId).execute();
    if (clusterIds.length === 0) return;
    const now = nowIso();
    await this.db
      .insertInto('b2b_event_co_organiser')
      .values(clusterIds.map((cluster_id) => ({ event_id: eventId, cluster_id, created_at: now })))
      .execute();
  }

  /** The clusters of the workspace among `ids`. */
  async clusters(workspaceId: string, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.db
      .selectFrom('cluster')
      .where('workspace_id', '=', workspaceId)
      .where('id', 'in', ids)
      .select('id')
      .execute();
    return new Set(rows.map((r) => r.id));
  }
}
