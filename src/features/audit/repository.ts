import { type Kysely, type RawBuilder, sql } from 'kysely';
import { newId, nowIso } from '../../db/ids.ts';
import { type KeysetAfter, type KeysetOrder, keysetPage } from '../../db/keyset.ts';
import type { DB } from '../../db/schema.ts';
import { addDays } from '../../domain/dates.ts';

/** What changed: field → [before, after]; a create has before = null, a delete after = null. */
export type Changes = Record<string, [unknown, unknown]>;

export interface AuditEntry {
  workspaceId: string;
  /** null: done from the command line (no account acted). */
  actorUserId: string | null;
  action: 'create' | 'update' | 'delete';
  /** One of the kinds the log names and orders (a new kind needs its label in every language). */
  entityType: AuditRecordType;
  entityId: string;
  changes: Changes;
}

/** The only SQL for the audit log. Writes happen in the caller's transaction, with the change itself. */
export class AuditRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.recordMany([entry]);
  }

  /** Several entries in a few multi-row inserts (a copied plan's activities), in the given order. */
  async recordMany(entries: AuditEntry[]): Promise<void> {
    const now = nowIso();
    for (let start = 0; start < entries.length; start += 500) {
      await this.db
        .insertInto('audit_event')
        .values(
          entries.slice(start, start + 500).map((entry) => ({
            id: newId(),
            workspace_id: entry.workspaceId,
            actor_user_id: entry.actorUserId,
            action: entry.action,
            entity_type: entry.entityType,
            entity_id: entry.entityId,
            changes: JSON.stringify(entry.changes),
            created_at: now,
          })),
        )
        .execute();
    }
  }

  /**
   * One page of the log in the requested order (ties by id, which is the time order: ids are
   * UUIDv7), filtered as `GET /audit`; `after` is the last entry of the previous page.
   */
  async list(workspaceId: string, options: AuditListOptions) {
    const order: KeysetOrder = {
      key: SORT_KEYS[options.sort.key],
      id: sql.ref('audit_event.id'),
      desc: options.sort.desc,
    };
    const query = this.filtered(workspaceId, options)
      .leftJoin('app_user', 'app_user.id', 'audit_event.actor_user_id')
      .select([
        'audit_event.id',
        'audit_event.action',
        'audit_event.entity_type',
        'audit_event.entity_id',
        'audit_event.changes',
        'audit_event.created_at',
        'audit_event.actor_user_id',
        'app_user.email as actor_email',
        'app_user.name as actor_name',
      ])
      .select(order.key.as('sort_value'));
    return keysetPage(query, order, options.after).limit(options.limit).execute();
  }

  /** How many entries match the filters. */
  async count(workspaceId: string, filters: AuditFilters): Promise<number> {
    const row = await this.filtered(workspaceId, filters)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  private filtered(workspaceId: string, filters: AuditFilters) {
    let query = this.db.selectFrom('audit_event').where('audit_event.workspace_id', '=', workspaceId);
    if (filters.entityId) query = query.where('audit_event.entity_id', '=', filters.entityId);
    if (filters.actorId) query = query.where('audit_event.actor_user_id', '=', filters.actorId);
    if (filters.entityType) query = query.where('audit_event.entity_type', '=', filters.entityType);
    if (filters.action) query = query.where('audit_event.action', '=', filters.action);
    // Times are UTC ISO text: a day's changes are those from its midnight to the next one.
    if (filters.from) query = query.where('audit_event.created_at', '>=', filters.from);
    if (filters.to) query = query.where('audit_event.created_at', '<', addDays(filters.to, 1));
    return query;
  }

  /** The users who changed something in the workspace, by name. */
  actors(workspaceId: string) {
    return this.db
      .selectFrom('app_user')
      .select(['app_user.id', 'app_user.name', 'app_user.email'])
      .where(
        'app_user.id',
        'in',
        this.db
          .selectFrom('audit_event')
          .select('audit_event.actor_user_id')
          .where('audit_event.workspace_id', '=', workspaceId),
      )
      .orderBy('app_user.name')
      .orderBy('app_user.email')
      .execute();
  }

  /**
   * The current names of records of the workspace, by id, for the ids given per table (records
   * gone are simply missing). One small query per table asked about.
   */
  async names(
    workspaceId: string,
    ids: Partial<Record<NamedTable, readonly string[]>>,
  ): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    const add = (rows: { id: string; name: string | null }[]) => {
      for (const row of rows) if (row.name) names.set(row.id, row.name);
    };
    const wanted = (table: NamedTable) => [...new Set(ids[table] ?? [])];
    for (const table of NAMED_TABLES) {
      const list = wanted(table);
      if (list.length === 0) continue;
      for (let start = 0; start < list.length; start += 500) {
        add(await this.namesOf(workspaceId, table, list.slice(start, start + 500)));
      }
    }
    return names;
  }

  private namesOf(
    workspaceId: string,
    table: NamedTable,
    ids: string[],
  ): Promise<{ id: string; name: string | null }[]> {
    return NAME_QUERIES[table](this.db, workspaceId, ids).execute();
  }

  /** The KPIs of targets and entries still there, by record id (for changes that name no KPI). */
  async kpiKeysOf(workspaceId: string, ids: { targets: readonly string[]; entries: readonly string[] }) {
    const keys = new Map<string, string>();
    if (ids.targets.length > 0) {
      const rows = await this.db
        .selectFrom('kpi_target')
        .select(['id', 'kpi_key'])
        .where('workspace_id', '=', workspaceId)
        .where('id', 'in', [...ids.targets])
        .execute();
      for (const row of rows) keys.set(row.id, row.kpi_key);
    }
    if (ids.entries.length > 0) {
      const rows = await this.db
        .selectFrom('kpi_entry')
        .select(['id', 'kpi_key'])
        .where('workspace_id', '=', workspaceId)
        .where('id', 'in', [...ids.entries])
        .execute();
      for (const row of rows) keys.set(row.id, row.kpi_key);
    }
    return keys;
  }

  /** Label and kind of catalogue KPIs by key (the first instrument's wording when several share it). */
  async instrumentKpis(keys: readonly string[]) {
    if (keys.length === 0) return [];
    return this.db
      .selectFrom('instrument_kpi')
      .select(['key', 'label', 'kind'])
      .where('key', 'in', [...keys])
      .orderBy('position')
      .execute();
  }

  /**
   * The history of a member organisation: its own events and those of the people who work for it
   * today, newest first (`before`: the id of the last entry of the previous page), with the name of who changed them.
   */
  organisationHistory(
    workspaceId: string,
    organisationId: string,
    options: { limit: number; before?: string },
  ) {
    let query = this.db
      .selectFrom('audit_event')
      .leftJoin('app_user', 'app_user.id', 'audit_event.actor_user_id')
      .select([
        'audit_event.id',
        'audit_event.action',
        'audit_event.entity_type',
        'audit_event.entity_id',
        'audit_event.changes',
        'audit_event.created_at',
        'app_user.name as actor_name',
      ])
      .where('audit_event.workspace_id', '=', workspaceId)
      .where((eb) =>
        eb.or([
          eb.and([
            eb('audit_event.entity_type', '=', 'organisation'),
            eb('audit_event.entity_id', '=', organisationId),
          ]),
          eb.and([
            eb('audit_event.entity_type', '=', 'person'),
            eb(
              'audit_event.entity_id',
              'in',
              eb
                .selectFrom('person')
                .select('person.id')
                .where('person.workspace_id', '=', workspaceId)
                .where('person.organisation_id', '=', organisationId),
            ),
          ]),
        ]),
      );
    if (options.before) query = query.where('audit_event.id', '<', options.before);
    return query.orderBy('audit_event.id', 'desc').limit(options.limit).execute();
  }
}

