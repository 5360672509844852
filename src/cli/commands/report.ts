/**
 * `space2id report --workspace <slug> --from YYYY-MM-DD --to YYYY-MM-DD --format pdf|xlsx --out FILE`:
 * the funder report, built directly on the database (no server, no job), progress on stderr.
 */
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { createServices } from '../../app/services.ts';
import { loadConfig } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import { openDatabase } from '../../db/database.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import type { Actor } from '../../domain/access/policy.ts';
import { LANGUAGES } from '../../domain/i18n/types.ts';
import { buildReport } from '../../features/reports/build-report.ts';
import { REPORT_FORMATS, reportRequestSchema } from '../../features/reports/schema.ts';
import { WorkspaceRepository } from '../../features/workspaces/repository.ts';
import { ThrottledProgress } from '../../jobs/progress.ts';

export interface ReportOptions {
  workspace: string;
  from: string;
  to: string;
  format?: string;
  /** The report's language (`en` by default): one of LANGUAGES. */
  language?: string;
  out: string;
}

/** Bad command-line input; `message` names the options to fix. */
export class ReportCommandError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportCommandError';
  }
}

/** The format asked for, else the one the output file's extension names. */
function formatOf(options: ReportOptions): string | undefined {
  if (options.format !== undefined) return options.format.trim().toLowerCase();
  const extension = options.out.split('.').pop()?.toLowerCase();
  return REPORT_FORMATS.find((format) => format === extension);
}

/** @throws ReportCommandError naming each option to fix. */
export function parseReportOptions(options: ReportOptions) {
  const parsed = reportRequestSchema.safeParse({
    from: options.from,
    to: options.to,
    format: formatOf(options),
    ...(options.language === undefined ? {} : { language: options.language.trim().toLowerCase() }),
  });
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const option = `--${String(issue.path[0] ?? 'format')}`;
    const message =
      option === '--language'
        ? `must be one of ${LANGUAGES.join(', ')}`
        : option === '--format'
          ? `must be ${REPORT_FORMATS.join(' or ')} (or give --out a .pdf or .xlsx name)`
          : issue.message;
    return `  ${option}: ${message}`;
  });
  throw new ReportCommandError(`cannot make the report:\n${problems.join('\n')}`);
}

/**
 * The command acts with a coordinator's access: whoever runs it holds the database itself.
 * @throws ReportCommandError when no workspace has the slug (naming the ones there are).
 */
async function workspaceActor(database: Database, slug: string): Promise<Actor> {
  const workspaces = new WorkspaceRepository(database.db);
  const workspace = await workspaces.findBySlug(slug);
  if (workspace) {
    return {
      userId: 'space2id-cli',
      workspaceId: workspace.id,
      role: 'coordinator',
      clusterId: null,
      organisationId: null,
    };
  }
  const slugs = (await database.db.selectFrom('workspace').select('slug').orderBy('slug').execute()).map(
    (row) => row.slug,
  );
  throw new ReportCommandError(
    `cannot make the report:\n  --workspace: no workspace "${slug}"; ${slugs.length === 0 ? 'the database has none' : `there are: ${slugs.join(', ')}`}`,
  );
}

export async function runReport(options: ReportOptions, stderr: NodeJS.WritableStream = process.stderr) {
  const request = parseReportOptions(options);
  const database = openDatabase(loadConfig().databaseUrl);
  try {
    await migrateToLatest(database.db);
    const actor = await workspaceActor(database, options.workspace);
    const { kpis } = createServices({ db: database.db });
    const progress = new ThrottledProgress(async (fraction, message) => {
      stderr.write(`[${String(Math.round(fraction * 100)).padStart(3)}%] ${message}\n`);
    }, 200);
    const built = await buildReport(actor, request, {
      db: database.db,
      kpiRollup: (reader, query) => kpis.rollup(reader, query),
      progress: (fraction, message) => progress.report(fraction, message),
    });
    await writeFile(options.out, built.content);
    progress.report(1, 'Done');
    await progress.flush();
    return built;
  } finally {
    await database.close();
  }
}

export function registerReportCommand(program: Command): void {
  program
    .command('report')
    .description("write a workspace's funder report for a period as PDF or XLSX (no server needed)")
    .requiredOption('--workspace <slug>', 'the workspace (its slug, as in /w/<slug>/ addresses)')
    .requiredOption('--from <YYYY-MM-DD>', 'first day of the period')
    .requiredOption('--to <YYYY-MM-DD>', 'last day of the period (at most 10 years after --from)')
    .option('--format <pdf|xlsx>', 'the file format (default: from the --out extension)')
    .option('--language <code>', `the report's language: ${LANGUAGES.join(', ')} (default: en)`)
    .requiredOption('--out <file>', 'where to write the report')
    .action(async (options: ReportOptions) => {
      const built = await runReport(options);
      const n = built.data.summary.activities;
      process.stdout.write(
        `${options.out}: ${built.contentType === 'application/pdf' ? 'PDF' : 'XLSX'}, ${built.content.length} bytes, ${n} ${n === 1 ? 'activity' : 'activities'}\n`,
      );
    });
}
