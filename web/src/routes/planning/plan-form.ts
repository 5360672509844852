/**
 * The plan form's values and rules, mirroring the server's (`src/features/plans/schema.ts`), and
 * the catalogue as options grouped by phase. Pure, so they are unit-tested without a browser.
 */
import type {
  CreatePlanBody,
  InstrumentDto,
  Phase,
  PlanDetailDto,
  PlanStatus,
  UpdatePlanBody,
} from '../../api/types.ts';
import { instrumentLabel } from '../../components/instrument-label.ts';
import { messages } from '../../messages/en.ts';
import { dateError, eurError } from './form-rules.ts';
import { PHASE_ORDER } from './timeline.ts';

const p = messages.planning;

export interface PlanInstrumentChoice {
  instrumentKey: string;
  rationale: string;
}

export interface PlanFormValues {
  name: string;
  startsOn: string;
  endsOn: string;
  budgetCapEur: number | string;
  status: PlanStatus;
  notes: string;
  instruments: PlanInstrumentChoice[];
}

export type PlanField = keyof PlanFormValues;
export type PlanFieldErrors = Partial<Record<PlanField, string>>;
export const PLAN_FIELDS: PlanField[] = [
  'name',
  'startsOn',
  'endsOn',
  'budgetCapEur',
  'status',
  'instruments',
  'notes',
];

export const PLAN_CAP_MAX = 20_000_000;

export function emptyPlanForm(): PlanFormValues {
  return {
    name: '',
    startsOn: '',
    endsOn: '',
    budgetCapEur: '',
    status: 'draft',
    notes: '',
    instruments: [],
  };
}

export function planValuesOf(plan: PlanDetailDto): PlanFormValues {
  return {
    name: plan.name,
    startsOn: plan.startsOn,
    endsOn: plan.endsOn,
    budgetCapEur: plan.budgetCapEur ?? '',
    status: plan.status,
    notes: plan.notes,
    instruments: plan.instruments.map(({ instrumentKey, rationale }) => ({ instrumentKey, rationale })),
  };
}

export function validatePlan(values: PlanFormValues): PlanFieldErrors {
  const errors: PlanFieldErrors = {};
  const name = values.name.trim();
  if (!name) errors.name = p.fieldRequired;
  else if (name.length > 200) errors.name = p.tooLong(200);
  const starts = dateError(values.startsOn);
  const ends = dateError(values.endsOn);
  if (starts) errors.startsOn = starts;
  if (ends) errors.endsOn = ends;
  else if (!starts && values.endsOn < values.startsOn) errors.endsOn = p.endBeforeStart;
  const cap = eurError(values.budgetCapEur, PLAN_CAP_MAX);
  if (cap) errors.budgetCapEur = cap;
  if (values.notes.length > 5000) errors.notes = p.tooLong(5000);
  if (values.instruments.some((i) => i.rationale.length > 2000)) errors.instruments = p.tooLong(2000);
  return errors;
}

/**
 * The chosen instruments after the multi-select changed: kept ones keep their rationale, new
 * ones start without.
 */
export function withInstruments(current: PlanInstrumentChoice[], keys: string[]): PlanInstrumentChoice[] {
  const byKey = new Map(current.map((choice) => [choice.instrumentKey, choice]));
  return keys.map((instrumentKey) => byKey.get(instrumentKey) ?? { instrumentKey, rationale: '' });
}

export function planBodyOf(values: PlanFormValues, marketId: string): CreatePlanBody {
  return {
    marketId,
    name: values.name.trim(),
    startsOn: values.startsOn,
    endsOn: values.endsOn,
    budgetCapEur: values.budgetCapEur === '' ? null : Number(values.budgetCapEur),
    status: values.status,
    notes: values.notes,
    instruments: values.instruments.map(({ instrumentKey, rationale }) => ({
      instrumentKey,
      rationale: rationale.trim(),
    })),
  };
}

/** Only what changed, with the version read; the instrument list is sent whole when it changed. */
export function planPatchOf(base: PlanDetailDto, values: PlanFormValues): UpdatePlanBody {
  const next = planBodyOf(values, base.marketId);
  const patch: UpdatePlanBody = { version: base.version };
  if (next.name !== base.name) patch.name = next.name;
  if (next.startsOn !== base.startsOn) patch.startsOn = next.startsOn;
  if (next.endsOn !== base.endsOn) patch.endsOn = next.endsOn;
  if (next.budgetCapEur !== base.budgetCapEur) patch.budgetCapEur = next.budgetCapEur ?? null;
  if (next.status !== base.status) patch.status = next.status;
  if (next.notes !== base.notes) patch.notes = next.notes;
  const sameSet = (a: { instrumentKey: string; rationale?: string }[]) =>
    JSON.stringify([...a].map((i) => [i.instrumentKey, i.rationale ?? '']).sort());
  if (sameSet(next.instruments ?? []) !== sameSet(base.instruments))
    patch.instruments = next.instruments ?? [];
  return patch;
}

/** The catalogue as select options in groups by D4.2 phase, each instrument as "1.2.1 Name". */
export function instrumentGroups(
  instruments: readonly Pick<InstrumentDto, 'key' | 'code' | 'name' | 'phase'>[],
  phaseLabel: (phase: Phase) => string,
): { group: string; items: { value: string; label: string }[] }[] {
  return PHASE_ORDER.map((phase) => ({
    group: phaseLabel(phase),
    items: instruments
      .filter((i) => i.phase === phase)
      .sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }))
      .map((i) => ({ value: i.key, label: instrumentLabel(i) })),
  })).filter((group) => group.items.length > 0);
}
