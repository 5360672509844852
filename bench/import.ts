import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { buildApp } from '../src/app/build-app.ts';
import { type Database, openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { ClusterRepository } from '../src/features/clusters/repository.ts';
import { WorkspaceRepository } from '../src/features/workspaces/repository.ts';
import { formatSpread, summarize, writeResult } from './lib/report.ts';
import { coordinatorToken, freshDatabase, numberArg } from './lib/setup.ts';

/**
 * `npm run bench -- import [--rows N] [--runs N]`: a generated CSV of 10,000 organisations through
 * the whole HTTP stack (`app.inject` with an API token): `POST /imports/parse`, the suggested
 * mapping applied as the web client does, then `POST /imports/organisations` with dryRun=false
 * (validation, duplicate checks, one transaction of batched inserts, audit). Each run imports into
 * a fresh workspace of the same database. On a fresh SQLite file and a fresh PostgreSQL database.
 * Target: under 5 s end to end. Then, once per database, the export of 100,000 organisations.
 */
const TARGET_MS = 5_000;

export async function main(args: string[]): Promise<void> {
  const rows = numberArg(args, '--rows', 10_000);
  const runs = numberArg(args, '--runs', 5);
  const exportTotal = numberArg(args, '--export', 100_000);
  const load = os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(', ');
  const csv = generateCsv(rows, 0);
  const table: string[] = [];
  const exportRows: string[] = [];
  for (const kind of ['sqlite', 'postgres'] as const) {
    const target = await freshDatabase(kind, 'import');
    const database = openDatabase(target.url);
    try {
      await migrateToLatest(database.db);
      const app = await buildApp({ database, logger: false });
      try {
        const totals: number[] = [];
        const parses: number[] = [];
        const commits: number[] = [];
        for (let run = 0; run < runs; run++) {
          const { slug, token } = await workspaceWithCoordinator(database, `${kind}-${run}`);
          const started = performance.now();
          const parsed = await call(app, slug, token, '/imports/parse', csv, 'text/csv');
          const parsedAt = performance.now();
          const result = await call(app, slug, token, '/imports/organisations', {
            rows: mapRows(parsed),
            dryRun: false,
          });
          const done = performance.now();
          if (result.created !== rows) throw new Error(`run ${run}: created ${result.created} of ${rows}`);
          totals.push(done - started);
          parses.push(parsedAt - started);
          commits.push(done - parsedAt);
          console.log(`${kind} run ${run + 1}: ${((done - started) / 1000).toFixed(2)} s`);
        }
        const { median } = summarize(totals);
        table.push(
          `| ${label(kind)} | **${formatSpread(totals.map(seconds), 2)}** | ${formatSpread(parses.map(seconds), 2)} | ${formatSpread(commits.map(seconds), 2)} | ${median < TARGET_MS ? 'met' : 'NOT met'} |`,
        );
        exportRows.push(await measureExport(app, database, kind, exportTotal));
      } finally {
        await app.close();
      }
    } finally {
      await database.close();
      await target.drop();
    }
  }
  const body = `
${rows.toLocaleString('en')} organisations (8 clusters named by short name, 20 countries, segments,
tags, target markets, registration ids) from one generated CSV of ${(Buffer.byteLength(csv) / 2 ** 20).toFixed(1)} MB, through
\`app.inject\` with an API token: \`POST /imports/parse\` (the raw CSV), the suggested mapping
applied as the web client does, then \`POST /imports/organisations\` with \`dryRun: false\`
(conversion, the create schema's validation, duplicate checks against the workspace and the file,
one transaction of 500-row inserts, one audit event). ${runs} runs per database, each into a fresh
workspace; seconds, median (min–max). Target: median under ${TARGET_MS / 1000} s.
Load average when the run started: ${load} (${os.cpus().length} cores).

| database | parse + commit | parse | commit | target |
|---|---|---|---|---|
${table.join('\n')}

### Export of ${exportTotal.toLocaleString('en')} organisations (one run each)

Imported first in two commits of half as many rows each (timed too), then downloaded through \`app.inject\`.

| database | import (2 commits) | CSV export | XLSX export |
|---|---|---|---|
${exportRows.join('\n')}
`;
  console.log(`\nwritten ${writeResult('import', 'Registry import: 10,000 organisations from CSV', body)}`);
}

async function measureExport(app: InjectApp, database: Database, kind: string, total: number) {
  const { slug, token } = await workspaceWithCoordinator(database, `${kind}-export`);
  const half = Math.ceil(total / 2);
  const started = performance.now();
  for (const offset of [0, half]) {
    const parsed = await call(app, slug, token, '/imports/parse', generateCsv(half, offset), 'text/csv');
    const result = await call(app, slug, token, '/imports/organisations', {
      rows: mapRows(parsed),
      dryRun: false,
    });
    if (result.created !== half) throw new Error(`export set-up: created ${result.created}`);
  }
  const imported = performance.now();
  const times: Record<string, string> = {};
  for (const format of ['csv', 'xlsx']) {
    const start = performance.now();
    const res = await app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${slug}/organisations/export?format=${format}`,
      headers: { authorization: `Bearer ${token}` },
    });
    if (res.statusCode !== 200) throw new Error(`export ${format}: ${res.statusCode}`);
    if (format === 'csv' && res.body.split('\r\n').length !== 2 * half + 2)
      throw new Error('export: wrong row count');
    times[format] =
      `${((performance.now() - start) / 1000).toFixed(2)} s (${(res.rawPayload.length / 2 ** 20).toFixed(1)} MB)`;
    console.log(`${kind} export ${format}: ${times[format]}`);
  }
  return `| ${label(kind)} | ${((imported - started) / 1000).toFixed(2)} s | ${times.csv} | ${times.xlsx} |`;
}

type InjectApp = Awaited<ReturnType<typeof buildApp>>;

async function call(
  app: InjectApp,
  slug: string,
  token: string,
  route: string,
  payload: string | object,
  type?: string,
) {
  const res = await app.inject({
    method: 'POST',
    url: `/api/v1/workspaces/${slug}${route}`,
    headers: { authorization: `Bearer ${token}`, ...(type ? { 'content-type': type } : {}) },
    payload,
  });
  if (res.statusCode !== 200) throw new Error(`${route}: ${res.statusCode} ${res.body.slice(0, 500)}`);
  return res.json();
}

/** What the web client does with the parse answer: cells through the suggested mapping. */
function mapRows(parsed: {
  rows: string[][];
  suggestedMapping: { organisations: Record<string, number | null> };
}) {
  const mapping = Object.entries(parsed.suggestedMapping.organisations).filter(
    (entry): entry is [string, number] => entry[1] !== null,
  );
  return parsed.rows.map((cells) =>
    Object.fromEntries(mapping.map(([field, column]) => [field, cells[column] ?? null])),
  );
}

const COUNTRIES = [
  'FR',
  'BE',
  'IT',
  'ES',
  'GR',
  'PL',
  'DE',
  'NL',
  'PT',
  'AT',
  'SE',
  'FI',
  'DK',
  'IE',
  'CZ',
  'RO',
  'HU',
  'LU',
  'SI',
  'EE',
];
const SEGMENTS = [
  'earth_observation',
  'satcom',
  'navigation',
  'launch',
  'ground_segment',
  'downstream_applications',
];
const TYPES = ['SME', 'Large company', 'R&D centre', 'University', 'Other'];

/** A CSV as a member list exported from a spreadsheet might look (semicolons, synonyms as headers). */
function generateCsv(rows: number, offset: number): string {
  const lines = [
    'Company;Cluster;Type;Country;City;Website;VAT;Space segments;Offers;Offer tags;Target markets',
  ];
  for (let i = offset; i < offset + rows; i++) {
    const segments = [SEGMENTS[i % SEGMENTS.length], SEGMENTS[(i * 7 + 3) % SEGMENTS.length]];
    lines.push(
      [
        `Generated Space Company ${i}`,
        `C${i % 8}`,
        TYPES[i % TYPES.length],
        COUNTRIES[i % COUNTRIES.length],
        'City',
        `https://company-${i}.example`,
        `BENCH${i}`,
        [...new Set(segments)].join(', '),
        `"Offers of company ${i}; satellites, data and services"`,
        'generated, bench',
        'CL, CN',
      ].join(';'),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** A workspace with 8 clusters (C0…C7) and a coordinator's API token. */
async function workspaceWithCoordinator(database: Database, suffix: string) {
  const { db } = database;
  const workspaces = new WorkspaceRepository(db);
  const workspace = await workspaces.create(`bench-import-${process.pid}-${suffix}`, 'Import benchmark');
  const clusters = new ClusterRepository(db);
  for (let i = 0; i < 8; i++) {
    await clusters.create(workspace.id, {
      name: `Cluster ${i}`,
      short_name: `C${i}`,
      country: COUNTRIES[i] as string,
      city: 'City',
      day_rate_cents: 40_000,
      website: null,
    });
  }
  return { slug: workspace.slug, token: await coordinatorToken(db, workspace.id, `import-${suffix}`) };
}

const seconds = (ms: number) => ms / 1000;
const label = (kind: string) => (kind === 'sqlite' ? 'SQLite (temp file)' : 'PostgreSQL (fresh database)');
