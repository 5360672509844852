/**
 * The import rules of the Hub (docs/ARCHITECTURE.md § Import rules; decision 0013). Checked by
 * `npm run lint:imports` and by the unit test `test/architecture/import-rules.test.ts`, so CI
 * fails on any break. The folder-level rule (no cycle between features) is in that test.
 *
 * Layers, bottom up: domain → db → http, jobs → features → commands → app → cli.
 */
const NODE_IO = 'core';
const TEST_FILE = '\\.(test|int\\.test|e2e\\.test)\\.ts$';

/**
 * A floor folder (db, http, jobs) imports only the floor below it: `allowed` is the pattern of the
 * local paths it may reach.
 */
function floorRule(folder, comment, allowed) {
  return {
    name: `${folder}-is-floor`,
    comment,
    severity: 'error',
    from: { path: `^src/${folder}/`, pathNot: TEST_FILE },
    to: { dependencyTypes: ['local'], pathNot: allowed },
  };
}

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'src/domain/ is pure logic: it imports only src/domain/ and pure npm packages',
      severity: 'error',
      from: { path: '^src/domain/', pathNot: TEST_FILE },
      to: { dependencyTypes: ['local'], pathNot: '^src/domain/' },
    },
    {
      name: 'domain-has-no-io',
      comment: 'src/domain/ does no I/O: no Node built-in module (fs, os, worker_threads, …)',
      severity: 'error',
      from: { path: '^src/domain/', pathNot: TEST_FILE },
      to: { dependencyTypes: [NODE_IO] },
    },
    floorRule('db', 'src/db/ builds on src/domain/ only', '^src/(db|domain)/'),
    floorRule(
      'http',
      'src/http/ (request parameters, errors, authentication hooks) builds on domain and db only',
      '^src/(http|db|domain)/|^src/version\\.ts$',
    ),
    floorRule(
      'jobs',
      'src/jobs/ (the queue, worker threads) knows no feature: features register their handlers',
      '^src/(jobs|db|domain)/',
    ),
    {
      name: 'features-do-not-import-upwards',
      comment: 'a feature never imports commands/, app/ or cli/: those are wired above it',
      severity: 'error',
      from: { path: '^src/features/', pathNot: TEST_FILE },
      to: { path: '^src/(commands|app|cli)/' },
    },
    {
      name: 'feature-routes-are-entry-points',
      comment: "only the composition root registers a feature's routes",
      severity: 'error',
      from: { path: '^src/', pathNot: `^src/app/|${TEST_FILE}` },
      to: { path: '^src/features/.+routes\\.ts$' },
    },
    {
      name: 'commands-do-not-import-upwards',
      comment: 'commands/ builds on features; the composition root wires commands into routes',
      severity: 'error',
      from: { path: '^src/commands/', pathNot: TEST_FILE },
      to: { path: '^src/(app|cli)/' },
    },
    {
      name: 'app-does-not-import-cli',
      severity: 'error',
      from: { path: '^src/app/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'web-takes-only-types-and-constants-from-the-server',
      comment:
        'the web app reaches the server through its API; from src/ it takes types, and at run time only the pure vocabulary modules',
      severity: 'error',
      from: { path: '^web/src/', pathNot: TEST_FILE },
      to: {
        path: '^src/',
        // The pure vocabulary, and the budget formula and item parser the instrument editor runs live;
        // a survey's answer rules (issue 23), which the respondent's page applies as they answer.
        pathNot:
          '^src/domain/([^/]+/types|catalogue/budget-formula|catalogue/custom-instrument|surveys/answers)\\.ts$',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'web-takes-types-from-domain-or-api-only',
      comment: 'even types come from src/domain/ (or the generated OpenAPI types), never from features or db',
      severity: 'error',
      from: { path: '^web/src/', pathNot: TEST_FILE },
      to: { path: '^src/', pathNot: '^src/domain/' },
    },
    {
      name: 'server-does-not-import-web',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^web/' },
    },
    {
      name: 'no-test-code-in-the-product',
      comment: 'vitest and test support belong to tests',
      severity: 'error',
      from: { path: '^(src|web/src)/', pathNot: TEST_FILE },
      to: { path: '(^|/)node_modules/(vitest|@vitest)/|^test/' },
    },
    {
      name: 'no-circular',
      comment: 'no module depends on itself through others',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|data|test-results)/|web/src/api/schema\\.d\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    combinedDependencies: false,
    reporterOptions: { text: { highlightFocused: true } },
  },
};
