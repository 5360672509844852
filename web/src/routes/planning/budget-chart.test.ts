import { describe, expect, it } from 'vitest';
import { fundingSourceChart } from './budget-chart.ts';

const labels = {
  fundingSource: (s: string) => s.toUpperCase(),
  planned: 'Planned',
  actual: 'Actual',
  columns: { fundingSource: 'Funding source', planned: 'Planned (EUR)', actual: 'Actual (EUR)' },
  money: (n: number) => `€${n}`,
};

describe('the planned vs actual chart by funding source', () => {
  it('has a bar pair and a table row per funding source with money', () => {
    const { option, table } = fundingSourceChart(
      [
        { fundingSource: 'cluster', plannedEur: 3600, actualEur: 820.5 },
        { fundingSource: 'subscriptions', plannedEur: 0, actualEur: 0 },
        { fundingSource: 'member_self_funding', plannedEur: 7500, actualEur: 0 },
      ],
      labels,
    );
    expect(table).toEqual({
      columns: ['Funding source', 'Planned (EUR)', 'Actual (EUR)'],
      rows: [
        ['CLUSTER', 3600, 820.5],
        ['MEMBER_SELF_FUNDING', 7500, 0],
      ],
    });
    const series = (option as { series: { name: string; data: number[] }[] }).series;
    expect(series.map((s) => [s.name, s.data])).toEqual([
      ['Planned', [3600, 7500]],
      ['Actual', [820.5, 0]],
    ]);
    expect((option as { xAxis: { data: string[] } }).xAxis.data).toEqual(['CLUSTER', 'MEMBER_SELF_FUNDING']);
  });
});
