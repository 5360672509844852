import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { newId, nowIso } from '../../db/ids.ts';
import { MIGRATIONS } from '../../db/migrations/index.ts';
import type { DB } from '../../db/schema.ts';
import type { TableName } from '../../db/workspace-tables.ts';
import { WORKSPACE_TABLES } from '../../db/workspace-tables.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import { ArchiveError } from './errors.ts';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_FORMAT_VERSION,
  ARCHIVE_LIMITS,
  type ArchiveCatalogueInstrument,
  type ArchiveLimits,
  type ArchiveManifest,
  type ArchiveProgress,
  type ArchiveUser,
  manifestSchema,
} from './format.ts';
import { ArchiveRepository, type TableShape } from './repository.ts';
import { ID_COLUMNS, JSON_ID_COLUMNS, SECRET_COLUMNS, UNIQUE_COLUMNS } from './rules.ts';
import { type OpenArchive, openArchive, readLines, readWhole } from './zip-reader.ts';

/** Where an archive goes: an existing workspace without content, or a new one created for it. */
export type ImportTarget = { workspaceId: string } | { create: { slug: string; name?: string } };

export interface ImportOptions {
  progress?: ArchiveProgress;
  limits?: ArchiveLimits;
  /** Who imports (recorded in the audit event of the import), when a user does. */
  actorUserId?: string | null;
}

export interface ImportResult {
  workspaceId: string;
  /** Rows written per table. */
  tables: { table: string; rows: number }[];
  /** Accounts created (without a password) and matched by e-mail. */
  usersCreated: number;
  usersMatched: number;
  /** Archive id → new id, per table (for comparing the two workspaces). */
  idMap: Map<string, Map<string, string>>;
}

/** What an archive holds, read and checked without writing anything (for "what will be imported"). */
export interface ArchiveSummary {
  manifest: ArchiveManifest;
}

type Row = Record<string, unknown>;

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * Reads and checks the archive's manifest and directory: the checks that need no row.
 *
 * @throws ArchiveError naming the problem
 */
export async function inspectArchive(
  file: string,
  limits: ArchiveLimits = ARCHIVE_LIMITS,
): Promise<ArchiveSummary> {
  const archive = await openArchive(file, limits);
  try {
    return { manifest: await checkedManifest(archive, limits) };
  } finally {
    archive.close();
  }
}

/**
 * Imports the archive at `file` into `target`, in ONE transaction: any problem found on the way
 * (a bad SHA-256, an unknown column, a row of another workspace, a reference outside the archive)
 * rolls everything back. Ids in the archive are never trusted: every row gets a new id and every
 * reference is rewritten through the archive's own id map (docs/archive-format.md, "Ids").
 *
 * @throws ArchiveError naming the problem (nothing written)
 */
