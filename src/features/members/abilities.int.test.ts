import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/databases.ts';
import { Factory } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { PERMISSIONS, type Permission } from '../../domain/access/policy.ts';
import type { AbilitiesDto } from './abilities-schema.ts';

/**
 * The abilities the server hands out must agree with what it then allows: each answer is checked
 * against real requests of the same caller.
 */
describe.each(testDialects())('GET /me/abilities on %s', (kind) => {
  let t: TestApp;
  let slug: string;
  let own: { clusterId: string; organisationId: string };
  let other: { clusterId: string; organisationId: string };
  type Caller = { headers: Record<string, string> };
  let coordinator: Caller;
  let clusterManager: Caller;
  let member: Caller;
  let mentor: Caller;
  let viewer: Caller;

  beforeAll(async () => {
    t = await startTestApp(kind);
    const factory = new Factory(t.database.db);
    const workspace = await factory.workspace();
    slug = workspace.slug;
    const ownCluster = await factory.cluster(workspace.id);
    const otherCluster = await factory.cluster(workspace.id);
    const ownOrganisation = await factory.organisation(workspace.id, ownCluster.id);
    const otherOrganisation = await factory.organisation(workspace.id, otherCluster.id);
    own = { clusterId: ownCluster.id, organisationId: ownOrganisation.id };
    other = { clusterId: otherCluster.id, organisationId: otherOrganisation.id };
    coordinator = await factory.memberWithToken(workspace.id, 'coordinator');
    clusterManager = await factory.memberWithToken(workspace.id, 'cluster_manager', ownCluster.id);
    member = await factory.memberWithToken(workspace.id, 'member', null, otherOrganisation.id);
    mentor = await factory.memberWithToken(workspace.id, 'mentor');
    viewer = await factory.memberWithToken(workspace.id, 'viewer');
  });
  afterAll(async () => {
    await t?.close();
  });

  const abilitiesOf = async (caller: Caller): Promise<AbilitiesDto> => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${slug}/me/abilities`,
      headers: caller.headers,
    });
    expect(response.statusCode).toBe(200);
    return response.json();
  };

  /** The entry for a resource: the member's own organisation, else its cluster, else the unowned one. */
  const grants = (
    abilities: AbilitiesDto,
    permission: Permission,
    scope: { clusterId?: string; organisationId?: string },
  ): boolean => {
    const entry =
      abilities.scopes.find((s) => scope.organisationId && s.organisationId === scope.organisationId) ??
      abilities.scopes.find((s) => s.organisationId === null && s.clusterId === (scope.clusterId ?? null));
    return entry?.permissions.includes(permission) ?? false;
  };

  const patch = (caller: Caller, path: string, body: object) =>
    t.app.inject({
      method: 'PATCH',
      url: `/api/v1/workspaces/${slug}${path}`,
      headers: caller.headers,
      payload: body,
    });
  const get = (caller: Caller, path: string) =>
    t.app.inject({ method: 'GET', url: `/api/v1/workspaces/${slug}${path}`, headers: caller.headers });

  it('lists the unowned scope and every cluster of the workspace, and a member its own organisation', async () => {
    const scopesOf = async (caller: Caller) =>
      (await abilitiesOf(caller)).scopes.map(({ clusterId, organisationId }) => ({
        clusterId,
        organisationId,
      }));
    const clusters = [own.clusterId, other.clusterId].sort();
    const expected = [
      { clusterId: null, organisationId: null },
      ...clusters.map((clusterId) => ({ clusterId, organisationId: null })),
    ];
    expect(await scopesOf(coordinator)).toEqual(expected);
    expect(await scopesOf(viewer)).toEqual(expected);
    expect(await scopesOf(member)).toEqual([
      ...expected,
      { clusterId: null, organisationId: other.organisationId },
    ]);
  });

  it('gives a coordinator every permission everywhere', async () => {
    const abilities = await abilitiesOf(coordinator);
    expect(abilities.role).toBe('coordinator');
    expect(abilities.anywhere).toEqual([...PERMISSIONS]);
    for (const scope of abilities.scopes) expect(scope.permissions).toEqual([...PERMISSIONS]);
  });

  it('grants a cluster manager cluster.update on its own cluster and not on another, as a PATCH confirms', async () => {
    const abilities = await abilitiesOf(clusterManager);
    expect(abilities.anywhere).toContain('cluster.update');
    expect(grants(abilities, 'cluster.update', { clusterId: own.clusterId })).toBe(true);
    expect(grants(abilities, 'cluster.update', { clusterId: other.clusterId })).toBe(false);
    expect(grants(abilities, 'cluster.create', { clusterId: own.clusterId })).toBe(false);

    const ownEdit = await patch(clusterManager, `/clusters/${own.clusterId}`, { version: 1, city: 'Ghent' });
    expect(ownEdit.statusCode).toBe(200);
    const otherEdit = await patch(clusterManager, `/clusters/${other.clusterId}`, {
      version: 1,
      city: 'Ghent',
    });
    expect(otherEdit.statusCode).toBe(403);

    // The organisations of its cluster, likewise.
    expect(
      grants(abilities, 'organisation.update', {
        clusterId: own.clusterId,
        organisationId: own.organisationId,
      }),
    ).toBe(true);
    expect(
      grants(abilities, 'organisation.update', {
        clusterId: other.clusterId,
        organisationId: other.organisationId,
      }),
    ).toBe(false);
    expect(
      (await patch(clusterManager, `/organisations/${own.organisationId}`, { version: 1, city: 'Liège' }))
        .statusCode,
    ).toBe(200);
    expect(
      (await patch(clusterManager, `/organisations/${other.organisationId}`, { version: 1, city: 'Liège' }))
        .statusCode,
    ).toBe(403);
  });

  it('grants a member organisation.update on its own organisation only, as a PATCH confirms', async () => {
    const abilities = await abilitiesOf(member);
    const mine = { clusterId: other.clusterId, organisationId: other.organisationId };
    const theirs = { clusterId: own.clusterId, organisationId: own.organisationId };
    expect(grants(abilities, 'organisation.update', mine)).toBe(true);
    expect(grants(abilities, 'organisation.delete', mine)).toBe(false);
    expect(grants(abilities, 'organisation.update', theirs)).toBe(false);
    expect(abilities.anywhere).not.toContain('budget.read');

    const current = (await get(member, `/organisations/${other.organisationId}`)).json();
    const mineEdit = await patch(member, `/organisations/${other.organisationId}`, {
      version: current.version,
      city: 'Namur',
    });
    expect(mineEdit.statusCode).toBe(200);
    const theirsEdit = await patch(member, `/organisations/${own.organisationId}`, {
      version: 1,
      city: 'Namur',
    });
    expect(theirsEdit.statusCode).toBe(403);
  });

  it('shows a viewer the money but no change anywhere; a mentor neither', async () => {
    const abilities = await abilitiesOf(viewer);
    expect(abilities.anywhere).toContain('budget.read');
    const changes = (permissions: Permission[]) => permissions.filter((p) => !p.endsWith('.read'));
    expect(changes(abilities.anywhere)).toEqual(['report.create']);
    for (const scope of abilities.scopes) {
      expect(scope.permissions).toContain('budget.read');
      expect(scope.permissions.filter((p) => p.endsWith('.update'))).toEqual([]);
    }
    expect((await get(viewer, '/budget/burn')).statusCode).toBe(200);
    expect((await patch(viewer, `/clusters/${own.clusterId}`, { version: 2, city: 'Mons' })).statusCode).toBe(
      403,
    );

    const mentorAbilities = await abilitiesOf(mentor);
    expect(mentorAbilities.anywhere).not.toContain('budget.read');
    expect((await get(mentor, '/budget/burn')).statusCode).toBe(403);
  });

  it('answers 404 to a user of another workspace, as every workspace route does', async () => {
    const factory = new Factory(t.database.db);
    const elsewhere = await factory.workspace();
    const stranger = await factory.memberWithToken(elsewhere.id, 'coordinator');
    expect((await get(stranger, '/me/abilities')).statusCode).toBe(404);
  });
});
