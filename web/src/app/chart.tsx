import { Anchor, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { BarChart, CustomChart, LineChart, RadarChart } from 'echarts/charts';
import {
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  RadarComponent,
  TooltipComponent,
} from 'echarts/components';
import { type EChartsCoreOption, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { messages } from '../messages/en.ts';
import { toCsv } from './csv.ts';

// Only what the Hub draws, so the chart chunk stays small; SVG so text stays text (and testable).
use([
  BarChart,
  LineChart,
  CustomChart,
  RadarChart,
  RadarComponent,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  DataZoomComponent,
  MarkLineComponent,
  SVGRenderer,
]);

/** The same figures as a table: every chart has one (accessibility, and numbers to copy). */
export interface ChartTable {
  columns: string[];
  rows: (string | number)[][];
}

interface ChartProps {
  /** Read by screen readers as the chart's name; also the CSV file's name. */
  title: string;
  option: EChartsCoreOption;
  table: ChartTable;
  height?: number;
  /** A short file name for the CSV download, without extension. */
  fileName: string;
  testId?: string;
  /**
   * Work to finish before the chart is drawn (the world map registers its shapes, loaded on
   * demand); the table view needs none of it.
   */
  prepare?: () => Promise<void>;
}

/**
 * An ECharts chart with a "Chart / Table" switch and a CSV download of its figures. The chart is
 * drawn in SVG and resized with its container.
 */
export function Chart({ title, option, table, height = 320, fileName, testId, prepare }: ChartProps) {
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const headingId = useId();
  const csvHref = useMemo(
    () => `data:text/csv;charset=utf-8,${encodeURIComponent(toCsv([table.columns, ...table.rows]))}`,
    [table],
  );
  return (
    <Stack gap="xs" data-testid={testId}>
      <Group justify="space-between" gap="sm">
        <Text fw={600} id={headingId}>
          {title}
        </Text>
        <Group gap="sm">
          <SegmentedControl
            size="xs"
            value={view}
            onChange={(value) => setView(value as 'chart' | 'table')}
            data={[
              { value: 'chart', label: messages.charts.chart },
              { value: 'table', label: messages.charts.table },
            ]}
            aria-label={messages.charts.viewAs(title)}
          />
          <Anchor href={csvHref} download={`${fileName}.csv`} fz="sm">
            {messages.charts.downloadCsv}
          </Anchor>
        </Group>
      </Group>
      {view === 'chart' ? (
        <EChart option={option} height={height} labelledBy={headingId} prepare={prepare} />
      ) : (
        <Table.ScrollContainer minWidth={400}>
          <Table striped withTableBorder aria-labelledby={headingId}>
            <Table.Thead>
              <Table.Tr>
                {table.columns.map((column) => (
                  <Table.Th key={column}>{column}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {table.rows.map((row, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their position
                <Table.Tr key={index}>
                  {row.map((cell, column) => (
                    <Table.Td key={table.columns[column]}>{cell}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

function EChart({
  option,
  height,
  labelledBy,
  prepare,
}: {
  option: EChartsCoreOption;
  height: number;
  labelledBy: string;
  prepare: (() => Promise<void>) | undefined;
}) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof init> | null>(null);
  // The option to draw once the chart exists (it may be created after a preparation).
  const latest = useRef(option);
  latest.current = option;
  const drawn = useRef<EChartsCoreOption | null>(null);

  useEffect(() => {
    const target = element.current;
    if (!target) return;
    let disposed = false;
    let observer: ResizeObserver | undefined;
    const create = () => {
      if (disposed) return;
      // ECharts reads the chart types registered when an instance is created: a preparation that
      // registers one (the world map) must finish first.
      const instance = init(target, undefined, { renderer: 'svg' });
      chart.current = instance;
      observer = new ResizeObserver(() => instance.resize());
      observer.observe(target);
      instance.setOption(latest.current, { notMerge: true });
      drawn.current = latest.current;
    };
    // A failed preparation leaves the chart empty; the table view still has every figure.
    if (prepare) prepare().then(create, () => {});
    else create();
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
      drawn.current = null;
    };
  }, [prepare]);

  useEffect(() => {
    if (!chart.current || drawn.current === option) return;
    chart.current.setOption(option, { notMerge: true });
    drawn.current = option;
  }, [option]);

  return <div ref={element} role="img" aria-labelledby={labelledBy} style={{ width: '100%', height }} />;
}
