import { Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useAbilities } from '../../app/abilities.ts';
import { countryName, formatDate } from '../../app/format.ts';
import { ButtonLink } from '../../app/links.tsx';
import { messages } from '../../messages/en.ts';
import { figures } from '../../messages/en-figures.ts';
import { allMarketsQuery } from '../../queries/markets.ts';
import { BurnSection } from './burn-section.tsx';
import { FunnelSection } from './funnel-section.tsx';
import { HeadlineFigures } from './headline-figures.tsx';
import { KpiSection } from './kpi-section.tsx';
import { MapSection } from './map-section.tsx';
import { isoDay, type Period, periodOf, searchOf } from './period.ts';
import { PeriodPicker } from './period-picker.tsx';
import { UpcomingSection } from './upcoming-section.tsx';

const t = messages.dashboard;
const route = getRouteApi('/w/$workspace/');

/**
 * `/w/$workspace/`: the coordinators' home. The period and market in the address drive every
 * section; each section loads (and fails) on its own, so one slow roll-up never hides the rest.
 */
export function DashboardPage() {
  useDocumentTitle(messages.app.documentTitle(t.title));
  const { workspace } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const abilities = useAbilities(workspace);
  const budget = abilities.canSomewhere('budget.read');
  const network = abilities.canSomewhere('network.read');
  // One "today" per visit: the quick choices and the upcoming list agree with each other.
  const today = useMemo(() => new Date(), []);
  const period = periodOf(search, today);
  const { marketId } = search;
  const markets = useQuery(allMarketsQuery(workspace));

  const go = (next: Period, nextMarket: string | undefined) =>
    void navigate({ search: searchOf(next, nextMarket, today), replace: true });

  return (
    <Stack gap="lg" maw={1400} mx="auto">
      <Group justify="space-between" align="flex-start" gap="md">
        <Stack gap={6} maw={760}>
          <Title order={1}>{t.title}</Title>
          <Text c="dimmed">{t.intro}</Text>
        </Stack>
        {/* Reports hold the budget: only the roles that see costs may make one. It opens on the view. */}
        {budget && (
          <ButtonLink
            to="/w/$workspace/reports"
            params={{ workspace }}
            search={{ from: period.from, to: period.to, ...(marketId ? { marketId } : {}) }}
            variant="light"
            title={figures.dashboard.funderReportHint}
          >
            {t.funderReport}
          </ButtonLink>
        )}
      </Group>

      <Paper withBorder radius="md" p="md" component="section" aria-label={t.filters}>
        <Group justify="space-between" align="flex-end" gap="md">
          <PeriodPicker period={period} today={today} onChange={(next) => go(next, marketId)} />
          <Select
            label={t.market}
            placeholder={t.anyMarket}
            data={(markets.data?.items ?? []).map((m) => ({
              value: m.id,
              label: `${m.name} · ${countryName(m.country)}`,
            }))}
            value={marketId ?? null}
            onChange={(value) => go(period, value ?? undefined)}
            searchable
            clearable
            nothingFoundMessage="—"
            w={{ base: '100%', xs: 320 }}
            comboboxProps={{ withinPortal: true }}
            id="dashboard-market"
          />
        </Group>
        <Text fz="sm" c="dimmed" mt="xs" data-testid="dashboard-period">
          {t.showing(formatDate(period.from), formatDate(period.to))}
        </Text>
      </Paper>

      <HeadlineFigures workspace={workspace} period={period} marketId={marketId} seesBudget={budget} />
      <KpiSection workspace={workspace} period={period} marketId={marketId} />
      {budget && <BurnSection workspace={workspace} period={period} marketId={marketId} />}
      <MapSection workspace={workspace} period={period} marketId={marketId} />
      {network && <FunnelSection workspace={workspace} period={period} marketId={marketId} />}
      <UpcomingSection workspace={workspace} today={isoDay(today)} marketId={marketId} />
    </Stack>
  );
}
