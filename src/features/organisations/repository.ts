import { type Kysely, type RawBuilder, type Selectable, sql } from 'kysely';
import { newId, nowIso } from '../../db/ids.ts';
import { type KeysetAfter, type KeysetOrder, keysetPage } from '../../db/keyset.ts';
import type { DB, OrganisationTable } from '../../db/schema.ts';
import { markEvidence } from '../../db/write-transaction.ts';

export type OrganisationRow = Selectable<OrganisationTable>;
export type OrganisationValues = Omit<
  OrganisationTable,
  'id' | 'workspace_id' | 'version' | 'created_at' | 'updated_at'
>;

export interface OrganisationFilters {
  /** Already normalised (see `normaliseOrganisationName`). */
  q?: string;
  clusterId?: string;
  country?: string;
  segment?: string;
  type?: OrganisationTable['type'];
}

export const ORGANISATION_SORT_KEYS = [
  'createdAt',
  'updatedAt',
  'name',
  'type',
  'country',
  'cluster',
] as const;
export type OrganisationSortKey = (typeof ORGANISATION_SORT_KEYS)[number];

export interface OrganisationListOptions extends OrganisationFilters {
  limit: number;
  sort: { key: OrganisationSortKey; desc: boolean };
  /** The last organisation of the previous page (its sort value and id). */
  after?: KeysetAfter;
}

/** The SQL of each sort key (never null); the cluster sorts by its short name. */
const SORT_KEYS: Record<OrganisationSortKey, RawBuilder<unknown>> = {
  createdAt: sql`organisation.id`,
  updatedAt: sql`organisation.updated_at`,
  name: sql`organisation.normalised_name`,
  type: sql`organisation.type`,
  country: sql`organisation.country`,
  cluster: sql`(select cluster.short_name from cluster where cluster.id = organisation.cluster_id)`,
};

/** `%…%` for LIKE with `\` escaping the wildcards in the searched text. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The only SQL for member organisations. Every query is bound to one workspace. */
export class OrganisationRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /**
   * One page in the requested order (ties by id; creation order is id order, ids being UUIDv7).
   * Two steps in one statement: the page's ids from the filter indexes (which hold the searched
   * name), then those rows; see migration 0005.
   */
  list(workspaceId: string, options: OrganisationListOptions) {
    const order: KeysetOrder = {
      key: SORT_KEYS[options.sort.key],
      id: sql.ref('organisation.id'),
      desc: options.sort.desc,
    };
    const page = keysetPage(this.filtered(workspaceId, options).select('id'), order, options.after);
    return keysetPage(
      this.db
        .selectFrom('organisation')
        .selectAll()
        .select(order.key.as('sort_value'))
        .where('workspace_id', '=', workspaceId)
        .where('id', 'in', page.limit(options.limit)),
      order,
      undefined,
    ).execute();
  }

  /** How many organisations match the filters. */
  async count(workspaceId: string, filters: OrganisationFilters): Promise<number> {
    const row = await this.filtered(workspaceId, filters)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  private filtered(workspaceId: string, filters: OrganisationFilters) {
    let query = this.db.selectFrom('organisation').where('workspace_id', '=', workspaceId);
    if (filters.clusterId) query = query.where('cluster_id', '=', filters.clusterId);
    if (filters.country) query = query.where('country', '=', filters.country);
    if (filters.type) query = query.where('type', '=', filters.type);
    if (filters.q) {
      // Explicit ESCAPE: the same meaning on SQLite (no default escape) and PostgreSQL.
      query = query.where(sql<boolean>`normalised_name like ${containsPattern(filters.q)} escape '\\'`);
    }
    if (filters.segment) {
      // Membership in the JSON list, portable: the list holds the value as a quoted JSON string.
      query = query.where(
        sql<boolean>`space_segments like ${containsPattern(JSON.stringify(filters.segment))} escape '\\'`,
      );
    }
    return query;
  }

  find(workspaceId: string, id: string): Promise<OrganisationRow | undefined> {
    return this.db
      .selectFrom('organisation')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** Organisations that could duplicate one with this registration id or this name in this country. */
  findPossibleDuplicates(
    workspaceId: string,
    candidate: { normalisedName: string; country: string; registrationId: string | null },
  ): Promise<OrganisationRow[]> {
    return this.db
      .selectFrom('organisation')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where((eb) =>
        eb.or([
          eb.and([
            eb('normalised_name', '=', candidate.normalisedName),
            eb('country', '=', candidate.country),
          ]),
          ...(candidate.registrationId ? [eb('registration_id', '=', candidate.registrationId)] : []),
        ]),
      )
      .execute();
  }

  async countPeople(workspaceId: string, organisationId: string): Promise<number> {
    const row = await this.db
      .selectFrom('person')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspace_id', '=', workspaceId)
      .where('organisation_id', '=', organisationId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  create(workspaceId: string, values: OrganisationValues): Promise<OrganisationRow> {
    const now = nowIso();
    return this.db
      .insertInto('organisation')
      .values({ id: newId(), workspace_id: workspaceId, ...values, created_at: now, updated_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** Applies the change only if the stored version is still `version`; undefined otherwise. */
  update(workspaceId: string, id: string, version: number, values: Partial<OrganisationValues>) {
    return this.db
      .updateTable('organisation')
      .set((eb) => ({ ...values, version: eb('version', '+', 1), updated_at: nowIso() }))
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
  }

  /** Its relationships in the pipeline follow it to its new cluster (their access scope, decision 0026). */
  async moveRelationshipScope(workspaceId: string, id: string, clusterId: string): Promise<void> {
    await this.db
      .updateTable('relationship')
      .set({ cluster_id: clusterId })
      .where('workspace_id', '=', workspaceId)
      .where('our_organisation_id', '=', id)
      .execute();
  }

  /** @returns whether the organisation at that version was deleted (its people stay, without it). */
  async delete(workspaceId: string, id: string, version: number): Promise<boolean> {
    // Its participations go with it, and its people's stand for no organisation any more: the
    // KPIs of those activities (participants present, members participating) change.
    markEvidence(this.db, []);
    const participations = await this.db
      .selectFrom('activity_participant as p')
      .leftJoin('person as pe', 'pe.id', 'p.person_id')
      .select('p.activity_id')
      .distinct()
      .where((eb) => eb.or([eb('p.organisation_id', '=', id), eb('pe.organisation_id', '=', id)]))
      .execute();
    markEvidence(
      this.db,
      participations.map((row) => row.activity_id),
    );
    // Its relationships in the pipeline go with it, and their stage changes (issue 21's KPIs).
    const stageChanges = await this.db
      .selectFrom('relationship_stage_change as c')
      .innerJoin('relationship as r', 'r.id', 'c.relationship_id')
      .select('c.activity_id')
      .distinct()
      .where((eb) =>
        eb.or([eb('r.our_organisation_id', '=', id), eb('r.counterpart_organisation_id', '=', id)]),
      )
      .execute();
    markEvidence(
      this.db,
      stageChanges.map((row) => row.activity_id),
    );
    const result = await this.db
      .deleteFrom('organisation')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
