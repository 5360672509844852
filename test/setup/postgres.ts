import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { IN_CI, POSTGRES_TEST_URL } from '../support/env.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The PostgreSQL base URL when the server answers, or null (then the tier is skipped, loudly). */
    postgresUrl: string | null;
  }
}

/**
 * Global set-up of the integration tier: checks that PostgreSQL answers and removes databases
 * left over by an earlier interrupted run. Under CI a missing PostgreSQL is a failure.
 */
export default async function setup(project: TestProject): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_TEST_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
  } catch (error) {
    const message = `PostgreSQL is not reachable at ${POSTGRES_TEST_URL}: ${(error as Error).message}`;
    if (IN_CI) throw new Error(`${message} (CI=true: the PostgreSQL tier must run)`);
    console.warn(`\n!!! ${message}\n!!! SKIPPING the PostgreSQL half of the integration tier.\n`);
    project.provide('postgresUrl', null);
    return;
  }
  try {
    const { rows } = await client.query<{ datname: string }>(
      `select datname from pg_database where datname like 'space2id_t_%'`,
    );
    for (const { datname } of rows) {
      // Only databases whose creating process is gone (the pid is part of the name).
      const pid = Number(datname.split('_')[2]);
      if (!Number.isInteger(pid) || isAlive(pid)) continue;
      await client.query(`drop database if exists "${datname}" with (force)`);
    }
  } finally {
    await client.end();
  }
  project.provide('postgresUrl', POSTGRES_TEST_URL);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
