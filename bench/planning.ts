import os from 'node:os';
import { performance } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { buildApp } from '../src/app/build-app.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { seedCatalogue } from '../src/features/instruments/seed.ts';
import { percentile, summarize, writeResult } from './lib/report.ts';
import { freshDatabase, numberArg } from './lib/setup.ts';
import { generatePlanningWorkspace, type PlanningShape, type PlanningWorkspace } from './planning-data.ts';

/**
 * `npm run bench -- planning [--scale S] [--requests N]`: the planning API over a workspace with
 * one plan of 200 activities and 2,000 budget lines, and a workspace with 5,000 activities and
 * 50,000 lines (10 markets, 25 plans), on a fresh SQLite file and a fresh PostgreSQL database,
 * through the whole HTTP stack (`app.inject`). `--scale 0.1` makes every count a tenth (a quick
 * check that the benchmark runs). Targets (issue 4): the plan page's API p95 under 50 ms; the
 * workspace roll-up under 200 ms.
 */

type Dataset = 'plan' | 'workspace';

interface MeasuredEndpoint {
  name: string;
  dataset: Dataset;
  /** The URL under `/api/v1/workspaces/{slug}`. */
  path: (data: PlanningWorkspace) => string;
  /** p95 target in ms. */
  targetMs: number;
  /** How many items the answer holds, for the report. */
  count: (body: unknown) => number;
}

const items = (body: unknown) => (body as { items: unknown[] }).items.length;
const groups = (body: unknown) => (body as { groups: unknown[] }).groups.length;

/** The measured endpoints: the plan page's calls on the 200-activity plan, then the workspace roll-ups. */
const ENDPOINTS: MeasuredEndpoint[] = [
  {
    name: 'GET /activities?planId=…&limit=500',
    dataset: 'plan',
    path: (d) => `/activities?planId=${d.planId}&limit=500`,
    targetMs: 50,
    count: items,
  },
  {
    name: 'GET /budget/rollup?planId=…&groupBy=category',
    dataset: 'plan',
    path: (d) => `/budget/rollup?planId=${d.planId}&groupBy=category`,
    targetMs: 50,
    count: groups,
  },
  {
    name: 'GET /plans/:id (the plan page)',
    dataset: 'plan',
    path: (d) => `/plans/${d.planId}`,
    targetMs: 50,
    count: (body) => (body as { activities: unknown[] }).activities.length,
  },
  {
    name: 'GET /budget/rollup?groupBy=market',
    dataset: 'workspace',
    path: () => '/budget/rollup?groupBy=market',
    targetMs: 200,
    count: groups,
  },
  {
    name: 'GET /budget/rollup?groupBy=fundingSource',
    dataset: 'workspace',
    path: () => '/budget/rollup?groupBy=fundingSource',
    targetMs: 200,
    count: groups,
  },
];

function shapes(scale: number): Record<Dataset, PlanningShape> {
  const n = (count: number) => Math.max(1, Math.round(count * scale));
  return {
    plan: { markets: 1, plans: 1, activities: n(200), linesPerActivity: 10, standaloneShare: 0 },
    workspace: { markets: 10, plans: 25, activities: n(5_000), linesPerActivity: 10, standaloneShare: 0.1 },
  };
}

export async function main(args: string[]): Promise<void> {
  const scale = numberArg(args, '--scale', 1, false);
  const requests = numberArg(args, '--requests', 100);
  const load = os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(', ');
  const sections: string[] = [];
  for (const kind of ['sqlite', 'postgres'] as const) {
    const target = await freshDatabase(kind, 'planning');
    try {
      const database = openDatabase(target.url);
      try {
        await migrateToLatest(database.db);
        await seedCatalogue(database.db);
        const started = performance.now();
        const data: Record<Dataset, PlanningWorkspace> = {
          plan: await generatePlanningWorkspace(database.db, 'plan', shapes(scale).plan),
          workspace: await generatePlanningWorkspace(database.db, 'workspace', shapes(scale).workspace),
        };
        const seconds = (performance.now() - started) / 1000;
        console.log(`${kind}: data generated in ${seconds.toFixed(1)} s`);
        // The steady state after a bulk load, as autovacuum would leave it.
        await sql.raw(kind === 'postgres' ? 'vacuum analyze' : 'analyze').execute(database.db);
        const app = await buildApp({ database, logger: false });
        try {
          sections.push(await measure(kind, app, data, requests, seconds));
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
  const sizes = shapes(scale);
  const body = `
Two workspaces in one fresh database of each kind: **plan**, one plan with
${sizes.plan.activities.toLocaleString('en')} activities and ${(sizes.plan.activities * 10).toLocaleString('en')} budget lines; **workspace**,
${sizes.workspace.activities.toLocaleString('en')} activities and ${(sizes.workspace.activities * 10).toLocaleString('en')} lines over 10 markets and 25 plans
(10% standalone, about 5% cancelled, 3 lines in 10 actual). Scale ${scale}. Each endpoint: 10 warm-up
calls, then ${requests} sequential requests through \`app.inject\` with an API token (authentication,
membership, validation, SQL, JSON). Times in milliseconds. After loading: \`ANALYZE\` (SQLite) or
\`VACUUM ANALYZE\` (PostgreSQL). Load average when the run started: ${load} (${os.cpus().length} cores).

${sections.join('\n\n')}
`;
  // A scaled run is a check that the benchmark works, kept apart from the figures of record.
  const name = scale === 1 ? 'planning' : `planning-scale-${scale}`;
  const command = `npm run bench -- planning${scale === 1 ? '' : ` --scale ${scale}`} --requests ${requests}`;
  console.log(`\nwritten ${writeResult(name, 'Planning API: plan page and budget roll-ups', body, command)}`);
}

async function measure(
  kind: string,
  app: FastifyInstance,
  data: Record<Dataset, PlanningWorkspace>,
  requests: number,
  seconds: number,
): Promise<string> {
  const rows: string[] = [];
  for (const endpoint of ENDPOINTS) {
    const workspace = data[endpoint.dataset];
    const url = `/api/v1/workspaces/${workspace.slug}${endpoint.path(workspace)}`;
    const call = async () => {
      const res = await app.inject({
        method: 'GET',
        url,
        headers: { authorization: `Bearer ${workspace.token}` },
      });
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
      return endpoint.count(res.json());
    };
    for (let i = 0; i < 10; i++) await call();
    const times: number[] = [];
    let count = 0;
    for (let i = 0; i < requests; i++) {
      const start = performance.now();
      count = await call();
      times.push(performance.now() - start);
    }
    const { median, max } = summarize(times);
    const p95 = percentile(times, 0.95);
    console.log(
      `${kind} ${endpoint.name}: p95 ${p95.toFixed(1)} ms, median ${median.toFixed(1)} ms (${count})`,
    );
    rows.push(
      `| \`${endpoint.name}\` | ${endpoint.dataset} | ${count} | ${median.toFixed(1)} | **${p95.toFixed(1)}** | ${max.toFixed(1)} | < ${endpoint.targetMs}: ${p95 < endpoint.targetMs ? 'met' : 'NOT met'} |`,
    );
  }
  return `### ${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'} (data generated in ${seconds.toFixed(1)} s)

| endpoint | data | items or groups | p50 | p95 | max | p95 target (ms) |
|---|---|---|---|---|---|---|
${rows.join('\n')}`;
}
