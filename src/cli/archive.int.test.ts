import { afterEach, describe, expect, it } from 'vitest';
import { PG_DUMP_ADVICE, runBackup } from './commands/archive.ts';

describe('space2id backup on PostgreSQL', () => {
  const saved = process.env.DATABASE_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved;
  });

  it('explains the pg_dump command (and the archive) instead of copying', async () => {
    process.env.DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';
    await expect(runBackup('/tmp/never-written.db')).rejects.toThrow(/pg_dump --format=custom/);
    expect(PG_DUMP_ADVICE).toContain('space2id archive export');
  });
});
