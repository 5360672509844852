import {
  Alert,
  Box,
  Button,
  Group,
  Paper,
  Select,
  Skeleton,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useMemo } from 'react';
import { ErrorState } from '../../app/error-state.tsx';
import { countryName } from '../../app/format.ts';
import { ActivitiesTable } from '../../components/activities-table.tsx';
import { messages } from '../../messages/en.ts';
import { allMarketsQuery } from '../../queries/markets.ts';
import { monthGrid, shiftMonth } from './calendar.ts';
import { MonthGrid } from './month-grid.tsx';
import { MONTH_LIMIT, monthActivitiesQuery } from './queries.ts';
import { monthOf, todayIso } from './search-params.ts';
import { PHASE_HEX, PHASE_ORDER } from './timeline.ts';

const t = messages.calendar;
const route = getRouteApi('/w/$workspace/calendar');

const monthName = new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** `2026-11` → `November 2026`. */
export function monthLabel(month: string): string {
  return monthName.format(new Date(`${month}-01T00:00:00Z`));
}

/** `/w/$workspace/calendar`: every activity of the workspace, month by month, and as a list. */
export function CalendarPage() {
  useDocumentTitle(messages.app.documentTitle(t.title));
  const { workspace } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const thisMonth = monthOf(new Date());
  const month = search.month ?? thisMonth;
  const label = monthLabel(month);
  const activities = useQuery(monthActivitiesQuery(workspace, month, search.marketId));
  const markets = useQuery(allMarketsQuery(workspace));
  const items = activities.data?.items;
  const weeks = useMemo(() => monthGrid(month, items ?? []), [month, items]);
  const inMonth = useMemo(() => {
    const first = `${month}-01`;
    const last = `${month}-31`;
    return (items ?? []).filter((a) => a.endsOn >= first && a.startsOn <= last);
  }, [month, items]);

  const goTo = (next: string | undefined, marketId = search.marketId) =>
    void navigate({
      search: {
        ...(next && next !== thisMonth ? { month: next } : {}),
        ...(marketId ? { marketId } : {}),
      },
      replace: true,
    });

  return (
    <Stack gap="lg" maw={1400} mx="auto">
      <Stack gap={6}>
        <Title order={1}>{t.title}</Title>
        <Text c="dimmed">{t.intro}</Text>
      </Stack>

      <Group justify="space-between" align="flex-end" gap="md">
        <Group gap="sm" align="center">
          <Button variant="default" onClick={() => goTo(shiftMonth(month, -1))} aria-label={t.previous}>
            ‹
          </Button>
          <Button variant="default" onClick={() => goTo(undefined)} disabled={month === thisMonth}>
            {t.today}
          </Button>
          <Button variant="default" onClick={() => goTo(shiftMonth(month, 1))} aria-label={t.next}>
            ›
          </Button>
          <Title order={2} fz="xl" ml="sm" aria-live="polite" data-testid="calendar-month">
            {label}
          </Title>
        </Group>
        <Select
          label={t.market}
          placeholder={t.anyMarket}
          data={(markets.data?.items ?? []).map((m) => ({
            value: m.id,
            label: `${m.name} · ${countryName(m.country)}`,
          }))}
          value={search.marketId ?? null}
          onChange={(value) => goTo(month, value ?? undefined)}
          searchable
          clearable
          nothingFoundMessage="—"
          w={{ base: '100%', xs: 320 }}
          comboboxProps={{ withinPortal: true }}
        />
      </Group>

      <PhaseLegend />

      {activities.isPending ? (
        <Box aria-busy="true">
          <VisuallyHidden role="status">{t.loading}</VisuallyHidden>
          <Skeleton h={520} />
        </Box>
      ) : activities.isError ? (
        <ErrorState
          title={t.loadError}
          error={activities.error}
          onRetry={() => void activities.refetch()}
          retrying={activities.isFetching}
        />
      ) : (
        <>
          {activities.data.nextCursor && (
            <Alert color="orange" variant="light" role="status">
              {t.truncated(MONTH_LIMIT)}
            </Alert>
          )}
          <MonthGrid workspace={workspace} weeks={weeks} caption={t.gridCaption(label)} today={todayIso()} />
          <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="calendar-list-title">
            <Stack gap="md">
              <Title order={2} fz="lg" id="calendar-list-title">
                {t.listTitle(label)}
              </Title>
              {inMonth.length === 0 ? (
                <Text fz="sm" c="dimmed" data-testid="calendar-empty">
                  {t.noActivities}
                </Text>
              ) : (
                <ActivitiesTable
                  workspace={workspace}
                  activities={inMonth}
                  caption={t.listTitle(label)}
                  showPlan
                />
              )}
            </Stack>
          </Paper>
        </>
      )}
    </Stack>
  );
}

function PhaseLegend() {
  return (
    <Group gap="lg">
      {PHASE_ORDER.map((phase) => (
        <Group key={phase} gap={6}>
          <Box w={14} h={14} style={{ borderRadius: 3, background: PHASE_HEX[phase] }} />
          <Text fz="sm">{messages.phaseShort[phase]}</Text>
        </Group>
      ))}
    </Group>
  );
}
