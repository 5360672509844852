import { performance } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import { type Insertable, type Kysely, sql } from 'kysely';
import { buildApp } from '../src/app/build-app.ts';
import { openDatabase } from '../src/db/database.ts';
import { newId, nowIso } from '../src/db/ids.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import type { ActivityParticipantTable, DB, KpiEntryTable, KpiTargetTable } from '../src/db/schema.ts';
import { seededRandom } from '../src/domain/random.ts';
import { seedCatalogue } from '../src/features/instruments/seed.ts';
import { refreshKpiActuals } from '../src/features/kpis/actuals.ts';
import { freshDatabase } from './lib/setup.ts';
import { generatePlanningWorkspace, type PlanningWorkspace } from './planning-data.ts';

export interface EvidenceShape {
  /**
   * Evidence records in all: participants with their attendance, actual cost lines, entries,
   * network interactions and relationship stage changes (issue 21).
   */
  records: number;
  /** Interactions with network organisations, each at an activity (issue 21). */
  interactions: number;
  /** Stage changes of relationships, each attributed to an activity (issue 21). */
  stageChanges: number;
  /** Network organisations the interactions and relationships are with. */
  networkOrganisations: number;
  /** Hand-entered values per activity (of its instrument's entered KPIs). */
  entriesPerActivity: number;
  /** Member organisations participants stand for. */
  organisations: number;
}

export interface EvidenceCounts {
  participants: number;
  interactions: number;
  relationships: number;
  stageChanges: number;
  actualCostLines: number;
  entries: number;
  activityTargets: number;
  planTargets: number;
}

const BATCH = 1000;

/**
 * Adds KPI evidence to a generated planning workspace (bench/planning-data.ts): member
 * organisations, participants with their attendance (as many as make `records` with the actual
 * cost lines and the entries), hand-entered values, activity and plan targets, then the derived
 * values as the writing use cases would leave them. Seeded: the same data on every run.
 */
export async function addKpiEvidence(
  db: Kysely<DB>,
  slug: string,
  shape: EvidenceShape,
): Promise<EvidenceCounts> {
  const random = seededRandom(11);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const workspace = await db
    .selectFrom('workspace')
    .select('id')
    .where('slug', '=', slug)
    .executeTakeFirstOrThrow();
  const workspaceId = workspace.id;
  const activities = await db
    .selectFrom('activity')
    .innerJoin('instrument', 'instrument.id', 'activity.instrument_id')
    .select([
      'activity.id',
      'activity.plan_id',
      'activity.instrument_id',
      'activity.starts_on',
      'activity.cluster_id',
    ])
    .where('activity.workspace_id', '=', workspaceId)
    .orderBy('activity.id')
    .execute();
  const kpis = await db.selectFrom('instrument_kpi').select(['instrument_id', 'key', 'kind']).execute();
  const kpisOf = new Map<string, { key: string; kind: string }[]>();
  for (const kpi of kpis) kpisOf.set(kpi.instrument_id, [...(kpisOf.get(kpi.instrument_id) ?? []), kpi]);
  const { n: actualLines } = await db
    .selectFrom('cost_line')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('kind', '=', 'actual')
    .executeTakeFirstOrThrow();
  const clusterId = (
    await db
      .selectFrom('cluster')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirstOrThrow()
  ).id;
  const now = nowIso();

  const organisationIds: string[] = [];
  const counts: EvidenceCounts = {
    participants: 0,
    interactions: 0,
    relationships: 0,
    stageChanges: 0,
    actualCostLines: Number(actualLines),
    entries: 0,
    activityTargets: 0,
    planTargets: 0,
  };
  await db.transaction().execute(async (trx) => {
    for (let start = 0; start < shape.organisations; start += BATCH) {
      const rows = [];
      for (let i = start; i < Math.min(shape.organisations, start + BATCH); i++) {
        const id = newId();
        organisationIds.push(id);
        rows.push({
          id,
          workspace_id: workspaceId,
          cluster_id: clusterId,
          name: `Member ${i}`,
          normalised_name: `member ${i}`,
          type: 'sme' as const,
          size: null,
          country: 'FR',
          city: null,
          website: null,
          registration_id: null,
          space_segments: '[]',
          melca: '[]',
          offers: '',
          offer_tags: '[]',
          requests: '',
          request_tags: '[]',
          target_market_interests: '[]',
          export_experience: 'none' as const,
          created_at: now,
          updated_at: now,
        });
      }
      await trx.insertInto('organisation').values(rows).execute();
    }

    // Entries and targets first: the participants make up the rest of the records.
    let entries: Insertable<KpiEntryTable>[] = [];
    let targets: Insertable<KpiTargetTable>[] = [];
    const flushEntries = async (force: boolean) => {
      if (entries.length >= BATCH || (force && entries.length > 0)) {
        await trx.insertInto('kpi_entry').values(entries).execute();
        entries = [];
      }
      if (targets.length >= BATCH || (force && targets.length > 0)) {
        await trx.insertInto('kpi_target').values(targets).execute();
        targets = [];
      }
    };
    for (const activity of activities) {
      const entered = (kpisOf.get(activity.instrument_id) ?? []).filter((k) => k.kind !== 'text');
      for (let e = 0; e < shape.entriesPerActivity && entered.length > 0; e++) {
        const kpi = pick(entered);
        const value =
          kpi.kind === 'rating'
            ? 1 + Math.floor(random() * 5)
            : kpi.kind === 'percent'
              ? Math.floor(random() * 100)
              : Math.floor(random() * 20);
        entries.push({
          id: newId(),
          workspace_id: workspaceId,
          activity_id: activity.id,
          kpi_key: kpi.key,
          value_number: value,
          value_text: null,
          recorded_on: activity.starts_on,
          comment: '',
          created_at: now,
          updated_at: now,
        });
        counts.entries++;
      }
      if (random() < 0.5) {
        targets.push({
          id: newId(),
          workspace_id: workspaceId,
          activity_id: activity.id,
          kpi_key: 'present_participants',
          value: 150 + Math.floor(random() * 100),
          created_at: now,
          updated_at: now,
        });
        counts.activityTargets++;
      }
      await flushEntries(false);
    }
    const planInstruments = await trx
      .selectFrom('activity')
      .select(['plan_id', 'instrument_id'])
      .distinct()
      .where('workspace_id', '=', workspaceId)
      .where('plan_id', 'is not', null)
      .execute();
    for (const { plan_id, instrument_id } of planInstruments) {
      const kpi = (kpisOf.get(instrument_id) ?? []).find((k) => k.kind === 'count');
      if (!kpi) continue;
      targets.push({
        id: newId(),
        workspace_id: workspaceId,
        plan_id,
        instrument_id,
        kpi_key: kpi.key,
        value: 50 + Math.floor(random() * 200),
        created_at: now,
        updated_at: now,
      });
      counts.planTargets++;
    }
    await flushEntries(true);

    await addNetworkEvidence(trx, workspaceId, clusterId, activities, shape, counts, random, now);

    const participants =
      shape.records - counts.actualCostLines - counts.entries - counts.interactions - counts.stageChanges;
    let batch: Insertable<ActivityParticipantTable>[] = [];
    for (let p = 0; p < participants; p++) {
      const activity = activities[p % activities.length] as { id: string };
      const roll = random();
      batch.push({
        id: newId(),
        activity_id: activity.id,
        organisation_id: pick(organisationIds),
        person_id: null,
        role: 'participant',
        attendance: roll < 0.7 ? 'present' : roll < 0.85 ? 'absent' : 'expected',
        created_at: now,
      });
      if (batch.length === BATCH) {
        await trx.insertInto('activity_participant').values(batch).execute();
        batch = [];
      }
    }
    if (batch.length > 0) await trx.insertInto('activity_participant').values(batch).execute();
    counts.participants = participants;

    await refreshKpiActuals(
      trx,
      activities.map((a) => a.id),
    );
  });
  return counts;
}

