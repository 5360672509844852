import { Anchor, Button, Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import type { KpiRecordDto, KpiRecordsDto } from '../../api/types.ts';
import { ErrorState } from '../../app/error-state.tsx';
import { formatDate } from '../../app/format.ts';
import { AnchorLink } from '../../app/links.tsx';
import { Crumbs, CurrentCrumb } from '../../components/crumbs.tsx';
import { moneyCell } from '../../components/money-cell.ts';
import { PageSkeleton } from '../../components/skeletons.tsx';
import { messages } from '../../messages/en.ts';
import { formatKpiValue } from './kpi-figures.ts';
import { kpiRecordsQuery } from './queries.ts';

const t = messages.kpiRecords;
const route = getRouteApi('/w/$workspace/kpis/records');

/**
 * `/w/$workspace/kpis/records?kpiKey=…`: the records behind one KPI number of the dashboard, with
 * how the number is made, its total, and every record (a page at a time).
 */
export function RecordsPage() {
  const { workspace } = route.useParams();
  const search = route.useSearch();
  const records = useInfiniteQuery(kpiRecordsQuery(workspace, search));
  const first = records.data?.pages[0];
  useDocumentTitle(messages.app.documentTitle(first?.kpi.label ?? t.title));

  // Back to the dashboard as it was: same period and market.
  const dashboardSearch = {
    ...(search.from && search.to ? { from: search.from, to: search.to } : {}),
    ...(search.marketId ? { marketId: search.marketId } : {}),
  };
  const crumbs = (
    <Crumbs>
      <AnchorLink to="/w/$workspace" params={{ workspace }} search={dashboardSearch}>
        {t.breadcrumb}
      </AnchorLink>
      <CurrentCrumb>{first?.kpi.label ?? t.title}</CurrentCrumb>
    </Crumbs>
  );

  if (!search.kpiKey) {
    return (
      <Stack gap="lg" maw={1200} mx="auto" data-testid="kpi-records">
        {crumbs}
        <Title order={1}>{t.title}</Title>
        <Text>{t.missingKpi}</Text>
      </Stack>
    );
  }
  if (records.isPending) return <PageSkeleton label={t.loading} />;
  if (records.isError) {
    return (
      <Stack gap="lg" maw={1200} mx="auto">
        {crumbs}
        <Title order={1}>{t.title}</Title>
        <ErrorState
          title={t.loadError}
          error={records.error}
          onRetry={() => void records.refetch()}
          retrying={records.isFetching}
        />
      </Stack>
    );
  }

  const head = records.data.pages[0] as KpiRecordsDto;
  const rows = records.data.pages.flatMap((page) => page.records);
  return (
    <Stack gap="lg" maw={1200} mx="auto" data-testid="kpi-records">
      {crumbs}
      <Stack gap={6}>
        <Title order={1}>{head.kpi.label}</Title>
        <Text c="dimmed" data-testid="kpi-records-scope">
          {search.from && search.to ? t.scope(formatDate(search.from), formatDate(search.to)) : t.anyPeriod}
        </Text>
      </Stack>

      <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="kpi-records-how">
        <Stack gap="xs">
          <Title order={2} fz="md" id="kpi-records-how">
            {t.howMade}
          </Title>
          <Text fz="sm" data-testid="kpi-records-rule">
            {head.kpi.ruleDescription ?? t.entered}
          </Text>
          <Group gap="xs" align="baseline">
            <Text fz="sm" c="dimmed">
              {t.total}
            </Text>
            <Text
              fz="xl"
              fw={650}
              style={{ fontVariantNumeric: 'tabular-nums' }}
              data-testid="kpi-records-total"
            >
              {t.count(head.total)}
            </Text>
          </Group>
        </Stack>
      </Paper>

      {rows.length === 0 ? (
        <Text c="dimmed" data-testid="kpi-records-empty">
          {t.empty}
        </Text>
      ) : (
        <Stack gap="md">
          <RecordsTable
            workspace={workspace}
            kind={head.kpi.kind}
            records={rows}
            caption={t.caption(head.kpi.label)}
          />
          <Group justify="space-between">
            <Text fz="sm" c="dimmed" role="status">
              {t.shown(rows.length, head.total)}
            </Text>
            {records.hasNextPage && (
              <Button
                variant="default"
                onClick={() => void records.fetchNextPage()}
                loading={records.isFetchingNextPage}
              >
                {t.loadMore}
              </Button>
            )}
          </Group>
        </Stack>
      )}
      <Group>
        <AnchorLink to="/w/$workspace" params={{ workspace }} search={dashboardSearch} fz="sm">
          {t.back}
        </AnchorLink>
      </Group>
    </Stack>
  );
}

function RecordsTable({
  workspace,
  kind,
  records,
  caption,
}: {
  workspace: string;
  kind: KpiRecordsDto['kpi']['kind'];
  records: KpiRecordDto[];
  caption: string;
}) {
  const c = t.columns;
  const value = (record: KpiRecordDto) =>
    record.value === null
      ? '—'
      : typeof record.value === 'number'
        ? formatKpiValue(kind, record.value)
        : record.value;
  return (
    <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
      <Table.ScrollContainer minWidth={760} type="native">
        <Table verticalSpacing="sm" horizontalSpacing="md" striped="even" data-testid="kpi-records-table">
          <VisuallyHidden component="caption">{caption}</VisuallyHidden>
          <Table.Thead bg="gray.0">
            <Table.Tr>
              <Table.Th scope="col">{c.type}</Table.Th>
              <Table.Th scope="col">{c.activity}</Table.Th>
              <Table.Th scope="col">{c.date}</Table.Th>
              <Table.Th scope="col">{c.description}</Table.Th>
              <Table.Th scope="col" ta="right">
                {c.value}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {records.map((record) => (
              <Table.Tr key={`${record.type}-${record.id}`} data-testid="kpi-record-row">
                <Table.Td>{t.type[record.type] ?? record.type}</Table.Td>
                <Table.Td>
                  <AnchorLink
                    to="/w/$workspace/activities/$activityId"
                    params={{ workspace, activityId: record.activityId }}
                    fz="sm"
                    fw={600}
                  >
                    {record.activityTitle}
                  </AnchorLink>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(record.occurredOn)}</Table.Td>
                <Table.Td>
                  {record.eventId ? (
                    // A meeting or request of a B2B event: its page holds the record.
                    <Anchor href={`/w/${workspace}/events/${record.eventId}`} fz="sm">
                      {record.description}
                    </Anchor>
                  ) : (
                    record.description
                  )}
                </Table.Td>
                <Table.Td {...moneyCell}>{value(record)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
