import { describe, expect, it } from 'vitest';
import { BENCH_DIR, benchInstanceText } from '../../../test/support/scheduler.ts';
import { parseDzn } from './dzn.ts';

const SAMPLE = `% a tiny event
nBusiness = 3;
nMeetings = 3;
nTables = 2;
nTotalSlots = 4;
nMorningSlots = 2;
requested = [|1, 2,1,
|1, 3,2,
|2, 3,3,
|];
meetingsxBusiness = [{1,2,3},{1,2,4},{1,3,4}];
nMeetingsBusiness = [2,2,2];
forbidden = [{0},{0,4},{0}];
fixed = [0,3,0];
precedences = [{},{},{1}];
`;

describe('parseDzn', () => {
  it('reads every field of the format', () => {
    const p = parseDzn(SAMPLE, 'tiny');
    expect(p.name).toBe('tiny');
    expect(p.nParticipants).toBe(3);
    expect(p.nSlots).toBe(4);
    expect(p.nMorningSlots).toBe(2);
    expect(p.nTables).toBe(2);
    expect(p.meetings).toEqual([
      { a: 1, b: 2, session: 'morning' },
      { a: 1, b: 3, session: 'afternoon', fixedSlot: 3 },
      { a: 2, b: 3, session: 'either' },
    ]);
    expect(p.forbidden).toEqual([[], [4], []]);
    expect(p.precedences).toEqual([[1, 3]]);
  });

  it('rejects a file whose requested rows do not match nMeetings', () => {
    expect(() => parseDzn(SAMPLE.replace('nMeetings = 3', 'nMeetings = 4'))).toThrow(/requested/);
  });

  it.skipIf(!BENCH_DIR)('reads a benchmark instance', () => {
    const p = parseDzn(benchInstanceText('forum-13.prec15'));
    expect(p.nParticipants).toBe(70);
    expect(p.meetings).toHaveLength(154);
    expect(p.nSlots).toBe(21);
    expect(p.nMorningSlots).toBe(13);
    expect(p.precedences.length).toBeGreaterThan(10);
    // every precedence links two meetings of a common participant
    for (const [b, a] of p.precedences) {
      const x = p.meetings[b - 1]!;
      const y = p.meetings[a - 1]!;
      expect([x.a, x.b].some((q) => q === y.a || q === y.b)).toBe(true);
    }
  });
});
