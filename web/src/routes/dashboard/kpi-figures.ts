/**
 * KPI figures of the roll-up as the dashboard shows them: values written by their kind, names that
 * tell instruments apart, and the split between numbers (charted, linked) and texts (listed).
 * Pure, so it is unit-tested.
 */
import type { KpiKind } from '../../api/types.ts';
import { formatEur } from '../../app/format.ts';
import { activeLocale } from '../../app/language.ts';

/** One KPI of a roll-up group (the fields the dashboard reads). */
export interface KpiFigure {
  instrumentId: string | null;
  instrumentName: string | null;
  kpiKey: string;
  label: string;
  kind: KpiKind;
  unit: string | null;
  target: number | null;
  actual: number | null;
  progress: number | null;
}

const whole = new Intl.NumberFormat(activeLocale(), { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat(activeLocale(), { maximumFractionDigits: 1 });

/**
 * A value as people read it: `€1,250.00`, `1,204`, `42.5%`, `4.2 / 5`.
 *
 * @example formatKpiValue('rating', 4.25) // "4.3 / 5"
 */
export function formatKpiValue(kind: KpiKind, value: number): string {
  switch (kind) {
    case 'money':
      return formatEur(value);
    case 'count':
      return whole.format(value);
    case 'percent':
      return `${oneDecimal.format(value)}%`;
    case 'rating':
      return `${value.toFixed(1)} / 5`;
    case 'text':
      return String(value);
  }
}

/** `0.756` → `76%` (progress is actual / target). */
export function formatProgress(progress: number): string {
  return `${whole.format(progress * 100)}%`;
}

/** The KPI's name; with `withInstrument`, its instrument too (a phase holds several instruments). */
export function kpiName(kpi: Pick<KpiFigure, 'label' | 'instrumentName'>, withInstrument: boolean): string {
  return withInstrument && kpi.instrumentName ? `${kpi.label} · ${kpi.instrumentName}` : kpi.label;
}

/** A KPI's identity across groups: the same key may belong to several instruments. */
export function kpiId(kpi: Pick<KpiFigure, 'instrumentId' | 'kpiKey'>): string {
  return `${kpi.instrumentId ?? '*'}:${kpi.kpiKey}`;
}

/**
 * Numbers first, texts apart (listed, never summed). Those with a target above 0 are charted, at 0%
 * while they have no value yet.
 */
export function splitKpis<T extends KpiFigure>(kpis: readonly T[]) {
  const numeric = kpis.filter((kpi) => kpi.kind !== 'text');
  return {
    numeric,
    withTarget: numeric.filter((kpi) => kpi.target !== null && kpi.target > 0),
    texts: kpis.filter((kpi) => kpi.kind === 'text'),
  };
}

/**
 * The whole programme's Hub-wide KPIs (activities held, participants present, actual costs) from
 * the roll-up grouped by workspace, when any of them has a target; undefined otherwise. Only there
 * does a plan's target on a Hub-wide KPI count (it belongs to no phase or instrument).
 */
export function programmeGroup<G extends { label: string; kpis: readonly KpiFigure[] }>(
  group: G | undefined,
  label: string,
): G | undefined {
  if (!group) return undefined;
  const kpis = group.kpis.filter((kpi) => kpi.instrumentId === null);
  if (!kpis.some((kpi) => kpi.target !== null)) return undefined;
  return { ...group, label, kpis };
}
