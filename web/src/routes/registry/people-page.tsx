import { Button, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { apiHref } from '../../api/links.ts';
import type { PersonDto } from '../../api/types.ts';
import { useAbilities } from '../../app/abilities.ts';
import { ErrorState } from '../../app/error-state.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { PlusIcon } from '../../components/icons.tsx';
import { ListCount, ListSearchInput, useListRows, useListView } from '../../components/list-view.tsx';
import { SavedViews } from '../../components/saved-views.tsx';
import { TableSkeleton } from '../../components/skeletons.tsx';
import { messages } from '../../messages/en.ts';
import { organisationDirectoryQuery } from '../../queries/organisations.ts';
import { ExportLinks, ImportLink } from './list-actions.tsx';
import { PageSizeSelect } from './parts.tsx';
import { PersonTable } from './people-table.tsx';
import { type PersonDrawerState, PersonFormDrawer } from './person-form-drawer.tsx';
import { personListQuery } from './queries.ts';
import { type PeopleSearch, peopleExportQuery, REGISTRY_DEFAULT_SORT } from './search-params.ts';

const t = messages.people;
const r = messages.registry;
const route = getRouteApi('/w/$workspace/people');

/** `/w/$workspace/people`: the people of the registry, searchable and by organisation (in the address). */
export function PeoplePage() {
  useDocumentTitle(messages.app.documentTitle(t.title));
  const { workspace } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const abilities = useAbilities(workspace);
  const mayCreate = abilities.canSomewhere('person.create');
  const [drawer, setDrawer] = useState<PersonDrawerState>({ mode: 'closed' });
  const list = useInfiniteQuery(personListQuery(workspace, search));
  const directory = useQuery(organisationDirectoryQuery(workspace));
  const organisations = useMemo(
    () => new Map((directory.data ?? []).map((o) => [o.id, o] as const)),
    [directory.data],
  );
  const names = useMemo(
    () => new Map([...organisations.values()].map((o) => [o.id, o.name] as const)),
    [organisations],
  );

  const view = useListView<PeopleSearch>({
    search,
    navigate: (update) => void navigate({ search: update, replace: true }),
    defaultSort: REGISTRY_DEFAULT_SORT,
  });
  const { setSearch, filtered, clearFilters } = view;
  const rows = useListRows(list.data);
  const people = rows.items;
  // A person's scope is its organisation's (and that organisation's cluster).
  const mayEdit = (person: PersonDto) =>
    abilities.can('person.update', {
      clusterId: person.organisationId ? (organisations.get(person.organisationId)?.clusterId ?? null) : null,
      organisationId: person.organisationId,
    });
  const anyEditable = abilities.canSomewhere('person.update');

  return (
    <Stack gap="lg" maw={1200} mx="auto">
      <Group justify="space-between" align="flex-end" gap="md">
        <Stack gap={6}>
          <Title order={1}>{t.title}</Title>
          <Text c="dimmed" maw={720}>
            {t.intro}
          </Text>
        </Stack>
        <Group gap="sm" align="center">
          <SavedViews workspace={workspace} list="people" {...view.views} />
          <ExportLinks
            what="people"
            href={(format) =>
              apiHref('/api/v1/workspaces/{workspace}/people/export', {
                path: { workspace },
                query: peopleExportQuery(search, format),
              })
            }
          />
          {mayCreate && <ImportLink workspace={workspace} what="people" />}
          {mayCreate && (
            <Button onClick={() => setDrawer({ mode: 'create' })} leftSection={<PlusIcon />}>
              {t.add}
            </Button>
          )}
        </Group>
      </Group>

      <Group justify="space-between" align="flex-end" gap="md">
        <Group align="flex-end" gap="md">
          <ListSearchInput
            view={view}
            label={t.search}
            placeholder={t.searchPlaceholder}
            clearLabel={t.clearSearch}
            w={{ base: '100%', xs: 260 }}
          />
          <Select
            label={t.organisation}
            placeholder={t.anyOrganisation}
            data={(directory.data ?? []).map((o) => ({ value: o.id, label: `${o.name} (${o.country})` }))}
            value={search.organisation ?? null}
            onChange={(value) => setSearch({ organisation: value ?? undefined })}
            searchable
            clearable
            limit={50}
            nothingFoundMessage="—"
            w={{ base: '100%', xs: 320 }}
            comboboxProps={{ withinPortal: true }}
          />
        </Group>
        <Group align="flex-end" gap="md">
          <ListCount rows={rows} noun={messages.lists.nouns.people} testId="person-count" />
          <PageSizeSelect limit={search.limit} onChange={(limit) => setSearch({ limit })} />
        </Group>
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
      ) : people.length === 0 ? (
        <EmptyState
          testId="people-empty"
          title={filtered ? t.emptyFilteredTitle : t.emptyTitle}
          body={filtered ? t.emptyFilteredBody : t.emptyBody}
          action={
            filtered ? (
              <Button variant="light" mt="sm" onClick={clearFilters}>
                {t.clearFilters}
              </Button>
            ) : mayCreate ? (
              <Button variant="light" mt="sm" onClick={() => setDrawer({ mode: 'create' })}>
                {t.add}
              </Button>
            ) : null
          }
        />
      ) : (
        <Stack gap="md">
          <PersonTable
            workspace={workspace}
            people={people}
            caption={t.tableCaption}
            organisations={names}
            onEdit={anyEditable ? (person) => setDrawer({ mode: 'edit', person }) : undefined}
            canEdit={mayEdit}
            sorting={view.sorting}
          />
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

      <PersonFormDrawer workspace={workspace} state={drawer} onClose={() => setDrawer({ mode: 'closed' })} />
    </Stack>
  );
}
