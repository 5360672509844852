import { InvalidInputError } from '../../domain/errors.ts';
import { kpiValueProblem } from '../../domain/kpi/values.ts';
import type { TrackedKpi } from './definitions.ts';

/**
 * @throws InvalidInputError naming `body.value` when `value` cannot be a value of the KPI's kind
 * (a text KPI takes no target at all: that names `body.kpiKey`).
 */
export function checkKpiValue(kpi: TrackedKpi, value: unknown, use: 'entry' | 'target'): void {
  if (use === 'target' && kpi.kind === 'text') {
    throw new InvalidInputError(`"${kpi.label}" is a text KPI: it takes no target`, [
      { field: 'body.kpiKey', message: 'is a text KPI, which takes no numeric target' },
    ]);
  }
  const problem = kpiValueProblem(kpi.kind, value, use);
  if (problem) {
    throw new InvalidInputError(`The value does not fit "${kpi.label}" (${kpi.kind}): it ${problem}`, [
      { field: 'body.value', message: problem },
    ]);
  }
}