/** A query of the names of some records of one table, kept to the workspace. */
type NameQuery = (
  db: Kysely<DB>,
  workspaceId: string,
  ids: string[],
) => { execute(): Promise<{ id: string; name: string | null }[]> };

/** The tables of the workspace's own records: an `id`, a `workspace_id` and a name in each row. */
type OwnTable =
  | 'cluster'
  | 'organisation'
  | 'person'
  | 'target_market'
  | 'plan'
  | 'activity'
  | 'invitation'
  | 'travel_rate'
  | 'job'
  | 'network_organisation'
  | 'network_person';

/** The names of a table of the workspace's own records, `name` an expression over its row. */
const ownNames =
  (table: OwnTable, name: RawBuilder<string>): NameQuery =>
  (db, workspaceId, ids) =>
    db
      // Every OwnTable has these columns; Kysely cannot type a query over a union of tables.
      .selectFrom(table as 'organisation')
      .select(['id', name.as('name')])
      .where('workspace_id', '=', workspaceId)
      .where('id', 'in', ids);

/** How each table's records are named in the log, one small query per table. */
const NAME_QUERIES: Record<NamedTable, NameQuery> = {
  cluster: ownNames('cluster', sql<string>`short_name || ' · ' || name`),
  organisation: ownNames('organisation', sql<string>`name`),
  person: ownNames('person', sql<string>`name`),
  target_market: ownNames('target_market', sql<string>`name`),
  plan: ownNames('plan', sql<string>`name`),
  activity: ownNames('activity', sql<string>`title`),
  invitation: ownNames('invitation', sql<string>`name || ' (' || email || ')'`),
  travel_rate: ownNames('travel_rate', sql<string>`country`),
  job: ownNames('job', sql<string>`params`),
  // The catalogue's instruments are everyone's; a workspace's own are its alone.
  instrument: (db, workspaceId, ids) =>
    db
      .selectFrom('instrument')
      .select(['id', sql<string>`code || ' ' || name`.as('name')])
      .where((eb) => eb.or([eb('workspace_id', 'is', null), eb('workspace_id', '=', workspaceId)]))
      .where('id', 'in', ids),
  // Members (or former members) of the workspace: a name is no secret among them.
  app_user: (db, _workspaceId, ids) =>
    db
      .selectFrom('app_user')
      .select(['id', sql<string>`name || ' (' || email || ')'`.as('name')])
      .where('id', 'in', ids),
  cost_line: (db, workspaceId, ids) =>
    db
      .selectFrom('cost_line')
      .innerJoin('activity', 'activity.id', 'cost_line.activity_id')
      .select(['cost_line.id', sql<string>`cost_line.description || ' · ' || activity.title`.as('name')])
      .where('cost_line.workspace_id', '=', workspaceId)
      .where('cost_line.id', 'in', ids),
  activity_participant: (db, workspaceId, ids) =>
    db
      .selectFrom('activity_participant')
      .innerJoin('activity', 'activity.id', 'activity_participant.activity_id')
      .leftJoin('organisation', 'organisation.id', 'activity_participant.organisation_id')
      .leftJoin('person', 'person.id', 'activity_participant.person_id')
      .select([
        'activity_participant.id',
        sql<string>`coalesce(person.name, organisation.name, '') || ' · ' || activity.title`.as('name'),
      ])
      .where('activity.workspace_id', '=', workspaceId)
      .where('activity_participant.id', 'in', ids),
  kpi_target: (db, workspaceId, ids) =>
    db
      .selectFrom('kpi_target')
      .leftJoin('activity', 'activity.id', 'kpi_target.activity_id')
      .leftJoin('plan', 'plan.id', 'kpi_target.plan_id')
      .select(['kpi_target.id', sql<string>`coalesce(activity.title, plan.name)`.as('name')])
      .where('kpi_target.workspace_id', '=', workspaceId)
      .where('kpi_target.id', 'in', ids),
  project: (db, workspaceId, ids) =>
    db
      .selectFrom('project')
      .select(['id', 'title as name'])
      .where('workspace_id', '=', workspaceId)
      .where('id', 'in', ids),
  project_partner: (db, workspaceId, ids) =>
    db
      .selectFrom('project_partner as pp')
      .innerJoin('project as p', 'p.id', 'pp.project_id')
      .leftJoin('cluster as c', 'c.id', 'pp.cluster_id')
      .leftJoin('organisation as o', 'o.id', 'pp.organisation_id')
      .leftJoin('network_organisation as n', 'n.id', 'pp.network_organisation_id')
      .select([
        'pp.id',
        sql<string>`coalesce(c.short_name, o.name, n.name, '') || ' · ' || p.title`.as('name'),
      ])
      .where('p.workspace_id', '=', workspaceId)
      .where('pp.id', 'in', ids),
  // A relationship of the pipeline: "counterpart · ours" (issue 21).
  relationship: (db, workspaceId, ids) =>
    db
      .selectFrom('relationship as r')
      .leftJoin('network_organisation as no', 'no.id', 'r.network_organisation_id')
      .leftJoin('organisation as co', 'co.id', 'r.counterpart_organisation_id')
      .leftJoin('cluster as oc', 'oc.id', 'r.our_cluster_id')
      .leftJoin('organisation as oo', 'oo.id', 'r.our_organisation_id')
      .select([
        'r.id',
        sql<string>`coalesce(no.name, co.name, '') || ' · ' || coalesce(oc.short_name, oo.name, '')`.as(
          'name',
        ),
      ])
      .where('r.workspace_id', '=', workspaceId)
      .where('r.id', 'in', ids),
  kpi_entry: (db, workspaceId, ids) =>
    db
      .selectFrom('kpi_entry')
      .innerJoin('activity', 'activity.id', 'kpi_entry.activity_id')
      .select(['kpi_entry.id', 'activity.title as name'])
      .where('kpi_entry.workspace_id', '=', workspaceId)
      .where('kpi_entry.id', 'in', ids),
  network_organisation: ownNames('network_organisation', sql<string>`name`),
  network_person: ownNames('network_person', sql<string>`name`),
  // An interaction by its counterpart and day ("Tokyo Space Agency · 2026-03-11").
  interaction: (db, workspaceId, ids) =>
    db
      .selectFrom('interaction')
      .innerJoin('network_organisation', 'network_organisation.id', 'interaction.network_organisation_id')
      .select([
        'interaction.id',
        sql<string>`network_organisation.name || ' · ' || interaction.occurred_on`.as('name'),
      ])
      .where('interaction.workspace_id', '=', workspaceId)
      .where('interaction.id', 'in', ids),
};

