import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testDialects } from '../../../test/support/databases.ts';
import { type Database, openDatabase } from '../../db/database.ts';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../../bin/space2id.mjs');

describe.each(testDialects())('space2id workspace create and operator grant on %s', (kind) => {
  let testDatabase: TestDatabase;
  let database: Database;

  beforeAll(async () => {
    testDatabase = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.close();
    await testDatabase?.drop();
  });

  const cli = async (...args: string[]) => {
    const env = {
      ...process.env,
      DATABASE_URL: testDatabase.url,
      PUBLIC_URL: 'https://hub.example.test',
      SEED_DEMO: 'false',
    };
    try {
      const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  };
  const workspaces = async () => {
    database ??= openDatabase(testDatabase.url);
    return database.db.selectFrom('workspace').select(['slug', 'status']).orderBy('slug').execute();
  };

  it('creates a pending workspace and prints its set-up link; a taken or malformed slug or e-mail fails and writes nothing', async () => {
    const created = await cli(
      'workspace',
      'create',
      '--slug',
      'orbit',
      '--name',
      'Orbit Alliance',
      '--coordinator',
      'ada@example.test',
    );
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/https:\/\/hub\.example\.test\/setup\/[A-Za-z0-9_-]{20,}/);
    expect(await workspaces()).toEqual([{ slug: 'orbit', status: 'pending' }]);

    for (const [args, message] of [
      [['--slug', 'orbit', '--name', 'Again', '--coordinator', 'b@example.test'], /--slug is already taken/],
      [
        ['--slug', 'Not_A_Slug', '--name', 'Bad', '--coordinator', 'b@example.test'],
        /--slug must be lower-case/,
      ],
      [
        ['--slug', 'api', '--name', 'Reserved', '--coordinator', 'b@example.test'],
        /--slug "api" is reserved/,
      ],
      [
        ['--slug', 'fine-slug', '--name', 'Fine', '--coordinator', 'not-an-email'],
        /--coordinator must be an e-mail/,
      ],
    ] as const) {
      const failed = await cli('workspace', 'create', ...args);
      expect(failed.code, args.join(' ')).not.toBe(0);
      expect(failed.stderr).toMatch(message);
    }
    expect(await workspaces()).toEqual([{ slug: 'orbit', status: 'pending' }]);
  });

  it('grants the operator role, creating the account with a link to choose its password, and revokes it', async () => {
    const granted = await cli('operator', 'grant', 'olga@example.test');
    expect(granted.code, granted.stderr).toBe(0);
    expect(granted.stdout).toContain('olga@example.test is now an instance operator (new account)');
    expect(granted.stdout).toMatch(/https:\/\/hub\.example\.test\/setup\//);
    const flag = () =>
      database.db
        .selectFrom('app_user')
        .select('is_operator')
        .where('email', '=', 'olga@example.test')
        .executeTakeFirstOrThrow();
    expect((await flag()).is_operator).toBe(1);
    const revoked = await cli('operator', 'revoke', 'olga@example.test');
    expect(revoked.code).toBe(0);
    expect((await flag()).is_operator).toBe(0);
    const bad = await cli('operator', 'grant', 'nobody');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/EMAIL must be an e-mail address/);
  });
});
