/**
 * The audit log as a person reads it: fields by their names, values as the app shows them (labels
 * instead of codes, money in EUR, dates, the names of the records an id points to), internal
 * fields left out. Pure, so it is unit-tested.
 */
import type { AuditEventDto } from '../api/types.ts';
import {
  BUDGET_CATEGORY_LABELS,
  describeBudgetItem,
  EXPORT_EXPERIENCE_LABELS,
  FUNDING_SOURCE_LABELS,
  labelOf,
  MELCA_FIELD_LABELS,
  marketSegmentLabel,
  ORGANISATION_SIZE_LABELS,
  ORGANISATION_TYPE_LABELS,
  PHASE_LABELS,
  SPACE_SEGMENT_LABELS,
} from '../api/vocabulary.ts';
import { countryName, formatDate, formatDateTime, formatEur } from '../app/format.ts';
import { activeLocale } from '../app/language.ts';
import { messages } from '../messages/en.ts';
import { figures } from '../messages/en-figures.ts';

const t = figures.audit;
const p = messages.planning;

/** Fields the Hub keeps for itself (duplicate checks, secrets, the job's kind): never shown. */
const HIDDEN_FIELDS = new Set(['normalised_name', 'token_hash', 'version']);
const HIDDEN_BY_TYPE: Record<string, Set<string>> = { job: new Set(['kind']) };

/** Fields holding ids of other records: shown by the record's name (`references`). */
const REFERENCE_FIELDS = new Set([
  'cluster_id',
  'owner_cluster_id',
  'organisation_id',
  'person_id',
  'activity_id',
  'plan_id',
  'market_id',
  'instrument_id',
  'created_by',
  'staff_user_id',
  'next_step_owner_user_id',
  'member_organisation_id',
  'member_person_id',
  'network_organisation_id',
  'network_person_id',
  'project_id',
]);
const MONEY_CENTS = new Set([
  'amount_cents',
  'budget_cap_cents',
  'day_rate_cents',
  'travel_cents',
  'accommodation_per_night_cents',
  'subsistence_per_day_cents',
]);
const BOOLEAN_FIELDS = new Set(['consent', 'common_label', 'international_funding']);
const DAYS = new Set([
  'starts_on',
  'ends_on',
  'incurred_on',
  'recorded_on',
  'from',
  'to',
  'occurred_on',
  'next_step_due_on',
  'completed_on',
]);
const TIMES = new Set(['expires_at', 'revoked_at', 'accepted_at', 'consent_at', 'next_step_done_at']);

/** The labels of a field's codes, which may depend on the kind of record (a plan's status…). */
function vocabularyOf(entityType: string, field: string): Record<string, string> | undefined {
  switch (field) {
    case 'type':
      return entityType === 'organisation'
        ? ORGANISATION_TYPE_LABELS
        : entityType === 'network_organisation'
          ? messages.network.organisationType
          : undefined;
    case 'consent_basis':
      return messages.network.consentBasis;
    case 'size':
      return ORGANISATION_SIZE_LABELS;
    case 'space_segments':
      return SPACE_SEGMENT_LABELS;
    case 'melca':
      return MELCA_FIELD_LABELS;
    case 'export_experience':
      return EXPORT_EXPERIENCE_LABELS;
    case 'priority':
      return p.priority;
    case 'status':
      return entityType === 'market'
        ? p.marketStatus
        : entityType === 'plan'
          ? p.planStatus
          : entityType === 'activity'
            ? p.activityStatus
            : entityType === 'project'
              ? messages.projects.status
              : entityType === 'b2b_event'
                ? messages.events.status
                : undefined;
    case 'stage':
      return entityType === 'relationship' ? messages.pipeline.stages : undefined;
    case 'funding_programme':
      return messages.projects.programme;
    case 'role':
      return entityType === 'activity_participant'
        ? p.participantRole
        : entityType === 'project_partner'
          ? messages.projects.role
          : messages.roles;
    case 'attendance':
      return messages.attendance.value;
    case 'category':
      return BUDGET_CATEGORY_LABELS;
    case 'funding_source':
    case 'funding_sources':
      return FUNDING_SOURCE_LABELS;
    case 'phase':
      return entityType === 'instrument' ? PHASE_LABELS : undefined;
    case 'kind':
      return entityType === 'cost_line'
        ? p.costKind
        : entityType === 'interaction'
          ? messages.interactions.kind
          : t.importKinds;
    case 'origin':
      return entityType === 'cost_line' ? p.origin : undefined;
    case 'format':
      return t.formats;
    default:
      return undefined;
  }
}

