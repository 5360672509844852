/**
 * The audit log's address: its filters and order read leniently (anything unknown or malformed is dropped,
 * so an edited or old link still opens). Pure, so it is unit-tested.
 */
import { sortParam } from '../../components/list-sort.ts';
import type { AuditSearch } from './queries.ts';

/** The columns the log sorts by (the API's keys); without `sort`, newest first. */
export const AUDIT_SORTS = ['at', 'actor', 'entityType', 'action'] as const;
export const AUDIT_DEFAULT_SORT = '-at';

const ACTIONS = ['create', 'update', 'delete'] as const;

function isIsoDay(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}

/** `validateSearch` of the audit page. */
export function parseAuditSearch(raw: Record<string, unknown>): AuditSearch {
  const search: AuditSearch = {};
  if (typeof raw.actorId === 'string' && raw.actorId !== '' && raw.actorId.length <= 100) {
    search.actorId = raw.actorId;
  }
  if (typeof raw.entityType === 'string' && /^[a-z_]{1,40}$/.test(raw.entityType)) {
    search.entityType = raw.entityType;
  }
  const action = ACTIONS.find((a) => a === raw.action);
  if (action) search.action = action;
  if (isIsoDay(raw.from)) search.from = raw.from;
  if (isIsoDay(raw.to) && !(search.from && raw.to < search.from)) search.to = raw.to;
  const sort = sortParam(raw.sort, AUDIT_SORTS);
  if (sort) search.sort = sort;
  return search;
}
