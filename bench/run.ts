/**
 * `npm run bench -- <name> [options]`: runs one benchmark and writes `bench/results/<name>.md`.
 * Benchmarks are not tests: they are run by hand (heavy), and their results are committed.
 */
const BENCHMARKS: Record<string, () => Promise<{ main(args: string[]): Promise<void> }>> = {
  api: () => import('./api.ts'),
  startup: () => import('./startup.ts'),
  argon2: () => import('./argon2.ts'),
  members: () => import('./members-list.ts'),
  import: () => import('./import.ts'),
  b2b: () => import('./b2b/run.ts'),
  'b2b-agendas': () => import('./b2b-agendas.ts'),
  'b2b-event-schedule': () => import('./b2b-event-schedule.ts'),
  'b2b-registrations': () => import('./b2b-registrations.ts'),
  'plan-page': () => import('./plan-page.ts'),
  planning: () => import('./planning.ts'),
  kpi: () => import('./kpi.ts'),
  reports: () => import('./reports.ts'),
  fuzz: () => import('./fuzz.ts'),
  load: () => import('./load.ts'),
  archive: () => import('./archive.ts'),
  network: () => import('./network.ts'),
  recommender: () => import('./recommender.ts'),
  'survey-results': () => import('./survey-results.ts'),
};

const [name, ...args] = process.argv.slice(2);
const load = name ? BENCHMARKS[name] : undefined;
if (!load) {
  console.error(`usage: npm run bench -- <${Object.keys(BENCHMARKS).join('|')}> [options]`);
  process.exit(2);
}
await (await load()).main(args);
