import { describe, expect, it } from 'vitest';
import { auditFieldLabel, formatAuditValue } from './audit-format.ts';

describe('audit log values', () => {
  it('labels the fields of clusters, organisations, people and memberships', () => {
    expect(auditFieldLabel('day_rate_cents')).toBe('day rate');
    expect(auditFieldLabel('registration_id')).toBe('registration id');
    expect(auditFieldLabel('space_segments')).toBe('space segments');
    expect(auditFieldLabel('role_title')).toBe('role');
    expect(auditFieldLabel('something_new')).toBe('something_new');
  });

  it('shows lists, booleans, money and empty values readably', () => {
    expect(formatAuditValue('space_segments', ['satcom', 'navigation'])).toBe('satcom, navigation');
    expect(formatAuditValue('offer_tags', [])).toBe('—');
    expect(formatAuditValue('consent', true)).toBe('yes');
    expect(formatAuditValue('consent', false)).toBe('no');
    expect(formatAuditValue('city', null)).toBe('—');
    expect(formatAuditValue('name', 'Orbit Labs')).toBe('Orbit Labs');
    expect(formatAuditValue('day_rate_cents', 45_000)).toMatch(/450/);
    expect(formatAuditValue('details', { a: 1 })).toBe('{"a":1}');
  });
});
