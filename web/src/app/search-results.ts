/**
 * The global search's answer as the dialog shows it: one group per kind with a label, each hit
 * with the page it opens, and a "see all" line where the kind has more hits and a list to show
 * them in. Pure, so it is unit-tested.
 */
import type { SearchKind, SearchResultDto } from '../api/types.ts';
import { messages } from '../messages/en.ts';

const t = messages.globalSearch;

/** A page of the app, as the router navigates to it. */
export type SearchTarget =
  | { to: '/w/$workspace/members/$id'; params: { workspace: string; id: string } }
  | { to: '/w/$workspace/markets/$marketId'; params: { workspace: string; marketId: string } }
  | { to: '/w/$workspace/plans/$planId'; params: { workspace: string; planId: string } }
  | { to: '/w/$workspace/activities/$activityId'; params: { workspace: string; activityId: string } }
  | { to: '/w/$workspace/members'; params: { workspace: string }; search: { q: string } }
  | { to: '/w/$workspace/people'; params: { workspace: string }; search: { q: string } }
  | { to: '/w/$workspace/markets'; params: { workspace: string }; search: { q: string } }
  | { to: '/w/$workspace/activities'; params: { workspace: string }; search: { q: string } };

export interface SearchEntry {
  /** Unique in the dialog (and a valid HTML id once prefixed). */
  key: string;
  label: string;
  detail: string;
  target: SearchTarget;
  /** A "see all" line rather than a record. */
  more: boolean;
}

export interface SearchSection {
  kind: SearchKind;
  label: string;
  entries: SearchEntry[];
}

type Hit = SearchResultDto['groups'][number]['items'][number];

/** The page a hit opens: a person's is their organisation's (which lists them), else the people list. */
export function hitTarget(workspace: string, kind: SearchKind, hit: Hit): SearchTarget {
  switch (kind) {
    case 'organisation':
      return { to: '/w/$workspace/members/$id', params: { workspace, id: hit.id } };
    case 'person':
      return hit.organisationId
        ? { to: '/w/$workspace/members/$id', params: { workspace, id: hit.organisationId } }
        : { to: '/w/$workspace/people', params: { workspace }, search: { q: hit.label } };
    case 'market':
      return { to: '/w/$workspace/markets/$marketId', params: { workspace, marketId: hit.id } };
    case 'plan':
      return { to: '/w/$workspace/plans/$planId', params: { workspace, planId: hit.id } };
    case 'activity':
      return { to: '/w/$workspace/activities/$activityId', params: { workspace, activityId: hit.id } };
  }
}

/** The list that shows every hit of a kind (plans have none: they are found through their market). */
export function allHitsTarget(workspace: string, kind: SearchKind, q: string): SearchTarget | null {
  const search = { q };
  switch (kind) {
    case 'organisation':
      return { to: '/w/$workspace/members', params: { workspace }, search };
    case 'person':
      return { to: '/w/$workspace/people', params: { workspace }, search };
    case 'market':
      return { to: '/w/$workspace/markets', params: { workspace }, search };
    case 'activity':
      return { to: '/w/$workspace/activities', params: { workspace }, search };
    case 'plan':
      return null;
  }
}

/** The groups that found something, in the API's order, labelled; empty kinds are left out. */
export function searchSections(workspace: string, result: SearchResultDto): SearchSection[] {
  return result.groups
    .filter((group) => group.items.length > 0)
    .map((group) => {
      const entries: SearchEntry[] = group.items.map((hit) => ({
        key: `${group.kind}-${hit.id}`,
        label: hit.label,
        detail: hit.detail,
        target: hitTarget(workspace, group.kind, hit),
        more: false,
      }));
      const all = group.more ? allHitsTarget(workspace, group.kind, result.q) : null;
      if (all) {
        entries.push({
          key: `${group.kind}-all`,
          label: t.seeAll[group.kind](result.q),
          detail: '',
          target: all,
          more: true,
        });
      }
      return { kind: group.kind, label: t.kinds[group.kind], entries };
    });
}

/** How many records the dialog lists ("see all" lines are not records). */
export function hitCount(sections: SearchSection[]): number {
  return sections.reduce((sum, section) => sum + section.entries.filter((entry) => !entry.more).length, 0);
}
