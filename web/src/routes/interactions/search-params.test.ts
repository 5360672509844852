import { describe, expect, it } from 'vitest';
import { interactionsFilter, parseInteractionsSearch, parseQuickEntrySearch } from './search-params.ts';

describe('the interactions pages’ address parameters', () => {
  it('keep a valid activity id and drop anything else', () => {
    expect(parseQuickEntrySearch({ activity: '0193a1b2-c3d4' })).toEqual({ activity: '0193a1b2-c3d4' });
    expect(parseQuickEntrySearch({ activity: '<script>' })).toEqual({});
    expect(parseQuickEntrySearch({ activity: 42 })).toEqual({});
  });

  it('read the list filters leniently and turn "mine" into open next steps I own', () => {
    const search = parseInteractionsSearch({
      kind: 'call',
      from: '2026-01-01',
      to: 'soon',
      mine: 'true',
      x: 1,
    });
    expect(search).toEqual({ kind: 'call', from: '2026-01-01', mine: true });
    expect(interactionsFilter(search)).toEqual({
      kind: 'call',
      from: '2026-01-01',
      openNextStep: 'true',
      nextStepOwner: 'me',
    });
    expect(parseInteractionsSearch({ kind: 'lunch' })).toEqual({});
    expect(interactionsFilter({})).toEqual({});
  });
});
