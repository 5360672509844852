import { Alert, Badge, Group, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { countryName } from '../../app/format.ts';
import { alertStyles, FailureAlert } from '../../components/alerts.tsx';
import { useFormState } from '../../components/use-form-state.ts';
import { messages } from '../../messages/en.ts';
import { FormButtons, FormDrawer } from '../planning/parts.tsx';
import {
  type CatalogueEntry,
  type MeetingTypeCode,
  marketplaceApi,
  marketplaceKeys,
} from './marketplace-api.ts';
import { segmentLabel } from './marketplace-words.ts';
import type { EventViewer } from './viewer.ts';

const t = messages.eventMarketplace;
const p = t.profile;
const f = t.form;
const MESSAGE_MAX = 2000;
const portal = { comboboxProps: { withinPortal: true } };

interface RequestForm {
  meetingType: string;
  message: string;
  priority: string;
}
const FIELDS = ['meetingType', 'message', 'priority'] as const;

/** A participant's public profile, and the form that asks it for a meeting. */
export function MarketplaceProfileDrawer({
  viewer,
  fromParticipantId,
  participant,
  onClose,
}: {
  viewer: EventViewer;
  fromParticipantId: string | null;
  participant: { id: string; name: string } | null;
  onClose: () => void;
}) {
  return (
    <FormDrawer opened={participant !== null} title={participant?.name ?? ''} onClose={onClose} size="lg">
      {participant ? (
        <ProfileContent
          viewer={viewer}
          fromParticipantId={fromParticipantId}
          participant={participant}
          onClose={onClose}
        />
      ) : null}
    </FormDrawer>
  );
}

function ProfileContent({
  viewer,
  fromParticipantId,
  participant,
  onClose,
}: {
  viewer: EventViewer;
  fromParticipantId: string | null;
  participant: { id: string; name: string };
  onClose: () => void;
}) {
  const market = marketplaceApi(viewer);
  // The catalogue searched by the name finds the entry whatever page it is on.
  const filters = { q: participant.name, limit: 100 };
  const query = useQuery({
    queryKey: marketplaceKeys.catalogue(viewer, filters),
    queryFn: ({ signal }) => market.catalogue(filters, signal),
    staleTime: 30_000,
  });
  const entry = query.data?.items.find((item) => item.id === participant.id);
  const isMe = participant.id === fromParticipantId;
  return (
    <Stack gap="md" data-testid="marketplace-profile">
      {entry ? <ProfileFacts entry={entry} /> : null}
      {isMe ? null : entry?.request && ['pending', 'accepted'].includes(entry.request.status) ? (
        <Alert color="teal" variant="light" styles={alertStyles('teal')}>
          {p.existing}: {t.status[entry.request.status]}
        </Alert>
      ) : (
        <RequestMeetingForm
          viewer={viewer}
          fromParticipantId={fromParticipantId}
          to={participant}
          meetingTypes={(entry?.meetingTypes ?? ['b2b']) as MeetingTypeCode[]}
          onDone={onClose}
        />
      )}
    </Stack>
  );
}

function ProfileFacts({ entry }: { entry: CatalogueEntry }) {
  const line = (label: string, value: string) => (
    <Stack gap={2}>
      <Text fz="sm" fw={600}>
        {label}
      </Text>
      <Text fz="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {value || p.none}
      </Text>
    </Stack>
  );
  return (
    <Stack gap="sm">
      <Text c="dimmed" fz="sm">
        {[entry.city, countryName(entry.country)].filter(Boolean).join(', ')}
      </Text>
      {line(p.description, entry.description)}
      {line(p.offers, entry.offers)}
      {line(p.lookingFor, entry.lookingFor)}
      {line(p.tags, entry.tags.join(', '))}
      {line(p.segments, entry.spaceSegments.map(segmentLabel).join(', '))}
      {line(p.markets, entry.targetMarkets.map(countryName).join(', '))}
      {line(p.meetingTypes, entry.meetingTypes.map((m) => t.meetingType[m] ?? m).join(', '))}
      <Stack gap={2}>
        <Text fz="sm" fw={600}>
          {p.representatives}
        </Text>
        <Group gap={4} wrap="wrap">
          {entry.representatives.map((r) => (
            <Badge
              key={`${r.name}-${r.roleTitle ?? ''}`}
              variant="light"
              c="var(--mantine-color-text)"
              color="gray.8"
              tt="none"
            >
              {r.roleTitle ? `${r.name} — ${r.roleTitle}` : r.name}
            </Badge>
          ))}
        </Group>
      </Stack>
    </Stack>
  );
}

function RequestMeetingForm({
  viewer,
  fromParticipantId,
  to,
  meetingTypes,
  onDone,
}: {
  viewer: EventViewer;
  fromParticipantId: string | null;
  to: { id: string; name: string };
  meetingTypes: MeetingTypeCode[];
  onDone: () => void;
}) {
  const market = marketplaceApi(viewer);
  const client = useQueryClient();
  const form = useFormState<RequestForm, (typeof FIELDS)[number]>(
    { meetingType: meetingTypes[0] ?? 'b2b', message: '', priority: '2' },
    FIELDS,
    'market-request',
  );
  const send = useMutation({
    mutationFn: () =>
      market.create({
        ...(fromParticipantId ? { fromParticipantId } : {}),
        toParticipantId: to.id,
        meetingType: form.values.meetingType as MeetingTypeCode,
        message: form.values.message.trim(),
        priority: Number(form.values.priority) as 1 | 2 | 3,
      }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: marketplaceKeys.all(viewer) });
      onDone();
    },
    onError: (error) => form.showServer(error),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const ok = form.check({
      ...(form.values.message.trim().length > MESSAGE_MAX ? { message: f.messageTooLong } : {}),
    });
    if (ok) send.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Title order={3} fz="md">
          {f.title(to.name)}
        </Title>
        <Select
          label={f.meetingType}
          value={form.values.meetingType}
          onChange={(value) => form.set('meetingType', value ?? 'b2b')}
          data={meetingTypes.map((m) => ({ value: m, label: t.meetingType[m] ?? m }))}
          allowDeselect={false}
          {...form.field('meetingType')}
          {...portal}
        />
        <Textarea
          label={f.message}
          description={f.messageHint}
          autosize
          minRows={3}
          value={form.values.message}
          onChange={(e) => form.set('message', e.currentTarget.value)}
          {...form.field('message')}
        />
        <Select
          label={f.priority}
          value={form.values.priority}
          onChange={(value) => form.set('priority', value ?? '2')}
          data={['1', '2', '3'].map((value) => ({ value, label: t.priority[value] ?? value }))}
          allowDeselect={false}
          {...form.field('priority')}
          {...portal}
        />
        {send.isError && !form.placed(send.error) ? (
          <FailureAlert title={f.failed} error={send.error} testId="market-request-error" />
        ) : null}
        <FormButtons onCancel={onDone} submitLabel={f.submit} pending={send.isPending} />
      </Stack>
    </form>
  );
}
