import { type Kysely, type RawBuilder, sql } from 'kysely';
import { locksRows } from '../../db/dialect.ts';
import { newId, nowIso } from '../../db/ids.ts';
import type { DB } from '../../db/schema.ts';
import type { TableName } from '../../db/workspace-tables.ts';
import { WORKSPACE_TABLES } from '../../db/workspace-tables.ts';
import type { ArchiveCatalogueInstrument, ArchiveUser } from './format.ts';
import { NOT_CONTENT_TABLES, ORGANISATION_SCOPE } from './rules.ts';

/** A table as the database's catalogue describes it. */
export interface TableShape {
  table: TableName;
  columns: string[];
  /** Columns holding bytes (BLOB / bytea): written to the archive as files. */
  blobColumns: string[];
  primaryKey: string[];
  /** Column → referenced table. */
  foreignKeys: Map<string, string>;
}

/** Which rows of a workspace to read: all of them, or one member organisation's (GDPR). */
export type ArchiveScope = { kind: 'workspace' } | { kind: 'organisation'; organisationId: string };

type Row = Record<string, unknown>;
// biome-ignore lint/suspicious/noExplicitAny: tables are named at run time from WORKSPACE_TABLES
type AnyDb = Kysely<any>;

const shapes = new WeakMap<Kysely<DB>, Map<string, TableShape>>();

/** The only SQL of workspace archives: the catalogue, pages of rows, and the writes of an import. */
export class ArchiveRepository {
  private readonly kind: 'sqlite' | 'postgres';

  constructor(private readonly db: Kysely<DB>) {
    this.kind = locksRows(db) ? 'postgres' : 'sqlite';
  }

  /** The table's columns, primary key, foreign keys and blob columns, read from the catalogue (cached). */
  async shape(table: TableName): Promise<TableShape> {
    let cache = shapes.get(this.db);
    if (!cache) {
      cache = new Map();
      shapes.set(this.db, cache);
    }
    const known = cache.get(table);
    if (known) return known;
    const shape = this.kind === 'sqlite' ? await this.sqliteShape(table) : await this.postgresShape(table);
    cache.set(table, shape);
    return shape;
  }

