import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import { addDays, daysBetween, todayIso } from '../../domain/dates.ts';
import type { InteractionKind } from '../../domain/network/types.ts';
import { seededRandom } from '../../domain/random.ts';
import { AuditRepository, diff } from '../audit/repository.ts';
import { InteractionRepository, type InteractionValues } from '../interactions/repository.ts';

/** About how many interactions the demo holds (issue 21: "600 interactions tied to the demo activities"). */
export const DEMO_INTERACTIONS = 600;

/** The instruments whose activities meet the network, and the kinds met there most. */
const KINDS_AT: Record<string, readonly InteractionKind[]> = {
  'study-visits': ['visit', 'meeting', 'meeting', 'introduction'],
  'matchmaking-events': ['meeting', 'meeting', 'event_encounter'],
  roadshows: ['meeting', 'meeting', 'visit', 'event_encounter'],
  'trade-fairs': ['event_encounter', 'event_encounter', 'meeting', 'introduction'],
  'international-events-conferences': ['event_encounter', 'event_encounter', 'meeting'],
  'events-at-home-regions': ['event_encounter', 'meeting', 'introduction'],
  'mentoring-follow-up': ['call', 'meeting', 'email'],
  'ambassador-staff-exchange': ['meeting', 'visit', 'introduction', 'call'],
  'soft-landing': ['meeting', 'visit', 'email'],
  'sustaining-the-networks': ['call', 'email', 'meeting'],
};
/** Between activities: the follow-up. */
const FOLLOW_UP_KINDS: readonly InteractionKind[] = ['email', 'call', 'call', 'meeting'];

const NOTES = [
  'Interested in European suppliers with flight heritage; asked for our capability sheet.',
  'Looking for a partner for a joint Horizon Europe proposal on Earth observation services.',
  'Met at their stand; they run an incubator for space start-ups and welcome visiting SMEs.',
  'Discussed export licences and local certification; they offered to introduce a distributor.',
  'Follow-up on the visit: they want a call with two of our members in the ground segment.',
  'Introduced by the embassy; procurement goes through their national agency.',
  '',
  '',
];
const NEXT_STEPS = [
  'Send the capability sheet of our members',
  'Arrange a call with two members',
  'Share the call for proposals and a draft consortium',
  'Invite them to our next matchmaking event',
  'Introduce them to the cluster’s downstream SMEs',
];

/**
 * The demo's interactions, written after the network organisations and people (read from the
 * database: none, none written): at the activities that meet the network, dated within each
 * activity's days up to today, a few organisations each (those of the activity's country first),
 * and follow-ups between activities; some with a next step owned by the coordinator or the
 * activity's cluster manager, the older ones done. Deterministic (a seeded PRNG) for one `today`.
 * Through the interactions' repository in one write transaction, so the KPIs they prove are
 * computed once, before it commits.
 */
