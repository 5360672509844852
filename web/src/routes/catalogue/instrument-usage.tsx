import {
  Anchor,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  Skeleton,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { InstrumentDto, MeDto } from '../../api/types.ts';
import { useAbilities } from '../../app/abilities.ts';
import { ErrorState } from '../../app/error-state.tsx';
import { AnchorLink } from '../../app/links.tsx';
import { useMe } from '../../app/session.ts';
import { periodText } from '../../components/period-text.ts';
import { ActivityStatusBadge, PlanStatusBadge } from '../../components/status-badges.tsx';
import { messages } from '../../messages/en.ts';
import { workspaceKeys } from '../../queries/keys.ts';

const t = messages.instrumentUsage;
/** Plans listed on the page; past that, "and N more". */
const PLANS_SHOWN = 10;
const ACTIVITIES_SHOWN = 5;
/** The plans the "Plan this instrument" dialog offers (a workspace has tens, not hundreds). */
const PLANS_OFFERED = 200;

const usageKeys = {
  plans: (workspace: string, key: string, limit: number) =>
    [...workspaceKeys.planning(workspace), 'instrument-usage', key, 'plans', limit] as const,
  activities: (workspace: string, key: string) =>
    [...workspaceKeys.planning(workspace), 'instrument-usage', key, 'activities'] as const,
  allPlans: (workspace: string) => [...workspaceKeys.planning(workspace), 'plan-choices'] as const,
};

function plansUsingQuery(workspace: string, instrumentKey: string, limit: number) {
  return {
    queryKey: usageKeys.plans(workspace, instrumentKey, limit),
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/plans', {
          params: { path: { workspace }, query: { instrumentKey, limit } },
          signal,
        }),
      ),
  };
}

/**
 * The instrument page's part for a signed-in user: where the instrument is used in one of their
 * workspaces (its plans and activities, with counts and links) and, for roles that may plan,
 * "Plan this instrument".
 */
export function InstrumentUsage({ instrument }: { instrument: InstrumentDto }) {
  const me = useMe();
  const workspaces = me.data?.workspaces ?? [];
  if (workspaces.length === 0) return null;
  return <Usage instrument={instrument} me={me.data as MeDto} />;
}

function Usage({ instrument, me }: { instrument: InstrumentDto; me: MeDto }) {
  const [chosen, setChosen] = useState(me.workspaces[0]?.slug ?? '');
  const membership = me.workspaces.find((w) => w.slug === chosen) ?? me.workspaces[0];
  const workspace = membership?.slug ?? '';
  const abilities = useAbilities(workspace);
  const mayPlan = abilities.canSomewhere('activity.create');
  const [planning, setPlanning] = useState(false);
  const plans = useQuery(plansUsingQuery(workspace, instrument.key, PLANS_SHOWN));
  const activities = useQuery({
    queryKey: usageKeys.activities(workspace, instrument.key),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/activities', {
          params: {
            path: { workspace },
            query: { instrumentKey: instrument.key, sort: '-startsOn', limit: ACTIVITIES_SHOWN },
          },
          signal,
        }),
      ),
  });

  return (
    <Paper
      component="section"
      withBorder
      radius="md"
      p={{ base: 'md', sm: 'lg' }}
      aria-labelledby="instrument-usage-title"
      data-testid="instrument-usage"
    >
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={4} miw={0}>
            <Title order={2} id="instrument-usage-title">
              {t.sectionTitle}
            </Title>
            <Text fz="sm" c="dimmed">
              {t.intro}
            </Text>
          </Stack>
          {mayPlan && (
            <Button onClick={() => setPlanning(true)} data-testid="plan-this-instrument">
              {t.plan}
            </Button>
          )}
        </Group>
        {me.workspaces.length > 1 ? (
          <Select
            label={t.workspace}
            data={me.workspaces.map((w) => ({ value: w.slug, label: w.name }))}
            value={workspace}
            allowDeselect={false}
            onChange={(slug) => slug && setChosen(slug)}
            maw={360}
            comboboxProps={{ withinPortal: true }}
          />
        ) : (
          <Text fz="sm" fw={600}>
            {t.title(membership?.name ?? '')}
          </Text>
        )}

        {plans.isError || activities.isError ? (
          <ErrorState
            title={t.loadError}
            error={plans.error ?? activities.error}
            onRetry={() => {
              void plans.refetch();
              void activities.refetch();
            }}
            retrying={plans.isFetching || activities.isFetching}
          />
        ) : plans.isPending || activities.isPending ? (
          <Stack gap="xs" aria-busy="true">
            <VisuallyHidden role="status">{messages.instrument.loading}</VisuallyHidden>
            <Skeleton h={24} w="40%" />
            <Skeleton h={60} />
          </Stack>
        ) : (
          <Stack gap="lg">
            <Stack gap="xs">
              <Title order={3} fz="md" data-testid="instrument-plans-count">
                {t.plans(plans.data.total)}
              </Title>
              {plans.data.items.length === 0 ? (
                <Text fz="sm" c="dimmed">
                  {t.noPlans}
                </Text>
              ) : (
                <Stack
                  component="ul"
                  gap={6}
                  m={0}
                  p={0}
                  style={{ listStyle: 'none' }}
                  aria-label={t.plansCaption(instrument.name)}
                >
                  {plans.data.items.map((plan) => (
                    <Group component="li" key={plan.id} gap={8} wrap="wrap" data-testid="instrument-plan">
                      <AnchorLink
                        to="/w/$workspace/plans/$planId"
                        params={{ workspace, planId: plan.id }}
                        fz="sm"
                        fw={600}
                        style={{ overflowWrap: 'anywhere' }}
                      >
                        {plan.name}
                      </AnchorLink>
                      <Text fz="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                        {`${plan.marketName} · ${periodText(plan.startsOn, plan.endsOn)}`}
                      </Text>
                      <PlanStatusBadge status={plan.status} />
                    </Group>
                  ))}
                  {plans.data.total > plans.data.items.length && (
                    <Text component="li" fz="sm" c="dimmed">
                      {t.morePlans(plans.data.total - plans.data.items.length)}
                    </Text>
                  )}
                </Stack>
              )}
            </Stack>

            <Stack gap="xs">
              <Title order={3} fz="md" data-testid="instrument-activities-count">
                {t.activities(activities.data.total)}
              </Title>
              {activities.data.items.length === 0 ? (
                <Text fz="sm" c="dimmed">
                  {t.noActivities}
                </Text>
              ) : (
                <>
                  <Text fz="sm" c="dimmed">
                    {t.latestActivities}
                  </Text>
                  <Stack component="ul" gap={6} m={0} p={0} style={{ listStyle: 'none' }}>
                    {activities.data.items.map((activity) => (
                      <Group
                        component="li"
                        key={activity.id}
                        gap={8}
                        wrap="wrap"
                        data-testid="instrument-activity"
                      >
                        <AnchorLink
                          to="/w/$workspace/activities/$activityId"
                          params={{ workspace, activityId: activity.id }}
                          fz="sm"
                          style={{ overflowWrap: 'anywhere' }}
                        >
                          {activity.title}
                        </AnchorLink>
                        <Text fz="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                          {[periodText(activity.startsOn, activity.endsOn), activity.planName]
                            .filter(Boolean)
                            .join(' · ')}
                        </Text>
                        <ActivityStatusBadge status={activity.status} />
                      </Group>
                    ))}
                  </Stack>
                  <AnchorLink
                    to="/w/$workspace/activities"
                    params={{ workspace }}
                    search={{ instrument: instrument.key }}
                    fz="sm"
                    data-testid="instrument-all-activities"
                  >
                    {t.allActivities(activities.data.total)}
                  </AnchorLink>
                </>
              )}
            </Stack>
          </Stack>
        )}
      </Stack>
      {mayPlan && (
        <PlanInstrumentModal
          workspace={workspace}
          instrument={instrument}
          usedBy={plans.data?.items.map((plan) => plan.id) ?? []}
          opened={planning}
          onClose={() => setPlanning(false)}
        />
      )}
    </Paper>
  );
}

