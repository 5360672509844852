import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import pg from 'pg';
import type { DB } from '../../src/db/schema.ts';
import { AuthRepository } from '../../src/features/auth/repository.ts';
import { AuthService } from '../../src/features/auth/service.ts';
import { WorkspaceRepository } from '../../src/features/workspaces/repository.ts';

const ADMIN_URL = process.env.BENCH_POSTGRES_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** `--name N` from a benchmark's arguments: a positive number (a whole one if `integer`). */
export function numberArg(args: string[], name: string, fallback: number, integer = true): number {
  const index = args.indexOf(name);
  if (index < 0) return fallback;
  const value = Number(args[index + 1]);
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new Error(`${name} needs a positive ${integer ? 'whole ' : ''}number`);
  }
  return value;
}

/** A new SQLite file or PostgreSQL database (named after `tag` and this process) and how to drop it. */
export async function freshDatabase(
  kind: 'sqlite' | 'postgres',
  tag: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(path.join(os.tmpdir(), `space2id-bench-${tag}-`));
    return {
      url: path.join(dir, 'bench.db'),
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `space2id_bench_${tag}_${process.pid}`;
  await admin(`drop database if exists "${name}" with (force)`);
  await admin(`create database "${name}"`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists "${name}" with (force)`) };
}

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A new coordinator of the workspace and its API token's secret (`Authorization: Bearer …`). */
export async function coordinatorToken(db: Kysely<DB>, workspaceId: string, tag: string): Promise<string> {
  const users = new AuthRepository(db);
  const user = await users.createUser({
    email: `bench-${tag}-${process.pid}@example.test`,
    name: 'Bench',
    passwordHash: null,
  });
  await new WorkspaceRepository(db).addMember({
    workspaceId,
    userId: user.id,
    role: 'coordinator',
    clusterId: null,
  });
  const { secret } = await new AuthService(users).createApiToken(user.id, 'bench', null);
  return secret;
}
