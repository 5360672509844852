import {
  Anchor,
  Box,
  Button,
  CloseButton,
  Group,
  Paper,
  Select,
  Skeleton,
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
import { useAbilities } from '../../app/abilities.ts';
import { ErrorState } from '../../app/error-state.tsx';
import { countryName, countrySelectOptions, formatEur } from '../../app/format.ts';
import { useMembership } from '../../app/session.ts';
import { PlusIcon } from '../../components/icons.tsx';
import { messages } from '../../messages/en.ts';
import { ClusterFormDrawer, type DrawerState } from './cluster-form-drawer.tsx';
import { clusterListQuery } from './queries.ts';

const t = messages.clusters;
const route = getRouteApi('/w/$workspace/clusters');

/** `/w/$workspace/clusters`: the partner clusters, searchable by name and country (kept in the address). */
export function ClustersPage() {
  useDocumentTitle(messages.app.documentTitle(t.title));
  const { workspace } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const { membership: contextMembership } = route.useRouteContext();
  const membership = useMembership(workspace) ?? contextMembership;
  const abilities = useAbilities(workspace);
  const mayCreate = abilities.canSomewhere('cluster.create');
  const [query, setQuery] = useState(search.q ?? '');
  const [drawer, setDrawer] = useState<DrawerState>({ mode: 'closed' });
  const list = useInfiniteQuery(clusterListQuery(workspace, search));

  const writeQuery = useDebouncedCallback((value: string) => {
    void navigate({
      search: (previous) => ({ ...previous, q: value.trim() ? value : undefined }),
      replace: true,
    });
  }, 300);
  const changeQuery = (value: string) => {
    setQuery(value);
    writeQuery(value);
  };
  const changeCountry = (country: string | null) => {
    void navigate({ search: (previous) => ({ ...previous, country: country ?? undefined }), replace: true });
  };
  const clearFilters = () => {
    setQuery('');
    void navigate({ search: {}, replace: true });
  };

  const clusters = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const filtered = Boolean(search.q || search.country);

  return (
    <Stack gap="lg" maw={1200} mx="auto">
      <Group justify="space-between" align="flex-end" gap="md">
        <Stack gap={6}>
          <Title order={1}>{t.title}</Title>
          <Text c="dimmed" maw={720}>
            {t.intro(membership.name)}
          </Text>
        </Stack>
        {mayCreate && (
          <Button onClick={() => setDrawer({ mode: 'create' })} leftSection={<PlusIcon />}>
            {t.add}
          </Button>
        )}
      </Group>

      <Group justify="space-between" align="flex-end" gap="md">
        <Group align="flex-end" gap="md">
          <TextInput
            label={t.search}
            placeholder={t.searchPlaceholder}
            value={query}
            onChange={(event) => changeQuery(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape' && query) changeQuery('');
            }}
            w={{ base: '100%', xs: 280 }}
            autoComplete="off"
            spellCheck={false}
            rightSection={
              query ? (
                <CloseButton size="sm" aria-label={t.clearSearch} onClick={() => changeQuery('')} />
              ) : null
            }
          />
          <Select
            label={t.country}
            placeholder={t.anyCountry}
            data={countrySelectOptions()}
            value={search.country ?? null}
            onChange={changeCountry}
            searchable
            clearable
            nothingFoundMessage="—"
            w={{ base: '100%', xs: 260 }}
            comboboxProps={{ withinPortal: true }}
          />
        </Group>
        <Text role="status" fw={600} c="dimmed" data-testid="cluster-count">
          {list.data ? t.count(clusters.length, list.hasNextPage) : ''}
        </Text>
      </Group>

      {list.isPending ? (
        <ClustersSkeleton />
      ) : list.isError ? (
        <ErrorState
          title={t.loadError}
          error={list.error}
          onRetry={() => void list.refetch()}
          retrying={list.isFetching}
        />
      ) : clusters.length === 0 ? (
        <Paper withBorder radius="md" p="xl" data-testid="clusters-empty">
          <Stack align="center" gap="xs" py="lg">
            <Title order={2} fz="lg">
              {filtered ? t.emptyFilteredTitle : t.emptyTitle}
            </Title>
            <Text c="dimmed" ta="center">
              {filtered ? t.emptyFilteredBody : t.emptyBody}
            </Text>
            {filtered ? (
              <Button variant="light" mt="sm" onClick={clearFilters}>
                {t.clearFilters}
              </Button>
            ) : (
              mayCreate && (
                <Button variant="light" mt="sm" onClick={() => setDrawer({ mode: 'create' })}>
                  {t.add}
                </Button>
              )
            )}
          </Stack>
        </Paper>
      ) : (
        <Stack gap="md">
          <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
            <Table.ScrollContainer minWidth={720} type="native" tabIndex={0} aria-label={t.tableCaption}>
              <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover striped="even">
                <VisuallyHidden component="caption">{t.tableCaption}</VisuallyHidden>
                <Table.Thead bg="gray.0">
                  <Table.Tr>
                    <Table.Th scope="col">{t.shortName}</Table.Th>
                    <Table.Th scope="col">{t.name}</Table.Th>
                    <Table.Th scope="col">{t.country}</Table.Th>
                    <Table.Th scope="col">{t.city}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t.dayRate}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {clusters.map((cluster) => {
                    const editable = abilities.can('cluster.update', { clusterId: cluster.id });
                    const open = () => setDrawer({ mode: 'edit', cluster });
                    return (
                      <Table.Tr
                        key={cluster.id}
                        data-testid="cluster-row"
                        onClick={editable ? open : undefined}
                        style={editable ? { cursor: 'pointer' } : undefined}
                      >
                        <Table.Td fw={700} ff="monospace">
                          {cluster.shortName}
                        </Table.Td>
                        <Table.Td>
                          {editable ? (
                            <Anchor
                              component="button"
                              type="button"
                              fz="sm"
                              fw={600}
                              ta="left"
                              onClick={(event) => {
                                event.stopPropagation();
                                open();
                              }}
                              aria-label={t.edit(cluster.name)}
                            >
                              {cluster.name}
                            </Anchor>
                          ) : (
                            cluster.name
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Group gap={8} wrap="nowrap">
                            <Text component="span" fz="xs" fw={700} c="dimmed" ff="monospace">
                              {cluster.country}
                            </Text>
                            <span>{countryName(cluster.country)}</span>
                          </Group>
                        </Table.Td>
                        <Table.Td>{cluster.city}</Table.Td>
                        <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                          {formatEur(cluster.dayRateEur)}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
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

      <ClusterFormDrawer workspace={workspace} state={drawer} onClose={() => setDrawer({ mode: 'closed' })} />
    </Stack>
  );
}

function ClustersSkeleton() {
  return (
    <Box aria-busy="true">
      <VisuallyHidden role="status">{t.loading}</VisuallyHidden>
      <Paper withBorder radius="md" p="md" aria-hidden="true">
        <Stack gap="md">
          <Skeleton h={16} w="40%" />
          {[0, 1, 2, 3, 4, 5].map((row) => (
            <Group key={row} gap="lg" wrap="nowrap">
              <Skeleton h={14} w={48} />
              <Skeleton h={14} w="30%" />
              <Skeleton h={14} w="15%" />
              <Skeleton h={14} w="15%" />
              <Skeleton h={14} w={80} ml="auto" />
            </Group>
          ))}
        </Stack>
      </Paper>
    </Box>
  );
}
