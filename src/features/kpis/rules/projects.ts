import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import {
  FUNDING_PROGRAMME_LABELS,
  type FundingProgramme,
  PROJECT_STATUS_LABELS,
  type ProjectStatus,
} from '../../../domain/network/types.ts';
import type { ActivityScope, DerivedKpiRule, EvidenceRecord } from './rule.ts';

/**
 * The KPIs of collaborative projects (issue 21 item 6, decision 0026): a project counts for the
 * activity it came from (`project.activity_id`), once; a project without an activity counts for
 * none. Rejected projects count in no KPI but "completed" (which they cannot be).
 */

type ProjectCondition = (
  eb: ExpressionBuilder<DB, 'project'>,
) => ReturnType<ExpressionBuilder<DB, 'project'>['and']>;

const notRejected: ProjectCondition = (eb) => eb.and([eb('project.status', '<>', 'rejected')]);

/** A rule counting the projects of an activity that meet `condition`, each once. */
function projectRule(options: {
  key: string;
  description: string;
  derives: DerivedKpiRule['derives'];
  condition: ProjectCondition;
}): DerivedKpiRule {
  const projects = (db: Kysely<DB>) =>
    db.selectFrom('project').where('project.activity_id', 'is not', null).where(options.condition);
  return {
    key: options.key,
    description: options.description,
    evidence: 'project',
    table: 'project',
    derives: options.derives,
    countIsValue: true,
    async compute(db, activityIds) {
      const rows = await projects(db)
        .select(['project.activity_id', (eb) => eb.fn.countAll<number | string>().as('n')])
        .where('project.activity_id', 'in', activityIds)
        .groupBy('project.activity_id')
        .execute();
      return new Map(rows.map((row) => [row.activity_id as string, Number(row.n)]));
    },
    async records(db, scope, page) {
      const rows = await projects(db)
        .innerJoin('activity', 'activity.id', 'project.activity_id')
        .select([
          'project.id',
          'project.activity_id',
          'project.title',
          'project.status',
          'project.funding_programme',
          'project.common_label',
          'project.international_funding',
          'activity.title as activity_title',
          sql<string>`coalesce(project.completed_on, project.starts_on, activity.starts_on)`.as(
            'occurred_on',
          ),
        ])
        .where('project.activity_id', 'in', scope)
        .$if(page.after !== null, (q) => q.where('project.id', '>', page.after as string))
        .orderBy('project.id')
        .limit(page.limit)
        .execute();
      return rows.map(
        (row): EvidenceRecord => ({
          id: row.id,
          type: 'project',
          activityId: row.activity_id as string,
          activityTitle: row.activity_title,
          occurredOn: row.occurred_on,
          description: projectDescription(row),
          value: 1,
        }),
      );
    },
    async count(db, scope) {
      const row = await projects(db)
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('project.activity_id', 'in', scope)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}

/** "Orbit lab (Completed, Horizon Europe, common label)": words, not codes. */
function projectDescription(row: {
  title: string;
  status: string;
  funding_programme: string | null;
  common_label: number;
  international_funding: number;
}): string {
  const facts = [
    PROJECT_STATUS_LABELS[row.status as ProjectStatus] ?? row.status,
    row.funding_programme ? FUNDING_PROGRAMME_LABELS[row.funding_programme as FundingProgramme] : null,
    Number(row.common_label) === 1 ? 'common label' : null,
    Number(row.international_funding) === 1 ? 'international funding' : null,
  ].filter(Boolean);
  return `${row.title} (${facts.join(', ')})`;
}

export const projectsCompleted = projectRule({
  key: 'projects_completed',
  description: 'Collaborative projects that came from the activity and are completed, one each.',
  derives: [
    { instrumentKey: 'mentoring-follow-up', kpiKey: 'common_projects_completed' },
    { instrumentKey: 'sustaining-the-networks', kpiKey: 'collaborative_projects_completed' },
  ],
  condition: (eb) => eb.and([eb('project.status', '=', 'completed')]),
});

export const projectsCommonLabel = projectRule({
  key: 'projects_common_label',
  description:
    'Collaborative projects that came from the activity and carry a common label, rejected ones aside.',
  derives: [
    { instrumentKey: 'soft-landing', kpiKey: 'collaborative_projects_labelled' },
    { instrumentKey: 'sustaining-the-networks', kpiKey: 'collaborative_projects_common_label' },
  ],
  condition: (eb) => eb.and([eb('project.common_label', '=', 1), eb('project.status', '<>', 'rejected')]),
});

export const projectsSupported = projectRule({
  key: 'projects_supported',
  description:
    'Collaborative projects that came from the activity and went past the idea: proposed, funded, running or completed.',
  derives: [{ instrumentKey: 'ambassador-staff-exchange', kpiKey: 'common_projects_supported' }],
  condition: (eb) => eb.and([eb('project.status', 'in', ['proposal', 'funded', 'running', 'completed'])]),
});

export const projectsOpened = projectRule({
  key: 'projects_opened',
  description: 'Collaborative projects that came from the activity, ideas included, rejected ones aside.',
  derives: [{ instrumentKey: 'ambassador-staff-exchange', kpiKey: 'new_opportunities_discovered' }],
  condition: notRejected,
});

export const projectsInternationalFunding = projectRule({
  key: 'projects_international_funding',
  description:
    'Collaborative projects that came from the activity with international funding, rejected ones aside.',
  derives: [{ instrumentKey: 'sustaining-the-networks', kpiKey: 'projects_with_international_funding' }],
  condition: (eb) =>
    eb.and([eb('project.international_funding', '=', 1), eb('project.status', '<>', 'rejected')]),
});

/**
 * The network organisations that are partners of the activity's projects (rejected ones aside),
 * each once per activity: one record per (activity, organisation), named by its first partner row.
 */
function internationalPartners(db: Kysely<DB>) {
  return db
    .selectFrom('project_partner as pp')
    .innerJoin('project as p', 'p.id', 'pp.project_id')
    .where('pp.network_organisation_id', 'is not', null)
    .where('p.activity_id', 'is not', null)
    .where('p.status', '<>', 'rejected');
}

export const projectsInternationalPartners: DerivedKpiRule = {
  key: 'projects_international_partners',
  description:
    'Network organisations (outside the consortium) that are partners of collaborative projects that came from the activity, rejected projects aside; each once per activity.',
  evidence: 'project_partner',
  table: 'project_partner',
  derives: [
    { instrumentKey: 'sustaining-the-networks', kpiKey: 'international_partners_in_common_projects' },
  ],
  countIsValue: true,
  async compute(db, activityIds) {
    const rows = await internationalPartners(db)
      .select([
        'p.activity_id',
        (eb) => eb.fn.count<number | string>('pp.network_organisation_id').distinct().as('n'),
      ])
      .where('p.activity_id', 'in', activityIds)
      .groupBy('p.activity_id')
      .execute();
    return new Map(rows.map((row) => [row.activity_id as string, Number(row.n)]));
  },
  async records(db, scope, page) {
    const first = sql<string>`min(pp.id)`;
    const rows = await internationalPartners(db)
      .innerJoin('activity as a', 'a.id', 'p.activity_id')
      .innerJoin('network_organisation as n', 'n.id', 'pp.network_organisation_id')
      .select([
        first.as('id'),
        'p.activity_id',
        'a.title as activity_title',
        'a.starts_on',
        'n.name',
        'n.country',
        sql<number | string>`count(*)`.as('projects'),
      ])
      .where('p.activity_id', 'in', scope)
      .groupBy([
        'p.activity_id',
        'pp.network_organisation_id',
        'a.title',
        'a.starts_on',
        'n.name',
        'n.country',
      ])
      .$if(page.after !== null, (q) => q.having(first, '>', page.after as string))
      .orderBy(first)
      .limit(page.limit)
      .execute();
    return rows.map(
      (row): EvidenceRecord => ({
        id: row.id,
        type: 'project_partner',
        activityId: row.activity_id as string,
        activityTitle: row.activity_title,
        occurredOn: row.starts_on,
        description: `${row.name} (${row.country}), partner of ${Number(row.projects)} ${
          Number(row.projects) === 1 ? 'project' : 'projects'
        }`,
        value: 1,
      }),
    );
  },
  async count(db, scope: ActivityScope) {
    const row = await db
      .selectFrom(
        internationalPartners(db)
          .select(['p.activity_id', 'pp.network_organisation_id'])
          .where('p.activity_id', 'in', scope)
          .groupBy(['p.activity_id', 'pp.network_organisation_id'])
          .as('pairs'),
      )
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
};

export const PROJECT_RULES: readonly DerivedKpiRule[] = [
  projectsCompleted,
  projectsCommonLabel,
  projectsSupported,
  projectsOpened,
  projectsInternationalPartners,
  projectsInternationalFunding,
];
