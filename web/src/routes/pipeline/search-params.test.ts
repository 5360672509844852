import { describe, expect, it } from 'vitest';
import { boardApiQuery, listApiQuery, parsePipelineSearch, stagesOf } from './search-params.ts';

describe('the pipeline page address', () => {
  it('keeps what it knows and drops the rest', () => {
    expect(
      parsePipelineSearch({
        view: 'list',
        market: 'm1',
        stage: 'met,married,partner,met',
        sort: '-stage',
        x: 1,
      }),
    ).toEqual({ view: 'list', market: 'm1', stage: 'met,partner', sort: '-stage' });
    expect(parsePipelineSearch({ view: 'kanban', sort: 'colour', q: ' ' })).toEqual({});
  });

  it('orders the stages as the pipeline does', () => {
    expect(stagesOf('closed,mapped')).toEqual(['mapped', 'closed']);
    expect(stagesOf('nothing')).toBeUndefined();
  });

  it('turns into the board and list queries', () => {
    expect(boardApiQuery({ market: 'm1', stage: 'met' })).toEqual({ marketId: 'm1' });
    expect(listApiQuery({ cluster: 'c1', stage: 'met', q: 'tokyo' }, 'abc')).toEqual({
      clusterId: 'c1',
      stage: 'met',
      q: 'tokyo',
      sort: '-stageChangedOn',
      limit: 50,
      cursor: 'abc',
    });
  });
});
