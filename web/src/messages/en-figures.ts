/**
 * English UI strings of issue 18's figures (what a number means, labels instead of codes, the
 * readable audit log), kept apart from `en.ts` so pages read `figures.…` directly.
 */

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const figures = {
  dashboard: {
    /** The one meaning of the dashboard's money (decision 0016), shown beside the numbers. */
    byActivityStart: 'by activity start',
    byActivityStartHint:
      'The costs of the activities starting in the period, whenever they were paid: the burn chart and the funder report count the same.',
    byPaymentDate: 'Months by payment date',
    burnMeaning:
      'The actual costs of the activities starting in the period (by activity start, as the headline), drawn in the month each was paid: money paid before the period or after it widens the chart.',
    burnChart: 'Money spent on the period’s activities, by funding source and month paid',
    burnTotals: (actual: string, planned: string) =>
      `${actual} spent on the period’s activities · ${planned} planned for them`,
    target: (value: string) => `target ${value}`,
    targetHint: 'The targets set on the plans and activities in scope',
    programmeGroup: 'Whole programme',
    programmeGroupHint:
      'The Hub-wide KPIs of every activity, against the targets set on plans (which replace their activities’ targets) and on activities.',
    funderReportHint: 'Make the funder report of this period and market',
  },
  reports: {
    market: 'Market',
    anyMarket: 'All markets',
    marketHint: 'Leave empty for every market and the standalone activities.',
    marketColumn: 'Market',
    allMarkets: 'All markets',
    startedRunning: 'The report is being made; it appears below.',
    startedReady: 'The report is ready:',
    startedFailed: 'The report could not be made:',
    meaning:
      'Every figure counts the activities starting in the period (by activity start), as the dashboard does; their actual costs count whenever they were paid.',
  },
  audit: {
    filters: 'Filter the audit log',
    who: 'Who',
    anyone: 'Anyone',
    entityType: 'Record type',
    anyType: 'Every type',
    action: 'Action',
    anyAction: 'Every action',
    from: 'From',
    to: 'To',
    clear: 'Clear filters',
    count: (n: number, more: boolean) =>
      `${plural(n, 'change', 'changes')}${more ? ' shown (more below)' : ''}`,
    deletedRecord: 'deleted since',
    noMatch: 'No change matches these filters.',
    open: (name: string) => `Open ${name}`,
    created: 'created with',
    system: 'The Hub',
    entityTypes: {
      cluster: 'Cluster',
      organisation: 'Member organisation',
      person: 'Person',
      membership: 'Workspace member',
      invitation: 'Invitation',
      market: 'Target market',
      plan: 'Plan',
      plan_instrument: 'Plan instrument',
      activity: 'Activity',
      participant: 'Participant',
      cost_line: 'Cost line',
      kpi_target: 'KPI target',
      kpi_entry: 'KPI value',
      travel_rate: 'Travel rate',
      import: 'Import',
      job: 'Funder report',
      api_token: 'API token',
      workspace: 'Workspace',
    } as Record<string, string>,
  },
} as const;
