import { Button, Group, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { ACTIVITY_STATUSES } from '../../api/vocabulary.ts';
import { useAbilities } from '../../app/abilities.ts';
import { ErrorState } from '../../app/error-state.tsx';
import { useMembership } from '../../app/session.ts';
import { ActivitiesTable } from '../../components/activities-table.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { PlusIcon } from '../../components/icons.tsx';
import { instrumentLabel } from '../../components/instrument-label.ts';
import { ListCount, ListSearchInput, useListRows, useListView } from '../../components/list-view.tsx';
import { SavedViews } from '../../components/saved-views.tsx';
import { TableSkeleton } from '../../components/skeletons.tsx';
import { messages } from '../../messages/en.ts';
import { allClustersQuery } from '../../queries/clusters.ts';
import { instrumentListQuery } from '../../queries/instruments.ts';
import { allMarketsQuery } from '../../queries/markets.ts';
import {
  ACTIVITY_DEFAULT_SORT,
  type ActivitiesSearch,
  activitiesFiltered,
  activitiesListSearch,
} from './activities-search.ts';
import { ActivityFormDrawer } from './activity-form-drawer.tsx';
import { activityListQuery } from './activity-list-queries.ts';

const t = messages.activityList;
const p = messages.planning;
const portal = { comboboxProps: { withinPortal: true } };
const route = getRouteApi('/w/$workspace/activities');

/**
 * `/w/$workspace/activities`: every activity of the workspace, searchable, filtered and sorted
 * (all in the address, so a list can be shared and saved as a view). `?new=<instrument>` opens the
 * form of a new activity of that instrument ("Plan this instrument" on the catalogue).
 */
export function ActivitiesPage() {
  useDocumentTitle(messages.app.documentTitle(t.title));
  const { workspace } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const { membership: contextMembership } = route.useRouteContext();
  const membership = useMembership(workspace) ?? contextMembership;
  const mayCreate = useAbilities(workspace).canSomewhere('activity.create');
  const [adding, setAdding] = useState(false);
  const list = useInfiniteQuery(activityListQuery(workspace, search));
  const markets = useQuery(allMarketsQuery(workspace));
  const catalogue = useQuery(instrumentListQuery(workspace));
  const clusters = useQuery(allClustersQuery(workspace));

  const view = useListView<ActivitiesSearch>({
    search,
    navigate: (update) => void navigate({ search: update, replace: true }),
    defaultSort: ACTIVITY_DEFAULT_SORT,
    isFiltered: activitiesFiltered,
    viewSearch: activitiesListSearch,
  });
  const { setSearch, filtered, clearFilters } = view;
  const rows = useListRows(list.data);
  const activities = rows.items;
  // "Plan this instrument": the form opens with the instrument of the address.
  const planning = search.new !== undefined && mayCreate;
  const closeForm = () => {
    setAdding(false);
    if (search.new !== undefined) setSearch({ new: undefined });
  };

  return (
    <Stack gap="lg" maw={1200} mx="auto">
      <Group justify="space-between" align="flex-end" gap="md">
        <Stack gap={6}>
          <Title order={1}>{t.title}</Title>
          <Text c="dimmed" maw={720}>
            {t.intro(membership.name)}
          </Text>
        </Stack>
        <Group gap="sm">
          <SavedViews workspace={workspace} list="activities" {...view.views} />
          {mayCreate && (
            <Button onClick={() => setAdding(true)} leftSection={<PlusIcon />}>
              {t.add}
            </Button>
          )}
        </Group>
      </Group>

      <Paper component="section" aria-label={t.filters} withBorder radius="md" p="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="md" verticalSpacing="sm">
          <ListSearchInput
            view={view}
            label={t.search}
            placeholder={t.searchPlaceholder}
            clearLabel={t.clearSearch}
          />
          <Select
            {...portal}
            label={t.status}
            placeholder={t.anyStatus}
            data={ACTIVITY_STATUSES.map((value) => ({ value, label: p.activityStatus[value] }))}
            value={search.status ?? null}
            onChange={(value) => setSearch({ status: (value as ActivitiesSearch['status']) ?? undefined })}
            clearable
          />
          <Select
            {...portal}
            label={t.market}
            placeholder={t.anyMarket}
            data={(markets.data?.items ?? []).map((m) => ({ value: m.id, label: m.name }))}
            value={search.marketId ?? null}
            onChange={(value) => setSearch({ marketId: value ?? undefined })}
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
            onChange={(value) => setSearch({ instrument: value ?? undefined })}
            searchable
            clearable
            nothingFoundMessage="—"
          />
          <Select
            {...portal}
            label={t.cluster}
            placeholder={t.anyCluster}
            data={(clusters.data?.items ?? []).map((c) => ({
              value: c.id,
              label: `${c.shortName} · ${c.name}`,
            }))}
            value={search.clusterId ?? null}
            onChange={(value) => setSearch({ clusterId: value ?? undefined })}
            searchable
            clearable
            nothingFoundMessage="—"
          />
        </SimpleGrid>
      </Paper>

      <ListCount rows={rows} noun={messages.lists.nouns.activities} testId="activity-count" />

      {list.isPending ? (
        <TableSkeleton label={t.loading} columns={5} />
      ) : list.isError ? (
        <ErrorState
          title={t.loadError}
          error={list.error}
          onRetry={() => void list.refetch()}
          retrying={list.isFetching}
        />
      ) : activities.length === 0 ? (
        <EmptyState
          testId="activities-empty"
          title={filtered ? t.emptyFilteredTitle : t.emptyTitle}
          body={filtered ? t.emptyFilteredBody : t.emptyBody}
          action={
            filtered ? (
              <Button variant="light" mt="sm" onClick={clearFilters}>
                {t.clearFilters}
              </Button>
            ) : null
          }
        />
      ) : (
        <Stack gap="md">
          <ActivitiesTable
            workspace={workspace}
            activities={activities}
            caption={t.tableCaption}
            showPlan
            sorting={view.sorting}
          />
          {list.hasNextPage && (
            <Group justify="center">
              <Button
                variant="default"
                onClick={() => void list.fetchNextPage()}
                loading={list.isFetchingNextPage}
              >
                {messages.common.loadMore}
              </Button>
            </Group>
          )}
        </Stack>
      )}

      <ActivityFormDrawer
        workspace={workspace}
        membership={membership}
        state={
          adding || planning
            ? { mode: 'create', plan: null, ...(search.new ? { instrumentKey: search.new } : {}) }
            : { mode: 'closed' }
        }
        onClose={closeForm}
        onCreated={(activity) => {
          setAdding(false);
          void navigate({
            to: '/w/$workspace/activities/$activityId',
            params: { workspace, activityId: activity.id },
          });
        }}
      />
    </Stack>
  );
}
