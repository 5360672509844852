import { ActionIcon, Badge, Button, Group, Paper, Skeleton, Stack, Text, ThemeIcon } from '@mantine/core';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { InteractionDto, InteractionKind } from '../../api/types.ts';
import { useAbilities } from '../../app/abilities.ts';
import { formatDate } from '../../app/format.ts';
import { AnchorLink } from '../../app/links.tsx';
import { useMe } from '../../app/session.ts';
import { FailureAlert } from '../../components/alerts.tsx';
import { ConfirmModal } from '../../components/confirm-modal.tsx';
import { messages } from '../../messages/en.ts';
import { BinIcon } from '../planning/icons.tsx';
import { type InteractionFilter, interactionListQuery, interactionWriteKeys } from './queries.ts';

const t = messages.interactions;

/**
 * The interactions of one organisation, one person or one activity (or any list filter), newest
 * first: the kind's icon and label, the day, who of ours met whom of theirs, where, the notes and
 * the next step with its due day and a "done" button; "load more" page by page; an empty state.
 * One request per page: the API answers every name.
 *
 * @example
 * <InteractionTimeline workspace={w} filter={{ networkOrganisationId: id }} />
 */
export function InteractionTimeline({
  workspace,
  filter,
  hide,
}: {
  workspace: string;
  filter: InteractionFilter;
  /** What the page already says (the organisation on its own page, the activity on its page). */
  hide?: { organisation?: boolean; activity?: boolean };
}) {
  const list = useInfiniteQuery(interactionListQuery(workspace, filter));
  const [deleting, setDeleting] = useState<InteractionDto | null>(null);
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all(
      interactionWriteKeys(workspace).map((queryKey) => queryClient.invalidateQueries({ queryKey })),
    );
  const remove = useMutation({
    mutationFn: (interaction: InteractionDto) =>
      unwrap(
        api.DELETE('/api/v1/workspaces/{workspace}/network/interactions/{id}', {
          params: { path: { workspace, id: interaction.id }, query: { version: interaction.version } },
        }),
      ),
    onSuccess: async () => {
      setDeleting(null);
      await refresh();
    },
  });

  if (list.isPending) {
    return (
      <Stack
        gap="sm"
        aria-busy="true"
        aria-label={t.timeline.loading}
        data-testid="interaction-timeline-loading"
      >
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} height={64} radius="md" />
        ))}
      </Stack>
    );
  }
  if (list.isError) {
    return (
      <FailureAlert testId="interaction-timeline-error" title={t.timeline.loadError} error={list.error} />
    );
  }
  const items = list.data.pages.flatMap((page) => page.items);
  const total = list.data.pages[0]?.total ?? 0;
  if (items.length === 0) {
    return (
      <Text c="dimmed" fz="sm" data-testid="interaction-timeline-empty">
        {t.timeline.empty}
      </Text>
    );
  }
  return (
    <Stack gap="sm" data-testid="interaction-timeline">
      <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {items.map((interaction) => (
          <li key={interaction.id}>
            <InteractionItem
              workspace={workspace}
              interaction={interaction}
              hide={hide ?? {}}
              onDelete={() => setDeleting(interaction)}
              onChanged={refresh}
            />
          </li>
        ))}
      </Stack>
      <Group justify="space-between" gap="sm">
        <Text fz="sm" c="dimmed">
          {t.timeline.shown(items.length, total)}
        </Text>
        {list.hasNextPage && (
          <Button variant="light" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t.timeline.loadMore}
          </Button>
        )}
      </Group>
      <ConfirmModal
        opened={deleting !== null}
        title={t.timeline.deleteTitle}
        confirmLabel={t.timeline.delete}
        failedTitle={t.timeline.deleteFailed}
        errorTestId="interaction-delete-error"
        action={remove}
        onConfirm={() => deleting && remove.mutate(deleting)}
        onClose={() => setDeleting(null)}
      >
        <Text fz="sm">{t.timeline.deleteBody}</Text>
      </ConfirmModal>
    </Stack>
  );
}

