import {
  Alert,
  Box,
  Button,
  Collapse,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure, useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useMemo } from 'react';
import { ACTIVITY_STATUSES } from '../../api/vocabulary.ts';
import { ErrorState } from '../../app/error-state.tsx';
import { countryName } from '../../app/format.ts';
import { activeLocale } from '../../app/language.ts';
import { instrumentLabel } from '../../components/instrument-label.ts';
import { usePhone } from '../../components/use-phone.ts';
import { messages } from '../../messages/en.ts';
import { instrumentListQuery } from '../../queries/instruments.ts';
import { allMarketsQuery } from '../../queries/markets.ts';
import { splitOngoing } from './calendar.ts';
import { shortPeriod } from './calendar-entry.tsx';
import { CalendarGrid } from './calendar-grid.tsx';
import { Agenda, OngoingLane } from './calendar-lists.tsx';
import { allPlansQuery, CALENDAR_LIMIT, calendarActivitiesQuery } from './queries.ts';
import {
  CALENDAR_VIEWS,
  type CalendarPeriod,
  type CalendarSearch,
  type CalendarView,
  calendarFilters,
  calendarPeriod,
  shiftCalendarPeriod,
  switchCalendarView,
  todayIso,
} from './search-params.ts';
import { PHASE_HEX, PHASE_ORDER } from './timeline.ts';

const t = messages.calendar;
const p = messages.planning;
const portal = { comboboxProps: { withinPortal: true } };
const route = getRouteApi('/w/$workspace/calendar');

const monthName = new Intl.DateTimeFormat(activeLocale(), {
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** `2026-11` → `November 2026`. */
export function monthLabel(month: string): string {
  return monthName.format(new Date(`${month}-01T00:00:00Z`));
}

/** The address without its month or week: the period holding today. */
function currentPeriod({ month: _month, week: _week, ...rest }: CalendarSearch): CalendarSearch {
  return rest;
}

/** `January 2027`, or the week's days: `11 Jan – 17 Jan 2027`. */
function periodLabel(period: CalendarPeriod): string {
  return period.view === 'week' ? shortPeriod(period.range.from, period.range.to) : monthLabel(period.month);
}

/**
 * `/w/$workspace/calendar`: every activity of the workspace by month (bars across the days they
 * run), by week, or as an agenda; activities longer than three weeks once, in an "ongoing" lane.
 * View, period and filters live in the address; a phone opens on the agenda.
 */
export function CalendarPage() {
  useDocumentTitle(messages.app.documentTitle(t.title));
  const { workspace } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const phone = usePhone();
  const today = todayIso();
  const view: CalendarView = search.view ?? (phone ? 'agenda' : 'month');
  const period = calendarPeriod(search, view, today);
  const label = periodLabel(period);
  const activities = useQuery(calendarActivitiesQuery(workspace, search, period.range));
  const items = activities.data?.items;
  const { from, to } = period.inside;
  const { ongoing, dated } = useMemo(() => splitOngoing(items ?? [], { from, to }), [items, from, to]);
  const filterCount = Object.keys(calendarFilters(search)).length;

  const go = (next: CalendarSearch) => void navigate({ search: next, replace: true });
  const isCurrent = view === 'week' ? search.week === undefined : search.month === undefined;

  return (
    <Stack gap="lg" maw={1400} mx="auto">
      <Stack gap={6}>
        <Title order={1}>{t.title}</Title>
        <Text c="dimmed">{t.intro}</Text>
      </Stack>

      <Group justify="space-between" align="center" gap="md">
        <Group gap="sm" align="center">
          <Button
            variant="default"
            onClick={() => go(shiftCalendarPeriod(search, view, -1, today))}
            aria-label={t.previous[view]}
          >
            ‹
          </Button>
          <Button variant="default" onClick={() => go(currentPeriod(search))} disabled={isCurrent}>
            {t.today}
          </Button>
          <Button
            variant="default"
            onClick={() => go(shiftCalendarPeriod(search, view, 1, today))}
            aria-label={t.next[view]}
          >
            ›
          </Button>
          <Title order={2} fz="xl" ml="xs" aria-live="polite" data-testid="calendar-period">
            {label}
          </Title>
        </Group>
        <SegmentedControl
          aria-label={t.view}
          value={view}
          onChange={(value) => go(switchCalendarView(search, view, value as CalendarView, today))}
          data={CALENDAR_VIEWS.map((value) => ({ value, label: t.views[value] }))}
          fullWidth={phone}
          w={phone ? '100%' : undefined}
          data-testid="calendar-views"
        />
      </Group>

      <Filters workspace={workspace} search={search} phone={phone} count={filterCount} onChange={go} />

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
              {t.truncated(CALENDAR_LIMIT)}
            </Alert>
          )}
          <OngoingLane key={String(phone)} workspace={workspace} activities={ongoing} compact={phone} />
          {view !== 'agenda' && (
            <CalendarGrid
              workspace={workspace}
              activities={activities.data.items}
              range={period.range}
              inside={period.inside}
              view={view}
              label={label}
              today={today}
              compact={phone}
            />
          )}
          {/* The agenda view; on a phone also under the grid, whose strips name nothing. */}
          {(view === 'agenda' || phone) && (
            <Agenda
              workspace={workspace}
              activities={dated}
              range={period.inside}
              title={view === 'agenda' ? t.agendaTitle(label) : t.listTitle(label)}
              today={today}
              filtered={filterCount > 0}
            />
          )}
        </>
      )}
    </Stack>
  );
}