const PIPELINE = [
  'mapped',
  'contacted',
  'met',
  'potential_partner',
  'partner',
  'collaborating',
  'common_project',
];
const KINDS = ['meeting', 'call', 'email', 'visit', 'event_encounter', 'introduction'];

/**
 * The network's share of the evidence (issue 21): network organisations, `interactions`
 * interactions at the activities, and relationships of the cluster with those organisations whose
 * `stageChanges` stage changes walk the pipeline from "mapped", each attributed to an activity.
 * Straight into the foundation's tables (migration 0024): the rules reading them are other parts
 * of the issue; the roll-ups are measured over the data once they are merged.
 */
async function addNetworkEvidence(
  trx: Kysely<DB>,
  workspaceId: string,
  clusterId: string,
  activities: readonly { id: string; starts_on: string }[],
  shape: EvidenceShape,
  counts: EvidenceCounts,
  random: () => number,
  now: string,
): Promise<void> {
  const networkIds: string[] = [];
  for (let start = 0; start < shape.networkOrganisations; start += BATCH) {
    const rows = [];
    for (let i = start; i < Math.min(shape.networkOrganisations, start + BATCH); i++) {
      const id = newId();
      networkIds.push(id);
      rows.push({
        id,
        workspace_id: workspaceId,
        owner_cluster_id: clusterId,
        name: `Counterpart ${i}`,
        normalised_name: `counterpart ${i}`,
        type: 'company',
        country: 'JP',
        city: null,
        website: null,
        website_domain: null,
        space_segments: '[]',
        melca: '[]',
        tags: '[]',
        notes: '',
        created_at: now,
        updated_at: now,
      });
    }
    await trx.insertInto('network_organisation').values(rows).execute();
  }
  if (networkIds.length === 0) return;
  const activityAt = (n: number) => activities[n % activities.length] as { id: string; starts_on: string };

  let interactions = [];
  for (let i = 0; i < shape.interactions; i++) {
    const activity = activityAt(Math.floor(random() * activities.length));
    interactions.push({
      id: newId(),
      workspace_id: workspaceId,
      kind: KINDS[i % KINDS.length] as string,
      occurred_on: activity.starts_on,
      activity_id: activity.id,
      cluster_id: clusterId,
      staff_user_id: null,
      member_organisation_id: null,
      member_person_id: null,
      network_organisation_id: networkIds[Math.floor(random() * networkIds.length)] as string,
      network_person_id: null,
      notes: '',
      next_step: null,
      next_step_due_on: null,
      next_step_owner_user_id: null,
      next_step_done_at: null,
      created_by: null,
      created_at: now,
      updated_at: now,
    });
    if (interactions.length === BATCH) {
      await trx.insertInto('interaction').values(interactions).execute();
      interactions = [];
    }
  }
  if (interactions.length > 0) await trx.insertInto('interaction').values(interactions).execute();
  counts.interactions = shape.interactions;

  // One relationship of the cluster per network organisation, walking the pipeline: its changes
  // shared out over the relationships (at most the seven pipeline stages each).
  const perRelationship = Math.min(
    PIPELINE.length,
    Math.max(1, Math.ceil(shape.stageChanges / networkIds.length)),
  );
  let remaining = shape.stageChanges;
  let relationships = [];
  let changes = [];
  for (const networkId of networkIds) {
    if (remaining <= 0) break;
    const steps = Math.min(perRelationship, remaining);
    remaining -= steps;
    const relationshipId = newId();
    const first = activityAt(Math.floor(random() * activities.length));
    relationships.push({
      id: relationshipId,
      workspace_id: workspaceId,
      our_cluster_id: clusterId,
      our_organisation_id: null,
      network_organisation_id: networkId,
      counterpart_organisation_id: null,
      cluster_id: clusterId,
      market_id: null,
      stage: PIPELINE[steps - 1] as string,
      stage_reason: null,
      started_on: first.starts_on,
      stage_changed_on: first.starts_on,
      owner_user_id: null,
      notes: '',
      created_at: now,
      updated_at: now,
    });
    for (let step = 0; step < steps; step++) {
      const activity = step === 0 ? first : activityAt(Math.floor(random() * activities.length));
      changes.push({
        id: newId(),
        workspace_id: workspaceId,
        relationship_id: relationshipId,
        from_stage: step === 0 ? null : (PIPELINE[step - 1] as string),
        to_stage: PIPELINE[step] as string,
        changed_on: first.starts_on,
        reason: null,
        actor_user_id: null,
        activity_id: activity.id,
        created_at: now,
      });
    }
    // Changes point at their relationship: the relationships of a batch go in first.
    if (relationships.length >= BATCH || changes.length >= BATCH) {
      await trx.insertInto('relationship').values(relationships).execute();
      relationships = [];
      await trx.insertInto('relationship_stage_change').values(changes).execute();
      changes = [];
    }
    counts.relationships++;
    counts.stageChanges += steps;
  }
  if (relationships.length > 0) await trx.insertInto('relationship').values(relationships).execute();
  if (changes.length > 0) await trx.insertInto('relationship_stage_change').values(changes).execute();
}

