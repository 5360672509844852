import os from 'node:os';
import { performance } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import { type EvidenceCounts, forEachKpiDatabase } from './kpi-data.ts';
import { percentile, summarize, writeResult } from './lib/report.ts';
import { numberArg } from './lib/setup.ts';
import type { PlanningWorkspace } from './planning-data.ts';

/**
 * `npm run bench -- kpi [--scale S] [--requests N]`: the dashboard's KPI roll-ups over a workspace
 * with 5,000 activities and 1,000,000 evidence records (participants with their attendance,
 * actual cost lines, hand-entered values), on a fresh SQLite file and a fresh PostgreSQL
 * database, through the whole HTTP stack (`app.inject`). Targets: each roll-up alone (issue 5)
 * p95 under 500 ms on SQLite and 200 ms on PostgreSQL; the dashboard's request of its four
 * groupings (issue 19) under 300 ms and 200 ms; the first page of "participants present" for the
 * whole workspace under 100 ms on SQLite. `--scale 0.01` is a quick check that the benchmark runs.
 */

const PERIOD = 'from=2025-01-01&to=2027-12-31';

interface Endpoint {
  name: string;
  path: string;
  count: (body: unknown) => number;
}

const groups = (body: unknown) => (body as { groups: unknown[] }).groups.length;

/** Each grouping alone, as the dashboard asked for them before `/kpis/rollups`. */
const SINGLE_ROLLUPS: Endpoint[] = [
  {
    name: 'GET /kpis/rollup?groupBy=workspace',
    path: `/kpis/rollup?groupBy=workspace&${PERIOD}`,
    count: groups,
  },
  {
    name: 'GET /kpis/rollup?groupBy=instrument',
    path: `/kpis/rollup?groupBy=instrument&${PERIOD}`,
    count: groups,
  },
  { name: 'GET /kpis/rollup?groupBy=phase', path: `/kpis/rollup?groupBy=phase&${PERIOD}`, count: groups },
  { name: 'GET /kpis/rollup?groupBy=market', path: `/kpis/rollup?groupBy=market&${PERIOD}`, count: groups },
];
/** The groupings the dashboard asks for (`DASHBOARD_GROUPINGS` of web/src/routes/dashboard/queries.ts). */
const DASHBOARD_GROUPINGS = ['workspace', 'phase', 'instrument', 'market'];
/** What the dashboard asks for one period (`kpiRollupsQuery`): every grouping in one request. */
const DASHBOARD: Endpoint = {
  name: 'Dashboard: GET /kpis/rollups?groupBy=workspace,phase,instrument,market',
  path: `/kpis/rollups?groupBy=${DASHBOARD_GROUPINGS.join(',')}&${PERIOD}`,
  count: (body) => (body as { items: unknown[] }).items.length,
};
const DRILL_DOWN: Endpoint = {
  name: 'GET /kpis/records?kpiKey=present_participants (first 50 of the workspace)',
  path: `/kpis/records?kpiKey=present_participants&limit=50&${PERIOD}`,
  count: (body) => (body as { total: number }).total,
};

export async function main(args: string[]): Promise<void> {
  const scale = numberArg(args, '--scale', 1, false);
  const requests = numberArg(args, '--requests', 50);
  const loadNow = () =>
    os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(', ');
  const load = loadNow();
  const n = (count: number) => Math.max(1, Math.round(count * scale));
  const sections = await forEachKpiDatabase('kpi', scale, ({ kind, app, workspace, evidence, seconds }) =>
    measure(kind, app, workspace, evidence, requests, seconds),
  );
  const body = `
One workspace of ${n(5_000).toLocaleString('en')} activities (10 markets, 25 plans, 10% standalone, about 5%
cancelled, 10 budget lines each, 3 in 10 actual) and ${n(1_000_000).toLocaleString('en')} evidence records: participants (70% present,
15% absent, 15% expected) of ${n(2_000).toLocaleString('en')} member organisations, the actual cost lines and 5 hand-entered
values per activity, ${n(150_000).toLocaleString('en')} interactions with ${n(10_000).toLocaleString('en')} network organisations at the activities
and ${n(50_000).toLocaleString('en')} relationship stage changes attributed to them (issue 21: the network's
rules derive their values from them); a present-participants target on half the activities and a target per plan
and instrument. Derived values written by \`refreshKpiActuals\`, as the use cases leave them.
Period ${PERIOD.replace('&', ', ')} (every activity). Scale ${scale}.

Each endpoint: 5 warm-up calls, then ${requests} sequential requests through \`app.inject\` with an API token
(authentication, membership, validation, SQL, JSON). "Dashboard" is the one request the dashboard
makes for its four groupings (one read of the activities, values and targets serves them all);
"four single roll-ups sent together" is how it asked before, for comparison. Times in
milliseconds. After loading: \`ANALYZE\` (SQLite) or \`VACUUM ANALYZE\` (PostgreSQL). Load average
(1, 5, 15 minutes) when the run started: ${load}; when it ended: ${loadNow()} (${os.cpus().length} cores,
shared with other work: figures measured under load are noisy).

${sections.join('\n\n')}
`;
  const name = scale === 1 ? 'kpi' : `kpi-scale-${scale}`;
  const command = `npm run bench -- kpi${scale === 1 ? '' : ` --scale ${scale}`} --requests ${requests}`;
  console.log(
    `\nwritten ${writeResult(name, 'KPI roll-ups: the dashboard over a million evidence records', body, command)}`,
  );
}

