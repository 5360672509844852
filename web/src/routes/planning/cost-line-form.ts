/**
 * The cost line form's values and rules, mirroring the server's
 * (`src/features/budgets/schema.ts`): an actual cost needs its date and an amount above 0. Pure.
 */
import type {
  BudgetCategory,
  CostLineDto,
  CostLineKind,
  CreateCostLineBody,
  FundingSource,
  UpdateCostLineBody,
} from '../../api/types.ts';
import { messages } from '../../messages/en.ts';
import { dateError, eurError } from './form-rules.ts';

const p = messages.planning;
const t = messages.costLines;

export const COST_LINE_MAX_EUR = 10_000_000;

export interface CostLineFormValues {
  category: BudgetCategory;
  fundingSource: FundingSource;
  description: string;
  amountEur: number | string;
  /** '' : none (planned lines). */
  incurredOn: string;
}
export type CostLineField = keyof CostLineFormValues;
export type CostLineFieldErrors = Partial<Record<CostLineField, string>>;
export const COST_LINE_FIELDS: CostLineField[] = [
  'category',
  'fundingSource',
  'description',
  'amountEur',
  'incurredOn',
];

export function emptyCostLineForm(kind: CostLineKind, fundingSource: FundingSource, today: string) {
  return {
    category: 'other',
    fundingSource,
    description: '',
    amountEur: '',
    incurredOn: kind === 'actual' ? today : '',
  } satisfies CostLineFormValues as CostLineFormValues;
}

export function costLineValuesOf(line: CostLineDto): CostLineFormValues {
  return {
    category: line.category,
    fundingSource: line.fundingSource,
    description: line.description,
    amountEur: line.amountEur,
    incurredOn: line.incurredOn ?? '',
  };
}

export function validateCostLine(kind: CostLineKind, values: CostLineFormValues): CostLineFieldErrors {
  const errors: CostLineFieldErrors = {};
  const description = values.description.trim();
  if (!description) errors.description = p.fieldRequired;
  else if (description.length > 500) errors.description = p.tooLong(500);
  const amount = eurError(values.amountEur, COST_LINE_MAX_EUR, true);
  if (amount) errors.amountEur = amount;
  else if (kind === 'actual' && Number(values.amountEur) <= 0) errors.amountEur = t.actualPositive;
  if (kind === 'actual' && !values.incurredOn) errors.incurredOn = t.dateRequired;
  else if (values.incurredOn) {
    const date = dateError(values.incurredOn);
    if (date) errors.incurredOn = date;
  }
  return errors;
}

export function costLineBodyOf(kind: CostLineKind, values: CostLineFormValues): CreateCostLineBody {
  return {
    kind,
    category: values.category,
    fundingSource: values.fundingSource,
    description: values.description.trim(),
    amountEur: Number(values.amountEur),
    incurredOn: values.incurredOn || null,
  };
}

/** Only what changed, with the version read. */
export function costLinePatchOf(base: CostLineDto, values: CostLineFormValues): UpdateCostLineBody {
  const next = costLineBodyOf(base.kind, values);
  const patch: UpdateCostLineBody = { version: base.version };
  if (next.category !== base.category) patch.category = next.category;
  if (next.fundingSource !== base.fundingSource) patch.fundingSource = next.fundingSource;
  if (next.description !== base.description) patch.description = next.description;
  if (next.amountEur !== base.amountEur) patch.amountEur = next.amountEur;
  if ((next.incurredOn ?? null) !== base.incurredOn) patch.incurredOn = next.incurredOn ?? null;
  return patch;
}
