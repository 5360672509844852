import type { Insertable, Kysely, Selectable } from 'kysely';
import { newId, nowIso } from '../../db/ids.ts';
import type { DB, NetworkOrganisationTable, NetworkPersonTable } from '../../db/schema.ts';

/** Rows per insert: 500 × 16 columns stays far under SQLite's and PostgreSQL's bind limits. */
const INSERT_BATCH = 500;

export type NetworkPersonRow = Selectable<NetworkPersonTable>;
export type NetworkOrganisationRow = Selectable<NetworkOrganisationTable>;

/** A network organisation as the imports match it. */
export interface NetworkOrganisationKey {
  id: string;
  name: string;
  normalisedName: string;
  country: string;
  websiteDomain: string | null;
  ownerClusterId: string | null;
}

export type NetworkOrganisationValues = Omit<
  Insertable<NetworkOrganisationTable>,
  'id' | 'workspace_id' | 'version' | 'created_at' | 'updated_at'
>;
export type NetworkPersonValues = Omit<
  Insertable<NetworkPersonTable>,
  'id' | 'workspace_id' | 'version' | 'created_at' | 'updated_at'
>;

/** Filters of the people's vCard export (the people list's). */
export interface NetworkPeopleFilters {
  /** Lower-cased text in the name or the e-mail. */
  q?: string;
  organisationId?: string;
  country?: string;
  ownerClusterId?: string;
  consentBasis?: string;
  language?: string;
}

/** The only SQL of network imports, vCards and GDPR requests. */
export class NetworkDataRepository {
  constructor(private readonly db: Kysely<DB>) {}

  findPerson(workspaceId: string, id: string): Promise<NetworkPersonRow | undefined> {
    return this.db
      .selectFrom('network_person')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  findOrganisation(workspaceId: string, id: string): Promise<NetworkOrganisationRow | undefined> {
    return this.db
      .selectFrom('network_organisation')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** People (not erased) with their organisation's name, by name then id, at most `limit`. */
  peopleForVCards(workspaceId: string, filters: NetworkPeopleFilters, limit: number) {
    let query = this.db
      .selectFrom('network_person as p')
      .leftJoin('network_organisation as o', 'o.id', 'p.organisation_id')
      .selectAll('p')
      .select(['o.name as organisation_name'])
      .where('p.workspace_id', '=', workspaceId)
      .where('p.erased_at', 'is', null);
    if (filters.q) {
      const like = `%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query = query.where((eb) =>
        eb.or([
          eb(eb.fn('lower', ['p.name']), 'like', like),
          eb(eb.fn.coalesce('p.email', eb.val('')), 'like', like),
        ]),
      );
    }
    if (filters.organisationId) query = query.where('p.organisation_id', '=', filters.organisationId);
    if (filters.country) query = query.where('o.country', '=', filters.country);
    if (filters.ownerClusterId) query = query.where('o.owner_cluster_id', '=', filters.ownerClusterId);
    if (filters.consentBasis) query = query.where('p.consent_basis', '=', filters.consentBasis);
    if (filters.language) query = query.where('p.language', '=', filters.language);
    return query.orderBy('p.name').orderBy('p.id').limit(limit).execute();
  }

  async clusterKeys(workspaceId: string) {
    const rows = await this.db
      .selectFrom('cluster')
      .select(['id', 'name', 'short_name'])
      .where('workspace_id', '=', workspaceId)
      .execute();
    return rows.map((row) => ({ id: row.id, name: row.name, shortName: row.short_name }));
  }

  async organisationKeys(workspaceId: string): Promise<NetworkOrganisationKey[]> {
    const rows = await this.db
      .selectFrom('network_organisation')
      .select(['id', 'name', 'normalised_name', 'country', 'website_domain', 'owner_cluster_id'])
      .where('workspace_id', '=', workspaceId)
      .execute();
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      normalisedName: row.normalised_name,
      country: row.country,
      websiteDomain: row.website_domain,
      ownerClusterId: row.owner_cluster_id,
    }));
  }

  /** People with an e-mail, with their organisation's owner cluster (the access scope of an update). */
  personEmails(workspaceId: string) {
    return this.db
      .selectFrom('network_person as p')
      .leftJoin('network_organisation as o', 'o.id', 'p.organisation_id')
      .select(['p.id', 'p.name', 'p.email', 'p.version', 'o.owner_cluster_id'])
      .where('p.workspace_id', '=', workspaceId)
      .where('p.email', 'is not', null)
      .execute();
  }

  /** Inserts organisations (ids given by the caller, so people of the same request can point at them). */
  async insertOrganisations(
    workspaceId: string,
    rows: ReadonlyArray<NetworkOrganisationValues & { id: string }>,
  ): Promise<void> {
    const now = nowIso();
    const values = rows.map((row) => ({
      ...row,
      workspace_id: workspaceId,
      created_at: now,
      updated_at: now,
    }));
    for (let start = 0; start < values.length; start += INSERT_BATCH) {
      await this.db
        .insertInto('network_organisation')
        .values(values.slice(start, start + INSERT_BATCH))
        .execute();
    }
  }

  async insertPeople(workspaceId: string, rows: ReadonlyArray<NetworkPersonValues>): Promise<string[]> {
    const now = nowIso();
    const values = rows.map((row) => ({
      ...row,
      id: newId(),
      workspace_id: workspaceId,
      created_at: now,
      updated_at: now,
    }));
    for (let start = 0; start < values.length; start += INSERT_BATCH) {
      await this.db
        .insertInto('network_person')
        .values(values.slice(start, start + INSERT_BATCH))
        .execute();
    }
    return values.map((value) => value.id);
  }

  /** Updates a person at the version read; false when it changed meanwhile. */
  async updatePerson(
    workspaceId: string,
    id: string,
    version: number,
    values: Partial<NetworkPersonValues>,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('network_person')
      .set((eb) => ({ ...values, version: eb('version', '+', 1), updated_at: nowIso() }))
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Interactions the person took part in, oldest first, with the organisation and activity names. */
  interactionsOf(workspaceId: string, personId: string) {
    return this.db
      .selectFrom('interaction as i')
      .innerJoin('network_organisation as o', 'o.id', 'i.network_organisation_id')
      .leftJoin('activity as a', 'a.id', 'i.activity_id')
      .select([
        'i.id',
        'i.kind',
        'i.occurred_on',
        'i.notes',
        'i.next_step',
        'i.next_step_due_on',
        'i.created_at',
        'o.name as organisation_name',
        'a.title as activity_title',
      ])
      .where('i.workspace_id', '=', workspaceId)
      .where('i.network_person_id', '=', personId)
      .orderBy('i.occurred_on')
      .orderBy('i.id')
      .execute();
  }

  /** The audit log's entries about the person, oldest first, with who made them. */
  auditOf(workspaceId: string, personId: string) {
    return this.db
      .selectFrom('audit_event as e')
      .leftJoin('app_user as u', 'u.id', 'e.actor_user_id')
      .select(['e.id', 'e.created_at', 'e.action', 'e.entity_type', 'e.changes', 'u.name as actor_name'])
      .where('e.workspace_id', '=', workspaceId)
      .where('e.entity_type', '=', 'network_person')
      .where('e.entity_id', '=', personId)
      .orderBy('e.id')
      .execute();
  }

  /** Rewrites the recorded changes of one audit entry (erasure takes the person's values out). */
  async setAuditChanges(id: string, changes: string): Promise<void> {
    await this.db.updateTable('audit_event').set({ changes }).where('id', '=', id).execute();
  }
}
