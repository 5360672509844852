import path from 'node:path';

/** Runtime configuration, read only from the environment (see README "Configuration"). */
export interface Config {
  host: string;
  port: number;
  /** `postgres://…` for PostgreSQL; a file path or `sqlite:<path>` for SQLite. */
  databaseUrl: string;
  logLevel: string;
  /** Folder of the built web app; served when it exists. */
  webDist: string;
  /** Create the demo workspace on a database without any workspace (default true). */
  seedDemo: boolean;
}

export const DEFAULT_SQLITE_FILE = './data/space2id.db';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    host: env.HOST ?? '127.0.0.1',
    port: parsePort(env.PORT),
    databaseUrl: env.DATABASE_URL ?? DEFAULT_SQLITE_FILE,
    logLevel: env.LOG_LEVEL ?? 'info',
    webDist: env.WEB_DIST ?? path.resolve(import.meta.dirname, '../web/dist'),
    seedDemo: env.SEED_DEMO !== 'false' && env.SEED_DEMO !== '0',
  };
}

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return 3000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer between 0 and 65535, got "${value}"`);
  }
  return port;
}
