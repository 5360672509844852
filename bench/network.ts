import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { buildApp } from '../src/app/build-app.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { seedCatalogue } from '../src/features/instruments/seed.ts';
import { percentile, summarize, writeResult } from './lib/report.ts';
import { freshDatabase, numberArg } from './lib/setup.ts';
import { generateNetworkWorkspace, type NetworkWorkspace } from './network-data.ts';

/**
 * `npm run bench -- network [--relationships N] [--requests N]`: the network's reads over one
 * workspace of 20,000 relationships, 200,000 interactions and about 60,000 stage changes (issue
 * 21's figures), on a fresh SQLite file and a fresh PostgreSQL database, through the whole HTTP
 * stack (`app.inject` with an API token). Targets: the network-health list p95 < 50 ms; the
 * pipeline board and list p95 < 100 ms. The board and list are the relationships feature's
 * routes: when this build has no such route, the table says "not available" instead of a figure
 * (re-run after merging it). `--relationships 2000` is a quick check that the benchmark runs.
 */

interface Endpoint {
  name: string;
  /** The route as registered, to tell "not in this build" from a 404 answer. */
  route: string;
  path: (w: NetworkWorkspace) => string;
  target: number | null;
  count: (body: unknown) => string;
}

const total = (body: unknown) => `${(body as { total: number }).total.toLocaleString('en')} rows`;
const ENDPOINTS: Endpoint[] = [
  {
    name: 'Baseline: GET /clusters (8 rows; the cost of any request on this machine)',
    route: '/clusters',
    path: () => '/clusters',
    target: null,
    count: (body) => `${(body as { items: unknown[] }).items.length} rows`,
  },
  {
    name: 'GET /network/health (first page, longest silence first)',
    route: '/network/health',
    path: () => '/network/health?limit=50',
    target: 50,
    count: total,
  },
  {
    name: 'GET /network/health?decaying=true',
    route: '/network/health',
    path: () => '/network/health?decaying=true&limit=50',
    target: 50,
    count: total,
  },
  {
    name: 'GET /network/health?marketId=…&decaying=true',
    route: '/network/health',
    path: (w) => `/network/health?decaying=true&marketId=${w.marketIds[0]}&limit=50`,
    target: 50,
    count: total,
  },
  {
    name: 'GET /network/health/organisations',
    route: '/network/health/organisations',
    path: () => '/network/health/organisations?limit=50',
    target: null,
    count: total,
  },
  {
    name: 'GET /network/funnel (a year by quarter)',
    route: '/network/funnel',
    path: () => '/network/funnel?from=2025-07-01&to=2026-06-30&period=quarter',
    target: null,
    count: (body) => `${(body as { stages: { reached: number }[] }).stages[0]?.reached ?? 0} mapped`,
  },
  {
    name: 'GET /network/relationships/board (a market)',
    route: '/network/relationships/board',
    path: (w) => `/network/relationships/board?marketId=${w.marketIds[0]}`,
    target: 100,
    count: () => 'board',
  },
  {
    name: 'GET /network/relationships/board (the whole workspace)',
    route: '/network/relationships/board',
    path: () => '/network/relationships/board',
    target: 100,
    count: () => 'board',
  },
  {
    name: 'GET /network/relationships (first page)',
    route: '/network/relationships',
    path: () => '/network/relationships?limit=50',
    target: 100,
    count: (body) => ('total' in (body as object) ? total(body) : 'list'),
  },
  {
    name: 'GET /network/relationships?stage=partner,collaborating&sort=-stageChangedOn',
    route: '/network/relationships',
    path: () => '/network/relationships?stage=partner,collaborating&sort=-stageChangedOn&limit=50',
    target: 100,
    count: (body) => ('total' in (body as object) ? total(body) : 'list'),
  },
  {
    name: 'GET /network/relationships?q=… (a counterpart name)',
    route: '/network/relationships',
    path: () => '/network/relationships?q=space&limit=50',
    target: 100,
    count: (body) => ('total' in (body as object) ? total(body) : 'list'),
  },
];

