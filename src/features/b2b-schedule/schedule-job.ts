import type { Kysely } from 'kysely';
import { z } from 'zod';
import { nowIso } from '../../db/ids.ts';
import type { DB } from '../../db/schema.ts';
import { breaksPerParticipant, repairPlacement } from '../../domain/matchmaking/placement-repair.ts';
import {
  type BuiltProblem,
  buildScheduleProblem,
  infeasibleExplanation,
  mapScheduleResult,
  type ScheduleInput,
} from '../../domain/matchmaking/schedule-problem.ts';
import type { ScheduleResult, SchedulingProblem, SolveProgress } from '../../domain/scheduler/model.ts';
import { JobError, type JobHandler } from '../../jobs/queue.ts';
import { runInWorker } from '../../jobs/scheduler/run-in-worker.ts';
import { EventRefReader } from '../b2b-events/event-ref.ts';
import { scheduleFingerprint } from './fingerprint.ts';
import { ScheduleRepository } from './repository.ts';

const paramsSchema = z.object({ runId: z.string().min(1).max(100), eventId: z.string().min(1).max(100) });

/** What the scheduler answered for an event, in the event's terms (what a run row stores). */
export interface EventScheduleOutcome {
  built: BuiltProblem;
  result: ScheduleResult;
  resultStatus: ScheduleResult['status'];
  assignments: ReturnType<typeof mapScheduleResult>['assignments'];
  unplaced: ReturnType<typeof mapScheduleResult>['unplaced'];
  participantBreaks: ReturnType<typeof mapScheduleResult>['participantBreaks'];
  explanation: string | null;
  changes: number;
  /** The placement repair after the engine's answer (null when it did not run). */
  repair: PlacementRepairSummary | null;
}

export interface PlacementRepairSummary {
  /** Meetings the engine placed, before the repair. */
  placedBefore: number;
  /** Meetings the repair inserted, and placed meetings it moved to another slot. */
  inserted: number;
  moved: number;
  milliseconds: number;
  timedOut: boolean;
}

/** The engine's default fairness (the job does not set it): the fast placement keeps each participant at or under it. */
const ENGINE_FAIRNESS = 2;

/** Longest the placement repair may take, in milliseconds (at most a fifth of the run's time limit). */
export const REPAIR_BUDGET_MS = 2000;

/**
 * The engine's answer with its unplaced meetings inserted by the placement repair
 * (`placement-repair.ts`), when it left some and did not prove they cannot be placed (placed weight
 * below its proved bound). Breaks, spread, placed weight and changes are recomputed for the new
 * schedule; the status is never "optimal" for a schedule the engine did not return. Unchanged when
 * the repair inserts nothing.
 */
export function repairResult(
  problem: SchedulingProblem,
  result: ScheduleResult,
  budgetMs: number,
): { result: ScheduleResult; repair: PlacementRepairSummary | null } {
  const found = result.status === 'optimal' || result.status === 'feasible';
  const bound = result.placedWeightUpperBound;
  if (
    !found ||
    (result.unplaced?.length ?? 0) === 0 ||
    bound === undefined ||
    (result.placedWeight ?? 0) >= bound
  )
    return { result, repair: null };
  const r = repairPlacement(problem, result.assignments, { budgetMs, maxBreaks: ENGINE_FAIRNESS });
  const repair: PlacementRepairSummary = {
    placedBefore: result.assignments.length,
    inserted: r.inserted,
    moved: r.moved,
    milliseconds: r.milliseconds,
    timedOut: r.timedOut,
  };
  if (r.inserted === 0)
    return { result: { ...result, seconds: result.seconds + r.milliseconds / 1000 }, repair };
  const perP = breaksPerParticipant(problem, r.assignments);
  const repaired: ScheduleResult = {
    ...result,
    status: 'feasible',
    breaks: perP.reduce((a, b) => a + b, 0),
    maxBreakSpread: perP.length ? Math.max(...perP) - Math.min(...perP) : 0,
    seconds: result.seconds + r.milliseconds / 1000,
    assignments: r.assignments,
    unplaced: r.unplaced,
    placedWeight: r.placedWeight,
  };
  if (result.changes !== undefined && problem.previous) {
    const slotOf = new Map(r.assignments.map((a) => [a.meeting, a.slot]));
    repaired.changes = problem.previous.filter((p) => slotOf.get(p.meeting) !== p.slot).length;
  }
  return { result: repaired, repair };
}

/** Progress in words: the phase, the best breaks so far and the proved bound. */
export function progressMessage(p: SolveProgress): string {
  const phase =
    p.phase === 'placement'
      ? 'Placing as many meetings as fit'
      : p.phase === 'changes'
        ? 'Keeping changes to a minimum'
        : p.phase === 'heuristic'
          ? 'First schedule (fast placement)'
          : p.phase === 'repair'
            ? 'Placing the last meetings (moving others to make room)'
            : 'Reducing breaks';
  const best = p.best === null ? 'no schedule yet' : `best ${p.best}`;
  return `${phase}: ${best}, bound ${p.lowerBound}, ${p.seconds.toFixed(1)} s`;
}

/**
 * Builds the problem from `input`, runs the engine in worker threads (as the job does) and maps
 * the answer back: used by the job and by the benchmark.
 */
