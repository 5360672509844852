/**
 * English UI strings of the coordinators' dashboard and the KPI drill-down (issue 5), spread into
 * `en` so every page still reads `messages.…`.
 */
import type { PeriodPreset } from '../routes/dashboard/period.ts';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const enDashboard = {
  dashboard: {
    title: 'Dashboard',
    intro:
      'How the programme is doing in the period: activities, KPIs against their targets, money spent and where.',
    funderReport: 'Funder report',
    loading: 'Loading the dashboard…',
    filters: 'Period and market',
    period: 'Period',
    presets: {
      thisYear: 'This year',
      lastYear: 'Last year',
      last12Months: 'Last 12 months',
    } satisfies Record<PeriodPreset, string>,
    custom: 'Custom',
    from: 'From',
    to: 'To',
    apply: 'Apply',
    periodInvalid: 'must be on or after From, less than 10 years later',
    market: 'Market',
    anyMarket: 'All markets',
    showing: (from: string, to: string) => `Activities starting ${from} – ${to}`,
    // a. Headline figures
    headline: 'In the period',
    activities: 'Activities',
    activitiesHint: 'Open the calendar at the start of the period',
    held: 'Activities held',
    present: 'Participants present',
    actualCosts: 'Actual costs',
    plannedOf: (planned: string) => `of ${planned} planned`,
    plannedHint: 'See the planned totals by funding source',
    drillHint: (what: string) => `Show the records behind ${what}`,
    kpiLoadError: 'The KPIs could not be loaded',
    // b. KPIs
    kpis: 'KPIs: target vs actual',
    kpiGrouping: 'Group the KPIs',
    byPhase: 'By phase',
    byInstrument: 'By instrument',
    groupActivities: (n: number) => plural(n, 'activity', 'activities'),
    progressChart: (group: string) => `Progress towards the targets: ${group}`,
    kpiTableCaption: (group: string) => `KPIs of ${group}: target, actual and progress`,
    columns: { kpi: 'KPI', target: 'Target', actual: 'Actual', progress: 'Progress' },
    progressColumn: 'Progress (%)',
    targetLine: 'Target',
    noTarget: '—',
    noValue: '—',
    texts: 'Qualitative results',
    noTexts: 'No text recorded yet.',
    textBy: (activity: string, date: string) => `${activity}, ${date}`,
    noTargetsInGroup: 'No targets set here yet: set them on the plan or its activities to see progress.',
    noKpiGroups:
      'No activities in this period yet: plan activities (Markets → a plan → Add activity) to see their KPIs here.',
    // c. Budget burn
    burn: 'Budget burn by funding source',
    burnPlanned: (source: string) => `${source}: planned`,
    burnMonth: 'Month',
    burnPlannedRow: 'Planned total',
    noBurn:
      'No money planned or spent in this period yet: add budget lines and record actual costs on the activities.',
    burnLoadError: 'The budget burn could not be loaded',
    // d. World map
    map: 'Target markets on the map',
    mapChart: (measure: string) => `Target markets by ${measure.toLowerCase()}`,
    colourBy: 'Colour by',
    mapActivities: 'Activities',
    mapMarket: 'Market',
    mapCountry: 'Country',
    mapLegend: 'Legend',
    mapNothing: 'No value',
    noMarkets: 'No target markets yet: add one under Markets to see it on the map.',
    // e. Upcoming
    upcoming: 'Upcoming activities',
    upcomingCaption: 'The next activities, by start date',
    upcomingColumns: {
      activity: 'Activity',
      dates: 'Dates',
      instrument: 'Instrument',
      market: 'Market',
      status: 'Status',
    },
    standalone: 'Standalone',
    noUpcoming: 'No upcoming activities: add one to a plan, or plan a standalone activity.',
    upcomingLoadError: 'The upcoming activities could not be loaded',
    calendarLink: 'Open the calendar',
  },
  kpiRecords: {
    title: 'KPI records',
    breadcrumb: 'Dashboard',
    loading: 'Loading the records…',
    loadError: 'The records could not be loaded',
    howMade: 'How this number is made',
    entered: 'Entered by hand on each activity (KPI entries).',
    total: 'Total',
    count: (n: number) => plural(n, 'record', 'records'),
    scope: (from: string, to: string) => `Activities starting ${from} – ${to}`,
    anyPeriod: 'Every period',
    caption: (label: string) => `The records behind ${label}`,
    columns: { type: 'Type', activity: 'Activity', date: 'Date', description: 'Description', value: 'Value' },
    type: {
      participant: 'Participant',
      activity: 'Activity',
      cost_line: 'Cost line',
      entry: 'KPI entry',
    } as Record<string, string>,
    loadMore: 'Load more',
    shown: (shown: number, total: number) => `${shown} of ${total} shown`,
    empty: 'No records behind this number in the period.',
    missingKpi: 'No KPI chosen: open the records from a number on the dashboard.',
    back: 'Back to the dashboard',
  },
} as const;
