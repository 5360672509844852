/**
 * English UI strings of the funder reports page (issue 5), spread into `en` so every page still
 * reads `messages.…`.
 */
import type { JobStatus, ReportFormat } from '../api/types.ts';

export const enReports = {
  reports: {
    title: 'Funder reports',
    intro:
      'A report for a period: the summary, KPIs against their targets, the budget by funding source and cost category, and the list of activities. It is made in the background; you can leave this page and come back.',
    forbiddenTitle: 'Funder reports are for roles that see budgets',
    formTitle: 'New report',
    from: 'From',
    to: 'To',
    format: 'Format',
    formats: { pdf: 'PDF', xlsx: 'Excel (XLSX)' } satisfies Record<ReportFormat, string>,
    formatDescriptions: {
      pdf: 'To read and send: cover, tables and charts.',
      xlsx: 'To work with: one sheet per section, numbers as numbers.',
    } satisfies Record<ReportFormat, string>,
    generate: 'Generate report',
    generating: 'Starting…',
    required: 'Enter a date',
    invalidDate: 'Enter a date as YYYY-MM-DD',
    toBeforeFrom: 'Must not be before From',
    tooLong: 'A report covers at most 10 years',
    startFailed: 'The report could not be started',
    listTitle: 'Reports',
    listCaption: 'Reports of this workspace, newest first',
    loading: 'Loading reports…',
    loadError: 'The reports could not be loaded',
    emptyTitle: 'No reports yet',
    emptyBody: 'Choose a period and a format above, then Generate report.',
    requested: 'Requested',
    period: 'Period',
    status: 'Status',
    progress: 'Progress',
    file: 'File',
    periodText: (from: string, to: string) => `${from} to ${to}`,
    statuses: {
      queued: 'Waiting',
      running: 'Running',
      succeeded: 'Ready',
      failed: 'Failed',
    } satisfies Record<JobStatus, string>,
    progressLabel: (period: string) => `Progress of the report for ${period}`,
    download: (format: string) => `Download ${format}`,
    downloadLabel: (visible: string, name: string) => `${visible}: ${name}`,
    failedBecause: (error: string) => `Failed: ${error}`,
    loadMore: 'Show older reports',
  },
};
