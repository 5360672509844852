import type {
  ExportExperience,
  MelcaField,
  OrganisationSize,
  OrganisationType,
  SpaceSegment,
} from './types.ts';

/**
 * Display labels of the API's enumerations (phases, funding sources, cost categories, effort
 * units). They live with the catalogue's domain vocabulary, which is pure and bundles as is;
 * importing them only through this module keeps that one path in one place.
 */
export {
  COST_CATEGORY_LABELS,
  EFFORT_UNIT_LABELS,
  FUNDING_SOURCE_LABELS,
  PHASE_LABELS,
  PHASES,
} from '../../../src/domain/catalogue/types.ts';

/** The planning core's vocabularies (issue 4) in the domain's order, and cost category labels. */
export {
  ACTIVITY_STATUSES,
  ATTENDANCES,
  BUDGET_CATEGORIES,
  BUDGET_CATEGORY_LABELS,
  FUNDING_SOURCES,
  MARKET_PRIORITIES,
  MARKET_STATUSES,
  PARTICIPANT_ROLES,
  PLAN_STATUSES,
} from '../../../src/domain/planning/types.ts';

/** `L` itself when it lists every member of the union `T`, else a type error where it is used. */
type EveryOf<T extends string, L extends readonly T[]> = [T] extends [L[number]] ? L : never;
const everyOf =
  <T extends string>() =>
  <const L extends readonly T[]>(list: EveryOf<T, L>): L =>
    list;

// The registry's vocabularies, in display order; `everyOf` fails to compile when the API gains a value.
export const ORGANISATION_TYPES = everyOf<OrganisationType>()([
  'sme',
  'large_company',
  'rd_centre',
  'university',
  'other',
]);
export const ORGANISATION_SIZES = everyOf<OrganisationSize>()(['micro', 'small', 'medium', 'large']);
export const SPACE_SEGMENTS = everyOf<SpaceSegment>()([
  'earth_observation',
  'satcom',
  'navigation',
  'launch',
  'ground_segment',
  'downstream_applications',
  'space_science',
  'in_orbit_services',
]);
export const MELCA_FIELDS = everyOf<MelcaField>()([
  'mobility',
  'energy',
  'logistics',
  'creative_industries',
  'agriculture',
]);
export const EXPORT_EXPERIENCE = everyOf<ExportExperience>()([
  'none',
  'occasional',
  'regular',
  'established',
]);
