import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cachingStatements } from './sqlite-statement-cache.ts';

interface TestDB {
  item: { id: number; name: string };
}

describe(cachingStatements.name, () => {
  const opened: SQLite.Database[] = [];
  afterEach(() => {
    for (const sqlite of opened.splice(0)) if (sqlite.open) sqlite.close();
  });

  function open(size?: number) {
    const sqlite = new SQLite(':memory:');
    opened.push(sqlite);
    const prepare = vi.spyOn(sqlite, 'prepare');
    const database = cachingStatements(sqlite, size);
    const db = new Kysely<TestDB>({ dialect: new SqliteDialect({ database }) });
    return { sqlite, prepare, database, db };
  }

  it('should prepare each SQL text once and answer as a fresh statement would', async () => {
    const { prepare, db } = open();
    await db.schema
      .createTable('item')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('name', 'text')
      .execute();
    for (let i = 1; i <= 5; i++)
      await db
        .insertInto('item')
        .values({ id: i, name: `item ${i}` })
        .execute();
    const select = (id: number) => db.selectFrom('item').selectAll().where('id', '=', id).executeTakeFirst();
    expect(await select(2)).toEqual({ id: 2, name: 'item 2' });
    expect(await select(4)).toEqual({ id: 4, name: 'item 4' });
    expect(await select(9)).toBeUndefined();
    const texts = prepare.mock.calls.map(([text]) => text);
    expect(texts.filter((text) => text.startsWith('insert'))).toHaveLength(1);
    expect(texts.filter((text) => text.startsWith('select'))).toHaveLength(1);
    const { numUpdatedRows } = await db
      .updateTable('item')
      .set({ name: 'changed' })
      .where('id', '<', 3)
      .executeTakeFirst();
    expect(numUpdatedRows).toBe(2n);
  });

  it('should read through a schema change with a statement prepared before it', async () => {
    const { db } = open();
    await db.schema
      .createTable('item')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('name', 'text')
      .execute();
    await db.insertInto('item').values({ id: 1, name: 'one' }).execute();
    const all = () => sql<Record<string, unknown>>`select * from item`.execute(db);
    expect((await all()).rows).toEqual([{ id: 1, name: 'one' }]);
    await sql`alter table item add column extra text default 'x'`.execute(db);
    expect((await all()).rows).toEqual([{ id: 1, name: 'one', extra: 'x' }]);
  });

  it('should hand a statement busy in an unfinished iteration to no one else', () => {
    const { sqlite, database } = open();
    sqlite.exec('create table item (id integer primary key); insert into item values (1), (2), (3)');
    const first = database.prepare('select id from item order by id');
    const rows = first.iterate([]);
    expect(rows.next().value).toEqual({ id: 1 });
    const second = database.prepare('select id from item order by id');
    expect(second).not.toBe(first);
    expect(second.all([])).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
    expect([...rows]).toEqual([{ id: 2 }, { id: 3 }]);
    expect(database.prepare('select id from item order by id')).toBe(first);
  });

  it('should keep at most `size` statements, dropping the least recently used', () => {
    const { sqlite, prepare, database } = open(2);
    const a = database.prepare('select 1');
    database.prepare('select 2');
    expect(database.prepare('select 1')).toBe(a); // now the most recently used
    database.prepare('select 3'); // drops "select 2"
    expect(database.prepare('select 1')).toBe(a);
    prepare.mockClear();
    database.prepare('select 2');
    expect(prepare).toHaveBeenCalledTimes(1);
    database.close();
    expect(sqlite.open).toBe(false);
  });
});