/** Market, plan, instrument and status, in the address; on a phone folded behind a button. */
function Filters({
  workspace,
  search,
  phone,
  count,
  onChange,
}: {
  workspace: string;
  search: CalendarSearch;
  phone: boolean;
  count: number;
  onChange: (search: CalendarSearch) => void;
}) {
  const [open, { toggle }] = useDisclosure(false);
  const markets = useQuery(allMarketsQuery(workspace));
  const plans = useQuery(allPlansQuery(workspace));
  const catalogue = useQuery(instrumentListQuery(workspace));
  const set = (change: Partial<CalendarSearch>) => {
    const next: Record<string, unknown> = { ...search, ...change };
    for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
    onChange(next as CalendarSearch);
  };
  const plansShown = (plans.data?.items ?? []).filter(
    (plan) => !search.marketId || plan.marketId === search.marketId,
  );

  const fields = (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md" verticalSpacing="sm" id="calendar-filters">
      <Select
        {...portal}
        label={t.market}
        placeholder={t.anyMarket}
        data={(markets.data?.items ?? []).map((m) => ({
          value: m.id,
          label: `${m.name} · ${countryName(m.country)}`,
        }))}
        value={search.marketId ?? null}
        onChange={(value) => set({ marketId: value ?? undefined, planId: undefined })}
        searchable
        clearable
        nothingFoundMessage="—"
      />
      <Select
        {...portal}
        label={t.plan}
        placeholder={t.anyPlan}
        data={plansShown.map((plan) => ({ value: plan.id, label: plan.name }))}
        value={search.planId ?? null}
        onChange={(value) => set({ planId: value ?? undefined })}
        searchable
        clearable
        nothingFoundMessage="—"
      />
      <Select
        {...portal}
        label={t.instrument}
        placeholder={t.anyInstrument}
        data={(catalogue.data?.items ?? []).map((i) => ({ value: i.key, label: instrumentLabel(i) }))}
        value={search.instrument ?? null}
        onChange={(value) => set({ instrument: value ?? undefined })}
        searchable
        clearable
        nothingFoundMessage="—"
      />
      <Select
        {...portal}
        label={t.status}
        placeholder={t.anyStatus}
        data={ACTIVITY_STATUSES.map((value) => ({ value, label: p.activityStatus[value] }))}
        value={search.status ?? null}
        onChange={(value) => set({ status: (value as CalendarSearch['status']) ?? undefined })}
        clearable
      />
    </SimpleGrid>
  );
  const clear =
    count > 0 ? (
      <Button
        variant="subtle"
        size="compact-sm"
        onClick={() =>
          set({ marketId: undefined, planId: undefined, instrument: undefined, status: undefined })
        }
      >
        {t.clearFilters}
      </Button>
    ) : null;

  return (
    <Paper component="section" aria-label={t.filters} withBorder radius="md" p="md">
      {phone ? (
        <Stack gap="sm">
          <Group justify="space-between" gap="xs">
            <Button
              variant="default"
              size="compact-sm"
              onClick={toggle}
              aria-expanded={open}
              aria-controls="calendar-filters"
            >
              {t.showFilters(count)}
            </Button>
            {clear}
          </Group>
          <Collapse in={open}>{fields}</Collapse>
        </Stack>
      ) : (
        <Stack gap="xs">
          {fields}
          {clear && <Group justify="flex-end">{clear}</Group>}
        </Stack>
      )}
    </Paper>
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
