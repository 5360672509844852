/**
 * The vocabulary of the internationalisation-instrument catalogue (SPACE2ID D4.2, section 1).
 * Pure types and constant lists: no I/O. The HTTP schemas, the database rows and the web app
 * all derive from these.
 */

/** The three groups of D4.2: 1.1 preparatory, 1.2 leads & new business, 1.3 improve & sustain. */
export const PHASES = ['preparatory', 'leads', 'sustain'] as const;
export type Phase = (typeof PHASES)[number];

export const PHASE_LABELS: Record<Phase, string> = {
  preparatory: 'Preparatory instruments for internationalisation',
  leads: 'Instruments to achieve international leads / create new business opportunities',
  sustain: 'Instruments to improve & sustain the international business',
};

/** Who pays. A fixed vocabulary shared with budget lines (planning issue). */
export const FUNDING_SOURCES = [
  'eu_programme',
  'cluster',
  'member_self_funding',
  'national_regional',
  'subscriptions',
  'external_other',
] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

export const FUNDING_SOURCE_LABELS: Record<FundingSource, string> = {
  eu_programme: 'EU programme',
  cluster: 'Cluster',
  member_self_funding: 'Member self-funding',
  national_regional: 'National / regional',
  subscriptions: 'Subscriptions',
  external_other: 'External / other',
};

/** Cost categories a budget model can name besides staff effort. */
export const COST_CATEGORIES = [
  'travel',
  'accommodation',
  'food_beverage',
  'marketing_material',
  'stand_room_rental',
  'external_services',
] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];

export const COST_CATEGORY_LABELS: Record<CostCategory, string> = {
  travel: 'Travel',
  accommodation: 'Accommodation',
  food_beverage: 'Food & beverage',
  marketing_material: 'Marketing material',
  stand_room_rental: 'Stand / room rental',
  external_services: 'External services',
};

/** What one block of effort days is counted per. */
export const EFFORT_UNITS = [
  'training_package',
  'toolkit',
  'mission',
  'event',
  'month',
  'issue',
  'foreign_market',
] as const;
export type EffortUnit = (typeof EFFORT_UNITS)[number];

export const EFFORT_UNIT_LABELS: Record<EffortUnit, { one: string; many: string }> = {
  training_package: { one: 'training package', many: 'training packages' },
  toolkit: { one: 'toolkit', many: 'toolkits' },
  mission: { one: 'mission', many: 'missions' },
  event: { one: 'event', many: 'events' },
  month: { one: 'month', many: 'months' },
  issue: { one: 'issue', many: 'issues' },
  foreign_market: { one: 'foreign market', many: 'foreign markets' },
};

/**
 * One structured item of an instrument's budget model. Every figure the seed gives is an item;
 * where the seed gives no figure it says what the cost depends on (`depends_on`) or makes a
 * remark (`note`), kept in its own words.
 */
export type BudgetItem =
  /** Staff effort of the cluster: `days` working days per `unit` (4 days per training package). */
  | { kind: 'effort_days_per_unit'; days: number; unit: EffortUnit; source: string }
  /** Recurring staff effort: `days` per month, optionally producing one `unit` a month. */
  | { kind: 'recurring_days_per_month'; days: number; unit?: EffortUnit; source: string }
  /** Travellers per mission, as a range (2–3 cluster representatives). */
  | { kind: 'travellers_per_mission'; min: number; max: number; who: string; source: string }
  /** A fee per participating entity in EUR and what it includes (1500 EUR, travel included). */
  | {
      kind: 'fee_per_entity';
      amountEur: number;
      includes: CostCategory[];
      orderOfMagnitude: boolean;
      source: string;
    }
  /** A minimum number of meeting days per unit (at least one day per foreign market). */
  | { kind: 'min_days_per_unit'; days: number; unit: EffortUnit; source: string }
  /** Extra effort the seed names without a figure (mentor interventions when needed). */
  | { kind: 'additional_effort'; who: string; when: string; source: string }
  /** The cost categories the instrument must cover. */
  | { kind: 'cost_categories'; categories: CostCategory[]; source: string }
  /** Factors the cost depends on, where the seed gives no figure. */
  | { kind: 'depends_on'; factors: string[]; source: string }
  /** Any other remark of the seed on cost. */
  | { kind: 'note'; text: string };

export type BudgetItemKind = BudgetItem['kind'];

export interface BudgetModel {
  /** The seed's "Budget Estimation" text, verbatim (whitespace normalised). */
  text: string;
  items: BudgetItem[];
}

export const KPI_KINDS = ['count', 'money', 'percent', 'rating', 'text'] as const;
export type KpiKind = (typeof KPI_KINDS)[number];
/** What each kind of KPI is called on screen and in files. */
export const KPI_KIND_LABELS: Record<KpiKind, string> = {
  count: 'Count',
  money: 'Money',
  percent: 'Percentage',
  rating: 'Rating',
  text: 'Qualitative text',
};

export interface KpiDefinition {
  /** Stable snake_case key, unique within its instrument. */
  key: string;
  /** The seed's wording. */
  label: string;
  kind: KpiKind;
  /** What one unit counts ("contacts", "EUR", "%", "1–5"); null for text. */
  unit: string | null;
}

