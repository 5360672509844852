import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import {
  PIPELINE_STAGES,
  type PipelineStage,
  RELATIONSHIP_STAGE_LABELS,
} from '../../../domain/network/types.ts';
import type { ActivityScope, DerivedKpiRule, EvidenceRecord } from './rule.ts';

/**
 * KPIs of the partnership pipeline (issue 21, decision 0026). The evidence is a relationship's
 * stage change (`relationship_stage_change`), counted at the activity it is attributed to.
 *
 * "Reached stage S at an activity": a relationship reached S (or jumped beyond it) through its
 * FIRST change whose stage ranks at S or beyond (earliest day, then id); it counts for S at that
 * change's activity and for no other. A relationship is thus counted at most once per KPI across
 * all activities, and a later confirmation or a fall back and return counts no more.
 */

/** The pipeline stages at S or beyond (dormant and closed never count). */
function stagesFrom(stage: PipelineStage): string[] {
  return PIPELINE_STAGES.slice(PIPELINE_STAGES.indexOf(stage));
}

/**
 * The first change of each relationship that reached S, as rows `c` of the stage changes,
 * restricted to the activities `activities` (a list or a scope).
 */
function firstReaching(db: Kysely<DB>, stage: PipelineStage, activities: ActivityScope | readonly string[]) {
  const stages = stagesFrom(stage);
  return db
    .selectFrom('relationship_stage_change as c')
    .where('c.activity_id', 'in', activities as readonly string[])
    .where('c.to_stage', 'in', stages)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('relationship_stage_change as e')
            .select('e.id')
            .whereRef('e.relationship_id', '=', 'c.relationship_id')
            .where('e.to_stage', 'in', stages)
            .where(
              sql<boolean>`(e.changed_on < c.changed_on or (e.changed_on = c.changed_on and e.id < c.id))`,
            ),
        ),
      ),
    );
}

/**
 * One change per (activity, relationship) among the changes attributed to the activity whose
 * stage is one of `stages` (its first such change), confirmations included.
 */
function distinctAtActivity(
  db: Kysely<DB>,
  stages: readonly string[],
  activities: ActivityScope | readonly string[],
) {
  return db
    .selectFrom('relationship_stage_change as c')
    .where('c.activity_id', 'in', activities as readonly string[])
    .where('c.to_stage', 'in', stages)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('relationship_stage_change as e')
            .select('e.id')
            .whereRef('e.relationship_id', '=', 'c.relationship_id')
            .whereRef('e.activity_id', '=', 'c.activity_id')
            .where('e.to_stage', 'in', stages)
            .where('e.id', '<', sql<string>`c.id`),
        ),
      ),
    );
}

type ChangeQuery = ReturnType<typeof firstReaching>;

/** The page of records of a query of changes `c`: counterpart, ours, the stage reached, the day. */
async function recordsOf(query: ChangeQuery, after: string | null, limit: number): Promise<EvidenceRecord[]> {
  const rows = await query
    .innerJoin('activity as a', 'a.id', 'c.activity_id')
    .innerJoin('relationship as r', 'r.id', 'c.relationship_id')
    .leftJoin('cluster as oc', 'oc.id', 'r.our_cluster_id')
    .leftJoin('organisation as oo', 'oo.id', 'r.our_organisation_id')
    .leftJoin('network_organisation as no', 'no.id', 'r.network_organisation_id')
    .leftJoin('organisation as co', 'co.id', 'r.counterpart_organisation_id')
    .select([
      'c.id',
      'c.activity_id',
      'c.to_stage',
      'c.changed_on',
      'a.title',
      sql<string>`coalesce(no.name, co.name, '')`.as('counterpart'),
      sql<string>`coalesce(oc.short_name, oo.name, '')`.as('ours'),
    ])
    .$if(after !== null, (q) => q.where('c.id', '>', after as string))
    .orderBy('c.id')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    type: 'stage_change' as const,
    activityId: row.activity_id as string,
    activityTitle: row.title,
    occurredOn: row.changed_on,
    // Words, not codes: the records page shows this sentence as is.
    description: `${row.counterpart} with ${row.ours}: ${stageLabel(row.to_stage).toLowerCase()} on ${row.changed_on}`,
    value: 1,
  }));
}

