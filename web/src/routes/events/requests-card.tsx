import { Badge, Button, Group, Modal, Paper, Select, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { isApiError } from '../../api/client.ts';
import { formatDate } from '../../app/format.ts';
import { FailureAlert } from '../../components/alerts.tsx';
import { messages } from '../../messages/en.ts';
import { type MeetingRequest, marketplaceApi, marketplaceKeys } from './marketplace-api.ts';
import type { EventViewer } from './viewer.ts';

const t = messages.eventMarketplace;
const r = t.requests;
const portal = { comboboxProps: { withinPortal: true } };

const STATUS_COLOURS: Record<string, string> = {
  pending: 'yellow.9',
  accepted: 'teal.9',
  declined: 'red.9',
  expired: 'gray.8',
  cancelled: 'gray.8',
};

/**
 * One meeting request: who asked whom, its type, status, message and expiry, and what the viewer
 * may do (accept, decline with a reason, cancel; an organiser also changes its priority).
 */
export function RequestCard({ viewer, request }: { viewer: EventViewer; request: MeetingRequest }) {
  const market = marketplaceApi(viewer);
  const client = useQueryClient();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const refresh = () => client.invalidateQueries({ queryKey: marketplaceKeys.all(viewer) });
  const action = useMutation({
    mutationFn: (kind: 'accept' | 'cancel' | 'decline') =>
      kind === 'accept'
        ? market.accept(request.id, request.version)
        : kind === 'cancel'
          ? market.cancel(request.id, request.version)
          : market.decline(request.id, request.version, reason.trim() || undefined),
    onSuccess: async () => {
      setDeclining(false);
      await refresh();
    },
    onError: async (error) => {
      if (isApiError(error) && error.status === 409) await refresh();
    },
  });
  const priority = useMutation({
    mutationFn: (value: 1 | 2 | 3) => market.priority(request.id, request.version, value),
    onSuccess: refresh,
    onError: refresh,
  });
  return (
    <Paper withBorder radius="md" p="md" data-testid="meeting-request">
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {request.from.name} → {request.to.name}
          </Text>
          <Badge
            c="var(--mantine-color-text)"
            color={STATUS_COLOURS[request.status] ?? 'gray.8'}
            variant="light"
          >
            {t.status[request.status] ?? request.status}
          </Badge>
        </Group>
        <Text fz="sm" c="dimmed">
          {[
            t.meetingType[request.meetingType] ?? request.meetingType,
            `${t.form.priority}: ${t.priority[String(request.priority)] ?? request.priority}`,
            viewer.kind === 'organiser' ? t.origin[request.origin] : null,
            request.expiresAt && request.status === 'pending'
              ? r.expires(formatDate(request.expiresAt))
              : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        {request.message ? (
          <Text fz="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {request.message}
          </Text>
        ) : null}
        {request.declineReason ? (
          <Text fz="sm" style={{ overflowWrap: 'anywhere' }}>
            {r.declineReason}: {request.declineReason}
          </Text>
        ) : null}
        {action.isError ? (
          <FailureAlert title={r.actionFailed} error={action.error} testId="request-action-error" />
        ) : null}
        <Group gap="xs" wrap="wrap">
          {request.canAccept ? (
            <Button
              size="xs"
              color="teal.9"
              loading={action.isPending}
              onClick={() => action.mutate('accept')}
            >
              {r.accept}
            </Button>
          ) : null}
          {request.canDecline ? (
            <Button size="xs" variant="default" onClick={() => setDeclining(true)}>
              {r.decline}
            </Button>
          ) : null}
          {request.canCancel ? (
            <Button
              size="xs"
              variant="default"
              loading={action.isPending}
              onClick={() => action.mutate('cancel')}
            >
              {r.cancel}
            </Button>
          ) : null}
          {viewer.kind === 'organiser' ? (
            <Select
              size="xs"
              w={140}
              aria-label={t.organiser.priorityLabel(request.from.name)}
              value={String(request.priority)}
              onChange={(value) => value && priority.mutate(Number(value) as 1 | 2 | 3)}
              data={['1', '2', '3'].map((value) => ({ value, label: t.priority[value] ?? value }))}
              allowDeselect={false}
              disabled={priority.isPending}
              {...portal}
            />
          ) : null}
        </Group>
      </Stack>
      <Modal
        closeButtonProps={{ 'aria-label': messages.common.close }}
        opened={declining}
        onClose={() => setDeclining(false)}
        title={r.declineTitle}
        centered
      >
        <Stack gap="sm">
          <Textarea
            label={r.reasonLabel}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setDeclining(false)}>
              {messages.common.cancel}
            </Button>
            <Button color="red.9" loading={action.isPending} onClick={() => action.mutate('decline')}>
              {r.confirmDecline}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
