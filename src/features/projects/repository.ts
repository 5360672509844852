import { type Kysely, type RawBuilder, type Selectable, sql } from 'kysely';
import { newId, nowIso } from '../../db/ids.ts';
import { type KeysetAfter, type KeysetOrder, keysetPage } from '../../db/keyset.ts';
import type { DB, ProjectPartnerTable, ProjectTable } from '../../db/schema.ts';
import { markEvidence, markEvidenceOf } from '../../db/write-transaction.ts';
import type { ProjectStatus } from '../../domain/network/types.ts';

export type ProjectRow = Selectable<ProjectTable>;
export type ProjectValues = Omit<
  ProjectTable,
  'id' | 'workspace_id' | 'version' | 'created_at' | 'updated_at' | 'common_label' | 'international_funding'
> & {
  common_label: number;
  international_funding: number;
};
export type ProjectPartnerRow = Selectable<ProjectPartnerTable>;

/** A project as lists show it: its row with the names of its cluster, activity and instrument. */
export type ProjectListRow = ProjectRow & {
  cluster_name: string | null;
  activity_title: string | null;
  instrument_name: string | null;
  partner_count: number | string;
};

export interface ProjectFilters {
  /** Lower-cased. */
  q?: string;
  statuses?: readonly ProjectStatus[];
  fundingProgramme?: string;
  clusterId?: string;
  /** A cluster, member organisation or network organisation id. */
  partner?: string;
  activityId?: string;
  commonLabel?: boolean;
  internationalFunding?: boolean;
}

export const PROJECT_SORT_KEYS = ['createdAt', 'updatedAt', 'title', 'status', 'startsOn'] as const;
export type ProjectSortKey = (typeof PROJECT_SORT_KEYS)[number];

export interface ProjectListOptions extends ProjectFilters {
  limit: number;
  sort: { key: ProjectSortKey; desc: boolean };
  after?: KeysetAfter;
}

/** The SQL of each sort key (never null); status in its life order, rejected last. */
const SORT_KEYS: Record<ProjectSortKey, RawBuilder<unknown>> = {
  createdAt: sql`project.id`,
  updatedAt: sql`project.updated_at`,
  title: sql`lower(project.title)`,
  status: sql`(case project.status when 'idea' then 0 when 'proposal' then 1 when 'funded' then 2 when 'running' then 3 when 'completed' then 4 else 5 end)`,
  startsOn: sql`coalesce(project.starts_on, '')`,
};

