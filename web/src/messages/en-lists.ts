/**
 * English UI strings of the lists and the global search (issue 18): sorting, totals, saved views,
 * the search dialog, the activities list, a member's activities and history, an instrument's use.
 * Spread into `en` so every page still reads `messages.…`.
 */
import type { SearchKind } from '../api/types.ts';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** A noun's singular and plural, for counts. */
type Noun = readonly [one: string, many: string];

export const enLists = {
  lists: {
    sortBy: (column: string) => `Sort by ${column.toLowerCase()}`,
    /** "25 of 132 organisations" while pages remain to load, "132 organisations" once all show. */
    shown: (shown: number, total: number, [one, many]: Noun) =>
      shown < total ? `${shown} of ${plural(total, one, many)}` : plural(total, one, many),
    nouns: {
      organisations: ['organisation', 'organisations'],
      people: ['person', 'people'],
      markets: ['market', 'markets'],
      activities: ['activity', 'activities'],
      events: ['change', 'changes'],
    } satisfies Record<string, Noun>,
    views: 'Saved views',
    viewNamed: (name: string) => `View: ${name}`,
    yourViews: 'Your saved views',
    noViews: 'No saved views yet',
    viewsLoadError: 'Your views could not be loaded',
    saveView: 'Save current filters and sort…',
    manageViews: 'Rename or delete views…',
    saveTitle: 'Save this view',
    saveIntro:
      'Saves the filters and sort of this list under a name, for you only. Your views follow you to any browser you sign in on.',
    viewName: 'Name of the view',
    viewNamePlaceholder: 'e.g. Spanish SMEs',
    save: 'Save view',
    saveFailed: 'The view could not be saved',
    nameRequired: 'Enter a name',
    nameTooLong: (max: number) => `At most ${max} characters`,
    manageTitle: 'Your saved views',
    rename: 'Rename',
    renameLabel: (name: string) => `Rename the view ${name}`,
    newName: (name: string) => `New name of “${name}”`,
    renameFailed: 'The view could not be renamed',
    delete: 'Delete',
    deleteLabel: (name: string) => `Delete the view ${name}`,
    deleteBody: (name: string) =>
      `Delete the view “${name}”? Only the saved filters go; the records in the list stay as they are.`,
    deleteConfirm: 'Delete view',
    deleteFailed: 'The view could not be deleted',
  },
  globalSearch: {
    open: 'Search the workspace (Ctrl+K)',
    placeholder: 'Search…',
    title: (workspace: string) => `Search ${workspace}`,
    inputLabel: 'Search members, people, markets, plans and activities',
    inputPlaceholder: 'Name of a member, person, market, plan or activity',
    results: 'Results',
    hint: 'Type a name, an e-mail address or a country code.',
    failed: 'The search failed: try again.',
    nothing: (q: string) => `Nothing is called “${q}”.`,
    found: (n: number) => `${plural(n, 'result', 'results')}: ↑ and ↓ to choose, Enter to open.`,
    keyboardHelp: 'Up and down arrows move through the results; Enter opens the chosen one; Escape closes.',
    kinds: {
      organisation: 'Members',
      person: 'People',
      market: 'Markets',
      plan: 'Plans',
      activity: 'Activities',
    } satisfies Record<SearchKind, string>,
    seeAll: {
      organisation: (q: string) => `All members matching “${q}”`,
      person: (q: string) => `All people matching “${q}”`,
      market: (q: string) => `All markets matching “${q}”`,
      plan: (q: string) => `All plans matching “${q}”`,
      activity: (q: string) => `All activities matching “${q}”`,
    } satisfies Record<SearchKind, (q: string) => string>,
  },
  activityList: {
    nav: 'Activities',
    title: 'Activities',
    intro: (workspace: string) =>
      `Every activity of ${workspace}: in a plan or standalone. Filter and sort the list; the address keeps it, so it can be shared or saved as a view.`,
    add: 'Add activity',
    filters: 'Filters',
    search: 'Search',
    searchPlaceholder: 'Title',
    clearSearch: 'Clear search',
    status: 'Status',
    anyStatus: 'Any status',
    market: 'Market',
    anyMarket: 'Any market',
    instrument: 'Instrument',
    anyInstrument: 'Any instrument',
    cluster: 'Responsible cluster',
    anyCluster: 'Any cluster',
    loading: 'Loading activities…',
    loadError: 'The activities could not be loaded',
    emptyTitle: 'No activities yet',
    emptyBody: 'Plan one from a plan, from the catalogue (“Plan this instrument”) or with “Add activity”.',
    emptyFilteredTitle: 'No activities match',
    emptyFilteredBody: 'No activity matches the search and filters.',
    clearFilters: 'Clear search and filters',
    tableCaption: 'Activities',
  },
  memberPage: {
    activities: 'Activities',
    activitiesLoading: 'Loading the activities…',
    activitiesLoadError: 'The activities could not be loaded',
    noActivities: 'This organisation has not taken part in any activity yet.',
    activitiesCaption: (name: string) => `Activities ${name} took part in, the latest first`,
    history: 'History',
    historyIntro: 'Who changed this organisation, and what, the latest first.',
    historyLoading: 'Loading the history…',
    historyLoadError: 'The history could not be loaded',
    noHistory: 'No changes recorded (an organisation imported from a file has its import in the audit log).',
  },
  instrumentUsage: {
    title: (workspace: string) => `In ${workspace}`,
    workspace: 'Workspace',
    plan: 'Plan this instrument',
    loadError: 'Where the instrument is used could not be loaded.',
    plans: (n: number) => `Used by ${plural(n, 'plan', 'plans')}`,
    noPlans: 'No plan uses it yet.',
    morePlans: (n: number) => `and ${plural(n, 'more plan', 'more plans')} (see the markets)`,
    activities: (n: number) => plural(n, 'activity', 'activities'),
    noActivities: 'No activity of it yet.',
    allActivities: (n: number) => `All ${n} activities of this instrument`,
  },
} as const;
