import { describe, expect, it } from 'vitest';
// The server's order, to check against the labels (a test may read the server's code).
import { AUDIT_RECORD_TYPE_ORDER } from '../../../src/features/audit/repository.ts';
import type { AuditEventDto } from '../api/types.ts';
import { figures } from '../messages/en-figures.ts';
import {
  type AuditValueContext,
  auditFieldLabel,
  auditRecordName,
  entityTypeLabel,
  formatAuditValue,
  shownChanges,
} from './audit-format.ts';

const context = (overrides: Partial<AuditValueContext> = {}): AuditValueContext => ({
  entityType: 'organisation',
  references: {},
  kpi: null,
  ...overrides,
});

const event = (overrides: Partial<AuditEventDto>): AuditEventDto => ({
  id: 'e1',
  at: '2026-11-20T10:00:00.000Z',
  actor: 'clara@example.test',
  actorId: 'u1',
  actorName: 'Clara Coordinator',
  action: 'update',
  entityType: 'organisation',
  entityId: 'o1',
  entityName: 'Orbit Labs',
  kpi: null,
  changes: {},
  ...overrides,
});

describe('audit log values', () => {
  it('names fields and kinds of record as people do', () => {
    expect(auditFieldLabel('day_rate_cents')).toBe('Day rate');
    expect(auditFieldLabel('registration_id')).toBe('Registration or VAT number');
    expect(auditFieldLabel('kpi_key')).toBe('KPI');
    expect(auditFieldLabel('something_new')).toBe('Something new');
    expect(entityTypeLabel('cost_line')).toBe('Budget line');
    expect(entityTypeLabel('kpi_target')).toBe('KPI target');
  });

  it('shows labels instead of codes, by field and kind of record', () => {
    expect(formatAuditValue('type', 'sme', context())).toBe('SME');
    // A person's consent is stored as 0/1.
    expect(formatAuditValue('consent', 1, context({ entityType: 'person' }))).toBe('yes');
    expect(formatAuditValue('consent', 0, context({ entityType: 'person' }))).toBe('no');
    expect(formatAuditValue('size', 'small', context())).toBe('Small (10–49 staff)');
    expect(formatAuditValue('space_segments', ['satcom', 'earth_observation'], context())).toBe(
      'Satellite communications, Earth observation',
    );
    expect(formatAuditValue('export_experience', 'occasional', context())).toBe('Occasional exports');
    // Lists are recorded as their column's JSON text.
    expect(formatAuditValue('space_segments', '["earth_observation","launch"]', context())).toBe(
      'Earth observation, Launch',
    );
    expect(formatAuditValue('offer_tags', '[]', context())).toBe('—');
    expect(formatAuditValue('segments', ['in_orbit_services', 'Disaster monitoring'], context())).toBe(
      'In-orbit services, Disaster monitoring',
    );
    expect(formatAuditValue('status', 'done', context({ entityType: 'activity' }))).toBe('Done');
    expect(formatAuditValue('status', 'approved', context({ entityType: 'plan' }))).toBe('Approved');
    expect(formatAuditValue('role', 'cluster_manager', context({ entityType: 'membership' }))).toBe(
      'Cluster manager',
    );
    expect(formatAuditValue('role', 'speaker', context({ entityType: 'activity_participant' }))).toBe(
      'Speaker',
    );
    expect(formatAuditValue('funding_source', 'eu_programme', context({ entityType: 'cost_line' }))).toBe(
      'EU programme',
    );
    expect(formatAuditValue('country', 'JP', context())).toBe('Japan');
    // A relationship's stage, as the demo's B2B event records it (issue 22), and an event's status.
    expect(formatAuditValue('stage', 'potential_partner', context({ entityType: 'relationship' }))).toBe(
      'Potential partner',
    );
    expect(formatAuditValue('status', 'open', context({ entityType: 'b2b_event' }))).toBe('Open');
  });

  it('writes money in EUR, effort in days, dates as dates, and KPI money from cents', () => {
    expect(formatAuditValue('amount_cents', 438_050, context())).toBe('€4,380.50');
    expect(formatAuditValue('effort_centidays', 250, context())).toBe('2.5 days');
    expect(formatAuditValue('incurred_on', '2026-11-20', context())).toMatch(/Nov 20, 2026|20 Nov 2026/);
    const money = { key: 'actual_costs', label: 'Actual costs', kind: 'money' };
    expect(formatAuditValue('value', 500_000, context({ kpi: money }))).toBe('€5,000.00');
    expect(formatAuditValue('value', 25, context({ kpi: { ...money, kind: 'count' } }))).toBe('25');
    expect(formatAuditValue('kpi_key', 'actual_costs', context({ kpi: money }))).toBe('Actual costs');
  });

  it('names the records an id points to, or says they are gone; never shows the id', () => {
    const references = { c1: 'AV · Aerospace Valley' };
    expect(formatAuditValue('cluster_id', 'c1', context({ references }))).toBe('AV · Aerospace Valley');
    expect(formatAuditValue('activity_id', 'a9', context({ references }))).toBe('a deleted record');
  });

  it('shows yes/no, and a dash for nothing', () => {
    expect(formatAuditValue('consent', true, context())).toBe('yes');
    expect(formatAuditValue('consent', false, context())).toBe('no');
    expect(formatAuditValue('city', null, context())).toBe('—');
    expect(formatAuditValue('offer_tags', [], context())).toBe('—');
  });
});

describe('audit log changes', () => {
  it('leave out the internal fields, and the empty ones of a creation', () => {
    const created = event({
      action: 'create',
      changes: {
        name: [null, 'Orbit Labs'],
        normalised_name: [null, 'orbit labs'],
        city: [null, null],
        type: [null, 'sme'],
      },
    });
    expect(shownChanges(created, {}).map((c) => [c.label, c.after])).toEqual([
      ['Name', 'Orbit Labs'],
      ['Type', 'SME'],
    ]);
  });

  it('name the record as it is called today, or as the log recorded it once deleted', () => {
    expect(auditRecordName(event({}))).toEqual({ name: 'Orbit Labs', deleted: false });
    expect(
      auditRecordName(event({ action: 'delete', entityName: null, changes: { name: ['Gone SA', null] } })),
    ).toEqual({ name: 'Gone SA', deleted: true });
    expect(auditRecordName(event({ entityType: 'organisation_import', entityName: null }))).toBeNull();
  });
});

describe('the order of record types', () => {
  it('is, on the server, the alphabetical order of the labels shown here', () => {
    const labels = figures.audit.entityTypes;
    const byLabel = Object.keys(labels).sort((a, b) =>
      (labels[a] as string).localeCompare(labels[b] as string, 'en'),
    );
    expect([...AUDIT_RECORD_TYPE_ORDER]).toEqual(byLabel);
  });
});
