import os from 'node:os';
import { performance } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import { type EvidenceCounts, forEachKpiDatabase } from './kpi-data.ts';
import { summarize, writeResult } from './lib/report.ts';
import { numberArg } from './lib/setup.ts';
import type { PlanningWorkspace } from './planning-data.ts';

/**
 * `npm run bench -- reports [--scale S] [--runs N]`: the funder report (PDF and XLSX) of a
 * workspace with 5,000 activities and 1,000,000 evidence records (the KPI benchmark's data), on a
 * fresh SQLite file and a fresh PostgreSQL database, as the web app makes it: `POST /reports`,
 * then the background job until its file is stored. Target (issue 5): under 30 s each. While a
 * report is made, a timer every 10 ms measures how long the event loop is held (what an HTTP
 * request would wait). `--scale 0.01` is a quick check that the benchmark runs.
 */

const BODY = { from: '2025-01-01', to: '2027-12-31' };
const TARGET_SECONDS = 30;

export async function main(args: string[]): Promise<void> {
  const scale = numberArg(args, '--scale', 1, false);
  const runs = numberArg(args, '--runs', 3);
  const load = os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(', ');
  const n = (count: number) => Math.max(1, Math.round(count * scale));
  const sections = await forEachKpiDatabase('reports', scale, ({ kind, app, workspace, evidence, seconds }) =>
    measure(kind, app, workspace, evidence, runs, seconds),
  );
  const body = `
The KPI benchmark's workspace: ${n(5_000).toLocaleString('en')} activities (10 markets, 25 plans, 10 budget lines
each) and ${n(1_000_000).toLocaleString('en')} evidence records. Period ${BODY.from} to ${BODY.to} (every activity). Scale ${scale}.

Each format: one warm-up report, then ${runs} reports one after another, each timed from \`POST /reports\`
to the stored file (\`app.jobs.idle()\`): reading the roll-ups and activities, drawing, storing the file
in \`job_file\`. "Longest event-loop hold" is the longest gap between two ticks of a 10 ms timer
during the run: the most an HTTP request would have waited. Seconds. Load average when the run
started: ${load} (${os.cpus().length} cores).

${sections.join('\n\n')}
`;
  const name = scale === 1 ? 'reports' : `reports-scale-${scale}`;
  const command = `npm run bench -- reports${scale === 1 ? '' : ` --scale ${scale}`} --runs ${runs}`;
  console.log(
    `\nwritten ${writeResult(name, 'Funder reports: PDF and XLSX of a million evidence records', body, command)}`,
  );
}

/** Runs `work` while a 10 ms timer notes the longest gap between its ticks (the event loop held). */
async function withLoopWatch<T>(work: () => Promise<T>): Promise<{ result: T; longestHoldMs: number }> {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last - 10);
    last = now;
  }, 10);
  try {
    return { result: await work(), longestHoldMs: longest };
  } finally {
    clearInterval(timer);
  }
}

async function measure(
  kind: 'sqlite' | 'postgres',
  app: FastifyInstance,
  workspace: PlanningWorkspace,
  evidence: EvidenceCounts,
  runs: number,
  seconds: number,
): Promise<string> {
  const headers = { authorization: `Bearer ${workspace.token}` };
  const report = async (format: 'pdf' | 'xlsx') => {
    const url = `/api/v1/workspaces/${workspace.slug}/reports`;
    const res = await app.inject({ method: 'POST', url, headers, payload: { ...BODY, format } });
    if (res.statusCode !== 202) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    await app.jobs.idle();
    const job = await app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${workspace.slug}/jobs/${res.json().job.id}`,
      headers,
    });
    const body = job.json();
    if (body.status !== 'succeeded') throw new Error(`report ${format} ${body.status}: ${body.error}`);
    return body.file.size as number;
  };
  const rows: string[] = [];
  for (const format of ['pdf', 'xlsx'] as const) {
    await report(format);
    const times: number[] = [];
    const holds: number[] = [];
    let size = 0;
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      const { result, longestHoldMs } = await withLoopWatch(() => report(format));
      times.push((performance.now() - start) / 1000);
      holds.push(longestHoldMs / 1000);
      size = result;
    }
    const { min, median, max } = summarize(times);
    const hold = summarize(holds);
    console.log(`${kind} ${format}: median ${median.toFixed(1)} s, longest hold ${hold.max.toFixed(2)} s`);
    rows.push(
      `| ${format.toUpperCase()} | ${(size / 1024).toFixed(0)} KiB | ${min.toFixed(1)} | ${median.toFixed(1)} | **${max.toFixed(1)}** | ${max < TARGET_SECONDS ? 'met' : 'NOT met'} | ${hold.median.toFixed(2)} (${hold.min.toFixed(2)}–${hold.max.toFixed(2)}) |`,
    );
  }
  return `### ${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'} (data generated in ${seconds.toFixed(1)} s)

Evidence: ${evidence.participants.toLocaleString('en')} participants, ${evidence.actualCostLines.toLocaleString('en')} actual cost lines,
${evidence.entries.toLocaleString('en')} entries.

| format | file | min | median | max | max < ${TARGET_SECONDS} s | longest event-loop hold, median (min–max) |
|---|---|---|---|---|---|---|
${rows.join('\n')}`;
}
