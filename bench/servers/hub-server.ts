// The Hub as `npm start` runs it (minus logging), on a fresh SQLite file.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../../src/app/build-app.ts';
import { openDatabase } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { seedCatalogue } from '../../src/features/instruments/seed.ts';
import { answerCpuQueries } from '../lib/child-server.ts';

const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'space2id-bench-')), 'bench.db');
const database = openDatabase(process.env.DATABASE_URL ?? file);
await migrateToLatest(database.db);
await seedCatalogue(database.db);
const app = await buildApp({ database, logger: false });
const url = await app.listen({ host: '127.0.0.1', port: 0 });
answerCpuQueries();
console.log(`LISTENING ${url}`);
process.on('SIGTERM', () =>
  app
    .close()
    .then(() => database.close())
    .then(() => process.exit(0)),
);
