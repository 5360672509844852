/**
 * Vocabulary of the B2B meeting scheduler (pure types, no I/O).
 * Participants, meetings and slots are numbered from 1, as in the `.dzn` benchmark files.
 */

export type Session = 'morning' | 'afternoon' | 'either';

export interface Meeting {
  /** The two participants (1-based). */
  a: number;
  b: number;
  session: Session;
  /** Slot the meeting must take (1-based), if any. A locked meeting is a meeting with a fixed slot. */
  fixedSlot?: number;
  /** Table the meeting must take (1-based), if any. */
  fixedTable?: number;
  /** Priority weight when not every meeting can be placed (default 1). */
  weight?: number;
}

export interface SchedulingProblem {
  name?: string;
  nParticipants: number;
  nSlots: number;
  /** Slots 1..nMorningSlots are the morning; equal to nSlots when there is no split. */
  nMorningSlots: number;
  nTables: number;
  /** Meeting i+1 is meetings[i]. */
  meetings: Meeting[];
  /** Per participant (index p-1), the 1-based slots it cannot meet in. */
  forbidden: number[][];
  /** Pairs [before, after] of 1-based meeting ids: `before` takes an earlier slot than `after`. */
  precedences: [number, number][];
  /** When true, meetings may stay unplaced: first maximise the weighted number of placed meetings. */
  optionalMeetings?: boolean;
  /** Per participant (index p-1), the table it sits at for all its meetings (0 / absent = any). */
  participantTables?: number[];
  /** Per participant (index p-1), how many meetings it can hold at once (2 = two representatives). */
  participantCapacity?: number[];
  /** A previous schedule: after breaks, minimise the number of meetings whose slot changes. */
  previous?: { meeting: number; slot: number }[];
}

export interface Assignment {
  meeting: number;
  slot: number;
  table: number;
}

export type ScheduleStatus = 'optimal' | 'feasible' | 'infeasible' | 'unknown';

export interface ScheduleResult {
  /**
   * optimal: breaks (and the objectives before it) proved optimal (lowerBound = breaks);
   * feasible: a schedule, with the best proved lowerBound; infeasible: proved that no schedule exists;
   * unknown: nothing found within the time limit.
   */
  status: ScheduleStatus;
  breaks: number | null;
  lowerBound: number;
  /** Max minus min break count over the participants. */
  maxBreakSpread: number | null;
  seconds: number;
  assignments: Assignment[];
  /** Only with optionalMeetings: unplaced meeting ids and placed weight (with a proved upper bound). */
  unplaced?: number[];
  placedWeight?: number;
  placedWeightUpperBound?: number;
  /** Only with `previous`: number of meetings whose slot changed. */
  changes?: number;
}

export interface SolveProgress {
  phase: string;
  seconds: number;
  best: number | null;
  lowerBound: number;
  conflicts: number;
}

/**
 * How the breaks are minimised: 'alternate' (one thread proves lower bounds and improves schedules
 * in turn), 'below' (only proofs upwards from 0: the first schedule found is optimal) or 'above'
 * (only better schedules, by solution-focused search and large-neighbourhood steps). A portfolio
 * runs 'below' and 'above' side by side with shared bounds.
 */
export type SearchStrategy = 'alternate' | 'below' | 'above';

export interface SolveOptions {
  /** Max difference between the break counts of two participants (default 2; null = no fairness). */
  fairness?: number | null;
  timeLimitSeconds?: number;
  onProgress?: (p: SolveProgress) => void;
  /** Default 'alternate'. */
  strategy?: SearchStrategy;
  /** Break bounds shared with the other solvers of a portfolio (see shared-bounds.ts). */
  sharedBounds?: Int32Array;
}

export function meetingWeight(m: Meeting): number {
  return m.weight ?? 1;
}
