/**
 * The world map of target markets: each market's country coloured by its number of activities in
 * the period, or by a chosen KPI, and the same figures per market as a table. Markets sharing a
 * country add up on the map. Pure: roll-up groups in, chart description out; the country shapes
 * are registered lazily (`world-geo.ts`) under `WORLD_MAP`.
 */
import type { EChartsCoreOption } from 'echarts/core';
import type { ChartTable } from '../../app/chart.tsx';
import { NO_VALUE, sequentialScale } from './colour-scale.ts';
import { numericCountryCode } from './country-codes.ts';
import { formatKpiValue, type KpiFigure, kpiId, kpiName } from './kpi-figures.ts';

/** The name the world's shapes are registered under (`registerMap`). */
export const WORLD_MAP = 'space2id-world';

/** A market group of the KPI roll-up (`groupBy=market`). */
export interface MarketGroup {
  key: string | null;
  label: string;
  /** ISO 3166-1 alpha-2; null for the activities without a market. */
  country: string | null;
  activities: number;
  kpis: readonly KpiFigure[];
}

/** `activities`, or a numeric KPI by `kpiId` (`instrumentId:kpiKey`). */
export type MapMeasure = 'activities' | string;

export interface MeasureOption {
  value: MapMeasure;
  label: string;
}

export interface WorldMapLabels {
  activities: string;
  columns: { market: string; country: string };
  countryName: (alpha2: string) => string;
}

/**
 * The roll-up's market groups, plus every other target market (of `markets`, the workspace's) at
 * 0 activities: the roll-up only knows markets with activities in the period, the map shows them all.
 */
export function withEveryMarket(
  groups: readonly MarketGroup[],
  markets: readonly { id: string; name: string; country: string }[],
): MarketGroup[] {
  const known = new Set(groups.map((group) => group.key));
  const idle = markets
    .filter((market) => !known.has(market.id))
    .map((market) => ({
      key: market.id,
      label: market.name,
      country: market.country,
      activities: 0,
      kpis: [],
    }));
  return [...groups, ...idle];
}

/** What the map may be coloured by: activities, then every numeric KPI any market has a value of. */
export function measureOptions(groups: readonly MarketGroup[], activitiesLabel: string): MeasureOption[] {
  const kpis = new Map<string, MeasureOption>();
  for (const group of groups) {
    if (group.country === null) continue;
    for (const kpi of group.kpis) {
      if (kpi.kind === 'text' || kpi.actual === null || kpis.has(kpiId(kpi))) continue;
      kpis.set(kpiId(kpi), { value: kpiId(kpi), label: kpiName(kpi, true) });
    }
  }
  const sorted = [...kpis.values()].sort((a, b) => a.label.localeCompare(b.label, 'en'));
  return [{ value: 'activities', label: activitiesLabel }, ...sorted];
}

/** A market's value of the measure: its activities, or its KPI's actual (null: none yet). */
function marketValue(group: MarketGroup, measure: MapMeasure): number | null {
  if (measure === 'activities') return group.activities;
  return group.kpis.find((kpi) => kpiId(kpi) === measure)?.actual ?? null;
}

function kindOf(groups: readonly MarketGroup[], measure: MapMeasure): KpiFigure['kind'] {
  if (measure === 'activities') return 'count';
  for (const group of groups) {
    const kpi = group.kpis.find((k) => kpiId(k) === measure);
    if (kpi) return kpi.kind;
  }
  return 'count';
}

export interface CountryFigure {
  /** ISO numeric, the map's region name. */
  region: string;
  alpha2: string;
  value: number | null;
  markets: string[];
}

/**
 * The value per country: the sum over its markets (a KPI with no value in any of them stays
 * null). Markets without a country, or with a code ISO does not assign, are left off the map.
 */
export function countryFigures(groups: readonly MarketGroup[], measure: MapMeasure): CountryFigure[] {
  const byRegion = new Map<string, CountryFigure>();
  for (const group of groups) {
    if (group.country === null) continue;
    const region = numericCountryCode(group.country);
    if (region === null) continue;
    const figure = byRegion.get(region) ?? { region, alpha2: group.country, value: null, markets: [] };
    const value = marketValue(group, measure);
    if (value !== null) figure.value = (figure.value ?? 0) + value;
    figure.markets.push(group.label);
    byRegion.set(region, figure);
  }
  return [...byRegion.values()];
}

export function worldMapChart(
  groups: readonly MarketGroup[],
  measure: MapMeasure,
  measureLabel: string,
  labels: WorldMapLabels,
): { option: EChartsCoreOption; table: ChartTable; legend: { colour: string; label: string }[] } {
  const kind = kindOf(groups, measure);
  const figures = countryFigures(groups, measure);
  const scale = sequentialScale(figures.map((f) => f.value));
  const text = (value: number | null) => (value === null ? '—' : formatKpiValue(kind, value));
  const option: EChartsCoreOption = {
    animation: false,
    tooltip: {
      trigger: 'item',
      // Countries without a market have no data item: no tooltip for them.
      formatter: (params: { data?: { countryName: string; markets: string[]; value: number | null } }) =>
        params.data
          ? `${params.data.countryName}<br/>${params.data.markets.join(', ')}<br/>${measureLabel}: ${text(params.data.value)}`
          : '',
    },
    series: [
      {
        type: 'map',
        map: WORLD_MAP,
        roam: false,
        // As large as the section allows (the map keeps its proportions).
        left: 8,
        right: 8,
        top: 8,
        bottom: 8,
        selectedMode: false,
        // Regions are named by their ISO numeric code: never show that as a label.
        label: { show: false },
        itemStyle: { areaColor: '#f8f9fa', borderColor: '#adb5bd', borderWidth: 0.5 },
        emphasis: { label: { show: false }, itemStyle: { areaColor: '#ffd43b' } },
        data: figures.map((figure) => ({
          name: figure.region,
          value: figure.value,
          countryName: labels.countryName(figure.alpha2),
          markets: figure.markets,
          itemStyle: { areaColor: figure.value === null ? NO_VALUE : scale.colourOf(figure.value) },
        })),
      },
    ],
  };
  const table: ChartTable = {
    columns: [labels.columns.market, labels.columns.country, measureLabel],
    rows: groups
      .filter((group) => group.country !== null)
      .map((group) => {
        const value = marketValue(group, measure);
        return [group.label, labels.countryName(group.country ?? ''), value ?? ''];
      }),
  };
  const legend = scale.legend.map((step) => ({
    colour: step.colour,
    label: step.from === step.to ? text(step.from) : `${text(step.from)} – ${text(step.to)}`,
  }));
  return { option, table, legend };
}
