import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { type Insertable, type Kysely, sql } from 'kysely';
import { buildApp } from '../src/app/build-app.ts';
import { openDatabase } from '../src/db/database.ts';
import { newId, nowIso } from '../src/db/ids.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import type { ActivityTable, CostLineTable, DB } from '../src/db/schema.ts';
import { seedCatalogue } from '../src/features/instruments/seed.ts';
import { WorkspaceRepository } from '../src/features/workspaces/repository.ts';
import { percentile, summarize, writeResult } from './lib/report.ts';
import { coordinatorToken, freshDatabase, numberArg } from './lib/setup.ts';

/**
 * `npm run bench -- plan-page [--plans N] [--requests N]`: `GET /plans/{id}` for a plan with 200
 * activities and 2,000 cost lines (7 planned and 3 actual per activity), in a workspace holding
 * `--plans` such plans in all (default 25: 5,000 activities, 50,000 lines), on a fresh SQLite file
 * and a fresh PostgreSQL database, through the whole HTTP stack. Target (issue 4): p95 under 50 ms.
 */
const ACTIVITIES_PER_PLAN = 200;
const LINES_PER_ACTIVITY = 10;

export async function main(args: string[]): Promise<void> {
  const planTotal = numberArg(args, '--plans', 25);
  const requests = numberArg(args, '--requests', 200);
  const load = os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(', ');
  const rows: string[] = [];
  for (const kind of ['sqlite', 'postgres'] as const) {
    const target = await freshDatabase(kind, 'planpage');
    try {
      const database = openDatabase(target.url);
      try {
        await migrateToLatest(database.db);
        await seedCatalogue(database.db);
        const { slug, workspaceId, planIds } = await generate(database.db, planTotal);
        await sql.raw(kind === 'postgres' ? 'vacuum analyze' : 'analyze').execute(database.db);
        const token = await coordinatorToken(database.db, workspaceId, 'planpage');
        const app = await buildApp({ database, logger: false });
        try {
          // The middle plan: neither the first nor the last rows written.
          const url = `/api/v1/workspaces/${slug}/plans/${planIds[Math.floor(planIds.length / 2)]}`;
          const call = async () => {
            const res = await app.inject({
              method: 'GET',
              url,
              headers: { authorization: `Bearer ${token}` },
            });
            if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
            return res.json().activities.length as number;
          };
          for (let i = 0; i < 20; i++) await call();
          const times: number[] = [];
          let activities = 0;
          for (let i = 0; i < requests; i++) {
            const start = performance.now();
            activities = await call();
            times.push(performance.now() - start);
          }
          const { min, median, max } = summarize(times);
          const p95 = percentile(times, 0.95);
          console.log(
            `${kind}: p95 ${p95.toFixed(1)} ms, median ${median.toFixed(1)} ms (${activities} activities)`,
          );
          rows.push(
            `| ${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'} | ${activities} | **${p95.toFixed(1)}** | ${min.toFixed(1)} | ${median.toFixed(1)} | ${max.toFixed(1)} | ${p95 < 50 ? 'met' : 'NOT met'} |`,
          );
        } finally {
          await app.close();
        }
      } finally {
        await database.close();
      }
    } finally {
      await target.drop();
    }
  }
  const body = `
One workspace with ${planTotal} plans of ${ACTIVITIES_PER_PLAN} activities and
${ACTIVITIES_PER_PLAN * LINES_PER_ACTIVITY} cost lines each (${(planTotal * ACTIVITIES_PER_PLAN).toLocaleString('en')} activities,
${(planTotal * ACTIVITIES_PER_PLAN * LINES_PER_ACTIVITY).toLocaleString('en')} cost lines), a fresh database of each kind. 20 warm-up
calls, then ${requests} sequential \`GET /api/v1/workspaces/{w}/plans/{id}\` of one plan through \`app.inject\`
as a coordinator (the whole stack: authentication, membership, four SQL queries, JSON). Times in
milliseconds. After loading: \`ANALYZE\` (SQLite) or \`VACUUM ANALYZE\` (PostgreSQL). Load average
when the run started: ${load} (${os.cpus().length} cores).

| database | activities | p95 | min | median | max | p95 < 50 ms |
|---|---|---|---|---|---|---|
${rows.join('\n')}
`;
  console.log(
    `\nwritten ${writeResult('plan-page', 'Plan page: 200 activities and 2,000 cost lines', body)}`,
  );
}

/** A workspace, one market, `planTotal` full plans; activities cycle through the catalogue. */
export async function generate(db: Kysely<DB>, planTotal: number) {
  const workspace = await new WorkspaceRepository(db).create(
    `bench-plan-${process.pid}`,
    'Benchmark consortium',
  );
  const instruments = await db
    .selectFrom('instrument')
    .select('id')
    .where('workspace_id', 'is', null)
    .execute();
  const now = nowIso();
  const marketId = newId();
  await db
    .insertInto('target_market')
    .values({
      id: marketId,
      workspace_id: workspace.id,
      name: 'Japan',
      country: 'JP',
      segments: '[]',
      priority: 'high',
      status: 'active',
      rationale: '',
      findings: '',
      owner_cluster_id: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const planIds: string[] = [];
  for (let p = 0; p < planTotal; p++) {
    const planId = newId();
    planIds.push(planId);
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('plan')
        .values({
          id: planId,
          workspace_id: workspace.id,
          market_id: marketId,
          name: `Plan ${p}`,
          starts_on: '2026-01-01',
          ends_on: '2027-12-31',
          budget_cap_cents: 50_000_000,
          status: 'active',
          notes: '',
          created_at: now,
          updated_at: now,
        })
        .execute();
      const activities: Insertable<ActivityTable>[] = Array.from({ length: ACTIVITIES_PER_PLAN }, (_, i) => ({
        id: newId(),
        workspace_id: workspace.id,
        plan_id: planId,
        instrument_id: (instruments[i % instruments.length] as { id: string }).id,
        title: `Activity ${p}.${i}`,
        starts_on: `${2026 + (i % 2)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
        ends_on: `${2026 + (i % 2)}-${String((i % 12) + 1).padStart(2, '0')}-28`,
        city: 'Tokyo',
        country: 'JP',
        cluster_id: null,
        status: 'planned',
        outcome_notes: '',
        estimate_parameters: '{}',
        created_at: now,
        updated_at: now,
      }));
      await trx.insertInto('activity').values(activities).execute();
      const lines: Insertable<CostLineTable>[] = activities.flatMap((activity) =>
        Array.from({ length: LINES_PER_ACTIVITY }, (_, j) => ({
          id: newId(),
          workspace_id: workspace.id,
          activity_id: activity.id as string,
          kind: j < 7 ? ('planned' as const) : ('actual' as const),
          category: 'travel',
          funding_source: 'eu_programme',
          description: `Line ${j}`,
          formula: null,
          amount_cents: 12_345 + j,
          origin: 'manual' as const,
          incurred_on: j < 7 ? null : '2026-06-01',
          created_at: now,
          updated_at: now,
        })),
      );
      for (let start = 0; start < lines.length; start += 500) {
        await trx
          .insertInto('cost_line')
          .values(lines.slice(start, start + 500))
          .execute();
      }
    });
  }
  return { slug: workspace.slug, workspaceId: workspace.id, planIds };
}
