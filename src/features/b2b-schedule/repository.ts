import { type Kysely, sql } from 'kysely';
import { nowIso } from '../../db/ids.ts';
import type { DB } from '../../db/schema.ts';
import type { ScheduleInput } from '../../domain/matchmaking/schedule-problem.ts';
import type { RunMode } from '../../domain/matchmaking/types.ts';
import { type EventRef, EventRefReader } from '../b2b-events/event-ref.ts';

/** The SQL of scheduling: what a run is given, the runs, and the current schedule's meetings. */
export class ScheduleRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /**
   * What the scheduler is given for the event now: its slots, tables, approved participants (with
   * their number of representatives), accepted requests (those of a cancelled meeting left out:
   * they are not placed again) and the current schedule's meetings that are not cancelled.
   */
  async input(event: EventRef, mode: RunMode): Promise<ScheduleInput> {
    const slots = await new EventRefReader(this.db).slots(event);
    const tables = await this.db
      .selectFrom('b2b_table')
      .where('event_id', '=', event.id)
      .select(['id', 'number', 'reserved_participant_id'])
      .orderBy('number')
      .execute();
    const participants = await this.db
      .selectFrom('b2b_participant as p')
      .where('p.event_id', '=', event.id)
      .where('p.workspace_id', '=', event.workspaceId)
      .where('p.status', '=', 'approved')
      .select((eb) => [
        'p.id',
        'p.name',
        'p.unavailable',
        eb
          .selectFrom('b2b_representative as r')
          .whereRef('r.participant_id', '=', 'p.id')
          .select((e) => e.fn.countAll<number>().as('n'))
          .as('representatives'),
      ])
      .orderBy('p.id')
      .execute();
    const requests = await this.db
      .selectFrom('b2b_request as q')
      .where('q.event_id', '=', event.id)
      .where('q.workspace_id', '=', event.workspaceId)
      .where('q.status', '=', 'accepted')
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('b2b_meeting as m')
              .whereRef('m.request_id', '=', 'q.id')
              .where('m.status', '=', 'cancelled')
              .select('m.id'),
          ),
        ),
      )
      .select(['q.id', 'q.from_participant_id', 'q.to_participant_id', 'q.priority'])
      .orderBy('q.id')
      .execute();
    const current = await this.db
      .selectFrom('b2b_meeting')
      .where('event_id', '=', event.id)
      .where('workspace_id', '=', event.workspaceId)
      .where('status', '<>', 'cancelled')
      .select(['request_id', 'slot_starts_at', 'table_id', 'published'])
      .orderBy('request_id')
      .execute();
    return {
      mode,
      slots: slots.map((s) => ({ number: s.number, sessionId: s.sessionId, startsAt: s.startsAt })),
      tables: tables.map((t) => ({
        id: t.id,
        number: t.number,
        reservedParticipantId: t.reserved_participant_id,
      })),
      participants: participants.map((p) => ({
        id: p.id,
        name: p.name,
        representatives: Math.max(1, Number(p.representatives ?? 1)),
        unavailable: parseStrings(p.unavailable),
      })),
      requests: requests.map((r) => ({
        id: r.id,
        fromParticipantId: r.from_participant_id,
        toParticipantId: r.to_participant_id,
        priority: r.priority,
      })),
      current: current.map((c) => ({
        requestId: c.request_id,
        slotStartsAt: c.slot_starts_at,
        tableId: c.table_id,
        published: Number(c.published) === 1,
      })),
    };
  }

  findRun(workspaceId: string, eventId: string, runId: string) {
    return this.db
      .selectFrom('b2b_schedule_run as r')
      .leftJoin('job as j', 'j.id', 'r.job_id')
      .where('r.workspace_id', '=', workspaceId)
      .where('r.event_id', '=', eventId)
      .where('r.id', '=', runId)
      .selectAll('r')
      .select(['j.progress as job_progress', 'j.message as job_message'])
      .executeTakeFirst();
  }

  /** A run by id alone (the job handler: the job carries its workspace). */
  runById(workspaceId: string, runId: string) {
    return this.db
      .selectFrom('b2b_schedule_run')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', runId)
      .selectAll()
      .executeTakeFirst();
  }

  listRuns(workspaceId: string, eventId: string, limit: number) {
    return this.db
      .selectFrom('b2b_schedule_run as r')
      .leftJoin('job as j', 'j.id', 'r.job_id')
      .where('r.workspace_id', '=', workspaceId)
      .where('r.event_id', '=', eventId)
      .selectAll('r')
      .select(['j.progress as job_progress', 'j.message as job_message'])
      .orderBy('r.created_at', 'desc')
      .orderBy('r.id', 'desc')
      .limit(limit)
      .execute();
  }

  activeRun(eventId: string) {
    return this.db
      .selectFrom('b2b_schedule_run')
      .where('event_id', '=', eventId)
      .where('status', 'in', ['queued', 'running'])
      .select(['id', 'status'])
      .executeTakeFirst();
  }

  /** The run whose schedule was applied last (the current schedule's origin), if any. */
  lastApplied(workspaceId: string, eventId: string) {
    return this.db
      .selectFrom('b2b_schedule_run')
      .where('workspace_id', '=', workspaceId)
      .where('event_id', '=', eventId)
      .where('status', '=', 'applied')
      .selectAll()
      .orderBy('applied_at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst();
  }

  /** Names of participants by id (for unplaced requests, breaks and differences). */
  async participantNames(eventId: string): Promise<Map<string, string>> {
    const rows = await this.db
      .selectFrom('b2b_participant')
      .where('event_id', '=', eventId)
      .select(['id', 'name'])
      .execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** Sides of the event's requests by id. */
  async requestSides(eventId: string, ids: readonly string[]) {
    const out = new Map<string, { from: string; to: string }>();
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await this.db
        .selectFrom('b2b_request')
        .where('event_id', '=', eventId)
        .where('id', 'in', ids.slice(i, i + 500))
        .select(['id', 'from_participant_id', 'to_participant_id'])
        .execute();
      for (const r of rows) out.set(r.id, { from: r.from_participant_id, to: r.to_participant_id });
    }
    return out;
  }

  async tableNames(eventId: string): Promise<Map<string, string>> {
    const rows = await this.db
      .selectFrom('b2b_table')
      .where('event_id', '=', eventId)
      .select(['id', 'name'])
      .execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** The current schedule's meetings (all statuses), with ids for apply. */
  currentMeetings(eventId: string) {
    return this.db
      .selectFrom('b2b_meeting')
      .where('event_id', '=', eventId)
      .selectAll()
      .orderBy('slot_starts_at')
      .orderBy('id')
      .execute();
  }

  /** A page of the current schedule with names, optionally of one participant. */
  meetingsPage(
    workspaceId: string,
    eventId: string,
    options: { participantId?: string | undefined; limit: number; offset: number },
  ) {
    let q = this.db
      .selectFrom('b2b_meeting as m')
      .innerJoin('b2b_request as q', 'q.id', 'm.request_id')
      .innerJoin('b2b_participant as a', 'a.id', 'q.from_participant_id')
      .innerJoin('b2b_participant as b', 'b.id', 'q.to_participant_id')
      .leftJoin('b2b_table as t', 't.id', 'm.table_id')
      .where('m.workspace_id', '=', workspaceId)
      .where('m.event_id', '=', eventId);
    if (options.participantId) {
      const p = options.participantId;
      q = q.where((eb) => eb.or([eb('q.from_participant_id', '=', p), eb('q.to_participant_id', '=', p)]));
    }
    const total = q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const items = q
      .select([
        'm.id',
        'm.request_id',
        'm.slot_starts_at',
        'm.slot_ends_at',
        'm.table_id',
        't.name as table_name',
        't.number as table_number',
        'm.status',
        'm.published',
        'm.version',
        'q.priority',
        'q.from_participant_id',
        'a.name as from_name',
        'q.to_participant_id',
        'b.name as to_name',
      ])
      .orderBy('m.slot_starts_at')
      .orderBy(sql`coalesce(t.number, 0)`)
      .orderBy('m.id')
      .limit(options.limit)
      .offset(options.offset)
      .execute();
    return Promise.all([items, total]);
  }

  async markRunning(runId: string): Promise<boolean> {
    const r = await this.db
      .updateTable('b2b_schedule_run')
      .set({ status: 'running' })
      .where('id', '=', runId)
      .where('status', 'in', ['queued', 'running'])
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async fail(runId: string, explanation: string): Promise<void> {
    await this.db
      .updateTable('b2b_schedule_run')
      .set({ status: 'failed', explanation, finished_at: nowIso() })
      .where('id', '=', runId)
      .where('status', 'in', ['queued', 'running'])
      .execute();
  }
}

export function parseStrings(json: string): string[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export function parseJson<T>(json: string | null, fallback: T): T {
  if (!json) return fallback;
  try {
    return JSON.parse(json) as T;
  } catch {
    return fallback;
  }
}
