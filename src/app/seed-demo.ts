import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { type DemoSeedResult, seedDemoWorkspace } from '../features/demo/seed-demo.ts';
import { createServices } from './services.ts';

/**
 * Creates the demo workspace on a database without workspaces (see `seedDemoWorkspace`). The demo
 * goes through the same use cases as a user's work, wired here like the app's.
 */
export async function seedDemo(db: Kysely<DB>): Promise<DemoSeedResult> {
  const services = createServices({ db });
  try {
    return await seedDemoWorkspace(services);
  } finally {
    await services.close();
  }
}
