/**
 * Public surface of the B2B meeting scheduler (pure). The threaded runner, runInWorker, is
 * src/jobs/scheduler/run-in-worker.ts: domain code never starts workers.
 */
export { parseDzn } from './dzn.ts';
export { parseScheduleJson, scheduleJsonSchema } from './json.ts';
export type * from './model.ts';
export { solve } from './solver.ts';
export { assignTables } from './tables.ts';
