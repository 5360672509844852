import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/databases.ts';
import { Factory } from '../../../test/support/factories.ts';
import { newNetworkOrganisation, newNetworkPerson } from '../../../test/support/network-factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { newId, nowIso } from '../../db/ids.ts';

describe.each(testDialects())('merging network duplicates on %s', (kind) => {
  let t: TestApp;
  let factory: Factory;
  let slug: string;
  let workspaceId: string;
  let clusterA: string;
  let clusterB: string;
  let coordinator: { headers: Record<string, string> };
  const url = (path: string) => `/api/v1/workspaces/${slug}/network${path}`;
  const post = (path: string, payload: object, headers = coordinator.headers) =>
    t.app.inject({ method: 'POST', url: url(path), headers, payload });
  const db = () => t.database.db;

  const interaction = async (
    organisationId: string,
    personId: string | null = null,
    activityId: string | null = null,
  ) => {
    const now = nowIso();
    const id = newId();
    await db()
      .insertInto('interaction')
      .values({
        id,
        workspace_id: workspaceId,
        kind: 'meeting',
        occurred_on: '2026-03-01',
        network_organisation_id: organisationId,
        network_person_id: personId,
        activity_id: activityId,
        notes: '',
        created_at: now,
        updated_at: now,
        cluster_id: null,
        staff_user_id: null,
        member_organisation_id: null,
        member_person_id: null,
        next_step: null,
        next_step_due_on: null,
        next_step_owner_user_id: null,
        next_step_done_at: null,
        created_by: null,
      })
      .execute();
    return id;
  };
  const relationship = async (organisationId: string, ourCluster: string, stages: [string, string][]) => {
    const now = nowIso();
    const id = newId();
    const last = stages.at(-1) as [string, string];
    await db()
      .insertInto('relationship')
      .values({
        id,
        workspace_id: workspaceId,
        our_cluster_id: ourCluster,
        our_organisation_id: null,
        network_organisation_id: organisationId,
        counterpart_organisation_id: null,
        cluster_id: ourCluster,
        market_id: null,
        stage: last[0],
        stage_reason: null,
        started_on: stages[0]?.[1] ?? '2026-01-01',
        stage_changed_on: last[1],
        owner_user_id: null,
        notes: '',
        created_at: now,
        updated_at: now,
      })
      .execute();
    let from: string | null = null;
    for (const [stage, day] of stages) {
      await db()
        .insertInto('relationship_stage_change')
        .values({
          id: newId(),
          workspace_id: workspaceId,
          relationship_id: id,
          from_stage: from,
          to_stage: stage,
          changed_on: day,
          reason: null,
          actor_user_id: null,
          activity_id: null,
          created_at: now,
        })
        .execute();
      from = stage;
    }
    return id;
  };
  const project = async (partners: string[]) => {
    const now = nowIso();
    const id = newId();
    await db()
      .insertInto('project')
      .values({
        id,
        workspace_id: workspaceId,
        cluster_id: null,
        title: `Project ${id}`,
        description: '',
        funding_programme: null,
        amount_minor: null,
        currency: null,
        status: 'idea',
        activity_id: null,
        instrument_id: null,
        starts_on: null,
        ends_on: null,
        completed_on: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    for (const organisationId of partners) {
      await db()
        .insertInto('project_partner')
        .values({
          id: newId(),
          project_id: id,
          cluster_id: null,
          organisation_id: null,
          network_organisation_id: organisationId,
          role: 'partner',
          created_at: now,
        })
        .execute();
    }
    return id;
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    factory = new Factory(t.database.db);
  });
  beforeEach(async () => {
    const workspace = await factory.workspace();
    slug = workspace.slug;
    workspaceId = workspace.id;
    clusterA = (await factory.cluster(workspaceId)).id;
    clusterB = (await factory.cluster(workspaceId)).id;
    coordinator = await factory.memberWithToken(workspaceId, 'coordinator');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('moves people, interactions, relationships and partnerships, keeping the later stage of a colliding pair', async () => {
    const kept = await newNetworkOrganisation(db(), workspaceId, {
      name: 'JAXA Business',
      country: 'JP',
      tags: '["agency"]',
    });
    const merged = await newNetworkOrganisation(db(), workspaceId, {
      name: 'JAXA Biz Dev',
      country: 'JP',
      city: 'Tokyo',
      website: 'https://jaxa.example',
      tags: '["fair","agency"]',
    });
    const person = await newNetworkPerson(db(), workspaceId, { organisation_id: merged.id });
    const movedInteraction = await interaction(merged.id, person.id);
    // Cluster A knows both: the merged one is further along (partner), so its relationship stays.
    const keptLow = await relationship(kept.id, clusterA, [['mapped', '2026-01-10']]);
    const mergedHigh = await relationship(merged.id, clusterA, [
      ['contacted', '2026-02-01'],
      ['partner', '2026-03-01'],
    ]);
    // Cluster B knows only the merged one: its relationship moves.
    const onlyMerged = await relationship(merged.id, clusterB, [['met', '2026-02-15']]);
    const both = await project([kept.id, merged.id]);
    const mergedOnly = await project([merged.id]);

    const response = await post(`/organisations/${merged.id}/merge`, { intoId: kept.id, version: 1 });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      id: kept.id,
      city: 'Tokyo',
      website: 'https://jaxa.example',
      tags: ['agency', 'fair'],
      peopleCount: 1,
      version: 2,
    });
    expect(
      await db().selectFrom('network_organisation').select('id').where('id', '=', merged.id).execute(),
    ).toEqual([]);
    expect(
      (
        await db()
          .selectFrom('network_person')
          .select('organisation_id')
          .where('id', '=', person.id)
          .executeTakeFirstOrThrow()
      ).organisation_id,
    ).toBe(kept.id);
    expect(
      (
        await db()
          .selectFrom('interaction')
          .select('network_organisation_id')
          .where('id', '=', movedInteraction)
          .executeTakeFirstOrThrow()
      ).network_organisation_id,
    ).toBe(kept.id);

    const relationships = await db()
      .selectFrom('relationship')
      .select(['id', 'stage', 'our_cluster_id', 'network_organisation_id', 'started_on'])
      .where('workspace_id', '=', workspaceId)
      .orderBy('id')
      .execute();
    expect(relationships.map((r) => r.id).sort()).toEqual([mergedHigh, onlyMerged].sort());
    expect(relationships.every((r) => r.network_organisation_id === kept.id)).toBe(true);
    expect(relationships.find((r) => r.id === mergedHigh)).toMatchObject({
      stage: 'partner',
      started_on: '2026-01-10',
    });
    const changes = await db()
      .selectFrom('relationship_stage_change')
      .select(['to_stage'])
      .where('relationship_id', '=', mergedHigh)
      .orderBy('changed_on')
      .execute();
    expect(changes.map((c) => c.to_stage)).toEqual(['mapped', 'contacted', 'partner']);
    expect(await db().selectFrom('relationship').select('id').where('id', '=', keptLow).execute()).toEqual(
      [],
    );

    const partners = await db()
      .selectFrom('project_partner')
      .select(['project_id', 'network_organisation_id'])
      .where('project_id', 'in', [both, mergedOnly])
      .orderBy('project_id')
      .execute();
    expect(partners).toEqual(
      [
        { project_id: both, network_organisation_id: kept.id },
        { project_id: mergedOnly, network_organisation_id: kept.id },
      ].sort((a, b) => a.project_id.localeCompare(b.project_id)),
    );

    const audit = await db()
      .selectFrom('audit_event')
      .select(['action', 'entity_id', 'changes'])
      .where('workspace_id', '=', workspaceId)
      .where('entity_type', '=', 'network_organisation')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => [a.action, a.entity_id])).toEqual([
      ['delete', merged.id],
      ['update', kept.id],
    ]);
    expect(JSON.parse(audit[0]?.changes ?? '{}').merged_into).toEqual([null, kept.id]);
  });

  it('keeps the kept organisation’s relationship when it is the further one', async () => {
    const kept = await newNetworkOrganisation(db(), workspaceId, { name: 'Kept' });
    const merged = await newNetworkOrganisation(db(), workspaceId, { name: 'Merged' });
    const keptHigh = await relationship(kept.id, clusterA, [['collaborating', '2026-02-01']]);
    const mergedLow = await relationship(merged.id, clusterA, [['dormant', '2026-03-01']]);
    expect(
      (await post(`/organisations/${merged.id}/merge`, { intoId: kept.id, version: 1 })).statusCode,
    ).toBe(200);
    const rows = await db()
      .selectFrom('relationship')
      .select(['id', 'stage'])
      .where('workspace_id', '=', workspaceId)
      .execute();
    expect(rows).toEqual([{ id: keptHigh, stage: 'collaborating' }]);
    const changes = await db()
      .selectFrom('relationship_stage_change')
      .select('to_stage')
      .where('relationship_id', '=', keptHigh)
      .execute();
    expect(changes.map((c) => c.to_stage).sort()).toEqual(['collaborating', 'dormant']);
    expect(await db().selectFrom('relationship').select('id').where('id', '=', mergedLow).execute()).toEqual(
      [],
    );
  });

  it('refuses a merge into itself, a stale version, an unknown target, and a cluster manager outside its scope, changing nothing', async () => {
    const a = await newNetworkOrganisation(db(), workspaceId, { owner_cluster_id: clusterA });
    const b = await newNetworkOrganisation(db(), workspaceId, { owner_cluster_id: clusterB });
    await newNetworkPerson(db(), workspaceId, { organisation_id: a.id });
    const self = await post(`/organisations/${a.id}/merge`, { intoId: a.id, version: 1 });
    expect(self.statusCode).toBe(400);
    expect(self.json().errors[0].field).toBe('body.intoId');
    expect((await post(`/organisations/${a.id}/merge`, { intoId: b.id, version: 7 })).statusCode).toBe(409);
    expect((await post(`/organisations/${a.id}/merge`, { intoId: 'nope', version: 1 })).statusCode).toBe(404);
    expect((await post(`/organisations/${a.id}/merge`, { intoId: b.id })).statusCode).toBe(400);
    const manager = await factory.memberWithToken(workspaceId, 'cluster_manager', clusterA);
    expect(
      (await post(`/organisations/${a.id}/merge`, { intoId: b.id, version: 1 }, manager.headers)).statusCode,
    ).toBe(403);
    const left = await db()
      .selectFrom('network_organisation')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .execute();
    expect(left).toHaveLength(2);
    const person = await db()
      .selectFrom('network_person')
      .select('organisation_id')
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirstOrThrow();
    expect(person.organisation_id).toBe(a.id);
  });

  it('merges a person: interactions re-pointed, missing data filled, the duplicate deleted', async () => {
    const organisation = await newNetworkOrganisation(db(), workspaceId);
    const kept = await newNetworkPerson(db(), workspaceId, {
      name: 'Ana Souza',
      email: 'ana@a.example',
      consent_basis: null,
      consent_on: null,
      consent_source: null,
    });
    const merged = await newNetworkPerson(db(), workspaceId, {
      name: 'Ana Souza (fair)',
      email: 'ana.souza@b.example',
      phone: '+55 11 5555 0000',
      organisation_id: organisation.id,
    });
    const id = await interaction(organisation.id, merged.id);
    const response = await post(`/people/${merged.id}/merge`, { intoId: kept.id, version: 1 });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      id: kept.id,
      email: 'ana@a.example',
      phone: '+55 11 5555 0000',
      organisationId: organisation.id,
      consentBasis: 'consent',
      consentOn: '2026-01-15',
    });
    expect(
      (
        await db()
          .selectFrom('interaction')
          .select('network_person_id')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).network_person_id,
    ).toBe(kept.id);
    expect(
      await db().selectFrom('network_person').select('id').where('id', '=', merged.id).execute(),
    ).toEqual([]);
    // A person named in an interaction cannot simply be deleted.
    const refused = await t.app.inject({
      method: 'DELETE',
      url: url(`/people/${kept.id}?version=2`),
      headers: coordinator.headers,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toMatch(/1 interaction/);
  });
});
