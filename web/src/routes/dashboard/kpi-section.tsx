import {
  Badge,
  Group,
  List,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { KpiRollupGroupDto, KpiRollupKpiDto } from '../../api/types.ts';
import { ErrorState } from '../../app/error-state.tsx';
import { formatDate } from '../../app/format.ts';
import { AnchorLink } from '../../app/links.tsx';
import { LazyChart } from '../../components/lazy-chart.tsx';
import { moneyCell } from '../../components/money-cell.ts';
import { messages } from '../../messages/en.ts';
import { figures } from '../../messages/en-figures.ts';
import { DashboardSection, EmptyState, LoadingBlock } from './dashboard-parts.tsx';
import { kpiChartHeight, kpiProgressChart } from './kpi-chart.ts';
import { formatKpiValue, formatProgress, kpiId, kpiName, programmeGroup, splitKpis } from './kpi-figures.ts';
import type { Period } from './period.ts';
import { kpiRollupsQuery, selectRollup } from './queries.ts';
import { recordsSearchOf } from './records-search.ts';

const t = messages.dashboard;

type Grouping = 'phase' | 'instrument';

/** The Hub-wide KPIs of the whole scope (grouped by workspace): where plan targets on them count. */
const PROGRAMME = 'workspace';

/**
 * b. KPI target vs actual, by phase or by instrument: per group a chart of progress towards the
 * targets, a table whose every actual opens its records, and the qualitative results listed.
 */
export function KpiSection({
  workspace,
  period,
  marketId,
}: {
  workspace: string;
  period: Period;
  marketId: string | undefined;
}) {
  const [grouping, setGrouping] = useState<Grouping>('phase');
  const rollup = useQuery({
    ...kpiRollupsQuery(workspace, period, marketId),
    select: selectRollup(grouping),
  });
  // The headline's query: the Hub-wide KPIs against every target on them, plans' included (a
  // plan's target on a Hub-wide KPI belongs to no phase or instrument, so only this group shows it).
  const whole = useQuery({
    ...kpiRollupsQuery(workspace, period, marketId),
    select: selectRollup(PROGRAMME),
  });
  const programme = programmeGroup(whole.data?.groups[0], figures.dashboard.programmeGroup);
  // A group without activities and without targets has nothing to show.
  const groups = [
    ...(programme ? [programme] : []),
    ...(rollup.data?.groups ?? []).filter(
      (group) => group.activities > 0 || group.kpis.some((kpi) => kpi.target !== null),
    ),
  ];
  return (
    <DashboardSection
      id="kpis"
      title={t.kpis}
      testId="dashboard-kpis"
      action={
        <SegmentedControl
          size="xs"
          aria-label={t.kpiGrouping}
          value={grouping}
          onChange={(value) => setGrouping(value as Grouping)}
          data={[
            { value: 'phase', label: t.byPhase },
            { value: 'instrument', label: t.byInstrument },
          ]}
        />
      }
    >
      {rollup.isPending ? (
        <LoadingBlock label={t.loading} height={320} />
      ) : rollup.isError ? (
        <ErrorState
          title={t.kpiLoadError}
          error={rollup.error}
          onRetry={() => void rollup.refetch()}
          retrying={rollup.isFetching}
        />
      ) : groups.length === 0 ? (
        <EmptyState testId="dashboard-kpis-empty">{t.noKpiGroups}</EmptyState>
      ) : (
        <Stack gap="xl">
          {groups.map((group) => (
            <KpiGroup
              key={group === programme ? PROGRAMME : (group.key ?? 'none')}
              workspace={workspace}
              group={group}
              grouping={group === programme ? PROGRAMME : grouping}
              period={period}
              marketId={marketId}
            />
          ))}
        </Stack>
      )}
    </DashboardSection>
  );
}

function KpiGroup({
  workspace,
  group,
  grouping,
  period,
  marketId,
}: {
  workspace: string;
  group: KpiRollupGroupDto;
  grouping: Grouping | typeof PROGRAMME;
  period: Period;
  marketId: string | undefined;
}) {
  const withInstrument = grouping === 'phase';
  const { numeric, withTarget, texts } = useMemo(() => splitKpis(group.kpis), [group.kpis]);
  // Entered KPIs without a target or any value yet would be rows of dashes.
  const rows = numeric.filter((kpi) => kpi.target !== null || kpi.actual !== null);
  const chart = useMemo(
    () =>
      kpiProgressChart(withTarget, withInstrument, {
        target: t.targetLine,
        columns: {
          kpi: t.columns.kpi,
          target: t.columns.target,
          actual: t.columns.actual,
          progress: t.progressColumn,
        },
      }),
    [withTarget, withInstrument],
  );
  const headingId = `kpi-group-${grouping}-${group.key ?? 'none'}`;
  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId} data-testid="kpi-group">
      <Group gap="sm" align="baseline">
        <Title order={3} fz="md" id={headingId}>
          {group.label}
        </Title>
        <Badge variant="light" color="gray" tt="none" c="var(--mantine-color-text)">
          {t.groupActivities(group.activities)}
        </Badge>
      </Group>
      {grouping === PROGRAMME && (
        <Text fz="sm" c="dimmed" mt={-8}>
          {figures.dashboard.programmeGroupHint}
        </Text>
      )}
      {withTarget.length > 0 ? (
        <LazyChart
          title={t.progressChart(group.label)}
          option={chart.option}
          table={chart.table}
          height={kpiChartHeight(withTarget.length)}
          fileName={`kpis-${grouping}-${group.key ?? 'none'}-${period.from}-${period.to}`}
          testId="kpi-progress-chart"
        />
      ) : (
        <EmptyState testId="kpi-group-no-targets">{t.noTargetsInGroup}</EmptyState>
      )}
      {rows.length > 0 && (
        <KpiTable
          workspace={workspace}
          kpis={rows}
          caption={t.kpiTableCaption(group.label)}
          withInstrument={withInstrument}
          link={(kpi) => recordsSearchOf({ kpi, groupBy: grouping, groupKey: group.key, period, marketId })}
        />
      )}
      {texts.length > 0 && <TextKpis kpis={texts} withInstrument={withInstrument} />}
    </Stack>
  );
}

