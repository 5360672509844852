/**
 * The API's data types as the web app sees them, derived from `schema.d.ts`, which is generated
 * from the server's OpenAPI document (`npm run gen:api`; a test fails when it is out of date).
 * Every component imports API types from here, never from `src/`.
 */
import type { components, paths } from './schema.d.ts';

type Schemas = components['schemas'];

/** One instrument as `GET /api/v1/instruments/{key}` returns it. */
export type InstrumentDto = Schemas['Instrument'];
/** `GET /api/v1/instruments[?phase=]`. */
export type InstrumentListDto = Schemas['InstrumentList'];
export type InstrumentOrigin = InstrumentDto['origin'];
export type BudgetItem = Schemas['BudgetItem'];
export type BudgetItemKind = BudgetItem['kind'];
export type KpiDefinition = Schemas['KpiDefinition'];
export type KpiKind = KpiDefinition['kind'];
export type Phase = InstrumentDto['phase'];
export type FundingSource = InstrumentDto['fundingSources'][number];
export type CostCategory = Extract<BudgetItem, { kind: 'cost_categories' }>['categories'][number];
export type EffortUnit = Extract<BudgetItem, { kind: 'effort_days_per_unit' }>['unit'];

/** Query parameters of `GET /api/v1/instruments`. */
export type ListInstrumentsQuery = NonNullable<paths['/api/v1/instruments']['get']['parameters']['query']>;

/** An `application/problem+json` error body (RFC 9457) with the project's field-error list. */
export type ProblemDetails = Schemas['Problem'];
export type FieldError = NonNullable<ProblemDetails['errors']>[number];
