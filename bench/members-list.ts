import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { type Insertable, sql } from 'kysely';
import { buildApp } from '../src/app/build-app.ts';
import { type Database, openDatabase } from '../src/db/database.ts';
import { newId, nowIso } from '../src/db/ids.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import type { OrganisationTable } from '../src/db/schema.ts';
import { seededRandom } from '../src/domain/random.ts';
import { normaliseOrganisationName } from '../src/domain/registry/duplicates.ts';
import { ClusterRepository } from '../src/features/clusters/repository.ts';
import {
  EXPORT_EXPERIENCE,
  MELCA_FIELDS,
  ORGANISATION_TYPES,
  SPACE_SEGMENTS,
} from '../src/features/organisations/schema.ts';
import { WorkspaceRepository } from '../src/features/workspaces/repository.ts';
import { percentile, summarize, writeResult } from './lib/report.ts';
import { coordinatorToken, freshDatabase, numberArg } from './lib/setup.ts';

/**
 * `npm run bench -- members [--organisations N] [--requests N]`: the members list over 100,000
 * organisations of one workspace, on a fresh SQLite file and a fresh PostgreSQL database, through
 * the whole HTTP stack (`app.inject`: authentication by API token, membership, validation, query,
 * serialisation). Target: p95 under 50 ms on both.
 */
const QUERIES = [
  'country=FR&q=orb&limit=50',
  'country=FR&q=orb&segment=satcom&limit=50',
  'segment=earth_observation&q=orb&limit=50',
  'q=orb&limit=50',
  // Searches that match nothing: the worst case, every index entry of the workspace is read.
  'q=zzzz&limit=50',
  'country=FR&q=zzzz&limit=50',
  'segment=earth_observation&q=zzzz&limit=50',
];

export async function main(args: string[]): Promise<void> {
  const total = numberArg(args, '--organisations', 100_000);
  const requests = numberArg(args, '--requests', 200);
  const load = os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(', ');
  const sections: string[] = [];
  for (const kind of ['sqlite', 'postgres'] as const) {
    const target = await freshDatabase(kind, 'members');
    try {
      const database = openDatabase(target.url);
      try {
        await migrateToLatest(database.db);
        const started = performance.now();
        const { slug, token } = await generate(database, total);
        const seconds = (performance.now() - started) / 1000;
        console.log(`${kind}: ${total} organisations generated in ${seconds.toFixed(1)} s`);
        // The steady state after a bulk load: statistics gathered and, on PostgreSQL, the
        // visibility map set (what autovacuum does after inserts), so index-only scans skip the heap.
        await sql.raw(kind === 'postgres' ? 'vacuum analyze organisation' : 'analyze').execute(database.db);
        sections.push(await measure(kind, database, slug, token, requests, seconds));
      } finally {
        await database.close();
      }
    } finally {
      await target.drop();
    }
  }
  const body = `
${total.toLocaleString('en')} organisations in one workspace (8 clusters, 20 countries, names from
random syllables), a fresh database of each kind. Each query: 20 warm-up calls, then ${requests}
sequential \`GET /api/v1/workspaces/{w}/organisations?…\` through \`app.inject\` with an API token
(the whole stack: authentication, membership, validation, SQL, JSON). Times in milliseconds.
After loading: \`ANALYZE\` (SQLite) or \`VACUUM ANALYZE organisation\` (PostgreSQL), as autovacuum
would after a bulk insert. Load average when the run started: ${load} (${os.cpus().length} cores).

${sections.join('\n\n')}
`;
  console.log(
    `\nwritten ${writeResult('members', 'Members list: filter + search over 100,000 organisations', body)}`,
  );
}