/** The tables whose records the audit log names. */
export const NAMED_TABLES = [
  'cluster',
  'organisation',
  'person',
  'target_market',
  'plan',
  'activity',
  'instrument',
  'app_user',
  'invitation',
  'travel_rate',
  'job',
  'cost_line',
  'activity_participant',
  'kpi_target',
  'kpi_entry',
  'network_organisation',
  'network_person',
  'interaction',
  'project',
  'project_partner',
  'relationship',
] as const;
export type NamedTable = (typeof NAMED_TABLES)[number];

export interface AuditFilters {
  entityId?: string | undefined;
  actorId?: string | undefined;
  entityType?: string | undefined;
  action?: string | undefined;
  /** First day (UTC), `YYYY-MM-DD`. */
  from?: string | undefined;
  /** Last day (UTC), `YYYY-MM-DD`. */
  to?: string | undefined;
}

/** The audit log's sort keys: when, who, the kind of record and the action. */
export const AUDIT_SORT_KEYS = ['at', 'actor', 'entityType', 'action'] as const;
export type AuditSortKey = (typeof AUDIT_SORT_KEYS)[number];

export interface AuditListOptions extends AuditFilters {
  limit: number;
  sort: { key: AuditSortKey; desc: boolean };
  /** The last entry of the previous page (its sort value and id). */
  after?: KeysetAfter | undefined;
}

