import type { Kysely } from 'kysely';
import { newId, nowIso } from '../../db/ids.ts';
import type { DB, MembershipTable } from '../../db/schema.ts';
import type { Actor } from '../../domain/access/policy.ts';

/** The only SQL for workspaces and memberships. */
export class WorkspaceRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Whether the cluster is one of the workspace's (ids of other workspaces are not). */
  async hasCluster(workspaceId: string, clusterId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('cluster')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', clusterId)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** The ids of the workspace's clusters, in id order. */
  async clusterIds(workspaceId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('cluster')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .orderBy('id')
      .execute();
    return rows.map((row) => row.id);
  }

  /** Whether the member organisation is one of the workspace's. */
  async hasOrganisation(workspaceId: string, organisationId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('organisation')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', organisationId)
      .executeTakeFirst();
    return row !== undefined;
  }

  /**
   * The caller's role in the workspace with that slug, with the workspace's status, or undefined
   * when not a member (or no such workspace).
   */
  findActor(slug: string, userId: string): Promise<(Actor & { workspaceStatus: string }) | undefined> {
    return this.actorWhere('workspace.slug', slug, userId);
  }

  /** The same by the workspace's id (a background job acting for the user who asked for it). */
  findActorById(workspaceId: string, userId: string): Promise<Actor | undefined> {
    return this.actorWhere('workspace.id', workspaceId, userId);
  }

  private async actorWhere(
    column: 'workspace.slug' | 'workspace.id',
    value: string,
    userId: string,
  ): Promise<(Actor & { workspaceStatus: string }) | undefined> {
    const row = await this.db
      .selectFrom('membership')
      .innerJoin('workspace', 'workspace.id', 'membership.workspace_id')
      .select([
        'membership.workspace_id',
        'membership.role',
        'membership.cluster_id',
        'membership.organisation_id',
        'workspace.status',
      ])
      .where(column, '=', value)
      .where('membership.user_id', '=', userId)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      userId,
      workspaceId: row.workspace_id,
      role: row.role,
      clusterId: row.cluster_id,
      organisationId: row.organisation_id,
      workspaceStatus: row.status,
    };
  }

  findBySlug(slug: string) {
    return this.db.selectFrom('workspace').selectAll().where('slug', '=', slug).executeTakeFirst();
  }

  async create(slug: string, name: string, status: 'active' | 'pending' = 'active') {
    return this.db
      .insertInto('workspace')
      .values({ id: newId(), slug, name, status, created_at: nowIso() })
      .returning(['id', 'slug', 'name', 'status', 'created_at', 'version'])
      .executeTakeFirstOrThrow();
  }

  async addMember(values: {
    workspaceId: string;
    userId: string;
    role: MembershipTable['role'];
    clusterId: string | null;
    /** The organisation of a `member`. */
    organisationId?: string | null;
  }): Promise<void> {
    await this.db
      .insertInto('membership')
      .values({
        id: newId(),
        workspace_id: values.workspaceId,
        user_id: values.userId,
        role: values.role,
        cluster_id: values.clusterId,
        organisation_id: values.organisationId ?? null,
        created_at: nowIso(),
      })
      .execute();
  }
}
