import { type Kysely, type RawBuilder, type Selectable, sql } from 'kysely';
import { newId, nowIso } from '../../db/ids.ts';
import { type KeysetAfter, type KeysetOrder, keysetPage } from '../../db/keyset.ts';
import type { DB, InteractionTable } from '../../db/schema.ts';
import { markEvidence } from '../../db/write-transaction.ts';

export type InteractionRow = Selectable<InteractionTable>;
export type InteractionValues = Omit<
  InteractionTable,
  'id' | 'workspace_id' | 'version' | 'created_at' | 'updated_at'
>;

export interface InteractionFilters {
  networkOrganisationId?: string;
  networkPersonId?: string;
  activityId?: string;
  clusterId?: string;
  kind?: string;
  /** First day, YYYY-MM-DD. */
  from?: string;
  /** Last day, YYYY-MM-DD. */
  to?: string;
  /** Only interactions whose next step is still open. */
  openNextStep?: boolean;
  /** Only interactions whose next step this user owns. */
  nextStepOwnerUserId?: string;
}

export const INTERACTION_SORT_KEYS = ['occurredOn', 'nextStepDueOn', 'createdAt'] as const;
export type InteractionSortKey = (typeof INTERACTION_SORT_KEYS)[number];

export interface InteractionListOptions extends InteractionFilters {
  limit: number;
  sort: { key: InteractionSortKey; desc: boolean };
  after?: KeysetAfter;
}

/** The SQL of each sort key (never null: an interaction without a next step sorts after every due date). */
const SORT_KEYS: Record<InteractionSortKey, RawBuilder<unknown>> = {
  occurredOn: sql`interaction.occurred_on`,
  nextStepDueOn: sql`coalesce(interaction.next_step_due_on, '9999-12-31')`,
  createdAt: sql`interaction.id`,
};

/**
 * The only SQL for interactions. Every query is bound to one workspace. Interactions are KPI
 * evidence (decision 0026): meetings and contacts met count at their activity, and an
 * organisation's FIRST interaction makes it a new contact of that interaction's activity, so every
 * write marks the activities of every interaction with the organisations it touches (before and
 * after the change).
 */
