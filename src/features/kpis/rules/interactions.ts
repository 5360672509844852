import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import {
  INTERACTION_KIND_LABELS,
  type InteractionKind,
  MEETING_KINDS,
} from '../../../domain/network/types.ts';
import type { ActivityScope, DerivedKpiRule, EvidenceRecord } from './rule.ts';

/**
 * The KPIs interactions with the network prove (issue 21, decision 0026 "KPI attribution"): the
 * meetings of an activity, the network organisations met there, and its new contacts (the
 * organisations whose first interaction in the workspace was recorded there). The interaction
 * repository marks every activity whose counts a write can change (docs/kpis.md).
 */

/** Interactions of a meeting kind at the activity: "Number of meetings" of roadshows. */
export const interactionMeetings: DerivedKpiRule = {
  key: 'interaction_meetings',
  description:
    'Interactions recorded at the activity whose kind is a meeting, a visit or an encounter at an event, one each.',
  evidence: 'interaction',
  table: 'interaction',
  derives: [{ instrumentKey: 'roadshows', kpiKey: 'meetings' }],
  countIsValue: true,
  async compute(db, activityIds) {
    const rows = await db
      .selectFrom('interaction')
      .select(['activity_id', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('activity_id', 'in', activityIds)
      .where('kind', 'in', MEETING_KINDS)
      .groupBy('activity_id')
      .execute();
    return counted(rows);
  },
  async records(db, scope, page) {
    const rows = await meetings(db, scope)
      .$if(page.after !== null, (q) => q.where('i.id', '>', page.after as string))
      .orderBy('i.id')
      .limit(page.limit)
      .execute();
    return rows.map((row) => evidence(row, ''));
  },
  async count(db, scope) {
    const row = await db
      .selectFrom('interaction as i')
      .where('i.activity_id', 'in', scope)
      .where('i.kind', 'in', MEETING_KINDS)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
};

/**
 * Distinct network organisations with an interaction at the activity: study visits' "Number of
 * contacts mapped", ambassadors' and staff exchanges' "Contacts made".
 */
export const networkContactsMet: DerivedKpiRule = {
  key: 'network_contacts_met',
  description:
    'Network organisations with at least one interaction recorded at the activity, each once per activity.',
  evidence: 'interaction',
  table: 'interaction',
  derives: [
    { instrumentKey: 'study-visits', kpiKey: 'contacts_mapped' },
    { instrumentKey: 'ambassador-staff-exchange', kpiKey: 'contacts_made' },
  ],
  // One record per (activity, organisation): its first interaction there.
  countIsValue: true,
  async compute(db, activityIds) {
    const rows = await db
      .selectFrom('interaction')
      .select(['activity_id', sql<number | string>`count(distinct network_organisation_id)`.as('n')])
      .where('activity_id', 'in', activityIds)
      .groupBy('activity_id')
      .execute();
    return counted(rows);
  },
  async records(db, scope, page) {
    const firsts = db
      .selectFrom('interaction')
      .select(sql<string>`min(id)`.as('id'))
      .where('activity_id', 'in', scope)
      .groupBy(['activity_id', 'network_organisation_id']);
    const rows = await named(db)
      .where('i.id', 'in', firsts)
      .$if(page.after !== null, (q) => q.where('i.id', '>', page.after as string))
      .orderBy('i.id')
      .limit(page.limit)
      .execute();
    return rows.map((row) => evidence(row, ', met'));
  },
  async count(db, scope) {
    const pairs = db
      .selectFrom('interaction')
      .select(['activity_id', 'network_organisation_id'])
      .distinct()
      .where('activity_id', 'in', scope);
    const row = await db
      .selectFrom(pairs.as('p'))
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
};

/**
 * Network organisations whose first interaction in the workspace (earliest day, then id) was
 * recorded at the activity: "Number of new contacts" of roadshows, trade fairs, conferences and
 * home-region events, soft landing's "new contacts for new partners". An organisation is a new
 * contact of one activity at most.
 */
export const networkNewContacts: DerivedKpiRule = {
  key: 'network_new_contacts',
  description:
    'Network organisations whose first interaction with the partnership was recorded at the activity, each at one activity only.',
  evidence: 'interaction',
  table: 'interaction',
  derives: [
    { instrumentKey: 'roadshows', kpiKey: 'new_contacts' },
    { instrumentKey: 'trade-fairs', kpiKey: 'new_contacts' },
    { instrumentKey: 'international-events-conferences', kpiKey: 'new_contacts' },
    { instrumentKey: 'events-at-home-regions', kpiKey: 'new_contacts' },
    { instrumentKey: 'soft-landing', kpiKey: 'new_contacts_for_new_partners' },
  ],
  // One record per organisation: its first interaction.
  countIsValue: true,
  async compute(db, activityIds) {
    const rows = await db
      .selectFrom('interaction as i')
      .select(['i.activity_id', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('i.activity_id', 'in', activityIds)
      .where(isFirst)
      .groupBy('i.activity_id')
      .execute();
    return counted(rows);
  },
  async records(db, scope, page) {
    const rows = await named(db)
      .where('i.activity_id', 'in', scope)
      .where(isFirst)
      .$if(page.after !== null, (q) => q.where('i.id', '>', page.after as string))
      .orderBy('i.id')
      .limit(page.limit)
      .execute();
    return rows.map((row) => evidence(row, ', first interaction'));
  },
  async count(db, scope) {
    const row = await db
      .selectFrom('interaction as i')
      .where('i.activity_id', 'in', scope)
      .where(isFirst)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
};

/** The interaction `i` is its organisation's first: none of the organisation's is earlier (day, then id). */
const isFirst = sql<boolean>`not exists (
  select 1 from interaction e
  where e.network_organisation_id = i.network_organisation_id
    and (e.occurred_on < i.occurred_on or (e.occurred_on = i.occurred_on and e.id < i.id))
)`;

function named(db: Kysely<DB>) {
  return db
    .selectFrom('interaction as i')
    .innerJoin('activity as a', 'a.id', 'i.activity_id')
    .innerJoin('network_organisation as o', 'o.id', 'i.network_organisation_id')
    .select(['i.id', 'i.activity_id', 'i.kind', 'i.occurred_on', 'a.title', 'o.name', 'o.country']);
}

function meetings(db: Kysely<DB>, scope: ActivityScope) {
  return named(db).where('i.activity_id', 'in', scope).where('i.kind', 'in', MEETING_KINDS);
}

type NamedRow = {
  id: string;
  activity_id: string | null;
  kind: string;
  occurred_on: string;
  title: string;
  name: string;
  country: string;
};

/** The drill-down's line: the interaction's day, kind and organisation, in words. */
function evidence(row: NamedRow, suffix: string): EvidenceRecord {
  const kind = INTERACTION_KIND_LABELS[row.kind as InteractionKind] ?? row.kind;
  return {
    id: row.id,
    type: 'interaction',
    activityId: row.activity_id ?? '',
    activityTitle: row.title,
    occurredOn: row.occurred_on,
    description: `${kind} with ${row.name} (${row.country})${suffix}`,
    value: 1,
  };
}

function counted(rows: { activity_id: string | null; n: number | string }[]): Map<string, number> {
  return new Map(rows.flatMap((row) => (row.activity_id ? [[row.activity_id, Number(row.n)] as const] : [])));
}
