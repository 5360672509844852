/**
 * The plan page's tabs, kept in the address (`/plans/…?tab=kpis`) so a reload, a shared link or
 * the back button opens the same part. The timeline (with the activities) is the default and has
 * no parameter. Pure, so it is unit-tested.
 */

export const PLAN_TABS = ['timeline', 'instruments', 'kpis'] as const;
export type PlanTab = (typeof PLAN_TABS)[number];

export interface PlanSearch {
  /** Absent: the timeline. */
  tab?: Exclude<PlanTab, 'timeline'>;
  /** An instrument key: open the form of a new activity of it in this plan ("Plan this instrument"). */
  new?: string;
}

/** `validateSearch` of the plan page: an unknown tab (an old or edited link) opens the timeline. */
export function parsePlanSearch(raw: Record<string, unknown>): PlanSearch {
  const tab: PlanSearch = raw.tab === 'instruments' || raw.tab === 'kpis' ? { tab: raw.tab } : {};
  const instrument =
    typeof raw.new === 'string' && raw.new.trim() !== '' && raw.new.length <= 100 ? { new: raw.new } : {};
  return { ...tab, ...instrument };
}

/** The tab the address names. */
export function planTabOf(search: PlanSearch): PlanTab {
  return search.tab ?? 'timeline';
}

/** The address parameters of a tab: none for the timeline. */
export function planSearchOf(tab: string | null): PlanSearch {
  return parsePlanSearch({ tab });
}