  private async sqliteShape(table: TableName): Promise<TableShape> {
    const columns = (
      await sql<{
        name: string;
        type: string;
        pk: number;
      }>`select name, type, pk from pragma_table_info(${table})`.execute(this.db)
    ).rows;
    const keys = (
      await sql<{
        from: string;
        table: string;
      }>`select "from", "table" from pragma_foreign_key_list(${table})`.execute(this.db)
    ).rows;
    return {
      table,
      columns: columns.map((column) => column.name),
      blobColumns: columns.filter((column) => /blob/i.test(column.type)).map((column) => column.name),
      primaryKey: columns
        .filter((column) => column.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((column) => column.name),
      foreignKeys: new Map(keys.map((key) => [key.from, key.table])),
    };
  }

  private async postgresShape(table: TableName): Promise<TableShape> {
    const columns = (
      await sql<{
        name: string;
        type: string;
      }>`select column_name as name, data_type as type from information_schema.columns
        where table_schema = current_schema() and table_name = ${table} order by ordinal_position`.execute(
        this.db,
      )
    ).rows;
    const constraints = (
      await sql<{ kind: string; column: string; referenced: string | null }>`
        select tc.constraint_type as kind, kcu.column_name as "column",
          (select ccu.table_name from information_schema.constraint_column_usage ccu
            where ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema limit 1) as referenced
        from information_schema.table_constraints tc
        join information_schema.key_column_usage kcu
          on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
        where tc.table_schema = current_schema() and tc.table_name = ${table}
          and tc.constraint_type in ('PRIMARY KEY', 'FOREIGN KEY')
        order by kcu.ordinal_position`.execute(this.db)
    ).rows;
    return {
      table,
      columns: columns.map((column) => column.name),
      blobColumns: columns.filter((column) => column.type === 'bytea').map((column) => column.name),
      primaryKey: constraints.filter((c) => c.kind === 'PRIMARY KEY').map((c) => c.column),
      foreignKeys: new Map(
        constraints
          .filter((c) => c.kind === 'FOREIGN KEY' && c.referenced)
          .map((c) => [c.column, c.referenced as string]),
      ),
    };
  }

  /** The name of the last migration applied to this database. */
  async lastMigration(): Promise<string> {
    const row = await sql<{
      name: string;
    }>`select name from kysely_migration order by name desc limit 1`.execute(this.db);
    return row.rows[0]?.name ?? '';
  }

  /**
   * One page of the workspace's rows of `shape.table` (in `scope`), ordered by primary key,
   * starting after the key values `after`. Keyset paging: each page costs the same however deep.
   */
  async page(
    shape: TableShape,
    workspaceId: string,
    scope: ArchiveScope,
    after: unknown[] | undefined,
    limit: number,
  ): Promise<Row[]> {
    // On SQLite the ownership test is kept off its index (`+column`): with it, SQLite would read
    // every row of the workspace through that index and sort them for each page (quadratic);
    // without it, each page is a range of the primary key's index.
    const conditions: RawBuilder<unknown>[] = [
      ownedBy(shape.table, 't', workspaceId, this.kind === 'sqlite'),
    ];
    if (scope.kind === 'organisation') {
      const filter = ORGANISATION_SCOPE[shape.table];
      if (!filter) return [];
      conditions.push(withOrganisation(filter, scope.organisationId));
    }
    const key = sql.join(shape.primaryKey.map((column) => sql.ref(`t.${column}`)));
    if (after) {
      conditions.push(
        shape.primaryKey.length === 1
          ? sql`${key} > ${after[0]}`
          : sql`(${key}) > (${sql.join(after.map((value) => sql`${value}`))})`,
      );
    }
    const columns = sql.join(shape.columns.map((column) => sql.ref(`t.${column}`)));
    const where = sql.join(
      conditions.map((condition) => sql`(${condition})`),
      sql` and `,
    );
    const result = await sql<Row>`select ${columns} from ${sql.table(shape.table)} as t where ${where}
      order by ${key} limit ${limit}`.execute(this.db);
    return result.rows;
  }

  /** The workspace's row: every column. */
  async workspace(workspaceId: string): Promise<Row | undefined> {
    return (this.db as AnyDb)
      .selectFrom('workspace')
      .selectAll()
      .where('id', '=', workspaceId)
      .executeTakeFirst();
  }

  async workspaceBySlug(slug: string): Promise<Row | undefined> {
    return (this.db as AnyDb).selectFrom('workspace').selectAll().where('slug', '=', slug).executeTakeFirst();
  }

  async workspaceSlugs(): Promise<string[]> {
    const rows = await this.db.selectFrom('workspace').select('slug').orderBy('slug').execute();
    return rows.map((row) => row.slug);
  }

  async organisationExists(workspaceId: string, organisationId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('organisation')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', organisationId)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** The accounts with these ids: e-mail and name only. */
  async users(ids: readonly string[]): Promise<ArchiveUser[]> {
    const found: ArchiveUser[] = [];
    for (let at = 0; at < ids.length; at += 500) {
      const rows = await this.db
        .selectFrom('app_user')
        .select(['id', 'email', 'name'])
        .where('id', 'in', ids.slice(at, at + 500))
        .orderBy('id')
        .execute();
      found.push(...rows);
    }
    return found;
  }

  /** The D4.2 (instance) instruments among these ids, with their keys. */
  async catalogueInstruments(ids: readonly string[]): Promise<ArchiveCatalogueInstrument[]> {
    if (ids.length === 0) return [];
    return this.db
      .selectFrom('instrument')
      .select(['id', 'key'])
      .where('workspace_id', 'is', null)
      .where('id', 'in', [...ids])
      .orderBy('key')
      .execute();
  }

  /** The D4.2 instruments of this deployment: key → id. */
  async catalogueByKey(): Promise<Map<string, string>> {
    const rows = await this.db
      .selectFrom('instrument')
      .select(['id', 'key'])
      .where('workspace_id', 'is', null)
      .execute();
    return new Map(rows.map((row) => [row.key, row.id]));
  }

  /** The first table (if any) in which the workspace has content (see NOT_CONTENT_TABLES). */
  async firstTableWithContent(workspaceId: string): Promise<TableName | undefined> {
    for (const entry of WORKSPACE_TABLES) {
      if (entry.owner !== 'workspace' || NOT_CONTENT_TABLES.has(entry.table)) continue;
      const row = await (this.db as AnyDb)
        .selectFrom(entry.table)
        .select(sql`1`.as('one'))
        .where('workspace_id', '=', workspaceId)
        .limit(1)
        .executeTakeFirst();
      if (row) return entry.table;
    }
    return undefined;
  }

  /** Accounts by lower-cased e-mail: e-mail → id. */
  async usersByEmail(emails: readonly string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (let at = 0; at < emails.length; at += 500) {
      const rows = await this.db
        .selectFrom('app_user')
        .select(['id', 'email'])
        .where('email', 'in', emails.slice(at, at + 500))
        .execute();
      for (const row of rows) found.set(row.email, row.id);
    }
    return found;
  }

  /** A new account without a password (its owner uses "forgot password"). */
  async createUser(email: string, name: string): Promise<string> {
    const id = newId();
    const now = nowIso();
    await this.db
      .insertInto('app_user')
      .values({ id, email, name, password_hash: null, created_at: now, updated_at: now })
      .execute();
    return id;
  }

  /** The users who are members of the workspace already: user id → membership id. */
  async memberships(workspaceId: string): Promise<Map<string, string>> {
    const rows = await this.db
      .selectFrom('membership')
      .select(['id', 'user_id'])
      .where('workspace_id', '=', workspaceId)
      .execute();
    return new Map(rows.map((row) => [row.user_id, row.id]));
  }

  async createWorkspace(values: Row): Promise<void> {
    await (this.db as AnyDb).insertInto('workspace').values(values).execute();
  }

  async updateWorkspace(workspaceId: string, values: Row): Promise<void> {
    if (Object.keys(values).length === 0) return;
    await (this.db as AnyDb).updateTable('workspace').set(values).where('id', '=', workspaceId).execute();
  }

  /** The values among `values` that `column` of `table` holds already (anywhere in the instance). */
  async takenValues(table: TableName, column: string, values: readonly string[]): Promise<Set<string>> {
    if (values.length === 0) return new Set();
    const rows = (await (this.db as AnyDb)
      .selectFrom(table)
      .select(`${column} as value`)
      .where(column, 'in', values)
      .execute()) as { value: string }[];
    return new Set(rows.map((row) => row.value));
  }

  async insert(table: TableName, rows: Row[]): Promise<void> {
    if (rows.length > 0) await (this.db as AnyDb).insertInto(table).values(rows).execute();
  }
}

/** SQL: the row `alias` of `table` belongs to the workspace (through its parents when it has no workspace_id). */
function ownedBy(
  table: TableName,
  alias: string,
  workspaceId: string,
  unindexed = false,
): RawBuilder<unknown> {
  const entry = WORKSPACE_TABLES.find((candidate) => candidate.table === table);
  if (!entry) throw new Error(`${table} is not a workspace table`);
  const column = (name: string) =>
    unindexed ? sql`+${sql.ref(`${alias}.${name}`)}` : sql.ref(`${alias}.${name}`);
  if (entry.owner === 'workspace') return sql`${column('workspace_id')} = ${workspaceId}`;
  const parentAlias = `${alias}p`;
  return sql`${column(entry.foreignKey)} in (select ${sql.ref(`${parentAlias}.id`)} from ${sql.table(
    entry.parent,
  )} as ${sql.raw(parentAlias)} where ${ownedBy(entry.parent, parentAlias, workspaceId)})`;
}

/** A condition of ORGANISATION_SCOPE with its `:org` placeholders bound to the organisation's id. */
function withOrganisation(condition: string, organisationId: string): RawBuilder<unknown> {
  const parts = condition.split(':org');
  return sql.join(
    parts.map((part, index) => (index === 0 ? sql.raw(part) : sql`${organisationId}${sql.raw(part)}`)),
    sql``,
  );
}
