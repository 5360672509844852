/**
 * The Hub's own JSON input format for a B2B event, validated with zod. Participants may be referred
 * to by their 1-based position or by their `id`; meetings and slots are numbered from 1.
 *
 * {
 *   "name": "Forum 2027", "slots": 10, "morningSlots": 5, "tables": 20,
 *   "participants": [{ "id": "acme", "forbiddenSlots": [3], "table": 4, "representatives": 2 }],
 *   "meetings": [{ "participants": ["acme", 2], "session": "either", "slot": 4, "table": 1, "weight": 3 }],
 *   "precedences": [[1, 2]],            // meeting 1 before meeting 2
 *   "optionalMeetings": false,          // true: more requests than capacity, maximise placed weight
 *   "previous": [{ "meeting": 1, "slot": 3 }]   // reschedule with the fewest changes
 * }
 */
import { z } from 'zod';
import type { Meeting, SchedulingProblem } from './model.ts';

const participantRef = z.union([z.number().int().positive(), z.string().min(1)]);

export const scheduleJsonSchema = z
  .object({
    name: z.string().optional(),
    slots: z.number().int().positive(),
    morningSlots: z.number().int().nonnegative().optional(),
    tables: z.number().int().positive(),
    participants: z.array(
      z.object({
        id: z.string().min(1).optional(),
        name: z.string().optional(),
        forbiddenSlots: z.array(z.number().int().positive()).default([]),
        table: z.number().int().positive().optional(),
        representatives: z.number().int().min(1).max(2).optional(),
      }),
    ),
    meetings: z.array(
      z.object({
        participants: z.tuple([participantRef, participantRef]),
        session: z.enum(['morning', 'afternoon', 'either']).default('either'),
        slot: z.number().int().positive().optional(),
        table: z.number().int().positive().optional(),
        weight: z.number().int().positive().optional(),
      }),
    ),
    precedences: z.array(z.tuple([z.number().int().positive(), z.number().int().positive()])).default([]),
    optionalMeetings: z.boolean().default(false),
    previous: z
      .array(z.object({ meeting: z.number().int().positive(), slot: z.number().int().positive() }))
      .optional(),
  })
  .strict();

export type ScheduleJson = z.input<typeof scheduleJsonSchema>;

export function parseScheduleJson(input: unknown): SchedulingProblem {
  const raw = typeof input === 'string' ? JSON.parse(input) : input;
  const j = scheduleJsonSchema.parse(raw);
  const byId = new Map<string, number>();
  j.participants.forEach((p, i) => {
    if (p.id !== undefined) {
      if (byId.has(p.id)) throw new Error(`duplicate participant id '${p.id}'`);
      byId.set(p.id, i + 1);
    }
  });
  const ref = (r: number | string): number => {
    if (typeof r === 'number') {
      if (r > j.participants.length) throw new Error(`participant ${r} does not exist`);
      return r;
    }
    const n = byId.get(r);
    if (n === undefined) throw new Error(`unknown participant '${r}'`);
    return n;
  };
  const morning = j.morningSlots ?? j.slots;
  if (morning > j.slots) throw new Error('morningSlots exceeds slots');
  const meetings: Meeting[] = j.meetings.map((m, i) => {
    const a = ref(m.participants[0]);
    const b = ref(m.participants[1]);
    if (a === b) throw new Error(`meeting ${i + 1}: a participant cannot meet itself`);
    if (m.slot !== undefined && m.slot > j.slots)
      throw new Error(`meeting ${i + 1}: slot ${m.slot} > ${j.slots}`);
    if (m.table !== undefined && m.table > j.tables)
      throw new Error(`meeting ${i + 1}: table ${m.table} > ${j.tables}`);
    const out: Meeting = { a, b, session: m.session };
    if (m.slot !== undefined) out.fixedSlot = m.slot;
    if (m.table !== undefined) out.fixedTable = m.table;
    if (m.weight !== undefined) out.weight = m.weight;
    return out;
  });
  for (const [b, a] of j.precedences)
    if (a > meetings.length || b > meetings.length)
      throw new Error(`precedence [${b}, ${a}]: no such meeting`);
  const problem: SchedulingProblem = {
    nParticipants: j.participants.length,
    nSlots: j.slots,
    nMorningSlots: morning,
    nTables: j.tables,
    meetings,
    forbidden: j.participants.map((p) => p.forbiddenSlots.filter((s) => s <= j.slots)),
    precedences: j.precedences.map(([b, a]) => [b, a] as [number, number]),
  };
  if (j.name !== undefined) problem.name = j.name;
  if (j.optionalMeetings) problem.optionalMeetings = true;
  if (j.participants.some((p) => p.table !== undefined))
    problem.participantTables = j.participants.map((p) => p.table ?? 0);
  if (j.participants.some((p) => p.representatives !== undefined))
    problem.participantCapacity = j.participants.map((p) => p.representatives ?? 1);
  if (j.previous) problem.previous = j.previous;
  return problem;
}
