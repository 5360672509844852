import {
  Badge,
  Button,
  CloseButton,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedCallback, useDocumentTitle } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import type { MarketDto } from '../../api/types.ts';
import { MARKET_PRIORITIES, MARKET_STATUSES, marketSegmentLabel } from '../../api/vocabulary.ts';
import { useAbilities } from '../../app/abilities.ts';
import { ErrorState } from '../../app/error-state.tsx';
import { countryName } from '../../app/format.ts';
import { AnchorLink } from '../../app/links.tsx';
import { useMembership } from '../../app/session.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { PlusIcon } from '../../components/icons.tsx';
import { SavedViews } from '../../components/saved-views.tsx';
import { TableSkeleton } from '../../components/skeletons.tsx';
import { SortableTh } from '../../components/sortable-th.tsx';
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
  const [query, setQuery] = useState(search.q ?? '');
  const [adding, setAdding] = useState(false);
  const list = useInfiniteQuery(marketListQuery(workspace, search));

  const setSearch = (change: Partial<MarketsSearch>) => {
    void navigate({
      search: (previous) => {
        const next: Record<string, unknown> = { ...previous, ...change };
        for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
        return next as MarketsSearch;
      },
      replace: true,
    });
  };
  const writeQuery = useDebouncedCallback((value: string) => {
    setSearch({ q: value.trim() ? value : undefined });
  }, 300);
  const changeQuery = (value: string) => {
    setQuery(value);
    writeQuery(value);
  };
  const clearFilters = () => {
    setQuery('');
    void navigate({ search: search.sort ? { sort: search.sort } : {}, replace: true });
  };
  const applyView = (view: Record<string, string>) => {
    setQuery(view.q ?? '');
    void navigate({ search: view as MarketsSearch, replace: true });
  };

  const markets = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const total = list.data?.pages[0]?.total ?? 0;
  const filtered = Boolean(search.q || search.status || search.priority);

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
          <SavedViews workspace={workspace} list="markets" search={search} onApply={applyView} />
          {mayCreate && (
            <Button onClick={() => setAdding(true)} leftSection={<PlusIcon />}>
              {t.add}
            </Button>
          )}
        </Group>
      </Group>

      <Paper component="section" aria-label={t.filters} withBorder radius="md" p="md">
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md" verticalSpacing="sm">
          <TextInput
            label={t.search}
            placeholder={t.searchPlaceholder}
            value={query}
            onChange={(event) => changeQuery(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape' && query) changeQuery('');
            }}
            autoComplete="off"
            spellCheck={false}
            rightSection={
              query ? (
                <CloseButton size="sm" aria-label={t.clearSearch} onClick={() => changeQuery('')} />
              ) : null
            }
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

      <Text role="status" fw={600} c="dimmed" data-testid="market-count">
        {list.data ? messages.lists.shown(markets.length, total, messages.lists.nouns.markets) : ''}
      </Text>

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
          <MarketsTable
            workspace={workspace}
            markets={markets}
            sort={search.sort}
            onSort={(sort) => setSearch({ sort: sort as MarketsSearch['sort'] })}
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
  sort,
  onSort,
}: {
  workspace: string;
  markets: MarketDto[];
  sort: string | undefined;
  onSort: (sort: string | undefined) => void;
}) {
  const sortable = (label: string, key: string, descendingFirst = false) => (
    <SortableTh
      label={label}
      sortKey={key}
      sort={sort}
      fallback={MARKET_DEFAULT_SORT}
      onSort={onSort}
      descendingFirst={descendingFirst}
      {...(key === 'plans' ? { ta: 'right' as const } : {})}
    />
  );
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
              {sortable(t.plans, 'plans', true)}
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
