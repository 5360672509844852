import { randomBytes } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import { newId, nowIso } from '../../src/db/ids.ts';
import type {
  B2bEventTable,
  B2bMeetingTable,
  B2bParticipantTable,
  B2bRequestTable,
  B2bSessionTable,
  DB,
} from '../../src/db/schema.ts';
import { pairKey } from '../../src/domain/matchmaking/types.ts';
import { hashSecret } from '../../src/features/auth/secrets.ts';

let counter = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;
const code = () => randomBytes(12).toString('base64url');

/**
 * Rows of B2B matchmaking events straight through Kysely (issue 22), with the fewest required
 * values, for tests that need an event in a given state without running its whole workflow.
 * The activity comes from `Factory.activity` (use instrument `1.2.1`, B2B matchmaking).
 */
export class B2bRows {
  constructor(private readonly db: Kysely<DB>) {}

  /** An open in-person event on the activity: Europe/Brussels, 30-minute slots, manual approval. */
  event(workspaceId: string, activityId: string, overrides: Partial<Insertable<B2bEventTable>> = {}) {
    const now = nowIso();
    return this.db
      .insertInto('b2b_event')
      .values({
        id: newId(),
        workspace_id: workspaceId,
        activity_id: activityId,
        public_slug: code(),
        time_zone: 'Europe/Brussels',
        format: 'in_person',
        venue: null,
        video_link: null,
        slot_minutes: 30,
        registration_opens_at: null,
        registration_closes_at: null,
        request_deadline_at: null,
        max_requests_per_participant: null,
        request_expiry_days: null,
        status: 'open',
        published_at: null,
        published_run_id: null,
        created_at: now,
        updated_at: now,
        ...overrides,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** A session on `day` from `start` to `end` (default 2026-03-10, 09:00–12:00, no break). */
  session(eventId: string, overrides: Partial<Insertable<B2bSessionTable>> = {}) {
    return this.db
      .insertInto('b2b_session')
      .values({
        id: newId(),
        event_id: eventId,
        name: 'Morning',
        day: '2026-03-10',
        start_time: '09:00',
        end_time: '12:00',
        breaks: '[]',
        created_at: nowIso(),
        ...overrides,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** Tables 1..n named "Table k". */
  async tables(eventId: string, n: number) {
    const rows = Array.from({ length: n }, (_, i) => ({
      id: newId(),
      event_id: eventId,
      number: i + 1,
      name: `Table ${i + 1}`,
      reserved_participant_id: null,
      video_link: null,
      created_at: nowIso(),
    }));
    if (rows.length > 0) await this.db.insertInto('b2b_table').values(rows).execute();
    return rows;
  }

  /**
   * An approved participant (an outside company by default) with one representative; `token`: its
   * event link's secret (the row keeps the hash), to call the portal with `X-Participant-Token`.
   */
  async participant(
    workspaceId: string,
    eventId: string,
    overrides: Partial<Insertable<B2bParticipantTable>> = {},
  ) {
    const now = nowIso();
    const token = `evt_${code()}${code()}`;
    const name = overrides.name ?? unique('Company');
    const row = await this.db
      .insertInto('b2b_participant')
      .values({
        id: newId(),
        workspace_id: workspaceId,
        event_id: eventId,
        organisation_id: null,
        network_organisation_id: null,
        name,
        country: 'JP',
        city: null,
        website: null,
        organisation_type: 'company',
        contact_name: `Contact of ${name}`,
        contact_email: `${unique('contact')}@example.test`,
        status: 'approved',
        source: 'organiser',
        consent_at: now,
        consent_text: 'Test consent',
        confirmation_token_hash: null,
        confirmation_expires_at: null,
        email_confirmed_at: now,
        access_token_hash: hashSecret(token),
        feed_token: null,
        checkin_code: code(),
        checked_in_at: null,
        checked_in_by: null,
        decided_at: null,
        decided_by: null,
        decision_reason: null,
        created_at: now,
        updated_at: now,
        ...overrides,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await this.db
      .insertInto('b2b_representative')
      .values({
        id: newId(),
        participant_id: row.id,
        name: row.contact_name,
        email: row.contact_email,
        role_title: null,
        person_id: null,
        network_person_id: null,
        position: 1,
        created_at: now,
      })
      .execute();
    return { ...row, token, portalHeaders: { 'x-participant-token': token } };
  }

  /** A request from one participant to another, accepted by default. */
  request(
    workspaceId: string,
    eventId: string,
    fromId: string,
    toId: string,
    overrides: Partial<Insertable<B2bRequestTable>> = {},
  ) {
    const now = nowIso();
    return this.db
      .insertInto('b2b_request')
      .values({
        id: newId(),
        workspace_id: workspaceId,
        event_id: eventId,
        from_participant_id: fromId,
        to_participant_id: toId,
        pair_key: pairKey(fromId, toId),
        meeting_type: 'b2b',
        status: 'accepted',
        origin: 'participant',
        created_by: null,
        responded_at: now,
        decline_reason: null,
        expires_at: null,
        reminded_at: null,
        created_at: now,
        updated_at: now,
        ...overrides,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** A scheduled meeting of the request at `slotStartsAt` (ISO) for `slotMinutes`. */
  meeting(
    workspaceId: string,
    eventId: string,
    requestId: string,
    slotStartsAt: string,
    overrides: Partial<Insertable<B2bMeetingTable>> & { slotMinutes?: number } = {},
  ) {
    const { slotMinutes = 30, ...values } = overrides;
    const now = nowIso();
    return this.db
      .insertInto('b2b_meeting')
      .values({
        id: newId(),
        workspace_id: workspaceId,
        event_id: eventId,
        request_id: requestId,
        slot_starts_at: slotStartsAt,
        slot_ends_at: new Date(Date.parse(slotStartsAt) + slotMinutes * 60_000).toISOString(),
        table_id: null,
        status_by: null,
        status_changed_at: null,
        run_id: null,
        interaction_id: null,
        created_at: now,
        updated_at: now,
        ...values,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }
}
