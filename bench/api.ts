import autocannon from 'autocannon';
import { startChildServer } from './lib/child-server.ts';
import { formatSpread, summarize, writeResult } from './lib/report.ts';

/**
 * `npm run bench -- api [--rounds N] [--seconds S]`: GET /api/v1/instruments on SQLite under
 * autocannon (10 connections), beside a bare Fastify route returning a constant, in the same run.
 * Rounds alternate bare/hub so drift hits both; each server runs in its own process.
 */
export async function main(args: string[]): Promise<void> {
  const rounds = numberArg(args, '--rounds', 3);
  const seconds = numberArg(args, '--seconds', 10);
  const connections = 10;
  const runs: Record<'bare' | 'hub', Run[]> = { bare: [], hub: [] };

  for (let round = 1; round <= rounds; round++) {
    for (const target of ['bare', 'hub'] as const) {
      const server = await startChildServer(target === 'bare' ? 'bare-server.ts' : 'hub-server.ts');
      const url = `${server.url}${target === 'bare' ? '/constant' : '/api/v1/instruments'}`;
      try {
        await load(url, connections, 2); // warm-up: JIT, caches, connection set-up
        const run = await load(url, connections, seconds);
        runs[target].push(run);
        console.log(
          `round ${round} ${target}: ${run.rps.toFixed(0)} req/s, p50 ${run.p50} ms, p99 ${run.p99} ms, ${(run.bytesPerRequest / 1024).toFixed(1)} KiB/response`,
        );
      } finally {
        await server.stop();
      }
    }
  }

  const ratios = runs.hub.map((hub, i) => hub.rps / (runs.bare[i] as Run).rps);
  const row = (name: string, list: Run[]) =>
    `| ${name} | ${formatSpread(
      list.map((r) => r.rps),
      0,
    )} | ${formatSpread(
      list.map((r) => r.p50),
      0,
    )} | ${formatSpread(
      list.map((r) => r.p99),
      0,
    )} | ${(summarize(list.map((r) => r.bytesPerRequest)).median / 1024).toFixed(1)} |`;
  const ratio = summarize(ratios);
  const body = `
Load: autocannon, ${connections} connections, ${seconds} s per run after a 2 s warm-up, ${rounds} rounds
alternating the two servers (each in its own process; the load generator in a third).
Figures are median (min–max) over the rounds.

| route | throughput (req/s) | p50 latency (ms) | p99 latency (ms) | response size (KiB) |
|---|---|---|---|---|
${row('bare Fastify `GET /constant` → `{"hello":"world"}`', runs.bare)}
${row('Hub `GET /api/v1/instruments` (SQLite, 17 instruments)', runs.hub)}

Hub / bare throughput, per round: ${ratios.map((r) => `${(r * 100).toFixed(0)} %`).join(', ')}
→ median ${(ratio.median * 100).toFixed(0)} % (min ${(ratio.min * 100).toFixed(0)} %, max ${(ratio.max * 100).toFixed(0)} %).
Target: at least 50 % → **${ratio.min >= 0.5 ? 'met in every round' : ratio.median >= 0.5 ? 'met at the median, not in every round' : 'not met'}**.
`;
  console.log(`\nwritten ${writeResult('api', 'API latency and throughput: GET /api/v1/instruments', body)}`);
}

interface Run {
  rps: number;
  p50: number;
  p99: number;
  bytesPerRequest: number;
}

async function load(url: string, connections: number, duration: number): Promise<Run> {
  const result = await autocannon({ url, connections, duration });
  const bad = result.non2xx + result.errors + result.timeouts;
  if (bad > 0) throw new Error(`${url}: ${bad} failed requests under load`);
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    bytesPerRequest: result.throughput.total / Math.max(1, result.requests.total),
  };
}

function numberArg(args: string[], name: string, fallback: number): number {
  const index = args.indexOf(name);
  if (index < 0) return fallback;
  const value = Number(args[index + 1]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} needs a positive number`);
  return value;
}
