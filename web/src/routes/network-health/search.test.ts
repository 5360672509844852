import { describe, expect, it } from 'vitest';
import { parseHealthSearch } from './search.ts';

describe('parseHealthSearch', () => {
  it('keeps what it knows and drops the rest', () => {
    expect(parseHealthSearch({})).toEqual({});
    expect(parseHealthSearch({ all: true, stage: 'partner', marketId: 'm1', mine: 'true' })).toEqual({
      all: true,
      stage: 'partner',
      marketId: 'm1',
      mine: true,
    });
    expect(parseHealthSearch({ all: 'no', stage: 'dormant', marketId: '', mine: 0 })).toEqual({});
    expect(parseHealthSearch({ marketId: 'x'.repeat(101) })).toEqual({});
  });
});
