import { type Kysely, type Selectable, sql } from 'kysely';
import { newId, nowIso } from '../../db/ids.ts';
import type { DB, PersonTable } from '../../db/schema.ts';

export type PersonRow = Selectable<PersonTable>;
/** A person with the cluster of its organisation (null without one): the policy's scope. */
export type PersonWithScope = PersonRow & { cluster_id: string | null };
export type PersonValues = Omit<PersonTable, 'id' | 'workspace_id' | 'version' | 'created_at' | 'updated_at'>;

/** The only SQL for people. Every query is bound to one workspace. */
export class PersonRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** In creation order; `after` is the id of the last person of the previous page. */
  list(
    workspaceId: string,
    options: { limit: number; after?: string; q?: string; organisationId?: string },
  ): Promise<PersonRow[]> {
    let query = this.db.selectFrom('person').selectAll().where('workspace_id', '=', workspaceId);
    if (options.after) query = query.where('id', '>', options.after);
    if (options.organisationId) query = query.where('organisation_id', '=', options.organisationId);
    if (options.q) {
      const pattern = `%${options.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      // Explicit ESCAPE: the same meaning on SQLite (no default escape) and PostgreSQL.
      query = query.where(
        sql<boolean>`(lower(name) like ${pattern} escape '\\' or email like ${pattern} escape '\\')`,
      );
    }
    return query.orderBy('id').limit(options.limit).execute();
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
  update(workspaceId: string, id: string, version: number, values: Partial<PersonValues>) {
    return this.db
      .updateTable('person')
      .set((eb) => ({ ...values, version: eb('version', '+', 1), updated_at: nowIso() }))
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
  }

  /** @returns whether the person at that version was deleted. */
  async delete(workspaceId: string, id: string, version: number): Promise<boolean> {
    const result = await this.db
      .deleteFrom('person')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
