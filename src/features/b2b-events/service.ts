import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import { type Actor, requireAccess, roleMay } from '../../domain/access/policy.ts';
import { ConflictError, type FieldError, InvalidInputError, NotFoundError } from '../../domain/errors.ts';
import { canManageEvent, requireEventManager } from '../../domain/matchmaking/access.ts';
import {
  type EventSettings,
  meetingsOffSlots,
  sessionsProblems,
  settingProblems,
} from '../../domain/matchmaking/setup-rules.ts';
import { eventSlots, isTimeZone } from '../../domain/matchmaking/slots.ts';
import { B2B_EVENT_INSTRUMENT_CODES, type SessionBreak } from '../../domain/matchmaking/types.ts';
import { todayIn } from '../../domain/workspaces/rules.ts';
import { cursorPosition, pageOf, parseSort } from '../../http/list-params.ts';
import { AuditRepository, type Changes, diff } from '../audit/repository.ts';
import { newSecret } from '../auth/secrets.ts';
import { type EventRef, EventRefReader } from './event-ref.ts';
import { presentSession, presentSummary, presentTable } from './presenter.ts';
import {
  type EventFilters,
  EventRepository,
  type EventRow,
  type EventSortKey,
  type EventValues,
  type SessionValues,
  type TableValues,
} from './repository.ts';
import type {
  CreateEventInput,
  EventDetailDto,
  ListEventsQuery,
  SessionInputDto,
  TableInput,
  UpdateEventInput,
} from './schema.ts';

const ELIGIBLE = new Set<string>(B2B_EVENT_INSTRUMENT_CODES);

/**
 * Use cases of an event's set-up (issue 22 item 1, decision 0034). Everyone in the workspace reads
 * the events that are not drafts; the event's managers (`canManageEvent`: coordinators, managers
 * of the activity's cluster or of a co-organising cluster) set them up. Every change is audited
 * in its transaction; a change of sessions or tables raises the event's version.
 */
