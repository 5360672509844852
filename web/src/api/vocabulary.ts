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
