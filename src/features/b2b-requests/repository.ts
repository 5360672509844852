import type { Kysely, Selectable } from 'kysely';
import type { B2bParticipantTable, B2bRequestTable, DB } from '../../db/schema.ts';
import { markEvidence } from '../../db/write-transaction.ts';
import type { RequestOrigin, RequestStatus } from '../../domain/matchmaking/types.ts';

export type ParticipantRow = Pick<
  Selectable<B2bParticipantTable>,
  | 'id'
  | 'event_id'
  | 'organisation_id'
  | 'name'
  | 'country'
  | 'city'
  | 'organisation_type'
  | 'description'
  | 'offers'
  | 'looking_for'
  | 'tags'
  | 'space_segments'
  | 'target_markets'
  | 'meeting_types'
  | 'status'
  | 'contact_name'
  | 'contact_email'
>;
export type RequestRow = Selectable<B2bRequestTable>;
export interface RequestWithNames extends RequestRow {
  from_name: string;
  from_country: string;
  to_name: string;
  to_country: string;
}

const PARTICIPANT_COLUMNS = [
  'id',
  'event_id',
  'organisation_id',
  'name',
  'country',
  'city',
  'organisation_type',
  'description',
  'offers',
  'looking_for',
  'tags',
  'space_segments',
  'target_markets',
  'meeting_types',
  'status',
  'contact_name',
  'contact_email',
] as const;

export interface RequestFilters {
  statuses?: readonly RequestStatus[] | undefined;
  origins?: readonly RequestOrigin[] | undefined;
  participantId?: string | undefined;
}

/** The SQL of the marketplace: participants of an event as the catalogue shows them, and requests. */
export class MarketplaceRepository {
  constructor(private readonly db: Kysely<DB>) {}

  participant(workspaceId: string, eventId: string, id: string): Promise<ParticipantRow | undefined> {
    return this.db
      .selectFrom('b2b_participant')
      .where('workspace_id', '=', workspaceId)
      .where('event_id', '=', eventId)
      .where('id', '=', id)
      .select(PARTICIPANT_COLUMNS)
      .executeTakeFirst();
  }

  approvedParticipants(workspaceId: string, eventId: string): Promise<ParticipantRow[]> {
    return this.db
      .selectFrom('b2b_participant')
      .where('workspace_id', '=', workspaceId)
      .where('event_id', '=', eventId)
      .where('status', '=', 'approved')
      .select(PARTICIPANT_COLUMNS)
      .orderBy('name')
      .orderBy('id')
      .execute();
  }

  representatives(participantIds: readonly string[]) {
    if (participantIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('b2b_representative')
      .where('participant_id', 'in', participantIds)
      .select(['participant_id', 'name', 'role_title'])
      .orderBy('participant_id')
      .orderBy('position')
      .execute();
  }

  /** The requests a participant sent or received, latest first. */
  requestsOf(eventId: string, participantId: string): Promise<RequestRow[]> {
    return this.db
      .selectFrom('b2b_request')
      .where('event_id', '=', eventId)
      .where((eb) =>
        eb.or([eb('from_participant_id', '=', participantId), eb('to_participant_id', '=', participantId)]),
      )
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .execute();
  }

  private filtered(workspaceId: string, eventId: string, filters: RequestFilters) {
    let query = this.db
      .selectFrom('b2b_request as r')
      .where('r.workspace_id', '=', workspaceId)
      .where('r.event_id', '=', eventId);
    if (filters.statuses?.length) query = query.where('r.status', 'in', filters.statuses);
    if (filters.origins?.length) query = query.where('r.origin', 'in', filters.origins);
    const participantId = filters.participantId;
    if (participantId) {
      query = query.where((eb) =>
        eb.or([
          eb('r.from_participant_id', '=', participantId),
          eb('r.to_participant_id', '=', participantId),
        ]),
      );
    }
    return query;
  }

  list(
    workspaceId: string,
    eventId: string,
    filters: RequestFilters,
    page: { limit: number; offset: number },
  ): Promise<RequestWithNames[]> {
    return this.filtered(workspaceId, eventId, filters)
      .innerJoin('b2b_participant as f', 'f.id', 'r.from_participant_id')
      .innerJoin('b2b_participant as t', 't.id', 'r.to_participant_id')
      .selectAll('r')
      .select([
        'f.name as from_name',
        'f.country as from_country',
        't.name as to_name',
        't.country as to_country',
      ])
      .orderBy('r.created_at', 'desc')
      .orderBy('r.id')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
  }

  async countByStatus(
    workspaceId: string,
    eventId: string,
    filters: RequestFilters,
  ): Promise<Record<RequestStatus, number>> {
    const rows = await this.filtered(workspaceId, eventId, { ...filters, statuses: undefined })
      .select(['r.status', (eb) => eb.fn.countAll<string | number>().as('n')])
      .groupBy('r.status')
      .execute();
    const counts: Record<RequestStatus, number> = {
      pending: 0,
      accepted: 0,
      declined: 0,
      expired: 0,
      cancelled: 0,
    };
    for (const row of rows) counts[row.status] = Number(row.n);
    return counts;
  }

  findWithNames(workspaceId: string, eventId: string, id: string): Promise<RequestWithNames | undefined> {
    return this.db
      .selectFrom('b2b_request as r')
      .innerJoin('b2b_participant as f', 'f.id', 'r.from_participant_id')
      .innerJoin('b2b_participant as t', 't.id', 'r.to_participant_id')
      .where('r.workspace_id', '=', workspaceId)
      .where('r.event_id', '=', eventId)
      .where('r.id', '=', id)
      .selectAll('r')
      .select([
        'f.name as from_name',
        'f.country as from_country',
        't.name as to_name',
        't.country as to_country',
      ])
      .executeTakeFirst();
  }

  livePair(eventId: string, key: string): Promise<RequestRow | undefined> {
    return this.db
      .selectFrom('b2b_request')
      .where('event_id', '=', eventId)
      .where('pair_key', '=', key)
      .where('status', 'in', ['pending', 'accepted'])
      .selectAll()
      .executeTakeFirst();
  }

  async liveSentCount(eventId: string, participantId: string): Promise<number> {
    const row = await this.db
      .selectFrom('b2b_request')
      .where('event_id', '=', eventId)
      .where('from_participant_id', '=', participantId)
      .where('origin', '=', 'participant')
      .where('status', 'in', ['pending', 'accepted'])
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Inserts a request and marks its event's activity (KPI evidence: requests sent). */
  async insert(activityId: string, values: RequestRow): Promise<void> {
    await this.db.insertInto('b2b_request').values(values).execute();
    markEvidence(this.db, [activityId]);
  }

  /**
   * Updates a request at `version` (and, when given, only in one of `fromStatuses`); false when
   * nothing matched. Marks the event's activity.
   */
  async update(
    activityId: string,
    id: string,
    version: number,
    values: Partial<Pick<RequestRow, 'status' | 'priority' | 'responded_at' | 'decline_reason'>>,
    now: string,
    fromStatuses?: readonly RequestStatus[],
  ): Promise<boolean> {
    let query = this.db
      .updateTable('b2b_request')
      .set({ ...values, version: version + 1, updated_at: now })
      .where('id', '=', id)
      .where('version', '=', version);
    if (fromStatuses) query = query.where('status', 'in', fromStatuses);
    const result = await query.executeTakeFirst();
    markEvidence(this.db, [activityId]);
    return Number(result.numUpdatedRows) === 1;
  }
}
