import { randomBytes } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import { newId, nowIso } from '../../db/ids.ts';
import type {
  B2bMeetingFeedbackTable,
  B2bMeetingTable,
  B2bParticipantTable,
  B2bRepresentativeTable,
  B2bRequestTable,
  DB,
} from '../../db/schema.ts';
import { markEvidence, writeTransaction } from '../../db/write-transaction.ts';
import type { Actor } from '../../domain/access/policy.ts';
import { addDays, todayIso } from '../../domain/dates.ts';
import { type EventSlot, eventSlots } from '../../domain/matchmaking/slots.ts';
import { type FollowUp, PARTNER_FOLLOW_UPS, pairKey } from '../../domain/matchmaking/types.ts';
import { stageRank } from '../../domain/network/types.ts';
import { seededRandom } from '../../domain/random.ts';
import { createActivityBody } from '../activities/schema.ts';
import type { ActivityService } from '../activities/service.ts';
import { AuditRepository } from '../audit/repository.ts';
import { InteractionRepository } from '../interactions/repository.ts';
import { RelationshipRepository } from '../relationships/repository.ts';

/** The demo's two B2B events (issue 22 item 8): how many of what each holds. */
export const DEMO_EVENTS = {
  past: { daysAgo: 90, participants: 24, accepted: 60, declined: 8, tables: 12 },
  upcoming: { daysAhead: 35, participants: 16, accepted: 8, pending: 10, tables: 8 },
} as const;

const TIME_ZONE = 'Europe/Brussels';
const code = () => randomBytes(12).toString('base64url');

interface Org {
  kind: 'member' | 'network';
  id: string;
  name: string;
  country: string;
  city: string | null;
  clusterId: string | null;
}

export interface PlacedMeeting {
  requestId: string;
  from: string;
  to: string;
  slotStartsAt: string;
  slotEndsAt: string;
  tableId: string;
}

/**
 * A greedy placement of the requests into slots and tables: each request in turn at the first
 * slot where neither side meets yet, at the first free table (a participant with a reserved table
 * meets there; no one else sits at a reserved table). Requests that do not fit are left out.
 */
export function placeMeetings(
  requests: readonly { id: string; from: string; to: string }[],
  slots: readonly Pick<EventSlot, 'startsAt' | 'endsAt'>[],
  tables: readonly { id: string; reservedFor: string | null }[],
): PlacedMeeting[] {
  const busy = new Set<string>();
  const placed: PlacedMeeting[] = [];
  const reservedOf = new Map(tables.flatMap((t) => (t.reservedFor ? [[t.reservedFor, t.id] as const] : [])));
  const open = tables.filter((t) => !t.reservedFor);
  for (const request of requests) {
    for (const slot of slots) {
      if (busy.has(`${request.from}@${slot.startsAt}`) || busy.has(`${request.to}@${slot.startsAt}`))
        continue;
      const reserved = reservedOf.get(request.from) ?? reservedOf.get(request.to);
      const candidates = reserved ? tables.filter((t) => t.id === reserved) : open;
      const table = candidates.find((t) => !busy.has(`${t.id}@${slot.startsAt}`));
      if (!table) continue;
      busy.add(`${request.from}@${slot.startsAt}`);
      busy.add(`${request.to}@${slot.startsAt}`);
      busy.add(`${table.id}@${slot.startsAt}`);
      placed.push({
        ...request,
        requestId: request.id,
        slotStartsAt: slot.startsAt,
        slotEndsAt: slot.endsAt,
        tableId: table.id,
      });
      break;
    }
  }
  return placed;
}

/**
 * The demo's B2B events (issue 22 item 8), so a newcomer sees both ends: a past matchmaking event
 * (held three months ago: ~24 members and network organisations checked in, ~60 accepted requests
 * placed without clashes, published, most meetings held, feedback with follow-ups, the held
 * meetings between a member and a network organisation as interactions, and their relationships
 * at `met` or `potential partner`, attributed to the event's activity), and an upcoming one (in
 * five weeks, open for requests, no schedule yet, the demo member registered). Deterministic (a
 * seeded PRNG) for one `today`; the activities through their use case, the rest in one write
 * transaction with the evidence marked.
 */