export class EventService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async list(actor: Actor, query: ListEventsQuery) {
    requireAccess(actor, 'event.read');
    const events = new EventRepository(this.db);
    const today = query.when ? todayIn(await events.workspaceTimeZone(actor.workspaceId), this.clock()) : '';
    const filters: EventFilters = {
      ...(query.status ? { status: query.status } : {}),
      ...(query.when === 'upcoming' ? { endsFrom: today } : {}),
      ...(query.when === 'past' ? { endsBefore: today } : {}),
      ...(query.activityId ? { activityId: query.activityId } : {}),
      ...(query.q ? { q: query.q.toLowerCase() } : {}),
      draftsVisibleTo:
        actor.role === 'coordinator'
          ? { all: true }
          : { all: false, clusterId: actor.role === 'cluster_manager' ? actor.clusterId : null },
    };
    const after = cursorPosition(query.cursor, query.sort);
    const [rows, total] = await Promise.all([
      events.list(actor.workspaceId, filters, {
        limit: query.limit + 1,
        sort: parseSort<EventSortKey>(query.sort),
        ...(after ? { after } : {}),
      }),
      events.count(actor.workspaceId, filters),
    ]);
    const page = pageOf(rows, query.limit, query.sort);
    const counts = await events.counts(page.rows.map((r) => r.id));
    return {
      items: page.rows.map((row) => presentSummary(row, counts.get(row.id) ?? emptyCounts())),
      nextCursor: page.nextCursor,
      total,
      canCreate: roleMay(actor.role, 'event.manage'),
    };
  }

  async get(actor: Actor, eventId: string): Promise<EventDetailDto> {
    requireAccess(actor, 'event.read');
    return this.detail(this.db, actor, eventId);
  }

  private async detail(db: Kysely<DB>, actor: Actor, eventId: string): Promise<EventDetailDto> {
    const events = new EventRepository(db);
    const reader = new EventRefReader(db);
    const ref = await reader.find(actor.workspaceId, eventId);
    const canManage = canManageEvent(actor, ref);
    // A draft is the organisers' own: others do not learn it exists.
    if (ref.status === 'draft' && !canManage) throw new NotFoundError('event', eventId);
    const row = await events.findWithActivity(actor.workspaceId, eventId);
    if (!row) throw new NotFoundError('event', eventId);
    const [sessions, slots, tables, coOrganisers, counts, ownParticipant] = await Promise.all([
      events.sessions(eventId),
      reader.slots(ref),
      events.tables(eventId),
      events.coOrganisers(eventId),
      events.counts([eventId]),
      reader.ownParticipant(actor, ref),
    ]);
    return {
      ...presentSummary(row, counts.get(eventId) ?? emptyCounts()),
      description: row.description,
      videoLink: row.video_link,
      slotMinutes: row.slot_minutes,
      registrationOpensAt: row.registration_opens_at,
      registrationClosesAt: row.registration_closes_at,
      requestDeadlineAt: row.request_deadline_at,
      maxRequestsPerParticipant: row.max_requests_per_participant,
      maxRepresentatives: row.max_representatives,
      requestExpiryDays: row.request_expiry_days,
      meetingTypes: ref.meetingTypes,
      approval: row.approval,
      agendaRevision: row.agenda_revision,
      sessions: sessions.map(presentSession),
      slots,
      tables: tables.map(presentTable),
      coOrganisers: coOrganisers.map((c) => ({
        clusterId: c.cluster_id,
        name: `${c.short_name} · ${c.name}`,
      })),
      me: { canManage, participantId: ownParticipant?.id ?? null, organisationId: actor.organisationId },
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  async create(actor: Actor, input: CreateEventInput): Promise<EventDetailDto> {
    requireAccess(actor, 'event.read');
    return writeTransaction(this.db, async (trx) => {
      const events = new EventRepository(trx);
      const activity = await events.activity(actor.workspaceId, input.activityId);
      if (!activity) throw new NotFoundError('activity', input.activityId, 'body.activityId');
      if (!ELIGIBLE.has(activity.instrument_code)) {
        throw new InvalidInputError('Only an activity of a B2B instrument may hold an event', [
          {
            field: 'body.activityId',
            message: `is an activity of instrument ${activity.instrument_code}; a B2B event needs one of ${B2B_EVENT_INSTRUMENT_CODES.join(', ')}`,
          },
        ]);
      }
      requireEventManager(actor, { clusterId: activity.cluster_id, coOrganiserClusterIds: [] });
      if (await events.eventOfActivity(activity.id)) {
        throw new ConflictError(`The activity "${activity.title}" already has a B2B event: open it instead.`);
      }
      const timeZone = input.timeZone ?? (await events.workspaceTimeZone(actor.workspaceId));
      const settings: EventSettings = { ...input, timeZone };
      const problems: FieldError[] = [
        ...settingProblems(settings, activity.ends_on).map((p) => ({
          field: `body.${p.path}`,
          message: p.message,
        })),
        ...(isTimeZone(timeZone)
          ? sessionsProblems(input.sessions, input.slotMinutes, activity.starts_on, activity.ends_on).map(
              (p) => ({
                field: `body.sessions.${p.path}`,
                message: p.message,
              }),
            )
          : []),
      ];
      if (problems.length > 0) throw new InvalidInputError('The event cannot be set up like this', problems);
      const values: EventValues = {
        description: input.description,
        time_zone: timeZone,
        format: input.format,
        venue: input.venue,
        video_link: input.videoLink,
        slot_minutes: input.slotMinutes,
        registration_opens_at: input.registrationOpensAt,
        registration_closes_at: input.registrationClosesAt,
        request_deadline_at: input.requestDeadlineAt,
        max_requests_per_participant: input.maxRequestsPerParticipant,
        max_representatives: input.maxRepresentatives,
        request_expiry_days: input.requestExpiryDays,
        meeting_types: JSON.stringify(input.meetingTypes),
        approval: input.approval,
      };
      // 96 random bits: unguessable, and short enough to read out or print on a flyer.
      const slug = newSecret().slice(0, 16);
      const row = await events.create(actor.workspaceId, activity.id, slug, values);
      await events.replaceSessions(row.id, input.sessions.map(sessionValues));
      await events.insertTables(
        row.id,
        Array.from({ length: input.tableCount }, (_, i) => ({
          number: i + 1,
          name: `Table ${i + 1}`,
          reserved_participant_id: null,
          video_link: null,
        })),
      );
      await this.audit(trx, actor, 'create', row.id, {
        ...diff({}, { activity_id: activity.id, public_slug: slug, status: 'draft', ...values }),
        ...(input.sessions.length > 0 ? { sessions: [null, input.sessions] } : {}),
        ...(input.tableCount > 0 ? { tables: [null, input.tableCount] } : {}),
      });
      return this.detail(trx, actor, row.id);
    });
  }

  async update(actor: Actor, eventId: string, input: UpdateEventInput): Promise<EventDetailDto> {
    return writeTransaction(this.db, async (trx) => {
      const { ref, row, events } = await this.managed(trx, actor, eventId);
      const { version, ...rest } = input;
      const values: Partial<EventValues> = {
        ...(rest.description !== undefined ? { description: rest.description } : {}),
        ...(rest.timeZone !== undefined ? { time_zone: rest.timeZone } : {}),
        ...(rest.format !== undefined ? { format: rest.format } : {}),
        ...(rest.venue !== undefined ? { venue: rest.venue } : {}),
        ...(rest.videoLink !== undefined ? { video_link: rest.videoLink } : {}),
        ...(rest.slotMinutes !== undefined ? { slot_minutes: rest.slotMinutes } : {}),
        ...(rest.registrationOpensAt !== undefined
          ? { registration_opens_at: rest.registrationOpensAt }
          : {}),
        ...(rest.registrationClosesAt !== undefined
          ? { registration_closes_at: rest.registrationClosesAt }
          : {}),
        ...(rest.requestDeadlineAt !== undefined ? { request_deadline_at: rest.requestDeadlineAt } : {}),
        ...(rest.maxRequestsPerParticipant !== undefined
          ? { max_requests_per_participant: rest.maxRequestsPerParticipant }
          : {}),
        ...(rest.maxRepresentatives !== undefined ? { max_representatives: rest.maxRepresentatives } : {}),
        ...(rest.requestExpiryDays !== undefined ? { request_expiry_days: rest.requestExpiryDays } : {}),
        ...(rest.meetingTypes !== undefined ? { meeting_types: JSON.stringify(rest.meetingTypes) } : {}),
        ...(rest.approval !== undefined ? { approval: rest.approval } : {}),
      };
      const next = { ...row, ...values };
      const problems = settingProblems(
        {
          timeZone: next.time_zone,
          format: next.format,
          videoLink: next.video_link,
          registrationOpensAt: next.registration_opens_at,
          registrationClosesAt: next.registration_closes_at,
          requestDeadlineAt: next.request_deadline_at,
        },
        ref.endsOn,
      );
      if (problems.length > 0) {
        throw new InvalidInputError(
          'The event cannot be set up like this',
          problems.map((p) => ({ field: `body.${p.path}`, message: p.message })),
        );
      }
      if (next.slot_minutes !== row.slot_minutes || next.time_zone !== row.time_zone) {
        const sessions = (await events.sessions(eventId)).map((s) => ({
          id: s.id,
          name: s.name,
          day: s.day,
          startTime: s.start_time,
          endTime: s.end_time,
          breaks: JSON.parse(s.breaks) as SessionBreak[],
        }));
        const sessionErrors = sessionsProblems(sessions, next.slot_minutes, ref.startsOn, ref.endsOn);
        if (sessionErrors.length > 0) {
          throw new InvalidInputError('The sessions do not fit the new slot length', [
            {
              field: 'body.slotMinutes',
              message: `does not fit the sessions: ${sessionErrors.map((p) => p.message).join('; ')}`,
            },
          ]);
        }
        await this.refuseOrphanedMeetings(
          events,
          ref,
          eventSlots(sessions, next.slot_minutes, next.time_zone),
        );
      }
      const changes = diff(row, values);
      if (!(await events.update(actor.workspaceId, eventId, version, values)))
        throw stale(eventId, version, row.version);
      if (Object.keys(changes).length > 0) await this.audit(trx, actor, 'update', eventId, changes);
      return this.detail(trx, actor, eventId);
    });
  }

  async setStatus(
    actor: Actor,
    eventId: string,
    input: { status: 'draft' | 'open' | 'closed'; version?: number | undefined },
  ): Promise<EventDetailDto> {
    return writeTransaction(this.db, async (trx) => {
      const { row, events } = await this.managed(trx, actor, eventId);
      const version = input.version ?? row.version;
      if (input.status === 'open' && row.status !== 'open' && (await events.sessions(eventId)).length === 0) {
        throw new InvalidInputError('An event opens with at least one session', [
          {
            field: 'body.status',
            message: 'Add the sessions (days and times of the meetings) before opening',
          },
        ]);
      }
      if (input.status !== row.status) {
        if (!(await events.update(actor.workspaceId, eventId, version, { status: input.status }))) {
          throw stale(eventId, version, row.version);
        }
        await this.audit(trx, actor, 'update', eventId, { status: [row.status, input.status] });
      } else if (version !== row.version) {
        throw stale(eventId, version, row.version);
      }
      return this.detail(trx, actor, eventId);
    });
  }

  async delete(actor: Actor, eventId: string, version: number): Promise<void> {
    await writeTransaction(this.db, async (trx) => {
      const { row, events } = await this.managed(trx, actor, eventId);
      if (!(await events.delete(actor.workspaceId, row, version))) throw stale(eventId, version, row.version);
      const { id: _i, workspace_id: _w, version: _v, created_at: _c, updated_at: _u, ...gone } = row;
      await this.audit(
        trx,
        actor,
        'delete',
        eventId,
        Object.fromEntries(Object.entries(gone).map(([k, v]) => [k, [v, null]])),
      );
    });
  }

  async setSessions(actor: Actor, eventId: string, sessions: SessionInputDto[]): Promise<EventDetailDto> {
    return writeTransaction(this.db, async (trx) => {
      const { ref, events } = await this.managed(trx, actor, eventId);
      const problems = sessionsProblems(sessions, ref.slotMinutes, ref.startsOn, ref.endsOn);
      if (problems.length > 0) {
        throw new InvalidInputError(
          'The sessions cannot hold meeting slots like this',
          problems.map((p) => ({ field: `body.sessions.${p.path}`, message: p.message })),
        );
      }
      const slots = eventSlots(
        sessions.map((s, i) => ({ ...s, id: String(i) })),
        ref.slotMinutes,
        ref.timeZone,
      );
      await this.refuseOrphanedMeetings(events, ref, slots);
      const before = (await events.sessions(eventId)).map(presentSession).map(({ id: _id, ...s }) => s);
      await events.replaceSessions(eventId, sessions.map(sessionValues));
      await events.touch(eventId);
      await this.audit(trx, actor, 'update', eventId, { sessions: [before, sessions] });
      return this.detail(trx, actor, eventId);
    });
  }

  async setTables(actor: Actor, eventId: string, tables: TableInput[]) {
    return writeTransaction(this.db, async (trx) => {
      const { events } = await this.managed(trx, actor, eventId);
      await this.applyTables(trx, actor, events, eventId, tables);
      return this.tablesOf(events, eventId, true);
    });
  }

  /** The tables, and for the event's managers the approved participants a table may be reserved for. */
  async getTables(actor: Actor, eventId: string) {
    requireAccess(actor, 'event.read');
    const events = new EventRepository(this.db);
    const ref = await new EventRefReader(this.db).find(actor.workspaceId, eventId);
    const canManage = canManageEvent(actor, ref);
    if (ref.status === 'draft' && !canManage) throw new NotFoundError('event', eventId);
    return this.tablesOf(events, eventId, canManage);
  }

  private async tablesOf(events: EventRepository, eventId: string, withReservable: boolean) {
    const [tables, reservable] = await Promise.all([
      events.tables(eventId),
      withReservable ? events.approvedParticipants(eventId) : Promise.resolve([]),
    ]);
    return { tables: tables.map(presentTable), reservable };
  }

  async generateTables(actor: Actor, eventId: string, input: { count: number; prefix: string }) {
    return writeTransaction(this.db, async (trx) => {
      const { events } = await this.managed(trx, actor, eventId);
      const current = new Map((await events.tables(eventId)).map((t) => [t.number, t]));
      const tables: TableInput[] = Array.from({ length: input.count }, (_, i) => {
        const existing = current.get(i + 1);
        return {
          number: i + 1,
          name: `${input.prefix} ${i + 1}`,
          reservedParticipantId: existing?.reserved_participant_id ?? null,
          videoLink: existing?.video_link ?? null,
        };
      });
      await this.applyTables(trx, actor, events, eventId, tables);
      return this.tablesOf(events, eventId, true);
    });
  }

  async setCoOrganisers(actor: Actor, eventId: string, clusterIds: string[]): Promise<EventDetailDto> {
    return writeTransaction(this.db, async (trx) => {
      const { ref, events } = await this.managed(trx, actor, eventId);
      const known = await events.clusters(actor.workspaceId, clusterIds);
      clusterIds.forEach((clusterId, i) => {
        if (!known.has(clusterId)) throw new NotFoundError('cluster', clusterId, `body.clusterIds.${i}`);
      });
      const next = [...new Set(clusterIds)].sort();
      await events.replaceCoOrganisers(eventId, next);
      await events.touch(eventId);
      await this.audit(trx, actor, 'update', eventId, { co_organisers: [ref.coOrganiserClusterIds, next] });
      return this.detail(trx, actor, eventId);
    });
  }

  /**
   * Sets the event's tables by number: a number already there keeps its table (its meetings stay),
   * a new number adds one, a number left out removes its table unless a scheduled meeting is there.
   */
  private async applyTables(
    trx: Kysely<DB>,
    actor: Actor,
    events: EventRepository,
    eventId: string,
    tables: TableInput[],
  ): Promise<void> {
    const errors: FieldError[] = [];
    const numbers = new Map<number, number>();
    tables.forEach((t, i) => {
      const first = numbers.get(t.number);
      if (first !== undefined) {
        errors.push({ field: `body.tables.${i}.number`, message: `Table number ${t.number} is used twice` });
      } else numbers.set(t.number, i);
    });
    const reservedIds = [
      ...new Set(tables.flatMap((t) => (t.reservedParticipantId ? [t.reservedParticipantId] : []))),
    ];
    const participants = new Map((await events.participants(eventId, reservedIds)).map((p) => [p.id, p]));
    const holder = new Map<string, number>();
    tables.forEach((t, i) => {
      const pid = t.reservedParticipantId;
      if (!pid) return;
      const participant = participants.get(pid);
      if (!participant)
        throw new NotFoundError('participant of this event', pid, `body.tables.${i}.reservedParticipantId`);
      if (participant.status !== 'approved') {
        errors.push({
          field: `body.tables.${i}.reservedParticipantId`,
          message: `${participant.name} is not an approved participant of this event`,
        });
      }
      const other = holder.get(pid);
      if (other !== undefined) {
        errors.push({
          field: `body.tables.${i}.reservedParticipantId`,
          message: `Reserved table used twice: ${participant.name} already holds table ${tables[other]?.number}`,
        });
      } else holder.set(pid, i);
    });
    if (errors.length > 0) throw new InvalidInputError('The tables cannot be set like this', errors);

    const current = await events.tables(eventId);
    const byNumber = new Map(current.map((t) => [t.number, t]));
    const removed = current.filter((t) => !numbers.has(t.number));
    if (removed.length > 0) {
      const removedIds = new Set(removed.map((t) => t.id));
      const busy = (await events.scheduledMeetings(eventId)).filter(
        (m) => m.table_id && removedIds.has(m.table_id),
      );
      if (busy.length > 0) {
        const names = [...new Set(busy.map((m) => removed.find((t) => t.id === m.table_id)?.name))].join(
          ', ',
        );
        throw new ConflictError(
          `${busy.length} scheduled meeting${busy.length === 1 ? ' is' : 's are'} at ${names}: move or cancel ${busy.length === 1 ? 'it' : 'them'} before removing the table.`,
        );
      }
      await events.deleteTables(
        eventId,
        removed.map((t) => t.id),
      );
    }
    const added: TableValues[] = [];
    let changed = 0;
    for (const t of tables) {
      const values: TableValues = {
        number: t.number,
        name: t.name,
        reserved_participant_id: t.reservedParticipantId,
        video_link: t.videoLink,
      };
      const existing = byNumber.get(t.number);
      if (!existing) added.push(values);
      else if (
        existing.name !== values.name ||
        existing.reserved_participant_id !== values.reserved_participant_id ||
        existing.video_link !== values.video_link
      ) {
        await events.updateTable(existing.id, values);
        changed++;
      }
    }
    await events.insertTables(eventId, added);
    if (added.length + changed + removed.length === 0) return;
    await events.touch(eventId);
    const summary = (list: { number: number; name: string; reserved_participant_id: string | null }[]) =>
      list.map(
        (t) =>
          `${t.number} ${t.name}${t.reserved_participant_id ? ` (reserved ${t.reserved_participant_id})` : ''}`,
      );
    await this.audit(trx, actor, 'update', eventId, {
      tables: [
        summary(current),
        summary(tables.map((t) => ({ ...t, reserved_participant_id: t.reservedParticipantId }))),
      ],
    });
  }

  /** After publication, a change of the slots may not leave a scheduled meeting outside them (409). */
  private async refuseOrphanedMeetings(
    events: EventRepository,
    ref: EventRef,
    slots: readonly { startsAt: string }[],
  ): Promise<void> {
    if (!ref.publishedAt) return;
    const off = meetingsOffSlots(await events.scheduledMeetings(ref.id), slots);
    if (off.length > 0) {
      throw new ConflictError(
        `${off.length} scheduled meeting${off.length === 1 ? ' would' : 's would'} fall outside the new slots of this published event: cancel or move ${off.length === 1 ? 'it' : 'them'} first, or keep their times.`,
      );
    }
  }

  private async managed(trx: Kysely<DB>, actor: Actor, eventId: string) {
    const events = new EventRepository(trx);
    const ref = await new EventRefReader(trx).find(actor.workspaceId, eventId);
    requireEventManager(actor, ref);
    const row = (await events.find(actor.workspaceId, eventId)) as EventRow;
    return { ref, row, events };
  }

  private audit(
    trx: Kysely<DB>,
    actor: Actor,
    action: 'create' | 'update' | 'delete',
    eventId: string,
    changes: Changes,
  ): Promise<void> {
    return new AuditRepository(trx).record({
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action,
      entityType: 'b2b_event',
      entityId: eventId,
      changes,
    });
  }
}

function sessionValues(s: SessionInputDto): SessionValues {
  return {
    name: s.name,
    day: s.day,
    start_time: s.startTime,
    end_time: s.endTime,
    breaks: JSON.stringify(s.breaks),
  };
}

function emptyCounts() {
  return {
    participants: { unconfirmed: 0, pending: 0, approved: 0, rejected: 0, cancelled: 0 },
    acceptedRequests: 0,
    meetings: 0,
    meetingsHeld: 0,
  };
}

function stale(eventId: string, sent: number, current: number): ConflictError {
  return new ConflictError(
    `The event ${eventId} changed since you read it (version ${sent}, now ${current}): reload it and try again.`,
    current,
  );
}
