import type { KpiDefinition, KpiKind } from '../../domain/catalogue/types.ts';
import { HUB_KPIS } from '../../domain/kpi/hub-kpis.ts';
import { ruleFor } from './rules/index.ts';

/** A KPI as the Hub tracks it: an instrument's (or Hub-wide) definition and how its value is made. */
export interface TrackedKpi {
  /** null: a Hub-wide KPI of every activity. */
  instrumentId: string | null;
  instrumentKey: string | null;
  instrumentName: string | null;
  kpiKey: string;
  label: string;
  kind: KpiKind;
  unit: string | null;
  source: 'derived' | 'entered';
  rule: string | null;
  ruleDescription: string | null;
}

export interface InstrumentKpis {
  id: string;
  key: string;
  name: string;
  kpis: readonly (KpiDefinition & { rule?: string | null })[];
}

function tracked(
  instrument: InstrumentKpis | null,
  kpi: KpiDefinition & { rule?: string | null },
): TrackedKpi {
  const rule = ruleFor(instrument?.key ?? null, kpi.key, kpi.rule);
  return {
    instrumentId: instrument?.id ?? null,
    instrumentKey: instrument?.key ?? null,
    instrumentName: instrument?.name ?? null,
    kpiKey: kpi.key,
    label: kpi.label,
    kind: kpi.kind,
    unit: kpi.unit,
    source: rule ? 'derived' : 'entered',
    rule: rule?.key ?? null,
    ruleDescription: rule?.description ?? null,
  };
}

/** The Hub-wide KPIs, then the instrument's own in catalogue order. */
export function trackedKpis(instrument: InstrumentKpis | null): TrackedKpi[] {
  return [
    ...HUB_KPIS.map((kpi) => tracked(null, kpi)),
    ...(instrument?.kpis ?? []).map((kpi) => tracked(instrument, kpi)),
  ];
}
