import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { PARTICIPANT_ROLE_LABELS } from '../../../domain/planning/types.ts';
import type { ActivityScope, DerivedKpiRule } from './rule.ts';

/** Participants marked present: "Participants present" of every instrument, "Number of participants". */
export const participantsPresent: DerivedKpiRule = {
  key: 'participants_present',
  description: 'Participants of the activity marked present (an organisation or a person, each once).',
  evidence: 'participant',
  table: 'activity_participant',
  derives: [
    { instrumentKey: '*', kpiKey: 'present_participants' },
    { instrumentKey: 'innovation-clubs', kpiKey: 'participants' },
  ],
  // One record per participant present, the value counting them.
  countIsValue: true,
  async compute(db, activityIds) {
    const rows = await db
      .selectFrom('activity_participant')
      .select(['activity_id', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('activity_id', 'in', activityIds)
      .where('attendance', '=', 'present')
      .groupBy('activity_id')
      .execute();
    return new Map(rows.map((row) => [row.activity_id, Number(row.n)]));
  },
  async records(db, scope, page, total) {
    const rows = await present(db, scope, total !== undefined && total > MANY)
      .innerJoin('activity as a', 'a.id', 'p.activity_id')
      .leftJoin('organisation as o', 'o.id', 'p.organisation_id')
      .leftJoin('person as pe', 'pe.id', 'p.person_id')
      .select([
        'p.id',
        'p.activity_id',
        'p.role',
        'a.title',
        'a.starts_on',
        'o.name as organisation',
        'pe.name as person',
      ])
      .$if(page.after !== null, (q) => q.where('p.id', '>', page.after as string))
      .orderBy('p.id')
      .limit(page.limit)
      .execute();
    return rows.map((row) => ({
      id: row.id,
      type: 'participant' as const,
      activityId: row.activity_id,
      activityTitle: row.title,
      occurredOn: row.starts_on,
      // Words, not codes: the records page shows this sentence as is.
      description: `${[row.person, row.organisation].filter(Boolean).join(', ')} (${roleLabel(row.role).toLowerCase()}), present`,
      value: 1,
    }));
  },
  async count(db, scope) {
    const row = await present(db, scope)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
};

/**
 * Past this many participants present in scope, a page is found fastest by walking the
 * participants in id order until it is full (a few hundred rows at most); below it, by the
 * activities' participants, then sorting them. Left to itself, SQLite walks the activities' index
 * even for the whole workspace, sorting 575,000 rows to keep 50 (seconds).
 */
const MANY = 10_000;

/**
 * The participants present of the activities in scope. `walkInIdOrder`: the scope is a filter
 * that no index can serve (`activity_id || ''`, on both databases), so the query walks the
 * primary key in the order of the page.
 */
function present(db: Kysely<DB>, scope: ActivityScope, walkInIdOrder = false) {
  return db
    .selectFrom('activity_participant as p')
    .where(walkInIdOrder ? sql<string>`p.activity_id || ''` : sql<string>`p.activity_id`, 'in', scope)
    .where('p.attendance', '=', 'present');
}

/** The organisation a participant stands for: its own, or its person's. */
const organisationOf = sql<string>`coalesce(p.organisation_id, pe.organisation_id)`;

/**
 * Member organisations with someone present. It derived "Number of members participating" of
 * validation surveys until issue 23 (now `survey_members_responding`: the survey's respondents);
 * a custom KPI may still name it (decision 0022).
 */
export const memberOrganisationsPresent: DerivedKpiRule = {
  key: 'member_organisations_present',
  description: 'Member organisations with at least one participant marked present, each once per activity.',
  evidence: 'participant',
  table: 'activity_participant',
  derives: [],
  // One record per organisation present in an activity, the value counting them.
  countIsValue: true,
  async compute(db, activityIds) {
    const rows = await db
      .selectFrom('activity_participant as p')
      .leftJoin('person as pe', 'pe.id', 'p.person_id')
      .select(['p.activity_id', sql<number | string>`count(distinct ${organisationOf})`.as('n')])
      .where('p.activity_id', 'in', activityIds)
      .where('p.attendance', '=', 'present')
      .groupBy('p.activity_id')
      .execute();
    return new Map(rows.map((row) => [row.activity_id, Number(row.n)]));
  },
  async records(db, scope, page) {
    const rows = await firstPresent(db, scope)
      .innerJoin('activity as a', 'a.id', 'f.activity_id')
      .innerJoin('organisation as o', 'o.id', 'f.organisation_id')
      .select(['f.id', 'f.activity_id', 'a.title', 'a.starts_on', 'o.name'])
      .$if(page.after !== null, (q) => q.where('f.id', '>', page.after as string))
      .orderBy('f.id')
      .limit(page.limit)
      .execute();
    return rows.map((row) => ({
      id: row.id,
      type: 'participant' as const,
      activityId: row.activity_id,
      activityTitle: row.title,
      occurredOn: row.starts_on,
      description: `${row.name}, present`,
      value: 1,
    }));
  },
  async count(db, scope) {
    const row = await firstPresent(db, scope)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
};

/** One record per (activity, organisation): the first present participant standing for it. */
function firstPresent(db: Kysely<DB>, scope: ActivityScope) {
  const firsts = db
    .selectFrom('activity_participant as p')
    .leftJoin('person as pe', 'pe.id', 'p.person_id')
    .select([sql<string>`min(p.id)`.as('id'), 'p.activity_id', organisationOf.as('organisation_id')])
    .where('p.activity_id', 'in', scope)
    .where('p.attendance', '=', 'present')
    .where(organisationOf, 'is not', null)
    .groupBy(['p.activity_id', organisationOf]);
  return db.selectFrom(firsts.as('f'));
}

/** A participant's role in words ("speaker"); a role the vocabulary lacks as stored. */
function roleLabel(role: string): string {
  return (PARTICIPANT_ROLE_LABELS as Record<string, string>)[role] ?? role;
}
