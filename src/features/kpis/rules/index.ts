import type { DB } from '../../../db/schema.ts';
import { activityHeld } from './activity-held.ts';
import { actualCosts } from './actual-costs.ts';
import { interactionMeetings, networkContactsMet, networkNewContacts } from './interactions.ts';
import { marketSurveyStakeholderTypes } from './market-surveys.ts';
import { matchmakingMeetingsHeld, matchmakingRequestsSent } from './matchmaking.ts';
import { memberOrganisationsPresent, participantsPresent } from './participants-present.ts';
import { PROJECT_RULES } from './projects.ts';
import {
  relationshipsCollaborationsSustained,
  relationshipsNewCollaborations,
  relationshipsNewPartners,
  relationshipsPotentialPartners,
} from './relationship-stages.ts';
import type { DerivedKpiRule } from './rule.ts';
import { surveyMembersResponding } from './survey-responses.ts';

export type { ActivityScope, DerivedKpiRule, EvidenceRecord, EvidenceType } from './rule.ts';

/**
 * The registry of derived-KPI rules: every KPI a rule derives is computed from records, every
 * other KPI is entered by hand. Add a rule here (docs/kpis.md); a KPI may have one rule only.
 */
export const KPI_RULES: readonly DerivedKpiRule[] = [
  activityHeld,
  participantsPresent,
  memberOrganisationsPresent,
  actualCosts,
  interactionMeetings,
  networkContactsMet,
  networkNewContacts,
  ...PROJECT_RULES,
  relationshipsPotentialPartners,
  relationshipsNewPartners,
  relationshipsNewCollaborations,
  relationshipsCollaborationsSustained,
  matchmakingMeetingsHeld,
  matchmakingRequestsSent,
  marketSurveyStakeholderTypes,
  surveyMembersResponding,
];

/**
 * Every table a stored KPI value is computed from: the rules' records, the activities themselves
 * (their instrument and status decide which KPIs they have) and the values entered by hand. A
 * write to any of them must be marked with `markEvidence` in its repository (decision 0013).
 */
export const EVIDENCE_TABLES: readonly (keyof DB)[] = [
  ...new Set<keyof DB>(['activity', 'kpi_entry', ...KPI_RULES.map((rule) => rule.table)]),
].sort();

const byKpi = new Map<string, DerivedKpiRule>();
for (const rule of KPI_RULES) {
  for (const { instrumentKey, kpiKey } of rule.derives) {
    const id = `${instrumentKey}/${kpiKey}`;
    if (byKpi.has(id)) throw new Error(`KPI ${id} has two rules: ${byKpi.get(id)?.key} and ${rule.key}`);
    byKpi.set(id, rule);
  }
}

/**
 * The rule deriving this KPI of an instrument (a Hub-wide KPI: instrumentKey null), if any. A custom
 * instrument's KPI names its rule itself (`ruleKey`, decision 0022); the catalogue's are registered
 * by instrument key.
 */
export function ruleFor(
  instrumentKey: string | null,
  kpiKey: string,
  ruleKey?: string | null,
): DerivedKpiRule | undefined {
  if (ruleKey) return ruleByKey(ruleKey);
  return byKpi.get(`${instrumentKey ?? '*'}/${kpiKey}`);
}

export function ruleByKey(key: string): DerivedKpiRule | undefined {
  return KPI_RULES.find((rule) => rule.key === key);
}