function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The only SQL for collaborative projects and their partners. Every query is bound to one workspace. */
export class ProjectRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private withNames() {
    return this.db
      .selectFrom('project')
      .leftJoin('cluster', 'cluster.id', 'project.cluster_id')
      .leftJoin('activity', 'activity.id', 'project.activity_id')
      .leftJoin('instrument', 'instrument.id', 'project.instrument_id')
      .selectAll('project')
      .select([
        'cluster.short_name as cluster_name',
        'activity.title as activity_title',
        'instrument.name as instrument_name',
        (eb) =>
          eb
            .selectFrom('project_partner')
            .select((e) => e.fn.countAll<number | string>().as('n'))
            .whereRef('project_partner.project_id', '=', 'project.id')
            .as('partner_count'),
      ]);
  }

  async list(
    workspaceId: string,
    options: ProjectListOptions,
  ): Promise<(ProjectListRow & { sort_value: unknown })[]> {
    const order: KeysetOrder = {
      key: SORT_KEYS[options.sort.key],
      id: sql.ref('project.id'),
      desc: options.sort.desc,
    };
    const rows = await keysetPage(
      this.withNames()
        .select(order.key.as('sort_value'))
        .where('project.workspace_id', '=', workspaceId)
        .where('project.id', 'in', this.filtered(workspaceId, options).select('project.id')),
      order,
      options.after,
    )
      .limit(options.limit)
      .execute();
    return rows as (ProjectListRow & { sort_value: unknown })[];
  }

  async count(workspaceId: string, filters: ProjectFilters): Promise<number> {
    const row = await this.filtered(workspaceId, filters)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** How many projects match the filters, by status (the status filter itself left out). */
  async countByStatus(workspaceId: string, filters: ProjectFilters): Promise<Record<string, number>> {
    const { statuses: _ignored, ...rest } = filters;
    const rows = await this.filtered(workspaceId, rest)
      .select(['project.status', (eb) => eb.fn.countAll<number | string>().as('n')])
      .groupBy('project.status')
      .execute();
    return Object.fromEntries(rows.map((row) => [row.status, Number(row.n)]));
  }

  private filtered(workspaceId: string, filters: ProjectFilters) {
    let query = this.db.selectFrom('project').where('project.workspace_id', '=', workspaceId);
    if (filters.statuses && filters.statuses.length > 0)
      query = query.where('project.status', 'in', filters.statuses);
    if (filters.fundingProgramme)
      query = query.where('project.funding_programme', '=', filters.fundingProgramme);
    if (filters.clusterId) query = query.where('project.cluster_id', '=', filters.clusterId);
    if (filters.activityId) query = query.where('project.activity_id', '=', filters.activityId);
    if (filters.commonLabel !== undefined)
      query = query.where('project.common_label', '=', filters.commonLabel ? 1 : 0);
    if (filters.internationalFunding !== undefined) {
      query = query.where('project.international_funding', '=', filters.internationalFunding ? 1 : 0);
    }
    if (filters.q) {
      query = query.where(sql<boolean>`lower(project.title) like ${containsPattern(filters.q)} escape '\\'`);
    }
    const partner = filters.partner;
    if (partner) {
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom('project_partner as pp')
            .select('pp.id')
            .whereRef('pp.project_id', '=', 'project.id')
            .where((e) =>
              e.or([
                e('pp.cluster_id', '=', partner),
                e('pp.organisation_id', '=', partner),
                e('pp.network_organisation_id', '=', partner),
              ]),
            ),
        ),
      );
    }
    return query;
  }

  find(workspaceId: string, id: string): Promise<ProjectRow | undefined> {
    return this.db
      .selectFrom('project')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async findWithNames(workspaceId: string, id: string): Promise<ProjectListRow | undefined> {
    return (await this.withNames()
      .where('project.workspace_id', '=', workspaceId)
      .where('project.id', '=', id)
      .executeTakeFirst()) as ProjectListRow | undefined;
  }

  /** The partners of a project with the names of what they are, ours first. */
  partners(projectId: string) {
    return this.db
      .selectFrom('project_partner as pp')
      .leftJoin('cluster as c', 'c.id', 'pp.cluster_id')
      .leftJoin('organisation as o', 'o.id', 'pp.organisation_id')
      .leftJoin('network_organisation as n', 'n.id', 'pp.network_organisation_id')
      .select([
        'pp.id',
        'pp.cluster_id',
        'pp.organisation_id',
        'pp.network_organisation_id',
        'pp.role',
        'pp.created_at',
        sql<string>`coalesce(c.short_name || ' · ' || c.name, o.name, n.name, '')`.as('name'),
        sql<string | null>`coalesce(c.country, o.country, n.country)`.as('country'),
      ])
      .where('pp.project_id', '=', projectId)
      .orderBy(sql`case when pp.network_organisation_id is null then 0 else 1 end`)
      .orderBy('pp.id')
      .execute();
  }

  findPartner(projectId: string, partnerId: string): Promise<ProjectPartnerRow | undefined> {
    return this.db
      .selectFrom('project_partner')
      .selectAll()
      .where('project_id', '=', projectId)
      .where('id', '=', partnerId)
      .executeTakeFirst();
  }

  /** The partner row of this project for that cluster or organisation, if it is one already. */
  findPartnerByRef(projectId: string, refId: string): Promise<ProjectPartnerRow | undefined> {
    return this.db
      .selectFrom('project_partner')
      .selectAll()
      .where('project_id', '=', projectId)
      .where((eb) =>
        eb.or([
          eb('cluster_id', '=', refId),
          eb('organisation_id', '=', refId),
          eb('network_organisation_id', '=', refId),
        ]),
      )
      .executeTakeFirst();
  }

  async create(workspaceId: string, values: ProjectValues): Promise<ProjectRow> {
    markEvidence(this.db, [values.activity_id]);
    const now = nowIso();
    return this.db
      .insertInto('project')
      .values({ id: newId(), workspace_id: workspaceId, ...values, created_at: now, updated_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /**
   * Applies the change only if the stored version is still `version`; undefined otherwise. Marks
   * the activity the project was attributed to and the one it is now (status, flags, activity).
   */
  async update(workspaceId: string, id: string, version: number, values: Partial<ProjectValues>) {
    markEvidence(this.db, []);
    const before = await this.db
      .selectFrom('project')
      .select('activity_id')
      .where('id', '=', id)
      .executeTakeFirst();
    markEvidence(this.db, [before?.activity_id]);
    return markEvidenceOf(
      this.db,
      () =>
        this.db
          .updateTable('project')
          .set((eb) => ({ ...values, version: eb('version', '+', 1), updated_at: nowIso() }))
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', id)
          .where('version', '=', version)
          .returningAll()
          .executeTakeFirst(),
      (row) => [row?.activity_id],
    );
  }

  /** @returns whether the project at that version was deleted (its partners go with it). */
  async delete(workspaceId: string, id: string, version: number): Promise<boolean> {
    const row = await markEvidenceOf(
      this.db,
      () =>
        this.db
          .deleteFrom('project')
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', id)
          .where('version', '=', version)
          .returning('activity_id')
          .executeTakeFirst(),
      (deleted) => [deleted?.activity_id],
    );
    return row !== undefined;
  }

  /** A change of partners is an edit of the project: a reader holding the old version must reload. */
  async touch(id: string): Promise<void> {
    await this.db
      .updateTable('project')
      .set((eb) => ({ version: eb('version', '+', 1), updated_at: nowIso() }))
      .where('id', '=', id)
      .execute();
  }

  /** Adds a partner; the project's activity is marked (its partners count in a KPI). */
  async addPartner(
    project: Pick<ProjectRow, 'id' | 'activity_id'>,
    partner: Pick<ProjectPartnerTable, 'cluster_id' | 'organisation_id' | 'network_organisation_id' | 'role'>,
  ): Promise<ProjectPartnerRow> {
    markEvidence(this.db, [project.activity_id]);
    return this.db
      .insertInto('project_partner')
      .values({ id: newId(), project_id: project.id, ...partner, created_at: nowIso() })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async removePartner(project: Pick<ProjectRow, 'id' | 'activity_id'>, partnerId: string): Promise<boolean> {
    markEvidence(this.db, [project.activity_id]);
    const result = await this.db
      .deleteFrom('project_partner')
      .where('project_id', '=', project.id)
      .where('id', '=', partnerId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** The name of a cluster, member organisation or network organisation of the workspace, if it is one. */
  async partnerName(
    workspaceId: string,
    kind: 'cluster' | 'organisation' | 'network_organisation',
    refId: string,
  ): Promise<string | undefined> {
    if (kind === 'cluster') {
      const row = await this.db
        .selectFrom('cluster')
        .select(sql<string>`short_name || ' · ' || name`.as('name'))
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', refId)
        .executeTakeFirst();
      return row?.name;
    }
    const row = await this.db
      .selectFrom(kind)
      .select('name')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', refId)
      .executeTakeFirst();
    return row?.name;
  }

  findActivity(workspaceId: string, activityId: string) {
    return this.db
      .selectFrom('activity')
      .select(['id', 'instrument_id', 'cluster_id'])
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', activityId)
      .executeTakeFirst();
  }

  /** A catalogue instrument, or one of this workspace's own. */
  findInstrument(workspaceId: string, instrumentId: string) {
    return this.db
      .selectFrom('instrument')
      .select(['id'])
      .where('id', '=', instrumentId)
      .where((eb) => eb.or([eb('workspace_id', 'is', null), eb('workspace_id', '=', workspaceId)]))
      .executeTakeFirst();
  }
}