function KpiTable({
  workspace,
  kpis,
  caption,
  withInstrument,
  link,
}: {
  workspace: string;
  kpis: KpiRollupKpiDto[];
  caption: string;
  withInstrument: boolean;
  link: (kpi: KpiRollupKpiDto) => ReturnType<typeof recordsSearchOf>;
}) {
  const c = t.columns;
  return (
    <Table.ScrollContainer minWidth={560} type="native">
      <Table verticalSpacing="xs" striped="even" withTableBorder data-testid="kpi-table">
        <VisuallyHidden component="caption">{caption}</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{c.kpi}</Table.Th>
            <Table.Th scope="col" ta="right">
              {c.target}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {c.actual}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {c.progress}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {kpis.map((kpi) => {
            const name = kpiName(kpi, withInstrument);
            return (
              <Table.Tr key={kpiId(kpi)} data-testid="kpi-row">
                <Table.Th scope="row" fw={500}>
                  {name}
                </Table.Th>
                <Table.Td {...moneyCell}>
                  {kpi.target === null ? t.noTarget : formatKpiValue(kpi.kind, kpi.target)}
                </Table.Td>
                <Table.Td {...moneyCell}>
                  {kpi.actual === null ? (
                    t.noValue
                  ) : (
                    <AnchorLink
                      to="/w/$workspace/kpis/records"
                      params={{ workspace }}
                      search={link(kpi)}
                      aria-label={`${formatKpiValue(kpi.kind, kpi.actual)}: ${t.drillHint(name)}`}
                      data-testid="kpi-actual-link"
                    >
                      {formatKpiValue(kpi.kind, kpi.actual)}
                    </AnchorLink>
                  )}
                </Table.Td>
                <Table.Td {...moneyCell}>
                  {kpi.progress === null ? t.noValue : formatProgress(kpi.progress)}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function TextKpis({ kpis, withInstrument }: { kpis: KpiRollupKpiDto[]; withInstrument: boolean }) {
  return (
    <Stack gap="xs" data-testid="kpi-texts">
      <Text fw={600} fz="sm">
        {t.texts}
      </Text>
      {kpis.map((kpi) => (
        <Stack gap={2} key={kpiId(kpi)}>
          <Text fz="sm" fw={500}>
            {kpiName(kpi, withInstrument)}
          </Text>
          {kpi.texts.length === 0 ? (
            <Text fz="sm" c="dimmed">
              {t.noTexts}
            </Text>
          ) : (
            <List fz="sm" spacing={4}>
              {kpi.texts.map((entry) => (
                <List.Item key={`${entry.activityId}-${entry.recordedOn}-${entry.value}`}>
                  {entry.value}{' '}
                  <Text component="span" fz="xs" c="dimmed">
                    ({t.textBy(entry.activityTitle, formatDate(entry.recordedOn))})
                  </Text>
                </List.Item>
              ))}
            </List>
          )}
        </Stack>
      ))}
    </Stack>
  );
}
