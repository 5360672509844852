import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupSqlite } from './sqlite-backup.ts';

describe('backupSqlite', () => {
  let dir: string;
  let source: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'space2id-backup-'));
    source = path.join(dir, 'source.db');
    const db = new SQLite(source);
    db.pragma('journal_mode = WAL');
    db.exec('create table t (id integer primary key, v text)');
    const insert = db.prepare('insert into t (v) values (?)');
    db.transaction(() => {
      for (let i = 0; i < 5_000; i++) insert.run(`row ${i} ${'x'.repeat(200)}`);
    })();
    db.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('copies the database in steps, reporting progress, and checks the copy', async () => {
    const seen: number[] = [];
    const out = path.join(dir, 'copy.db');
    const result = await backupSqlite(source, out, { pagesPerStep: 10, progress: (done) => seen.push(done) });
    expect(result.integrity).toBe('ok');
    expect(seen.length).toBeGreaterThan(5);
    const copy = new SQLite(out, { readonly: true });
    expect((copy.prepare('select count(*) as n from t').get() as { n: number }).n).toBe(5_000);
    copy.close();
  });

  it('refuses to overwrite a file', async () => {
    const out = path.join(dir, 'exists.db');
    writeFileSync(out, 'keep me');
    await expect(backupSqlite(source, out)).rejects.toThrow(/exists already/);
  });
});
