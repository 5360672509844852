import type { Phase } from '../catalogue/types.ts';
import type { ReadinessStage } from '../surveys/types.ts';
import { type Candidate, MAX_QUANTITY, type Prerequisite } from './recommender.ts';

/**
 * How a target market's facts become the recommender's candidates (decision 0044): each
 * instrument's expected KPI contribution per unit (the workspace's actuals when it has history,
 * else the defaults below), weighted into one value, with diminishing returns; the prerequisites
 * of the catalogue's instruments; the readiness of the interested members. Pure.
 */

/** Each further unit of the same instrument is worth this share of the one before. */
export const DIMINISHING_RETURNS = 0.85;

/** When most interested members are not ready: preparatory instruments weigh more, later ones less. */
export const NOT_READY_FACTORS: Record<Phase, number> = { preparatory: 1.5, leads: 0.5, sustain: 0.4 };

/**
 * What one unit of a D4.2 instrument is expected to bring, per count KPI, when the workspace has
 * no history of it (Hub defaults, documented in decision 0044; history replaces them).
 */
export const DEFAULT_EXPECTED_PER_UNIT: Record<string, Record<string, number>> = {
  'training-to-go-international': { trainings: 1 },
  'branding-toolkits': { promotional_material_shared: 2 },
  'study-visits': { contacts_mapped: 8, potential_partners_estimated: 2 },
  newsletter: { subscribers: 15 },
  'innovation-clubs': { participants: 10, feasible_new_ideas: 2, new_collaborations: 1 },
  'validation-surveys': { members_participating: 8 },
  'matchmaking-events': { contacts: 4, communication_initiatives: 1 },
  roadshows: { meetings: 6, new_contacts: 5, new_partners: 1 },
  'trade-fairs': { products_sold: 1, new_contacts: 8, new_partners: 1, people_informed_about_products: 40 },
  'international-events-conferences': { people_informed: 50, new_contacts: 6, new_partners: 1 },
  'events-at-home-regions': { people_informed: 40, new_contacts: 4, new_members: 1, new_partners: 0.5 },
  'mentoring-follow-up': { collaborations_sustained: 0.5, common_projects_completed: 0.1 },
  'sales-marketing-representative': { new_customers: 1 },
  'ambassador-staff-exchange': {
    contacts_made: 5,
    collaborations_facilitated: 1,
    common_projects_supported: 0.5,
    new_opportunities_discovered: 1,
  },
  'market-surveys-study': { stakeholder_diversity: 5 },
  'soft-landing': {
    new_partners_arrived: 1,
    collaborative_projects_labelled: 0.5,
    new_contacts_for_new_partners: 4,
  },
  'sustaining-the-networks': {
    collaborative_projects_completed: 0.3,
    collaborative_projects_common_label: 0.3,
    international_partners_in_common_projects: 1,
    projects_with_international_funding: 0.2,
  },
};

/**
 * Points per KPI unit, by what the KPI counts: a partner, customer or project weighs as five
 * contacts; a person informed or a subscriber as a tenth of one.
 */
export function kpiWeight(unit: string | null): number {
  const u = (unit ?? '').toLowerCase();
  if (/partner|customer|project|member/.test(u)) return 5;
  if (/people|subscriber|participant/.test(u)) return 0.1;
  return 1;
}

/** The monthly instruments: their quantity is months, at most the months of the period. */
const MONTHLY: ReadonlySet<string> = new Set([
  'newsletter',
  'mentoring-follow-up',
  'sustaining-the-networks',
]);
/** Quantity = participating member entities: at most the interested members. */
const PER_MEMBER: ReadonlySet<string> = new Set(['matchmaking-events']);
/** The most units that make sense in one period, where fewer than MAX_QUANTITY. */
const QUANTITY_LIMITS: Record<string, number> = {
  'branding-toolkits': 2,
  'validation-surveys': 2,
  'market-surveys-study': 2,
  'sales-marketing-representative': 1,
  'soft-landing': 4,
  'study-visits': 6,
};

export interface MarketFacts {
  interestedMembers: number;
  /** Interested members per readiness stage (those with a scored readiness). */
  stages: Partial<Record<ReadinessStage, number>>;
  /** Relationships with organisations of the market's country (any open pipeline stage). */
  contacts: number;
  /** Of those, at stage partner or beyond. */
  partners: number;
  /** Whole months of the period (≥ 1). */
  periodMonths: number;
}

export interface InstrumentFacts {
  key: string;
  phase: Phase;
  unitCostCents: number;
  /** Expected KPI contribution per unit: { kpiKey: { perUnit, unit } }. */
  kpis: Array<{ key: string; unit: string | null; perUnit: number }>;
}

/** "Most interested members at the lowest readiness stage". */
export function membersNotReady(stages: MarketFacts['stages']): boolean {
  const known = Object.values(stages).reduce((a, b) => a + (b ?? 0), 0);
  return known > 0 && (stages.impasse ?? 0) * 2 > known;
}

/** The catalogue's prerequisites of an instrument, given the market's facts. */
export function prerequisitesOf(key: string, facts: MarketFacts): Prerequisite[] {
  const partners = facts.partners > 0;
  const contacts = facts.contacts > 0;
  switch (key) {
    case 'soft-landing':
      return [
        {
          code: 'no_partners_there',
          metByContext: partners,
          orChosen: ['matchmaking-events', 'study-visits', 'roadshows'],
        },
      ];
    case 'sustaining-the-networks':
    case 'ambassador-staff-exchange':
      return [
        { code: 'no_partners_there', metByContext: partners, orChosen: ['matchmaking-events', 'roadshows'] },
      ];
    case 'matchmaking-events':
      return [
        {
          code: 'needs_interested_members',
          metByContext: facts.interestedMembers > 0 || contacts,
          orChosen: [],
        },
      ];
    case 'sales-marketing-representative':
    case 'mentoring-follow-up':
      return [
        {
          code: 'needs_contacts_first',
          metByContext: contacts,
          orChosen: ['matchmaking-events', 'roadshows', 'trade-fairs', 'study-visits'],
        },
      ];
    default:
      return [];
  }
}

/** The most units of an instrument in the period. */
export function maxQuantityOf(key: string, facts: MarketFacts): number {
  let max = QUANTITY_LIMITS[key] ?? MAX_QUANTITY;
  if (MONTHLY.has(key)) max = Math.min(max, facts.periodMonths);
  if (PER_MEMBER.has(key)) max = Math.min(max, facts.interestedMembers);
  return Math.max(0, Math.min(MAX_QUANTITY, max));
}

/** The recommender's candidates for a market. */
export function marketCandidates(instruments: readonly InstrumentFacts[], facts: MarketFacts): Candidate[] {
  const notReady = membersNotReady(facts.stages);
  return instruments.map((instrument) => {
    const base = instrument.kpis.reduce((total, k) => total + k.perUnit * kpiWeight(k.unit), 0);
    const factor = notReady ? NOT_READY_FACTORS[instrument.phase] : 1;
    const max = maxQuantityOf(instrument.key, facts);
    const unitValues = Array.from({ length: max }, (_, i) => round(base * factor * DIMINISHING_RETURNS ** i));
    return {
      key: instrument.key,
      phase: instrument.phase,
      unitCostCents: instrument.unitCostCents,
      unitValues,
      prerequisites: prerequisitesOf(instrument.key, facts),
      discountedForReadiness: notReady && factor < 1,
      favouredForReadiness: notReady && factor > 1,
    };
  });
}

/** Values to 4 decimals, so that equal choices compare equal. */
function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
