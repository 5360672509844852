import type { Kysely } from 'kysely';
import { newId, nowIso } from '../../db/ids.ts';
import type { DB } from '../../db/schema.ts';
import { isUniqueViolation } from '../../db/unique-keys.ts';
import { markEvidence, writeTransaction } from '../../db/write-transaction.ts';
import { type Actor, requireAccess } from '../../domain/access/policy.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../../domain/errors.ts';
import { requireEventManager } from '../../domain/matchmaking/access.ts';
import { buildScheduleProblem, capacityProblems } from '../../domain/matchmaking/schedule-problem.ts';
import type {
  ParticipantBreaks,
  RunAssignment,
  RunMode,
  RunStatus,
  UnplacedRequest,
} from '../../domain/matchmaking/types.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import { JobRepository } from '../../jobs/repository.ts';
import { AuditRepository } from '../audit/repository.ts';
import { type EventRef, EventRefReader } from '../b2b-events/event-ref.ts';
import { scheduleFingerprint, staleParts } from './fingerprint.ts';
import { parseJson, ScheduleRepository } from './repository.ts';
import type { MeetingsQuery, StartRunInput } from './schema.ts';

export const SCHEDULE_JOB_KIND = 'b2b-schedule';
const DIFF_ITEMS_MAX = 500;

type RunRow = NonNullable<Awaited<ReturnType<ScheduleRepository['findRun']>>>;

function staleConflict(what: string, parts: string[]): ConflictError {
  return new ConflictError(
    `${what}: ${parts.join(', ')} changed since the run was made (publishing a schedule that no longer matches the accepted requests is refused). Run the scheduler again.`,
  );
}

