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
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { NETWORK_ORGANISATION_TYPES } from '../../../../src/domain/network/types.ts';
import { SPACE_SEGMENTS } from '../../../../src/domain/registry/types.ts';
import { useAbilities } from '../../app/abilities.ts';
import { ErrorState } from '../../app/error-state.tsx';
import { countryName, countrySelectOptions, formatDate } from '../../app/format.ts';
import { AnchorLink } from '../../app/links.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { PlusIcon } from '../../components/icons.tsx';
import { ListSearchInput, useListRows, useListView } from '../../components/list-view.tsx';
import { TableSkeleton } from '../../components/skeletons.tsx';
import { messages } from '../../messages/en.ts';
import { allClustersQuery } from '../../queries/clusters.ts';
import { OrganisationFormDrawer } from './organisation-form-drawer.tsx';
import { networkOrganisationListQuery } from './queries.ts';
import { NETWORK_DEFAULT_SORT, type NetworkOrganisationsSearch } from './search-params.ts';

const t = messages.network.organisations;
const route = getRouteApi('/w/$workspace/network/organisations');
const portal = { comboboxProps: { withinPortal: true } };

/** `/w/$workspace/network/organisations`: the organisations outside the consortium, searched and filtered in the address. */
export function NetworkOrganisationsPage() {
  useDocumentTitle(messages.app.documentTitle(t.title));
  const { workspace } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const mayCreate = useAbilities(workspace).canSomewhere('network.create');
  const [adding, setAdding] = useState(false);
  const list = useInfiniteQuery(networkOrganisationListQuery(workspace, search));
  const clusters = useQuery(allClustersQuery(workspace));
  const clusterById = useMemo(
    () => new Map((clusters.data?.items ?? []).map((c) => [c.id, c])),
    [clusters.data],
  );
  const view = useListView<NetworkOrganisationsSearch>({
    search,
    navigate: (update) => void navigate({ search: update, replace: true }),
    defaultSort: NETWORK_DEFAULT_SORT,
  });
  const { setSearch, sortable, filtered, clearFilters } = view;
  const rows = useListRows(list.data);
  const [tag, setTag] = useState(search.tag ?? '');

  return (
    <Stack gap="lg" maw={1200} mx="auto">
      <Group justify="space-between" align="flex-end" gap="md">
        <Stack gap={6}>
          <Title order={1}>{t.title}</Title>
          <Text c="dimmed" maw={720}>
            {t.intro}
          </Text>
        </Stack>
        {mayCreate && (
          <Button
            onClick={() => setAdding(true)}
            leftSection={<PlusIcon />}
            data-testid="network-organisation-add"
          >
            {t.add}
          </Button>
        )}
      </Group>

      <Paper component="section" aria-label={t.filters} withBorder radius="md" p="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 6 }} spacing="md" verticalSpacing="sm">
          <ListSearchInput
            view={view}
            label={t.search}
            placeholder={t.searchPlaceholder}
            clearLabel={t.clearSearch}
          />
          <Select
            {...portal}
            label={t.country}
            placeholder={t.anyCountry}
            data={countrySelectOptions()}
            value={search.country ?? null}
            onChange={(value) => setSearch({ country: value ?? undefined })}
            searchable
            clearable
            nothingFoundMessage="—"
          />
          <Select
            {...portal}
            label={t.type}
            placeholder={t.anyType}
            data={NETWORK_ORGANISATION_TYPES.map((value) => ({
              value,
              label: messages.network.organisationType[value],
            }))}
            value={search.type ?? null}
            onChange={(value) =>
              setSearch({ type: (value as NetworkOrganisationsSearch['type']) ?? undefined })
            }
            clearable
          />
          <Select
            {...portal}
            label={t.segment}
            placeholder={t.anySegment}
            data={SPACE_SEGMENTS.map((value) => ({ value, label: messages.registry.spaceSegment[value] }))}
            value={search.segment ?? null}
            onChange={(value) =>
              setSearch({ segment: (value as NetworkOrganisationsSearch['segment']) ?? undefined })
            }
            clearable
          />
          <TextInput
            label={t.tag}
            placeholder={t.anyTag}
            value={tag}
            onChange={(event) => setTag(event.currentTarget.value)}
            onBlur={() => setSearch({ tag: tag.trim() || undefined })}
            onKeyDown={(event) => {
              if (event.key === 'Enter') setSearch({ tag: tag.trim() || undefined });
            }}
          />
          <Select
            {...portal}
            label={t.owner}
            placeholder={t.anyOwner}
            data={(clusters.data?.items ?? []).map((c) => ({
              value: c.id,
              label: `${c.shortName} · ${c.name}`,
            }))}
            value={search.ownerClusterId ?? null}
            onChange={(value) => setSearch({ ownerClusterId: value ?? undefined })}
            searchable
            clearable
            nothingFoundMessage="—"
          />
        </SimpleGrid>
      </Paper>

      <Text role="status" fw={600} c="dimmed" data-testid="network-organisation-count">
        {rows.loaded ? t.count(rows.total) : ''}
      </Text>

      {list.isPending ? (
        <TableSkeleton label={t.loading} columns={5} />
      ) : list.isError ? (
        <ErrorState
          title={t.loadError}
          error={list.error}
          onRetry={() => void list.refetch()}
          retrying={list.isFetching}
        />
      ) : rows.items.length === 0 ? (
        <EmptyState
          testId="network-organisations-empty"
          title={filtered ? t.emptyFilteredTitle : t.emptyTitle}
          body={filtered ? t.emptyFilteredBody : t.emptyBody}
          action={
            filtered ? (
              <Button
                variant="light"
                mt="sm"
                onClick={() => {
                  setTag('');
                  clearFilters();
                }}
              >
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
          <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
            <Table.ScrollContainer minWidth={820} type="native">
              <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover striped="even">
                <VisuallyHidden component="caption">{t.tableCaption}</VisuallyHidden>
                <Table.Thead bg="gray.0">
                  <Table.Tr>
                    {sortable(t.name, 'name')}
                    {sortable(t.type, 'type')}
                    {sortable(t.country, 'country')}
                    <Table.Th scope="col">{t.owner}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t.people}
                    </Table.Th>
                    {sortable(t.updated, 'updatedAt', { descendingFirst: true })}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.items.map((organisation) => {
                    const cluster = organisation.ownerClusterId
                      ? clusterById.get(organisation.ownerClusterId)
                      : undefined;
                    return (
                      <Table.Tr key={organisation.id} data-testid="network-organisation-row">
                        <Table.Td>
                          <AnchorLink
                            to="/w/$workspace/network/organisations/$id"
                            params={{ workspace, id: organisation.id }}
                            fz="sm"
                            fw={600}
                          >
                            {organisation.name}
                          </AnchorLink>
                          {organisation.tags.length > 0 && (
                            <Group gap={4} mt={4}>
                              {organisation.tags.slice(0, 3).map((tagText) => (
                                <Badge
                                  key={tagText}
                                  variant="outline"
                                  color="gray"
                                  size="sm"
                                  tt="none"
                                  c="var(--mantine-color-text)"
                                >
                                  {tagText}
                                </Badge>
                              ))}
                            </Group>
                          )}
                        </Table.Td>
                        <Table.Td>{messages.network.organisationType[organisation.type]}</Table.Td>
                        <Table.Td>
                          {countryName(organisation.country)}
                          {organisation.city && (
                            <Text fz="xs" c="dimmed">
                              {organisation.city}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          {cluster ? (
                            <Text component="abbr" fz="sm" fw={700} title={cluster.name}>
                              {cluster.shortName}
                            </Text>
                          ) : (
                            messages.network.organisation.coordinators
                          )}
                        </Table.Td>
                        <Table.Td ta="right">{organisation.peopleCount}</Table.Td>
                        <Table.Td>{formatDate(organisation.updatedAt)}</Table.Td>
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
                {t.loadMore}
              </Button>
            </Group>
          )}
        </Stack>
      )}

      <OrganisationFormDrawer
        workspace={workspace}
        opened={adding}
        initial={null}
        onClose={() => setAdding(false)}
        onSaved={(organisation) => {
          setAdding(false);
          void navigate({
            to: '/w/$workspace/network/organisations/$id',
            params: { workspace, id: organisation.id },
          });
        }}
      />
    </Stack>
  );
}
