import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test/support/databases.ts';
import { Factory } from '../../test/support/factories.ts';
import { PlanningRows } from '../../test/support/planning-rows.ts';
import { pdfText, readWorkbook, sheetRows } from '../../test/support/report-files.ts';
import { startTestApp, type TestApp } from '../../test/support/test-app.ts';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../bin/space2id.mjs');

describe.each(testDialects())('space2id report on %s', (kind) => {
  let t: TestApp;
  let slug: string;
  let dir: string;
  const cli = (...args: string[]) =>
    run(process.execPath, [BIN, 'report', ...args], {
      env: { ...process.env, DATABASE_URL: t.testDatabase.url },
    });

  beforeAll(async () => {
    t = await startTestApp(kind);
    dir = mkdtempSync(path.join(os.tmpdir(), 'space2id-report-'));
    const factory = new Factory(t.database.db);
    const rows = new PlanningRows(t.database.db);
    const workspace = await factory.workspace('Orbit Partners');
    slug = workspace.slug;
    const activity = await rows.activityRow(workspace.id, {
      title: 'Lisbon training',
      starts_on: '2026-02-02',
      ends_on: '2026-02-03',
    });
    await rows.costLineRow(workspace.id, activity.id, { amount_cents: 123_456 });
  });
  afterAll(async () => {
    await t?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('writes the XLSX, with progress on stderr and a summary on stdout', async () => {
    const out = path.join(dir, 'report.xlsx');
    const { stdout, stderr } = await cli(
      '--workspace',
      slug,
      '--from',
      '2026-01-01',
      '--to',
      '2026-12-31',
      '--out',
      out,
    );
    expect(stdout).toMatch(/report\.xlsx: XLSX, \d+ bytes, 1 activity/);
    expect(stderr).toMatch(/\[\s+0%\] Reading KPIs/);
    expect(stderr).toMatch(/\[100%\] Done\n$/);
    const workbook = await readWorkbook(readFileSync(out));
    expect(sheetRows(workbook, 'Activities')[0]?.slice(0, 1)).toEqual(['Lisbon training']);
    expect(sheetRows(workbook, 'Budget by funding source').at(-1)).toEqual(['Total', 1234.56, 0, 0]);
  });

  it('writes the PDF the same builder makes for the web', async () => {
    const out = path.join(dir, 'report.out');
    await cli(
      '--workspace',
      slug,
      '--from',
      '2026-01-01',
      '--to',
      '2026-06-30',
      '--format',
      'pdf',
      '--out',
      out,
    );
    const text = await pdfText(readFileSync(out));
    expect(text).toContain('Funder report');
    expect(text).toContain('Period: 1 January 2026 – 30 June 2026');
    expect(text).toContain('Lisbon training');
    expect(text).toMatch(/Total\s+1,234\.56/);
  });

  it.each([
    [
      ['--from', '2026-12-31', '--to', '2026-01-01', '--format', 'pdf'],
      '--to: must not be before from (2026-12-31)',
    ],
    [['--from', '2026-13-01', '--to', '2026-12-31', '--format', 'pdf'], '--from: is not a calendar date'],
    [['--from', '2026-01-01', '--to', '2026-12-31', '--format', 'docx'], '--format: must be pdf or xlsx'],
    [
      ['--from', '2026-01-01', '--to', '2046-12-31', '--format', 'xlsx'],
      '--to: must be at most 10 years after from',
    ],
  ])('refuses %j, naming the option, and writes no file', async (args, message) => {
    const out = path.join(dir, `refused-${Math.random().toString(36).slice(2)}.pdf`);
    await expect(cli('--workspace', slug, ...args, '--out', out)).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining(message),
    });
    expect(() => readFileSync(out)).toThrow();
  });

  it('names the workspaces there are when the slug is unknown', async () => {
    await expect(
      cli(
        '--workspace',
        'nope',
        '--from',
        '2026-01-01',
        '--to',
        '2026-12-31',
        '--out',
        path.join(dir, 'x.pdf'),
      ),
    ).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining(`--workspace: no workspace "nope"; there are: ${slug}`),
    });
  });
});
