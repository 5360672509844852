/**
 * Worker-thread entry (started by render-in-worker.ts; bundled as dist/report-worker.mjs): draws
 * the report in workerData as a PDF or XLSX file and posts { type: 'progress', fraction, message }
 * messages, then { type: 'result', content } (the file's bytes, transferred) or
 * { type: 'error', message }.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Language } from '../../domain/i18n/types.ts';
import { renderPdf } from './pdf.ts';
import type { ReportData } from './report-data.ts';
import type { ReportFormat } from './schema.ts';
import { renderXlsx } from './xlsx.ts';

const { data, format, language } = workerData as {
  data: ReportData;
  format: ReportFormat;
  language: Language;
};
try {
  const progress = (fraction: number, message: string) =>
    parentPort?.postMessage({ type: 'progress', fraction, message });
  const file =
    format === 'pdf' ? await renderPdf(data, progress, language) : await renderXlsx(data, progress, language);
  // A copy of its own (a Buffer may be a view on a shared pool), so it can be transferred, not copied again.
  const content = new Uint8Array(file);
  parentPort?.postMessage({ type: 'result', content }, [content.buffer]);
} catch (error) {
  parentPort?.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
}
