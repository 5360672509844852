import { describe, expect, it } from 'vitest';
import { expectValid } from '../../../test/support/scheduler.ts';
import { parseScheduleJson } from './json.ts';
import { solve } from './solver.ts';

const EVENT = {
  name: 'demo',
  slots: 4,
  morningSlots: 2,
  tables: 2,
  participants: [
    { id: 'acme', forbiddenSlots: [4] },
    { id: 'beta', table: 2 },
    { id: 'gamma', representatives: 2 },
  ],
  meetings: [
    { participants: ['acme', 'beta'], session: 'morning' },
    { participants: ['acme', 3] },
    { participants: ['beta', 'gamma'], slot: 3, weight: 2 },
  ],
  precedences: [[1, 2]],
};

describe('parseScheduleJson', () => {
  it('maps participants by id or position and keeps the extensions', () => {
    const p = parseScheduleJson(EVENT);
    expect(p.nParticipants).toBe(3);
    expect(p.meetings[1]).toEqual({ a: 1, b: 3, session: 'either' });
    expect(p.meetings[2]).toEqual({ a: 2, b: 3, session: 'either', fixedSlot: 3, weight: 2 });
    expect(p.forbidden).toEqual([[4], [], []]);
    expect(p.participantTables).toEqual([0, 2, 0]);
    expect(p.participantCapacity).toEqual([1, 1, 2]);
    expect(p.precedences).toEqual([[1, 2]]);
    const r = solve(p);
    expectValid(p, r);
    expect(r.status).toBe('optimal');
  });

  it('accepts a JSON string', () => {
    expect(parseScheduleJson(JSON.stringify(EVENT)).meetings).toHaveLength(3);
  });

  it('rejects unknown participants, bad slots and unknown fields', () => {
    expect(() => parseScheduleJson({ ...EVENT, meetings: [{ participants: ['acme', 'zeta'] }] })).toThrow(
      /zeta/,
    );
    expect(() => parseScheduleJson({ ...EVENT, meetings: [{ participants: [1, 2], slot: 9 }] })).toThrow(
      /slot/,
    );
    expect(() => parseScheduleJson({ ...EVENT, colour: 'red' })).toThrow();
    expect(() => parseScheduleJson({ ...EVENT, tables: 0 })).toThrow();
    expect(() => parseScheduleJson({ ...EVENT, meetings: [{ participants: [1, 1] }] })).toThrow(/itself/);
  });
});
