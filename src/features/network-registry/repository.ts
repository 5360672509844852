import { type Kysely, type RawBuilder, type Selectable, sql } from 'kysely';
import { newId, nowIso } from '../../db/ids.ts';
import { type KeysetAfter, type KeysetOrder, keysetPage } from '../../db/keyset.ts';
import type { DB, NetworkOrganisationTable, NetworkPersonTable } from '../../db/schema.ts';
import { markEvidence } from '../../db/write-transaction.ts';
import { type RelationshipStage, stageRank } from '../../domain/network/types.ts';

export type NetworkOrganisationRow = Selectable<NetworkOrganisationTable>;
export type NetworkOrganisationValues = Omit<
  NetworkOrganisationTable,
  'id' | 'workspace_id' | 'version' | 'created_at' | 'updated_at'
>;
export type NetworkPersonRow = Selectable<NetworkPersonTable>;
export type NetworkPersonValues = Omit<
  NetworkPersonTable,
  'id' | 'workspace_id' | 'version' | 'created_at' | 'updated_at'
>;
/** A person with their organisation's name and owner cluster (their access scope). */
export type NetworkPersonWithOrganisation = NetworkPersonRow & {
  organisation_name: string | null;
  owner_cluster_id: string | null;
};

export const NETWORK_ORGANISATION_SORT_KEYS = ['name', 'country', 'type', 'updatedAt', 'createdAt'] as const;
export type NetworkOrganisationSortKey = (typeof NETWORK_ORGANISATION_SORT_KEYS)[number];
export const NETWORK_PERSON_SORT_KEYS = ['name', 'organisation', 'updatedAt', 'createdAt'] as const;
export type NetworkPersonSortKey = (typeof NETWORK_PERSON_SORT_KEYS)[number];

export interface NetworkOrganisationFilters {
  /** Already normalised (`normaliseOrganisationName`). */
  q?: string;
  country?: string;
  type?: string;
  segment?: string;
  tag?: string;
  ownerClusterId?: string;
}
export interface NetworkPersonFilters {
  /** Lower-cased. */
  q?: string;
  organisationId?: string;
  country?: string;
  language?: string;
}

const ORGANISATION_SORT: Record<NetworkOrganisationSortKey, RawBuilder<unknown>> = {
  name: sql`network_organisation.normalised_name`,
  country: sql`network_organisation.country`,
  type: sql`network_organisation.type`,
  updatedAt: sql`network_organisation.updated_at`,
  createdAt: sql`network_organisation.id`,
};
const PERSON_SORT: Record<NetworkPersonSortKey, RawBuilder<unknown>> = {
  name: sql`lower(network_person.name)`,
  organisation: sql`coalesce((select lower(o.name) from network_organisation o where o.id = network_person.organisation_id), '')`,
  updatedAt: sql`network_person.updated_at`,
  createdAt: sql`network_person.id`,
};

/** The earlier of two YYYY-MM-DD days. */
function earlierDay(a: string, b: string): string {
  return a <= b ? a : b;
}

/** `%…%` for LIKE with `\` escaping the wildcards in the searched text. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const peopleCount = sql<number>`(select count(*) from network_person p where p.organisation_id = network_organisation.id)`;

/** The only SQL for network organisations. Every query is bound to one workspace. */
export class NetworkOrganisationRepository {
  constructor(private readonly db: Kysely<DB>) {}

  list(
    workspaceId: string,
    options: NetworkOrganisationFilters & {
      limit: number;
      sort: { key: NetworkOrganisationSortKey; desc: boolean };
      after?: KeysetAfter;
    },
  ) {
    const order: KeysetOrder = {
      key: ORGANISATION_SORT[options.sort.key],
      id: sql.ref('network_organisation.id'),
      desc: options.sort.desc,
    };
    return keysetPage(
      this.filtered(workspaceId, options)
        .selectAll('network_organisation')
        .select(order.key.as('sort_value'))
        .select(peopleCount.as('people_count')),
      order,
      options.after,
    )
      .limit(options.limit)
      .execute();
  }

