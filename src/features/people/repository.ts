import { type Kysely, type RawBuilder, type Selectable, sql } from 'kysely';
import { newId, nowIso } from '../../db/ids.ts';
import { type KeysetAfter, type KeysetOrder, keysetPage } from '../../db/keyset.ts';
import type { DB, PersonTable } from '../../db/schema.ts';
import { markEvidence } from '../../db/write-transaction.ts';

export type PersonRow = Selectable<PersonTable>;
/** A person with the cluster of its organisation (null without one): the policy's scope. */
export type PersonWithScope = PersonRow & { cluster_id: string | null };
export type PersonValues = Omit<PersonTable, 'id' | 'workspace_id' | 'version' | 'created_at' | 'updated_at'>;

export interface PersonFilters {
  q?: string;
  organisationId?: string;
}

export const PERSON_SORT_KEYS = ['createdAt', 'updatedAt', 'name', 'email'] as const;
export type PersonSortKey = (typeof PERSON_SORT_KEYS)[number];

export interface PersonListOptions extends PersonFilters {
  limit: number;
  sort: { key: PersonSortKey; desc: boolean };
  /** The last person of the previous page (its sort value and id). */
  after?: KeysetAfter;
}

/** The SQL of each sort key (never null: people without an e-mail come first). */
const SORT_KEYS: Record<PersonSortKey, RawBuilder<unknown>> = {
  createdAt: sql`person.id`,
  updatedAt: sql`person.updated_at`,
  name: sql`lower(person.name)`,
  email: sql`coalesce(person.email, '')`,
};

/** The only SQL for people. Every query is bound to one workspace. */
export class PersonRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** One page in the requested order (ties by id; creation order is id order). */
  list(workspaceId: string, options: PersonListOptions) {
    const order: KeysetOrder = {
      key: SORT_KEYS[options.sort.key],
      id: sql.ref('person.id'),
      desc: options.sort.desc,
    };
    return keysetPage(
      this.filtered(workspaceId, options).selectAll().select(order.key.as('sort_value')),
      order,
      options.after,
    )
      .limit(options.limit)
      .execute();
  }

  /** How many people match the filters. */
  async count(workspaceId: string, filters: PersonFilters): Promise<number> {
    const row = await this.filtered(workspaceId, filters)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  private filtered(workspaceId: string, filters: PersonFilters) {
    let query = this.db.selectFrom('person').where('workspace_id', '=', workspaceId);
    if (filters.organisationId) query = query.where('organisation_id', '=', filters.organisationId);
    if (filters.q) {
      const pattern = `%${filters.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      // Explicit ESCAPE: the same meaning on SQLite (no default escape) and PostgreSQL.
      query = query.where(
        sql<boolean>`(lower(name) like ${pattern} escape '\\' or email like ${pattern} escape '\\')`,
      );
    }
    return query;
  }

  find(workspaceId: string, id: string): Promise<PersonWithScope | undefined> {
    return this.db
      .selectFrom('person')
      .leftJoin('organisation', 'organisation.id', 'person.organisation_id')
      .selectAll('person')
      .select('organisation.cluster_id')
      .where('person.workspace_id', '=', workspaceId)
      .where('person.id', '=', id)
      .executeTakeFirst();
  }

  findByEmail(workspaceId: string, email: string): Promise<PersonRow | undefined> {
    return this.db
      .selectFrom('person')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('email', '=', email)
      .executeTakeFirst();
  }

  /** The cluster of an organisation of the workspace, or undefined when there is no such organisation. */
  async organisationCluster(workspaceId: string, organisationId: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('organisation')
      .select('cluster_id')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', organisationId)
      .executeTakeFirst();
    return row?.cluster_id;
  }

  create(workspaceId: string, values: PersonValues): Promise<PersonRow> {
    const now = nowIso();
    return this.db
      .insertInto('person')
      .values({ id: newId(), workspace_id: workspaceId, ...values, created_at: now, updated_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** Applies the change only if the stored version is still `version`; undefined otherwise. */
  async update(workspaceId: string, id: string, version: number, values: Partial<PersonValues>) {
    // The organisation a participant stands for is its person's: "members participating" changes.
    if (values.organisation_id !== undefined) await this.markParticipations(id, values.organisation_id);
    return this.db
      .updateTable('person')
      .set((eb) => ({ ...values, version: eb('version', '+', 1), updated_at: nowIso() }))
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
  }

  /** @returns whether the person at that version was deleted (with their participations). */
  async delete(workspaceId: string, id: string, version: number): Promise<boolean> {
    await this.markParticipations(id);
    const result = await this.db
      .deleteFrom('person')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /**
   * The activities this person takes part in have evidence about to change (decision 0013): all
   * of them when the person goes, or when they move to another organisation than `organisationId`.
   */
  private async markParticipations(personId: string, organisationId?: string | null): Promise<void> {
    markEvidence(this.db, []);
    const rows = await this.db
      .selectFrom('person as pe')
      .innerJoin('activity_participant as p', 'p.person_id', 'pe.id')
      .select('p.activity_id')
      .distinct()
      .where('pe.id', '=', personId)
      .$if(organisationId !== undefined, (q) =>
        q.where('pe.organisation_id', 'is distinct from', organisationId ?? null),
      )
      .execute();
    markEvidence(
      this.db,
      rows.map((row) => row.activity_id),
    );
  }
}
