import type { Insertable, Kysely } from 'kysely';
import { newId, nowIso } from '../../db/ids.ts';
import type { DB, OrganisationTable, PersonTable } from '../../db/schema.ts';
import type { ClusterKey, OrganisationKey } from '../../domain/registry/import-conversion.ts';
import type { OrganisationValues } from '../organisations/repository.ts';
import type { PersonValues } from '../people/repository.ts';

/**
 * Rows per insert statement: 500 organisations × 23 columns = 11,500 bind parameters, well under
 * SQLite's 32,766 and PostgreSQL's 65,535.
 */
export const INSERT_BATCH = 500;

/** The only SQL of the import: the workspace's keys read once per request, and batched inserts. */
export class ImportRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async clusterKeys(workspaceId: string): Promise<ClusterKey[]> {
    const rows = await this.db
      .selectFrom('cluster')
      .select(['id', 'name', 'short_name'])
      .where('workspace_id', '=', workspaceId)
      .execute();
    return rows.map((row) => ({ id: row.id, name: row.name, shortName: row.short_name }));
  }

  async organisationKeys(workspaceId: string): Promise<OrganisationKey[]> {
    const rows = await this.db
      .selectFrom('organisation')
      .select(['id', 'name', 'normalised_name', 'country', 'registration_id', 'cluster_id'])
      .where('workspace_id', '=', workspaceId)
      .execute();
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      normalisedName: row.normalised_name,
      country: row.country,
      registrationId: row.registration_id,
      clusterId: row.cluster_id,
    }));
  }

  personEmails(workspaceId: string): Promise<Array<{ id: string; name: string; email: string | null }>> {
    return this.db
      .selectFrom('person')
      .select(['id', 'name', 'email'])
      .where('workspace_id', '=', workspaceId)
      .where('email', 'is not', null)
      .execute();
  }

  async insertOrganisations(workspaceId: string, values: readonly OrganisationValues[]): Promise<void> {
    const now = nowIso();
    const rows: Insertable<OrganisationTable>[] = values.map((v) => ({
      id: newId(),
      workspace_id: workspaceId,
      ...v,
      version: 1,
      created_at: now,
      updated_at: now,
    }));
    for (let start = 0; start < rows.length; start += INSERT_BATCH) {
      await this.db
        .insertInto('organisation')
        .values(rows.slice(start, start + INSERT_BATCH))
        .execute();
    }
  }

  async insertPeople(workspaceId: string, values: readonly PersonValues[]): Promise<void> {
    const now = nowIso();
    const rows: Insertable<PersonTable>[] = values.map((v) => ({
      id: newId(),
      workspace_id: workspaceId,
      ...v,
      version: 1,
      created_at: now,
      updated_at: now,
    }));
    for (let start = 0; start < rows.length; start += INSERT_BATCH) {
      await this.db
        .insertInto('person')
        .values(rows.slice(start, start + INSERT_BATCH))
        .execute();
    }
  }
}