export interface InstrumentDefinition {
  /** D4.2 section number, e.g. `1.2.1`. */
  code: string;
  /** Stable slug, e.g. `matchmaking-events`. */
  key: string;
  phase: Phase;
  name: string;
  description: string;
  benefits: string[];
  businessModel: string;
  fundingSources: FundingSource[];
  budget: BudgetModel;
  kpis: KpiDefinition[];
}

/**
 * The registered derived-KPI rules a custom instrument's KPI may name (decision 0022), with the
 * kind of KPI each derives. `src/features/kpis/rules/` holds the rules themselves; a test checks
 * that both lists name the same rules.
 */
export const DERIVED_KPI_RULES = {
  activity_held: {
    kind: 'count',
    label: 'Activities held (status done)',
    catalogueKpis: ['training-to-go-international/trainings'],
  },
  participants_present: {
    kind: 'count',
    label: 'Participants marked present',
    catalogueKpis: ['innovation-clubs/participants'],
  },
  member_organisations_present: {
    kind: 'count',
    label: 'Member organisations present',
    catalogueKpis: [],
  },
  actual_costs: { kind: 'money', label: 'Actual costs of the activity', catalogueKpis: [] },
  interaction_meetings: {
    kind: 'count',
    label: 'Meetings with the network (interactions)',
    catalogueKpis: ['roadshows/meetings'],
  },
  network_contacts_met: {
    kind: 'count',
    label: 'Network organisations met',
    catalogueKpis: ['study-visits/contacts_mapped', 'ambassador-staff-exchange/contacts_made'],
  },
  network_new_contacts: {
    kind: 'count',
    label: 'New contacts (first interaction here)',
    catalogueKpis: [
      'roadshows/new_contacts',
      'trade-fairs/new_contacts',
      'international-events-conferences/new_contacts',
      'events-at-home-regions/new_contacts',
      'soft-landing/new_contacts_for_new_partners',
    ],
  },
  projects_completed: {
    kind: 'count',
    label: 'Collaborative projects completed',
    catalogueKpis: [
      'mentoring-follow-up/common_projects_completed',
      'sustaining-the-networks/collaborative_projects_completed',
    ],
  },
  projects_common_label: {
    kind: 'count',
    label: 'Collaborative projects with a common label',
    catalogueKpis: [
      'soft-landing/collaborative_projects_labelled',
      'sustaining-the-networks/collaborative_projects_common_label',
    ],
  },
  projects_supported: {
    kind: 'count',
    label: 'Collaborative projects proposed, funded, running or completed',
    catalogueKpis: ['ambassador-staff-exchange/common_projects_supported'],
  },
  projects_opened: {
    kind: 'count',
    label: 'Collaborative projects opened (ideas included, rejected aside)',
    catalogueKpis: ['ambassador-staff-exchange/new_opportunities_discovered'],
  },
  projects_international_partners: {
    kind: 'count',
    label: 'Network organisations partnering in collaborative projects',
    catalogueKpis: ['sustaining-the-networks/international_partners_in_common_projects'],
  },
  projects_international_funding: {
    kind: 'count',
    label: 'Collaborative projects with international funding',
    catalogueKpis: ['sustaining-the-networks/projects_with_international_funding'],
  },
  relationships_potential_partners: {
    kind: 'count',
    label: 'Relationships that first reached "potential partner" at the activity',
    catalogueKpis: ['study-visits/potential_partners_estimated'],
  },
  relationships_new_partners: {
    kind: 'count',
    label: 'Relationships that first reached "partner" at the activity',
    catalogueKpis: [
      'roadshows/new_partners',
      'trade-fairs/new_partners',
      'international-events-conferences/new_partners',
      'events-at-home-regions/new_partners',
      'soft-landing/new_partners_arrived',
    ],
  },
  relationships_new_collaborations: {
    kind: 'count',
    label: 'Relationships that first reached "collaborating" at the activity',
    catalogueKpis: [
      'innovation-clubs/new_collaborations',
      'ambassador-staff-exchange/collaborations_facilitated',
    ],
  },
  relationships_collaborations_sustained: {
    kind: 'count',
    label: 'Relationships moved or confirmed at "collaborating" or beyond at the activity',
    catalogueKpis: ['mentoring-follow-up/collaborations_sustained'],
  },
  matchmaking_meetings_held: {
    kind: 'count',
    label: 'B2B meetings held at the activity’s matchmaking event',
    catalogueKpis: ['matchmaking-events/contacts'],
  },
  matchmaking_requests_sent: {
    kind: 'count',
    label: 'Meeting requests sent at the activity’s matchmaking event (not withdrawn)',
    catalogueKpis: ['matchmaking-events/communication_initiatives'],
  },
  survey_stakeholder_types: {
    kind: 'count',
    label: 'Distinct types of network organisations that completed the activity’s survey waves',
    catalogueKpis: ['market-surveys-study/stakeholder_diversity'],
  },
  survey_members_responding: {
    kind: 'count',
    label: 'Member organisations that answered the activity’s survey waves',
    catalogueKpis: ['validation-surveys/members_participating'],
  },
} as const satisfies Record<string, { kind: KpiKind; label: string; catalogueKpis: readonly string[] }>;
export type DerivedKpiRuleKey = keyof typeof DERIVED_KPI_RULES;
