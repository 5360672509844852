/**
 * The address parameters of the interactions' pages: the quick entry's `?activity=` and the
 * list's filters. Read leniently (anything unknown is dropped, so an old link still opens) and
 * turned into the API's query. Pure, so it is unit-tested.
 */
import type { InteractionKind } from '../../api/types.ts';
import { INTERACTION_KINDS } from '../../api/vocabulary.ts';
import type { InteractionFilter } from './queries.ts';

export interface QuickEntrySearch {
  /** The activity where the interaction happens (prefilled). */
  activity?: string;
}

export interface InteractionsSearch {
  kind?: InteractionKind;
  from?: string;
  to?: string;
  /** "My open next steps": only open next steps the signed-in user owns. */
  mine?: boolean;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function id(value: unknown): string | undefined {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{1,100}$/.test(value) ? value : undefined;
}

function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function parseQuickEntrySearch(raw: Record<string, unknown>): QuickEntrySearch {
  return compact({ activity: id(raw.activity) });
}

export function parseInteractionsSearch(raw: Record<string, unknown>): InteractionsSearch {
  const day = (value: unknown) => (typeof value === 'string' && DAY.test(value) ? value : undefined);
  return compact({
    kind: INTERACTION_KINDS.includes(raw.kind as InteractionKind) ? (raw.kind as InteractionKind) : undefined,
    from: day(raw.from),
    to: day(raw.to),
    mine: raw.mine === true || raw.mine === 'true' ? true : undefined,
  });
}

/** The list's filters as the API's query. */
export function interactionsFilter(search: InteractionsSearch): InteractionFilter {
  return compact({
    kind: search.kind,
    from: search.from,
    to: search.to,
    ...(search.mine ? { openNextStep: 'true' as const, nextStepOwner: 'me' } : {}),
  });
}
