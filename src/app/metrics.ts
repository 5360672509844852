import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { DB } from '../db/schema.ts';

/**
 * Prometheus metrics at `GET /api/metrics` (text format 0.0.4): requests by route and status, their
 * latency, the job queue's depth, and the process's own (event loop lag, memory, CPU, handles).
 * Counts only, never data; still, publish the path to the monitoring network only.
 */

/** The process's metrics, registered once however many apps a process builds (tests build many). */
let processRegistry: Registry | undefined;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry, eventLoopMonitoringPrecision: 20 });
  }
  return processRegistry;
}

export function registerMetrics(app: FastifyInstance, db: Kysely<DB>): void {
  const registry = new Registry();
  const requests = new Counter({
    name: 'space2id_http_requests_total',
    help: 'API requests answered, by method, route pattern and status code',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'space2id_http_request_duration_seconds',
    help: 'Time to answer an API request, by method and route pattern',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  new Gauge({
    name: 'space2id_job_queue_depth',
    help: 'Background jobs waiting, by status (queued, running)',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      const rows = await db
        .selectFrom('job')
        .select(['status', (eb) => eb.fn.countAll<number | string>().as('n')])
        .where('status', 'in', ['queued', 'running'])
        .groupBy('status')
        .execute();
      this.reset();
      for (const status of ['queued', 'running']) {
        this.set({ status }, Number(rows.find((row) => row.status === status)?.n ?? 0));
      }
    },
  });

  app.addHook('onResponse', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    // The route's pattern (`/api/v1/workspaces/:workspace/plans/:id`), never the raw URL: bounded labels.
    const route = request.routeOptions.url ?? 'unmatched';
    requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    latency.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });

  app.get('/api/metrics', { schema: { hide: true } }, async (_request, reply) => {
    const text = [await registry.metrics(), await processMetrics().metrics()].join('\n');
    return reply.type(registry.contentType).header('cache-control', 'no-store').send(text);
  });
}
