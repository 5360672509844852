import type { Insertable, Kysely } from 'kysely';
import { newId, nowIso } from '../../src/db/ids.ts';
import type { DB, KpiEntryTable, KpiTargetTable } from '../../src/db/schema.ts';

/** KPI rows straight into the database (issue 5), for tests that must not go through the API. */
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

  /** A target of an activity (default: 2 held activities), value as stored (money in cents). */
  target(workspaceId: string, overrides: Partial<Insertable<KpiTargetTable>> = {}) {
    const now = nowIso();
    return this.db
      .insertInto('kpi_target')
      .values({
        id: newId(),
        workspace_id: workspaceId,
        activity_id: null,
        plan_id: null,
        instrument_id: null,
        kpi_key: 'held_activities',
        value: 2,
        created_by: null,
        created_at: now,
        updated_at: now,
        ...overrides,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** A hand-entered value of an activity (default: 5 contacts mapped on 2026-03-03). */
  entry(workspaceId: string, activityId: string, overrides: Partial<Insertable<KpiEntryTable>> = {}) {
    const now = nowIso();
    return this.db
      .insertInto('kpi_entry')
      .values({
        id: newId(),
        workspace_id: workspaceId,
        activity_id: activityId,
        kpi_key: 'contacts_mapped',
        value_number: 5,
        value_text: null,
        recorded_on: '2026-03-03',
        comment: '',
        author_user_id: null,
        created_at: now,
        updated_at: now,
        ...overrides,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }
}