const STANDALONE = 'standalone';

/** Picks the plan of a new activity of the instrument (or none), then opens the form prefilled. */
function PlanInstrumentModal({
  workspace,
  instrument,
  usedBy,
  opened,
  onClose,
}: {
  workspace: string;
  instrument: InstrumentDto;
  /** Plans already using the instrument: offered first. */
  usedBy: string[];
  opened: boolean;
  onClose: () => void;
}) {
  const navigate = useNavigate();
  const [choice, setChoice] = useState<string | null>(null);
  const plans = useQuery({
    queryKey: usageKeys.allPlans(workspace),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/plans', {
          params: { path: { workspace }, query: { limit: PLANS_OFFERED } },
          signal,
        }),
      ),
    enabled: opened,
  });
  const used = new Set(usedBy);
  const option = (plan: { id: string; name: string; marketName: string }) => ({
    value: plan.id,
    label: `${plan.name} (${plan.marketName})`,
  });
  const items = plans.data?.items ?? [];
  const data = [
    { group: t.plansUsing, items: items.filter((plan) => used.has(plan.id)).map(option) },
    { group: t.otherPlans, items: items.filter((plan) => !used.has(plan.id)).map(option) },
    { group: t.standalone, items: [{ value: STANDALONE, label: t.standalone }] },
  ].filter((group) => group.items.length > 0);

  const open = () => {
    if (!choice) return;
    onClose();
    if (choice === STANDALONE) {
      void navigate({
        to: '/w/$workspace/activities',
        params: { workspace },
        search: { new: instrument.key },
      });
    } else {
      void navigate({
        to: '/w/$workspace/plans/$planId',
        params: { workspace, planId: choice },
        search: { new: instrument.key },
      });
    }
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t.planTitle(instrument.name)}
      size="lg"
      closeButtonProps={{ 'aria-label': messages.common.close }}
    >
      <Stack gap="md">
        <Text fz="sm">{t.planIntro}</Text>
        {plans.isError ? (
          <ErrorState
            title={t.plansLoadError}
            error={plans.error}
            onRetry={() => void plans.refetch()}
            retrying={plans.isFetching}
          />
        ) : (
          <Select
            label={t.planField}
            placeholder={t.planPlaceholder}
            data={data}
            value={choice}
            onChange={setChoice}
            searchable
            disabled={plans.isPending}
            comboboxProps={{ withinPortal: true }}
            data-testid="plan-choice"
          />
        )}
        <Text fz="sm" c="dimmed">
          {t.newPlanHint}{' '}
          <Anchor
            fz="sm"
            underline="always"
            href={`/w/${encodeURIComponent(workspace)}/markets`}
            onClick={(event) => {
              event.preventDefault();
              onClose();
              void navigate({ to: '/w/$workspace/markets', params: { workspace } });
            }}
          >
            {t.markets}
          </Anchor>
        </Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t.cancel}
          </Button>
          <Button onClick={open} disabled={!choice}>
            {t.openForm}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
