import { randomBytes } from 'node:crypto';
import { type Insertable, type Kysely, type Selectable, sql, type Updateable } from 'kysely';
import { newId, nowIso } from '../../db/ids.ts';
import type { B2bParticipantTable, B2bRepresentativeTable, DB } from '../../db/schema.ts';
import type { ParticipantStatus } from '../../domain/matchmaking/types.ts';

export type ParticipantRow = Selectable<B2bParticipantTable>;
export type RepresentativeRow = Selectable<B2bRepresentativeTable>;
export type ParticipantValues = Omit<
  Insertable<B2bParticipantTable>,
  'id' | 'workspace_id' | 'event_id' | 'checkin_code' | 'version' | 'created_at' | 'updated_at'
>;

export interface ParticipantFilters {
  status?: ParticipantStatus;
  source?: string;
  country?: string;
  /** Lower-cased. */
  q?: string;
}

/** The only SQL of event participants and their representatives. */
export class ParticipantRepository {
  constructor(private readonly db: Kysely<DB>) {}

  find(workspaceId: string, eventId: string, id: string): Promise<ParticipantRow | undefined> {
    return this.db
      .selectFrom('b2b_participant')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('event_id', '=', eventId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  findByEmail(eventId: string, email: string): Promise<ParticipantRow | undefined> {
    return this.db
      .selectFrom('b2b_participant')
      .selectAll()
      .where('event_id', '=', eventId)
      .where('contact_email', '=', email)
      .executeTakeFirst();
  }

  findByConfirmationHash(hash: string): Promise<ParticipantRow | undefined> {
    return this.db
      .selectFrom('b2b_participant')
      .selectAll()
      .where('confirmation_token_hash', '=', hash)
      .executeTakeFirst();
  }

  private filtered(workspaceId: string, eventId: string, filters: ParticipantFilters) {
    let q = this.db
      .selectFrom('b2b_participant')
      .where('workspace_id', '=', workspaceId)
      .where('event_id', '=', eventId);
    if (filters.status) q = q.where('status', '=', filters.status);
    if (filters.source) q = q.where('source', '=', filters.source as ParticipantRow['source']);
    if (filters.country) q = q.where('country', '=', filters.country);
    if (filters.q) {
      const pattern = `%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q = q.where(
        sql<boolean>`(lower(name) like ${pattern} escape '\\' or contact_email like ${pattern} escape '\\')`,
      );
    }
    return q;
  }

  list(
    workspaceId: string,
    eventId: string,
    filters: ParticipantFilters & { limit: number; offset: number },
  ): Promise<ParticipantRow[]> {
    return this.filtered(workspaceId, eventId, filters)
      .selectAll()
      .orderBy('name')
      .orderBy('id')
      .limit(filters.limit)
      .offset(filters.offset)
      .execute();
  }

  async count(workspaceId: string, eventId: string, filters: ParticipantFilters): Promise<number> {
    const row = await this.filtered(workspaceId, eventId, filters)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async countByStatus(
    workspaceId: string,
    eventId: string,
    filters: ParticipantFilters,
  ): Promise<Record<string, number>> {
    const rows = await this.filtered(workspaceId, eventId, { ...filters, status: undefined })
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('status')
      .execute();
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  }

  async create(workspaceId: string, eventId: string, values: ParticipantValues): Promise<ParticipantRow> {
    const now = nowIso();
    return this.db
      .insertInto('b2b_participant')
      .values({
        id: newId(),
        workspace_id: workspaceId,
        event_id: eventId,
        checkin_code: randomBytes(12).toString('base64url'),
        ...values,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** Applies the change only if the version is still `version` (when given); undefined otherwise. */
  update(
    id: string,
    version: number | null,
    values: Updateable<B2bParticipantTable>,
  ): Promise<ParticipantRow | undefined> {
    let q = this.db
      .updateTable('b2b_participant')
      .set((eb) => ({ ...values, version: eb('version', '+', 1), updated_at: nowIso() }))
      .where('id', '=', id);
    if (version !== null) q = q.where('version', '=', version);
    return q.returningAll().executeTakeFirst();
  }

  representatives(participantIds: readonly string[]): Promise<RepresentativeRow[]> {
    if (participantIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('b2b_representative')
      .selectAll()
      .where('participant_id', 'in', [...participantIds])
      .orderBy('participant_id')
      .orderBy('position')
      .execute();
  }

  /** Replaces the representatives, keeping the links (people) of those whose e-mail stays. */
  async replaceRepresentatives(
    participantId: string,
    reps: readonly { name: string; email: string | null; role: string | null; personId?: string | null }[],
  ): Promise<void> {
    const old = await this.representatives([participantId]);
    const byEmail = new Map(old.filter((r) => r.email).map((r) => [r.email as string, r]));
    await this.db.deleteFrom('b2b_representative').where('participant_id', '=', participantId).execute();
    if (reps.length === 0) return;
    const now = nowIso();
    await this.db
      .insertInto('b2b_representative')
      .values(
        reps.map((r, i) => {
          const kept = r.email ? byEmail.get(r.email) : undefined;
          return {
            id: newId(),
            participant_id: participantId,
            name: r.name,
            email: r.email,
            role_title: r.role,
            person_id: r.personId ?? kept?.person_id ?? null,
            network_person_id: kept?.network_person_id ?? null,
            position: i + 1,
            created_at: now,
          };
        }),
      )
      .execute();
  }

  setRepresentativeNetworkPerson(representativeId: string, networkPersonId: string) {
    return this.db
      .updateTable('b2b_representative')
      .set({ network_person_id: networkPersonId })
      .where('id', '=', representativeId)
      .execute();
  }

  /** Event ids' activities (KPI evidence when requests are written by the import). */
  async eventTitle(eventId: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('b2b_event as e')
      .innerJoin('activity as a', 'a.id', 'e.activity_id')
      .where('e.id', '=', eventId)
      .select('a.title')
      .executeTakeFirst();
    return row?.title;
  }

  /** The event of a public slug (not draft), with what the public page shows. */
  findPublicEvent(slug: string) {
    return this.db
      .selectFrom('b2b_event as e')
      .innerJoin('activity as a', 'a.id', 'e.activity_id')
      .innerJoin('workspace as w', 'w.id', 'e.workspace_id')
      .where('e.public_slug', '=', slug)
      .where('e.status', '<>', 'draft')
      .where('w.status', '=', 'active')
      .select(['e.id', 'e.workspace_id', 'e.description', 'e.venue', 'w.name as workspace_name'])
      .executeTakeFirst();
  }

  /** What an event's pages show beside its reference: description, venue, organiser's name. */
  eventExtras(eventId: string) {
    return this.db
      .selectFrom('b2b_event as e')
      .innerJoin('workspace as w', 'w.id', 'e.workspace_id')
      .where('e.id', '=', eventId)
      .select(['e.description', 'e.venue', 'w.name as workspace_name'])
      .executeTakeFirstOrThrow();
  }
}

/** Narrow reads of the registry for a member's registration (decision 0035). */
export class RegistryReader {
  constructor(private readonly db: Kysely<DB>) {}

  organisation(workspaceId: string, id: string) {
    return this.db
      .selectFrom('organisation')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  peopleWithEmail(workspaceId: string, organisationId: string, limit: number) {
    return this.db
      .selectFrom('person')
      .select(['id', 'name', 'email', 'role_title'])
      .where('workspace_id', '=', workspaceId)
      .where('organisation_id', '=', organisationId)
      .where('email', 'is not', null)
      .orderBy('name')
      .limit(limit)
      .execute();
  }
}
