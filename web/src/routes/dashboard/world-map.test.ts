import { describe, expect, it } from 'vitest';
import { NO_VALUE, SEQUENTIAL_BLUES } from './colour-scale.ts';
import type { KpiFigure } from './kpi-figures.ts';
import {
  countryFigures,
  type MarketGroup,
  measureOptions,
  WORLD_MAP,
  withEveryMarket,
  worldMapChart,
} from './world-map.ts';

const kpi = (overrides: Partial<KpiFigure>): KpiFigure => ({
  instrumentId: null,
  instrumentName: null,
  kpiKey: 'actual_costs',
  label: 'Actual costs',
  kind: 'money',
  unit: 'EUR',
  target: null,
  actual: null,
  progress: null,
  ...overrides,
});

const groups: MarketGroup[] = [
  {
    key: 'm1',
    label: 'Japan — EO',
    country: 'JP',
    activities: 3,
    kpis: [
      kpi({ actual: 1200 }),
      kpi({
        instrumentId: 'i1',
        instrumentName: 'Study Visits',
        kpiKey: 'story',
        label: 'Story',
        kind: 'text',
      }),
    ],
  },
  { key: 'm2', label: 'Japan — satcom', country: 'JP', activities: 1, kpis: [kpi({ actual: 300 })] },
  { key: 'm3', label: 'Chile', country: 'CL', activities: 0, kpis: [kpi({})] },
  { key: null, label: 'No market', country: null, activities: 5, kpis: [kpi({ actual: 999 })] },
];

const labels = {
  activities: 'Activities',
  columns: { market: 'Market', country: 'Country' },
  countryName: (code: string) => `Country ${code}`,
};

describe('the world map of target markets', () => {
  it('offers activities and every numeric KPI a market has a value of', () => {
    expect(measureOptions(groups, 'Activities')).toEqual([
      { value: 'activities', label: 'Activities' },
      { value: '*:actual_costs', label: 'Actual costs' },
    ]);
  });

  it('adds up the markets of one country and leaves the activities without a market off', () => {
    expect(countryFigures(groups, 'activities')).toEqual([
      { region: '392', alpha2: 'JP', value: 4, markets: ['Japan — EO', 'Japan — satcom'] },
      { region: '152', alpha2: 'CL', value: 0, markets: ['Chile'] },
    ]);
    expect(countryFigures(groups, '*:actual_costs').map((f) => f.value)).toEqual([1500, null]);
  });

  it('colours the countries on the registered map and tables the markets', () => {
    const { option, table, legend } = worldMapChart(groups, 'activities', 'Activities', labels);
    const series = (
      option as {
        series: { map: string; data: { name: string; value: number; itemStyle: { areaColor: string } }[] }[];
      }
    ).series[0];
    expect(series?.map).toBe(WORLD_MAP);
    expect(series?.data.map((d) => [d.name, d.value, d.itemStyle.areaColor])).toEqual([
      ['392', 4, SEQUENTIAL_BLUES[4]],
      ['152', 0, NO_VALUE],
    ]);
    // One colour per count of activities up to the largest (4), labelled by it.
    expect(legend.map((step) => step.label)).toEqual(['1', '2', '3', '4']);
    expect(legend[3]?.colour).toBe(SEQUENTIAL_BLUES[4]);
    expect(table).toEqual({
      columns: ['Market', 'Country', 'Activities'],
      rows: [
        ['Japan — EO', 'Country JP', 3],
        ['Japan — satcom', 'Country JP', 1],
        ['Chile', 'Country CL', 0],
      ],
    });
  });

  it('tables a market without a value of the KPI as empty, and writes the legend in the KPI’s kind', () => {
    const { table, legend } = worldMapChart(groups, '*:actual_costs', 'Actual costs', labels);
    expect(table.rows.map((row) => row[2])).toEqual([1200, 300, '']);
    expect(legend[0]?.label).toBe('€0.00 – €300.00');
  });

  it('shows every target market, those without activities in the period at 0', () => {
    const all = withEveryMarket(groups, [
      { id: 'm1', name: 'Japan — EO', country: 'JP' },
      { id: 'm9', name: 'Brazil', country: 'BR' },
    ]);
    expect(all.map((g) => [g.key, g.activities])).toEqual([
      ['m1', 3],
      ['m2', 1],
      ['m3', 0],
      [null, 5],
      ['m9', 0],
    ]);
    expect(all[4]).toEqual({ key: 'm9', label: 'Brazil', country: 'BR', activities: 0, kpis: [] });
  });
});
