/**
 * Reader for the B2B benchmark's MiniZinc data files (`.dzn`), see
 * shared/benchmarks/b2b/README.md for the fields. Pure: takes the text, returns a SchedulingProblem.
 */
import type { Meeting, SchedulingProblem, Session } from './model.ts';

type DznValue = number | number[] | number[][];

/** Parses `name = value;` items: integers, 1-D int arrays, 2-D arrays `[| .. | .. |]`, arrays of sets. */
export function parseDznItems(text: string): Map<string, DznValue> {
  const clean = text.replace(/%[^\n]*/g, '');
  const out = new Map<string, DznValue>();
  for (const stmt of clean.split(';')) {
    const eq = stmt.indexOf('=');
    if (eq < 0) continue;
    const name = stmt.slice(0, eq).trim();
    const raw = stmt.slice(eq + 1).trim();
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`dzn: bad item name '${name}'`);
    if (raw.startsWith('[|')) {
      const body = raw.slice(2, raw.lastIndexOf('|]'));
      const rows = body
        .split('|')
        .map((r) => r.trim())
        .filter((r) => r.length > 0)
        .map((r) => ints(r));
      out.set(name, rows);
    } else if (raw.startsWith('[') && raw.includes('{')) {
      const sets: number[][] = [];
      const re = /\{([^}]*)\}/g;
      for (let m = re.exec(raw); m !== null; m = re.exec(raw)) sets.push(ints(m[1] ?? ''));
      out.set(name, sets);
    } else if (raw.startsWith('[')) {
      out.set(name, ints(raw.slice(1, raw.lastIndexOf(']'))));
    } else {
      const v = Number(raw);
      if (!Number.isInteger(v)) throw new Error(`dzn: item '${name}' is not an integer`);
      out.set(name, v);
    }
  }
  return out;
}

function ints(s: string): number[] {
  return s
    .split(/[\s,]+/)
    .filter((t) => t.length > 0)
    .map((t) => {
      const v = Number(t);
      if (!Number.isInteger(v)) throw new Error(`dzn: '${t}' is not an integer`);
      return v;
    });
}

const SESSIONS: Record<number, Session> = { 1: 'morning', 2: 'afternoon', 3: 'either' };

export function parseDzn(text: string, name?: string): SchedulingProblem {
  const items = parseDznItems(text);
  const int = (k: string): number => {
    const v = items.get(k);
    if (typeof v !== 'number') throw new Error(`dzn: missing integer '${k}'`);
    return v;
  };
  const nParticipants = int('nBusiness');
  const nMeetings = int('nMeetings');
  const nTables = int('nTables');
  const nSlots = int('nTotalSlots');
  const nMorningSlots = items.has('nMorningSlots') ? int('nMorningSlots') : nSlots;
  const requested = (items.get('requested') ?? []) as number[][];
  if (requested.length !== nMeetings)
    throw new Error(`dzn: ${requested.length} requested rows, nMeetings=${nMeetings}`);
  const fixed = (items.get('fixed') ?? []) as number[];
  const meetings: Meeting[] = requested.map((row, i) => {
    const [a, b, s] = row;
    if (a === undefined || b === undefined || s === undefined) throw new Error(`dzn: requested row ${i + 1}`);
    const session = SESSIONS[s];
    if (!session) throw new Error(`dzn: bad session ${s} in row ${i + 1}`);
    const m: Meeting = { a, b, session };
    const f = fixed[i] ?? 0;
    if (f > 0) m.fixedSlot = f;
    return m;
  });
  const forbiddenSets = (items.get('forbidden') ?? []) as number[][];
  const forbidden: number[][] = [];
  for (let p = 0; p < nParticipants; p++) forbidden.push((forbiddenSets[p] ?? []).filter((s) => s > 0));
  const precSets = (items.get('precedences') ?? []) as number[][];
  const precedences: [number, number][] = [];
  precSets.forEach((set, i) => {
    for (const before of set) if (before > 0) precedences.push([before, i + 1]);
  });
  const problem: SchedulingProblem = {
    nParticipants,
    nSlots,
    nMorningSlots,
    nTables,
    meetings,
    forbidden,
    precedences,
  };
  if (name !== undefined) problem.name = name;
  return problem;
}
