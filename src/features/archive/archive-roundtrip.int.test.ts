import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/databases.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { seedDemo } from '../../app/seed-demo.ts';
import type { DatabaseKind } from '../../db/database.ts';
import { AuthRepository } from '../auth/repository.ts';
import { AuthService } from '../auth/service.ts';
import { exportWorkspaceArchive } from './export-archive.ts';
import { type ImportResult, importWorkspaceArchive } from './import-archive.ts';

const COORDINATOR = 'coordinator@demo.space2id.example';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** Each pair: the demo exported from the first database and imported into the second. */
function pairs(): [DatabaseKind, DatabaseKind][] {
  const kinds = testDialects();
  return kinds.length > 1
    ? [
        ['sqlite', 'postgres'],
        ['postgres', 'sqlite'],
      ]
    : [['sqlite', 'sqlite']];
}

async function tokenFor(app: TestApp, email: string) {
  const user = await app.database.db
    .selectFrom('app_user')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  const { secret } = await new AuthService(new AuthRepository(app.database.db)).createApiToken(
    user.id,
    'round trip',
    null,
  );
  return { authorization: `Bearer ${secret}` };
}

/** The workspace routes that take no id: every list and roll-up of a workspace. */
async function workspaceGetRoutes(app: TestApp): Promise<{ path: string; query: string }[]> {
  const document = (await app.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<
      string,
      Record<string, { parameters?: { in: string; name: string; required?: boolean }[] }>
    >;
  };
  const routes: { path: string; query: string }[] = [];
  for (const [route, operations] of Object.entries(document.paths)) {
    const get = operations.get;
    if (!get || !route.startsWith('/api/v1/workspaces/{workspace}')) continue;
    if (route.replace('{workspace}', '').includes('{')) continue;
    if (route.endsWith('/events')) continue;
    const required = (get.parameters ?? []).filter((p) => p.in === 'query' && p.required).map((p) => p.name);
    const query = required.map((name) => `${name}=${REQUIRED_QUERY[name] ?? ''}`).join('&');
    routes.push({ path: route.replace('{workspace}', 'demo'), query });
  }
  return routes;
}

/** Values for the query parameters some roll-ups require. */
const REQUIRED_QUERY: Record<string, string> = { from: '2025-01-01', to: '2027-12-31' };

/**
 * An object's entries without what is not the workspace's: a D4.2 instrument is each deployment's
 * own row (matched by key), so when it was seeded there is that deployment's fact.
 */
function ownEntries(value: object): [string, unknown][] {
  const catalogue = 'origin' in value && value.origin === 'd4.2';
  return Object.entries(value).filter(
    ([key]) => !(catalogue && (key === 'createdAt' || key === 'updatedAt')),
  );
}

/** The answer with every id of the source replaced by its id in the copy; cursors only as present or not. */
function translated(value: unknown, ids: Map<string, string>): unknown {
  if (typeof value === 'string') return value.replace(UUID, (id) => ids.get(id) ?? `unmapped:${id}`);
  if (Array.isArray(value)) return value.map((item) => translated(item, ids));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      ownEntries(value).map(([key, inner]) => [
        key.replace(UUID, (id) => ids.get(id) ?? `unmapped:${id}`),
        /cursor/i.test(key) ? inner !== null : translated(inner, ids),
      ]),
    );
  }
  return value;
}

/** JSON with the keys of every object sorted (maps keyed by id come in id order, which an import changes). */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

function cursorsOnly(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(cursorsOnly);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      ownEntries(value).map(([key, inner]) => [
        key,
        /cursor/i.test(key) ? inner !== null : cursorsOnly(inner),
      ]),
    );
  }
  return value;
}

describe.each(pairs())('the demo workspace exported from %s and imported into %s', (from, to) => {
  let source: TestApp;
  let target: TestApp;
  let dir: string;
  let result: ImportResult;
  const ids = new Map<string, string>();

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'space2id-roundtrip-'));
    source = await startTestApp(from);
    target = await startTestApp(to);
    await seedDemo(source.database.db);
    const workspace = await source.database.db
      .selectFrom('workspace')
      .select('id')
      .where('slug', '=', 'demo')
      .executeTakeFirstOrThrow();
    const file = path.join(dir, 'demo.zip');
    await exportWorkspaceArchive(
      source.database.db,
      { workspaceId: workspace.id, scope: { kind: 'workspace' } },
      createWriteStream(file),
    );
    result = await importWorkspaceArchive(target.database.db, file, { create: { slug: 'demo' } });
    for (const map of result.idMap.values()) for (const [old, id] of map) ids.set(old, id);
    const target_ws = await target.database.db
      .selectFrom('workspace')
      .select('id')
      .where('slug', '=', 'demo')
      .executeTakeFirstOrThrow();
    ids.set(workspace.id, target_ws.id);
    // The D4.2 catalogue is each deployment's own: its instruments match by key.
    const catalogue = async (app: TestApp) =>
      new Map(
        (
          await app.database.db
            .selectFrom('instrument')
            .select(['id', 'key'])
            .where('workspace_id', 'is', null)
            .execute()
        ).map((row) => [row.key, row.id]),
      );
    const targetCatalogue = await catalogue(target);
    for (const [key, id] of await catalogue(source))
      ids.set(id, targetCatalogue.get(key) ?? `missing:${key}`);
  }, 240_000);

  afterAll(async () => {
    await source?.close();
    await target?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('carries every row of every table', async () => {
    const rows = result.tables.reduce((sum, table) => sum + table.rows, 0);
    expect(rows).toBeGreaterThan(1000);
    for (const table of ['organisation', 'person', 'activity', 'cost_line', 'kpi_entry', 'audit_event']) {
      expect(result.tables.find((entry) => entry.table === table)?.rows, table).toBeGreaterThan(0);
    }
  });

  it('gives the same answers on every list and roll-up endpoint', async () => {
    const sourceHeaders = await tokenFor(source, COORDINATOR);
    const targetHeaders = await tokenFor(target, COORDINATOR);
    const routes = await workspaceGetRoutes(source);
    expect(routes.length).toBeGreaterThan(15);
    const differences: string[] = [];
    for (const route of routes) {
      const url = route.query ? `${route.path}?${route.query}` : route.path;
      const before = await source.app.inject({ method: 'GET', url, headers: sourceHeaders });
      const after = await target.app.inject({ method: 'GET', url, headers: targetHeaders });
      if (before.statusCode !== after.statusCode) {
        differences.push(`${url}: ${before.statusCode} then ${after.statusCode}`);
        continue;
      }
      if (!String(before.headers['content-type']).includes('json')) continue;
      const a = canonical(translated(before.json(), ids));
      const b = canonical(cursorsOnly(after.json()));
      if (a !== b) {
        let at = 0;
        while (at < a.length && a[at] === b[at]) at += 1;
        differences.push(
          `${url}: …${a.slice(Math.max(0, at - 150), at + 150)}\n  !== …${b.slice(Math.max(0, at - 150), at + 150)}`,
        );
      }
    }
    expect(differences).toEqual([]);
  });
});
