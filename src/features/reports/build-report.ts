import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../domain/access/policy.ts';
import { reportFileName } from './format.ts';
import type { KpiRollupSource } from './kpi-rollup.ts';
import { PDF_MEDIA_TYPE } from './pdf.ts';
import { renderInWorker } from './render-in-worker.ts';
import { loadReportData, type ReportData } from './report-data.ts';
import type { ReportRequest } from './schema.ts';
import { XLSX_MEDIA_TYPE } from './xlsx.ts';

export interface BuiltReport {
  fileName: string;
  contentType: string;
  content: Buffer;
  data: ReportData;
}

export interface BuildReportOptions {
  db: Kysely<DB>;
  kpiRollup: KpiRollupSource;
  /** 0 to 1 with a message: reading the figures is the first 30%, drawing the rest. */
  progress?: (fraction: number, message: string) => void;
  /** Checked between steps: an abort stops the build with the signal's reason. */
  signal?: AbortSignal;
  clock?: () => Date;
}

/**
 * A funder report for the actor's workspace, a period and optionally a market, as a PDF or XLSX file: the one builder
 * behind the background job (`POST /reports`) and the `space2id report` command.
 */
export async function buildReport(
  actor: Actor,
  request: ReportRequest,
  options: BuildReportOptions,
): Promise<BuiltReport> {
  const report = (fraction: number, message: string) => {
    options.signal?.throwIfAborted();
    options.progress?.(fraction, message);
  };
  const period = { from: request.from, to: request.to };
  const data = await loadReportData(
    actor,
    { ...period, marketId: request.marketId },
    {
      db: options.db,
      kpiRollup: options.kpiRollup,
      onStep: (fraction, message) => report(0.3 * fraction, message),
      ...(options.clock ? { clock: options.clock } : {}),
    },
  );
  const drawing = (fraction: number, message: string) => report(0.3 + 0.68 * fraction, message);
  // Drawing runs in a worker thread: the server keeps answering requests meanwhile.
  const content = await renderInWorker(
    data,
    request.format,
    drawing,
    options.signal,
    request.language ?? 'en',
  );
  report(0.98, 'Saving the file');
  return {
    fileName: reportFileName(data.workspace.slug, period, request.format, data.market?.name),
    contentType: request.format === 'pdf' ? PDF_MEDIA_TYPE : XLSX_MEDIA_TYPE,
    content,
    data,
  };
}