/** What a benchmark over the KPI workspace gets, for each kind of database. */
export interface KpiBenchContext {
  kind: 'sqlite' | 'postgres';
  app: FastifyInstance;
  workspace: PlanningWorkspace;
  evidence: EvidenceCounts;
  /** How long generating the data took. */
  seconds: number;
}

/**
 * For SQLite then PostgreSQL: a fresh database with the KPI workspace (5,000 activities and
 * 1,000,000 evidence records times `scale`), analysed as autovacuum would leave it, and the app
 * over it; `measure` returns the section of the report. The database is dropped afterwards.
 */
export async function forEachKpiDatabase(
  tag: string,
  scale: number,
  measure: (context: KpiBenchContext) => Promise<string>,
): Promise<string[]> {
  const n = (count: number) => Math.max(1, Math.round(count * scale));
  const sections: string[] = [];
  for (const kind of ['sqlite', 'postgres'] as const) {
    const target = await freshDatabase(kind, tag);
    try {
      const database = openDatabase(target.url);
      try {
        await migrateToLatest(database.db);
        await seedCatalogue(database.db);
        const started = performance.now();
        const workspace = await generatePlanningWorkspace(database.db, tag, {
          markets: 10,
          plans: 25,
          activities: n(5_000),
          linesPerActivity: 10,
          standaloneShare: 0.1,
        });
        const evidence = await addKpiEvidence(database.db, workspace.slug, {
          records: n(1_000_000),
          entriesPerActivity: 5,
          organisations: n(2_000),
          // Issue 21: the network's evidence replaces part of the participants.
          interactions: n(150_000),
          stageChanges: n(50_000),
          networkOrganisations: n(10_000),
        });
        const seconds = (performance.now() - started) / 1000;
        console.log(`${kind}: data generated in ${seconds.toFixed(1)} s`, evidence);
        await sql.raw(kind === 'postgres' ? 'vacuum analyze' : 'analyze').execute(database.db);
        const app = await buildApp({ database, logger: false });
        try {
          sections.push(await measure({ kind, app, workspace, evidence, seconds }));
        } finally {
          await app.close();
        }
      } finally {
        await database.close();
      }
    } finally {
      await target.drop();
    }
  }
  return sections;
}
