import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Group,
  Paper,
  Progress,
  Radio,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { type FormEvent, useMemo } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { describeError } from '../../api/describe-error.ts';
import type { JobDto, ReportFormat } from '../../api/types.ts';
import { useAbilities } from '../../app/abilities.ts';
import { ErrorState } from '../../app/error-state.tsx';
import { ForbiddenState } from '../../app/forbidden-state.tsx';
import { countryName, formatDateTime } from '../../app/format.ts';
import { activeLanguage } from '../../app/language.ts';
import { JOB_STATUS_COLORS } from '../../components/status-badges.tsx';
import { useFormState } from '../../components/use-form-state.ts';
import { messages } from '../../messages/en.ts';
import { figures } from '../../messages/en-figures.ts';
import { workspaceKeys } from '../../queries/keys.ts';
import { allMarketsQuery } from '../../queries/markets.ts';
import { jobQuery, reportJobListQuery, reportKeys } from './queries.ts';
import {
  defaultReportForm,
  percentOf,
  REPORT_FIELDS,
  type ReportSearch,
  reportBodyOf,
  reportParamsOf,
  validateReportForm,
} from './report-form.ts';

const t = messages.reports;
const f = figures.reports;
const route = getRouteApi('/w/$workspace/reports');
const FORMATS: ReportFormat[] = ['pdf', 'xlsx'];

/** `/w/$workspace/reports`: start a funder report for a period and follow the reports being made. */
export function ReportsPage() {
  useDocumentTitle(messages.app.documentTitle(t.title));
  const { workspace } = route.useParams();
  const search = route.useSearch();
  // Reports hold the budget: the roles that may read it may have them made.
  const abilities = useAbilities(workspace);
  if (abilities.loaded && !abilities.canSomewhere('report.read')) {
    return <ForbiddenState title={t.forbiddenTitle} />;
  }
  return (
    <Stack gap="lg" maw={1100} mx="auto">
      <Stack gap={6}>
        <Title order={1}>{t.title}</Title>
        <Text c="dimmed" maw={760}>
          {t.intro} {f.meaning}
        </Text>
      </Stack>
      {/* A new address (the dashboard's button with another view) starts a fresh form. */}
      <ReportForm key={JSON.stringify(search)} workspace={workspace} search={search} />
      <ReportList workspace={workspace} />
    </Stack>
  );
}

function ReportForm({ workspace, search }: { workspace: string; search: ReportSearch }) {
  const queryClient = useQueryClient();
  const form = useFormState(() => defaultReportForm(new Date(), search), REPORT_FIELDS, 'report');
  const { values, errors, set, field } = form;
  const markets = useQuery(allMarketsQuery(workspace));
  const start = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/workspaces/{workspace}/reports', {
          params: { path: { workspace } },
          // The report speaks the language the page is shown in (its words, numbers and dates).
          body: { ...reportBodyOf(values), language: activeLanguage() },
        }),
      ),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: reportKeys.list(workspace) }),
        queryClient.invalidateQueries({ queryKey: workspaceKeys.audit(workspace) }),
      ]);
    },
    onError: form.showServer,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (form.check(validateReportForm(values))) start.mutate();
  };

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="report-form-title">
      <form onSubmit={submit} noValidate data-testid="report-form">
        <Stack gap="md">
          <Title order={2} fz="lg" id="report-form-title">
            {t.formTitle}
          </Title>
          <Group align="flex-start" gap="md">
            <TextInput
              type="date"
              label={t.from}
              required
              value={values.from}
              onChange={(event) => set('from', event.currentTarget.value)}
              {...field('from')}
              w={200}
            />
            <TextInput
              type="date"
              label={t.to}
              required
              min={values.from || undefined}
              value={values.to}
              onChange={(event) => set('to', event.currentTarget.value)}
              {...field('to')}
              w={200}
            />
          </Group>
          <Select
            label={f.market}
            description={f.marketHint}
            placeholder={f.anyMarket}
            data={(markets.data?.items ?? []).map((m) => ({
              value: m.id,
              label: `${m.name} · ${countryName(m.country)}`,
            }))}
            value={values.marketId || null}
            onChange={(value) => set('marketId', value ?? '')}
            searchable
            clearable
            nothingFoundMessage="—"
            w={{ base: '100%', xs: 416 }}
            comboboxProps={{ withinPortal: true }}
            {...field('marketId')}
          />
          <Radio.Group
            label={t.format}
            value={values.format}
            onChange={(format) => set('format', format as ReportFormat)}
            error={errors.format}
          >
            <Stack gap="xs" mt={6}>
              {FORMATS.map((format) => (
                <Radio
                  key={format}
                  value={format}
                  label={t.formats[format]}
                  description={t.formatDescriptions[format]}
                />
              ))}
            </Stack>
          </Radio.Group>
          {start.isError && !form.placed(start.error) && (
            <Alert color="red" title={t.startFailed} role="alert">
              {describeError(start.error)}
            </Alert>
          )}
          {start.isSuccess && <StartedJob workspace={workspace} job={start.data.job} />}
          <Group>
            <Button type="submit" loading={start.isPending}>
              {t.generate}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/**
 * What became of the report just started: followed like its row (one shared query), so the form
 * says it is being made only while it is, then offers the file or says why it failed.
 */
