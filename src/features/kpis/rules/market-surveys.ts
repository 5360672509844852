import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import {
  NETWORK_ORGANISATION_TYPE_LABELS,
  type NetworkOrganisationType,
} from '../../../domain/network/types.ts';
import type { ActivityScope, DerivedKpiRule, EvidenceRecord } from './rule.ts';

/**
 * The derived KPI of market surveys and studies (instrument 1.3.4, issue 23 item 6, decision 0045,
 * docs/kpis.md). A respondent is an invitation of one of the activity's survey waves that was
 * completed and names a network organisation: the invitation keeps that even in an anonymous wave
 * (its answers carry nothing), so anonymous surveys count too without revealing what anyone said.
 * The stakeholder type is the network organisation's `type` as it is when the value is computed.
 *
 * "Percentage of market covered" stays entered by hand: docs/kpis.md says why.
 */
function respondents(db: Kysely<DB>) {
  return db
    .selectFrom('survey_invitation as i')
    .innerJoin('survey_wave as w', 'w.id', 'i.wave_id')
    .innerJoin('network_organisation as n', 'n.id', 'i.network_organisation_id')
    .where('i.completed_at', 'is not', null)
    .where('w.activity_id', 'is not', null);
}

/** "Research centre or university: 3 responding organisations (first: Tokyo Tech)". */
function typeDescription(type: string, organisations: number, first: string): string {
  const label = NETWORK_ORGANISATION_TYPE_LABELS[type as NetworkOrganisationType] ?? type;
  return `${label}: ${organisations} responding ${organisations === 1 ? 'organisation' : 'organisations'} (first: ${first})`;
}

export const marketSurveyStakeholderTypes: DerivedKpiRule = {
  key: 'survey_stakeholder_types',
  description:
    "Distinct types of the network organisations (agency, company, research centre…) whose people completed the activity's survey waves; one record per type.",
  evidence: 'respondent',
  table: 'survey_invitation',
  derives: [{ instrumentKey: 'market-surveys-study', kpiKey: 'stakeholder_diversity' }],
  countIsValue: true,
  async compute(db, activityIds) {
    const rows = await respondents(db)
      .select(['w.activity_id', (eb) => eb.fn.count<number | string>('n.type').distinct().as('n')])
      .where('w.activity_id', 'in', activityIds)
      .groupBy('w.activity_id')
      .execute();
    return new Map(rows.map((row) => [row.activity_id as string, Number(row.n)]));
  },
  async records(db, scope, page) {
    // One record per (activity, type), named by its first invitation (ids grow with time).
    const first = sql<string>`min(i.id)`;
    const rows = await respondents(db)
      .innerJoin('activity as a', 'a.id', 'w.activity_id')
      .select([
        first.as('id'),
        'w.activity_id',
        'a.title as activity_title',
        'n.type',
        sql<string>`min(n.name)`.as('first_name'),
        sql<string>`substr(min(i.completed_at), 1, 10)`.as('occurred_on'),
        (eb) => eb.fn.count<number | string>('i.network_organisation_id').distinct().as('organisations'),
      ])
      .where('w.activity_id', 'in', scope)
      .groupBy(['w.activity_id', 'a.title', 'n.type'])
      .$if(page.after !== null, (q) => q.having(first, '>', page.after as string))
      .orderBy(first)
      .limit(page.limit)
      .execute();
    return rows.map(
      (row): EvidenceRecord => ({
        id: row.id,
        type: 'respondent',
        activityId: row.activity_id as string,
        activityTitle: row.activity_title,
        occurredOn: row.occurred_on,
        description: typeDescription(row.type, Number(row.organisations), row.first_name),
        value: 1,
      }),
    );
  },
  async count(db, scope: ActivityScope) {
    const row = await db
      .selectFrom(
        respondents(db)
          .select(['w.activity_id', 'n.type'])
          .where('w.activity_id', 'in', scope)
          .groupBy(['w.activity_id', 'n.type'])
          .as('pairs'),
      )
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
};