export async function importWorkspaceArchive(
  db: Kysely<DB>,
  file: string,
  target: ImportTarget,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const limits = options.limits ?? ARCHIVE_LIMITS;
  const progress = options.progress ?? (() => {});
  const archive = await openArchive(file, limits);
  try {
    const manifest = await checkedManifest(archive, limits);
    if (manifest.scope.kind !== 'workspace') {
      throw new ArchiveError(
        "This is one organisation's data (a data-portability export), not a workspace's archive: it cannot be imported as a workspace.",
      );
    }
    const users = await readJsonLines<ArchiveUser>(archive, manifest.users, limits);
    const catalogue = await readJsonLines<ArchiveCatalogueInstrument>(archive, manifest.catalogue, limits);
    const repository = new ArchiveRepository(db);
    const shapes = new Map<string, TableShape>();
    for (const entry of manifest.tables)
      shapes.set(entry.table, await repository.shape(entry.table as TableName));
    const workspaceShape = await repository.shape('workspace');
    const settings = checkedSettings(manifest, workspaceShape);

    if ('create' in target) {
      if (!SLUG.test(target.create.slug)) {
        throw new ArchiveError(
          'must be 1 to 63 lower-case letters, digits or hyphens, not starting or ending with a hyphen',
          'workspace',
        );
      }
      if (await repository.workspaceBySlug(target.create.slug)) {
        throw new ArchiveError(`a workspace "${target.create.slug}" exists already`, 'workspace');
      }
    } else {
      const table = await repository.firstTableWithContent(target.workspaceId);
      if (table) {
        throw new ArchiveError(
          `The workspace is not empty (it has records in ${table}); an archive is imported only into a workspace without records.`,
        );
      }
    }

    let done = 0;
    const total = Math.max(
      1,
      manifest.tables.reduce((sum, entry) => sum + entry.rows, 0),
    );
    return await writeTransaction(db, async (trx) => {
      const writer = new ArchiveRepository(trx);
      let workspaceId: string;
      if ('create' in target) {
        workspaceId = newId();
        await writer.createWorkspace({
          ...settings,
          id: workspaceId,
          slug: target.create.slug,
          name: target.create.name ?? manifest.workspace.name,
          created_at: nowIso(),
        });
      } else {
        workspaceId = target.workspaceId;
        await writer.updateWorkspace(workspaceId, settings);
      }

      // Accounts: matched by e-mail, else created without a password.
      const userMap = new Map<string, string>();
      const emails = users.map((user) => normaliseEmail(user.email));
      const existing = await writer.usersByEmail(emails);
      let usersCreated = 0;
      for (const [index, user] of users.entries()) {
        const email = emails[index] as string;
        let id = existing.get(email);
        if (!id) {
          id = await writer.createUser(email, String(user.name ?? '').slice(0, 200) || email);
          existing.set(email, id);
          usersCreated += 1;
        }
        userMap.set(String(user.id), id);
      }
      const catalogueByKey = await writer.catalogueByKey();
      const catalogueMap = new Map<string, string>();
      for (const instrument of catalogue) {
        const id = catalogueByKey.get(String(instrument.key));
        if (!id) {
          throw new ArchiveError(
            `The archive names a D4.2 instrument "${instrument.key}" that this deployment does not have.`,
          );
        }
        catalogueMap.set(String(instrument.id), id);
      }
      const members = await writer.memberships(workspaceId);

      const idMap = new Map<string, Map<string, string>>();
      const strayIds = new Map<string, string>();
      const lookupAny = (old: string): string | undefined => {
        for (const map of idMap.values()) {
          const found = map.get(old);
          if (found) return found;
        }
        return userMap.get(old) ?? catalogueMap.get(old);
      };
      const resolve = (table: string, column: string, referenced: string, old: unknown): unknown => {
        if (old === null || old === undefined) {
          if (referenced === 'workspace') {
            throw new ArchiveError(
              `A row of ${table} belongs to no workspace (an instance record); nothing was imported.`,
            );
          }
          return null;
        }
        if (typeof old !== 'string')
          throw new ArchiveError(`${table}.${column} holds a value that is not an id.`);
        if (referenced === 'workspace') {
          if (old !== manifest.workspace.id) {
            throw new ArchiveError(
              `A row of ${table} belongs to another workspace than the archive's; nothing was imported.`,
            );
          }
          return workspaceId;
        }
        const found =
          referenced === 'app_user'
            ? userMap.get(old)
            : (idMap.get(referenced)?.get(old) ??
              (referenced === 'instrument' ? catalogueMap.get(old) : undefined));
        if (!found) {
          throw new ArchiveError(
            `A row of ${table} refers (${column}) to a ${referenced} that is not in the archive; references outside the archive are refused.`,
          );
        }
        return found;
      };

      const tables: ImportResult['tables'] = [];
      for (const entry of manifest.tables) {
        const table = entry.table as TableName;
        const shape = shapes.get(table) as TableShape;
        const columns = new Set(shape.columns);
        const ownId = shape.primaryKey.length === 1 && shape.primaryKey[0] === 'id';
        const map = new Map<string, string>();
        idMap.set(table, map);
        const idColumns = ID_COLUMNS[table] ?? [];
        const jsonColumns = JSON_ID_COLUMNS[table] ?? [];
        const secrets = SECRET_COLUMNS[table] ?? [];
        const uniques = UNIQUE_COLUMNS[table] ?? [];
        /** Inserts the rows, a unique value the instance holds already replaced with a fresh one. */
        const insert = async (rows: Row[]) => {
          for (const column of uniques) {
            const values = rows.flatMap((row) =>
              typeof row[column] === 'string' ? [row[column] as string] : [],
            );
            const taken = await writer.takenValues(table, column, values);
            for (const row of rows) {
              if (typeof row[column] === 'string' && taken.has(row[column] as string)) {
                row[column] = randomBytes(12).toString('base64url');
              }
            }
          }
          await writer.insert(table, rows);
        };
        const batchSize =
          shape.blobColumns.length > 0
            ? 1
            : Math.max(1, Math.min(1_000, Math.floor(30_000 / shape.columns.length)));
        const hash = createHash('sha256');
        let batch: Row[] = [];
        let rows = 0;
        let written = 0;
        for await (const line of readLines(
          await archive.stream(entry.file),
          entry.file,
          hash,
          limits.maxLineBytes,
        )) {
          if (line.length === 0) continue;
          rows += 1;
          const row = parseRow(line, entry.file, rows);
          for (const column of Object.keys(row)) {
            if (!columns.has(column))
              throw new ArchiveError(
                `${entry.file} has a column "${column.slice(0, 100)}" that ${table} does not have.`,
              );
          }
          if (ownId) {
            const old = row.id;
            if (typeof old !== 'string' || old.length === 0 || old.length > 100) {
              throw new ArchiveError(`Row ${rows} of ${entry.file} has no valid id.`);
            }
            if (map.has(old)) throw new ArchiveError(`The id of row ${rows} of ${entry.file} appears twice.`);
            if (table === 'membership') {
              // A person who is a member of the target already (its coordinator) keeps that membership.
              const user = userMap.get(String(row.user_id));
              const kept = user ? members.get(user) : undefined;
              if (kept) {
                map.set(old, kept);
                continue;
              }
            }
            map.set(old, newId());
          }
          for (const [column, referenced] of shape.foreignKeys) {
            if (column in row) row[column] = resolve(table, column, referenced, row[column]);
          }
          if (ownId) row.id = map.get(row.id as string);
          for (const column of idColumns) {
            const old = row[column];
            if (typeof old !== 'string') continue;
            let mapped = lookupAny(old);
            if (!mapped) {
              // The record is gone (e.g. an audit event about a deleted record): a fresh id, the same for every mention.
              mapped = strayIds.get(old) ?? newId();
              strayIds.set(old, mapped);
            }
            row[column] = mapped;
          }
          for (const column of jsonColumns) {
            if (typeof row[column] === 'string') row[column] = remapJson(row[column] as string, lookupAny);
          }
          for (const column of secrets) row[column] = randomBytes(32).toString('hex');
          for (const column of shape.blobColumns) {
            if (row[column] === null || row[column] === undefined) continue;
            row[column] = await readFile(archive, manifest, String(row[column]), limits);
          }
          if (table === 'job') resetJob(row);
          batch.push(row);
          if (batch.length >= batchSize) {
            await insert(batch);
            written += batch.length;
            batch = [];
          }
          done += 1;
          if (done % 10_000 === 0) progress(Math.min(0.99, done / total), `Importing ${table}`);
        }
        await insert(batch);
        written += batch.length;
        if (hash.digest('hex') !== entry.sha256) {
          throw new ArchiveError(
            `${entry.file} does not match its SHA-256 in the manifest: the archive was changed or damaged.`,
          );
        }
        if (rows !== entry.rows) {
          throw new ArchiveError(`${entry.file} has ${rows} rows; the manifest says ${entry.rows}.`);
        }
        tables.push({ table, rows: written });
      }
      // The accounts and D4.2 instruments matched, and the ids of records the archive only mentions, complete the map.
      idMap.set('app_user', userMap);
      const instruments = idMap.get('instrument') ?? new Map<string, string>();
      for (const [old, id] of catalogueMap) instruments.set(old, id);
      idMap.set('instrument', instruments);
      idMap.set('(mentioned only)', strayIds);
      progress(1, 'Imported');
      return { workspaceId, tables, usersCreated, usersMatched: users.length - usersCreated, idMap };
    });
  } finally {
    archive.close();
  }
}

