import { describe, expect, it } from 'vitest';
import { DERIVED_KPI_RULES } from '../../../domain/catalogue/types.ts';
import { KPI_RULES } from './index.ts';

describe('the rules a custom KPI may name', () => {
  it('are the registered rules, each with the catalogue KPIs it derives', () => {
    expect(Object.keys(DERIVED_KPI_RULES).sort()).toEqual(KPI_RULES.map((r) => r.key).sort());
    for (const rule of KPI_RULES) {
      const listed = DERIVED_KPI_RULES[rule.key as keyof typeof DERIVED_KPI_RULES];
      const catalogue = rule.derives
        .filter((d) => d.instrumentKey !== '*')
        .map((d) => `${d.instrumentKey}/${d.kpiKey}`);
      expect([...listed.catalogueKpis].sort(), rule.key).toEqual(catalogue.sort());
    }
  });
});