/** Scheduling an event (organisers only): runs of the engine, their review, apply, publish. */
export class ScheduleService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly queue: Pick<JobQueue, 'notify'>,
  ) {}

  private async managedEvent(actor: Actor, eventId: string): Promise<EventRef> {
    requireAccess(actor, 'event.read');
    const event = await new EventRefReader(this.db).find(actor.workspaceId, eventId);
    requireEventManager(actor, event);
    return event;
  }

  async overview(actor: Actor, eventId: string) {
    const event = await this.managedEvent(actor, eventId);
    const repo = new ScheduleRepository(this.db);
    const input = await repo.input(event, event.publishedAt ? 'reschedule' : 'full');
    const built = buildScheduleProblem(input);
    const names = built.participantIds.map((id) => input.participants.find((p) => p.id === id)?.name ?? id);
    const placedIds = new Set(input.current.map((c) => c.requestId));
    const unscheduled = input.requests.filter((r) => !placedIds.has(r.id)).length;
    const cancelled = event.publishedAt
      ? Number(
          (
            await this.db
              .selectFrom('b2b_meeting')
              .where('event_id', '=', event.id)
              .where('status', '=', 'cancelled')
              .where('published', '=', 1)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        )
      : 0;
    const active = await repo.activeRun(event.id);
    const applied = await repo.lastApplied(event.workspaceId, event.id);
    const stale = applied
      ? staleParts(applied.fingerprint, scheduleFingerprint({ ...input, mode: applied.mode }))
      : [];
    return {
      timeZone: event.timeZone,
      slots: input.slots.length,
      tables: input.tables.length,
      capacity: input.slots.length * input.tables.length,
      participants: input.participants.length,
      acceptedRequests: input.requests.length,
      overCapacity: capacityProblems(built.problem, names),
      meetings: input.current.length,
      unscheduled,
      cancelledSincePublication: cancelled,
      publishedAt: event.publishedAt,
      agendaRevision: event.agendaRevision,
      eventVersion: event.version,
      activeRunId: active?.id ?? null,
      appliedRunId: applied?.id ?? null,
      stale,
      rescheduleNeeded: event.publishedAt !== null && (unscheduled > 0 || cancelled > 0),
    };
  }

  async startRun(actor: Actor, eventId: string, body: StartRunInput) {
    const event = await this.managedEvent(actor, eventId);
    const repo = new ScheduleRepository(this.db);
    if (body.mode === 'reschedule' && !event.publishedAt)
      throw new InvalidInputError('A reschedule keeps the published meetings: publish a schedule first', [
        { field: 'body.mode', message: 'reschedule is only possible after publication' },
      ]);
    const input = await repo.input(event, body.mode);
    if (input.slots.length === 0)
      throw new ConflictError('The event has no meeting slots: add a session in its set-up first.');
    if (input.tables.length === 0)
      throw new ConflictError('The event has no tables: add tables in its set-up first.');
    if (input.requests.length === 0)
      throw new ConflictError('There is no accepted meeting request to schedule.');
    const active = await repo.activeRun(event.id);
    if (active) throw runningConflict();
    const fingerprint = scheduleFingerprint(input);
    const runId = newId();
    await writeTransaction(this.db, async (trx) => {
      const job = await new JobRepository(trx).insert({
        workspaceId: event.workspaceId,
        kind: SCHEDULE_JOB_KIND,
        params: { runId, eventId: event.id },
        createdBy: actor.userId,
      });
      const values = {
        id: runId,
        workspace_id: event.workspaceId,
        event_id: event.id,
        job_id: job.id,
        mode: body.mode,
        status: 'queued' as const,
        requested: input.requests.length,
        time_limit_seconds: body.timeLimitSeconds,
        fingerprint,
        created_by: actor.userId,
        created_at: nowIso(),
      };
      await trx.insertInto('b2b_schedule_run').values(values).execute();
      await new AuditRepository(trx).record({
        workspaceId: event.workspaceId,
        actorUserId: actor.userId,
        action: 'create',
        entityType: 'b2b_schedule_run',
        entityId: runId,
        changes: {
          event_id: [null, event.id],
          mode: [null, body.mode],
          time_limit_seconds: [null, body.timeLimitSeconds],
          requested: [null, input.requests.length],
        },
      });
    }).catch((error: unknown) => {
      if (isUniqueViolation(error)) throw runningConflict();
      throw error;
    });
    this.queue.notify();
    return this.getRun(actor, eventId, runId);
  }

  async listRuns(actor: Actor, eventId: string) {
    const event = await this.managedEvent(actor, eventId);
    const rows = await new ScheduleRepository(this.db).listRuns(event.workspaceId, event.id, 100);
    return { items: rows.map(presentSummary) };
  }

  private async run(event: EventRef, runId: string): Promise<RunRow> {
    const row = await new ScheduleRepository(this.db).findRun(event.workspaceId, event.id, runId);
    if (!row) throw new NotFoundError('schedule run', runId);
    return row;
  }

  async getRun(actor: Actor, eventId: string, runId: string) {
    const event = await this.managedEvent(actor, eventId);
    const row = await this.run(event, runId);
    const repo = new ScheduleRepository(this.db);
    const names = await repo.participantNames(event.id);
    const assignments = parseJson<RunAssignment[]>(row.assignments, []);
    const unplaced = parseJson<UnplacedRequest[]>(row.unplaced, []);
    const breaks = parseJson<ParticipantBreaks[]>(row.participant_breaks, []);
    const current = await repo.currentMeetings(event.id);
    const live = current.filter((m) => m.status !== 'cancelled');
    const sides = await repo.requestSides(event.id, [
      ...new Set([
        ...assignments.map((a) => a.requestId),
        ...unplaced.map((u) => u.requestId),
        ...live.map((m) => m.request_id),
      ]),
    ]);
    const person = (id: string | undefined) => ({ id: id ?? '', name: (id && names.get(id)) ?? '' });
    const sidesOf = (requestId: string) => {
      const s = sides.get(requestId);
      return { from: person(s?.from), to: person(s?.to) };
    };
    let difference = null;
    let stale: string[] = [];
    if (row.status === 'done' || row.status === 'applied') {
      const tables = await repo.tableNames(event.id);
      const tableName = (id: string | null) => (id ? (tables.get(id) ?? null) : null);
      const before = new Map(live.map((m) => [m.request_id, m]));
      const items: {
        kind: 'added' | 'removed' | 'moved';
        requestId: string;
        from: { id: string; name: string };
        to: { id: string; name: string };
        before: { slotStartsAt: string; tableName: string | null } | null;
        after: { slotStartsAt: string; tableName: string | null } | null;
      }[] = [];
      let added = 0;
      let moved = 0;
      let unchanged = 0;
      const inRun = new Set<string>();
      for (const a of assignments) {
        inRun.add(a.requestId);
        const b = before.get(a.requestId);
        const after = { slotStartsAt: a.slotStartsAt, tableName: tableName(a.tableId) };
        if (!b) {
          added++;
          if (items.length < DIFF_ITEMS_MAX)
            items.push({
              kind: 'added',
              requestId: a.requestId,
              ...sidesOf(a.requestId),
              before: null,
              after,
            });
        } else if (b.slot_starts_at !== a.slotStartsAt || b.table_id !== a.tableId) {
          moved++;
          if (items.length < DIFF_ITEMS_MAX)
            items.push({
              kind: 'moved',
              requestId: a.requestId,
              ...sidesOf(a.requestId),
              before: { slotStartsAt: b.slot_starts_at, tableName: tableName(b.table_id) },
              after,
            });
        } else unchanged++;
      }
      let removed = 0;
      for (const m of live)
        if (!inRun.has(m.request_id)) {
          removed++;
          if (items.length < DIFF_ITEMS_MAX)
            items.push({
              kind: 'removed',
              requestId: m.request_id,
              ...sidesOf(m.request_id),
              before: { slotStartsAt: m.slot_starts_at, tableName: tableName(m.table_id) },
              after: null,
            });
        }
      // the applied run's difference is against the schedule it made: nothing to show
      difference = row.status === 'done' ? { added, removed, moved, unchanged, items } : null;
      if (row.status === 'done') {
        const input = await repo.input(event, row.mode);
        stale = staleParts(row.fingerprint, scheduleFingerprint(input));
      }
    }
    return {
      ...presentSummary(row),
      unplaced: unplaced.map((u) => ({ requestId: u.requestId, ...sidesOf(u.requestId), reason: u.reason })),
      participantBreaks: breaks
        .filter((b) => names.has(b.participantId))
        .map((b) => ({
          participantId: b.participantId,
          name: names.get(b.participantId) ?? '',
          breaks: b.breaks,
        }))
        .sort((a, b) => b.breaks - a.breaks || a.name.localeCompare(b.name)),
      difference,
      stale,
    };
  }

  /**
   * Makes a finished run's assignments the current schedule: meetings it does not place are
   * removed (cancelled ones stay as they are), moved ones keep their row, new ones are inserted;
   * a change to a published meeting raises the event's agenda revision.
   */
  async apply(actor: Actor, eventId: string, runId: string) {
    const event = await this.managedEvent(actor, eventId);
    const row = await this.run(event, runId);
    if (row.status !== 'done')
      throw new ConflictError(`This run cannot be applied: it is ${row.status.replace('_', ' ')}.`);
    if (row.result_status !== 'optimal' && row.result_status !== 'feasible')
      throw new ConflictError('This run found no schedule to apply.');
    const repo = new ScheduleRepository(this.db);
    const stale = staleParts(row.fingerprint, scheduleFingerprint(await repo.input(event, row.mode)));
    if (stale.length > 0) throw staleConflict('This run no longer matches the event', stale);
    const assignments = parseJson<RunAssignment[]>(row.assignments, []);
    const slotEnd = (startsAt: string) =>
      new Date(Date.parse(startsAt) + event.slotMinutes * 60_000).toISOString();
    await writeTransaction(this.db, async (trx) => {
      const now = nowIso();
      const current = await new ScheduleRepository(trx).currentMeetings(event.id);
      const byRequest = new Map(current.map((m) => [m.request_id, m]));
      const wanted = new Map(assignments.map((a) => [a.requestId, a]));
      let publishedChanged = false;
      let written = false;
      const toDelete = current.filter((m) => m.status !== 'cancelled' && !wanted.has(m.request_id));
      if (toDelete.length > 0) {
        for (let i = 0; i < toDelete.length; i += 500)
          await trx
            .deleteFrom('b2b_meeting')
            .where(
              'id',
              'in',
              toDelete.slice(i, i + 500).map((m) => m.id),
            )
            .execute();
        publishedChanged ||= toDelete.some((m) => m.published === 1);
        written = true;
      }
      const moved = assignments
        .map((a) => ({ a, m: byRequest.get(a.requestId) }))
        .filter(
          (x): x is { a: RunAssignment; m: (typeof current)[number] } =>
            x.m !== undefined &&
            x.m.status !== 'cancelled' &&
            (x.m.slot_starts_at !== x.a.slotStartsAt || x.m.table_id !== x.a.tableId),
        );
      // free the moved meetings' tables first: the one-meeting-per-table-and-slot index holds at every step
      for (let i = 0; i < moved.length; i += 500)
        await trx
          .updateTable('b2b_meeting')
          .set({ table_id: null })
          .where(
            'id',
            'in',
            moved.slice(i, i + 500).map((x) => x.m.id),
          )
          .execute();
      for (const { a, m } of moved) {
        await trx
          .updateTable('b2b_meeting')
          .set({
            slot_starts_at: a.slotStartsAt,
            slot_ends_at: slotEnd(a.slotStartsAt),
            table_id: a.tableId,
            run_id: row.id,
            version: m.version + 1,
            updated_at: now,
          })
          .where('id', '=', m.id)
          .execute();
        publishedChanged ||= m.published === 1;
        written = true;
      }
      const fresh = assignments.filter((a) => !byRequest.has(a.requestId));
      for (let i = 0; i < fresh.length; i += 200) {
        await trx
          .insertInto('b2b_meeting')
          .values(
            fresh.slice(i, i + 200).map((a) => ({
              id: newId(),
              workspace_id: event.workspaceId,
              event_id: event.id,
              request_id: a.requestId,
              slot_starts_at: a.slotStartsAt,
              slot_ends_at: slotEnd(a.slotStartsAt),
              table_id: a.tableId,
              status: 'scheduled' as const,
              status_by: null,
              status_changed_at: null,
              published: 0,
              run_id: row.id,
              interaction_id: null,
              created_at: now,
              updated_at: now,
            })),
          )
          .execute();
        written = true;
      }
      if (written) markEvidence(trx, [event.activityId]);
      const done = await trx
        .updateTable('b2b_schedule_run')
        .set({ status: 'applied', applied_at: now })
        .where('id', '=', row.id)
        .where('status', '=', 'done')
        .executeTakeFirst();
      if (Number(done.numUpdatedRows) !== 1)
        throw new ConflictError('This run was applied or discarded meanwhile.');
      if (publishedChanged)
        await trx
          .updateTable('b2b_event')
          .set((eb) => ({
            agenda_revision: eb('agenda_revision', '+', 1),
            version: eb('version', '+', 1),
            updated_at: now,
          }))
          .where('id', '=', event.id)
          .execute();
      await new AuditRepository(trx).record({
        workspaceId: event.workspaceId,
        actorUserId: actor.userId,
        action: 'update',
        entityType: 'b2b_schedule_run',
        entityId: row.id,
        changes: {
          status: ['done', 'applied'],
          meetings_added: [null, fresh.length],
          meetings_moved: [null, moved.length],
          meetings_removed: [null, toDelete.length],
        },
      });
    });
    return this.getRun(actor, eventId, runId);
  }

  async discard(actor: Actor, eventId: string, runId: string) {
    const event = await this.managedEvent(actor, eventId);
    const row = await this.run(event, runId);
    const discardable: RunStatus[] = ['queued', 'running', 'done', 'failed'];
    if (!discardable.includes(row.status)) throw new ConflictError(`This run is already ${row.status}.`);
    await writeTransaction(this.db, async (trx) => {
      const r = await trx
        .updateTable('b2b_schedule_run')
        .set({ status: 'discarded', finished_at: row.finished_at ?? nowIso() })
        .where('id', '=', row.id)
        .where('status', '=', row.status)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw new ConflictError('This run changed meanwhile; reload.');
      await new AuditRepository(trx).record({
        workspaceId: event.workspaceId,
        actorUserId: actor.userId,
        action: 'update',
        entityType: 'b2b_schedule_run',
        entityId: row.id,
        changes: { status: [row.status, 'discarded'] },
      });
    });
    return this.getRun(actor, eventId, runId);
  }

  async meetings(actor: Actor, eventId: string, query: MeetingsQuery) {
    const event = await this.managedEvent(actor, eventId);
    const [rows, total] = await new ScheduleRepository(this.db).meetingsPage(
      event.workspaceId,
      event.id,
      query,
    );
    return {
      total: Number(total.n),
      items: rows.map((m) => ({
        id: m.id,
        requestId: m.request_id,
        slotStartsAt: m.slot_starts_at,
        slotEndsAt: m.slot_ends_at,
        table:
          m.table_id && m.table_name !== null && m.table_number !== null
            ? { id: m.table_id, name: m.table_name, number: m.table_number }
            : null,
        status: m.status,
        published: Number(m.published) === 1,
        priority: m.priority,
        from: { id: m.from_participant_id, name: m.from_name },
        to: { id: m.to_participant_id, name: m.to_name },
      })),
    };
  }

  /** Freezes the agendas: every current meeting published, the event's revision raised. */
  async publish(actor: Actor, eventId: string, version: number) {
    const event = await this.managedEvent(actor, eventId);
    if (event.version !== version)
      throw new ConflictError('The event changed since you read it; reload and try again.', event.version);
    const repo = new ScheduleRepository(this.db);
    const applied = await repo.lastApplied(event.workspaceId, event.id);
    if (!applied)
      throw new ConflictError('There is no schedule to publish: run the scheduler and apply a run first.');
    const stale = staleParts(applied.fingerprint, scheduleFingerprint(await repo.input(event, applied.mode)));
    if (stale.length > 0) throw staleConflict('The schedule cannot be published', stale);
    const now = nowIso();
    return writeTransaction(this.db, async (trx) => {
      const updated = await trx
        .updateTable('b2b_meeting')
        .set({ published: 1, updated_at: now })
        .where('event_id', '=', event.id)
        .where('status', '<>', 'cancelled')
        .where('published', '=', 0)
        .executeTakeFirst();
      const count = await trx
        .selectFrom('b2b_meeting')
        .where('event_id', '=', event.id)
        .where('status', '<>', 'cancelled')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const r = await trx
        .updateTable('b2b_event')
        .set((eb) => ({
          published_at: now,
          published_run_id: applied.id,
          agenda_revision: eb('agenda_revision', '+', 1),
          version: eb('version', '+', 1),
          updated_at: now,
        }))
        .where('id', '=', event.id)
        .where('version', '=', version)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1)
        throw new ConflictError('The event changed meanwhile; reload and try again.');
      await new AuditRepository(trx).record({
        workspaceId: event.workspaceId,
        actorUserId: actor.userId,
        action: 'update',
        entityType: 'b2b_event',
        entityId: event.id,
        changes: {
          published_at: [event.publishedAt, now],
          published_run_id: [event.publishedRunId, applied.id],
          agenda_revision: [event.agendaRevision, event.agendaRevision + 1],
          meetings_published: [null, Number(updated.numUpdatedRows)],
        },
      });
      return {
        publishedAt: now,
        meetings: Number(count.n),
        agendaRevision: event.agendaRevision + 1,
        version: version + 1,
      };
    });
  }
}

