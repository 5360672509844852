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
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { apiHref } from '../../api/links.ts';
import { ORGANISATION_TYPES, SPACE_SEGMENTS } from '../../api/vocabulary.ts';
import { useAbilities } from '../../app/abilities.ts';
import { ErrorState } from '../../app/error-state.tsx';
import { countryName, countrySelectOptions } from '../../app/format.ts';
import { AnchorLink } from '../../app/links.tsx';
import { useMembership } from '../../app/session.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { PlusIcon } from '../../components/icons.tsx';
import { ListCount, ListSearchInput, useListRows, useListView } from '../../components/list-view.tsx';
import { SavedViews } from '../../components/saved-views.tsx';
import { TableSkeleton } from '../../components/skeletons.tsx';
import { messages } from '../../messages/en.ts';
import { allClustersQuery } from '../../queries/clusters.ts';
import { ExportLinks, ImportLink } from './list-actions.tsx';
import { MemberFormDrawer } from './member-form-drawer.tsx';
import { PageSizeSelect } from './parts.tsx';
import { memberListQuery } from './queries.ts';
import { type MembersSearch, membersExportQuery, REGISTRY_DEFAULT_SORT } from './search-params.ts';

const t = messages.members;
const r = messages.registry;
const route = getRouteApi('/w/$workspace/members');

