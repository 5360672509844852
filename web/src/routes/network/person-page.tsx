import { Alert, Badge, Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { api, isApiError, unwrap } from '../../api/client.ts';
import { useAbilities } from '../../app/abilities.ts';
import { ErrorState } from '../../app/error-state.tsx';
import { formatDate, formatDateTime } from '../../app/format.ts';
import { AnchorLink, ButtonLink } from '../../app/links.tsx';
import { alertStyles } from '../../components/alerts.tsx';
import { ConfirmModal } from '../../components/confirm-modal.tsx';
import { messages } from '../../messages/en.ts';
import { workspaceKeys } from '../../queries/keys.ts';
import { NetworkInteractions } from '../interactions/activity-interactions.tsx';
import { PersonDataPanel } from '../network-data/person-data-panel.tsx';
import { languageName, type NetworkPersonDto } from './parts.ts';
import { PersonFormDrawer } from './person-form-drawer.tsx';
import { networkKeys, networkOrganisationQuery, networkPersonQuery } from './queries.ts';
import { Fact, Facts, RecordSkeleton, Section } from './sections.tsx';

const t = messages.network.person;
const l = messages.network.people;
const route = getRouteApi('/w/$workspace/network/people/$id');

/** `/w/$workspace/network/people/$id`: one person of the network, their contact data and consent. */
export function NetworkPersonPage() {
  const { workspace, id } = route.useParams();
  const person = useQuery(networkPersonQuery(workspace, id));
  useDocumentTitle(messages.app.documentTitle(person.data?.name ?? l.title));
  if (person.isPending) return <RecordSkeleton label={l.loading} />;
  if (person.isError) {
    return (
      <Stack gap="lg" maw={1100} mx="auto" data-testid="network-person-error">
        {isApiError(person.error) && person.error.status === 404 ? (
          <>
            <Title order={1}>{t.notFound}</Title>
            <ButtonLink
              to="/w/$workspace/network/people"
              params={{ workspace }}
              variant="light"
              w="fit-content"
            >
              {l.title}
            </ButtonLink>
          </>
        ) : (
          <ErrorState
            title={t.loadError}
            error={person.error}
            onRetry={() => void person.refetch()}
            retrying={person.isFetching}
          />
        )}
      </Stack>
    );
  }
  return <PersonProfile workspace={workspace} person={person.data} />;
}

function PersonProfile({ workspace, person }: { workspace: string; person: NetworkPersonDto }) {
  const navigate = route.useNavigate();
  const queryClient = useQueryClient();
  const organisation = useQuery({
    ...networkOrganisationQuery(workspace, person.organisationId ?? ''),
    enabled: person.organisationId !== null,
  });
  const abilities = useAbilities(workspace);
  // A person without an organisation is the coordinators'; one with, its owner cluster's.
  const scope = { clusterId: person.organisationId ? (organisation.data?.ownerClusterId ?? null) : null };
  const scopeKnown = person.organisationId === null || organisation.data !== undefined;
  const mayEdit = scopeKnown && !person.erased && abilities.can('network.update', scope);
  const mayDelete = scopeKnown && abilities.can('network.delete', scope);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const remove = useMutation({
    mutationFn: () =>
      unwrap(
        api.DELETE('/api/v1/workspaces/{workspace}/network/people/{id}', {
          params: { path: { workspace, id: person.id }, query: { version: person.version } },
        }),
      ),
    onSuccess: async () => {
      setDeleting(false);
      await navigate({ to: '/w/$workspace/network/people', params: { workspace } });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: networkKeys.all(workspace) }),
        queryClient.invalidateQueries({ queryKey: workspaceKeys.audit(workspace) }),
      ]);
    },
  });

  return (
    <Stack gap="lg" maw={1100} mx="auto" data-testid="network-person-page">
      <AnchorLink to="/w/$workspace/network/people" params={{ workspace }} fz="sm">
        {l.title}
      </AnchorLink>
      <Group justify="space-between" align="flex-start" gap="md">
        <Stack gap={6} miw={0}>
          <Title order={1} style={{ overflowWrap: 'anywhere' }}>
            {person.name}
          </Title>
          <Group gap={8}>
            {person.roleTitle && <Text fz="sm">{person.roleTitle}</Text>}
            {person.organisationId && (
              <AnchorLink
                to="/w/$workspace/network/organisations/$id"
                params={{ workspace, id: person.organisationId }}
                fz="sm"
              >
                {person.organisationName}
              </AnchorLink>
            )}
            {person.erased && (
              <Badge variant="outline" color="gray" tt="none" c="var(--mantine-color-text)">
                {t.erased}
              </Badge>
            )}
          </Group>
          <Text fz="xs" c="dimmed">
            {messages.network.organisations.updated}: {formatDateTime(person.updatedAt)}
          </Text>
        </Stack>
        {(mayEdit || mayDelete) && (
          <Group gap="sm">
            {mayEdit && <Button onClick={() => setEditing(true)}>{t.edit}</Button>}
            {mayDelete && (
              <Button variant="outline" color="red.9" onClick={() => setDeleting(true)}>
                {t.delete}
              </Button>
            )}
          </Group>
        )}
      </Group>

      {person.erased && (
        <Alert color="gray" variant="light" styles={alertStyles('gray')}>
          {t.erasedBody}
        </Alert>
      )}

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Section title={messages.network.organisation.details} testId="network-person-details">
          <Facts>
            <Fact label={t.organisation}>{person.organisationName ?? t.noOrganisation}</Fact>
            <Fact label={t.roleTitle}>{person.roleTitle ?? messages.common.none}</Fact>
            <Fact label={t.email}>{person.email ?? messages.common.none}</Fact>
            <Fact label={t.phone}>{person.phone ?? messages.common.none}</Fact>
            <Fact label={t.language}>
              {person.language ? languageName(person.language) : messages.common.none}
            </Fact>
          </Facts>
          {person.notes && (
            <>
              <Text fz="sm" c="dimmed">
                {t.notes}
              </Text>
              <Text fz="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {person.notes}
              </Text>
            </>
          )}
        </Section>
        <Section title={t.consent} testId="network-person-consent">
          {person.consentBasis ? (
            <Facts>
              <Fact label={t.consentBasis}>{messages.network.consentBasis[person.consentBasis]}</Fact>
              <Fact label={t.consentOn}>
                {person.consentOn ? formatDate(person.consentOn) : messages.common.none}
              </Fact>
              <Fact label={t.consentSource}>{person.consentSource ?? messages.common.none}</Fact>
            </Facts>
          ) : (
            <Alert
              color="orange"
              variant="light"
              styles={alertStyles('orange')}
              data-testid="network-person-no-consent"
            >
              {t.noConsent}
            </Alert>
          )}
        </Section>
      </SimpleGrid>

      {/* network sections: timeline, relationships, projects */}
      <PersonDataPanel
        workspace={workspace}
        person={{ id: person.id, name: person.name, erased: person.erased }}
      />
      <NetworkInteractions workspace={workspace} filter={{ networkPersonId: person.id }} />

      <PersonFormDrawer
        workspace={workspace}
        opened={editing}
        initial={person}
        onClose={() => setEditing(false)}
        onSaved={() => setEditing(false)}
      />
      <ConfirmModal
        opened={deleting}
        title={t.deleteTitle}
        confirmLabel={t.deleteConfirm}
        failedTitle={t.deleteFailed}
        errorTestId="network-person-delete-error"
        action={remove}
        onConfirm={() => remove.mutate()}
        onClose={() => setDeleting(false)}
      >
        <Text fz="sm">{t.deleteBody(person.name)}</Text>
      </ConfirmModal>
    </Stack>
  );
}
