/**
 * Display labels of the API's enumerations (phases, funding sources, cost categories, effort
 * units). They live with the catalogue's domain vocabulary, which is pure and bundles as is;
 * importing them only through this module keeps that one path in one place.
 */

/**
 * The budget formula and the budget-item parser of the domain, pure functions the custom
 * instrument editor runs in the browser for its live preview (decision 0022): the same code the
 * server answers with, so the preview is what will be stored.
 */
export { budgetFormula, describeBudgetItem } from '../../../src/domain/catalogue/budget-formula.ts';
export { parseBudgetItems } from '../../../src/domain/catalogue/custom-instrument.ts';
export {
  COST_CATEGORIES,
  COST_CATEGORY_LABELS,
  DERIVED_KPI_RULES,
  EFFORT_UNIT_LABELS,
  EFFORT_UNITS,
  FUNDING_SOURCE_LABELS,
  KPI_KIND_LABELS,
  KPI_KINDS,
  PHASE_LABELS,
  PHASES,
} from '../../../src/domain/catalogue/types.ts';
/** The network's vocabularies (issue 21): the interactions' kinds, the organisations' types. */
/** The partnership pipeline's stages in order (issue 21); dormant and closed need a reason. */
export {
  INTERACTION_KINDS,
  NETWORK_ORGANISATION_TYPES,
  PIPELINE_STAGES,
  RELATIONSHIP_STAGES,
  stageNeedsReason,
} from '../../../src/domain/network/types.ts';
/** The planning core's vocabularies (issue 4) in the domain's order, and cost category labels. */
export {
  ACTIVITY_STATUSES,
  ATTENDANCES,
  BUDGET_CATEGORIES,
  BUDGET_CATEGORY_LABELS,
  FUNDING_SOURCES,
  MARKET_PRIORITIES,
  MARKET_STATUSES,
  PARTICIPANT_ROLE_LABELS,
  PARTICIPANT_ROLES,
  PLAN_STATUSES,
} from '../../../src/domain/planning/types.ts';
/**
 * The registry's vocabularies in display order, with their labels: one list, in the domain, that
 * the server's schemas, import, exports and audit log read too (issue 18).
 */
export {
  codeOf,
  EXPORT_EXPERIENCE,
  EXPORT_EXPERIENCE_LABELS,
  labelOf,
  MELCA_FIELD_LABELS,
  MELCA_FIELDS,
  marketSegmentLabel,
  ORGANISATION_SIZE_LABELS,
  ORGANISATION_SIZES,
  ORGANISATION_TYPE_LABELS,
  ORGANISATION_TYPES,
  REGISTRY_VOCABULARIES,
  SPACE_SEGMENT_LABELS,
  SPACE_SEGMENTS,
} from '../../../src/domain/registry/types.ts';