/** `/w/$workspace/members`: the member organisations, searchable and filtered (kept in the address). */
export function MembersPage() {
  useDocumentTitle(messages.app.documentTitle(t.title));
  const { workspace } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const { membership: contextMembership } = route.useRouteContext();
  const membership = useMembership(workspace) ?? contextMembership;
  const mayCreate = useAbilities(workspace).canSomewhere('organisation.create');
  const [adding, setAdding] = useState(false);
  const list = useInfiniteQuery(memberListQuery(workspace, search));
  const clusters = useQuery(allClustersQuery(workspace));
  const clusterById = useMemo(
    () => new Map((clusters.data?.items ?? []).map((c) => [c.id, c])),
    [clusters.data],
  );
  const view = useListView<MembersSearch>({
    search,
    navigate: (update) => void navigate({ search: update, replace: true }),
    defaultSort: REGISTRY_DEFAULT_SORT,
  });
  const { setSearch, sortable, filtered, clearFilters } = view;
  const rows = useListRows(list.data);
  const members = rows.items;

  return (
    <Stack gap="lg" maw={1200} mx="auto">
      <Group justify="space-between" align="flex-end" gap="md">
        <Stack gap={6}>
          <Title order={1}>{t.title}</Title>
          <Text c="dimmed" maw={720}>
            {t.intro(membership.name)}
          </Text>
        </Stack>
        <Group gap="sm" align="center">
          <SavedViews workspace={workspace} list="organisations" {...view.views} />
          <ExportLinks
            what="organisations"
            href={(format) =>
              apiHref('/api/v1/workspaces/{workspace}/organisations/export', {
                path: { workspace },
                query: membersExportQuery(search, format),
              })
            }
          />
          {mayCreate && <ImportLink workspace={workspace} what="organisations" />}
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
            label={t.cluster}
            placeholder={t.anyCluster}
            data={(clusters.data?.items ?? []).map((c) => ({
              value: c.id,
              label: `${c.shortName} · ${c.name}`,
            }))}
            value={search.cluster ?? null}
            onChange={(value) => setSearch({ cluster: value ?? undefined })}
            searchable
            clearable
            nothingFoundMessage="—"
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t.country}
            placeholder={t.anyCountry}
            data={countrySelectOptions()}
            value={search.country ?? null}
            onChange={(value) => setSearch({ country: value ?? undefined })}
            searchable
            clearable
            nothingFoundMessage="—"
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t.segment}
            placeholder={t.anySegment}
            data={SPACE_SEGMENTS.map((value) => ({ value, label: r.spaceSegment[value] }))}
            value={search.segment ?? null}
            onChange={(value) => setSearch({ segment: (value as MembersSearch['segment']) ?? undefined })}
            clearable
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t.type}
            placeholder={t.anyType}
            data={ORGANISATION_TYPES.map((value) => ({ value, label: r.organisationType[value] }))}
            value={search.type ?? null}
            onChange={(value) => setSearch({ type: (value as MembersSearch['type']) ?? undefined })}
            clearable
            comboboxProps={{ withinPortal: true }}
          />
        </SimpleGrid>
      </Paper>

      <Group justify="space-between" align="center" gap="md">
        <ListCount rows={rows} noun={messages.lists.nouns.organisations} testId="member-count" />
        <PageSizeSelect limit={search.limit} onChange={(limit) => setSearch({ limit })} />
      </Group>

      {list.isPending ? (
        <TableSkeleton label={t.loading} columns={5} />
      ) : list.isError ? (
        <ErrorState
          title={t.loadError}
          error={list.error}
          onRetry={() => void list.refetch()}
          retrying={list.isFetching}
        />
      ) : members.length === 0 ? (
        <EmptyState
          testId="members-empty"
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
          <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
            <Table.ScrollContainer minWidth={860} type="native">
              <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover striped="even">
                <VisuallyHidden component="caption">{t.tableCaption}</VisuallyHidden>
                <Table.Thead bg="gray.0">
                  <Table.Tr>
                    {sortable(t.name, 'name')}
                    {sortable(t.type, 'type')}
                    {sortable(t.country, 'country')}
                    {sortable(t.cluster, 'cluster')}
                    <Table.Th scope="col">{t.segments}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {members.map((member) => {
                    const cluster = clusterById.get(member.clusterId);
                    const shown = member.spaceSegments.slice(0, 2);
                    const more = member.spaceSegments.length - shown.length;
                    return (
                      <Table.Tr key={member.id} data-testid="member-row">
                        <Table.Td>
                          <AnchorLink
                            to="/w/$workspace/members/$id"
                            params={{ workspace, id: member.id }}
                            fz="sm"
                            fw={600}
                          >
                            {member.name}
                          </AnchorLink>
                          {member.city && (
                            <Text fz="xs" c="dimmed">
                              {member.city}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          {r.organisationType[member.type]}
                          {member.size && (
                            <Text fz="xs" c="dimmed">
                              {r.organisationSize[member.size]}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Group gap={8} wrap="nowrap">
                            <Text component="span" fz="xs" fw={700} c="dimmed" ff="monospace">
                              {member.country}
                            </Text>
                            <span>{countryName(member.country)}</span>
                          </Group>
                        </Table.Td>
                        <Table.Td>
                          {cluster ? (
                            <Text component="abbr" fz="sm" ff="monospace" fw={700} title={cluster.name}>
                              {cluster.shortName}
                            </Text>
                          ) : (
                            messages.common.none
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Group gap={4}>
                            {shown.map((segment) => (
                              <Badge
                                key={segment}
                                variant="light"
                                color="indigo"
                                c="indigo.9"
                                tt="none"
                                size="sm"
                              >
                                {r.spaceSegment[segment]}
                              </Badge>
                            ))}
                            {more > 0 && (
                              <Badge
                                variant="outline"
                                color="gray"
                                size="sm"
                                c="var(--mantine-color-text)"
                                title={member.spaceSegments.map((s) => r.spaceSegment[s]).join(', ')}
                              >
                                {t.moreSegments(more)}
                              </Badge>
                            )}
                            {member.spaceSegments.length === 0 && messages.common.none}
                          </Group>
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
                {r.loadMore}
              </Button>
            </Group>
          )}
        </Stack>
      )}

      <MemberFormDrawer
        workspace={workspace}
        membership={membership}
        opened={adding}
        initial={null}
        onClose={() => setAdding(false)}
        onCreated={(organisation) => {
          setAdding(false);
          void navigate({ to: '/w/$workspace/members/$id', params: { workspace, id: organisation.id } });
        }}
      />
    </Stack>
  );
}