export async function scheduleEvent(
  input: ScheduleInput,
  options: { timeLimitSeconds: number; onProgress?: (p: SolveProgress) => void },
): Promise<EventScheduleOutcome> {
  const built = buildScheduleProblem(input);
  const engine = await runInWorker(built.problem, {
    timeLimitSeconds: options.timeLimitSeconds,
    onProgress: options.onProgress,
  });
  const { result, repair } = repairResult(
    built.problem,
    engine,
    Math.min(REPAIR_BUDGET_MS, options.timeLimitSeconds * 200),
  );
  if (repair)
    options.onProgress?.({
      phase: 'repair',
      seconds: result.seconds,
      best: result.breaks,
      lowerBound: result.lowerBound,
      conflicts: 0,
    });
  const names = built.participantIds.map((id) => input.participants.find((p) => p.id === id)?.name ?? id);
  const found = result.status === 'optimal' || result.status === 'feasible';
  const mapped = found
    ? mapScheduleResult(built, result, input)
    : { assignments: [], unplaced: [], participantBreaks: [], sessionBreaks: 0 };
  let explanation: string | null = null;
  if (result.status === 'infeasible') explanation = infeasibleExplanation(built.problem, names);
  else if (result.status === 'unknown')
    explanation = `No schedule was found within ${options.timeLimitSeconds} s: run again with a longer time limit.`;
  else if (built.overCapacity.length > 0) {
    const bound =
      result.placedWeightUpperBound !== undefined
        ? ` Placed weight ${result.placedWeight ?? 0} of at most ${result.placedWeightUpperBound} (proved; a high priority weighs 5, normal 2, low 1).`
        : '';
    explanation = `Not every accepted request fits, so the meetings of highest priority were placed first: ${built.overCapacity.join('; ')}.${bound}`;
  } else if (built.large && mapped.unplaced.length > 0)
    explanation = `A large event: the fast placement answered first and, after moving meetings to make room${repair ? ` (${repair.inserted} more placed)` : ''}, left ${mapped.unplaced.length} requests unplaced (their reasons below); run again with a longer time limit, or add tables or slots.`;
  const now = new Map(input.current.map((c) => [c.requestId, c]));
  const changes = mapped.assignments.filter((a) => {
    const c = now.get(a.requestId);
    return c !== undefined && (c.slotStartsAt !== a.slotStartsAt || c.tableId !== a.tableId);
  }).length;
  return {
    built,
    result,
    resultStatus: result.status,
    assignments: mapped.assignments,
    unplaced: found ? mapped.unplaced : [],
    participantBreaks: mapped.participantBreaks,
    explanation,
    changes,
    repair,
  };
}

/**
 * Works a `b2b-schedule` job: reads what the event holds now (the run's fingerprint is updated to
 * it), runs the engine with the run's time limit, reports progress, and stores the answer in the
 * run. A run discarded before it finished keeps its status; a failure marks the run failed.
 */
export function scheduleJobHandler(db: Kysely<DB>): JobHandler {
  return async (job, context) => {
    const params = paramsSchema.safeParse(job.params);
    if (!params.success) throw new JobError('The run parameters are not valid; start a new run.');
    const repo = new ScheduleRepository(db);
    const run = await repo.runById(job.workspaceId, params.data.runId);
    if (!run) return { gone: true, message: 'The run was removed' };
    const empty = (message: string) => ({
      fileName: 'schedule-run.json',
      contentType: 'application/json',
      content: Buffer.from(JSON.stringify({ runId: run.id, message })),
      message,
    });
    if (!(await repo.markRunning(run.id))) return empty('The run was discarded before it started');
    try {
      const event = await new EventRefReader(db).find(job.workspaceId, params.data.eventId);
      const input = await repo.input(event, run.mode);
      const fingerprint = scheduleFingerprint(input);
      await db
        .updateTable('b2b_schedule_run')
        .set({ fingerprint, requested: input.requests.length })
        .where('id', '=', run.id)
        .execute();
      context.progress(0, 'Starting the scheduler');
      await context.flushProgress();
      const limit = run.time_limit_seconds;
      const outcome = await scheduleEvent(input, {
        timeLimitSeconds: limit,
        onProgress: (p) => context.progress(Math.min(0.95, p.seconds / limit), progressMessage(p)),
      });
      const { result } = outcome;
      const stored = await db
        .updateTable('b2b_schedule_run')
        .set({
          status: 'done',
          result_status: result.status,
          breaks: result.breaks,
          lower_bound: result.lowerBound,
          placed: outcome.assignments.length,
          changes: outcome.changes,
          seconds: result.seconds,
          assignments: JSON.stringify(outcome.assignments),
          unplaced: JSON.stringify(outcome.unplaced),
          participant_breaks: JSON.stringify(outcome.participantBreaks),
          explanation: outcome.explanation,
          finished_at: nowIso(),
        })
        .where('id', '=', run.id)
        .where('status', '=', 'running')
        .executeTakeFirst();
      const message =
        Number(stored.numUpdatedRows) === 1
          ? `${outcome.assignments.length} of ${input.requests.length} meetings placed (${result.status})`
          : 'The run was discarded while it ran';
      return {
        fileName: 'schedule-run.json',
        contentType: 'application/json',
        content: Buffer.from(
          JSON.stringify({
            runId: run.id,
            status: result.status,
            breaks: result.breaks,
            lowerBound: result.lowerBound,
            placed: outcome.assignments.length,
            requested: input.requests.length,
            seconds: result.seconds,
          }),
        ),
        message,
      };
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      await repo.fail(run.id, `The scheduler failed: ${text}`);
      throw new JobError(`The scheduler failed: ${text}`);
    }
  };
}
