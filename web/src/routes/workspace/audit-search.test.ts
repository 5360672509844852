import { describe, expect, it } from 'vitest';
import { parseAuditSearch } from './audit-search.ts';

describe('the audit log’s address', () => {
  it('keeps the filters: who, record type, action and period', () => {
    expect(
      parseAuditSearch({
        actorId: 'u1',
        entityType: 'cost_line',
        action: 'delete',
        from: '2026-11-01',
        to: '2026-11-30',
      }),
    ).toEqual({
      actorId: 'u1',
      entityType: 'cost_line',
      action: 'delete',
      from: '2026-11-01',
      to: '2026-11-30',
    });
  });

  it('drops what it cannot use', () => {
    expect(
      parseAuditSearch({ actorId: '', entityType: 'Cost Line', action: 'rename', from: '2026-02-30', to: 5 }),
    ).toEqual({});
    expect(parseAuditSearch({ from: '2026-12-01', to: '2026-11-30' })).toEqual({ from: '2026-12-01' });
  });

  it('keeps an order of the log, drops another list’s', () => {
    expect(parseAuditSearch({ sort: '-actor', action: 'create' })).toEqual({
      sort: '-actor',
      action: 'create',
    });
    expect(parseAuditSearch({ sort: 'entityType' })).toEqual({ sort: 'entityType' });
    expect(parseAuditSearch({ sort: 'name' })).toEqual({});
    expect(parseAuditSearch({ sort: '--at' })).toEqual({});
  });
});
