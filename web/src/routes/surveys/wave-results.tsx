import { Alert, Button, Group, List, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { apiHref } from '../../api/links.ts';
import { Chart } from '../../app/chart.tsx';
import { ErrorState } from '../../app/error-state.tsx';
import { messages } from '../../messages/en.ts';
import { downloadFile } from '../events/agenda-queries.ts';
import {
  inLanguage,
  type QuestionResultDto,
  type WaveResultsDto,
  waveResultsQuery,
} from './results-queries.ts';

const t = messages.readiness;
const LANGUAGE = 'en';

/** A wave's results by question, with charts and exports (issue 23). */
export function WaveResults({ workspace, waveId }: { workspace: string; waveId: string }) {
  const results = useQuery(waveResultsQuery(workspace, waveId));
  const [downloadFailed, setDownloadFailed] = useState(false);
  const download = (format: 'csv' | 'xlsx') => {
    setDownloadFailed(false);
    const path =
      format === 'csv'
        ? apiHref('/api/v1/workspaces/{workspace}/surveys/waves/{id}/results.csv', {
            path: { workspace, id: waveId },
          })
        : apiHref('/api/v1/workspaces/{workspace}/surveys/waves/{id}/results.xlsx', {
            path: { workspace, id: waveId },
          });
    downloadFile(path, `survey-results.${format}`).catch(() => setDownloadFailed(true));
  };

  return (
    <Stack gap="lg" data-testid="wave-results">
      <Group justify="space-between" gap="md">
        <Title order={2} fz="xl">
          {t.results.title}
        </Title>
        <Group gap="sm">
          <Button variant="light" onClick={() => download('csv')} data-testid="results-csv">
            {t.results.downloadCsv}
          </Button>
          <Button variant="light" onClick={() => download('xlsx')} data-testid="results-xlsx">
            {t.results.downloadXlsx}
          </Button>
        </Group>
      </Group>
      {downloadFailed && (
        <Alert color="red" role="alert">
          {t.results.downloadError}
        </Alert>
      )}
      {results.isPending ? (
        <Stack gap="sm" aria-busy="true">
          <Skeleton h={20} />
          <Skeleton h={240} />
        </Stack>
      ) : results.isError ? (
        <ErrorState
          title={t.results.loadError}
          error={results.error}
          onRetry={() => results.refetch()}
          retrying={results.isFetching}
        />
      ) : (
        <ResultsBody data={results.data} />
      )}
    </Stack>
  );
}

function ResultsBody({ data }: { data: WaveResultsDto }) {
  const percent = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 0 });
  return (
    <Stack gap="lg">
      <Group gap="lg" wrap="wrap">
        <Text fw={600} data-testid="results-respondents">
          {t.results.respondents(String(data.respondents), String(data.invited))}
        </Text>
        {data.meanCompleteness !== null && (
          <Text>{t.results.completeness(percent.format(data.meanCompleteness))}</Text>
        )}
      </Group>
      {data.wave.anonymous && <Text c="dimmed">{t.results.anonymous}</Text>}
      {data.respondents === 0 ? (
        <Text c="dimmed">{t.results.noResponses}</Text>
      ) : (
        <>
          {data.readiness && <ReadinessSummary readiness={data.readiness} />}
          {data.questions.map((question) => (
            <QuestionResult key={question.key} question={question} />
          ))}
        </>
      )}
    </Stack>
  );
}

function ReadinessSummary({ readiness }: { readiness: NonNullable<WaveResultsDto['readiness']> }) {
  const stageLabels = readiness.stages.map((s) => t.stages[s.stage]);
  const dimensionLabels = readiness.dimensions.map((d) => t.dimensions[d.dimension]);
  const number = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="md">
        {readiness.meanTotal !== null && (
          <Text fw={600} data-testid="results-mean-total">
            {t.results.meanTotal(t.profile.total(number.format(readiness.meanTotal)))}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Chart
            title={t.results.stagesTitle}
            fileName="readiness-stages"
            testId="results-stages"
            height={240}
            option={{
              tooltip: {},
              grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
              xAxis: {
                type: 'category',
                data: stageLabels,
                axisLabel: { interval: 0, width: 90, overflow: 'break' },
              },
              yAxis: { type: 'value', minInterval: 1 },
              series: [{ type: 'bar', data: readiness.stages.map((s) => s.count) }],
            }}
            table={{
              columns: [t.profile.stage, t.results.count],
              rows: readiness.stages.map((s) => [t.stages[s.stage], s.count]),
            }}
          />
          <Chart
            title={t.results.dimensionsTitle}
            fileName="readiness-dimensions"
            testId="results-dimensions"
            height={240}
            option={{
              tooltip: {},
              grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
              xAxis: { type: 'value', min: 0, max: 100 },
              yAxis: {
                type: 'category',
                data: dimensionLabels,
                inverse: true,
                axisLabel: { width: 140, overflow: 'break' },
              },
              series: [{ type: 'bar', data: readiness.dimensions.map((d) => d.mean ?? 0) }],
            }}
            table={{
              columns: [t.profile.dimension, t.profile.score],
              rows: readiness.dimensions.map((d) => [
                t.dimensions[d.dimension],
                d.mean === null ? '—' : number.format(d.mean),
              ]),
            }}
          />
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}

function QuestionResult({ question }: { question: QuestionResultDto }) {
  const title = inLanguage(question.label, LANGUAGE);
  const subtitle = t.results.answeredBy(String(question.answered), String(question.shown));
  const number = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });
  let categories: string[] = [];
  let values: number[] = [];
  if (question.options) {
    categories = question.options.map((o) => inLanguage(o.label, LANGUAGE));
    values = question.options.map((o) => o.count);
  } else if (question.histogram) {
    categories = question.histogram.map((_, i) => String(i + 1));
    values = question.histogram;
  } else if (question.rows) {
    categories = question.rows.map((r) => inLanguage(r.label, LANGUAGE));
    values = question.rows.map((r) => r.mean ?? 0);
  } else if (question.counts) {
    categories = question.counts.map((c) => c.label);
    values = question.counts.map((c) => c.count);
  }
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={title}>
      <Stack gap="xs">
        <Text fw={600}>{title}</Text>
        <Text fz="sm" c="dimmed">
          {subtitle}
          {question.mean !== undefined && question.mean !== null
            ? ` · ${t.results.meanMedian(number.format(question.mean), number.format(question.median ?? 0))}`
            : ''}
        </Text>
        {question.texts ? (
          question.texts.length === 0 ? (
            <Text c="dimmed">{t.results.noTexts}</Text>
          ) : (
            <List spacing={4} size="sm" data-testid="results-texts">
              {question.texts.map((text, i) => (
                // Texts carry no id; their order is stable for a given set of responses.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                <List.Item key={i}>{text}</List.Item>
              ))}
            </List>
          )
        ) : categories.length > 0 ? (
          <Chart
            title={title}
            fileName={`question-${question.key}`}
            height={Math.max(160, categories.length * 36)}
            option={{
              tooltip: {},
              grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
              xAxis: {
                type: 'value',
                minInterval: question.rows ? 0 : 1,
                ...(question.rows ? { max: 5 } : {}),
              },
              yAxis: {
                type: 'category',
                data: categories,
                inverse: true,
                axisLabel: { width: 140, overflow: 'truncate' },
              },
              series: [{ type: 'bar', data: values }],
            }}
            table={{
              columns: [t.results.option, question.rows ? t.results.rowMean : t.results.count],
              rows: categories.map((c, i) => [c, values[i] ?? 0]),
            }}
          />
        ) : null}
      </Stack>
    </Paper>
  );
}