async function measure(
  kind: string,
  database: Database,
  slug: string,
  token: string,
  requests: number,
  seconds: number,
): Promise<string> {
  const app = await buildApp({ database, logger: false });
  const rows: string[] = [];
  try {
    for (const query of QUERIES) {
      const url = `/api/v1/workspaces/${slug}/organisations?${query}`;
      const call = async () => {
        const res = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
        if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
        return res.json().items.length as number;
      };
      for (let i = 0; i < 20; i++) await call();
      const times: number[] = [];
      let items = 0;
      for (let i = 0; i < requests; i++) {
        const start = performance.now();
        items = await call();
        times.push(performance.now() - start);
      }
      const { min, median, max } = summarize(times);
      const p95 = percentile(times, 0.95);
      console.log(
        `${kind} ${query}: p95 ${p95.toFixed(1)} ms, median ${median.toFixed(1)} ms (${items} items)`,
      );
      rows.push(
        `| \`${query}\` | ${items} | **${p95.toFixed(1)}** | ${min.toFixed(1)} | ${median.toFixed(1)} | ${max.toFixed(1)} | ${p95 < 50 ? 'met' : 'NOT met'} |`,
      );
    }
  } finally {
    await app.close();
  }
  return `### ${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'} (data generated in ${seconds.toFixed(1)} s)

| query | items | p95 | min | median | max | p95 < 50 ms |
|---|---|---|---|---|---|---|
${rows.join('\n')}`;
}

const SYLLABLES = [
  'or',
  'b',
  'ast',
  'ra',
  'nov',
  'a',
  'sat',
  'el',
  'geo',
  'lun',
  'ar',
  'vek',
  'tor',
  'is',
  'on',
  'ix',
];
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

/** A workspace with 8 clusters and `total` organisations, plus a coordinator's API token. */
export async function generate(database: Database, total: number): Promise<{ slug: string; token: string }> {
  const { db } = database;
  const workspace = await new WorkspaceRepository(db).create(`bench-${process.pid}`, 'Benchmark consortium');
  const clusters = new ClusterRepository(db);
  const clusterIds: string[] = [];
  for (let i = 0; i < 8; i++) {
    const cluster = await clusters.create(workspace.id, {
      name: `Cluster ${i}`,
      short_name: `C${i}`,
      country: COUNTRIES[i % 6] as string,
      city: 'City',
      day_rate_cents: 40_000,
      website: null,
    });
    clusterIds.push(cluster.id);
  }
  const random = seededRandom(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const now = nowIso();
  const batchSize = 500;
  await db.transaction().execute(async (trx) => {
    for (let start = 0; start < total; start += batchSize) {
      const batch: Insertable<OrganisationTable>[] = [];
      for (let i = start; i < Math.min(total, start + batchSize); i++) {
        const word = () => {
          let w = '';
          const n = 2 + Math.floor(random() * 3);
          for (let k = 0; k < n; k++) w += pick(SYLLABLES);
          return w.charAt(0).toUpperCase() + w.slice(1);
        };
        const name = `${word()} ${word()} ${i}`;
        const segments = SPACE_SEGMENTS.filter(() => random() < 0.25);
        batch.push({
          id: newId(),
          workspace_id: workspace.id,
          cluster_id: pick(clusterIds),
          name,
          normalised_name: normaliseOrganisationName(name),
          type: pick(ORGANISATION_TYPES),
          size: null,
          // About one in six in France, as in a consortium with two French clusters.
          country: random() < 0.17 ? 'FR' : pick(COUNTRIES),
          city: 'City',
          website: null,
          registration_id: `BENCH${i}`,
          space_segments: JSON.stringify(segments),
          melca: JSON.stringify(MELCA_FIELDS.filter(() => random() < 0.2)),
          offers: 'Offers of a generated organisation',
          offer_tags: '["generated"]',
          requests: 'Requests of a generated organisation',
          request_tags: '[]',
          target_market_interests: '["CN","CL"]',
          export_experience: pick(EXPORT_EXPERIENCE),
          version: 1,
          created_at: now,
          updated_at: now,
        });
      }
      await trx.insertInto('organisation').values(batch).execute();
    }
  });
  return { slug: workspace.slug, token: await coordinatorToken(db, workspace.id, 'members') };
}