export async function main(args: string[]): Promise<void> {
  const relationships = numberArg(args, '--relationships', 20_000);
  const requests = numberArg(args, '--requests', 50);
  const loadNow = () =>
    os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(', ');
  const load = loadNow();
  const sections: string[] = [];
  for (const kind of ['sqlite', 'postgres'] as const) {
    const target = await freshDatabase(kind, 'network');
    try {
      const database = openDatabase(target.url);
      try {
        await migrateToLatest(database.db);
        await seedCatalogue(database.db);
        const started = performance.now();
        const workspace = await generateNetworkWorkspace(database.db, 'network', {
          relationships,
          interactionsPerRelationship: 10,
          stageChangesPerRelationship: 3,
        });
        const seconds = (performance.now() - started) / 1000;
        console.log(`${kind}: data generated in ${seconds.toFixed(1)} s`, workspace.counts);
        await sql.raw(kind === 'postgres' ? 'vacuum analyze' : 'analyze').execute(database.db);
        const app = await buildApp({ database, logger: false });
        try {
          const headers = { authorization: `Bearer ${workspace.token}` };
          const rows: string[] = [];
          for (const endpoint of ENDPOINTS) {
            if (!app.hasRoute({ method: 'GET', url: `/api/v1/workspaces/:workspace${endpoint.route}` })) {
              rows.push(
                `| \`${endpoint.name}\` | not available in this build | — | — | — | — | < ${endpoint.target} |`,
              );
              continue;
            }
            const url = `/api/v1/workspaces/${workspace.slug}${endpoint.path(workspace)}`;
            const call = async () => {
              const res = await app.inject({ method: 'GET', url, headers });
              if (res.statusCode !== 200)
                throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
              return endpoint.count(res.json());
            };
            let answer = '';
            try {
              for (let i = 0; i < 5; i += 1) answer = await call();
            } catch (error) {
              rows.push(
                `| \`${endpoint.name}\` | failed: ${String(error).slice(0, 120)} | — | — | — | — | — |`,
              );
              continue;
            }
            const times: number[] = [];
            for (let i = 0; i < requests; i += 1) {
              const start = performance.now();
              answer = await call();
              times.push(performance.now() - start);
            }
            const { min, median, max } = summarize(times);
            const p95 = percentile(times, 0.95);
            console.log(`${kind} ${endpoint.name}: p95 ${p95.toFixed(1)} ms, median ${median.toFixed(1)} ms`);
            const verdict =
              endpoint.target === null
                ? '—'
                : `< ${endpoint.target}: ${p95 < endpoint.target ? 'met' : 'NOT met'}`;
            rows.push(
              `| \`${endpoint.name}\` | ${answer} | ${min.toFixed(1)} | ${median.toFixed(1)} | **${p95.toFixed(1)}** | ${max.toFixed(1)} | ${verdict} |`,
            );
          }
          const c = workspace.counts;
          sections.push(`### ${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'} (data generated in ${seconds.toFixed(1)} s)

${c.organisations.toLocaleString('en')} network organisations, ${c.relationships.toLocaleString('en')} relationships, ${c.interactions.toLocaleString('en')} interactions, ${c.stageChanges.toLocaleString('en')} stage changes.

| endpoint | answer | min | p50 | p95 | max | p95 target (ms) |
|---|---|---|---|---|---|---|
${rows.join('\n')}`);
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
  const full = relationships === 20_000;
  const body = `
One workspace: 8 clusters of ours, ${relationships.toLocaleString('en')} relationships with ${Math.ceil(relationships / 2).toLocaleString('en')} network organisations
in 10 markets' countries (two clusters each), 10 interactions per relationship between its start (mid-2024 to mid-2026) and a last active day
before December 2026, about 3
stage changes per relationship, 8% dormant, owners among 20 users. Each endpoint: 5 warm-up calls,
then ${requests} sequential requests through \`app.inject\` with an API token (authentication,
membership, validation, SQL, JSON). Times in milliseconds. After loading: \`ANALYZE\` (SQLite) or
\`VACUUM ANALYZE\` (PostgreSQL). Load average (1, 5, 15 minutes) at the start: ${load}; at the end:
${loadNow()} (${os.cpus().length} cores, shared with other work: figures measured under load are noisy).
${full ? '' : `\n**Reduced scale** (${relationships.toLocaleString('en')} relationships): a check that the benchmark runs, not the issue's figures.\n`}
${sections.join('\n\n')}
`;
  const name = full ? 'network' : `network-${relationships}`;
  const command = `npm run bench -- network${full ? '' : ` --relationships ${relationships}`} --requests ${requests}`;
  console.log(
    `\nwritten ${writeResult(name, 'The network: health list, pipeline board and list', body, command)}`,
  );
}
