/**
 * English UI strings. The catalogue's own text (names, descriptions, D4.2 wording) comes from the
 * API; only the words of the interface live here, so a translation is one more file of this shape.
 */
import type { KpiKind, Phase } from '../api/types.ts';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const en = {
  app: {
    name: 'SPACE2ID Hub',
    tagline: 'Internationalisation workbench',
    skipToContent: 'Skip to main content',
    mainNavigation: 'Main',
    toggleNavigation: 'Toggle navigation',
    documentTitle: (page: string) => `${page} · SPACE2ID Hub`,
  },
  nav: {
    programme: 'Programme',
    catalogue: 'Instrument catalogue',
    developers: 'Developers',
    apiReference: 'API reference',
  },
  notFound: {
    title: 'Page not found',
    body: 'There is no page at this address. It may have moved, or the link may be mistyped.',
    backToCatalogue: 'Go to the instrument catalogue',
  },
  common: {
    retry: 'Try again',
    errorTitle: 'Something went wrong',
    loading: 'Loading…',
    none: '—',
  },
  catalogue: {
    title: 'Instrument catalogue',
    intro:
      'The pool of internationalisation instruments of SPACE2ID Deliverable 4.2, grouped in three phases. ' +
      'Pick the instruments that fit a target market and plan them as activities.',
    filterLabel: 'Filter instruments',
    filterPlaceholder: 'Search by name or description',
    filterDescription: 'Matches instruments whose name or description contains every word you type.',
    clearFilter: 'Clear filter',
    instrumentCount: (n: number) => plural(n, 'instrument', 'instruments'),
    loading: 'Loading instruments…',
    loadError: 'The instrument catalogue could not be loaded',
    emptyTitle: 'No instruments match your filter',
    emptyBody: (query: string) => `Nothing in the catalogue mentions “${query}” in its name or description.`,
    emptyColumn: 'No matching instruments in this phase.',
    phaseCount: (n: number) => plural(n, 'instrument', 'instruments'),
    kpiCount: (n: number) => plural(n, 'KPI', 'KPIs'),
    fundingSources: 'Funding sources',
    budget: 'Budget',
    openInstrument: (name: string) => `Open ${name}`,
  },
  instrument: {
    breadcrumb: 'Breadcrumb',
    loading: 'Loading instrument…',
    loadError: 'The instrument could not be loaded',
    notFoundTitle: 'Instrument not found',
    notFoundBody: (key: string) => `No instrument with key “${key}”.`,
    backToCatalogue: 'Back to the instrument catalogue',
    origin: { 'd4.2': 'D4.2 original', custom: 'Custom instrument' },
    summary: 'At a glance',
    phase: 'Phase',
    kpis: 'KPIs',
    description: 'Description',
    benefits: 'Purpose and benefits',
    businessModel: 'Business model',
    fundingSources: 'Funding sources',
    noFundingSources: 'No funding source named.',
    budget: 'Budget estimation',
    budgetFormula: 'Budget formula',
    budgetFormulaHint: 'Estimated per activity from the cluster’s day rate, travellers and destination.',
    budgetItems: 'Budget model',
    noBudgetItems: 'The budget model has no structured items.',
    seedText: 'D4.2 text',
    seedTextCite: 'SPACE2ID Deliverable 4.2, budget estimation',
    source: 'Source',
    kpiTable: (name: string) => `KPIs of ${name}`,
    kpiLabel: 'KPI',
    kpiKind: 'Kind',
    kpiUnit: 'Unit',
    noKpis: 'This instrument defines no KPIs.',
  },
  phaseShort: {
    preparatory: 'Preparatory',
    leads: 'Leads & new business',
    sustain: 'Improve & sustain',
  } satisfies Record<Phase, string>,
  kpiKind: {
    count: 'Count',
    money: 'Money',
    percent: 'Percentage',
    rating: 'Rating',
    text: 'Qualitative text',
  } satisfies Record<KpiKind, string>,
  budgetItem: {
    kind: {
      effort_days_per_unit: 'Staff effort',
      recurring_days_per_month: 'Recurring effort',
      travellers_per_mission: 'Travellers',
      fee_per_entity: 'Participation fee',
      min_days_per_unit: 'Minimum duration',
      additional_effort: 'Additional effort',
      cost_categories: 'Costs to cover',
      depends_on: 'Depends on',
      note: 'Note',
    },
    days: (n: number) => plural(n, 'day', 'days'),
    effortPerUnit: (days: string, unit: string) => `${days} of cluster staff work per ${unit}`,
    recurringPerMonth: (days: string) => `${days} of cluster staff work per month`,
    recurringProduces: (unit: string) => `one ${unit} a month`,
    travellers: (min: number, max: number, who: string) =>
      min === max ? `${min} ${who} per mission` : `${min}–${max} ${who} per mission`,
    feePerEntity: (amount: string) => `${amount} per participating entity`,
    orderOfMagnitude: 'order of magnitude',
    includes: 'Includes',
    minDaysPerUnit: (days: string, unit: string) => `At least ${days} per ${unit}`,
    additionalEffort: (who: string, when: string) => `Effort by ${who}, ${when}`,
  },
} as const;

/** The active message set. */
export const messages = en;
