import type { Insertable, Kysely } from 'kysely';
import { newId, nowIso } from '../../src/db/ids.ts';
import type {
  ActivityParticipantTable,
  ActivityTable,
  CostLineTable,
  DB,
  KpiEntryTable,
  KpiTargetTable,
  PlanTable,
  TargetMarketTable,
} from '../../src/db/schema.ts';

/**
 * Planning rows straight into the database, for tests of activities and budgets that must not
 * depend on the markets and plans API (built beside them).
 */
export class PlanningRows {
  constructor(private readonly db: Kysely<DB>) {}

  async marketRow(workspaceId: string, overrides: Partial<Insertable<TargetMarketTable>> = {}) {
    const now = nowIso();
    return this.db
      .insertInto('target_market')
      .values({
        id: newId(),
        workspace_id: workspaceId,
        name: 'Japan',
        country: 'JP',
        priority: 'high',
        status: 'active',
        owner_cluster_id: null,
        segments: '[]',
        rationale: '',
        findings: '',
        created_at: now,
        updated_at: now,
        ...overrides,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** A plan for 2026 without a cap, in a new market unless `market_id` is given. */
  async planRow(workspaceId: string, overrides: Partial<Insertable<PlanTable>> = {}) {
    const now = nowIso();
    const marketId = overrides.market_id ?? (await this.marketRow(workspaceId)).id;
    return this.db
      .insertInto('plan')
      .values({
        id: newId(),
        workspace_id: workspaceId,
        name: 'Japan 2026',
        starts_on: '2026-01-01',
        ends_on: '2026-12-31',
        budget_cap_cents: null,
        status: 'active',
        notes: '',
        created_at: now,
        updated_at: now,
        ...overrides,
        market_id: marketId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** An activity of a catalogue instrument (by key; training by default), standalone unless `plan_id`. */
  async activityRow(
    workspaceId: string,
    overrides: Partial<Insertable<ActivityTable>> & { instrumentKey?: string } = {},
  ) {
    const { instrumentKey = 'training-to-go-international', ...values } = overrides;
    const instrument = await this.db
      .selectFrom('instrument')
      .select('id')
      .where('workspace_id', 'is', null)
      .where('key', '=', instrumentKey)
      .executeTakeFirstOrThrow();
    const now = nowIso();
    return this.db
      .insertInto('activity')
      .values({
        id: newId(),
        workspace_id: workspaceId,
        plan_id: null,
        instrument_id: instrument.id,
        title: 'An activity',
        starts_on: '2026-03-02',
        ends_on: '2026-03-04',
        cluster_id: null,
        city: null,
        country: null,
        status: 'planned',
        outcome_notes: '',
        estimate_parameters: '{}',
        created_at: now,
        updated_at: now,
        ...values,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** A planned manual line of 100 EUR paid by the EU programme unless told otherwise. */
  async costLineRow(
    workspaceId: string,
    activityId: string,
    overrides: Partial<Insertable<CostLineTable>> = {},
  ) {
    const now = nowIso();
    return this.db
      .insertInto('cost_line')
      .values({
        id: newId(),
        workspace_id: workspaceId,
        activity_id: activityId,
        kind: 'planned',
        category: 'travel',
        funding_source: 'eu_programme',
        description: 'A line',
        formula: null,
        amount_cents: 10_000,
        origin: 'manual',
        incurred_on: null,
        created_at: now,
        updated_at: now,
        ...overrides,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** A participant of the activity (an organisation, a person or both), expected unless told. */
  participantRow(activityId: string, overrides: Partial<Insertable<ActivityParticipantTable>> = {}) {
    return this.db
      .insertInto('activity_participant')
      .values({
        id: newId(),
        activity_id: activityId,
        organisation_id: null,
        person_id: null,
        role: 'participant',
        created_at: nowIso(),
        ...overrides,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** A KPI target of an activity (`activity_id`) or of a plan (`plan_id`, `instrument_id`). */
  kpiTargetRow(
    workspaceId: string,
    values: Partial<Insertable<KpiTargetTable>> & { kpi_key: string; value: number },
  ) {
    const now = nowIso();
    return this.db
      .insertInto('kpi_target')
      .values({ id: newId(), workspace_id: workspaceId, created_at: now, updated_at: now, ...values })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** A hand-entered KPI value of an activity. */
  kpiEntryRow(
    workspaceId: string,
    activityId: string,
    values: Partial<Insertable<KpiEntryTable>> & { kpi_key: string },
  ) {
    const now = nowIso();
    return this.db
      .insertInto('kpi_entry')
      .values({
        id: newId(),
        workspace_id: workspaceId,
        activity_id: activityId,
        value_number: null,
        value_text: null,
        recorded_on: '2026-01-01',
        comment: '',
        created_at: now,
        updated_at: now,
        ...values,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }
}