async function measure(
  kind: 'sqlite' | 'postgres',
  app: FastifyInstance,
  workspace: PlanningWorkspace,
  evidence: EvidenceCounts,
  requests: number,
  seconds: number,
): Promise<string> {
  const targetMs = kind === 'sqlite' ? 500 : 200;
  const headers = { authorization: `Bearer ${workspace.token}` };
  const call = async (endpoint: Endpoint) => {
    const url = `/api/v1/workspaces/${workspace.slug}${endpoint.path}`;
    const res = await app.inject({ method: 'GET', url, headers });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return endpoint.count(res.json());
  };
  const time = async (run: () => Promise<number>) => {
    for (let i = 0; i < 5; i++) await run();
    const times: number[] = [];
    let count = 0;
    for (let i = 0; i < requests; i++) {
      const start = performance.now();
      count = await run();
      times.push(performance.now() - start);
    }
    return { times, count };
  };
  const rows: string[] = [];
  const row = (name: string, count: number | string, times: number[], target: number | null) => {
    const { min, median, max } = summarize(times);
    const p95 = percentile(times, 0.95);
    console.log(`${kind} ${name}: p95 ${p95.toFixed(1)} ms, median ${median.toFixed(1)} ms (${count})`);
    const verdict = target === null ? '—' : `< ${target}: ${p95 < target ? 'met' : 'NOT met'}`;
    rows.push(
      `| \`${name}\` | ${count} | ${min.toFixed(1)} | ${median.toFixed(1)} | **${p95.toFixed(1)}** | ${max.toFixed(1)} | ${verdict} |`,
    );
  };
  const dashboard = await time(() => call(DASHBOARD));
  row(DASHBOARD.name, `${dashboard.count} groupings`, dashboard.times, kind === 'sqlite' ? 300 : 200);
  const together = await time(async () => (await Promise.all(SINGLE_ROLLUPS.map(call))).length);
  row(
    'Four single roll-ups sent together (the dashboard before)',
    `${together.count} calls`,
    together.times,
    null,
  );
  for (const endpoint of SINGLE_ROLLUPS) {
    const { times, count } = await time(() => call(endpoint));
    row(endpoint.name, `${count} groups`, times, targetMs);
  }
  const drill = await time(() => call(DRILL_DOWN));
  row(
    DRILL_DOWN.name,
    `${drill.count.toLocaleString('en')} records`,
    drill.times,
    kind === 'sqlite' ? 100 : null,
  );

  return `### ${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'} (data generated in ${seconds.toFixed(1)} s)

Evidence: ${evidence.participants.toLocaleString('en')} participants, ${evidence.actualCostLines.toLocaleString('en')} actual cost lines,
${evidence.entries.toLocaleString('en')} entries, ${evidence.interactions.toLocaleString('en')} interactions, ${evidence.stageChanges.toLocaleString('en')} stage changes
(${evidence.relationships.toLocaleString('en')} relationships); ${evidence.activityTargets.toLocaleString('en')} activity targets, ${evidence.planTargets} plan targets.

| endpoint | answer | min | p50 | p95 | max | p95 target (ms) |
|---|---|---|---|---|---|---|
${rows.join('\n')}`;
}