export async function seedDemoInteractions(
  db: Kysely<DB>,
  workspaceId: string,
  today: string = todayIso(),
): Promise<number> {
  const organisations = await db
    .selectFrom('network_organisation')
    .select(['id', 'country', 'owner_cluster_id'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('id')
    .execute();
  if (organisations.length === 0) return 0;
  const people = await db
    .selectFrom('network_person')
    .select(['id', 'organisation_id'])
    .where('workspace_id', '=', workspaceId)
    .where('erased_at', 'is', null)
    .orderBy('id')
    .execute();
  const activities = await db
    .selectFrom('activity')
    .innerJoin('instrument', 'instrument.id', 'activity.instrument_id')
    .select([
      'activity.id',
      'activity.starts_on',
      'activity.ends_on',
      'activity.country',
      'activity.cluster_id',
      'instrument.key',
    ])
    .where('activity.workspace_id', '=', workspaceId)
    .where('activity.status', '!=', 'cancelled')
    .where('activity.starts_on', '<=', today)
    .where('instrument.key', 'in', Object.keys(KINDS_AT))
    .orderBy('activity.starts_on')
    .orderBy('activity.id')
    .execute();
  const members = await db
    .selectFrom('membership')
    .select(['user_id', 'role', 'cluster_id'])
    .where('workspace_id', '=', workspaceId)
    .where('role', 'in', ['coordinator', 'cluster_manager'])
    .orderBy('user_id')
    .execute();
  const coordinator = members.find((m) => m.role === 'coordinator')?.user_id ?? null;
  const managerOf = new Map(
    members.filter((m) => m.role === 'cluster_manager' && m.cluster_id).map((m) => [m.cluster_id, m.user_id]),
  );
  const peopleOf = new Map<string, string[]>();
  for (const person of people) {
    if (!person.organisation_id) continue;
    peopleOf.set(person.organisation_id, [...(peopleOf.get(person.organisation_id) ?? []), person.id]);
  }
  const byCountry = new Map<string, typeof organisations>();
  for (const organisation of organisations) {
    byCountry.set(organisation.country, [...(byCountry.get(organisation.country) ?? []), organisation]);
  }

  const random = seededRandom(21_002);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const planned: InteractionValues[] = [];
  const make = (
    organisation: (typeof organisations)[number],
    kind: InteractionKind,
    day: string,
    activity: (typeof activities)[number] | null,
  ): InteractionValues => {
    const clusterId = activity?.cluster_id ?? organisation.owner_cluster_id;
    const staff = (clusterId ? managerOf.get(clusterId) : undefined) ?? coordinator;
    const withStep = random() < 0.22;
    const due = addDays(day, 7 + Math.floor(random() * 28));
    const personIds = peopleOf.get(organisation.id) ?? [];
    return {
      kind,
      occurred_on: day,
      activity_id: activity?.id ?? null,
      cluster_id: clusterId,
      staff_user_id: staff,
      member_organisation_id: null,
      member_person_id: null,
      network_organisation_id: organisation.id,
      network_person_id: personIds.length > 0 && random() < 0.7 ? pick(personIds) : null,
      notes: pick(NOTES),
      next_step: withStep ? pick(NEXT_STEPS) : null,
      next_step_due_on: withStep ? due : null,
      next_step_owner_user_id: withStep ? (random() < 0.5 ? coordinator : staff) : null,
      // Steps due over a fortnight ago are mostly done; the rest stay open (the "my open steps" list).
      next_step_done_at:
        withStep && due < addDays(today, -14) && random() < 0.8 ? `${due}T16:00:00.000Z` : null,
      created_by: staff,
    };
  };

  const atActivities = Math.round(DEMO_INTERACTIONS * 0.9);
  const perActivity = activities.length > 0 ? atActivities / activities.length : 0;
  for (const activity of activities) {
    const count = Math.max(1, Math.round(perActivity * (0.6 + random() * 0.8)));
    const local = (activity.country ? byCountry.get(activity.country) : undefined) ?? [];
    const lastDay = activity.ends_on < today ? activity.ends_on : today;
    const span = Math.max(0, daysBetween(activity.starts_on, lastDay));
    for (let i = 0; i < count && planned.length < atActivities; i++) {
      // Two in three organisations met are of the activity's country, when it has any.
      const organisation = local.length > 0 && random() < 0.67 ? pick(local) : pick(organisations);
      const day = addDays(activity.starts_on, Math.floor(random() * (span + 1)));
      planned.push(make(organisation, pick(KINDS_AT[activity.key] ?? FOLLOW_UP_KINDS), day, activity));
    }
  }
  // Follow-ups between activities, over the last year.
  while (planned.length < DEMO_INTERACTIONS) {
    const day = addDays(today, -Math.floor(random() * 365));
    planned.push(make(pick(organisations), pick(FOLLOW_UP_KINDS), day, null));
  }

  await writeTransaction(db, async (trx) => {
    const interactions = new InteractionRepository(trx);
    const events = [];
    for (const values of planned) {
      const row = await interactions.create(workspaceId, values);
      events.push({
        workspaceId,
        actorUserId: values.created_by,
        action: 'create' as const,
        entityType: 'interaction' as const,
        entityId: row.id,
        changes: diff({}, values),
      });
    }
    await new AuditRepository(trx).recordMany(events);
  });
  return planned.length;
}
