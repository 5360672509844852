import { type Kysely, sql } from 'kysely';

/**
 * B2B matchmaking events (issue 22, decision 0033): an event on an activity, its sessions and
 * tables, its participants (member or outside organisations) with their representatives, meeting
 * requests between participants, the placed meetings of the current schedule, the scheduler's runs
 * and the participants' feedback on their meetings.
 *
 * Times of day are stored as UTC ISO-8601 instants (`slot_starts_at`, registration dates); a
 * session's day and times are wall-clock values in the event's IANA time zone, turned into slots
 * by `eventSlots` (src/domain/matchmaking/slots.ts).
 *
 * KPI evidence (docs/kpis.md): `b2b_meeting` (held meetings: "Number of contacts") and `b2b_request`
 * (requests sent: "Number of communication initiatives"), both through their event's activity.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('b2b_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    // The activity it runs in: its dates, cluster (the access scope) and KPI attribution.
    .addColumn('activity_id', 'text', (c) =>
      c.notNull().unique().references('activity.id').onDelete('cascade'),
    )
    // The public registration page's address part: random, unique across the instance.
    .addColumn('public_slug', 'text', (c) => c.notNull().unique())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull().check(sql`format in ('in_person', 'online', 'hybrid')`))
    .addColumn('venue', 'text')
    .addColumn('video_link', 'text')
    .addColumn('slot_minutes', 'integer', (c) => c.notNull())
    .addColumn('registration_opens_at', 'text')
    .addColumn('registration_closes_at', 'text')
    .addColumn('request_deadline_at', 'text')
    // Requests a participant may send (null: no limit).
    .addColumn('max_requests_per_participant', 'integer')
    .addColumn('max_representatives', 'integer', (c) => c.notNull().defaultTo(2))
    // A pending request expires after this many days (null: never).
    .addColumn('request_expiry_days', 'integer')
    // JSON: MeetingType[]
    .addColumn('meeting_types', 'text', (c) => c.notNull().defaultTo('["b2b"]'))
    .addColumn('approval', 'text', (c) =>
      c.notNull().defaultTo('manual').check(sql`approval in ('manual', 'automatic')`),
    )
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('draft').check(sql`status in ('draft', 'open', 'closed')`),
    )
    .addColumn('published_at', 'text')
    // The run whose schedule was published last, and the fingerprint of the requests it placed.
    .addColumn('published_run_id', 'text')
    // Raised on every change of a published agenda: the calendar feeds' SEQUENCE and entity tag.
    .addColumn('agenda_revision', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('b2b_event_workspace')
    .on('b2b_event')
    .columns(['workspace_id', 'id'])
    .execute();

  await db.schema
    .createTable('b2b_event_co_organiser')
    .addColumn('event_id', 'text', (c) => c.notNull().references('b2b_event.id').onDelete('cascade'))
    .addColumn('cluster_id', 'text', (c) => c.notNull().references('cluster.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('b2b_event_co_organiser_pk', ['event_id', 'cluster_id'])
    .execute();

  await db.schema
    .createTable('b2b_session')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('b2b_event.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    // YYYY-MM-DD and HH:MM, wall-clock in the event's time zone.
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('start_time', 'text', (c) => c.notNull())
    .addColumn('end_time', 'text', (c) => c.notNull())
    // JSON: { start: 'HH:MM', end: 'HH:MM', label: string }[] inside the session, no meeting then.
    .addColumn('breaks', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('b2b_session_event')
    .on('b2b_session')
    .columns(['event_id', 'day', 'start_time'])
    .execute();

  await db.schema
    .createTable('b2b_participant')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addColumn('event_id', 'text', (c) => c.notNull().references('b2b_event.id').onDelete('cascade'))
    // A member of the workspace, or an outside organisation kept in the network (with consent).
    .addColumn('organisation_id', 'text', (c) => c.references('organisation.id').onDelete('set null'))
    .addColumn('network_organisation_id', 'text', (c) =>
      c.references('network_organisation.id').onDelete('set null'),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('city', 'text')
    .addColumn('website', 'text')
    // NetworkOrganisationType, or null for a member.
    .addColumn('organisation_type', 'text')
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('offers', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('looking_for', 'text', (c) => c.notNull().defaultTo(''))
    // JSON string arrays: free tags, space segments, target-market countries (ISO alpha-2), meeting types.
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('space_segments', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('target_markets', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('meeting_types', 'text', (c) => c.notNull().defaultTo('["b2b"]'))
    // JSON: the UTC start instants of the slots it cannot meet in.
    .addColumn('unavailable', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('contact_name', 'text', (c) => c.notNull())
    // Lower-cased; one registration per address and event.
    .addColumn('contact_email', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('unconfirmed', 'pending', 'approved', 'rejected', 'cancelled')`),
    )
    .addColumn('source', 'text', (c) =>
      c.notNull().check(sql`source in ('public', 'member', 'organiser', 'import')`),
    )
    // Consent to the event's processing (required on the public page) and to be kept in the network.
    .addColumn('consent_at', 'text')
    .addColumn('consent_text', 'text')
    .addColumn('network_consent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('confirmation_token_hash', 'text', (c) => c.unique())
    .addColumn('confirmation_expires_at', 'text')
    .addColumn('email_confirmed_at', 'text')
    // The event-only sign-in link (SHA-256 of the token).
    .addColumn('access_token_hash', 'text', (c) => c.unique())
    // The calendar subscription's secret (decision 0033: kept readable so the agenda can show it).
    .addColumn('feed_token', 'text', (c) => c.unique())
    // The code in the agenda's QR code that an organiser scans to check the participant in.
    .addColumn('checkin_code', 'text', (c) => c.notNull().unique())
    .addColumn('checked_in_at', 'text')
    .addColumn('checked_in_by', 'text', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('decision_reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('b2b_participant_event')
    .on('b2b_participant')
    .columns(['event_id', 'status', 'name'])
    .execute();
  await db.schema
    .createIndex('b2b_participant_email_key')
    .on('b2b_participant')
    .columns(['event_id', 'contact_email'])
    .unique()
    .execute();
  await db.schema
    .createIndex('b2b_participant_member_key')
    .on('b2b_participant')
    .columns(['event_id', 'organisation_id'])
    .unique()
    .where(sql.ref('organisation_id'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('b2b_participant_network_organisation')
    .on('b2b_participant')
    .columns(['network_organisation_id'])
    .execute();

  await db.schema
    .createTable('b2b_representative')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('participant_id', 'text', (c) =>
      c.notNull().references('b2b_participant.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('role_title', 'text')
    .addColumn('person_id', 'text', (c) => c.references('person.id').onDelete('set null'))
    .addColumn('network_person_id', 'text', (c) => c.references('network_person.id').onDelete('set null'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('b2b_representative_participant')
    .on('b2b_representative')
    .columns(['participant_id', 'position'])
    .execute();

  await db.schema
    .createTable('b2b_table')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('b2b_event.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    // A table kept for one participant: all its meetings there, and no one else's.
    .addColumn('reserved_participant_id', 'text', (c) =>
      c.references('b2b_participant.id').onDelete('set null'),
    )
    // Online or hybrid: this table's own video room (else the event's link).
    .addColumn('video_link', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('b2b_table_number_key')
    .on('b2b_table')
    .columns(['event_id', 'number'])
    .unique()
    .execute();
  // A participant holds at most one reserved table.
  await db.schema
    .createIndex('b2b_table_reserved_key')
    .on('b2b_table')
    .columns(['reserved_participant_id'])
    .unique()
    .where(sql.ref('reserved_participant_id'), 'is not', null)
    .execute();

  await db.schema
    .createTable('b2b_request')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addColumn('event_id', 'text', (c) => c.notNull().references('b2b_event.id').onDelete('cascade'))
    .addColumn('from_participant_id', 'text', (c) =>
      c.notNull().references('b2b_participant.id').onDelete('cascade'),
    )
    .addColumn('to_participant_id', 'text', (c) =>
      c.notNull().references('b2b_participant.id').onDelete('cascade'),
    )
    // The two participant ids sorted and joined by ':' — one live request per pair, either way.
    .addColumn('pair_key', 'text', (c) => c.notNull())
    .addColumn('meeting_type', 'text', (c) => c.notNull().check(sql`meeting_type in ('b2b', 'c2c', 'b2i')`))
    .addColumn('message', 'text', (c) => c.notNull().defaultTo(''))
    // 1 low, 2 normal, 3 high: the scheduler's weight when not every meeting fits.
    .addColumn('priority', 'integer', (c) => c.notNull().defaultTo(2).check(sql`priority between 1 and 3`))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('pending', 'accepted', 'declined', 'expired', 'cancelled')`),
    )
    .addColumn('origin', 'text', (c) =>
      c.notNull().check(sql`origin in ('participant', 'organiser', 'import')`),
    )
    .addColumn('created_by', 'text', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('responded_at', 'text')
    .addColumn('decline_reason', 'text')
    .addColumn('expires_at', 'text')
    .addColumn('reminded_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('b2b_request_not_self', sql`from_participant_id <> to_participant_id`)
    .execute();
  await db.schema
    .createIndex('b2b_request_live_pair_key')
    .on('b2b_request')
    .columns(['event_id', 'pair_key'])
    .unique()
    .where(sql<boolean>`status in ('pending', 'accepted')`)
    .execute();
  await db.schema
    .createIndex('b2b_request_event_status')
    .on('b2b_request')
    .columns(['event_id', 'status', 'id'])
    .execute();
  await db.schema
    .createIndex('b2b_request_from')
    .on('b2b_request')
    .columns(['from_participant_id', 'status'])
    .execute();
  await db.schema
    .createIndex('b2b_request_to')
    .on('b2b_request')
    .columns(['to_participant_id', 'status'])
    .execute();

  await db.schema
    .createTable('b2b_schedule_run')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addColumn('event_id', 'text', (c) => c.notNull().references('b2b_event.id').onDelete('cascade'))
    .addColumn('job_id', 'text', (c) => c.references('job.id').onDelete('set null'))
    // full: every accepted request; reschedule: published meetings locked, fewest changes.
    .addColumn('mode', 'text', (c) => c.notNull().check(sql`mode in ('full', 'reschedule')`))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('queued', 'running', 'done', 'failed', 'applied', 'discarded')`),
    )
    .addColumn('result_status', 'text', (c) =>
      c.check(sql`result_status in ('optimal', 'feasible', 'infeasible', 'unknown')`),
    )
    .addColumn('breaks', 'integer')
    .addColumn('lower_bound', 'integer')
    .addColumn('requested', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('placed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('changes', 'integer')
    .addColumn('time_limit_seconds', 'integer', (c) => c.notNull())
    .addColumn('seconds', 'real')
    // JSON: { requestId, slotStartsAt, tableId }[]
    .addColumn('assignments', 'text', (c) => c.notNull().defaultTo('[]'))
    // JSON: { requestId, reason }[]
    .addColumn('unplaced', 'text', (c) => c.notNull().defaultTo('[]'))
    // JSON: { participantId, breaks }[]
    .addColumn('participant_breaks', 'text', (c) => c.notNull().defaultTo('[]'))
    // Why no schedule exists (infeasible) or why the run failed, in words.
    .addColumn('explanation', 'text')
    // SHA-256 of what the run was given (accepted requests, availability, tables, slots).
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('applied_at', 'text')
    .execute();
  await db.schema
    .createIndex('b2b_schedule_run_event')
    .on('b2b_schedule_run')
    .columns(['event_id', 'created_at'])
    .execute();
  // One run at a time per event.
  await db.schema
    .createIndex('b2b_schedule_run_active_key')
    .on('b2b_schedule_run')
    .columns(['event_id'])
    .unique()
    .where(sql<boolean>`status in ('queued', 'running')`)
    .execute();

  await db.schema
    .createTable('b2b_meeting')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addColumn('event_id', 'text', (c) => c.notNull().references('b2b_event.id').onDelete('cascade'))
    .addColumn('request_id', 'text', (c) =>
      c.notNull().unique().references('b2b_request.id').onDelete('cascade'),
    )
    .addColumn('slot_starts_at', 'text', (c) => c.notNull())
    .addColumn('slot_ends_at', 'text', (c) => c.notNull())
    // Null for an online meeting without a table.
    .addColumn('table_id', 'text', (c) => c.references('b2b_table.id').onDelete('set null'))
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('scheduled').check(sql`status in ('scheduled', 'held', 'no_show', 'cancelled')`),
    )
    // Who cancelled or reported a no-show: 'from' or 'to' (the request's sides) or 'organiser'.
    .addColumn('status_by', 'text', (c) => c.check(sql`status_by in ('from', 'to', 'organiser')`))
    .addColumn('status_changed_at', 'text')
    // Part of a published agenda: locked when rescheduling.
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('run_id', 'text', (c) => c.references('b2b_schedule_run.id').onDelete('set null'))
    // The network interaction a held meeting made (with an outside participant).
    .addColumn('interaction_id', 'text', (c) => c.references('interaction.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('b2b_meeting_event_slot')
    .on('b2b_meeting')
    .columns(['event_id', 'slot_starts_at'])
    .execute();
  // A table holds one meeting at a time.
  await db.schema
    .createIndex('b2b_meeting_table_slot_key')
    .on('b2b_meeting')
    .columns(['table_id', 'slot_starts_at'])
    .unique()
    .where(sql<boolean>`table_id is not null and status <> 'cancelled'`)
    .execute();
  await db.schema
    .createIndex('b2b_meeting_event_status')
    .on('b2b_meeting')
    .columns(['event_id', 'status'])
    .execute();

  await db.schema
    .createTable('b2b_meeting_feedback')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspace.id').onDelete('cascade'))
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('b2b_meeting.id').onDelete('cascade'))
    .addColumn('participant_id', 'text', (c) =>
      c.notNull().references('b2b_participant.id').onDelete('cascade'),
    )
    .addColumn('rating', 'integer', (c) => c.check(sql`rating between 1 and 5`))
    .addColumn('follow_up', 'text', (c) =>
      c.notNull().check(sql`follow_up in ('none', 'contact', 'meeting', 'proposal', 'partnership')`),
    )
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('b2b_meeting_feedback_key')
    .on('b2b_meeting_feedback')
    .columns(['meeting_id', 'participant_id'])
    .unique()
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'b2b_meeting_feedback',
    'b2b_meeting',
    'b2b_schedule_run',
    'b2b_request',
    'b2b_table',
    'b2b_representative',
    'b2b_participant',
    'b2b_session',
    'b2b_event_co_organiser',
    'b2b_event',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
