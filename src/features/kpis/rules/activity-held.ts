import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { ActivityScope, DerivedKpiRule } from './rule.ts';

/** An activity counts once it is done: "Activities held" of every instrument, "Number of trainings". */
export const activityHeld: DerivedKpiRule = {
  key: 'activity_held',
  description: 'Activities in the scope whose status is done, one each.',
  evidence: 'activity',
  table: 'activity',
  derives: [
    { instrumentKey: '*', kpiKey: 'held_activities' },
    { instrumentKey: 'training-to-go-international', kpiKey: 'trainings' },
  ],
  // One record per done activity, whose value is 1 (0 when not done).
  countIsValue: true,
  async compute(db, activityIds) {
    const rows = await db
      .selectFrom('activity')
      .select('id')
      .where('id', 'in', activityIds)
      .where('status', '=', 'done')
      .execute();
    return new Map(rows.map((row) => [row.id, 1]));
  },
  async records(db, scope, page) {
    const rows = await held(db, scope)
      .select(['id', 'title', 'starts_on', 'ends_on', 'city', 'country'])
      .$if(page.after !== null, (q) => q.where('id', '>', page.after as string))
      .orderBy('id')
      .limit(page.limit)
      .execute();
    return rows.map((row) => ({
      id: row.id,
      type: 'activity' as const,
      activityId: row.id,
      activityTitle: row.title,
      occurredOn: row.starts_on,
      description: `Held ${row.starts_on}${row.ends_on === row.starts_on ? '' : ` to ${row.ends_on}`}${
        row.city ? ` in ${row.city}` : ''
      }${row.country ? ` (${row.country})` : ''}`,
      value: 1,
    }));
  },
  async count(db, scope) {
    const row = await held(db, scope)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
};

function held(db: Kysely<DB>, scope: ActivityScope) {
  return db.selectFrom('activity').where('id', 'in', scope).where('status', '=', 'done');
}
