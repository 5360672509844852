import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ErrorState } from '../../app/error-state.tsx';
import { LazyChart } from '../../components/lazy-chart.tsx';
import { messages } from '../../messages/en.ts';
import { statisticsQuery } from './day-queries.ts';
import type { EventTabProps } from './viewer.ts';

const t = messages.eventDay.statistics;

function percent(rate: number | null): string {
  return rate === null ? t.notYet : `${Math.round(rate * 1000) / 10} %`;
}

function Figure({ label, value }: { label: string; value: string | number }) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Text fz="sm" c="dimmed">
        {label}
      </Text>
      <Text fz="xl" fw={700}>
        {value}
      </Text>
    </Paper>
  );
}

/**
 * The event's figures (issue 22 item 7): registrations, requests and their acceptance rate,
 * meetings booked against held, no-shows, check-ins, satisfaction and the follow-ups expected, with
 * two charts (each with its table). Totals only, so members may read them too.
 */
export function StatisticsTab({ viewer }: EventTabProps) {
  if (viewer.kind === 'portal') return null;
  return <Statistics workspace={viewer.workspace} eventId={viewer.eventId} />;
}

function Statistics({ workspace, eventId }: { workspace: string; eventId: string }) {
  const query = useQuery(statisticsQuery(workspace, eventId));
  if (query.error)
    return (
      <ErrorState
        error={query.error}
        title={messages.eventDay.loadFailed}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
    );
  const s = query.data;
  if (!s) return null;
  const followUps = s.followUps.map(
    (f) => [messages.eventDay.followUps[f.followUp] ?? f.followUp, f.count] as const,
  );
  return (
    <Stack gap="lg" data-testid="event-statistics-tab">
      <Title order={2} fz="h3">
        {t.title}
      </Title>
      <Stack gap="xs">
        <Title order={3} fz="h4">
          {t.registrations}
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }} spacing="sm">
          {Object.entries(s.registrations.byStatus).map(([status, n]) => (
            <Figure key={status} label={t.participantStatus[status] ?? status} value={n} />
          ))}
        </SimpleGrid>
      </Stack>
      <Stack gap="xs">
        <Title order={3} fz="h4">
          {t.requests}
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }} spacing="sm">
          <Figure label={t.sent} value={s.requests.sent} />
          <Figure label={t.acceptanceRate} value={percent(s.requests.acceptanceRate)} />
          {Object.entries(s.requests.byStatus).map(([status, n]) => (
            <Figure key={status} label={t.requestStatus[status] ?? status} value={n} />
          ))}
        </SimpleGrid>
      </Stack>
      <Stack gap="xs">
        <Title order={3} fz="h4">
          {t.meetings}
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} spacing="sm">
          <Figure label={t.booked} value={s.meetings.booked} />
          <Figure label={t.held} value={s.meetings.held} />
          <Figure label={t.noShow} value={s.meetings.noShow} />
          <Figure label={t.noShowRate} value={percent(s.meetings.noShowRate)} />
          <Figure label={t.cancelled} value={s.meetings.cancelled} />
          <Figure label={t.checkIns} value={`${s.checkIns.checkedIn} / ${s.checkIns.approved}`} />
        </SimpleGrid>
        <LazyChart
          title={t.meetingsChart}
          fileName="meetings"
          height={220}
          option={{
            grid: { left: 8, right: 8, top: 8, bottom: 8, containLabel: true },
            xAxis: { type: 'category', data: [t.booked, t.held, t.noShow, t.cancelled] },
            yAxis: { type: 'value', minInterval: 1 },
            series: [
              {
                type: 'bar',
                data: [s.meetings.booked, s.meetings.held, s.meetings.noShow, s.meetings.cancelled],
              },
            ],
          }}
          table={{
            columns: [t.meetings, t.count],
            rows: [
              [t.booked, s.meetings.booked],
              [t.held, s.meetings.held],
              [t.noShow, s.meetings.noShow],
              [t.cancelled, s.meetings.cancelled],
            ],
          }}
        />
      </Stack>
      <Stack gap="xs">
        <Title order={3} fz="h4">
          {t.satisfaction}
        </Title>
        <SimpleGrid cols={{ base: 2 }} spacing="sm">
          <Figure label={t.average} value={s.satisfaction.average ?? t.notYet} />
          <Figure label={t.ratings} value={s.satisfaction.ratings} />
        </SimpleGrid>
        <LazyChart
          title={t.ratingsChart}
          fileName="ratings"
          height={220}
          option={{
            grid: { left: 8, right: 8, top: 8, bottom: 8, containLabel: true },
            xAxis: { type: 'category', data: s.satisfaction.distribution.map((d) => String(d.rating)) },
            yAxis: { type: 'value', minInterval: 1 },
            series: [{ type: 'bar', data: s.satisfaction.distribution.map((d) => d.count) }],
          }}
          table={{
            columns: [t.rating, t.count],
            rows: s.satisfaction.distribution.map((d) => [d.rating, d.count]),
          }}
        />
        <LazyChart
          title={t.followUpsChart}
          fileName="follow-ups"
          height={240}
          option={{
            grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
            yAxis: { type: 'category', data: followUps.map((f) => f[0]) },
            xAxis: { type: 'value', minInterval: 1 },
            series: [{ type: 'bar', data: followUps.map((f) => f[1]) }],
          }}
          table={{ columns: [t.followUpsChart, t.count], rows: followUps.map((f) => [f[0], f[1]]) }}
        />
      </Stack>
    </Stack>
  );
}
