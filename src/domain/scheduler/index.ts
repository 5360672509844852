/** Public surface of the B2B meeting scheduler (pure; see run-in-worker.ts for the threaded runner). */
export { parseDzn } from './dzn.ts';
export { parseScheduleJson, scheduleJsonSchema } from './json.ts';
export type * from './model.ts';
export { solve } from './solver.ts';
export { assignTables } from './tables.ts';
