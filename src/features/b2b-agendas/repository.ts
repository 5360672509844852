import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { MeetingStatus, ParticipantStatus } from '../../domain/matchmaking/types.ts';

/** A participant as its agenda shows it (no contact data: only what the event shows participants). */
export interface AgendaParticipantRow {
  id: string;
  eventId: string;
  organisationId: string | null;
  name: string;
  country: string;
  city: string | null;
  website: string | null;
  organisationType: string | null;
  description: string;
  offers: string;
  lookingFor: string;
  tags: string[];
  status: ParticipantStatus;
  checkinCode: string;
  feedToken: string | null;
  contactName: string;
  contactEmail: string;
}

export interface AgendaMeetingRow {
  id: string;
  startsAt: string;
  endsAt: string;
  status: MeetingStatus;
  fromParticipantId: string;
  toParticipantId: string;
  table: { id: string; number: number; name: string; videoLink: string | null } | null;
}

/** The event's fields an agenda needs beyond its reference (where, and its workspace's address). */
export interface AgendaEventExtras {
  venue: string | null;
  videoLink: string | null;
  workspaceSlug: string;
}

export interface Representative {
  participantId: string;
  name: string;
  roleTitle: string | null;
}

const PARTICIPANT_COLUMNS = [
  'p.id',
  'p.event_id',
  'p.organisation_id',
  'p.name',
  'p.country',
  'p.city',
  'p.website',
  'p.organisation_type',
  'p.description',
  'p.offers',
  'p.looking_for',
  'p.tags',
  'p.status',
  'p.checkin_code',
  'p.feed_token',
  'p.contact_name',
  'p.contact_email',
] as const;

type ParticipantSelect = {
  id: string;
  event_id: string;
  organisation_id: string | null;
  name: string;
  country: string;
  city: string | null;
  website: string | null;
  organisation_type: string | null;
  description: string;
  offers: string;
  looking_for: string;
  tags: string;
  status: ParticipantStatus;
  checkin_code: string;
  feed_token: string | null;
  contact_name: string;
  contact_email: string;
};

function toParticipant(row: ParticipantSelect): AgendaParticipantRow {
  return {
    id: row.id,
    eventId: row.event_id,
    organisationId: row.organisation_id,
    name: row.name,
    country: row.country,
    city: row.city,
    website: row.website,
    organisationType: row.organisation_type,
    description: row.description,
    offers: row.offers,
    lookingFor: row.looking_for,
    tags: JSON.parse(row.tags) as string[],
    status: row.status,
    checkinCode: row.checkin_code,
    feedToken: row.feed_token,
    contactName: row.contact_name,
    contactEmail: row.contact_email,
  };
}