function InteractionItem({
  workspace,
  interaction: i,
  hide,
  onDelete,
  onChanged,
}: {
  workspace: string;
  interaction: InteractionDto;
  hide: { organisation?: boolean; activity?: boolean };
  onDelete: () => void;
  onChanged: () => Promise<unknown>;
}) {
  const abilities = useAbilities(workspace);
  const me = useMe();
  const scope = { clusterId: i.clusterId };
  const mayEdit = abilities.can('network.update', scope);
  const mayDelete = abilities.can('network.delete', scope);
  const ownsStep = me.data?.user.id !== undefined && me.data.user.id === i.nextStepOwnerUserId;
  const done = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/workspaces/{workspace}/network/interactions/{id}/next-step/done', {
          params: { path: { workspace, id: i.id } },
        }),
      ),
    onSuccess: onChanged,
  });
  const them = [hide.organisation ? null : i.networkOrganisationName, i.networkPersonName]
    .filter(Boolean)
    .join(', ');
  const ours = [i.staffName, i.memberPersonName, i.memberOrganisationName].filter(Boolean).join(', ');
  const showActivity = !hide.activity && i.activityId !== null && i.activityTitle !== null;

  return (
    <Paper withBorder radius="md" p="sm" data-testid="interaction-item">
      <Group align="flex-start" gap="sm" wrap="nowrap">
        <ThemeIcon variant="light" radius="xl" size="lg" aria-hidden="true">
          <KindIcon kind={i.kind} />
        </ThemeIcon>
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
            <Text fw={600} fz="sm" style={{ overflowWrap: 'anywhere' }}>
              {t.kind[i.kind]}
              {them ? ` · ${t.timeline.with(them)}` : ''}
            </Text>
            <Group gap={4} wrap="nowrap">
              <Text fz="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                <time dateTime={i.occurredOn}>{formatDate(i.occurredOn)}</time>
              </Text>
              {mayDelete && (
                <ActionIcon
                  variant="subtle"
                  color="red.9"
                  aria-label={t.timeline.deleteOf(i.networkOrganisationName, formatDate(i.occurredOn))}
                  onClick={onDelete}
                >
                  <BinIcon />
                </ActionIcon>
              )}
            </Group>
          </Group>
          {(ours || showActivity) && (
            <Text fz="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {ours ? t.timeline.by(ours) : null}
              {showActivity && i.activityId && (
                <>
                  {ours ? ' · ' : ''}
                  <AnchorLink
                    to="/w/$workspace/activities/$activityId"
                    params={{ workspace, activityId: i.activityId }}
                    fz="sm"
                  >
                    {t.timeline.at(i.activityTitle ?? '')}
                  </AnchorLink>
                </>
              )}
            </Text>
          )}
          {i.notes && (
            <Text fz="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {i.notes}
            </Text>
          )}
          {i.nextStep && (
            <Group gap="xs" wrap="wrap" data-testid="interaction-next-step">
              <Badge
                variant="light"
                color={i.nextStepDoneAt ? 'gray' : 'blue'}
                tt="none"
                c="var(--mantine-color-text)"
              >
                {t.timeline.nextStep}
              </Badge>
              <Text
                fz="sm"
                td={i.nextStepDoneAt ? 'line-through' : undefined}
                style={{ overflowWrap: 'anywhere' }}
              >
                {i.nextStep}
              </Text>
              <Text fz="sm" c="dimmed">
                {[
                  i.nextStepDueOn ? t.timeline.due(formatDate(i.nextStepDueOn)) : null,
                  i.nextStepOwnerName ? t.timeline.owner(i.nextStepOwnerName) : null,
                  i.nextStepDoneAt ? t.timeline.doneOn(formatDate(i.nextStepDoneAt.slice(0, 10))) : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
              {!i.nextStepDoneAt && (mayEdit || ownsStep) && (
                <Button
                  size="compact-sm"
                  variant="light"
                  aria-label={t.timeline.markDoneOf(i.nextStep)}
                  onClick={() => done.mutate()}
                  loading={done.isPending}
                >
                  {t.timeline.markDone}
                </Button>
              )}
            </Group>
          )}
          {done.isError && (
            <FailureAlert testId="interaction-done-error" title={t.timeline.doneFailed} error={done.error} />
          )}
        </Stack>
      </Group>
    </Paper>
  );
}

const stroke = {
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 2,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
} as const;

/** A small line icon per kind (decorative: the label says the kind). */
export function KindIcon({ kind }: { kind: InteractionKind }) {
  const paths: Record<InteractionKind, string> = {
    meeting:
      'M8 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM16 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM2 20c0-3 3-5 6-5s6 2 6 5M12 20c0-3 2-5 4-5s6 2 6 5',
    call: 'M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2z',
    email: 'M3 6h18v12H3zM3 6l9 7 9-7',
    visit: 'M3 21h18M5 21V9l7-5 7 5v12M10 21v-6h4v6',
    event_encounter: 'M4 4h16v12H4zM12 16v5M8 21h8M8 9h8',
    introduction: 'M4 12h10M10 6l6 6-6 6M20 5v14',
  };
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false" {...stroke}>
      <path d={paths[kind]} />
    </svg>
  );
}
