import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test/support/databases.ts';
import { startTestApp, type TestApp } from '../../test/support/test-app.ts';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../bin/space2id.mjs');

describe.each(testDialects())('space2id CLI on %s', (kind) => {
  let t: TestApp;
  const cli = (...args: string[]) =>
    run(process.execPath, [BIN, ...args], { env: { ...process.env, DATABASE_URL: t.testDatabase.url } });

  beforeAll(async () => {
    // The app migrates and seeds the fresh database; the CLI then works on the same one.
    t = await startTestApp(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('catalogue --json prints exactly what GET /api/v1/instruments returns', async () => {
    const { stdout } = await cli('catalogue', '--json');
    const api = await t.app.inject({ method: 'GET', url: '/api/v1/instruments' });
    expect(JSON.parse(stdout)).toEqual(api.json());
  });

  it('catalogue prints the instruments by phase with their budget formulas', async () => {
    const { stdout } = await cli('catalogue');
    expect(stdout).toContain('Preparatory instruments for internationalisation');
    expect(stdout).toMatch(/1\.1\.3\s+Study Visits\s+8 days × day rate per mission/);
    expect(stdout.match(/^ {2}1\.\d\.\d /gm)).toHaveLength(17);
  });

  it('migrate and seed report that there is nothing left to do', async () => {
    expect((await cli('migrate')).stdout).toContain('schema already up to date');
    expect((await cli('seed')).stdout).toContain('catalogue already up to date (17 instruments)');
  });

  it('rejects an unknown command with a non-zero exit and a hint', async () => {
    await expect(cli('no-such-command')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining("unknown command 'no-such-command'"),
    });
  });
});
