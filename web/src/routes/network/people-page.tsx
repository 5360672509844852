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
import { useMemo, useState } from 'react';
import { useAbilities } from '../../app/abilities.ts';
import { ErrorState } from '../../app/error-state.tsx';
import { countrySelectOptions } from '../../app/format.ts';
import { AnchorLink } from '../../app/links.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { PlusIcon } from '../../components/icons.tsx';
import { ListSearchInput, useListRows, useListView } from '../../components/list-view.tsx';
import { TableSkeleton } from '../../components/skeletons.tsx';
import { messages } from '../../messages/en.ts';
import { VCardActions } from '../network-data/vcard-actions.tsx';
import { NetworkOrganisationPicker } from './organisation-picker.tsx';
import { languageName, languageOptions } from './parts.ts';
import { PersonFormDrawer } from './person-form-drawer.tsx';
import { networkPersonListQuery } from './queries.ts';
import { NETWORK_DEFAULT_SORT, type NetworkPeopleSearch } from './search-params.ts';

const t = messages.network.people;
const p = messages.network.person;
const route = getRouteApi('/w/$workspace/network/people');
const portal = { comboboxProps: { withinPortal: true } };

/** `/w/$workspace/network/people`: the people of the network, searched and filtered in the address. */
export function NetworkPeoplePage() {
  useDocumentTitle(messages.app.documentTitle(t.title));
  const { workspace } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const mayCreate = useAbilities(workspace).canSomewhere('network.create');
  const [adding, setAdding] = useState(false);
  const list = useInfiniteQuery(networkPersonListQuery(workspace, search));
  const languages = useMemo(languageOptions, []);
  const view = useListView<NetworkPeopleSearch>({
    search,
    navigate: (update) => void navigate({ search: update, replace: true }),
    defaultSort: NETWORK_DEFAULT_SORT,
  });
  const { setSearch, sortable, filtered, clearFilters } = view;
  const rows = useListRows(list.data);

  return (
    <Stack gap="lg" maw={1200} mx="auto">
      <Group justify="space-between" align="flex-end" gap="md">
        <Stack gap={6}>
          <Title order={1}>{t.title}</Title>
          <Text c="dimmed" maw={720}>
            {t.intro}
          </Text>
        </Stack>
        <Group gap="sm">
          <VCardActions
            workspace={workspace}
            query={{
              q: search.q,
              organisationId: search.organisationId,
              country: search.country,
              language: search.language,
            }}
          />
          {mayCreate && (
            <Button
              onClick={() => setAdding(true)}
              leftSection={<PlusIcon />}
              data-testid="network-person-add"
            >
              {t.add}
            </Button>
          )}
        </Group>
      </Group>

      <Paper component="section" aria-label={t.filters} withBorder radius="md" p="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md" verticalSpacing="sm">
          <ListSearchInput
            view={view}
            label={t.search}
            placeholder={t.searchPlaceholder}
            clearLabel={t.clearSearch}
          />
          <NetworkOrganisationPicker
            workspace={workspace}
            label={t.organisation}
            placeholder={t.anyOrganisation}
            value={search.organisationId ?? null}
            onChange={(id) => setSearch({ organisationId: id ?? undefined })}
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
            label={t.language}
            placeholder={t.anyLanguage}
            data={languages}
            value={search.language ?? null}
            onChange={(value) => setSearch({ language: value ?? undefined })}
            searchable
            clearable
            nothingFoundMessage="—"
          />
        </SimpleGrid>
      </Paper>

      <Text role="status" fw={600} c="dimmed" data-testid="network-person-count">
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
          testId="network-people-empty"
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
            <Table.ScrollContainer minWidth={820} type="native">
              <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover striped="even">
                <VisuallyHidden component="caption">{t.tableCaption}</VisuallyHidden>
                <Table.Thead bg="gray.0">
                  <Table.Tr>
                    {sortable(p.name, 'name')}
                    {sortable(p.organisation, 'organisation')}
                    <Table.Th scope="col">{p.roleTitle}</Table.Th>
                    <Table.Th scope="col">{p.email}</Table.Th>
                    <Table.Th scope="col">{p.language}</Table.Th>
                    <Table.Th scope="col">{p.consentBasis}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.items.map((person) => (
                    <Table.Tr key={person.id} data-testid="network-person-row">
                      <Table.Td>
                        <AnchorLink
                          to="/w/$workspace/network/people/$id"
                          params={{ workspace, id: person.id }}
                          fz="sm"
                          fw={600}
                        >
                          {person.name}
                        </AnchorLink>
                      </Table.Td>
                      <Table.Td>
                        {person.organisationId ? (
                          <AnchorLink
                            to="/w/$workspace/network/organisations/$id"
                            params={{ workspace, id: person.organisationId }}
                            fz="sm"
                          >
                            {person.organisationName}
                          </AnchorLink>
                        ) : (
                          messages.common.none
                        )}
                      </Table.Td>
                      <Table.Td>{person.roleTitle ?? messages.common.none}</Table.Td>
                      <Table.Td style={{ overflowWrap: 'anywhere' }}>
                        {person.email ?? messages.common.none}
                      </Table.Td>
                      <Table.Td>
                        {person.language ? languageName(person.language) : messages.common.none}
                      </Table.Td>
                      <Table.Td>
                        {person.erased ? (
                          <Badge variant="outline" color="gray" tt="none" c="var(--mantine-color-text)">
                            {p.erased}
                          </Badge>
                        ) : person.consentBasis ? (
                          messages.network.consentBasis[person.consentBasis]
                        ) : (
                          <Badge variant="light" color="orange" c="orange.9" tt="none">
                            {p.noBasis}
                          </Badge>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
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
                {messages.network.organisations.loadMore}
              </Button>
            </Group>
          )}
        </Stack>
      )}

      <PersonFormDrawer
        workspace={workspace}
        opened={adding}
        initial={null}
        onClose={() => setAdding(false)}
        onSaved={(person) => {
          setAdding(false);
          void navigate({ to: '/w/$workspace/network/people/$id', params: { workspace, id: person.id } });
        }}
      />
    </Stack>
  );
}
