import { budgetFormula } from '../../domain/catalogue/budget-formula.ts';
import { estimateForm } from '../../domain/planning/budget-estimate.ts';
import type { StoredInstrument } from './repository.ts';
import type { InstrumentDto, WorkspaceInstrumentDto } from './schema.ts';

/** The exact JSON a client sees for an instrument (no database ids or bookkeeping). */
export function presentInstrument(instrument: StoredInstrument): InstrumentDto {
  return {
    code: instrument.code,
    key: instrument.key,
    phase: instrument.phase,
    origin: instrument.origin,
    name: instrument.name,
    description: instrument.description,
    benefits: instrument.benefits,
    businessModel: instrument.businessModel,
    fundingSources: instrument.fundingSources,
    budget: {
      text: instrument.budget.text,
      formula: budgetFormula(instrument.budget),
      items: instrument.budget.items,
      estimate: estimateForm(instrument.budget),
    },
    kpis: instrument.kpis.map(({ key, label, kind, unit }) => ({ key, label, kind, unit })),
  };
}

/** An instrument as a workspace sees it: the catalogue's or its own, with what it is based on. */
export function presentWorkspaceInstrument(instrument: StoredInstrument): WorkspaceInstrumentDto {
  return {
    ...presentInstrument(instrument),
    id: instrument.id,
    basedOn: instrument.basedOn,
    version: instrument.version,
    updatedAt: instrument.updatedAt,
    kpis: instrument.kpis.map((kpi) => ({ ...kpi })),
  };
}
