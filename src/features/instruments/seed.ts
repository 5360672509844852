import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import { D42_INSTRUMENTS } from '../../domain/catalogue/instruments.ts';
import type { InstrumentDefinition } from '../../domain/catalogue/types.ts';
import { CATALOGUE_REVISION_KEY, InstrumentRepository } from './repository.ts';

export interface CatalogueSeedResult {
  /** False when the stored catalogue already matched the code's (nothing written). */
  changed: boolean;
  instruments: number;
  kpis: number;
}

/**
 * Makes the global catalogue in the database equal to D4.2 as defined in
 * `src/domain/catalogue/instruments.ts`. Idempotent and cheap when nothing changed: a digest of
 * the definitions is stored, so a normal start costs one small read.
 *
 * @example
 * await seedCatalogue(db); // { changed: true, instruments: 17, kpis: … } the first time
 */
export async function seedCatalogue(
  db: Kysely<DB>,
  definitions: readonly InstrumentDefinition[] = D42_INSTRUMENTS,
): Promise<CatalogueSeedResult> {
  const digest = createHash('sha256').update(JSON.stringify(definitions)).digest('hex');
  const counts = {
    instruments: definitions.length,
    kpis: definitions.reduce((n, d) => n + d.kpis.length, 0),
  };
  if ((await new InstrumentRepository(db).getMeta(CATALOGUE_REVISION_KEY)) === digest) {
    return { changed: false, ...counts };
  }
  await writeTransaction(db, async (trx) => {
    const repository = new InstrumentRepository(trx);
    for (const [position, definition] of definitions.entries()) {
      await repository.upsertGlobal(definition, position);
    }
    await repository.setMeta(CATALOGUE_REVISION_KEY, digest);
  });
  return { changed: true, ...counts };
}
