import { createHash } from 'node:crypto';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { B2bRows } from '../../../test/support/b2b-factories.ts';
import { testDialects } from '../../../test/support/databases.ts';
import { Factory } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { newId } from '../../db/ids.ts';
import { exportWorkspaceArchive } from './export-archive.ts';
import { ARCHIVE_LIMITS } from './format.ts';
import { importWorkspaceArchive } from './import-archive.ts';

type Entries = Map<string, Buffer>;

async function readEntries(file: string): Promise<Entries> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true }, (error, opened) =>
      error || !opened ? reject(error) : resolve(opened),
    ),
  );
  const entries: Entries = new Map();
  await new Promise<void>((resolve, reject) => {
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (error, stream) => {
        if (error || !stream) return reject(error);
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          entries.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
  zip.close();
  return entries;
}

/** The entries as a ZIP; with `rehash`, the manifest's SHA-256s and counts fit the (changed) entries. */
async function zipOf(entries: Entries, rehash = true): Promise<Buffer> {
  const copy = new Map(entries);
  if (rehash) {
    const manifest = JSON.parse(String(copy.get('manifest.json')));
    for (const table of manifest.tables) {
      const bytes = copy.get(table.file);
      if (!bytes) continue;
      table.sha256 = createHash('sha256').update(bytes).digest('hex');
      table.rows = String(bytes).split('\n').filter(Boolean).length;
    }
    copy.set('manifest.json', Buffer.from(JSON.stringify(manifest)));
  }
  const zip = new yazl.ZipFile();
  for (const [name, bytes] of copy) zip.addBuffer(bytes, name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function editLines(
  entries: Entries,
  file: string,
  edit: (row: Record<string, unknown>, index: number) => void,
) {
  const rows = String(entries.get(file))
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  rows.forEach(edit);
  entries.set(file, Buffer.from(rows.map((row) => `${JSON.stringify(row)}\n`).join('')));
}

function editManifest(entries: Entries, edit: (manifest: Record<string, unknown>) => void) {
  const manifest = JSON.parse(String(entries.get('manifest.json')));
  edit(manifest);
  entries.set('manifest.json', Buffer.from(JSON.stringify(manifest)));
}

describe.each(testDialects())('workspace archives on %s', (kind) => {
  let t: TestApp;
  let factory: Factory;
  let dir: string;
  let good: Entries;
  let sourceWorkspaceId: string;
  let organisationId: string;
  let coordinator: { headers: Record<string, string> };
  let target: { id: string; slug: string };

  beforeAll(async () => {
    t = await startTestApp(kind);
    factory = new Factory(t.database.db);
    dir = mkdtempSync(path.join(os.tmpdir(), 'space2id-archive-'));
    const source = await factory.workspace('Source');
    sourceWorkspaceId = source.id;
    const cluster = await factory.cluster(source.id);
    const organisation = await factory.organisation(source.id, cluster.id);
    organisationId = organisation.id;
    await factory.person(source.id, organisation.id);
    const market = await factory.market(source.id);
    const plan = await factory.plan(source.id, market.id);
    await factory.activity(source.id, plan.id);
    // A B2B event with a participant (issue 22): its slug and codes are unique across the instance.
    const b2b = new B2bRows(t.database.db);
    const matchmaking = await factory.activity(source.id, null, { instrument: '1.2.1' });
    const event = await b2b.event(source.id, matchmaking.id);
    await b2b.participant(source.id, event.id, { feed_token: 'feed-secret-of-the-source' });
    await factory.memberWithToken(source.id, 'coordinator');
    const file = path.join(dir, 'good.zip');
    await exportWorkspaceArchive(
      t.database.db,
      { workspaceId: source.id, scope: { kind: 'workspace' } },
      createWriteStream(file),
    );
    good = await readEntries(file);
    const empty = await factory.workspace('Empty target');
    target = { id: empty.id, slug: empty.slug };
    coordinator = await factory.memberWithToken(empty.id, 'coordinator');
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function counts() {
    const db = t.database.db;
    const one = async (table: 'organisation' | 'app_user' | 'workspace' | 'cluster') =>
      Number((await db.selectFrom(table).select(db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    return {
      organisations: await one('organisation'),
      users: await one('app_user'),
      workspaces: await one('workspace'),
      clusters: await one('cluster'),
    };
  }

  async function upload(bytes: Buffer, route = 'import', slug = target.slug) {
    return t.app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${slug}/archive/${route}`,
      headers: { ...coordinator.headers, 'content-type': 'application/zip' },
      payload: bytes,
    });
  }

  async function expectRefused(bytes: Buffer, message: RegExp) {
    const before = await counts();
    const response = await upload(bytes);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().detail ?? response.json().title).toMatch(message);
    expect(await counts()).toEqual(before);
  }

  it('says what an archive holds before importing it', async () => {
    const response = await upload(await zipOf(good), 'inspect');
    expect(response.statusCode, response.body).toBe(200);
    const summary = response.json();
    expect(summary.workspaceName).toBe('Source');
    expect(summary.targetEmpty).toBe(true);
    expect(summary.tables.find((table: { table: string }) => table.table === 'organisation').rows).toBe(1);
  });

  it('refuses a truncated archive', async () => {
    const bytes = await zipOf(good);
    await expectRefused(bytes.subarray(0, Math.floor(bytes.length / 2)), /not a readable ZIP/);
  });

  it('refuses an archive whose table does not match its SHA-256', async () => {
    const entries = new Map(good);
    editLines(entries, 'tables/organisation.jsonl', (row) => {
      row.name = 'Changed';
    });
    await expectRefused(await zipOf(entries, false), /SHA-256/);
  });

  it('refuses an archive of a newer format version', async () => {
    const entries = new Map(good);
    editManifest(entries, (manifest) => {
      manifest.formatVersion = 2;
    });
    await expectRefused(await zipOf(entries), /format version 2/);
  });

  it('refuses an archive from a newer database schema', async () => {
    const entries = new Map(good);
    editManifest(entries, (manifest) => {
      manifest.schema = '9999-from-the-future';
    });
    await expectRefused(await zipOf(entries), /newer database/);
  });

  it('refuses an unknown table', async () => {
    const entries = new Map(good);
    entries.set('tables/secret_table.jsonl', Buffer.from('{"id":"x"}\n'));
    editManifest(entries, (manifest) => {
      (manifest.tables as unknown[]).push({
        table: 'secret_table',
        file: 'tables/secret_table.jsonl',
        rows: 1,
        sha256: '0'.repeat(64),
      });
    });
    await expectRefused(await zipOf(entries), /secret_table/);
  });

  it('refuses an unknown column', async () => {
    const entries = new Map(good);
    editLines(entries, 'tables/person.jsonl', (row) => {
      row.password_hash = 'x';
    });
    await expectRefused(await zipOf(entries), /column "password_hash"/);
  });

  it('refuses an entry whose name is a path out of the archive', async () => {
    const entries = new Map(good);
    entries.set('tables/evilname.jsonl', Buffer.from('\n'));
    const bytes = await zipOf(entries);
    // Same length, so the ZIP stays well-formed: only the name changes, in both headers.
    const crafted = Buffer.from(
      bytes.toString('latin1').replaceAll('tables/evilname.jsonl', '../../../etc/passwd.x'),
      'latin1',
    );
    await expectRefused(crafted, /passwd|invalid relative path|may not hold/);
  });

  it('refuses entries beyond the limits (a zip bomb)', async () => {
    const before = await counts();
    const file = path.join(dir, 'bomb.zip');
    writeFileSync(file, await zipOf(new Map(good)));
    const limits = { ...ARCHIVE_LIMITS, maxUnpackedBytes: 1_000 };
    await expect(
      importWorkspaceArchive(t.database.db, file, { workspaceId: target.id }, { limits }),
    ).rejects.toThrow(/zip bomb/);
    await expect(
      importWorkspaceArchive(
        t.database.db,
        file,
        { workspaceId: target.id },
        { limits: { ...ARCHIVE_LIMITS, maxEntries: 3 } },
      ),
    ).rejects.toThrow(/entries/);
    const bomb = Buffer.alloc(ARCHIVE_LIMITS.maxLineBytes + 10, 32);
    const entries = new Map(good);
    entries.set('tables/cluster.jsonl', bomb);
    await expectRefused(await zipOf(entries), /longer than/);
    expect(await counts()).toEqual(before);
  });

  it('refuses rows that would land in another workspace', async () => {
    const entries = new Map(good);
    editLines(entries, 'tables/organisation.jsonl', (row) => {
      row.workspace_id = target.id;
    });
    await expectRefused(await zipOf(entries), /another workspace/);
  });

  it('refuses a reference to a record outside the archive', async () => {
    const other = await factory.workspace('Other');
    const foreignCluster = await factory.cluster(other.id);
    const entries = new Map(good);
    editLines(entries, 'tables/organisation.jsonl', (row) => {
      row.cluster_id = foreignCluster.id;
    });
    await expectRefused(await zipOf(entries), /not in the archive/);
  });

  it('refuses to import into a workspace with records', async () => {
    const response = await upload(await zipOf(good), 'import');
    expect(response.statusCode).toBe(200);
    await expectRefused(await zipOf(good), /not empty/);
  });

  it('imports with new ids, and the same data', async () => {
    const fresh = await factory.workspace('Fresh');
    const file = path.join(dir, 'fresh.zip');
    writeFileSync(file, await zipOf(good));
    const result = await importWorkspaceArchive(t.database.db, file, { workspaceId: fresh.id });
    const imported = await t.database.db
      .selectFrom('organisation')
      .selectAll()
      .where('workspace_id', '=', fresh.id)
      .execute();
    expect(imported).toHaveLength(1);
    expect(imported[0]?.id).not.toBe(organisationId);
    expect(result.idMap.get('organisation')?.get(organisationId)).toBe(imported[0]?.id);
    const source = await t.database.db
      .selectFrom('organisation')
      .select('name')
      .where('id', '=', organisationId)
      .executeTakeFirstOrThrow();
    expect(imported[0]?.name).toBe(source.name);
    // Imported into the instance it came from: the event's public address and the participant's
    // check-in code are new (they are unique across the instance), its secrets fresh.
    const events = await t.database.db
      .selectFrom('b2b_event')
      .select(['workspace_id', 'public_slug'])
      .where('workspace_id', 'in', [sourceWorkspaceId, fresh.id])
      .execute();
    expect(events).toHaveLength(2);
    expect(new Set(events.map((e) => e.public_slug)).size).toBe(2);
    const participants = await t.database.db
      .selectFrom('b2b_participant')
      .select(['workspace_id', 'checkin_code', 'access_token_hash', 'feed_token'])
      .where('workspace_id', 'in', [sourceWorkspaceId, fresh.id])
      .execute();
    expect(participants).toHaveLength(2);
    const [before, after] = [sourceWorkspaceId, fresh.id].map((id) =>
      participants.find((p) => p.workspace_id === id),
    );
    expect(after?.checkin_code).not.toBe(before?.checkin_code);
    expect(after?.access_token_hash).not.toBe(before?.access_token_hash);
    expect(after?.feed_token).not.toBe('feed-secret-of-the-source');
  });

  it("exports one organisation's data for a data-portability request, which is not imported as a workspace", async () => {
    const file = path.join(dir, 'gdpr.zip');
    const manifest = await exportWorkspaceArchive(
      t.database.db,
      { workspaceId: sourceWorkspaceId, scope: { kind: 'organisation', organisationId } },
      createWriteStream(file),
    );
    const rows = Object.fromEntries(manifest.tables.map((table) => [table.table, table.rows]));
    expect(rows.organisation).toBe(1);
    expect(rows.person).toBe(1);
    expect(rows.plan).toBe(0);
    const entries = await readEntries(file);
    expect(String(entries.get('tables/organisation.jsonl'))).toContain(organisationId);
    await expectRefused(readFileSync(file), /data-portability/);
  });

  it('starts an export job for a coordinator, whose file is the archive', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${target.slug}/archive/exports`,
      headers: coordinator.headers,
      payload: {},
    });
    expect(response.statusCode, response.body).toBe(202);
    expect(response.json().job.kind).toBe('archive');
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${target.slug}/archive/exports`,
      headers: coordinator.headers,
      payload: { organisationId: newId() },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].field).toBe('body.organisationId');
  });

  it('refuses archives to anyone but a coordinator', async () => {
    const viewer = await factory.memberWithToken(target.id, 'viewer');
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${target.slug}/archive/import`,
      headers: { ...viewer.headers, 'content-type': 'application/zip' },
      payload: await zipOf(good),
    });
    expect(response.statusCode).toBe(403);
  });
});