/** What a reader needs besides the value: the names of referred records, the event's KPI. */
export interface AuditValueContext {
  entityType: string;
  references: Record<string, string>;
  kpi: AuditEventDto['kpi'];
}

const isEmpty = (value: unknown) =>
  value === null ||
  value === undefined ||
  value === '' ||
  value === '{}' ||
  value === '[]' ||
  (Array.isArray(value) && value.length === 0);

const number = new Intl.NumberFormat(activeLocale(), { maximumFractionDigits: 2 });

/**
 * A recorded value as a person reads it.
 *
 * @example formatAuditValue('amount_cents', 438050, context) // "€4,380.50"
 * @example formatAuditValue('type', 'sme', { ...context, entityType: 'organisation' }) // "SME"
 */
export function formatAuditValue(field: string, value: unknown, context: AuditValueContext): string {
  const list = jsonList(value);
  if (list) return formatAuditValue(field, list, context);
  if (isEmpty(value)) return t.none;
  // A custom instrument's budget model and KPIs (issue 20): as the catalogue writes them.
  if (field === 'budget_items' && Array.isArray(value)) {
    return value
      .map((item) => describeBudgetItem(item as Parameters<typeof describeBudgetItem>[0]))
      .join(' + ');
  }
  if (field === 'kpis' && Array.isArray(value)) {
    return value
      .map((kpi) =>
        String((kpi as { label?: unknown; key?: unknown }).label ?? (kpi as { key?: unknown }).key),
      )
      .join(', ');
  }
  if (Array.isArray(value)) return value.map((item) => formatAuditValue(field, item, context)).join(', ');
  if (typeof value === 'boolean') return value ? t.yes : t.no;
  // Booleans are stored as 0/1 integers.
  if (BOOLEAN_FIELDS.has(field) && (value === 0 || value === 1)) return value === 1 ? t.yes : t.no;
  if (REFERENCE_FIELDS.has(field) && typeof value === 'string') {
    return context.references[value] ?? t.deletedReference;
  }
  if (field === 'kpi_key' && typeof value === 'string') return context.kpi?.label ?? value;
  if (typeof value === 'number') {
    if (MONEY_CENTS.has(field)) return formatEur(value / 100);
    if (field === 'effort_centidays') return t.days(number.format(value / 100));
    // KPI targets and values: money is kept in cents.
    if ((field === 'value' || field === 'value_number') && context.kpi?.kind === 'money') {
      return formatEur(value / 100);
    }
    return number.format(value);
  }
  if (typeof value === 'string') {
    if (DAYS.has(field) && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
    if (TIMES.has(field) && !Number.isNaN(Date.parse(value))) return formatDateTime(value);
    if (field === 'country' || field === 'target_market_interests') return countryName(value);
    if (field === 'segments') return marketSegmentLabel(value);
    if (field === 'estimate_parameters') return estimateParameters(value);
    const vocabulary = vocabularyOf(context.entityType, field);
    if (vocabulary) return labelOf({ codes: [], labels: vocabulary }, value);
    return value;
  }
  if (field === 'instruments' || typeof value !== 'object') return String(value);
  return Object.entries(value as Record<string, unknown>)
    .map(([key, item]) => `${key}: ${String(item)}`)
    .join(', ');
}

/** A list the log recorded as the JSON text of its column (`["satcom"]`), else undefined. */
function jsonList(value: unknown): unknown[] | undefined {
  if (typeof value !== 'string' || !value.startsWith('[')) return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** The estimate's parameters (JSON text) as "travellers 3, days 4". */
function estimateParameters(text: string): string {
  try {
    const parsed = JSON.parse(text) as Record<string, unknown>;
    const entries = Object.entries(parsed).filter(([, value]) => !isEmpty(value));
    return entries.length === 0
      ? t.none
      : entries.map(([key, value]) => `${key} ${String(value)}`).join(', ');
  } catch {
    return text;
  }
}

/** One change as shown: the field's name, and its value before and after, written out. */
export interface ShownChange {
  field: string;
  label: string;
  before: string;
  after: string;
}

/**
 * The changes of an event worth reading, in the recorded order: internal fields left out, and on
 * a creation (or deletion) the fields that were empty.
 */
export function shownChanges(
  event: Pick<AuditEventDto, 'entityType' | 'action' | 'changes' | 'kpi'>,
  references: Record<string, string>,
): ShownChange[] {
  const context: AuditValueContext = { entityType: event.entityType, references, kpi: event.kpi };
  const hidden = HIDDEN_BY_TYPE[event.entityType];
  return Object.entries(event.changes).flatMap(([field, pair]) => {
    const [before, after] = pair as [unknown, unknown];
    if (HIDDEN_FIELDS.has(field) || hidden?.has(field)) return [];
    if (event.action !== 'update' && isEmpty(before) && isEmpty(after)) return [];
    if (field === 'instruments') {
      const count = (list: unknown) => (Array.isArray(list) ? t.instrumentCount(list.length) : t.none);
      return [{ field, label: auditFieldLabel(field), before: count(before), after: count(after) }];
    }
    return [
      {
        field,
        label: auditFieldLabel(field),
        before: formatAuditValue(field, before, context),
        after: formatAuditValue(field, after, context),
      },
    ];
  });
}

/** The readable name of a changed field (the audit log records column names). */
export function auditFieldLabel(field: string): string {
  return t.fields[field] ?? field.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

/** "Target market", "Budget line"… */
export function entityTypeLabel(entityType: string): string {
  return t.entityTypes[entityType] ?? auditFieldLabel(entityType);
}

/** Fields whose recorded value names the record, in the order tried. */
const NAME_FIELDS = ['title', 'name', 'short_name', 'description', 'email'];

/**
 * What the changed record is called: its name today, else the name the log recorded (it has been
 * deleted since), else nothing (an import, a record without a name). Never its id.
 */
export function auditRecordName(event: AuditEventDto): { name: string; deleted: boolean } | null {
  if (event.entityName !== null) {
    return {
      name: event.entityType === 'travel_rate' ? countryName(event.entityName) : event.entityName,
      deleted: false,
    };
  }
  for (const field of NAME_FIELDS) {
    const pair = event.changes[field] as [unknown, unknown] | undefined;
    const recorded = pair?.find((value) => typeof value === 'string' && value !== '');
    if (typeof recorded === 'string') return { name: recorded, deleted: true };
  }
  const country = (event.changes.country as [unknown, unknown] | undefined)?.find(
    (v) => typeof v === 'string',
  );
  if (event.entityType === 'travel_rate' && typeof country === 'string') {
    return { name: countryName(country), deleted: true };
  }
  return null;
}

/** The page of a record that has one, as a route and its parameters. */
export function auditRecordLink(
  event: AuditEventDto,
):
  | { to: '/w/$workspace/markets/$marketId'; params: { marketId: string } }
  | { to: '/w/$workspace/plans/$planId'; params: { planId: string } }
  | { to: '/w/$workspace/activities/$activityId'; params: { activityId: string } }
  | { to: '/w/$workspace/members/$id'; params: { id: string } }
  | null {
  if (event.entityName === null) return null;
  switch (event.entityType) {
    case 'market':
      return { to: '/w/$workspace/markets/$marketId', params: { marketId: event.entityId } };
    case 'plan':
      return { to: '/w/$workspace/plans/$planId', params: { planId: event.entityId } };
    case 'activity':
      return { to: '/w/$workspace/activities/$activityId', params: { activityId: event.entityId } };
    case 'organisation':
      return { to: '/w/$workspace/members/$id', params: { id: event.entityId } };
    default:
      return null;
  }
}
