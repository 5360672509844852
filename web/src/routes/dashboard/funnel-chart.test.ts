import { describe, expect, it } from 'vitest';
import { funnelChart } from './funnel-chart.ts';

const labels = {
  stage: (stage: string) => stage.toUpperCase(),
  label: (reached: number, conversion: string | null) =>
    conversion ? `${reached} (${conversion})` : `${reached}`,
  percent: (share: number) => `${Math.round(share * 100)}%`,
  columns: { stage: 'Stage', reached: 'Reached', conversion: 'Conversion' },
};

describe('funnelChart', () => {
  it('labels each bar with its count and conversion, and tables the periods', () => {
    const { option, table } = funnelChart(
      {
        stages: [
          { stage: 'mapped', reached: 4, conversion: null },
          { stage: 'contacted', reached: 3, conversion: 0.75 },
        ],
        periods: [
          {
            period: '2026-Q1',
            stages: [
              { stage: 'mapped', reached: 1, conversion: null },
              { stage: 'contacted', reached: 2, conversion: 2 },
            ],
          },
        ],
      },
      labels,
    );
    const series = (
      option.series as { data: number[]; label: { formatter: (p: { dataIndex: number }) => string } }[]
    )[0];
    expect(series?.data).toEqual([4, 3]);
    expect(series?.label.formatter({ dataIndex: 0 })).toBe('4');
    expect(series?.label.formatter({ dataIndex: 1 })).toBe('3 (75%)');
    expect(table).toEqual({
      columns: ['Stage', 'Reached', 'Conversion', '2026-Q1'],
      rows: [
        ['MAPPED', 4, '—', 1],
        ['CONTACTED', 3, '75%', 2],
      ],
    });
  });
});
