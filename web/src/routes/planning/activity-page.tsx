import { Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { ActivityDetailDto, MembershipDto } from '../../api/types.ts';
import { useAbilities } from '../../app/abilities.ts';
import { countryName } from '../../app/format.ts';
import { AnchorLink, ButtonLink } from '../../app/links.tsx';
import { useMembership } from '../../app/session.ts';
import { ConfirmModal } from '../../components/confirm-modal.tsx';
import { Crumbs, CurrentCrumb } from '../../components/crumbs.tsx';
import { periodText } from '../../components/period-text.ts';
import { PageSkeleton } from '../../components/skeletons.tsx';
import { ActivityStatusBadge, PhaseBadge } from '../../components/status-badges.tsx';
import { messages } from '../../messages/en.ts';
import { workspaceKeys } from '../../queries/keys.ts';
import { ActivityInteractions } from '../interactions/activity-interactions.tsx';
import { ProjectsSection } from '../projects/projects-section.tsx';
import { ActivityBudget } from './activity-budget.tsx';
import { ActivityEvent } from './activity-event.tsx';
import { planContextOf } from './activity-form.ts';
import { ActivityFormDrawer } from './activity-form-drawer.tsx';
import { ActivityKpis } from './activity-kpis.tsx';
import { ActivityParticipants } from './activity-participants.tsx';
import { Fact, Facts, LoadFailure, LongText, Section } from './parts.tsx';
import { activityQuery, planningKeys, planQuery } from './queries.ts';

const t = messages.activity;
const p = messages.planning;
const route = getRouteApi('/w/$workspace/activities/$activityId');

/** `/w/$workspace/activities/$activityId`: an activity, who takes part, its KPIs and its budget. */
export function ActivityPage() {
  const { workspace, activityId } = route.useParams();
  const { membership: contextMembership } = route.useRouteContext();
  const membership = useMembership(workspace) ?? contextMembership;
  const activity = useQuery(activityQuery(workspace, activityId));
  useDocumentTitle(messages.app.documentTitle(activity.data?.title ?? t.loading));
  const a = activity.data;

  const crumbs = (
    <Crumbs>
      {a?.marketId && a.marketName ? (
        <AnchorLink to="/w/$workspace/markets/$marketId" params={{ workspace, marketId: a.marketId }} fz="sm">
          {a.marketName}
        </AnchorLink>
      ) : (
        <AnchorLink to="/w/$workspace/calendar" params={{ workspace }} fz="sm">
          {t.calendar}
        </AnchorLink>
      )}
      {a?.planId && a.planName && (
        <AnchorLink to="/w/$workspace/plans/$planId" params={{ workspace, planId: a.planId }} fz="sm">
          {a.planName}
        </AnchorLink>
      )}
      <CurrentCrumb>{a?.title ?? '…'}</CurrentCrumb>
    </Crumbs>
  );

  if (activity.isPending) return <PageSkeleton label={t.loading} />;
  if (activity.isError) {
    return (
      <LoadFailure
        query={activity}
        crumbs={crumbs}
        notFoundTitle={t.notFoundTitle}
        notFoundBody={t.notFoundBody}
        loadError={t.loadError}
        testId="activity-not-found"
        back={
          <ButtonLink to="/w/$workspace/calendar" params={{ workspace }} variant="light" w="fit-content">
            {t.calendar}
          </ButtonLink>
        }
      />
    );
  }
  return (
    <ActivityView workspace={workspace} membership={membership} activity={activity.data} crumbs={crumbs} />
  );
}

function ActivityView({
  workspace,
  membership,
  activity,
  crumbs,
}: {
  workspace: string;
  membership: MembershipDto;
  activity: ActivityDetailDto;
  crumbs: ReactNode;
}) {
  const abilities = useAbilities(workspace);
  // An activity's scope is its responsible cluster.
  const mayEdit = abilities.can('activity.update', { clusterId: activity.clusterId });
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  // The edit form checks the dates against the plan's period and offers its instruments first.
  const plan = useQuery({
    ...planQuery(workspace, activity.planId ?? ''),
    enabled: editing && activity.planId !== null,
  });
  const planReady = activity.planId === null || plan.data !== undefined;
  const place = [activity.city, activity.country ? countryName(activity.country) : null].filter(Boolean);

  return (
    <Stack gap="lg" maw={1200} mx="auto">
      {crumbs}
      <Group justify="space-between" align="flex-start" gap="md">
        <Stack gap={6}>
          <Title order={1}>{activity.title}</Title>
          <Group gap={8}>
            <ActivityStatusBadge status={activity.status} />
            <PhaseBadge phase={activity.phase} />
            <Text fz="sm" c="dimmed">
              {periodText(activity.startsOn, activity.endsOn)}
            </Text>
          </Group>
        </Stack>
        {mayEdit ? (
          <Group gap="sm">
            <Button onClick={() => setEditing(true)} loading={editing && !planReady}>
              {p.edit}
            </Button>
            <Button variant="outline" color="red.9" onClick={() => setDeleting(true)}>
              {p.delete}
            </Button>
          </Group>
        ) : (
          <Text fz="sm" c="dimmed" maw={320}>
            {p.readOnly}
          </Text>
        )}
      </Group>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Section title={t.details} testId="activity-details">
          <Facts>
            <Fact label={t.instrument}>
              <AnchorLink to="/catalogue/$key" params={{ key: activity.instrumentKey }} fz="sm">
                {activity.instrumentCode} {activity.instrumentName}
              </AnchorLink>
            </Fact>
            <Fact label={t.phase}>{messages.phaseShort[activity.phase]}</Fact>
            <Fact label={t.plan}>
              {activity.planId && activity.planName ? (
                <AnchorLink
                  to="/w/$workspace/plans/$planId"
                  params={{ workspace, planId: activity.planId }}
                  fz="sm"
                >
                  {activity.planName}
                </AnchorLink>
              ) : (
                t.standalone
              )}
            </Fact>
            <Fact label={t.market}>
              {activity.marketId && activity.marketName ? (
                <AnchorLink
                  to="/w/$workspace/markets/$marketId"
                  params={{ workspace, marketId: activity.marketId }}
                  fz="sm"
                >
                  {activity.marketName}
                </AnchorLink>
              ) : (
                messages.common.none
              )}
            </Fact>
            <Fact label={t.dates}>{periodText(activity.startsOn, activity.endsOn)}</Fact>
            <Fact label={t.place}>{place.length ? place.join(', ') : messages.common.none}</Fact>
            <Fact label={t.cluster}>{activity.clusterShortName ?? p.coordinators}</Fact>
            <Fact label={t.status}>{p.activityStatus[activity.status]}</Fact>
          </Facts>
          <Title order={3} fz="md">
            {t.outcomeNotes}
          </Title>
          <LongText text={activity.outcomeNotes} />
        </Section>
        <ActivityParticipants workspace={workspace} activity={activity} editable={mayEdit} />
        <ActivityInteractions workspace={workspace} activityId={activity.id} />
        <ActivityEvent workspace={workspace} activity={activity} />
      </SimpleGrid>

      <ActivityKpis
        workspace={workspace}
        activity={activity}
        editable={abilities.can('kpi.update', { clusterId: activity.clusterId })}
      />

      <ProjectsSection workspace={workspace} activity={{ id: activity.id, title: activity.title }} />

      {activity.budget ? (
        <ActivityBudget
          workspace={workspace}
          activity={activity}
          budget={activity.budget}
          editable={mayEdit}
        />
      ) : (
        !abilities.canSomewhere('budget.read') && (
          <Text fz="sm" c="dimmed">
            {messages.budget.hidden}
          </Text>
        )
      )}

      <ActivityFormDrawer
        workspace={workspace}
        membership={membership}
        state={
          editing && planReady
            ? { mode: 'edit', activity, plan: plan.data ? planContextOf(plan.data) : null }
            : { mode: 'closed' }
        }
        onClose={() => setEditing(false)}
      />
      <DeleteActivityModal
        workspace={workspace}
        activity={activity}
        opened={deleting}
        onClose={() => setDeleting(false)}
      />
    </Stack>
  );
}

function DeleteActivityModal({
  workspace,
  activity,
  opened,
  onClose,
}: {
  workspace: string;
  activity: ActivityDetailDto;
  opened: boolean;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const remove = useMutation({
    mutationFn: () =>
      unwrap(
        api.DELETE('/api/v1/workspaces/{workspace}/activities/{id}', {
          params: { path: { workspace, id: activity.id }, query: { version: activity.version } },
        }),
      ),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: planningKeys.activity(workspace, activity.id) });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: planningKeys.all(workspace) }),
        queryClient.invalidateQueries({ queryKey: workspaceKeys.audit(workspace) }),
      ]);
      if (activity.planId) {
        await navigate({ to: '/w/$workspace/plans/$planId', params: { workspace, planId: activity.planId } });
      } else {
        await navigate({ to: '/w/$workspace/calendar', params: { workspace } });
      }
    },
  });
  return (
    <ConfirmModal
      opened={opened}
      title={t.deleteTitle(activity.title)}
      confirmLabel={t.deleteConfirm}
      failedTitle={t.deleteFailed}
      errorTestId="activity-delete-error"
      action={remove}
      onConfirm={() => remove.mutate()}
      onClose={onClose}
    >
      <Text fz="sm">{t.deleteBody(activity.title)}</Text>
    </ConfirmModal>
  );
}