function StartedJob({ workspace, job: started }: { workspace: string; job: JobDto }) {
  const { data: job = started } = useQuery(jobQuery(workspace, started));
  const params = reportParamsOf(job);
  if (job.status === 'succeeded' && job.file) {
    const download = t.download(params ? t.formats[params.format] : '');
    return (
      <Text role="status" fz="sm" c="teal.9" data-testid="report-started" data-status={job.status}>
        {f.startedReady}{' '}
        <Anchor
          href={job.file.url}
          download={job.file.name}
          fz="sm"
          aria-label={t.downloadLabel(download, job.file.name)}
        >
          {download}
        </Anchor>
      </Text>
    );
  }
  if (job.status === 'failed') {
    return (
      <Text role="status" fz="sm" c="red.9" data-testid="report-started" data-status={job.status}>
        {f.startedFailed} {job.error ?? ''}
      </Text>
    );
  }
  return (
    <Text role="status" fz="sm" c="teal.9" data-testid="report-started" data-status={job.status}>
      {f.startedRunning}
    </Text>
  );
}

function ReportList({ workspace }: { workspace: string }) {
  const list = useInfiniteQuery(reportJobListQuery(workspace));
  const jobs = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const markets = useQuery(allMarketsQuery(workspace));
  const marketNames = useMemo(
    () => new Map((markets.data?.items ?? []).map((m) => [m.id, m.name])),
    [markets.data],
  );

  return (
    <Stack gap="sm" component="section" aria-labelledby="report-list-title">
      <Title order={2} fz="lg" id="report-list-title">
        {t.listTitle}
      </Title>
      {list.isPending ? (
        <Box aria-busy="true">
          <VisuallyHidden role="status">{t.loading}</VisuallyHidden>
          <Paper withBorder radius="md" p="md" aria-hidden="true">
            <Stack gap="md">
              {[0, 1, 2].map((row) => (
                <Group key={row} gap="lg" wrap="nowrap">
                  <Skeleton h={14} w={140} />
                  <Skeleton h={14} w="25%" />
                  <Skeleton h={14} w={64} />
                  <Skeleton h={14} w="30%" />
                </Group>
              ))}
            </Stack>
          </Paper>
        </Box>
      ) : list.isError ? (
        <ErrorState
          title={t.loadError}
          error={list.error}
          onRetry={() => void list.refetch()}
          retrying={list.isFetching}
        />
      ) : jobs.length === 0 ? (
        <Paper withBorder radius="md" p="xl">
          <Stack align="center" gap="xs" py="md">
            <Text fw={600}>{t.emptyTitle}</Text>
            <Text c="dimmed">{t.emptyBody}</Text>
          </Stack>
        </Paper>
      ) : (
        <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
          {/* Focusable, so keyboard users can scroll it when the page is narrower than the table. */}
          <Table.ScrollContainer minWidth={760} type="native" tabIndex={0} aria-label={t.listCaption}>
            <Table verticalSpacing="sm" horizontalSpacing="md">
              <VisuallyHidden component="caption">{t.listCaption}</VisuallyHidden>
              <Table.Thead bg="gray.0">
                <Table.Tr>
                  <Table.Th scope="col">{t.requested}</Table.Th>
                  <Table.Th scope="col">{t.period}</Table.Th>
                  <Table.Th scope="col">{f.marketColumn}</Table.Th>
                  <Table.Th scope="col">{t.format}</Table.Th>
                  <Table.Th scope="col">{t.status}</Table.Th>
                  <Table.Th scope="col">{t.progress}</Table.Th>
                  <Table.Th scope="col">{t.file}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {jobs.map((job) => (
                  <JobRow key={job.id} workspace={workspace} job={job} marketNames={marketNames} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {list.hasNextPage && (
        <Group justify="center">
          <Button
            variant="default"
            onClick={() => void list.fetchNextPage()}
            loading={list.isFetchingNextPage}
          >
            {t.loadMore}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** One report: polled every second until it is ready (a download link) or failed (its error). */
function JobRow({
  workspace,
  job: listed,
  marketNames,
}: {
  workspace: string;
  job: JobDto;
  marketNames: Map<string, string>;
}) {
  const { data: job = listed } = useQuery(jobQuery(workspace, listed));
  const params = reportParamsOf(job);
  const period = params ? t.periodText(params.from, params.to) : '–';
  const percent = percentOf(job.progress);
  const download = t.download(params ? t.formats[params.format] : '');
  return (
    <Table.Tr data-testid="report-row" data-status={job.status} style={{ verticalAlign: 'top' }}>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <time dateTime={job.createdAt}>{formatDateTime(job.createdAt)}</time>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{period}</Table.Td>
      <Table.Td>
        {params?.marketId ? (marketNames.get(params.marketId) ?? messages.common.none) : f.allMarkets}
      </Table.Td>
      <Table.Td>{params ? t.formats[params.format] : '–'}</Table.Td>
      <Table.Td>
        <Badge variant="light" color={JOB_STATUS_COLORS[job.status]} tt="none" c="var(--mantine-color-text)">
          {t.statuses[job.status]}
        </Badge>
      </Table.Td>
      <Table.Td miw={180}>
        <Stack gap={4}>
          <Progress.Root size="md">
            <Progress.Section
              value={percent}
              color={job.status === 'failed' ? 'red.9' : 'indigo'}
              aria-label={t.progressLabel(period)}
            />
          </Progress.Root>
          <Text fz="xs" c="dimmed">
            {percent}% · {job.message}
          </Text>
        </Stack>
      </Table.Td>
      <Table.Td>
        {job.status === 'succeeded' && job.file ? (
          <Anchor
            href={job.file.url}
            download={job.file.name}
            aria-label={t.downloadLabel(download, job.file.name)}
          >
            {download}
          </Anchor>
        ) : job.status === 'failed' ? (
          <Text fz="sm" c="red.9">
            {t.failedBecause(job.error ?? '')}
          </Text>
        ) : null}
      </Table.Td>
    </Table.Tr>
  );
}