export class InteractionRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** One page, newest first by default (ties by id), with the names a timeline shows. */
  list(workspaceId: string, options: InteractionListOptions) {
    const order: KeysetOrder = {
      key: SORT_KEYS[options.sort.key],
      id: sql.ref('interaction.id'),
      desc: options.sort.desc,
    };
    return keysetPage(
      this.named(this.filtered(workspaceId, options)).select(order.key.as('sort_value')),
      order,
      options.after,
    )
      .limit(options.limit)
      .execute();
  }

  async count(workspaceId: string, filters: InteractionFilters): Promise<number> {
    const row = await this.filtered(workspaceId, filters)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  private filtered(workspaceId: string, filters: InteractionFilters) {
    let query = this.db.selectFrom('interaction').where('interaction.workspace_id', '=', workspaceId);
    if (filters.networkOrganisationId) {
      query = query.where('interaction.network_organisation_id', '=', filters.networkOrganisationId);
    }
    if (filters.networkPersonId)
      query = query.where('interaction.network_person_id', '=', filters.networkPersonId);
    if (filters.activityId) query = query.where('interaction.activity_id', '=', filters.activityId);
    if (filters.clusterId) query = query.where('interaction.cluster_id', '=', filters.clusterId);
    if (filters.kind) query = query.where('interaction.kind', '=', filters.kind);
    if (filters.from) query = query.where('interaction.occurred_on', '>=', filters.from);
    if (filters.to) query = query.where('interaction.occurred_on', '<=', filters.to);
    if (filters.openNextStep) {
      query = query
        .where('interaction.next_step', 'is not', null)
        .where('interaction.next_step_done_at', 'is', null);
    }
    if (filters.nextStepOwnerUserId) {
      query = query.where('interaction.next_step_owner_user_id', '=', filters.nextStepOwnerUserId);
    }
    return query;
  }

  /** The interaction's own columns and the names of everything it points at. */
  private named<Q extends ReturnType<InteractionRepository['filtered']>>(query: Q) {
    return query
      .leftJoin('activity', 'activity.id', 'interaction.activity_id')
      .leftJoin('cluster', 'cluster.id', 'interaction.cluster_id')
      .leftJoin('app_user as staff', 'staff.id', 'interaction.staff_user_id')
      .leftJoin('app_user as owner', 'owner.id', 'interaction.next_step_owner_user_id')
      .leftJoin(
        'organisation as member_organisation',
        'member_organisation.id',
        'interaction.member_organisation_id',
      )
      .leftJoin('person as member_person', 'member_person.id', 'interaction.member_person_id')
      .innerJoin('network_organisation', 'network_organisation.id', 'interaction.network_organisation_id')
      .leftJoin('network_person', 'network_person.id', 'interaction.network_person_id')
      .selectAll('interaction')
      .select([
        'activity.title as activity_title',
        'cluster.short_name as cluster_short_name',
        'staff.name as staff_name',
        'owner.name as owner_name',
        'member_organisation.name as member_organisation_name',
        'member_person.name as member_person_name',
        'network_organisation.name as network_organisation_name',
        'network_organisation.country as network_organisation_country',
        'network_person.name as network_person_name',
      ]);
  }

  find(workspaceId: string, id: string): Promise<InteractionRow | undefined> {
    return this.db
      .selectFrom('interaction')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** One interaction with its names (what the API answers). */
  findNamed(workspaceId: string, id: string) {
    return this.named(this.filtered(workspaceId, {})).where('interaction.id', '=', id).executeTakeFirst();
  }

  async create(workspaceId: string, values: InteractionValues): Promise<InteractionRow> {
    await this.markAffected([values.network_organisation_id], [values.activity_id]);
    const now = nowIso();
    return this.db
      .insertInto('interaction')
      .values({ id: newId(), workspace_id: workspaceId, ...values, created_at: now, updated_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /**
   * Applies the change only if the stored version is still `version`; undefined otherwise.
   * `current`: the row as read, whose organisation and activity lose the evidence.
   */
  async update(
    workspaceId: string,
    current: InteractionRow,
    version: number,
    values: Partial<InteractionValues>,
  ): Promise<InteractionRow | undefined> {
    if (affectsEvidence(values)) {
      await this.markAffected(
        [current.network_organisation_id, values.network_organisation_id],
        [current.activity_id, values.activity_id],
      );
    }
    return this.db
      .updateTable('interaction')
      .set((eb) => ({ ...values, version: eb('version', '+', 1), updated_at: nowIso() }))
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', current.id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
  }

  /** @returns whether the interaction at that version was deleted. */
  async delete(workspaceId: string, current: InteractionRow, version: number): Promise<boolean> {
    await this.markAffected([current.network_organisation_id], [current.activity_id]);
    const result = await this.db
      .deleteFrom('interaction')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', current.id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /**
   * Marks the activities whose KPIs a write can change: the activities named, and every activity
   * holding an interaction with one of these organisations (which of them holds an organisation's
   * first interaction may change). Refuses, before reading, a write outside writeTransaction.
   */
  private async markAffected(
    organisationIds: readonly (string | undefined)[],
    activityIds: readonly (string | null | undefined)[],
  ): Promise<void> {
    markEvidence(this.db, activityIds);
    const ids = [...new Set(organisationIds.filter((id): id is string => Boolean(id)))];
    if (ids.length === 0) return;
    const rows = await this.db
      .selectFrom('interaction')
      .select('activity_id')
      .distinct()
      .where('network_organisation_id', 'in', ids)
      .where('activity_id', 'is not', null)
      .execute();
    markEvidence(
      this.db,
      rows.map((row) => row.activity_id),
    );
  }

  /** Whether this user is a member of the workspace (staff, a next step's owner). */
  async isMember(workspaceId: string, userId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('membership')
      .select('user_id')
      .where('workspace_id', '=', workspaceId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row !== undefined;
  }

  findActivity(workspaceId: string, id: string) {
    return this.db
      .selectFrom('activity')
      .select(['id', 'cluster_id'])
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  findNetworkOrganisation(workspaceId: string, id: string) {
    return this.db
      .selectFrom('network_organisation')
      .select(['id', 'owner_cluster_id'])
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  findNetworkPerson(workspaceId: string, id: string) {
    return this.db
      .selectFrom('network_person')
      .select(['id', 'organisation_id', 'erased_at'])
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  findMemberPerson(workspaceId: string, id: string) {
    return this.db
      .selectFrom('person')
      .select(['id', 'organisation_id'])
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }
}

/** Whether an edit touches what the KPIs count (kind, day, activity, organisation). */
function affectsEvidence(values: Partial<InteractionValues>): boolean {
  return (
    values.kind !== undefined ||
    values.occurred_on !== undefined ||
    values.activity_id !== undefined ||
    values.network_organisation_id !== undefined
  );
}

export type NamedInteractionRow = NonNullable<Awaited<ReturnType<InteractionRepository['findNamed']>>>;
