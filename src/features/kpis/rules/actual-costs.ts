import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { BUDGET_CATEGORY_LABELS } from '../../../domain/planning/types.ts';
import type { ActivityScope, DerivedKpiRule } from './rule.ts';

/** Money spent: the activity's actual cost lines, whatever its status. Values in cents. */
export const actualCosts: DerivedKpiRule = {
  key: 'actual_costs',
  description: 'The sum of the activity’s actual cost lines (money spent, whatever the activity’s status).',
  evidence: 'cost_line',
  table: 'cost_line',
  derives: [{ instrumentKey: '*', kpiKey: 'actual_costs' }],
  // The value is money (cents), not a number of lines.
  countIsValue: false,
  async compute(db, activityIds) {
    const rows = await db
      .selectFrom('cost_line')
      .select(['activity_id', (eb) => eb.fn.sum<number | string>('amount_cents').as('cents')])
      .where('activity_id', 'in', activityIds)
      .where('kind', '=', 'actual')
      .groupBy('activity_id')
      .execute();
    return new Map(rows.map((row) => [row.activity_id, Number(row.cents)]));
  },
  async records(db, scope, page) {
    const rows = await actualLines(db, scope)
      .innerJoin('activity as a', 'a.id', 'c.activity_id')
      .select([
        'c.id',
        'c.activity_id',
        'c.description',
        'c.category',
        'c.amount_cents',
        'c.incurred_on',
        'a.title',
        'a.starts_on',
      ])
      .$if(page.after !== null, (q) => q.where('c.id', '>', page.after as string))
      .orderBy('c.id')
      .limit(page.limit)
      .execute();
    return rows.map((row) => ({
      id: row.id,
      type: 'cost_line' as const,
      activityId: row.activity_id,
      activityTitle: row.title,
      occurredOn: row.incurred_on ?? row.starts_on,
      // Words, not codes: the records page shows this sentence as is.
      description: `${row.description} (${categoryLabel(row.category).toLowerCase()})`,
      value: row.amount_cents,
    }));
  },
  async count(db, scope) {
    const row = await actualLines(db, scope)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
};

function actualLines(db: Kysely<DB>, scope: ActivityScope) {
  return db.selectFrom('cost_line as c').where('c.activity_id', 'in', scope).where('c.kind', '=', 'actual');
}

/** A cost category in words ("staff effort"); a category the vocabulary lacks as stored. */
function categoryLabel(category: string): string {
  return (BUDGET_CATEGORY_LABELS as Record<string, string>)[category] ?? category;
}
