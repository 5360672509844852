import type { Kysely } from 'kysely';
import type { DB } from '../src/db/schema.ts';
import { PIPELINE_STAGES } from '../src/domain/network/types.ts';
import { seededRandom } from '../src/domain/random.ts';
import { ClusterRepository } from '../src/features/clusters/repository.ts';
import { WorkspaceRepository } from '../src/features/workspaces/repository.ts';
import { coordinatorToken } from './lib/setup.ts';

/**
 * The network benchmark's workspace (issue 21): `relationships` relationships (8 clusters of ours
 * × relationships ÷ 2 network organisations in 10 markets' countries, two clusters each), ten
 * interactions per relationship spread over two years, and three stage changes per relationship
 * on average; owners among 20 users. Rows straight through Kysely in batches, deterministic.
 */
export interface NetworkShape {
  relationships: number;
  interactionsPerRelationship: number;
  stageChangesPerRelationship: number;
}

export interface NetworkWorkspace {
  slug: string;
  workspaceId: string;
  token: string;
  marketIds: string[];
  clusterIds: string[];
  counts: { organisations: number; relationships: number; interactions: number; stageChanges: number };
}

const COUNTRIES = ['JP', 'US', 'CA', 'IN', 'BR', 'KR', 'AU', 'SG', 'ZA', 'MX'];
const BATCH = 500;

