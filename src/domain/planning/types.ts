import { COST_CATEGORIES, FUNDING_SOURCES, type FundingSource } from '../catalogue/types.ts';

/**
 * The vocabulary of the planning core (issue 4): target markets, plans, activities and their
 * budget lines. Pure constants and types; the migration's CHECK constraints, the HTTP schemas and
 * the web app all derive from these lists.
 */

export const MARKET_STATUSES = ['exploring', 'active', 'paused', 'closed'] as const;
export type MarketStatus = (typeof MARKET_STATUSES)[number];

export const MARKET_PRIORITIES = ['high', 'medium', 'low'] as const;
export type MarketPriority = (typeof MARKET_PRIORITIES)[number];

export const PLAN_STATUSES = ['draft', 'approved', 'active', 'closed'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const ACTIVITY_STATUSES = ['planned', 'confirmed', 'done', 'cancelled'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/** What a participant does in an activity. */
export const PARTICIPANT_ROLES = [
  'participant',
  'organiser',
  'speaker',
  'representative',
  'mentor',
  'mentee',
  'trainer',
  'host',
] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

export const PARTICIPANT_ROLE_LABELS: Record<ParticipantRole, string> = {
  participant: 'Participant',
  organiser: 'Organiser',
  speaker: 'Speaker',
  representative: 'Representative',
  mentor: 'Mentor',
  mentee: 'Mentee',
  trainer: 'Trainer',
  host: 'Host',
};

/** Whether a participant came: the evidence of the "participants present" KPIs (issue 5). */
export const ATTENDANCES = ['expected', 'present', 'absent'] as const;
export type Attendance = (typeof ATTENDANCES)[number];

/**
 * A budget line's category: the cluster's staff effort, the catalogue's cost categories, and the
 * fee a participating entity pays (matchmaking) or anything else.
 */
export const BUDGET_CATEGORIES = ['staff', ...COST_CATEGORIES, 'participation_fee', 'other'] as const;
export type BudgetCategory = (typeof BUDGET_CATEGORIES)[number];

export const BUDGET_CATEGORY_LABELS: Record<BudgetCategory, string> = {
  staff: 'Staff effort',
  travel: 'Travel',
  accommodation: 'Accommodation',
  food_beverage: 'Food & beverage',
  marketing_material: 'Marketing material',
  stand_room_rental: 'Stand / room rental',
  external_services: 'External services',
  participation_fee: 'Participation fee',
  other: 'Other',
};

/** A planned line is budgeted; an actual line is spent (with the date it was incurred). */
export const COST_LINE_KINDS = ['planned', 'actual'] as const;
export type CostLineKind = (typeof COST_LINE_KINDS)[number];

/** Where a line came from: the budget engine's estimate, or typed by a person. */
export const COST_LINE_ORIGINS = ['estimate', 'manual'] as const;
export type CostLineOrigin = (typeof COST_LINE_ORIGINS)[number];

export { FUNDING_SOURCES, type FundingSource };

/** The names of an estimate's parameters, in the order the engine and the forms name them. */
export const ESTIMATE_PARAMETERS = [
  'units',
  'months',
  'issues',
  'entities',
  'travellers',
  'nights',
  'destination',
] as const;

/**
 * The parameters of an estimate (issue 4: units, months, issues, participating entities,
 * travellers, nights, destination). Every field is optional: the engine names the ones the
 * instrument's budget model needs and that are missing.
 */
export interface EstimateParameters {
  /** Training packages, toolkits, missions, events or foreign markets, by the model's unit. */
  units?: number;
  months?: number;
  /** Newsletter issues (one a month in D4.2). */
  issues?: number;
  /** Participating entities (matchmaking fee per entity). */
  entities?: number;
  travellers?: number;
  nights?: number;
  /** ISO 3166-1 alpha-2 of the destination. */
  destination?: string;
}

/** Travel costs for one destination, in integer cents (EUR). */
export interface TravelRate {
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** Return flight (or other travel) per traveller. */
  travelCents: number;
  accommodationPerNightCents: number;
  subsistencePerDayCents: number;
  /** true when this is the Hub's default (not yet edited by the workspace). */
  isDefault: boolean;
  /** How the default was made ("EU travel unit cost, distance band 4,000–7,999 km"), or null. */
  basis: string | null;
}

/** One line of an estimate. Amounts are integer cents; `formula` reads "8 days × 450 EUR = 3,600 EUR". */
export interface EstimateLine {
  category: BudgetCategory;
  description: string;
  formula: string;
  amountCents: number;
  /** Staff effort days this line carries (staff lines), else 0. */
  effortDays: number;
}

export interface Estimate {
  lines: EstimateLine[];
  effortDays: number;
  totalCents: number;
  /** Remarks that do not make a line: effort the seed names without a figure, costs that depend on the event. */
  notes: string[];
}
