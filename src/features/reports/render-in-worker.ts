import { Worker } from 'node:worker_threads';
import type { Language } from '../../domain/i18n/types.ts';
import { workerSource } from '../../jobs/worker-source.ts';
import type { RenderProgress } from './pdf.ts';
import type { ReportData } from './report-data.ts';
import type { ReportFormat } from './schema.ts';

/**
 * Draws a report's file in a worker thread (render-worker.ts), relaying its progress. Drawing is
 * the report's CPU-heavy part (seconds for a large PDF); on the server's own thread it held every
 * HTTP request waiting meanwhile, so under a mixed load each report made the whole Hub slow. An
 * abort of `signal` terminates the worker and rejects with the signal's reason.
 *
 * @example
 * const pdf = await renderInWorker(data, 'pdf', (fraction, message) => console.log(fraction, message));
 */
export function renderInWorker(
  data: ReportData,
  format: ReportFormat,
  progress: RenderProgress = () => {},
  signal?: AbortSignal,
  language: Language = 'en',
): Promise<Buffer> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise<Buffer>((resolve, reject) => {
    const worker = new Worker(
      workerSource('report-worker.mjs', new URL('./render-worker.ts', import.meta.url)),
      { eval: true, workerData: { data, format, language } },
    );
    let done = false;
    const finish = (settle: () => void) => {
      if (done) return;
      done = true;
      signal?.removeEventListener('abort', onAbort);
      settle();
      void worker.terminate();
    };
    const onAbort = () => finish(() => reject(signal?.reason));
    signal?.addEventListener('abort', onAbort);
    worker.on(
      'message',
      (message: { type: string; fraction?: number; message?: string; content?: Uint8Array }) => {
        if (message.type === 'progress') progress(message.fraction ?? 0, message.message ?? '');
        else if (message.type === 'result' && message.content) {
          const { content } = message;
          finish(() => resolve(Buffer.from(content.buffer, content.byteOffset, content.byteLength)));
        } else if (message.type === 'error') finish(() => reject(new Error(message.message)));
      },
    );
    worker.on('error', (error) => finish(() => reject(error)));
    worker.on('exit', (code) => {
      if (!done) finish(() => reject(new Error(`the report worker exited with code ${code}`)));
    });
  });
}