function dayOffset(start: string, days: number): string {
  const date = new Date(`${start}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function daysFrom(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

async function insertAll<T extends keyof DB & string>(
  db: Kysely<DB>,
  table: T,
  rows: unknown[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    await db
      .insertInto(table)
      // biome-ignore lint/suspicious/noExplicitAny: rows built for the table above
      .values(rows.slice(i, i + BATCH) as any)
      .execute();
  }
}

export async function generateNetworkWorkspace(
  db: Kysely<DB>,
  tag: string,
  shape: NetworkShape,
): Promise<NetworkWorkspace> {
  const random = seededRandom(21);
  const pick = <V>(list: readonly V[]) => list[Math.floor(random() * list.length)] as V;
  const now = new Date().toISOString();
  const slug = `bench-${tag}-${process.pid}`;
  const workspace = await new WorkspaceRepository(db).create(slug, 'Network benchmark');
  const token = await coordinatorToken(db, workspace.id, tag);
  const clusters = new ClusterRepository(db);
  const clusterIds: string[] = [];
  for (let c = 0; c < 8; c += 1) {
    const cluster = await clusters.create(workspace.id, {
      name: `Cluster ${c}`,
      short_name: `C${c}`,
      country: 'FR',
      city: 'Toulouse',
      day_rate_cents: 40_000,
      website: null,
    });
    clusterIds.push(cluster.id);
  }
  const marketIds = COUNTRIES.map((_, i) => `${slug}-market-${i}`);
  await insertAll(
    db,
    'target_market',
    COUNTRIES.map((country, i) => ({
      id: marketIds[i],
      workspace_id: workspace.id,
      name: `Market ${country}`,
      country,
      segments: '[]',
      priority: 'medium',
      status: 'active',
      rationale: '',
      findings: '',
      owner_cluster_id: null,
      created_at: now,
      updated_at: now,
    })),
  );
  const owners: string[] = [];
  const ownerRows = Array.from({ length: 20 }, (_, i) => ({
    id: `${slug}-owner-${i}`,
    email: `${slug}-owner-${i}@example.test`,
    name: `Owner ${i}`,
    password_hash: null,
    language: null,
    created_at: now,
    updated_at: now,
  }));
  await insertAll(db, 'app_user', ownerRows);
  await insertAll(
    db,
    'membership',
    ownerRows.map((user) => {
      owners.push(user.id);
      return {
        id: `${user.id}-m`,
        workspace_id: workspace.id,
        user_id: user.id,
        role: 'coordinator',
        cluster_id: null,
        created_at: now,
      };
    }),
  );

  const organisationCount = Math.max(1, Math.ceil(shape.relationships / 2));
  const organisations = Array.from({ length: organisationCount }, (_, i) => {
    const country = COUNTRIES[i % COUNTRIES.length] as string;
    return {
      id: `${slug}-org-${i}`,
      workspace_id: workspace.id,
      owner_cluster_id: null,
      name: `Organisation ${i}`,
      normalised_name: `organisation ${i}`,
      type: 'company',
      country,
      city: `City ${i % 7}`,
      website: null,
      website_domain: null,
      space_segments: '[]',
      melca: '[]',
      tags: '[]',
      notes: '',
      created_at: now,
      updated_at: now,
    };
  });
  await insertAll(db, 'network_organisation', organisations);

  const relationships: Record<string, unknown>[] = [];
  const changes: Record<string, unknown>[] = [];
  const interactions: Record<string, unknown>[] = [];
  for (let r = 0; r < shape.relationships; r += 1) {
    const orgIndex = r % organisationCount;
    const clusterId = clusterIds[
      (Math.floor(r / organisationCount) * 3 + orgIndex) % clusterIds.length
    ] as string;
    // Began between mid-2024 and mid-2026; interactions up to a last active day before the end of
    // November 2026, so part of the network has gone quiet (decaying) and part is fresh.
    const started = dayOffset('2024-06-01', Math.floor(random() * 730));
    const span = Math.max(1, daysFrom(started, '2026-11-30'));
    const lastActive = Math.floor(span * Math.sqrt(random()));
    const steps = Math.max(1, Math.round(random() * 2 * shape.stageChangesPerRelationship - 0.5));
    let rank = 0;
    let day = started;
    const id = `${slug}-rel-${r}`;
    for (let s = 0; s < steps; s += 1) {
      const to = s === 0 ? 0 : Math.min(PIPELINE_STAGES.length - 1, rank + 1 + (random() < 0.2 ? 1 : 0));
      changes.push({
        id: `${id}-ch-${s}`,
        workspace_id: workspace.id,
        relationship_id: id,
        from_stage: s === 0 ? null : PIPELINE_STAGES[rank],
        to_stage: PIPELINE_STAGES[to],
        changed_on: day,
        reason: null,
        actor_user_id: null,
        activity_id: null,
        created_at: now,
      });
      rank = to;
      day = dayOffset(day, 5 + Math.floor(random() * 60));
    }
    const dormant = random() < 0.08;
    relationships.push({
      id,
      workspace_id: workspace.id,
      our_cluster_id: clusterId,
      our_organisation_id: null,
      network_organisation_id: organisations[orgIndex]?.id,
      counterpart_organisation_id: null,
      cluster_id: clusterId,
      market_id: marketIds[orgIndex % marketIds.length],
      stage: dormant ? 'dormant' : PIPELINE_STAGES[rank],
      stage_reason: dormant ? 'No answer' : null,
      started_on: started,
      stage_changed_on: day,
      owner_user_id: pick(owners),
      notes: '',
      created_at: now,
      updated_at: now,
    });
    for (let i = 0; i < shape.interactionsPerRelationship; i += 1) {
      interactions.push({
        id: `${id}-int-${i}`,
        workspace_id: workspace.id,
        kind: 'meeting',
        occurred_on: dayOffset(started, Math.floor(random() * (lastActive + 1))),
        activity_id: null,
        cluster_id: clusterId,
        network_organisation_id: organisations[orgIndex]?.id,
        notes: '',
        next_step: random() < 0.05 ? 'Follow up' : null,
        next_step_due_on: null,
        created_at: now,
        updated_at: now,
      });
    }
  }
  await insertAll(db, 'relationship', relationships);
  await insertAll(db, 'relationship_stage_change', changes);
  await insertAll(db, 'interaction', interactions);
  return {
    slug,
    workspaceId: workspace.id,
    token,
    marketIds,
    clusterIds,
    counts: {
      organisations: organisationCount,
      relationships: relationships.length,
      interactions: interactions.length,
      stageChanges: changes.length,
    },
  };
}