/**
 * The kinds of record the log names, in the alphabetical order of what the web app calls them
 * (web/src/messages/en-figures.ts `audit.entityTypes`: Activity, Budget line, Cluster, …), so a
 * list sorted by record type reads in order; a test there keeps the two in step.
 */
export const AUDIT_RECORD_TYPE_ORDER = [
  'activity',
  'cost_line',
  'cluster',
  'project',
  'b2b_participant',
  'job',
  'network_organisation_import',
  'network_person_import',
  'organisation_import',
  'person_import',
  'instrument',
  'interaction',
  'invitation',
  'kpi_target',
  'kpi_entry',
  'market_finding',
  'b2b_event',
  'b2b_meeting',
  'b2b_meeting_feedback',
  'b2b_request',
  'b2b_schedule_run',
  'organisation',
  'network_organisation',
  'network_person',
  'activity_participant',
  'person',
  'plan',
  'project_partner',
  'survey_questionnaire',
  'relationship',
  'saved_view',
  'survey_response',
  'survey_wave',
  'market',
  'travel_rate',
  'workspace',
  'workspace_archive',
  'membership',
] as const;
export type AuditRecordType = (typeof AUDIT_RECORD_TYPE_ORDER)[number];

/**
 * The SQL of each sort key. Who sorts by the author's name (the Hub itself, with no author,
 * first); the record type in AUDIT_RECORD_TYPE_ORDER (a type it does not know after them, by
 * code); the action along a record's life: created, changed, deleted.
 */
const SORT_KEYS: Record<AuditSortKey, RawBuilder<unknown>> = {
  at: sql`audit_event.id`,
  actor: sql`coalesce((select lower(app_user.name) from app_user where app_user.id = audit_event.actor_user_id), '')`,
  entityType: sql`(case audit_event.entity_type ${sql.join(
    AUDIT_RECORD_TYPE_ORDER.map(
      (type, rank) => sql`when ${sql.lit(type)} then ${sql.lit(String(rank).padStart(2, '0'))}`,
    ),
    sql` `,
  )} else '99 ' || audit_event.entity_type end)`,
  action: sql`(case audit_event.action when 'create' then 0 when 'update' then 1 else 2 end)`,
};

/** The fields whose values differ between two versions of a record. */
export function diff(before: object, after: object): Changes {
  const old = before as Record<string, unknown>;
  const changes: Changes = {};
  for (const [field, value] of Object.entries(after)) {
    if (value !== undefined && value !== old[field]) changes[field] = [old[field] ?? null, value];
  }
  return changes;
}
