import {
  Badge,
  Button,
  Checkbox,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { FailureAlert } from '../../components/alerts.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { PlusIcon } from '../../components/icons.tsx';
import { useFormState } from '../../components/use-form-state.ts';
import { messages } from '../../messages/en.ts';
import { FormButtons, FormDrawer, LoadFailure } from '../planning/parts.tsx';
import {
  type MeetingRequest,
  type MeetingTypeCode,
  marketplaceApi,
  marketplaceKeys,
  type RequestFilters,
  type RequestStatusCode,
} from './marketplace-api.ts';
import { RequestCard } from './requests-card.tsx';
import type { EventTabProps, EventViewer } from './viewer.ts';

const t = messages.eventMarketplace;
const o = t.organiser;
const PAGE = 50;
const portal = { comboboxProps: { withinPortal: true } };

/**
 * The organisers' view of an event's meeting requests: every request with filters and counts by
 * status, arranging a meeting between two participants, priorities, answers on behalf.
 */
export function RequestsTab({ viewer }: EventTabProps) {
  const market = marketplaceApi(viewer);
  const [status, setStatus] = useState<string | null>(null);
  const [origin, setOrigin] = useState<string | null>(null);
  const [participantId, setParticipantId] = useState<string | null>(null);
  const [limit, setLimit] = useState(PAGE);
  const [creating, setCreating] = useState(false);
  const filters: RequestFilters = {
    limit,
    ...(status ? { status: [status as RequestStatusCode] } : {}),
    ...(origin ? { origin: [origin as MeetingRequest['origin']] } : {}),
    ...(participantId ? { participantId } : {}),
  };
  const query = useQuery({
    queryKey: marketplaceKeys.requests(viewer, filters),
    queryFn: ({ signal }) => market.requests(filters, signal),
    placeholderData: keepPreviousData,
    staleTime: 15_000,
  });
  const participants = useParticipants(viewer);
  if (query.isError) {
    return (
      <LoadFailure
        query={query}
        crumbs={null}
        notFoundTitle={t.loadError}
        notFoundBody=""
        loadError={t.loadError}
        back={null}
        testId="requests-tab-error"
      />
    );
  }
  return (
    <Stack gap="md" data-testid="requests-tab">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Title order={2} fz="lg">
          {o.title}
        </Title>
        <Button leftSection={<PlusIcon />} onClick={() => setCreating(true)}>
          {o.create}
        </Button>
      </Group>
      <Text c="dimmed" fz="sm">
        {o.intro}
      </Text>
      {query.data ? (
        <Group gap="xs" wrap="wrap" aria-label={o.counts} role="group">
          {Object.entries(query.data.countsByStatus).map(([code, n]) => (
            <Badge key={code} variant="light" c="var(--mantine-color-text)" color="gray.8" tt="none">
              {t.status[code] ?? code}: {n}
            </Badge>
          ))}
        </Group>
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <Select
          label={o.filterStatus}
          placeholder={o.any}
          clearable
          value={status}
          onChange={setStatus}
          data={Object.entries(t.status).map(([value, label]) => ({ value, label }))}
          {...portal}
        />
        <Select
          label={o.filterOrigin}
          placeholder={o.any}
          clearable
          value={origin}
          onChange={setOrigin}
          data={Object.entries(t.origin).map(([value, label]) => ({ value, label }))}
          {...portal}
        />
        <Select
          label={o.filterParticipant}
          placeholder={o.any}
          clearable
          searchable
          value={participantId}
          onChange={setParticipantId}
          data={participants}
          {...portal}
        />
      </SimpleGrid>
      {query.data ? (
        <>
          <Text fz="sm" c="dimmed" aria-live="polite">
            {o.total(query.data.total)}
          </Text>
          {query.data.items.length === 0 ? (
            <EmptyState title={o.empty} body={o.emptyBody} testId="requests-empty" />
          ) : (
            query.data.items.map((item) => <RequestCard key={item.id} viewer={viewer} request={item} />)
          )}
          {query.data.items.length < query.data.total ? (
            <Group>
              <Button variant="default" onClick={() => setLimit((n) => Math.min(100, n + PAGE))}>
                {o.more}
              </Button>
            </Group>
          ) : null}
        </>
      ) : null}
      <FormDrawer opened={creating} title={creating ? o.createTitle : ''} onClose={() => setCreating(false)}>
        <ArrangeMeetingForm viewer={viewer} participants={participants} onDone={() => setCreating(false)} />
      </FormDrawer>
    </Stack>
  );
}

/** The approved participants as options (the catalogue's first 100). */
function useParticipants(viewer: EventViewer) {
  const market = marketplaceApi(viewer);
  const filters = { limit: 100 };
  const query = useQuery({
    queryKey: marketplaceKeys.catalogue(viewer, filters),
    queryFn: ({ signal }) => market.catalogue(filters, signal),
    staleTime: 60_000,
  });
  return (query.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name} (${p.country})` }));
}

interface ArrangeForm {
  fromParticipantId: string;
  toParticipantId: string;
  meetingType: string;
  message: string;
  priority: string;
  accepted: boolean;
}
const FIELDS = [
  'fromParticipantId',
  'toParticipantId',
  'meetingType',
  'message',
  'priority',
  'accepted',
] as const;

function ArrangeMeetingForm({
  viewer,
  participants,
  onDone,
}: {
  viewer: EventViewer;
  participants: { value: string; label: string }[];
  onDone: () => void;
}) {
  const market = marketplaceApi(viewer);
  const client = useQueryClient();
  const form = useFormState<ArrangeForm, (typeof FIELDS)[number]>(
    {
      fromParticipantId: '',
      toParticipantId: '',
      meetingType: 'b2b',
      message: '',
      priority: '2',
      accepted: true,
    },
    FIELDS,
    'arrange-meeting',
  );
  const create = useMutation({
    mutationFn: () =>
      market.create({
        fromParticipantId: form.values.fromParticipantId,
        toParticipantId: form.values.toParticipantId,
        meetingType: form.values.meetingType as MeetingTypeCode,
        message: form.values.message.trim(),
        priority: Number(form.values.priority) as 1 | 2 | 3,
        accepted: form.values.accepted,
      }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: marketplaceKeys.all(viewer) });
      onDone();
    },
    onError: (error) => form.showServer(error),
  });
  const required = o.required;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const ok = form.check({
      ...(form.values.fromParticipantId ? {} : { fromParticipantId: required }),
      ...(form.values.toParticipantId ? {} : { toParticipantId: required }),
      ...(form.values.message.trim().length > 2000 ? { message: t.form.messageTooLong } : {}),
    });
    if (ok) create.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Select
          label={o.from}
          required
          searchable
          value={form.values.fromParticipantId || null}
          onChange={(value) => form.set('fromParticipantId', value ?? '')}
          data={participants}
          {...form.field('fromParticipantId')}
          {...portal}
        />
        <Select
          label={o.to}
          required
          searchable
          value={form.values.toParticipantId || null}
          onChange={(value) => form.set('toParticipantId', value ?? '')}
          data={participants}
          {...form.field('toParticipantId')}
          {...portal}
        />
        <Select
          label={t.form.meetingType}
          value={form.values.meetingType}
          onChange={(value) => form.set('meetingType', value ?? 'b2b')}
          data={Object.entries(t.meetingType).map(([value, label]) => ({ value, label }))}
          allowDeselect={false}
          {...form.field('meetingType')}
          {...portal}
        />
        <Textarea
          label={t.form.message}
          autosize
          minRows={2}
          value={form.values.message}
          onChange={(e) => form.set('message', e.currentTarget.value)}
          {...form.field('message')}
        />
        <Select
          label={t.form.priority}
          value={form.values.priority}
          onChange={(value) => form.set('priority', value ?? '2')}
          data={['1', '2', '3'].map((value) => ({ value, label: t.priority[value] ?? value }))}
          allowDeselect={false}
          {...form.field('priority')}
          {...portal}
        />
        <Checkbox
          label={o.accepted}
          checked={form.values.accepted}
          onChange={(e) => form.set('accepted', e.currentTarget.checked)}
          {...form.field('accepted')}
        />
        {create.isError && !form.placed(create.error) ? (
          <FailureAlert title={t.form.failed} error={create.error} testId="arrange-meeting-error" />
        ) : null}
        <FormButtons onCancel={onDone} submitLabel={o.submit} pending={create.isPending} />
      </Stack>
    </form>
  );
}