/** The manifest, checked against the archive's directory and this deployment. */
async function checkedManifest(archive: OpenArchive, limits: ArchiveLimits): Promise<ArchiveManifest> {
  if (!archive.entries.has('manifest.json'))
    throw new ArchiveError('The archive has no manifest.json: it is not a workspace archive.');
  const { bytes } = await readWhole(
    await archive.stream('manifest.json'),
    'manifest.json',
    limits.maxManifestBytes,
  );
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new ArchiveError('manifest.json is not valid JSON.');
  }
  const head = raw as { format?: unknown; formatVersion?: unknown; schema?: unknown };
  if (head?.format !== ARCHIVE_FORMAT)
    throw new ArchiveError(`manifest.json does not name the format "${ARCHIVE_FORMAT}".`);
  if (typeof head.formatVersion === 'number' && head.formatVersion > ARCHIVE_FORMAT_VERSION) {
    throw new ArchiveError(
      `The archive has format version ${head.formatVersion}; this deployment reads version ${ARCHIVE_FORMAT_VERSION}. Update the Hub first.`,
    );
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ArchiveError(`manifest.json is not valid: ${issue?.path.join('.')} ${issue?.message}`);
  }
  const manifest = parsed.data;
  checkSchema(manifest.schema);
  const order = WORKSPACE_TABLES.map((entry) => entry.table as string);
  const expected = new Set<string>(['manifest.json', manifest.users.file, manifest.catalogue.file]);
  let last = -1;
  for (const entry of manifest.tables) {
    const position = order.indexOf(entry.table);
    if (position < 0)
      throw new ArchiveError(
        `The archive has a table "${entry.table.slice(0, 100)}" that this deployment does not know.`,
      );
    if (position <= last)
      throw new ArchiveError(`The manifest lists ${entry.table} out of order (or twice).`);
    last = position;
    if (entry.file !== `tables/${entry.table}.jsonl`)
      throw new ArchiveError(`The manifest names ${entry.file} for ${entry.table}.`);
    expected.add(entry.file);
  }
  for (const file of manifest.files) {
    if (!file.file.startsWith('files/')) throw new ArchiveError(`The manifest lists ${file.file} as a file.`);
    expected.add(file.file);
  }
  for (const name of expected) {
    if (!archive.entries.has(name))
      throw new ArchiveError(`The archive lacks ${name}, which its manifest lists.`);
  }
  for (const name of archive.entries.keys()) {
    if (!expected.has(name))
      throw new ArchiveError(`The archive holds ${name}, which its manifest does not list.`);
  }
  return manifest;
}