async function countOf(query: ChangeQuery): Promise<number> {
  const row = await query.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

async function computeOf(query: ChangeQuery): Promise<Map<string, number>> {
  const rows = await query
    .select(['c.activity_id', (eb) => eb.fn.countAll<number | string>().as('n')])
    .groupBy('c.activity_id')
    .execute();
  return new Map(rows.map((row) => [row.activity_id as string, Number(row.n)]));
}

function stageLabel(stage: string): string {
  return (RELATIONSHIP_STAGE_LABELS as Record<string, string>)[stage] ?? stage;
}

/** A rule counting the relationships that first reached `stage` at each activity. */
function reachedStage(
  key: string,
  stage: PipelineStage,
  description: string,
  derives: DerivedKpiRule['derives'],
): DerivedKpiRule {
  return {
    key,
    description,
    evidence: 'stage_change',
    table: 'relationship_stage_change',
    derives,
    // One record per relationship counted at the activity, the value counting them.
    countIsValue: true,
    compute: (db, activityIds) => computeOf(firstReaching(db, stage, activityIds)),
    records: (db, scope, page) => recordsOf(firstReaching(db, stage, scope), page.after, page.limit),
    count: (db, scope) => countOf(firstReaching(db, stage, scope)),
  };
}

export const relationshipsPotentialPartners = reachedStage(
  'relationships_potential_partners',
  'potential_partner',
  'Relationships that first reached "potential partner" (or beyond) through a stage change attributed to the activity, each once across all activities.',
  [{ instrumentKey: 'study-visits', kpiKey: 'potential_partners_estimated' }],
);

export const relationshipsNewPartners = reachedStage(
  'relationships_new_partners',
  'partner',
  'Relationships that first reached "partner" (or beyond) through a stage change attributed to the activity, each once across all activities.',
  [
    { instrumentKey: 'roadshows', kpiKey: 'new_partners' },
    { instrumentKey: 'trade-fairs', kpiKey: 'new_partners' },
    { instrumentKey: 'international-events-conferences', kpiKey: 'new_partners' },
    { instrumentKey: 'events-at-home-regions', kpiKey: 'new_partners' },
    { instrumentKey: 'soft-landing', kpiKey: 'new_partners_arrived' },
  ],
);

export const relationshipsNewCollaborations = reachedStage(
  'relationships_new_collaborations',
  'collaborating',
  'Relationships that first reached "collaborating" (or beyond) through a stage change attributed to the activity, each once across all activities.',
  [
    { instrumentKey: 'innovation-clubs', kpiKey: 'new_collaborations' },
    { instrumentKey: 'ambassador-staff-exchange', kpiKey: 'collaborations_facilitated' },
  ],
);

const SUSTAINED_STAGES = ['collaborating', 'common_project'];

/** Collaborations the activity sustained: distinct relationships it moved or confirmed at collaborating or beyond. */
export const relationshipsCollaborationsSustained: DerivedKpiRule = {
  key: 'relationships_collaborations_sustained',
  description:
    'Distinct relationships with a stage change (a confirmation included) to "collaborating" or "common project" attributed to the activity.',
  evidence: 'stage_change',
  table: 'relationship_stage_change',
  derives: [{ instrumentKey: 'mentoring-follow-up', kpiKey: 'collaborations_sustained' }],
  countIsValue: true,
  compute: (db, activityIds) => computeOf(distinctAtActivity(db, SUSTAINED_STAGES, activityIds)),
  records: (db, scope, page) =>
    recordsOf(distinctAtActivity(db, SUSTAINED_STAGES, scope), page.after, page.limit),
  count: (db, scope) => countOf(distinctAtActivity(db, SUSTAINED_STAGES, scope)),
};