/** The only SQL of the agendas: participants, their meetings, tables, feed tokens. */
export class AgendaRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async participant(workspaceId: string, eventId: string, id: string): Promise<AgendaParticipantRow | null> {
    const row = await this.db
      .selectFrom('b2b_participant as p')
      .where('p.workspace_id', '=', workspaceId)
      .where('p.event_id', '=', eventId)
      .where('p.id', '=', id)
      .select(PARTICIPANT_COLUMNS)
      .executeTakeFirst();
    return row ? toParticipant(row) : null;
  }

  async participantsByIds(ids: readonly string[]): Promise<Map<string, AgendaParticipantRow>> {
    const map = new Map<string, AgendaParticipantRow>();
    for (let start = 0; start < ids.length; start += 500) {
      const chunk = ids.slice(start, start + 500);
      const rows = await this.db
        .selectFrom('b2b_participant as p')
        .where('p.id', 'in', chunk)
        .select(PARTICIPANT_COLUMNS)
        .execute();
      for (const row of rows) map.set(row.id, toParticipant(row));
    }
    return map;
  }

  /** The approved participants of the event, by name. */
  async approvedParticipants(eventId: string): Promise<AgendaParticipantRow[]> {
    const rows = await this.db
      .selectFrom('b2b_participant as p')
      .where('p.event_id', '=', eventId)
      .where('p.status', '=', 'approved')
      .select(PARTICIPANT_COLUMNS)
      .orderBy('p.name')
      .orderBy('p.id')
      .execute();
    return rows.map(toParticipant);
  }

  /** The participant whose calendar feed token this is, with its event and workspace (active only). */
  async findByFeedToken(token: string) {
    return this.db
      .selectFrom('b2b_participant as p')
      .innerJoin('workspace as w', 'w.id', 'p.workspace_id')
      .where('p.feed_token', '=', token)
      .where('w.status', '=', 'active')
      .select(['p.id', 'p.event_id', 'p.workspace_id', 'p.status'])
      .executeTakeFirst();
  }

  async eventExtras(eventId: string): Promise<AgendaEventExtras> {
    const row = await this.db
      .selectFrom('b2b_event as e')
      .innerJoin('workspace as w', 'w.id', 'e.workspace_id')
      .where('e.id', '=', eventId)
      .select(['e.venue', 'e.video_link', 'w.slug'])
      .executeTakeFirstOrThrow();
    return { venue: row.venue, videoLink: row.video_link, workspaceSlug: row.slug };
  }

  /** The meetings of the event's current schedule; of one participant when given; in time order. */
  async meetings(eventId: string, participantId?: string): Promise<AgendaMeetingRow[]> {
    let query = this.db
      .selectFrom('b2b_meeting as m')
      .innerJoin('b2b_request as r', 'r.id', 'm.request_id')
      .leftJoin('b2b_table as t', 't.id', 'm.table_id')
      .where('m.event_id', '=', eventId);
    if (participantId)
      query = query.where((eb) =>
        eb.or([
          eb('r.from_participant_id', '=', participantId),
          eb('r.to_participant_id', '=', participantId),
        ]),
      );
    const rows = await query
      .select([
        'm.id',
        'm.slot_starts_at',
        'm.slot_ends_at',
        'm.status',
        'r.from_participant_id',
        'r.to_participant_id',
        't.id as table_id',
        't.number as table_number',
        't.name as table_name',
        't.video_link as table_video_link',
      ])
      .orderBy('m.slot_starts_at')
      .orderBy('t.number')
      .orderBy('m.id')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      startsAt: row.slot_starts_at,
      endsAt: row.slot_ends_at,
      status: row.status,
      fromParticipantId: row.from_participant_id,
      toParticipantId: row.to_participant_id,
      table:
        row.table_id !== null && row.table_number !== null && row.table_name !== null
          ? {
              id: row.table_id,
              number: row.table_number,
              name: row.table_name,
              videoLink: row.table_video_link,
            }
          : null,
    }));
  }

  async representatives(participantIds: readonly string[]): Promise<Map<string, Representative[]>> {
    const map = new Map<string, Representative[]>();
    for (let start = 0; start < participantIds.length; start += 500) {
      const rows = await this.db
        .selectFrom('b2b_representative')
        .where('participant_id', 'in', participantIds.slice(start, start + 500))
        .select(['participant_id', 'name', 'role_title'])
        .orderBy('participant_id')
        .orderBy('position')
        .execute();
      for (const row of rows) {
        const list = map.get(row.participant_id) ?? [];
        list.push({ participantId: row.participant_id, name: row.name, roleTitle: row.role_title });
        map.set(row.participant_id, list);
      }
    }
    return map;
  }

  /** The event's tables by number, with the participant each is reserved for (if any). */
  async tables(eventId: string) {
    return this.db
      .selectFrom('b2b_table as t')
      .leftJoin('b2b_participant as p', 'p.id', 't.reserved_participant_id')
      .where('t.event_id', '=', eventId)
      .select(['t.id', 't.number', 't.name', 't.video_link', 'p.name as reserved_for'])
      .orderBy('t.number')
      .execute();
  }

  /** Each participant's count of meetings that are not cancelled. */
  async meetingCounts(eventId: string): Promise<Map<string, number>> {
    const rows = await this.db
      .selectFrom('b2b_meeting as m')
      .innerJoin('b2b_request as r', 'r.id', 'm.request_id')
      .where('m.event_id', '=', eventId)
      .where('m.status', '<>', 'cancelled')
      .select(['r.from_participant_id', 'r.to_participant_id'])
      .execute();
    const counts = new Map<string, number>();
    for (const row of rows) {
      counts.set(row.from_participant_id, (counts.get(row.from_participant_id) ?? 0) + 1);
      counts.set(row.to_participant_id, (counts.get(row.to_participant_id) ?? 0) + 1);
    }
    return counts;
  }

  async setFeedToken(participantId: string, token: string): Promise<void> {
    await this.db
      .updateTable('b2b_participant')
      .set({ feed_token: token, updated_at: new Date().toISOString() })
      .where('id', '=', participantId)
      .execute();
  }
}
