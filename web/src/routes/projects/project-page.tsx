import {
  Badge,
  Breadcrumbs,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Stepper,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import type { ProjectPartnerRole, ProjectStatus } from '../../../../src/domain/network/types.ts';
import { api, isApiError, unwrap } from '../../api/client.ts';
import { ErrorState } from '../../app/error-state.tsx';
import { formatDate, formatDateTime } from '../../app/format.ts';
import { AnchorLink, ButtonLink } from '../../app/links.tsx';
import { useMembership } from '../../app/session.ts';
import { FailureAlert } from '../../components/alerts.tsx';
import { ConfirmModal } from '../../components/confirm-modal.tsx';
import { PlusIcon } from '../../components/icons.tsx';
import { messages } from '../../messages/en.ts';
import { workspaceKeys } from '../../queries/keys.ts';
import { formatAmount } from './format.ts';
import { PartnerFields } from './partner-fields.tsx';
import type { PartnerKind } from './project-form.ts';
import { type ProjectDrawerState, ProjectFormDrawer } from './project-form-drawer.tsx';
import { FlagBadge, StatusBadge } from './projects-page.tsx';
import { type ProjectDetailDto, type ProjectPartnerDto, projectKeys, projectQuery } from './queries.ts';

const t = messages.projects;
const route = getRouteApi('/w/$workspace/network/projects/$id');
/** The life of a project in order; rejected sits outside it. */
const STEPS: ProjectStatus[] = ['idea', 'proposal', 'funded', 'running', 'completed'];

/** `/w/$workspace/network/projects/$id`: one project, its status, its partners. */
export function ProjectPage() {
  const { workspace, id } = route.useParams();
  const project = useQuery(projectQuery(workspace, id));
  useDocumentTitle(messages.app.documentTitle(project.data?.title ?? t.page.loading));

  const crumbs = (
    <Breadcrumbs aria-label={t.page.breadcrumb} separator="›">
      <AnchorLink to="/w/$workspace/network/projects" params={{ workspace }} fz="sm">
        {t.page.back}
      </AnchorLink>
      <Text fz="sm" c="dimmed" aria-current="page" style={{ overflowWrap: 'anywhere' }}>
        {project.data?.title ?? '…'}
      </Text>
    </Breadcrumbs>
  );

  if (project.isPending) {
    return (
      <Stack gap="lg" maw={1100} mx="auto" aria-busy="true">
        <VisuallyHidden role="status">{t.page.loading}</VisuallyHidden>
        <Skeleton h={14} w={160} />
        <Skeleton h={34} w="50%" />
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Skeleton h={220} />
          <Skeleton h={220} />
        </SimpleGrid>
      </Stack>
    );
  }
  if (project.isError) {
    if (isApiError(project.error) && project.error.status === 404) {
      return (
        <Stack gap="lg" maw={1100} mx="auto" data-testid="project-not-found">
          <Title order={1}>{t.page.notFoundTitle}</Title>
          <Text>{t.page.notFoundBody}</Text>
          <ButtonLink
            to="/w/$workspace/network/projects"
            params={{ workspace }}
            variant="light"
            w="fit-content"
          >
            {t.page.back}
          </ButtonLink>
        </Stack>
      );
    }
    return (
      <Stack gap="lg" maw={1100} mx="auto">
        {crumbs}
        <ErrorState
          title={t.page.loadError}
          error={project.error}
          onRetry={() => void project.refetch()}
          retrying={project.isFetching}
        />
      </Stack>
    );
  }
  return <ProjectView workspace={workspace} project={project.data} crumbs={crumbs} />;
}

function useRefresh(workspace: string) {
  const queryClient = useQueryClient();
  // The project's list, its page, the audit log and the KPIs of its activity.
  return () => queryClient.invalidateQueries({ queryKey: workspaceKeys.all(workspace) });
}

function ProjectView({
  workspace,
  project,
  crumbs,
}: {
  workspace: string;
  project: ProjectDetailDto;
  crumbs: ReactNode;
}) {
  const { membership: contextMembership } = route.useRouteContext();
  const membership = useMembership(workspace) ?? contextMembership;
  const [drawer, setDrawer] = useState<ProjectDrawerState>({ mode: 'closed' });
  const [deleting, setDeleting] = useState(false);
  const refresh = useRefresh(workspace);
  const mayEdit = project.canEdit;

  const move = useMutation({
    mutationFn: (status: ProjectStatus) =>
      unwrap(
        api.PATCH('/api/v1/workspaces/{workspace}/network/projects/{id}', {
          params: { path: { workspace, id: project.id } },
          body: { version: project.version, status },
        }),
      ),
    onSuccess: () => refresh(),
  });
  const stepIndex = STEPS.indexOf(project.status);
  const next = stepIndex >= 0 && stepIndex < STEPS.length - 1 ? STEPS[stepIndex + 1] : undefined;
  const amount = formatAmount(project.amount, project.currency);

  return (
    <Stack gap="lg" maw={1100} mx="auto">
      {crumbs}
      <Group justify="space-between" align="flex-start" gap="md">
        <Stack gap={6} miw={0}>
          <Title order={1} style={{ overflowWrap: 'anywhere' }}>
            {project.title}
          </Title>
          <Group gap={6}>
            <StatusBadge status={project.status} />
            {project.commonLabel && <FlagBadge label={t.form.commonLabel} />}
            {project.internationalFunding && <FlagBadge label={t.form.internationalFunding} />}
          </Group>
          <Text fz="xs" c="dimmed">
            {t.page.updated(formatDateTime(project.updatedAt))}
          </Text>
        </Stack>
        {mayEdit ? (
          <Group gap="sm">
            <Button onClick={() => setDrawer({ mode: 'edit', project })}>{t.page.edit}</Button>
            <Button variant="outline" color="red.9" onClick={() => setDeleting(true)}>
              {t.page.delete}
            </Button>
          </Group>
        ) : (
          <Text fz="sm" c="dimmed" maw={320}>
            {t.page.readOnly}
          </Text>
        )}
      </Group>

      <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="project-progress-title">
        <Stack gap="md">
          <Title order={2} fz="lg" id="project-progress-title">
            {t.page.progress}
          </Title>
          {project.status === 'rejected' ? (
            <Text fz="sm" data-testid="project-rejected">
              {t.page.rejectedNote}
            </Text>
          ) : (
            <Stepper
              active={project.status === 'completed' ? STEPS.length : stepIndex}
              size="sm"
              orientation="horizontal"
              styles={{ steps: { flexWrap: 'wrap', rowGap: 8 } }}
              aria-label={t.page.progress}
            >
              {STEPS.map((status) => (
                <Stepper.Step key={status} label={t.status[status]} />
              ))}
            </Stepper>
          )}
          {project.completedOn && <Text fz="sm">{t.page.completedOn(formatDate(project.completedOn))}</Text>}
          {move.isError && (
            <FailureAlert testId="project-status-error" title={t.page.statusFailed} error={move.error} />
          )}
          {mayEdit && (
            <Group gap="sm">
              {next && (
                <Button
                  onClick={() => move.mutate(next)}
                  loading={move.isPending}
                  data-testid="project-next-status"
                >
                  {t.page.moveTo(t.status[next] ?? next)}
                </Button>
              )}
              {project.status === 'rejected' ? (
                <Button variant="light" onClick={() => move.mutate('proposal')} loading={move.isPending}>
                  {t.page.reopen}
                </Button>
              ) : (
                project.status !== 'completed' && (
                  <Button
                    variant="outline"
                    color="red.9"
                    onClick={() => move.mutate('rejected')}
                    loading={move.isPending}
                  >
                    {t.page.reject}
                  </Button>
                )
              )}
            </Group>
          )}
        </Stack>
      </Paper>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Paper
          withBorder
          radius="md"
          p="lg"
          component="section"
          aria-label={t.page.details}
          data-testid="project-details"
        >
          <Stack gap="sm">
            <Title order={2} fz="lg">
              {t.page.details}
            </Title>
            <Stack component="dl" gap="xs" m={0}>
              <Fact label={t.columns.programme}>
                {project.fundingProgramme ? t.programme[project.fundingProgramme] : t.none}
              </Fact>
              <Fact label={t.columns.amount}>{amount ?? t.none}</Fact>
              <Fact label={t.columns.cluster}>{project.clusterName ?? t.coordinators}</Fact>
              <Fact label={t.columns.activity}>
                {project.activityId ? (
                  <AnchorLink
                    to="/w/$workspace/activities/$activityId"
                    params={{ workspace, activityId: project.activityId }}
                    fz="sm"
                  >
                    {project.activityTitle}
                  </AnchorLink>
                ) : (
                  (project.instrumentName ?? t.none)
                )}
              </Fact>
              <Fact label={t.form.startsOn}>{project.startsOn ? formatDate(project.startsOn) : t.none}</Fact>
              <Fact label={t.form.endsOn}>{project.endsOn ? formatDate(project.endsOn) : t.none}</Fact>
            </Stack>
          </Stack>
        </Paper>
        <Paper withBorder radius="md" p="lg" component="section" aria-label={t.page.description}>
          <Stack gap="sm">
            <Title order={2} fz="lg">
              {t.page.description}
            </Title>
            {project.description.trim() ? (
              <Text fz="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {project.description}
              </Text>
            ) : (
              <Text fz="sm" c="dimmed">
                {t.page.notDescribed}
              </Text>
            )}
          </Stack>
        </Paper>
      </SimpleGrid>

      <Partners workspace={workspace} project={project} mayEdit={mayEdit} />

      <ProjectFormDrawer
        workspace={workspace}
        membership={membership}
        state={drawer}
        onClose={() => setDrawer({ mode: 'closed' })}
      />
      <DeleteProjectModal
        workspace={workspace}
        project={project}
        opened={deleting}
        onClose={() => setDeleting(false)}
      />
    </Stack>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap="md" align="baseline" wrap="nowrap">
      <Text component="dt" fz="sm" c="dimmed" w={140} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text component="dd" fz="sm" m={0} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Group>
  );
}

function Partners({
  workspace,
  project,
  mayEdit,
}: {
  workspace: string;
  project: ProjectDetailDto;
  mayEdit: boolean;
}) {
  const refresh = useRefresh(workspace);
  const [adding, setAdding] = useState(false);
  const [draft, setDraft] = useState<{ kind: PartnerKind; refId: string | null; role: ProjectPartnerRole }>({
    kind: 'network_organisation',
    refId: null,
    role: 'partner',
  });
  const [removing, setRemoving] = useState<ProjectPartnerDto | null>(null);
  const add = useMutation({
    mutationFn: () => {
      const ref = draft.refId as string;
      const who =
        draft.kind === 'cluster'
          ? { clusterId: ref }
          : draft.kind === 'organisation'
            ? { organisationId: ref }
            : { networkOrganisationId: ref };
      return unwrap(
        api.POST('/api/v1/workspaces/{workspace}/network/projects/{id}/partners', {
          params: { path: { workspace, id: project.id } },
          body: { ...who, role: draft.role },
        }),
      );
    },
    onSuccess: async () => {
      await refresh();
      setAdding(false);
      setDraft({ kind: 'network_organisation', refId: null, role: 'partner' });
    },
  });
  const remove = useMutation({
    mutationFn: (partner: ProjectPartnerDto) =>
      unwrap(
        api.DELETE('/api/v1/workspaces/{workspace}/network/projects/{id}/partners/{partnerId}', {
          params: { path: { workspace, id: project.id, partnerId: partner.id } },
        }),
      ),
    onSuccess: async () => {
      await refresh();
      setRemoving(null);
    },
  });
  const ours = project.partners.filter((p) => p.side === 'ours');
  const counterparts = project.partners.filter((p) => p.side === 'counterpart');

  const list = (partners: ProjectPartnerDto[], empty: string, title: string, testId: string) => (
    <Stack gap="xs" data-testid={testId}>
      <Title order={3} fz="md">
        {title}
      </Title>
      {partners.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
          {partners.map((partner) => (
            <Paper
              component="li"
              key={partner.id}
              withBorder
              radius="sm"
              p="sm"
              data-testid="project-partner"
            >
              <Group justify="space-between" gap="sm" wrap="nowrap">
                <Stack gap={2} miw={0}>
                  <Text fz="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {partner.name}
                  </Text>
                  <Group gap={6}>
                    <Badge variant="light" color="indigo" c="indigo.9" tt="none" size="sm">
                      {t.role[partner.role]}
                    </Badge>
                    <Text fz="xs" c="dimmed">
                      {t.partnerKind[partner.kind]}
                    </Text>
                  </Group>
                </Stack>
                {mayEdit && (
                  <Button
                    variant="default"
                    size="xs"
                    aria-label={t.partners.removeLabel(partner.name)}
                    onClick={() => setRemoving(partner)}
                  >
                    {t.partners.remove}
                  </Button>
                )}
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="project-partners-title">
      <Stack gap="md">
        <Group justify="space-between" gap="md">
          <Title order={2} fz="lg" id="project-partners-title">
            {t.partners.title}{' '}
            <Text component="span" c="dimmed" fz="sm" fw={500}>
              ({t.partners.count(project.partners.length)})
            </Text>
          </Title>
          {mayEdit && !adding && (
            <Button variant="light" leftSection={<PlusIcon />} onClick={() => setAdding(true)}>
              {t.partners.add}
            </Button>
          )}
        </Group>
        {adding && (
          <Paper withBorder radius="sm" p="sm" bg="gray.0" data-testid="partner-add-form">
            <form
              onSubmit={(event) => {
                event.preventDefault();
                if (draft.refId) add.mutate();
              }}
            >
              <Stack gap="sm">
                <PartnerFields
                  workspace={workspace}
                  idPrefix="partner-add"
                  kind={draft.kind}
                  refId={draft.refId}
                  role={draft.role}
                  onChange={(change) => setDraft((previous) => ({ ...previous, ...change }))}
                />
                {add.isError && (
                  <FailureAlert testId="partner-add-error" title={t.partners.addFailed} error={add.error} />
                )}
                <Group justify="flex-end" gap="sm">
                  <Button
                    variant="default"
                    onClick={() => {
                      add.reset();
                      setAdding(false);
                    }}
                  >
                    {messages.common.cancel}
                  </Button>
                  <Button type="submit" loading={add.isPending} disabled={!draft.refId}>
                    {t.partners.add}
                  </Button>
                </Group>
              </Stack>
            </form>
          </Paper>
        )}
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          {list(ours, t.partners.noneOurs, t.partners.ours, 'partners-ours')}
          {list(counterparts, t.partners.noneCounterparts, t.partners.counterparts, 'partners-counterparts')}
        </SimpleGrid>
      </Stack>
      <ConfirmModal
        opened={removing !== null}
        title={removing ? t.partners.removeTitle(removing.name) : ''}
        confirmLabel={t.partners.removeConfirm}
        failedTitle={t.partners.removeFailed}
        errorTestId="partner-remove-error"
        action={remove}
        onConfirm={() => removing && remove.mutate(removing)}
        onClose={() => setRemoving(null)}
      >
        <Text fz="sm">{t.partners.removeBody}</Text>
      </ConfirmModal>
    </Paper>
  );
}

function DeleteProjectModal({
  workspace,
  project,
  opened,
  onClose,
}: {
  workspace: string;
  project: ProjectDetailDto;
  opened: boolean;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const remove = useMutation({
    mutationFn: () =>
      unwrap(
        api.DELETE('/api/v1/workspaces/{workspace}/network/projects/{id}', {
          params: { path: { workspace, id: project.id }, query: { version: project.version } },
        }),
      ),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: projectKeys.detail(workspace, project.id) });
      await queryClient.invalidateQueries({ queryKey: workspaceKeys.all(workspace) });
      await navigate({ to: '/w/$workspace/network/projects', params: { workspace } });
    },
  });
  return (
    <ConfirmModal
      opened={opened}
      title={t.page.deleteTitle(project.title)}
      confirmLabel={t.page.deleteConfirm}
      failedTitle={t.page.deleteFailed}
      errorTestId="project-delete-error"
      action={remove}
      onConfirm={() => remove.mutate()}
      onClose={onClose}
    >
      <Text fz="sm">{t.page.deleteBody}</Text>
    </ConfirmModal>
  );
}
