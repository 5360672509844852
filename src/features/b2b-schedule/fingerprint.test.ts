import { describe, expect, it } from 'vitest';
import { fingerprintChanges, type ScheduleInput } from '../../domain/matchmaking/schedule-problem.ts';
import { scheduleFingerprint } from './fingerprint.ts';

const slot = (n: number) => ({
  number: n,
  sessionId: 'am',
  startsAt: new Date(Date.UTC(2027, 2, 10, 8, 0) + (n - 1) * 30 * 60_000).toISOString(),
});
const request = (id: string, from: string, to: string, priority = 2) => ({
  id,
  fromParticipantId: from,
  toParticipantId: to,
  priority,
});
const participant = (id: string) => ({ id, name: id, representatives: 1, unavailable: [] as string[] });

function input(): ScheduleInput {
  return {
    mode: 'full',
    slots: [slot(1), slot(2), slot(3)],
    tables: [
      { id: 't1', number: 1, reservedParticipantId: null },
      { id: 't2', number: 2, reservedParticipantId: null },
    ],
    participants: [participant('a'), participant('b'), participant('c'), participant('d')],
    requests: [request('r1', 'a', 'b'), request('r2', 'a', 'c'), request('r3', 'c', 'd', 3)],
    current: [],
  };
}

describe('scheduleFingerprint', () => {
  it('is stable under reordering and names the parts that changed', () => {
    const base = input();
    const f = scheduleFingerprint(base);
    expect(f).toMatch(
      /^requests:[0-9a-f]{64};availability:[0-9a-f]{64};tables:[0-9a-f]{64};slots:[0-9a-f]{64};locks:[0-9a-f]{64}$/,
    );
    expect(scheduleFingerprint({ ...base, requests: [...base.requests].reverse() })).toBe(f);
    const more = scheduleFingerprint({ ...base, requests: [...base.requests, request('r4', 'b', 'd')] });
    expect(fingerprintChanges(f, more)).toEqual(['requests']);
    const busy = scheduleFingerprint({
      ...base,
      participants: base.participants.map((p) =>
        p.id === 'a' ? { ...p, unavailable: [slot(1).startsAt] } : p,
      ),
      tables: base.tables.slice(0, 1),
    });
    expect(fingerprintChanges(f, busy)).toEqual(['availability', 'tables']);
    const current = [{ requestId: 'r1', slotStartsAt: slot(1).startsAt, tableId: 't1', published: true }];
    expect(
      fingerprintChanges(
        scheduleFingerprint({ ...base, mode: 'reschedule', current }),
        scheduleFingerprint({ ...base, mode: 'reschedule', current: [{ ...current[0]!, tableId: 't2' }] }),
      ),
    ).toEqual(['locks']);
    expect(fingerprintChanges('garbage', f)).toEqual([
      'requests',
      'availability',
      'tables',
      'slots',
      'locks',
    ]);
  });
});