/** The archive's schema must be one this deployment has migrated through (not newer, not unknown). */
function checkSchema(schema: string): void {
  const known = Object.keys(MIGRATIONS);
  if (known.includes(schema)) return;
  const latest = known[known.length - 1] ?? '';
  if (schema.slice(0, 4) > latest.slice(0, 4)) {
    throw new ArchiveError(
      `The archive comes from a newer database (schema ${schema.slice(0, 100)}; this deployment has ${latest}). Update the Hub first.`,
    );
  }
  throw new ArchiveError(`The archive's schema ${schema.slice(0, 100)} is not one this deployment knows.`);
}

/** The workspace settings of the archive this deployment has columns for (an unknown one is refused). */
function checkedSettings(manifest: ArchiveManifest, shape: TableShape): Row {
  const columns = new Set(shape.columns);
  const settings: Row = {};
  for (const [column, value] of Object.entries(manifest.workspace.settings)) {
    if (!columns.has(column) || ['id', 'slug', 'name', 'created_at'].includes(column)) {
      throw new ArchiveError(
        `The archive has a workspace setting "${column.slice(0, 100)}" that this deployment does not have.`,
      );
    }
    if (value !== null && typeof value === 'object')
      throw new ArchiveError(`The workspace setting "${column}" is not a plain value.`);
    settings[column] = value;
  }
  return settings;
}

