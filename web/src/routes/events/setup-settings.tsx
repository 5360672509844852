import {
  Alert,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { FailureAlert } from '../../components/alerts.tsx';
import { NumberField } from '../../components/number-field.tsx';
import { useFormState } from '../../components/use-form-state.ts';
import { messages } from '../../messages/en.ts';
import { workspaceKeys } from '../../queries/keys.ts';
import type { EventDetailDto } from './queries.ts';
import { fromLocalInput, toLocalInput } from './setup-time.ts';

const t = messages.events.setup;
const MEETING_TYPES = ['b2b', 'c2c', 'b2i'] as const;
type MeetingType = (typeof MEETING_TYPES)[number];
type Format = 'in_person' | 'online' | 'hybrid';

interface Values {
  description: string;
  format: Format;
  venue: string;
  videoLink: string;
  slotMinutes: number | string;
  timeZone: string;
  registrationOpensAt: string;
  registrationClosesAt: string;
  requestDeadlineAt: string;
  maxRequestsPerParticipant: number | string;
  maxRepresentatives: number | string;
  requestExpiryDays: number | string;
  meetingTypes: MeetingType[];
  approval: 'manual' | 'automatic';
}
const FIELDS = [
  'description',
  'format',
  'venue',
  'videoLink',
  'slotMinutes',
  'timeZone',
  'registrationOpensAt',
  'registrationClosesAt',
  'requestDeadlineAt',
  'maxRequestsPerParticipant',
  'maxRepresentatives',
  'requestExpiryDays',
  'meetingTypes',
  'approval',
] as const;

function valuesOf(event: EventDetailDto): Values {
  return {
    description: event.description,
    format: event.format,
    venue: event.venue ?? '',
    videoLink: event.videoLink ?? '',
    slotMinutes: event.slotMinutes,
    timeZone: event.timeZone,
    registrationOpensAt: toLocalInput(event.registrationOpensAt, event.timeZone),
    registrationClosesAt: toLocalInput(event.registrationClosesAt, event.timeZone),
    requestDeadlineAt: toLocalInput(event.requestDeadlineAt, event.timeZone),
    maxRequestsPerParticipant: event.maxRequestsPerParticipant ?? '',
    maxRepresentatives: event.maxRepresentatives,
    requestExpiryDays: event.requestExpiryDays ?? '',
    meetingTypes: event.meetingTypes,
    approval: event.approval,
  };
}

const optionalNumber = (value: number | string) => (value === '' ? null : Number(value));

/** The event's settings: format, links, slot length, time zone, deadlines, limits, meeting types, approval. */
export function SetupSettings({ workspace, event }: { workspace: string; event: EventDetailDto }) {
  const queryClient = useQueryClient();
  const form = useFormState<Values, (typeof FIELDS)[number]>(() => valuesOf(event), FIELDS, 'event-settings');
  const v = form.values;
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PATCH('/api/v1/workspaces/{workspace}/events/{eventId}', {
          params: { path: { workspace, eventId: event.id } },
          body: {
            version: event.version,
            description: v.description,
            format: v.format,
            venue: v.venue.trim() || null,
            videoLink: v.videoLink.trim() || null,
            slotMinutes: Number(v.slotMinutes),
            timeZone: v.timeZone.trim(),
            registrationOpensAt: fromLocalInput(v.registrationOpensAt, v.timeZone),
            registrationClosesAt: fromLocalInput(v.registrationClosesAt, v.timeZone),
            requestDeadlineAt: fromLocalInput(v.requestDeadlineAt, v.timeZone),
            maxRequestsPerParticipant: optionalNumber(v.maxRequestsPerParticipant),
            maxRepresentatives: Number(v.maxRepresentatives),
            requestExpiryDays: optionalNumber(v.requestExpiryDays),
            meetingTypes: v.meetingTypes,
            approval: v.approval,
          },
        }),
      ),
    onSuccess: (updated) => {
      form.setValues(valuesOf(updated));
      void queryClient.invalidateQueries({ queryKey: workspaceKeys.all(workspace) });
    },
    onError: (error) => form.showServer(error),
  });
  const hint = t.dateTimeHint(v.timeZone);

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="event-settings-title">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm">
          <Title order={2} fz="lg" id="event-settings-title">
            {t.settingsTitle}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              {...form.field('format')}
              label={t.format}
              data={(['in_person', 'online', 'hybrid'] as const).map((f) => ({
                value: f,
                label: messages.events.format[f] ?? f,
              }))}
              value={v.format}
              allowDeselect={false}
              onChange={(value) => form.set('format', (value ?? 'in_person') as Format)}
              comboboxProps={{ withinPortal: true }}
            />
            <TextInput
              {...form.field('venue')}
              label={t.venue}
              value={v.venue}
              onChange={(e) => form.set('venue', e.currentTarget.value)}
            />
            <TextInput
              {...form.field('videoLink')}
              label={t.videoLink}
              type="url"
              value={v.videoLink}
              onChange={(e) => form.set('videoLink', e.currentTarget.value)}
            />
            <TextInput
              {...form.field('timeZone')}
              label={t.timeZone}
              value={v.timeZone}
              onChange={(e) => form.set('timeZone', e.currentTarget.value)}
            />
            <NumberField
              {...form.field('slotMinutes')}
              label={t.slotMinutes}
              value={v.slotMinutes}
              onChange={(value) => form.set('slotMinutes', value)}
            />
            <NumberField
              {...form.field('maxRepresentatives')}
              label={t.maxRepresentatives}
              value={v.maxRepresentatives}
              onChange={(value) => form.set('maxRepresentatives', value)}
            />
            <TextInput
              {...form.field('registrationOpensAt')}
              type="datetime-local"
              label={t.registrationOpensAt}
              description={hint}
              value={v.registrationOpensAt}
              onChange={(e) => form.set('registrationOpensAt', e.currentTarget.value)}
            />
            <TextInput
              {...form.field('registrationClosesAt')}
              type="datetime-local"
              label={t.registrationClosesAt}
              description={hint}
              value={v.registrationClosesAt}
              onChange={(e) => form.set('registrationClosesAt', e.currentTarget.value)}
            />
            <TextInput
              {...form.field('requestDeadlineAt')}
              type="datetime-local"
              label={t.requestDeadlineAt}
              description={hint}
              value={v.requestDeadlineAt}
              onChange={(e) => form.set('requestDeadlineAt', e.currentTarget.value)}
            />
            <NumberField
              {...form.field('maxRequestsPerParticipant')}
              label={t.maxRequests}
              description={t.maxRequestsHint}
              value={v.maxRequestsPerParticipant}
              onChange={(value) => form.set('maxRequestsPerParticipant', value)}
            />
            <NumberField
              {...form.field('requestExpiryDays')}
              label={t.requestExpiryDays}
              description={t.requestExpiryHint}
              value={v.requestExpiryDays}
              onChange={(value) => form.set('requestExpiryDays', value)}
            />
            <Select
              {...form.field('approval')}
              label={t.approval}
              data={(['manual', 'automatic'] as const).map((a) => ({
                value: a,
                label: messages.events.approval[a] ?? a,
              }))}
              value={v.approval}
              allowDeselect={false}
              onChange={(value) => form.set('approval', (value ?? 'manual') as 'manual' | 'automatic')}
              comboboxProps={{ withinPortal: true }}
            />
          </SimpleGrid>
          <Checkbox.Group
            {...form.field('meetingTypes')}
            label={t.meetingTypes}
            value={v.meetingTypes}
            onChange={(value) => form.set('meetingTypes', value as MeetingType[])}
          >
            <Group gap="md" mt={4}>
              {MEETING_TYPES.map((type) => (
                <Checkbox key={type} value={type} label={messages.events.meetingType[type] ?? type} />
              ))}
            </Group>
          </Checkbox.Group>
          <Textarea
            {...form.field('description')}
            label={t.description}
            autosize
            minRows={3}
            value={v.description}
            onChange={(e) => form.set('description', e.currentTarget.value)}
          />
          {save.isError && !form.placed(save.error) && (
            <FailureAlert title={t.saveFailed} error={save.error} testId="event-settings-error" />
          )}
          {save.isSuccess && (
            <Alert color="teal" variant="light" role="status">
              {t.saved}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={save.isPending} data-testid="event-settings-save">
              {t.save}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
