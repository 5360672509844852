import { type Kysely, type Selectable, sql } from 'kysely';
import { newId, nowIso } from '../../db/ids.ts';
import type { DB, OrganisationTable } from '../../db/schema.ts';

export type OrganisationRow = Selectable<OrganisationTable>;
export type OrganisationValues = Omit<
  OrganisationTable,
  'id' | 'workspace_id' | 'version' | 'created_at' | 'updated_at'
>;

export interface OrganisationListOptions {
  limit: number;
  /** Id of the last organisation of the previous page. */
  after?: string;
  /** Already normalised (see `normaliseOrganisationName`). */
  q?: string;
  clusterId?: string;
  country?: string;
  segment?: string;
  type?: OrganisationTable['type'];
}

/** `%…%` for LIKE with `\` escaping the wildcards in the searched text. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The only SQL for member organisations. Every query is bound to one workspace. */
export class OrganisationRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /**
   * In creation order (ids are UUIDv7). Two steps in one statement: the page's ids from the
   * filter indexes (which hold the searched name), then those rows; see migration 0005.
   */
  list(workspaceId: string, options: OrganisationListOptions): Promise<OrganisationRow[]> {
    let page = this.db.selectFrom('organisation').select('id').where('workspace_id', '=', workspaceId);
    if (options.after) page = page.where('id', '>', options.after);
    if (options.clusterId) page = page.where('cluster_id', '=', options.clusterId);
    if (options.country) page = page.where('country', '=', options.country);
    if (options.type) page = page.where('type', '=', options.type);
    if (options.q) {
      // Explicit ESCAPE: the same meaning on SQLite (no default escape) and PostgreSQL.
      page = page.where(sql<boolean>`normalised_name like ${containsPattern(options.q)} escape '\\'`);
    }
    if (options.segment) {
      // Membership in the JSON list, portable: the list holds the value as a quoted JSON string.
      page = page.where(
        sql<boolean>`space_segments like ${containsPattern(JSON.stringify(options.segment))} escape '\\'`,
      );
    }
    return this.db
      .selectFrom('organisation')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', 'in', page.orderBy('id').limit(options.limit))
      .orderBy('id')
      .execute();
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

  /** @returns whether the organisation at that version was deleted (its people stay, without it). */
  async delete(workspaceId: string, id: string, version: number): Promise<boolean> {
    const result = await this.db
      .deleteFrom('organisation')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
