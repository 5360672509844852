import type { Kysely } from 'kysely';
import { newId } from '../../src/db/ids.ts';
import type { DB } from '../../src/db/schema.ts';

/** Instruments of the catalogue and of plans, for KPI tests (targets and entries: `PlanningRows`). */
export class KpiRows {
  constructor(private readonly db: Kysely<DB>) {}

  /** The id of a catalogue instrument by key. */
  async instrumentId(key: string): Promise<string> {
    const row = await this.db
      .selectFrom('instrument')
      .select('id')
      .where('workspace_id', 'is', null)
      .where('key', '=', key)
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** Adds a catalogue instrument (by key) to a plan's chosen instruments; @returns its id. */
  async planInstrument(planId: string, key: string, position = 0): Promise<string> {
    const instrumentId = await this.instrumentId(key);
    await this.db
      .insertInto('plan_instrument')
      .values({ id: newId(), plan_id: planId, instrument_id: instrumentId, position, rationale: '' })
      .execute();
    return instrumentId;
  }
}
