import type { KpiDefinition } from '../catalogue/types.ts';

/**
 * KPIs every activity has, whatever its instrument (custom ones too): what funders ask of any
 * programme. They are keyed without an instrument (`instrumentId` null in the API) and are all
 * derived from records.
 */
export const HUB_KPIS: readonly KpiDefinition[] = [
  { key: 'held_activities', label: 'Activities held', kind: 'count', unit: 'activities' },
  { key: 'present_participants', label: 'Participants present', kind: 'count', unit: 'participants' },
  { key: 'actual_costs', label: 'Actual costs', kind: 'money', unit: 'EUR' },
];

const HUB_KEYS = new Set(HUB_KPIS.map((k) => k.key));

export function isHubKpi(key: string): boolean {
  return HUB_KEYS.has(key);
}
