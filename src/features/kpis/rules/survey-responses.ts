import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { ActivityScope, DerivedKpiRule } from './rule.ts';

/**
 * Member organisations that answered a validation survey (issue 23, decision 0043): "Number of
 * members participating" of validation surveys. A response counts for the activity its wave runs
 * in (`survey_wave.activity_id`). An organisation counts once per activity however many of its
 * people answered and in however many of the activity's waves; an anonymous response names no
 * organisation, so it is a respondent (in the wave's results) but not a distinct member here.
 */
export const surveyMembersResponding: DerivedKpiRule = {
  key: 'survey_members_responding',
  description:
    "Member organisations with a submitted response in the activity's survey waves, each once per activity (anonymous responses name no organisation and are not counted).",
  evidence: 'response',
  table: 'survey_response',
  derives: [{ instrumentKey: 'validation-surveys', kpiKey: 'members_participating' }],
  // One record per (activity, organisation), the value counting them.
  countIsValue: true,
  async compute(db, activityIds) {
    const rows = await db
      .selectFrom('survey_response as r')
      .innerJoin('survey_wave as w', 'w.id', 'r.wave_id')
      .select(['w.activity_id', sql<number | string>`count(distinct r.organisation_id)`.as('n')])
      .where('w.activity_id', 'in', activityIds)
      .where('r.organisation_id', 'is not', null)
      .groupBy('w.activity_id')
      .execute();
    return new Map(rows.map((row) => [row.activity_id as string, Number(row.n)]));
  },
  async records(db, scope, page) {
    const rows = await firstResponses(db, scope)
      .innerJoin('activity as a', 'a.id', 'f.activity_id')
      .innerJoin('organisation as o', 'o.id', 'f.organisation_id')
      .innerJoin('survey_response as r', 'r.id', 'f.id')
      .innerJoin('survey_wave as w', 'w.id', 'r.wave_id')
      .select(['f.id', 'f.activity_id', 'a.title', 'r.submitted_at', 'o.name', 'w.name as wave_name'])
      .$if(page.after !== null, (q) => q.where('f.id', '>', page.after as string))
      .orderBy('f.id')
      .limit(page.limit)
      .execute();
    return rows.map((row) => ({
      id: row.id,
      type: 'response' as const,
      activityId: row.activity_id as string,
      activityTitle: row.title,
      occurredOn: row.submitted_at.slice(0, 10),
      description: `${row.name} answered “${row.wave_name}”`,
      value: 1,
    }));
  },
  async count(db, scope) {
    const row = await firstResponses(db, scope)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
};

/** One record per (activity, organisation): its first response (smallest id) in the activity's waves. */
function firstResponses(db: Kysely<DB>, scope: ActivityScope) {
  const firsts = db
    .selectFrom('survey_response as r')
    .innerJoin('survey_wave as w', 'w.id', 'r.wave_id')
    .select([sql<string>`min(r.id)`.as('id'), 'w.activity_id', 'r.organisation_id'])
    .where('w.activity_id', 'in', scope)
    .where('r.organisation_id', 'is not', null)
    .groupBy(['w.activity_id', 'r.organisation_id']);
  return db.selectFrom(firsts.as('f')).where('f.activity_id', 'is not', null);
}