function runningConflict(): ConflictError {
  return new ConflictError(
    'A scheduler run of this event is already queued or running: wait for it or discard it.',
  );
}

export function presentSummary(
  row:
    | RunRow
    | (Omit<RunRow, 'job_progress' | 'job_message'> & {
        job_progress?: number | null;
        job_message?: string | null;
      }),
) {
  const breaks = parseJson<ParticipantBreaks[]>(row.participant_breaks, []);
  const finished = row.status === 'done' || row.status === 'applied' || row.status === 'discarded';
  const progress = row.status === 'queued' ? 0 : row.status === 'running' ? Number(row.job_progress ?? 0) : 1;
  return {
    id: row.id,
    mode: row.mode as RunMode,
    status: row.status,
    resultStatus: row.result_status,
    progress,
    progressMessage: row.status === 'running' || row.status === 'queued' ? (row.job_message ?? null) : null,
    breaks: row.breaks,
    lowerBound: row.lower_bound,
    waits:
      finished && row.result_status && row.result_status !== 'infeasible' && row.result_status !== 'unknown'
        ? breaks.reduce((a, b) => a + b.breaks, 0)
        : null,
    requested: row.requested,
    placed: row.placed,
    changes: row.changes,
    timeLimitSeconds: row.time_limit_seconds,
    seconds: row.seconds,
    explanation: row.explanation,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
    appliedAt: row.applied_at,
  };
}
