import {
  Alert,
  Badge,
  Button,
  Group,
  MultiSelect,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { ErrorState } from '../../app/error-state.tsx';
import { FailureAlert } from '../../components/alerts.tsx';
import { ConfirmModal } from '../../components/confirm-modal.tsx';
import { messages } from '../../messages/en.ts';
import { allClustersQuery } from '../../queries/clusters.ts';
import { workspaceKeys } from '../../queries/keys.ts';
import { type EventDetailDto, eventQuery } from './queries.ts';
import { STATUS_COLORS } from './setup-colors.ts';
import { SetupSessions } from './setup-sessions.tsx';
import { SetupSettings } from './setup-settings.tsx';
import { SetupTables } from './setup-tables.tsx';
import type { EventTabProps } from './viewer.ts';

const t = messages.events.setup;
type Status = 'draft' | 'open' | 'closed';

/**
 * The organisers' set-up tab: the status, the settings, the sessions with their breaks and slots,
 * the tables with their reservations, the co-organisers, and deleting the event.
 */
export function SetupTab({ viewer }: EventTabProps) {
  if (viewer.kind !== 'organiser') return <Text c="dimmed">{t.readOnly}</Text>;
  return <OrganiserSetup workspace={viewer.workspace} eventId={viewer.eventId} />;
}

function OrganiserSetup({ workspace, eventId }: { workspace: string; eventId: string }) {
  const event = useQuery(eventQuery(workspace, eventId));
  if (event.isPending) return <Skeleton h={300} />;
  if (event.isError) {
    return (
      <ErrorState
        title={messages.events.page.loadError}
        error={event.error}
        onRetry={() => void event.refetch()}
        retrying={event.isFetching}
      />
    );
  }
  return (
    <Stack gap="lg" data-testid="event-setup">
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <SetupStatus workspace={workspace} event={event.data} />
        <SetupCoOrganisers
          key={event.data.coOrganisers.map((c) => c.clusterId).join()}
          workspace={workspace}
          event={event.data}
        />
      </SimpleGrid>
      <SetupSettings workspace={workspace} event={event.data} />
      <SetupSessions workspace={workspace} event={event.data} />
      <SetupTables workspace={workspace} event={event.data} />
      <SetupDelete workspace={workspace} event={event.data} />
    </Stack>
  );
}

function SetupStatus({ workspace, event }: { workspace: string; event: EventDetailDto }) {
  const queryClient = useQueryClient();
  const move = useMutation({
    mutationFn: (status: Status) =>
      unwrap(
        api.POST('/api/v1/workspaces/{workspace}/events/{eventId}/status', {
          params: { path: { workspace, eventId: event.id } },
          body: { status, version: event.version },
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: workspaceKeys.all(workspace) }),
  });
  const targets = (['draft', 'open', 'closed'] as const).filter((s) => s !== event.status);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="event-status-title">
      <Stack gap="sm">
        <Group gap="sm">
          <Title order={2} fz="lg" id="event-status-title">
            {t.statusTitle}
          </Title>
          <Badge color={STATUS_COLORS[event.status] ?? 'gray'} variant="light" c="var(--mantine-color-text)">
            {messages.events.status[event.status]}
          </Badge>
        </Group>
        <Text fz="sm">{t.statusIntro[event.status]}</Text>
        <Group gap="sm">
          {targets.map((status) => (
            <Button
              key={status}
              variant={status === 'open' ? 'filled' : 'light'}
              loading={move.isPending && move.variables === status}
              onClick={() => move.mutate(status)}
              data-testid={`event-status-${status}`}
            >
              {t.moveTo[status]}
            </Button>
          ))}
        </Group>
        {move.isError && (
          <FailureAlert title={t.statusFailed} error={move.error} testId="event-status-error" />
        )}
      </Stack>
    </Paper>
  );
}

function SetupCoOrganisers({ workspace, event }: { workspace: string; event: EventDetailDto }) {
  const queryClient = useQueryClient();
  const clusters = useQuery(allClustersQuery(workspace));
  const [selected, setSelected] = useState<string[]>(event.coOrganisers.map((c) => c.clusterId));
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/api/v1/workspaces/{workspace}/events/{eventId}/co-organisers', {
          params: { path: { workspace, eventId: event.id } },
          body: { clusterIds: selected },
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: workspaceKeys.all(workspace) }),
  });
  const options = (clusters.data?.items ?? [])
    .filter((c) => c.id !== event.activity.clusterId)
    .map((c) => ({ value: c.id, label: `${c.shortName} · ${c.name}` }));
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="event-co-title">
      <Stack gap="sm">
        <Title order={2} fz="lg" id="event-co-title">
          {t.coOrganisersTitle}
        </Title>
        <Text fz="sm" c="dimmed">
          {t.coOrganisersIntro}
        </Text>
        <MultiSelect
          label={t.coOrganisers}
          data={options}
          value={selected}
          onChange={setSelected}
          searchable
          comboboxProps={{ withinPortal: true }}
        />
        <Button w="fit-content" variant="light" onClick={() => save.mutate()} loading={save.isPending}>
          {t.saveCoOrganisers}
        </Button>
        {save.isError && (
          <FailureAlert title={t.coOrganisersFailed} error={save.error} testId="event-co-error" />
        )}
        {save.isSuccess && (
          <Alert color="teal" variant="light" role="status">
            {t.coOrganisersSaved}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

function SetupDelete({ workspace, event }: { workspace: string; event: EventDetailDto }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: () =>
      unwrap(
        api.DELETE('/api/v1/workspaces/{workspace}/events/{eventId}', {
          params: { path: { workspace, eventId: event.id }, query: { version: event.version } },
        }),
      ),
    onSuccess: async () => {
      setConfirming(false);
      await navigate({ to: '/w/$workspace/events', params: { workspace } });
      void queryClient.invalidateQueries({ queryKey: workspaceKeys.all(workspace) });
    },
  });
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="event-delete-title">
      <Stack gap="sm">
        <Title order={2} fz="lg" id="event-delete-title">
          {t.deleteTitle}
        </Title>
        <Text fz="sm">{t.deleteIntro}</Text>
        <Button variant="default" w="fit-content" onClick={() => setConfirming(true)}>
          {t.delete}
        </Button>
      </Stack>
      <ConfirmModal
        opened={confirming}
        title={t.deleteTitle}
        confirmLabel={t.delete}
        failedTitle={t.deleteFailed}
        errorTestId="event-delete-error"
        action={remove}
        onConfirm={() => remove.mutate()}
        onClose={() => setConfirming(false)}
      >
        <Text>{t.deleteConfirm(event.activity.title)}</Text>
      </ConfirmModal>
    </Paper>
  );
}