export async function seedDemoEvents(
  services: { db: Kysely<DB>; activities: ActivityService },
  context: { workspaceId: string; coordinatorId: string; memberOrganisationId: string | null },
  today: string = todayIso(),
): Promise<{ pastEventId: string; upcomingEventId: string } | null> {
  const { db } = services;
  const { workspaceId, coordinatorId } = context;
  const actor: Actor = {
    userId: coordinatorId,
    workspaceId,
    role: 'coordinator',
    clusterId: null,
    organisationId: null,
  };
  const clusters = await db
    .selectFrom('cluster')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .orderBy('short_name')
    .execute();
  const members: Org[] = (
    await db
      .selectFrom('organisation')
      .select(['id', 'name', 'country', 'city', 'cluster_id'])
      .where('workspace_id', '=', workspaceId)
      .orderBy('name')
      .execute()
  ).map((o) => ({
    kind: 'member',
    id: o.id,
    name: o.name,
    country: o.country,
    city: o.city,
    clusterId: o.cluster_id,
  }));
  const network: Org[] = (
    await db
      .selectFrom('network_organisation')
      .select(['id', 'name', 'country', 'city', 'owner_cluster_id'])
      .where('workspace_id', '=', workspaceId)
      .orderBy('name')
      .execute()
  ).map((o) => ({
    kind: 'network',
    id: o.id,
    name: o.name,
    country: o.country ?? 'JP',
    city: o.city,
    clusterId: o.owner_cluster_id,
  }));
  if (members.length < 8 || network.length < 8) return null;
  const clusterId = clusters[0]?.id ?? null;
  // The demo member takes part in both events.
  const memberFirst = [
    ...members.filter((m) => m.id === context.memberOrganisationId),
    ...members.filter((m) => m.id !== context.memberOrganisationId),
  ];

  const pastStart = addDays(today, -DEMO_EVENTS.past.daysAgo);
  const past = await services.activities.create(
    actor,
    createActivityBody.parse({
      instrumentKey: '1.2.1',
      title: 'Space Business Days: B2B matchmaking',
      startsOn: pastStart,
      endsOn: addDays(pastStart, 1),
      city: 'Brussels',
      country: 'BE',
      clusterId,
      status: 'done',
      outcomeNotes: 'Two days of pre-arranged meetings between members and organisations of the network.',
    }),
  );
  const upcomingStart = addDays(today, DEMO_EVENTS.upcoming.daysAhead);
  const upcoming = await services.activities.create(
    actor,
    createActivityBody.parse({
      instrumentKey: '1.2.1',
      title: 'Downstream Space Meetings: B2B matchmaking',
      startsOn: upcomingStart,
      endsOn: upcomingStart,
      city: 'Madrid',
      country: 'ES',
      clusterId: clusters[1]?.id ?? clusterId,
      status: 'confirmed',
    }),
  );

  const random = seededRandom(22);
  return writeTransaction(db, async (trx) => {
    const now = nowIso();
    const audit: Parameters<AuditRepository['recordMany']>[0] = [];

    const insertEvent = async (
      activityId: string,
      values: {
        status: 'open' | 'closed';
        publishedAt: string | null;
        opensAt: string;
        closesAt: string;
        deadline: string;
        description: string;
        venue: string;
      },
    ) => {
      const id = newId();
      await trx
        .insertInto('b2b_event')
        .values({
          id,
          workspace_id: workspaceId,
          activity_id: activityId,
          public_slug: code().slice(0, 16),
          description: values.description,
          time_zone: TIME_ZONE,
          format: 'in_person',
          venue: values.venue,
          video_link: null,
          slot_minutes: 30,
          registration_opens_at: values.opensAt,
          registration_closes_at: values.closesAt,
          request_deadline_at: values.deadline,
          max_requests_per_participant: 12,
          max_representatives: 2,
          request_expiry_days: 7,
          meeting_types: JSON.stringify(['b2b', 'b2i']),
          approval: 'manual',
          status: values.status,
          published_at: values.publishedAt,
          published_run_id: null,
          agenda_revision: values.publishedAt ? 1 : 0,
          created_at: now,
          updated_at: now,
        })
        .execute();
      audit.push({
        workspaceId,
        actorUserId: coordinatorId,
        action: 'create',
        entityType: 'b2b_event',
        entityId: id,
        changes: { activity_id: [null, activityId], status: [null, values.status] },
      });
      return id;
    };
    const insertSessions = async (
      eventId: string,
      sessions: {
        name: string;
        day: string;
        start: string;
        end: string;
        breaks: { start: string; end: string; label: string }[];
      }[],
    ) => {
      const rows = sessions.map((s) => ({
        id: newId(),
        event_id: eventId,
        name: s.name,
        day: s.day,
        start_time: s.start,
        end_time: s.end,
        breaks: JSON.stringify(s.breaks),
        created_at: now,
      }));
      await trx.insertInto('b2b_session').values(rows).execute();
      return eventSlots(
        rows.map((r) => ({
          id: r.id,
          name: r.name,
          day: r.day,
          startTime: r.start_time,
          endTime: r.end_time,
          breaks: JSON.parse(r.breaks),
        })),
        30,
        TIME_ZONE,
      );
    };
    const insertParticipants = async (
      eventId: string,
      orgs: Org[],
      status: (i: number) => B2bParticipantTable['status'],
      checkedIn: boolean,
    ) => {
      const rows: Insertable<B2bParticipantTable>[] = orgs.map((org, i) => ({
        id: newId(),
        workspace_id: workspaceId,
        event_id: eventId,
        organisation_id: org.kind === 'member' ? org.id : null,
        network_organisation_id: org.kind === 'network' ? org.id : null,
        name: org.name,
        country: org.country,
        city: org.city,
        website: null,
        organisation_type: org.kind === 'network' ? 'company' : null,
        description: `${org.name} meets partners for space products and services.`,
        offers:
          org.kind === 'member'
            ? 'Components, software and services for satellites and their data.'
            : 'Access to its market, distribution and joint projects.',
        looking_for:
          org.kind === 'member'
            ? 'Distributors, integrators and investors abroad.'
            : 'European suppliers and technology partners.',
        tags: JSON.stringify(
          org.kind === 'member' ? ['export-ready', 'earth-observation'] : ['distribution', 'partnership'],
        ),
        space_segments: JSON.stringify(['downstream']),
        target_markets: JSON.stringify(org.kind === 'member' ? ['JP', 'US'] : ['BE', 'ES']),
        contact_name: `Contact of ${org.name}`,
        contact_email: `b2b.${i + 1}.${eventId.slice(-6)}@demo.space2id.example`,
        status: status(i),
        source:
          org.kind === 'member' ? (i % 3 === 0 ? 'organiser' : 'member') : i % 2 === 0 ? 'public' : 'import',
        consent_at: now,
        consent_text: 'I agree that the organisers process these data for the event.',
        network_consent: org.kind === 'network' ? 1 : 0,
        email_confirmed_at: now,
        checkin_code: code(),
        checked_in_at: checkedIn ? `${pastStart}T07:45:00.000Z` : null,
        decided_at: status(i) === 'approved' ? now : null,
        decided_by: status(i) === 'approved' ? coordinatorId : null,
        created_at: now,
        updated_at: now,
      }));
      await trx.insertInto('b2b_participant').values(rows).execute();
      const representatives: Insertable<B2bRepresentativeTable>[] = rows.map((r) => ({
        id: newId(),
        participant_id: r.id as string,
        name: r.contact_name,
        email: r.contact_email,
        role_title: 'Business development',
        position: 1,
        created_at: now,
      }));
      await trx.insertInto('b2b_representative').values(representatives).execute();
      return rows.map((r, i) => ({ id: r.id as string, org: orgs[i] as Org }));
    };
    const insertTables = async (eventId: string, n: number, reserved: (string | null)[]) => {
      const rows = Array.from({ length: n }, (_, i) => ({
        id: newId(),
        event_id: eventId,
        number: i + 1,
        name: `Table ${i + 1}`,
        reserved_participant_id: reserved[i] ?? null,
        video_link: null,
        created_at: now,
      }));
      await trx.insertInto('b2b_table').values(rows).execute();
      return rows;
    };
    /** Distinct pairs of participants, a member on at least one side. */
    const pairsOf = (people: { id: string; org: Org }[], count: number, taken: Set<string>) => {
      const pairs: [string, string][] = [];
      for (let attempt = 0; pairs.length < count && attempt < count * 50; attempt++) {
        const a = people[Math.floor(random() * people.length)];
        const b = people[Math.floor(random() * people.length)];
        if (!a || !b || a.id === b.id) continue;
        if (a.org.kind === 'network' && b.org.kind === 'network') continue;
        const key = pairKey(a.id, b.id);
        if (taken.has(key)) continue;
        taken.add(key);
        pairs.push([a.id, b.id]);
      }
      return pairs;
    };
    const request = (
      eventId: string,
      from: string,
      to: string,
      status: B2bRequestTable['status'],
      createdAt: string,
    ): Insertable<B2bRequestTable> => ({
      id: newId(),
      workspace_id: workspaceId,
      event_id: eventId,
      from_participant_id: from,
      to_participant_id: to,
      pair_key: pairKey(from, to),
      meeting_type: 'b2b',
      message: 'We would like to present our offer and hear about your plans.',
      priority: random() < 0.2 ? 3 : 2,
      status,
      origin: 'participant',
      created_by: null,
      responded_at: status === 'pending' ? null : createdAt,
      decline_reason: status === 'declined' ? 'No fit with our plans this year' : null,
      expires_at: null,
      reminded_at: null,
      created_at: createdAt,
      updated_at: createdAt,
    });

    // The past event: closed, its schedule published the day before.
    const P = DEMO_EVENTS.past;
    const pastEventId = await insertEvent(past.id, {
      status: 'closed',
      publishedAt: `${addDays(pastStart, -2)}T16:00:00.000Z`,
      opensAt: `${addDays(pastStart, -45)}T08:00:00.000Z`,
      closesAt: `${addDays(pastStart, -7)}T20:00:00.000Z`,
      deadline: `${addDays(pastStart, -3)}T20:00:00.000Z`,
      description: 'Two days of pre-arranged 30-minute meetings at the Space Business Days.',
      venue: 'Tour & Taxis, Brussels',
    });
    const pastSlots = await insertSessions(pastEventId, [
      {
        name: 'Day 1 morning',
        day: pastStart,
        start: '09:00',
        end: '12:30',
        breaks: [{ start: '10:30', end: '11:00', label: 'Coffee' }],
      },
      { name: 'Day 1 afternoon', day: pastStart, start: '14:00', end: '17:00', breaks: [] },
      { name: 'Day 2 morning', day: addDays(pastStart, 1), start: '09:00', end: '12:00', breaks: [] },
    ]);
    const half = P.participants / 2;
    const pastPeople = await insertParticipants(
      pastEventId,
      [...memberFirst.slice(0, half), ...network.slice(0, half)],
      () => 'approved',
      true,
    );
    const pastTables = await insertTables(pastEventId, P.tables, [
      pastPeople[half]?.id ?? null,
      pastPeople[half + 1]?.id ?? null,
    ]);
    const taken = new Set<string>();
    const acceptedPairs = pairsOf(pastPeople, P.accepted, taken);
    const declinedPairs = pairsOf(pastPeople, P.declined, taken);
    const requestedAt = `${addDays(pastStart, -10)}T10:00:00.000Z`;
    const accepted = acceptedPairs.map(([a, b]) => request(pastEventId, a, b, 'accepted', requestedAt));
    const declined = declinedPairs.map(([a, b]) => request(pastEventId, a, b, 'declined', requestedAt));
    await trx
      .insertInto('b2b_request')
      .values([...accepted, ...declined])
      .execute();
    markEvidence(trx, [past.id, upcoming.id]);
    const placed = placeMeetings(
      accepted.map((r) => ({ id: r.id as string, from: r.from_participant_id, to: r.to_participant_id })),
      pastSlots,
      pastTables.map((t) => ({ id: t.id, reservedFor: t.reserved_participant_id })),
    );
    const meetings: (Insertable<B2bMeetingTable> & { id: string })[] = placed.map((m, i) => {
      const status = i % 20 === 7 ? 'no_show' : i % 20 === 13 ? 'cancelled' : 'held';
      return {
        id: newId(),
        workspace_id: workspaceId,
        event_id: pastEventId,
        request_id: m.requestId,
        slot_starts_at: m.slotStartsAt,
        slot_ends_at: m.slotEndsAt,
        table_id: m.tableId,
        status,
        status_by: 'organiser',
        status_changed_at: m.slotEndsAt,
        published: 1,
        run_id: null,
        interaction_id: null,
        created_at: now,
        updated_at: now,
      };
    });

    // Feedback on the held meetings, and what they made of the network.
    const byId = new Map(pastPeople.map((p) => [p.id, p]));
    const feedback: Insertable<B2bMeetingFeedbackTable>[] = [];
    const interactions = new InteractionRepository(trx);
    const relationships = new RelationshipRepository(trx);
    for (const [i, meeting] of meetings.entries()) {
      if (meeting.status !== 'held') continue;
      const m = placed[i] as PlacedMeeting;
      const followUps: FollowUp[] = [];
      for (const side of [m.from, m.to]) {
        if (random() < 0.25) continue;
        const roll = random();
        const followUp: FollowUp =
          roll < 0.15
            ? 'none'
            : roll < 0.5
              ? 'contact'
              : roll < 0.7
                ? 'meeting'
                : roll < 0.88
                  ? 'proposal'
                  : 'partnership';
        followUps.push(followUp);
        feedback.push({
          id: newId(),
          workspace_id: workspaceId,
          meeting_id: meeting.id,
          participant_id: side,
          rating: 3 + Math.floor(random() * 3),
          follow_up: followUp,
          comment: followUp === 'partnership' ? 'Clear fit: we start a joint offer.' : '',
          created_at: now,
          updated_at: now,
        });
      }
      const a = byId.get(m.from)?.org;
      const b = byId.get(m.to)?.org;
      const member = a?.kind === 'member' ? a : b?.kind === 'member' ? b : undefined;
      const counterpart = a?.kind === 'network' ? a : b?.kind === 'network' ? b : undefined;
      if (!member || !counterpart) continue;
      const day = m.slotStartsAt.slice(0, 10);
      const interaction = await interactions.create(workspaceId, {
        kind: 'event_encounter',
        occurred_on: day,
        activity_id: past.id,
        cluster_id: member.clusterId,
        staff_user_id: null,
        member_organisation_id: member.id,
        member_person_id: null,
        network_organisation_id: counterpart.id,
        network_person_id: null,
        notes: `B2B meeting at ${past.title}.`,
        next_step: null,
        next_step_due_on: null,
        next_step_owner_user_id: null,
        next_step_done_at: null,
        created_by: coordinatorId,
      });
      meeting.interaction_id = interaction.id;
      const target = followUps.some((f) => PARTNER_FOLLOW_UPS.includes(f)) ? 'potential_partner' : 'met';
      const existing = await trx
        .selectFrom('relationship')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('our_organisation_id', '=', member.id)
        .where('network_organisation_id', '=', counterpart.id)
        .executeTakeFirst();
      if (!existing) {
        const row = await relationships.create(
          workspaceId,
          {
            our_cluster_id: null,
            our_organisation_id: member.id,
            network_organisation_id: counterpart.id,
            counterpart_organisation_id: null,
            cluster_id: member.clusterId ?? (clusterId as string),
            market_id: null,
            stage: target,
            stage_reason: null,
            started_on: day,
            stage_changed_on: day,
            owner_user_id: coordinatorId,
            notes: `Met at ${past.title}.`,
          },
          { actorUserId: coordinatorId, activityId: past.id },
        );
        audit.push({
          workspaceId,
          actorUserId: coordinatorId,
          action: 'create',
          entityType: 'relationship',
          entityId: row.id,
          changes: { stage: [null, target], activity_id: [null, past.id] },
        });
      } else if (
        (stageRank(existing.stage as never) ?? 99) < (stageRank(target) ?? 0) &&
        existing.stage_changed_on <= day
      ) {
        await relationships.changeStage(existing, existing.version, {
          toStage: target,
          changedOn: day,
          reason: null,
          actorUserId: coordinatorId,
          activityId: past.id,
        });
      }
    }
    if (meetings.length > 0) await trx.insertInto('b2b_meeting').values(meetings).execute();
    if (feedback.length > 0) await trx.insertInto('b2b_meeting_feedback').values(feedback).execute();

    // The upcoming event: open for registrations and requests, no schedule yet.
    const U = DEMO_EVENTS.upcoming;
    const upcomingEventId = await insertEvent(upcoming.id, {
      status: 'open',
      publishedAt: null,
      opensAt: `${addDays(today, -10)}T08:00:00.000Z`,
      closesAt: `${addDays(upcomingStart, -7)}T20:00:00.000Z`,
      deadline: `${addDays(upcomingStart, -3)}T20:00:00.000Z`,
      description: 'A morning of 30-minute meetings on downstream services, with investors.',
      venue: 'IFEMA, Madrid',
    });
    await insertSessions(upcomingEventId, [
      {
        name: 'Morning',
        day: upcomingStart,
        start: '09:00',
        end: '13:00',
        breaks: [{ start: '11:00', end: '11:30', label: 'Coffee' }],
      },
    ]);
    const uHalf = U.participants / 2;
    const upcomingPeople = await insertParticipants(
      upcomingEventId,
      [...memberFirst.slice(0, uHalf), ...network.slice(half, half + uHalf)],
      (i) => (i === uHalf - 1 || i === U.participants - 1 ? 'pending' : 'approved'),
      false,
    );
    await insertTables(upcomingEventId, U.tables, []);
    const approved = upcomingPeople.filter((_, i) => i !== uHalf - 1 && i !== U.participants - 1);
    const upcomingTaken = new Set<string>();
    const recent = `${addDays(today, -3)}T09:00:00.000Z`;
    await trx
      .insertInto('b2b_request')
      .values([
        ...pairsOf(approved, U.accepted, upcomingTaken).map(([a, b]) =>
          request(upcomingEventId, a, b, 'accepted', recent),
        ),
        ...pairsOf(approved, U.pending, upcomingTaken).map(([a, b]) =>
          request(upcomingEventId, a, b, 'pending', recent),
        ),
      ])
      .execute();
    await new AuditRepository(trx).recordMany(audit);
    return { pastEventId, upcomingEventId };
  });
}
