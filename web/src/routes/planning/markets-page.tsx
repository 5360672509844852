import {
  Badge,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import type { MarketDto } from '../../api/types.ts';
import { MARKET_PRIORITIES, MARKET_STATUSES, marketSegmentLabel } from '../../api/vocabulary.ts';
import { useAbilities } from '../../app/abilities.ts';
import { ErrorState } from '../../app/error-state.tsx';
import { countryName } from '../../app/format.ts';
import { AnchorLink } from '../../app/links.tsx';
import { useMembership } from '../../app/session.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { PlusIcon } from '../../components/icons.tsx';
import {
  ListCount,
  ListSearchInput,
  type ListView,
  useListRows,
  useListView,
} from '../../components/list-view.tsx';
import { SavedViews } from '../../components/saved-views.tsx';
import { TableSkeleton } from '../../components/skeletons.tsx';
import { MarketStatusBadge, PriorityBadge } from '../../components/status-badges.tsx';
import { messages } from '../../messages/en.ts';
import { MarketFormDrawer } from './market-form-drawer.tsx';
import { marketListQuery } from './queries.ts';
import { MARKET_DEFAULT_SORT, type MarketsSearch } from './search-params.ts';

const t = messages.markets;
const p = messages.planning;
const route = getRouteApi('/w/$workspace/markets');

/** `/w/$workspace/markets`: the target markets, searchable and filtered (kept in the address). */
export function MarketsPage() {
  useDocumentTitle(messages.app.documentTitle(t.title));
  const { workspace } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const { membership: contextMembership } = route.useRouteContext();
  const membership = useMembership(workspace) ?? contextMembership;
  const mayCreate = useAbilities(workspace).canSomewhere('market.create');
  const [adding, setAdding] = useState(false);
  const list = useInfiniteQuery(marketListQuery(workspace, search));

  const view = useListView<MarketsSearch>({
    search,
    navigate: (update) => void navigate({ search: update, replace: true }),
    defaultSort: MARKET_DEFAULT_SORT,
  });
  const { setSearch, filtered, clearFilters } = view;
  const rows = useListRows(list.data);
  const markets = rows.items;

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
          <SavedViews workspace={workspace} list="markets" {...view.views} />
          {mayCreate && (
            <Button onClick={() => setAdding(true)} leftSection={<PlusIcon />}>
              {t.add}
            </Button>
          )}
        </Group>
      </Group>

      <Paper component="section" aria-label={t.filters} withBorder radius="md" p="md">
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md" verticalSpacing="sm">
          <ListSearchInput
            view={view}
            label={t.search}
            placeholder={t.searchPlaceholder}
            clearLabel={t.clearSearch}
          />
          <Select
            label={t.status}
            placeholder={t.anyStatus}
            data={MARKET_STATUSES.map((value) => ({ value, label: p.marketStatus[value] }))}
            value={search.status ?? null}
            onChange={(value) => setSearch({ status: (value as MarketsSearch['status']) ?? undefined })}
            clearable
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t.priority}
            placeholder={t.anyPriority}
            data={MARKET_PRIORITIES.map((value) => ({ value, label: p.priority[value] }))}
            value={search.priority ?? null}
            onChange={(value) => setSearch({ priority: (value as MarketsSearch['priority']) ?? undefined })}
            clearable
            comboboxProps={{ withinPortal: true }}
          />
        </SimpleGrid>
      </Paper>

      <ListCount rows={rows} noun={messages.lists.nouns.markets} testId="market-count" />

      {list.isPending ? (
        <TableSkeleton label={t.loading} columns={7} />
      ) : list.isError ? (
        <ErrorState
          title={t.loadError}
          error={list.error}
          onRetry={() => void list.refetch()}
          retrying={list.isFetching}
        />
      ) : markets.length === 0 ? (
        <EmptyState
          testId="markets-empty"
          title={filtered ? t.emptyFilteredTitle : t.emptyTitle}
          body={filtered ? t.emptyFilteredBody : t.emptyBody}
          action={
            filtered ? (
              <Button variant="light" mt="sm" onClick={clearFilters}>
                {t.clearFilters}
              </Button>
            ) : mayCreate ? (
              <Button variant="light" mt="sm" onClick={() => setAdding(true)}>
                {t.add}
              </Button>
            ) : null
          }
        />
      ) : (
        <Stack gap="md">
          <MarketsTable workspace={workspace} markets={markets} sortable={view.sortable} />
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

      <MarketFormDrawer
        workspace={workspace}
        membership={membership}
        opened={adding}
        initial={null}
        onClose={() => setAdding(false)}
        onCreated={(market) => {
          setAdding(false);
          void navigate({
            to: '/w/$workspace/markets/$marketId',
            params: { workspace, marketId: market.id },
          });
        }}
      />
    </Stack>
  );
}

function MarketsTable({
  workspace,
  markets,
  sortable,
}: {
  workspace: string;
  markets: MarketDto[];
  sortable: ListView<MarketsSearch>['sortable'];
}) {
  return (
    <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
      <Table.ScrollContainer minWidth={900} type="native">
        <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover striped="even">
          <VisuallyHidden component="caption">{t.tableCaption}</VisuallyHidden>
          <Table.Thead bg="gray.0">
            <Table.Tr>
              {sortable(t.name, 'name')}
              {sortable(t.country, 'country')}
              <Table.Th scope="col">{t.segments}</Table.Th>
              {sortable(t.priority, 'priority')}
              {sortable(t.status, 'status')}
              <Table.Th scope="col">{t.owner}</Table.Th>
              {sortable(t.plans, 'plans', { descendingFirst: true, ta: 'right' })}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {markets.map((market) => (
              <Table.Tr key={market.id} data-testid="market-row">
                <Table.Td>
                  <AnchorLink
                    to="/w/$workspace/markets/$marketId"
                    params={{ workspace, marketId: market.id }}
                    fz="sm"
                    fw={600}
                  >
                    {market.name}
                  </AnchorLink>
                </Table.Td>
                <Table.Td>
                  <Group gap={8} wrap="nowrap">
                    <Text component="span" fz="xs" fw={700} c="dimmed" ff="monospace">
                      {market.country}
                    </Text>
                    <span>{countryName(market.country)}</span>
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {market.segments.map((segment) => (
                      <Badge
                        key={segment}
                        variant="outline"
                        color="gray"
                        c="var(--mantine-color-text)"
                        tt="none"
                        size="sm"
                      >
                        {marketSegmentLabel(segment)}
                      </Badge>
                    ))}
                    {market.segments.length === 0 && messages.common.none}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <PriorityBadge priority={market.priority} short />
                </Table.Td>
                <Table.Td>
                  <MarketStatusBadge status={market.status} />
                </Table.Td>
                <Table.Td>{market.ownerClusterName ?? p.coordinators}</Table.Td>
                <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {market.planCount}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
