import {
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { api, isApiError, unwrap } from '../../api/client.ts';
import type { MembershipDto, OrganisationDetailDto } from '../../api/types.ts';
import { useAbilities } from '../../app/abilities.ts';
import { ErrorState } from '../../app/error-state.tsx';
import { countryName, formatDateTime } from '../../app/format.ts';
import { AnchorLink, ButtonLink } from '../../app/links.tsx';
import { useMembership } from '../../app/session.ts';
import { ConfirmModal } from '../../components/confirm-modal.tsx';
import { PlusIcon } from '../../components/icons.tsx';
import { messages } from '../../messages/en.ts';
import { allClustersQuery } from '../../queries/clusters.ts';
import { workspaceKeys } from '../../queries/keys.ts';
import { RelationshipsSection } from '../pipeline/relationships-section.tsx';
import { ProjectsSection } from '../projects/projects-section.tsx';
import { MemberReadiness } from '../surveys/member-readiness.tsx';
import { MemberActivities, MemberHistory } from './member-activity.tsx';
import { MemberFormDrawer } from './member-form-drawer.tsx';
import { PeopleTable } from './people-table.tsx';
import { type PersonDrawerState, PersonFormDrawer } from './person-form-drawer.tsx';
import { memberQuery, registryKeys } from './queries.ts';

const t = messages.member;
const r = messages.registry;
const route = getRouteApi('/w/$workspace/members/$id');

/** `/w/$workspace/members/$id`: a member organisation's whole profile and its people. */
export function MemberPage() {
  const { workspace, id } = route.useParams();
  const { membership: contextMembership } = route.useRouteContext();
  const membership = useMembership(workspace) ?? contextMembership;
  const organisation = useQuery(memberQuery(workspace, id));
  useDocumentTitle(messages.app.documentTitle(organisation.data?.name ?? t.loading));

  const crumbs = (
    <Breadcrumbs aria-label={t.breadcrumb} separator="›">
      <AnchorLink to="/w/$workspace/members" params={{ workspace }} fz="sm">
        {t.backToMembers}
      </AnchorLink>
      <Text fz="sm" c="dimmed" aria-current="page">
        {organisation.data?.name ?? '…'}
      </Text>
    </Breadcrumbs>
  );

  if (organisation.isPending) {
    return (
      <Stack gap="lg" maw={1100} mx="auto" aria-busy="true">
        <VisuallyHidden role="status">{t.loading}</VisuallyHidden>
        <Skeleton h={14} w={160} />
        <Skeleton h={34} w="50%" />
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Skeleton h={220} />
          <Skeleton h={220} />
        </SimpleGrid>
      </Stack>
    );
  }
  if (organisation.isError) {
    if (isApiError(organisation.error) && organisation.error.status === 404) {
      return (
        <Stack gap="lg" maw={1100} mx="auto" data-testid="member-not-found">
          <Title order={1}>{t.notFoundTitle}</Title>
          <Text>{t.notFoundBody}</Text>
          <ButtonLink to="/w/$workspace/members" params={{ workspace }} variant="light" w="fit-content">
            {t.backToMembers}
          </ButtonLink>
        </Stack>
      );
    }
    return (
      <Stack gap="lg" maw={1100} mx="auto">
        {crumbs}
        <ErrorState
          title={t.loadError}
          error={organisation.error}
          onRetry={() => void organisation.refetch()}
          retrying={organisation.isFetching}
        />
      </Stack>
    );
  }
  return (
    <MemberProfile
      workspace={workspace}
      membership={membership}
      organisation={organisation.data}
      crumbs={crumbs}
    />
  );
}

function MemberProfile({
  workspace,
  membership,
  organisation,
  crumbs,
}: {
  workspace: string;
  membership: MembershipDto;
  organisation: OrganisationDetailDto;
  crumbs: ReactNode;
}) {
  const clusters = useQuery(allClustersQuery(workspace));
  const cluster = clusters.data?.items.find((c) => c.id === organisation.clusterId);
  // A member edits its own organisation and its people, but adds and removes neither.
  const abilities = useAbilities(workspace);
  const scope = { clusterId: organisation.clusterId, organisationId: organisation.id };
  const mayEdit = abilities.can('organisation.update', scope);
  const mayDelete = abilities.can('organisation.delete', scope);
  const mayAddPerson = abilities.can('person.create', scope);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [person, setPerson] = useState<PersonDrawerState>({ mode: 'closed' });

  return (
    <Stack gap="lg" maw={1100} mx="auto">
      {crumbs}
      <Group justify="space-between" align="flex-start" gap="md">
        {/* The name and the city may be long words: they wrap within the screen. */}
        <Stack gap={6} miw={0}>
          <Title order={1}>{organisation.name}</Title>
          <Group gap={8}>
            <Badge variant="light" color="indigo" c="indigo.9" tt="none">
              {r.organisationType[organisation.type]}
            </Badge>
            <Text fz="sm" c="dimmed">
              {[organisation.city, countryName(organisation.country)].filter(Boolean).join(', ')}
            </Text>
          </Group>
          <Text fz="xs" c="dimmed">
            {t.updated(formatDateTime(organisation.updatedAt))}
          </Text>
        </Stack>
        {mayEdit ? (
          <Group gap="sm">
            <Button onClick={() => setEditing(true)}>{t.edit}</Button>
            {mayDelete && (
              <Button variant="outline" color="red.9" onClick={() => setDeleting(true)}>
                {t.delete}
              </Button>
            )}
          </Group>
        ) : (
          <Text fz="sm" c="dimmed" maw={320}>
            {t.readOnly}
          </Text>
        )}
      </Group>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Section title={t.profile} testId="member-profile">
          <Facts>
            <Fact label={t.cluster}>
              {cluster ? `${cluster.shortName} · ${cluster.name}` : messages.common.none}
            </Fact>
            <Fact label={t.type}>{r.organisationType[organisation.type]}</Fact>
            <Fact label={t.size}>
              {organisation.size ? r.organisationSize[organisation.size] : messages.common.none}
            </Fact>
            <Fact label={t.country}>{`${countryName(organisation.country)} (${organisation.country})`}</Fact>
            <Fact label={t.city}>{organisation.city ?? messages.common.none}</Fact>
            <Fact label={t.website}>
              {organisation.website ? (
                <Anchor href={organisation.website} target="_blank" rel="noopener noreferrer" fz="sm">
                  {organisation.website}
                </Anchor>
              ) : (
                messages.common.none
              )}
            </Fact>
            <Fact label={t.registrationId}>
              {organisation.registrationId ? (
                <Text component="span" ff="monospace" fz="sm">
                  {organisation.registrationId}
                </Text>
              ) : (
                messages.common.none
              )}
            </Fact>
            <Fact label={t.exportExperience}>{r.exportExperience[organisation.exportExperience]}</Fact>
          </Facts>
        </Section>

        <Section title={t.sectors}>
          <Facts>
            <Fact label={t.spaceSegments}>
              <BadgeList items={organisation.spaceSegments.map((s) => r.spaceSegment[s])} color="indigo" />
            </Fact>
            <Fact label={t.melca}>
              <BadgeList items={organisation.melca.map((f) => r.melca[f])} color="teal" />
            </Fact>
            <Fact label={t.targetMarkets}>
              <BadgeList
                items={organisation.targetMarketInterests.map((code) => `${countryName(code)} (${code})`)}
                color="gray"
              />
            </Fact>
          </Facts>
        </Section>

        <Section title={t.offers}>
          <LongText text={organisation.offers} />
          <BadgeList items={organisation.offerTags} color="gray" label={t.tags} />
        </Section>
        <Section title={t.requests}>
          <LongText text={organisation.requests} />
          <BadgeList items={organisation.requestTags} color="gray" label={t.tags} />
        </Section>
      </SimpleGrid>

      <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="member-people-title">
        <Stack gap="md">
          <Group justify="space-between" gap="md">
            <Title order={2} fz="lg" id="member-people-title">
              {t.people}{' '}
              <Text component="span" c="dimmed" fz="sm" fw={500}>
                ({t.peopleCount(organisation.peopleCount)})
              </Text>
            </Title>
            {mayAddPerson && (
              <Button
                variant="light"
                leftSection={<PlusIcon />}
                onClick={() => setPerson({ mode: 'create', organisationId: organisation.id })}
              >
                {t.addPerson}
              </Button>
            )}
          </Group>
          <PeopleTable
            workspace={workspace}
            organisationId={organisation.id}
            caption={t.peopleCaption(organisation.name)}
            emptyText={t.noPeople}
            onEdit={mayEdit ? (p) => setPerson({ mode: 'edit', person: p }) : undefined}
          />
        </Stack>
      </Paper>

      <MemberReadiness workspace={workspace} organisationId={organisation.id} />
      <MemberActivities workspace={workspace} organisationId={organisation.id} name={organisation.name} />
      <ProjectsSection workspace={workspace} organisationId={organisation.id} />
      <RelationshipsSection workspace={workspace} ourOrganisationId={organisation.id} />
      <MemberHistory workspace={workspace} organisationId={organisation.id} name={organisation.name} />

      <MemberFormDrawer
        workspace={workspace}
        membership={membership}
        opened={editing}
        initial={organisation}
        onClose={() => setEditing(false)}
      />
      <PersonFormDrawer workspace={workspace} state={person} onClose={() => setPerson({ mode: 'closed' })} />
      <DeleteMemberModal
        workspace={workspace}
        organisation={organisation}
        opened={deleting}
        onClose={() => setDeleting(false)}
      />
    </Stack>
  );
}

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-label={title} data-testid={testId}>
      <Stack gap="sm">
        <Title order={2} fz="lg">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

function Facts({ children }: { children: ReactNode }) {
  return (
    <Stack component="dl" gap="xs" m={0}>
      {children}
    </Stack>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap="md" align="baseline" wrap="nowrap">
      <Text component="dt" fz="sm" c="dimmed" w={170} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text component="dd" fz="sm" m={0} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Group>
  );
}

function BadgeList({ items, color, label }: { items: string[]; color: string; label?: string }) {
  if (items.length === 0) {
    return label ? null : (
      <Text component="span" fz="sm" c="dimmed">
        {t.noneGiven}
      </Text>
    );
  }
  return (
    <Group gap={6} component="span" aria-label={label}>
      {items.map((item) => (
        <Badge
          key={item}
          variant="light"
          color={color}
          tt="none"
          c={color === 'indigo' ? 'indigo.9' : 'var(--mantine-color-text)'}
        >
          {item}
        </Badge>
      ))}
    </Group>
  );
}

function LongText({ text }: { text: string }) {
  return text.trim() ? (
    <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
      {text}
    </Text>
  ) : (
    <Text fz="sm" c="dimmed">
      {t.notDescribed}
    </Text>
  );
}

function DeleteMemberModal({
  workspace,
  organisation,
  opened,
  onClose,
}: {
  workspace: string;
  organisation: OrganisationDetailDto;
  opened: boolean;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const remove = useMutation({
    mutationFn: () =>
      unwrap(
        api.DELETE('/api/v1/workspaces/{workspace}/organisations/{id}', {
          params: { path: { workspace, id: organisation.id }, query: { version: organisation.version } },
        }),
      ),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: registryKeys.organisation(workspace, organisation.id) });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: registryKeys.organisations(workspace) }),
        queryClient.invalidateQueries({ queryKey: registryKeys.people(workspace) }),
        queryClient.invalidateQueries({ queryKey: workspaceKeys.audit(workspace) }),
      ]);
      await navigate({ to: '/w/$workspace/members', params: { workspace } });
    },
  });
  return (
    <ConfirmModal
      opened={opened}
      title={t.deleteTitle(organisation.name)}
      confirmLabel={t.deleteConfirm}
      failedTitle={t.deleteFailed}
      errorTestId="member-delete-error"
      action={remove}
      onConfirm={() => remove.mutate()}
      onClose={onClose}
    >
      <Text fz="sm">{t.deleteBody(organisation.name)}</Text>
      <Text fz="sm" fw={600}>
        {t.deletePeople(organisation.peopleCount)}
      </Text>
    </ConfirmModal>
  );
}
