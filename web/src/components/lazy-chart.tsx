import { Skeleton } from '@mantine/core';
import { type ComponentProps, lazy, Suspense } from 'react';
import type { Chart as ChartComponent } from '../app/chart.tsx';

// ECharts is most of the chart's weight: it loads on the first chart drawn, not with the page.
const Chart = lazy(() => import('../app/chart.tsx').then((module) => ({ default: module.Chart })));

/** `<Chart>` loaded on demand, a skeleton of its height meanwhile. */
export function LazyChart(props: ComponentProps<typeof ChartComponent>) {
  return (
    <Suspense fallback={<Skeleton h={(props.height ?? 320) + 40} />}>
      <Chart {...props} />
    </Suspense>
  );
}
