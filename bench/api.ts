import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { startChildServer } from './lib/child-server.ts';
import { formatSpread, summarize, writeResult } from './lib/report.ts';
import { numberArg } from './lib/setup.ts';

/**
 * `npm run bench -- api [--rounds N] [--seconds S]`: GET /api/v1/instruments on SQLite under
 * autocannon (10 connections), beside a bare Fastify route returning a constant, in the same run:
 * a tiny constant, and a constant of the same bytes as the catalogue list (what the route must
 * transfer). Rounds alternate the servers so drift hits all; each server runs in its own process.
 */
export async function main(args: string[]): Promise<void> {
  const rounds = numberArg(args, '--rounds', 3, false);
  const seconds = numberArg(args, '--seconds', 10, false);
  const connections = 10;
  const runs: Record<Target, Run[]> = { bare: [], bareSameBytes: [], hub: [], hubGzip: [] };
  const bodyFile = await saveCatalogueBytes();

  for (let round = 1; round <= rounds; round++) {
    for (const target of TARGETS) {
      const bare = target === 'bare' || target === 'bareSameBytes';
      const server = await startChildServer(
        bare ? 'bare-server.ts' : 'hub-server.ts',
        target === 'bareSameBytes' ? { BARE_BODY_FILE: bodyFile } : {},
      );
      const url = `${server.url}${bare ? '/constant' : '/api/v1/instruments'}`;
      // Browsers send this header; the Hub then answers with the pre-compressed bytes.
      const headers: Record<string, string> =
        target === 'hubGzip' ? { 'accept-encoding': 'gzip, deflate, br' } : {};
      try {
        await load(url, connections, 2, headers); // warm-up: JIT, caches, connection set-up
        const cpuBefore = await server.cpuMicros();
        const run = await load(url, connections, seconds, headers);
        run.cpuMicrosPerRequest = ((await server.cpuMicros()) - cpuBefore) / run.requests;
        runs[target].push(run);
        console.log(
          `round ${round} ${target}: ${run.rps.toFixed(0)} req/s, p50 ${run.p50} ms, p99 ${run.p99} ms, ${run.cpuMicrosPerRequest.toFixed(0)} µs server CPU/request, ${(run.bytesPerRequest / 1024).toFixed(1)} KiB/response`,
        );
      } finally {
        await server.stop();
      }
    }
  }

  const ratioLine = (target: Target, baseline: 'bare' | 'bareSameBytes') => {
    const ratios = runs[target].map((hub, i) => hub.rps / (runs[baseline][i] as Run).rps);
    const r = summarize(ratios);
    const verdict =
      r.min >= 0.5
        ? 'met in every round'
        : r.median >= 0.5
          ? 'met at the median, not in every round'
          : 'NOT met';
    return `| ${LABELS[target]} | ${BASELINES[baseline]} | ${ratios.map((x) => `${(x * 100).toFixed(0)} %`).join(', ')} | ${(r.median * 100).toFixed(0)} % | ${verdict} |`;
  };
  const spread = (list: Run[], pick: (run: Run) => number) => formatSpread(list.map(pick), 0);
  const row = (name: string, list: Run[]) =>
    [
      name,
      spread(list, (r) => r.rps),
      spread(list, (r) => r.p50),
      spread(list, (r) => r.p99),
      spread(list, (r) => r.cpuMicrosPerRequest),
      (summarize(list.map((r) => r.bytesPerRequest)).median / 1024).toFixed(1),
    ].join(' | ');
  const body = `
Load: autocannon, ${connections} connections, ${seconds} s per run after a 2 s warm-up, ${rounds} rounds
alternating the servers (each in its own process; the load generator in a third). Server CPU per
request is the server process's user + system time over the run divided by the requests served:
it shows the server's own cost even when the load generator, not the server, is the bottleneck.
Figures are median (min–max) over the rounds.

| route | throughput (req/s) | p50 latency (ms) | p99 latency (ms) | server CPU per request (µs) | response size (KiB) |
|---|---|---|---|---|---|
${TARGETS.map((target) => `| ${row(LABELS[target], runs[target])} |`).join('\n')}

Throughput relative to the bare route of the same round (target: at least 50 %):

| Hub route | against | per round | median | target |
|---|---|---|---|---|
${ratioLine('hub', 'bareSameBytes')}
${ratioLine('hubGzip', 'bareSameBytes')}
${ratioLine('hub', 'bare')}
${ratioLine('hubGzip', 'bare')}

On two cores the load generator shares the CPU with the server: against the tiny constant, the
gap is mostly the cost of moving 34 KiB per response through loopback and the load generator's
parser (compare the two bare rows), not the Hub's own work (compare server CPU per request).
`;
  console.log(`\nwritten ${writeResult('api', 'API latency and throughput: GET /api/v1/instruments', body)}`);
}

const TARGETS = ['bare', 'bareSameBytes', 'hub', 'hubGzip'] as const;
type Target = (typeof TARGETS)[number];
const LABELS: Record<Target, string> = {
  bare: 'bare Fastify `GET /constant` → `{"hello":"world"}`',
  bareSameBytes: 'bare Fastify `GET /constant` → the catalogue list’s bytes, as a constant',
  hub: 'Hub `GET /api/v1/instruments` (SQLite, 17 instruments), plain JSON',
  hubGzip: 'the same, client sends `Accept-Encoding: gzip` (as browsers do)',
};

const BASELINES = {
  bare: 'tiny constant',
  bareSameBytes: 'constant of the same bytes',
} as const;

/** The Hub's list bytes, fetched once from a Hub server, for the same-bytes bare route. */
async function saveCatalogueBytes(): Promise<string> {
  const server = await startChildServer('hub-server.ts');
  try {
    const response = await fetch(`${server.url}/api/v1/instruments`);
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'space2id-bench-')), 'instruments.json');
    writeFileSync(file, Buffer.from(await response.arrayBuffer()));
    return file;
  } finally {
    await server.stop();
  }
}

interface Run {
  rps: number;
  requests: number;
  /** Server process CPU time per request: a figure that other load on the machine disturbs little. */
  cpuMicrosPerRequest: number;
  p50: number;
  p99: number;
  bytesPerRequest: number;
}

async function load(
  url: string,
  connections: number,
  duration: number,
  headers: Record<string, string>,
): Promise<Run> {
  const result = await autocannon({ url, connections, duration, headers });
  const bad = result.non2xx + result.errors + result.timeouts;
  if (bad > 0) throw new Error(`${url}: ${bad} failed requests under load`);
  return {
    rps: result.requests.average,
    requests: result.requests.total,
    cpuMicrosPerRequest: 0,
    p50: result.latency.p50,
    p99: result.latency.p99,
    bytesPerRequest: result.throughput.total / Math.max(1, result.requests.total),
  };
}
