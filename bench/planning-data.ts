import type { Insertable, Kysely } from 'kysely';
import { newId, nowIso } from '../src/db/ids.ts';
import type { ActivityTable, CostLineTable, DB } from '../src/db/schema.ts';
import { FUNDING_SOURCES } from '../src/domain/catalogue/types.ts';
import { BUDGET_CATEGORIES } from '../src/domain/planning/types.ts';
import { seededRandom } from '../src/domain/random.ts';
import { ClusterRepository } from '../src/features/clusters/repository.ts';
import { WorkspaceRepository } from '../src/features/workspaces/repository.ts';
import { coordinatorToken } from './lib/setup.ts';

/** What one generated workspace holds, for the runner's URLs and its report. */
export interface PlanningWorkspace {
  slug: string;
  token: string;
  /** The plan the plan-page measurements read (the first, in the big workspace). */
  planId: string;
  activities: number;
  costLines: number;
  markets: number;
  plans: number;
}

export interface PlanningShape {
  markets: number;
  plans: number;
  activities: number;
  /** Lines per activity (planned and actual). */
  linesPerActivity: number;
  /** Share of the activities outside any plan. */
  standaloneShare: number;
}

const COUNTRIES = ['CN', 'AE', 'CA', 'CO', 'CL', 'JP', 'IN', 'BR', 'US', 'SG'];
const BATCH = 1000;

/**
 * A workspace with clusters, markets, plans (two-year periods with caps), activities spread over
 * the plans' periods and their budget lines, loaded with bulk inserts in one transaction. Seeded
 * PRNG: the same data on every run. The catalogue must be seeded first.
 */
export async function generatePlanningWorkspace(
  db: Kysely<DB>,
  tag: string,
  shape: PlanningShape,
): Promise<PlanningWorkspace> {
  const random = seededRandom(4);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const workspace = await new WorkspaceRepository(db).create(
    `bench-${tag}-${process.pid}`,
    `Planning ${tag}`,
  );
  const clusters = new ClusterRepository(db);
  const clusterIds: string[] = [];
  for (let i = 0; i < 6; i++) {
    const cluster = await clusters.create(workspace.id, {
      name: `Cluster ${i}`,
      short_name: `C${i}`,
      country: ['FR', 'BE', 'IT', 'ES', 'GR', 'PL'][i] as string,
      city: 'City',
      day_rate_cents: 40_000 + i * 2_000,
      website: null,
    });
    clusterIds.push(cluster.id);
  }
  const instruments = await db
    .selectFrom('instrument')
    .select('id')
    .where('workspace_id', 'is', null)
    .execute();
  const now = nowIso();
  const plans: Array<{ id: string; starts: number }> = [];
  let activities = 0;
  let costLines = 0;

  await db.transaction().execute(async (trx) => {
    const marketIds: string[] = [];
    for (let m = 0; m < shape.markets; m++) {
      const id = newId();
      marketIds.push(id);
      await trx
        .insertInto('target_market')
        .values({
          id,
          workspace_id: workspace.id,
          name: `Market ${m}`,
          country: COUNTRIES[m % COUNTRIES.length] as string,
          segments: '[]',
          priority: 'high',
          status: 'active',
          rationale: '',
          findings: '',
          owner_cluster_id: clusterIds[m % clusterIds.length] as string,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    for (let p = 0; p < shape.plans; p++) {
      const id = newId();
      const year = 2025 + (p % 3);
      plans.push({ id, starts: year });
      await trx
        .insertInto('plan')
        .values({
          id,
          workspace_id: workspace.id,
          market_id: marketIds[p % marketIds.length] as string,
          name: `Plan ${p}`,
          starts_on: `${year}-01-01`,
          ends_on: `${year + 1}-12-31`,
          budget_cap_cents: 20_000_000 + p * 100_000,
          status: 'active',
          notes: '',
          created_at: now,
          updated_at: now,
        })
        .execute();
    }

    let activityBatch: Insertable<ActivityTable>[] = [];
    let lineBatch: Insertable<CostLineTable>[] = [];
    /** Activities before their lines (foreign keys), a thousand rows a statement. */
    const flush = async (force: boolean) => {
      if (!force && activityBatch.length < BATCH && lineBatch.length < BATCH) return;
      if (activityBatch.length > 0) await trx.insertInto('activity').values(activityBatch).execute();
      if (lineBatch.length > 0) await trx.insertInto('cost_line').values(lineBatch).execute();
      activityBatch = [];
      lineBatch = [];
    };
    for (let a = 0; a < shape.activities; a++) {
      const standalone = random() < shape.standaloneShare;
      // The first plan gets its share in order, so a plan with exactly `activities / plans` exists.
      const plan = standalone ? null : (plans[a % plans.length] as { id: string; starts: number });
      const year = plan ? plan.starts + Math.floor(random() * 2) : 2026;
      const month = 1 + Math.floor(random() * 12);
      const day = 1 + Math.floor(random() * 25);
      const startsOn = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      const endsOn = `${year}-${String(month).padStart(2, '0')}-${String(day + Math.floor(random() * 3)).padStart(2, '0')}`;
      const id = newId();
      activityBatch.push({
        id,
        workspace_id: workspace.id,
        plan_id: plan?.id ?? null,
        instrument_id: pick(instruments).id,
        title: `Activity ${a}`,
        starts_on: startsOn,
        ends_on: endsOn,
        city: 'City',
        country: pick(COUNTRIES),
        cluster_id: random() < 0.1 ? null : pick(clusterIds),
        status: random() < 0.05 ? 'cancelled' : pick(['planned', 'confirmed', 'done'] as const),
        outcome_notes: '',
        estimate_parameters: '{"units":2}',
        created_at: now,
        updated_at: now,
      });
      activities++;
      for (let l = 0; l < shape.linesPerActivity; l++) {
        const actual = l % 3 === 2;
        const category = pick(BUDGET_CATEGORIES);
        lineBatch.push({
          id: newId(),
          workspace_id: workspace.id,
          activity_id: id,
          kind: actual ? 'actual' : 'planned',
          category,
          funding_source: pick(FUNDING_SOURCES),
          description: `Line ${l}`,
          formula: category === 'staff' ? '2 days × 450 EUR = 900 EUR' : null,
          amount_cents: 1_000 + Math.floor(random() * 500_000),
          effort_centidays: category === 'staff' ? 200 : 0,
          origin: l < 2 ? 'estimate' : 'manual',
          incurred_on: actual ? startsOn : null,
          created_at: now,
          updated_at: now,
        });
        costLines++;
      }
      await flush(false);
    }
    await flush(true);
  });
  return {
    slug: workspace.slug,
    token: await coordinatorToken(db, workspace.id, tag),
    planId: (plans[0] as { id: string }).id,
    activities,
    costLines,
    markets: shape.markets,
    plans: shape.plans,
  };
}
