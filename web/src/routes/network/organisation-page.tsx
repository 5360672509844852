import { Anchor, Badge, Button, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { api, isApiError, unwrap } from '../../api/client.ts';
import { useAbilities } from '../../app/abilities.ts';
import { ErrorState } from '../../app/error-state.tsx';
import { countryName, formatDateTime } from '../../app/format.ts';
import { AnchorLink, ButtonLink } from '../../app/links.tsx';
import { ConfirmModal } from '../../components/confirm-modal.tsx';
import { PlusIcon } from '../../components/icons.tsx';
import { messages } from '../../messages/en.ts';
import { allClustersQuery } from '../../queries/clusters.ts';
import { workspaceKeys } from '../../queries/keys.ts';
import { NetworkInteractions } from '../interactions/activity-interactions.tsx';
import { RelationshipsSection } from '../pipeline/relationships-section.tsx';
import { ProjectsSection } from '../projects/projects-section.tsx';
import { OrganisationFormDrawer } from './organisation-form-drawer.tsx';
import { NetworkOrganisationPicker } from './organisation-picker.tsx';
import { languageName, type NetworkOrganisationDto } from './parts.ts';
import { PersonFormDrawer } from './person-form-drawer.tsx';
import { networkKeys, networkOrganisationQuery, networkPersonListQuery } from './queries.ts';
import { Fact, Facts, RecordSkeleton, Section } from './sections.tsx';

const t = messages.network.organisation;
const o = messages.network.organisations;
const p = messages.network.person;
const route = getRouteApi('/w/$workspace/network/organisations/$id');

/** `/w/$workspace/network/organisations/$id`: one organisation of the network, its people. */
export function NetworkOrganisationPage() {
  const { workspace, id } = route.useParams();
  const organisation = useQuery(networkOrganisationQuery(workspace, id));
  useDocumentTitle(messages.app.documentTitle(organisation.data?.name ?? o.title));
  if (organisation.isPending) return <RecordSkeleton label={o.loading} />;
  if (organisation.isError) {
    return (
      <Stack gap="lg" maw={1100} mx="auto" data-testid="network-organisation-error">
        {isApiError(organisation.error) && organisation.error.status === 404 ? (
          <>
            <Title order={1}>{t.notFound}</Title>
            <ButtonLink
              to="/w/$workspace/network/organisations"
              params={{ workspace }}
              variant="light"
              w="fit-content"
            >
              {o.title}
            </ButtonLink>
          </>
        ) : (
          <ErrorState
            title={t.loadError}
            error={organisation.error}
            onRetry={() => void organisation.refetch()}
            retrying={organisation.isFetching}
          />
        )}
      </Stack>
    );
  }
  return <OrganisationProfile workspace={workspace} organisation={organisation.data} />;
}

function OrganisationProfile({
  workspace,
  organisation,
}: {
  workspace: string;
  organisation: NetworkOrganisationDto;
}) {
  const navigate = route.useNavigate();
  const queryClient = useQueryClient();
  const clusters = useQuery(allClustersQuery(workspace));
  const owner = clusters.data?.items.find((c) => c.id === organisation.ownerClusterId);
  const abilities = useAbilities(workspace);
  const scope = { clusterId: organisation.ownerClusterId };
  const mayEdit = abilities.can('network.update', scope);
  const mayDelete = abilities.can('network.delete', scope);
  const mayAddPerson = abilities.can('network.create', scope);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [merging, setMerging] = useState(false);
  const [mergeInto, setMergeInto] = useState<string | null>(null);
  const [mergeMissing, setMergeMissing] = useState(false);
  const [addingPerson, setAddingPerson] = useState(false);
  const people = useInfiniteQuery(networkPersonListQuery(workspace, { organisationId: organisation.id }));
  const peopleRows = people.data?.pages.flatMap((page) => page.items) ?? [];

  const leave = async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: networkKeys.all(workspace) }),
      queryClient.invalidateQueries({ queryKey: workspaceKeys.audit(workspace) }),
    ]);
  };
  const remove = useMutation({
    mutationFn: () =>
      unwrap(
        api.DELETE('/api/v1/workspaces/{workspace}/network/organisations/{id}', {
          params: { path: { workspace, id: organisation.id }, query: { version: organisation.version } },
        }),
      ),
    onSuccess: async () => {
      setDeleting(false);
      await navigate({ to: '/w/$workspace/network/organisations', params: { workspace } });
      await leave();
    },
  });
  const merge = useMutation({
    mutationFn: (intoId: string) =>
      unwrap(
        api.POST('/api/v1/workspaces/{workspace}/network/organisations/{id}/merge', {
          params: { path: { workspace, id: organisation.id } },
          body: { intoId, version: organisation.version },
        }),
      ),
    onSuccess: async (kept) => {
      setMerging(false);
      await navigate({ to: '/w/$workspace/network/organisations/$id', params: { workspace, id: kept.id } });
      await leave();
    },
  });

  return (
    <Stack gap="lg" maw={1100} mx="auto" data-testid="network-organisation-page">
      <AnchorLink to="/w/$workspace/network/organisations" params={{ workspace }} fz="sm">
        {o.title}
      </AnchorLink>
      <Group justify="space-between" align="flex-start" gap="md">
        <Stack gap={6} miw={0}>
          <Title order={1} style={{ overflowWrap: 'anywhere' }}>
            {organisation.name}
          </Title>
          <Group gap={8}>
            <Badge variant="light" color="indigo" c="indigo.9" tt="none">
              {messages.network.organisationType[organisation.type]}
            </Badge>
            <Text fz="sm" c="dimmed">
              {[organisation.city, countryName(organisation.country)].filter(Boolean).join(', ')}
            </Text>
          </Group>
          <Text fz="xs" c="dimmed">
            {o.updated}: {formatDateTime(organisation.updatedAt)}
          </Text>
        </Stack>
        {(mayEdit || mayDelete) && (
          <Group gap="sm">
            {mayEdit && <Button onClick={() => setEditing(true)}>{t.edit}</Button>}
            {mayDelete && (
              <Button variant="default" onClick={() => setMerging(true)}>
                {t.merge}
              </Button>
            )}
            {mayDelete && (
              <Button variant="outline" color="red.9" onClick={() => setDeleting(true)}>
                {t.delete}
              </Button>
            )}
          </Group>
        )}
      </Group>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Section title={t.details} testId="network-organisation-details">
          <Facts>
            <Fact label={o.type}>{messages.network.organisationType[organisation.type]}</Fact>
            <Fact label={o.country}>{countryName(organisation.country)}</Fact>
            <Fact label={o.city}>{organisation.city ?? messages.common.none}</Fact>
            <Fact label={t.website}>
              {organisation.website ? (
                <Anchor href={organisation.website} target="_blank" rel="noopener noreferrer" fz="sm">
                  {organisation.website}
                </Anchor>
              ) : (
                messages.common.none
              )}
            </Fact>
            <Fact label={o.owner}>{owner ? `${owner.shortName} · ${owner.name}` : t.coordinators}</Fact>
            <Fact label={t.segments}>
              {organisation.spaceSegments.map((s) => messages.registry.spaceSegment[s]).join(', ') || t.none}
            </Fact>
            <Fact label={t.melca}>
              {organisation.melca.map((m) => messages.registry.melca[m]).join(', ') || t.none}
            </Fact>
            <Fact label={t.tags}>
              {organisation.tags.length > 0 ? (
                <Group gap={4} component="span">
                  {organisation.tags.map((tag) => (
                    <Badge
                      key={tag}
                      variant="outline"
                      color="gray"
                      size="sm"
                      tt="none"
                      c="var(--mantine-color-text)"
                    >
                      {tag}
                    </Badge>
                  ))}
                </Group>
              ) : (
                t.none
              )}
            </Fact>
          </Facts>
          {organisation.notes && (
            <>
              <Text fz="sm" c="dimmed">
                {t.notes}
              </Text>
              <Text fz="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {organisation.notes}
              </Text>
            </>
          )}
        </Section>

        <Section
          title={`${t.people} · ${t.peopleCount(organisation.peopleCount)}`}
          testId="network-organisation-people"
        >
          {mayAddPerson && (
            <Button
              variant="light"
              leftSection={<PlusIcon />}
              w="fit-content"
              onClick={() => setAddingPerson(true)}
              data-testid="network-organisation-add-person"
            >
              {t.addPerson}
            </Button>
          )}
          {people.isPending ? (
            <Text fz="sm" c="dimmed">
              {messages.common.loading}
            </Text>
          ) : peopleRows.length === 0 ? (
            <Text fz="sm" c="dimmed">
              {t.noPeople}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={360} type="native">
              <Table verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{p.name}</Table.Th>
                    <Table.Th scope="col">{p.roleTitle}</Table.Th>
                    <Table.Th scope="col">{p.language}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {peopleRows.map((person) => (
                    <Table.Tr key={person.id}>
                      <Table.Td>
                        <AnchorLink
                          to="/w/$workspace/network/people/$id"
                          params={{ workspace, id: person.id }}
                          fz="sm"
                        >
                          {person.name}
                        </AnchorLink>
                      </Table.Td>
                      <Table.Td>{person.roleTitle ?? messages.common.none}</Table.Td>
                      <Table.Td>
                        {person.language ? languageName(person.language) : messages.common.none}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {people.hasNextPage && (
            <Button
              variant="default"
              onClick={() => void people.fetchNextPage()}
              loading={people.isFetchingNextPage}
            >
              {o.loadMore}
            </Button>
          )}
        </Section>
      </SimpleGrid>

      {/* network sections: timeline, relationships, projects */}
      <NetworkInteractions workspace={workspace} filter={{ networkOrganisationId: organisation.id }} />
      <RelationshipsSection workspace={workspace} networkOrganisationId={organisation.id} />
      <ProjectsSection workspace={workspace} networkOrganisationId={organisation.id} />

      <OrganisationFormDrawer
        workspace={workspace}
        opened={editing}
        initial={organisation}
        onClose={() => setEditing(false)}
        onSaved={() => setEditing(false)}
      />
      <PersonFormDrawer
        workspace={workspace}
        opened={addingPerson}
        initial={null}
        organisationId={organisation.id}
        onClose={() => setAddingPerson(false)}
        onSaved={() => setAddingPerson(false)}
      />
      <ConfirmModal
        opened={deleting}
        title={t.deleteTitle}
        confirmLabel={t.deleteConfirm}
        failedTitle={t.deleteFailed}
        errorTestId="network-organisation-delete-error"
        action={remove}
        onConfirm={() => remove.mutate()}
        onClose={() => setDeleting(false)}
      >
        <Text fz="sm">{t.deleteBody(organisation.name)}</Text>
      </ConfirmModal>
      <ConfirmModal
        opened={merging}
        title={t.mergeTitle}
        confirmLabel={t.mergeConfirm}
        failedTitle={t.mergeFailed}
        errorTestId="network-organisation-merge-error"
        action={merge}
        onConfirm={() => {
          if (mergeInto) merge.mutate(mergeInto);
          else setMergeMissing(true);
        }}
        onClose={() => {
          setMerging(false);
          setMergeInto(null);
          setMergeMissing(false);
        }}
      >
        <Text fz="sm">{t.mergeBody(organisation.name)}</Text>
        <NetworkOrganisationPicker
          workspace={workspace}
          label={t.mergeInto}
          value={mergeInto}
          excludeId={organisation.id}
          onChange={(value) => {
            setMergeInto(value);
            setMergeMissing(false);
          }}
          error={mergeMissing ? t.mergeRequired : undefined}
          required
          data-autofocus
        />
      </ConfirmModal>
    </Stack>
  );
}