async function readJsonLines<T>(
  archive: OpenArchive,
  entry: { file: string; rows: number; sha256: string },
  limits: ArchiveLimits,
): Promise<T[]> {
  const { bytes, sha256 } = await readWhole(
    await archive.stream(entry.file),
    entry.file,
    limits.maxManifestBytes * 4,
  );
  if (sha256 !== entry.sha256)
    throw new ArchiveError(`${entry.file} does not match its SHA-256 in the manifest.`);
  const rows = bytes
    .toString('utf8')
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line, index) => parseRow(line, entry.file, index + 1));
  if (rows.length !== entry.rows)
    throw new ArchiveError(`${entry.file} has ${rows.length} rows; the manifest says ${entry.rows}.`);
  for (const row of rows) {
    if (typeof row.id !== 'string') throw new ArchiveError(`A row of ${entry.file} has no id.`);
    if (
      'email' in row &&
      (typeof row.email !== 'string' || !row.email.includes('@') || row.email.length > 320)
    ) {
      throw new ArchiveError(`A row of ${entry.file} has no valid e-mail address.`);
    }
  }
  return rows as T[];
}

function parseRow(line: string, file: string, number: number): Row {
  let row: unknown;
  try {
    row = JSON.parse(line);
  } catch {
    throw new ArchiveError(`Line ${number} of ${file} is not valid JSON.`);
  }
  if (row === null || typeof row !== 'object' || Array.isArray(row))
    throw new ArchiveError(`Line ${number} of ${file} is not a row.`);
  for (const value of Object.values(row)) {
    if (value !== null && typeof value === 'object')
      throw new ArchiveError(`Line ${number} of ${file} holds a nested value.`);
  }
  return row as Row;
}

async function readFile(
  archive: OpenArchive,
  manifest: ArchiveManifest,
  name: string,
  limits: ArchiveLimits,
): Promise<Buffer> {
  const listed = manifest.files.find((file) => file.file === name);
  if (!listed)
    throw new ArchiveError(`A row refers to a file "${name.slice(0, 100)}" the manifest does not list.`);
  const { bytes, sha256 } = await readWhole(await archive.stream(name), name, limits.maxFileBytes);
  if (sha256 !== listed.sha256 || bytes.length !== listed.bytes) {
    throw new ArchiveError(`${name} does not match its SHA-256 in the manifest.`);
  }
  return bytes;
}

/** Replaces, in a JSON text, every string that is an id of the archive with its new id. */
function remapJson(text: string, lookup: (old: string) => string | undefined): string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return text;
  }
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') return lookup(node) ?? node;
    if (Array.isArray(node)) return node.map(walk);
    if (node && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([key, inner]) => [key, walk(inner)]));
    }
    return node;
  };
  return JSON.stringify(walk(value));
}

/** A job is never resumed by another deployment: one that had not finished is marked failed. */
function resetJob(row: Row): void {
  row.worker_id = null;
  row.lease_expires_at = null;
  if (row.status === 'queued' || row.status === 'running') {
    row.status = 'failed';
    row.message = 'Failed';
    row.error = 'not finished when the workspace was exported';
  }
}

function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