  async count(workspaceId: string, filters: NetworkOrganisationFilters): Promise<number> {
    const row = await this.filtered(workspaceId, filters)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  private filtered(workspaceId: string, filters: NetworkOrganisationFilters) {
    let query = this.db.selectFrom('network_organisation').where('workspace_id', '=', workspaceId);
    if (filters.country) query = query.where('country', '=', filters.country);
    if (filters.type) query = query.where('type', '=', filters.type);
    if (filters.ownerClusterId) query = query.where('owner_cluster_id', '=', filters.ownerClusterId);
    if (filters.q) {
      query = query.where(sql<boolean>`normalised_name like ${containsPattern(filters.q)} escape '\\'`);
    }
    if (filters.segment) {
      query = query.where(
        sql<boolean>`space_segments like ${containsPattern(JSON.stringify(filters.segment))} escape '\\'`,
      );
    }
    if (filters.tag) {
      query = query.where(
        sql<boolean>`lower(tags) like ${containsPattern(JSON.stringify(filters.tag.toLowerCase()))} escape '\\'`,
      );
    }
    return query;
  }

  async find(workspaceId: string, id: string) {
    const row = await this.db
      .selectFrom('network_organisation')
      .selectAll()
      .select(peopleCount.as('people_count'))
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row;
  }

  /** Organisations with this normalised name in this country, or with this website domain. */
  findPossibleDuplicates(
    workspaceId: string,
    candidate: { normalisedName: string | null; country: string | null; websiteDomain: string | null },
  ): Promise<NetworkOrganisationRow[]> {
    const { normalisedName, country, websiteDomain } = candidate;
    if (!(normalisedName && country) && !websiteDomain) return Promise.resolve([]);
    return this.db
      .selectFrom('network_organisation')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where((eb) =>
        eb.or([
          ...(normalisedName && country
            ? [eb.and([eb('normalised_name', '=', normalisedName), eb('country', '=', country)])]
            : []),
          ...(websiteDomain ? [eb('website_domain', '=', websiteDomain)] : []),
        ]),
      )
      .orderBy('name')
      .limit(20)
      .execute();
  }

  create(workspaceId: string, values: NetworkOrganisationValues): Promise<NetworkOrganisationRow> {
    const now = nowIso();
    return this.db
      .insertInto('network_organisation')
      .values({ id: newId(), workspace_id: workspaceId, ...values, created_at: now, updated_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** Applies the change only if the stored version is still `version`; undefined otherwise. */
  update(workspaceId: string, id: string, version: number, values: Partial<NetworkOrganisationValues>) {
    return this.db
      .updateTable('network_organisation')
      .set((eb) => ({ ...values, version: eb('version', '+', 1), updated_at: nowIso() }))
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
  }

  /** What holds an organisation (its records elsewhere in the network), by kind. */
  async holders(id: string): Promise<{ interactions: number; relationships: number; projects: number }> {
    const count = async (query: Promise<{ n: unknown } | undefined>) => Number((await query)?.n ?? 0);
    const [interactions, relationships, projects] = await Promise.all([
      count(
        this.db
          .selectFrom('interaction')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('network_organisation_id', '=', id)
          .executeTakeFirst(),
      ),
      count(
        this.db
          .selectFrom('relationship')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('network_organisation_id', '=', id)
          .executeTakeFirst(),
      ),
      count(
        this.db
          .selectFrom('project_partner')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('network_organisation_id', '=', id)
          .executeTakeFirst(),
      ),
    ]);
    return { interactions, relationships, projects };
  }

  /** @returns whether the organisation at that version was deleted (its people stay, without it). */
  async delete(workspaceId: string, id: string, version: number): Promise<boolean> {
    const result = await this.db
      .deleteFrom('network_organisation')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /**
   * Moves everything that points at `fromId` to `intoId` (both of `workspaceId`): people,
   * interactions, relationships and project partners. Two relationships of the same one of ours
   * would collide: the one at the later pipeline stage stays (a tie: the kept organisation's),
   * the other's stage changes move into it and it goes. A project with both as partners keeps
   * the kept organisation's row. Marks the activities whose evidence changes.
   * @returns what was moved, by kind.
   */
  async moveReferences(workspaceId: string, fromId: string, intoId: string) {
    markEvidence(this.db, []);
    const touchedActivities = await this.db
      .selectFrom('interaction')
      .select('activity_id')
      .distinct()
      .where('network_organisation_id', 'in', [fromId, intoId])
      .execute();
    const changeActivities = await this.db
      .selectFrom('relationship_stage_change as c')
      .innerJoin('relationship as r', 'r.id', 'c.relationship_id')
      .select('c.activity_id')
      .distinct()
      .where('r.network_organisation_id', 'in', [fromId, intoId])
      .execute();
    const projectActivities = await this.db
      .selectFrom('project_partner as pp')
      .innerJoin('project as p', 'p.id', 'pp.project_id')
      .select('p.activity_id')
      .distinct()
      .where('pp.network_organisation_id', '=', fromId)
      .execute();
    markEvidence(
      this.db,
      [...touchedActivities, ...changeActivities, ...projectActivities].map((row) => row.activity_id),
    );

    const now = nowIso();
    const people = await this.db
      .updateTable('network_person')
      .set({ organisation_id: intoId, updated_at: now })
      .where('workspace_id', '=', workspaceId)
      .where('organisation_id', '=', fromId)
      .executeTakeFirst();
    const interactions = await this.db
      .updateTable('interaction')
      .set({ network_organisation_id: intoId })
      .where('workspace_id', '=', workspaceId)
      .where('network_organisation_id', '=', fromId)
      .executeTakeFirst();

    const relationships = await this.db
      .selectFrom('relationship')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('network_organisation_id', 'in', [fromId, intoId])
      .execute();
    const ours = (r: (typeof relationships)[number]) => r.our_cluster_id ?? r.our_organisation_id ?? '';
    let relationshipsMoved = 0;
    let relationshipsMerged = 0;
    for (const moving of relationships.filter((r) => r.network_organisation_id === fromId)) {
      const staying = relationships.find(
        (r) => r.network_organisation_id === intoId && ours(r) === ours(moving),
      );
      if (!staying) {
        await this.db
          .updateTable('relationship')
          .set({ network_organisation_id: intoId })
          .where('id', '=', moving.id)
          .execute();
        relationshipsMoved++;
        continue;
      }
      const rank = (stage: string) => stageRank(stage as RelationshipStage) ?? -1;
      const [keep, drop] = rank(moving.stage) > rank(staying.stage) ? [moving, staying] : [staying, moving];
      await this.db
        .updateTable('relationship_stage_change')
        .set({ relationship_id: keep.id })
        .where('relationship_id', '=', drop.id)
        .execute();
      await this.db.deleteFrom('relationship').where('id', '=', drop.id).execute();
      if (keep.id === moving.id) {
        await this.db
          .updateTable('relationship')
          .set({
            network_organisation_id: intoId,
            started_on: earlierDay(keep.started_on, drop.started_on),
            updated_at: now,
          })
          .where('id', '=', keep.id)
          .execute();
      } else if (drop.started_on < keep.started_on) {
        await this.db
          .updateTable('relationship')
          .set({ started_on: drop.started_on, updated_at: now })
          .where('id', '=', keep.id)
          .execute();
      }
      relationshipsMerged++;
    }

    const partners = await this.db
      .selectFrom('project_partner as pp')
      .innerJoin('project as p', 'p.id', 'pp.project_id')
      .select(['pp.id', 'pp.project_id', 'pp.network_organisation_id'])
      .where('p.workspace_id', '=', workspaceId)
      .where('pp.network_organisation_id', 'in', [fromId, intoId])
      .execute();
    const keptProjects = new Set(
      partners.filter((p) => p.network_organisation_id === intoId).map((p) => p.project_id),
    );
    let projectPartners = 0;
    for (const partner of partners.filter((p) => p.network_organisation_id === fromId)) {
      if (keptProjects.has(partner.project_id)) {
        await this.db.deleteFrom('project_partner').where('id', '=', partner.id).execute();
      } else {
        await this.db
          .updateTable('project_partner')
          .set({ network_organisation_id: intoId })
          .where('id', '=', partner.id)
          .execute();
      }
      projectPartners++;
    }
    return {
      people: Number(people.numUpdatedRows),
      interactions: Number(interactions.numUpdatedRows),
      relationshipsMoved,
      relationshipsMerged,
      projectPartners,
    };
  }
}

/** The only SQL for network people. Every query is bound to one workspace. */
export class NetworkPersonRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private withOrganisation() {
    return this.db
      .selectFrom('network_person')
      .leftJoin('network_organisation as o', 'o.id', 'network_person.organisation_id')
      .selectAll('network_person')
      .select(['o.name as organisation_name', 'o.owner_cluster_id']);
  }

  list(
    workspaceId: string,
    options: NetworkPersonFilters & {
      limit: number;
      sort: { key: NetworkPersonSortKey; desc: boolean };
      after?: KeysetAfter;
    },
  ) {
    const order: KeysetOrder = {
      key: PERSON_SORT[options.sort.key],
      id: sql.ref('network_person.id'),
      desc: options.sort.desc,
    };
    return keysetPage(
      this.filter(this.withOrganisation(), workspaceId, options).select(order.key.as('sort_value')),
      order,
      options.after,
    )
      .limit(options.limit)
      .execute() as Promise<(NetworkPersonWithOrganisation & { sort_value: unknown })[]>;
  }

  async count(workspaceId: string, filters: NetworkPersonFilters): Promise<number> {
    const base = this.db
      .selectFrom('network_person')
      .leftJoin('network_organisation as o', 'o.id', 'network_person.organisation_id');
    const row = await this.filter(base, workspaceId, filters)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  // biome-ignore lint/suspicious/noExplicitAny: the people query with or without its selection
  private filter<Q extends import('kysely').SelectQueryBuilder<any, any, any>>(
    query: Q,
    workspaceId: string,
    filters: NetworkPersonFilters,
  ): Q {
    let q = query.where('network_person.workspace_id', '=', workspaceId) as Q;
    if (filters.organisationId)
      q = q.where('network_person.organisation_id', '=', filters.organisationId) as Q;
    if (filters.country) q = q.where('o.country', '=', filters.country) as Q;
    if (filters.language) q = q.where('network_person.language', '=', filters.language) as Q;
    if (filters.q) {
      const pattern = containsPattern(filters.q);
      q = q.where(
        sql<boolean>`(lower(network_person.name) like ${pattern} escape '\\' or network_person.email like ${pattern} escape '\\')`,
      ) as Q;
    }
    return q;
  }

  find(workspaceId: string, id: string): Promise<NetworkPersonWithOrganisation | undefined> {
    return this.withOrganisation()
      .where('network_person.workspace_id', '=', workspaceId)
      .where('network_person.id', '=', id)
      .executeTakeFirst();
  }

  findByEmail(workspaceId: string, email: string) {
    return this.withOrganisation()
      .where('network_person.workspace_id', '=', workspaceId)
      .where('network_person.email', '=', email)
      .executeTakeFirst();
  }

  create(workspaceId: string, values: NetworkPersonValues): Promise<NetworkPersonRow> {
    const now = nowIso();
    return this.db
      .insertInto('network_person')
      .values({ id: newId(), workspace_id: workspaceId, ...values, created_at: now, updated_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  update(workspaceId: string, id: string, version: number, values: Partial<NetworkPersonValues>) {
    return this.db
      .updateTable('network_person')
      .set((eb) => ({ ...values, version: eb('version', '+', 1), updated_at: nowIso() }))
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
  }

  async interactionCount(id: string): Promise<number> {
    const row = await this.db
      .selectFrom('interaction')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('network_person_id', '=', id)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async delete(workspaceId: string, id: string, version: number): Promise<boolean> {
    const result = await this.db
      .deleteFrom('network_person')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** Re-points the interactions with `fromId` to `intoId`; @returns how many. */
  async moveInteractions(workspaceId: string, fromId: string, intoId: string): Promise<number> {
    const result = await this.db
      .updateTable('interaction')
      .set({ network_person_id: intoId })
      .where('workspace_id', '=', workspaceId)
      .where('network_person_id', '=', fromId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }
}
