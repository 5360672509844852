import { Button, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { MembershipDto, PlanDetailDto } from '../../api/types.ts';
import { useAbilities } from '../../app/abilities.ts';
import { countryName, formatEur } from '../../app/format.ts';
import { AnchorLink, ButtonLink } from '../../app/links.tsx';
import { useMembership } from '../../app/session.ts';
import { ActivitiesTable } from '../../components/activities-table.tsx';
import { ConfirmModal } from '../../components/confirm-modal.tsx';
import { Crumbs, CurrentCrumb } from '../../components/crumbs.tsx';
import { PlusIcon } from '../../components/icons.tsx';
import { periodText } from '../../components/period-text.ts';
import { PageSkeleton } from '../../components/skeletons.tsx';
import { PlanStatusBadge } from '../../components/status-badges.tsx';
import { messages } from '../../messages/en.ts';
import { workspaceKeys } from '../../queries/keys.ts';
import { planContextOf } from './activity-form.ts';
import { type ActivityDrawerState, ActivityFormDrawer } from './activity-form-drawer.tsx';
import { LoadFailure, Section } from './parts.tsx';
import { PlanBudget } from './plan-budget.tsx';
import { CopyPlanModal } from './plan-copy-modal.tsx';
import { type PlanDrawerState, PlanFormDrawer } from './plan-form-drawer.tsx';
import { PlanInstruments } from './plan-instruments.tsx';
import { PlanKpiTargets } from './plan-kpi-targets.tsx';
import { planSearchOf, planTabOf } from './plan-tabs.ts';
import { PlanTimeline } from './plan-timeline.tsx';
import { planningKeys, planQuery } from './queries.ts';

const t = messages.plan;
const p = messages.planning;
const tabs = messages.forms.planTabs;
const route = getRouteApi('/w/$workspace/plans/$planId');

/**
 * `/w/$workspace/plans/$planId`: a plan's budget, then its timeline and activities, its instruments
 * or its KPI targets on tabs (`?tab=`).
 */
export function PlanPage() {
  const { workspace, planId } = route.useParams();
  const { membership: contextMembership } = route.useRouteContext();
  const membership = useMembership(workspace) ?? contextMembership;
  const plan = useQuery(planQuery(workspace, planId));
  useDocumentTitle(messages.app.documentTitle(plan.data?.name ?? t.loading));

  const crumbs = (
    <Crumbs>
      <AnchorLink to="/w/$workspace/markets" params={{ workspace }} fz="sm">
        {messages.market.backToMarkets}
      </AnchorLink>
      {plan.data && (
        <AnchorLink
          to="/w/$workspace/markets/$marketId"
          params={{ workspace, marketId: plan.data.marketId }}
          fz="sm"
        >
          {plan.data.marketName}
        </AnchorLink>
      )}
      <CurrentCrumb>{plan.data?.name ?? '…'}</CurrentCrumb>
    </Crumbs>
  );

  if (plan.isPending) return <PageSkeleton label={t.loading} />;
  if (plan.isError) {
    return (
      <LoadFailure
        query={plan}
        crumbs={crumbs}
        notFoundTitle={t.notFoundTitle}
        notFoundBody={t.notFoundBody}
        loadError={t.loadError}
        testId="plan-not-found"
        back={
          <ButtonLink to="/w/$workspace/markets" params={{ workspace }} variant="light" w="fit-content">
            {messages.market.backToMarkets}
          </ButtonLink>
        }
      />
    );
  }
  return <PlanView workspace={workspace} membership={membership} plan={plan.data} crumbs={crumbs} />;
}

function PlanView({
  workspace,
  membership,
  plan,
  crumbs,
}: {
  workspace: string;
  membership: MembershipDto;
  plan: PlanDetailDto;
  crumbs: ReactNode;
}) {
  const abilities = useAbilities(workspace);
  // A plan's scope is its market's owner cluster.
  const mayEdit = abilities.can('plan.update', { clusterId: plan.market.ownerClusterId });
  const mayCopy = abilities.canSomewhere('plan.create');
  const mayAddActivity = abilities.canSomewhere('activity.create');
  const money = abilities.canSomewhere('budget.read');
  const [editing, setEditing] = useState<PlanDrawerState>({ mode: 'closed' });
  const [activity, setActivity] = useState<ActivityDrawerState>({ mode: 'closed' });
  const [copying, setCopying] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const search = route.useSearch();
  const tab = planTabOf(search);
  const navigate = route.useNavigate();
  // "Plan this instrument" (the catalogue): the form opens once with the address's instrument.
  const planning = search.new !== undefined && mayAddActivity;
  const closeActivity = () => {
    setActivity({ mode: 'closed' });
    if (search.new !== undefined) void navigate({ search: planSearchOf(tab), replace: true });
  };

  return (
    <Stack gap="lg" maw={1200} mx="auto">
      {crumbs}
      <Group justify="space-between" align="flex-start" gap="md">
        <Stack gap={6}>
          <Title order={1}>{plan.name}</Title>
          <Group gap={8}>
            <PlanStatusBadge status={plan.status} />
            <Text fz="sm">
              {t.market}:{' '}
              <AnchorLink
                to="/w/$workspace/markets/$marketId"
                params={{ workspace, marketId: plan.marketId }}
                fz="sm"
              >
                {plan.marketName}
              </AnchorLink>{' '}
              ({countryName(plan.marketCountry)})
            </Text>
          </Group>
          <Text fz="sm" c="dimmed" data-testid="plan-period">
            {t.period}: {periodText(plan.startsOn, plan.endsOn)}
            {money && ` · ${t.cap}: ${plan.budgetCapEur === null ? p.noCap : formatEur(plan.budgetCapEur)}`}
          </Text>
        </Stack>
        <Group gap="sm">
          {mayEdit && <Button onClick={() => setEditing({ mode: 'edit', plan })}>{p.edit}</Button>}
          {mayCopy && (
            <Button variant="default" onClick={() => setCopying(true)}>
              {t.copy}
            </Button>
          )}
          {mayEdit && (
            <Button variant="outline" color="red.9" onClick={() => setDeleting(true)}>
              {p.delete}
            </Button>
          )}
        </Group>
      </Group>

      {plan.budget && <PlanBudget budget={plan.budget} />}

      {/* The timeline first; the instruments and the KPI targets (nine tables for a full plan) on
          their own tabs, kept in the address. Hidden panels are not rendered. */}
      <Tabs
        value={tab}
        onChange={(next) => void navigate({ search: planSearchOf(next) })}
        keepMounted={false}
        variant="outline"
      >
        <Tabs.List aria-label={tabs.label}>
          <Tabs.Tab value="timeline">{tabs.timeline}</Tabs.Tab>
          <Tabs.Tab value="instruments">{tabs.instruments(plan.instruments.length)}</Tabs.Tab>
          <Tabs.Tab value="kpis">{tabs.kpis}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="timeline" pt="md">
          <Stack gap="lg">
            <PlanTimeline plan={plan} />
            <Section
              title={t.activities}
              testId="plan-activities"
              action={
                mayAddActivity ? (
                  <Button
                    variant="light"
                    leftSection={<PlusIcon />}
                    onClick={() => setActivity({ mode: 'create', plan: planContextOf(plan) })}
                  >
                    {t.addActivity}
                  </Button>
                ) : null
              }
            >
              {plan.activities.length === 0 ? (
                <Text fz="sm" c="dimmed">
                  {t.noActivities}
                </Text>
              ) : (
                <ActivitiesTable
                  workspace={workspace}
                  activities={plan.activities}
                  caption={t.activitiesCaption(plan.name)}
                  money={money}
                />
              )}
            </Section>
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="instruments" pt="md">
          <PlanInstruments plan={plan} />
        </Tabs.Panel>
        <Tabs.Panel value="kpis" pt="md">
          <PlanKpiTargets workspace={workspace} plan={plan} />
        </Tabs.Panel>
      </Tabs>

      <PlanFormDrawer workspace={workspace} state={editing} onClose={() => setEditing({ mode: 'closed' })} />
      <ActivityFormDrawer
        workspace={workspace}
        membership={membership}
        state={
          planning && activity.mode === 'closed'
            ? { mode: 'create', plan: planContextOf(plan), instrumentKey: search.new }
            : activity
        }
        onClose={closeActivity}
      />
      <CopyPlanModal workspace={workspace} plan={plan} opened={copying} onClose={() => setCopying(false)} />
      <DeletePlanModal
        workspace={workspace}
        plan={plan}
        opened={deleting}
        onClose={() => setDeleting(false)}
      />
    </Stack>
  );
}

function DeletePlanModal({
  workspace,
  plan,
  opened,
  onClose,
}: {
  workspace: string;
  plan: PlanDetailDto;
  opened: boolean;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const remove = useMutation({
    mutationFn: () =>
      unwrap(
        api.DELETE('/api/v1/workspaces/{workspace}/plans/{id}', {
          params: { path: { workspace, id: plan.id }, query: { version: plan.version } },
        }),
      ),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: planningKeys.plan(workspace, plan.id) });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: planningKeys.all(workspace) }),
        queryClient.invalidateQueries({ queryKey: workspaceKeys.audit(workspace) }),
      ]);
      await navigate({
        to: '/w/$workspace/markets/$marketId',
        params: { workspace, marketId: plan.marketId },
      });
    },
  });
  return (
    <ConfirmModal
      opened={opened}
      title={t.deleteTitle(plan.name)}
      confirmLabel={t.deleteConfirm}
      failedTitle={t.deleteFailed}
      errorTestId="plan-delete-error"
      action={remove}
      onConfirm={() => remove.mutate()}
      onClose={onClose}
    >
      <Text fz="sm">{t.deleteBody(plan.name)}</Text>
    </ConfirmModal>
  );
}
