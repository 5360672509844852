import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { api, unwrap } from '../../api/client.ts';
import { FailureAlert } from '../../components/alerts.tsx';
import { NumberField } from '../../components/number-field.tsx';
import { useFormState } from '../../components/use-form-state.ts';
import { messages } from '../../messages/en.ts';
import { workspaceKeys } from '../../queries/keys.ts';
import { eventKeys } from './queries.ts';

const t = messages.events;
/** The instruments whose activities may hold a B2B event (B2B_EVENT_INSTRUMENT_CODES on the server). */
export const B2B_INSTRUMENT_CODES = ['1.2.1', '1.2.2', '1.2.3', '1.2.4', '1.2.5'];

type Format = 'in_person' | 'online' | 'hybrid';
interface Values {
  activityId: string;
  format: Format;
  videoLink: string;
  slotMinutes: number | string;
  timeZone: string;
}
const FIELDS = ['activityId', 'format', 'videoLink', 'slotMinutes', 'timeZone'] as const;

/** The activities that may hold an event and have none yet (first 500 of the workspace, latest first). */
function eligibleActivitiesQuery(workspace: string) {
  return {
    queryKey: [...eventKeys.all(workspace), 'eligible-activities'] as const,
    queryFn: async ({ signal }: { signal: AbortSignal }) => {
      const [activities, events] = await Promise.all([
        unwrap(
          api.GET('/api/v1/workspaces/{workspace}/activities', {
            params: { path: { workspace }, query: { limit: 500, sort: '-startsOn' } },
            signal,
          }),
        ),
        unwrap(
          api.GET('/api/v1/workspaces/{workspace}/events', {
            params: { path: { workspace }, query: { limit: 200 } },
            signal,
          }),
        ),
      ]);
      const taken = new Set(events.items.map((e) => e.activity.id));
      return activities.items.filter(
        (a) => B2B_INSTRUMENT_CODES.includes(a.instrumentCode) && !taken.has(a.id),
      );
    },
    staleTime: 10_000,
  };
}

/**
 * The form that sets up an event on an activity: the activity (fixed when opened from its page),
 * the format, the video link and the meeting length. The rest is done on the event's set-up tab.
 */
export function CreateEventModal({
  workspace,
  opened,
  onClose,
  activityId,
}: {
  workspace: string;
  opened: boolean;
  onClose: () => void;
  activityId?: string;
}) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const eligible = useQuery({ ...eligibleActivitiesQuery(workspace), enabled: opened && !activityId });
  const form = useFormState<Values, (typeof FIELDS)[number]>(
    { activityId: activityId ?? '', format: 'in_person', videoLink: '', slotMinutes: 30, timeZone: '' },
    FIELDS,
    'event-create',
  );
  const create = useMutation({
    mutationFn: (values: Values) =>
      unwrap(
        api.POST('/api/v1/workspaces/{workspace}/events', {
          params: { path: { workspace } },
          body: {
            activityId: values.activityId,
            format: values.format,
            slotMinutes: Number(values.slotMinutes),
            ...(values.videoLink.trim() ? { videoLink: values.videoLink.trim() } : {}),
            ...(values.timeZone.trim() ? { timeZone: values.timeZone.trim() } : {}),
          },
        }),
      ),
    onSuccess: async (event) => {
      await queryClient.invalidateQueries({ queryKey: workspaceKeys.all(workspace) });
      onClose();
      void navigate({
        to: '/w/$workspace/events/$eventId',
        params: { workspace, eventId: event.id },
        search: { tab: 'setup' },
      });
    },
    onError: (error) => form.showServer(error),
  });
  const submit = () => {
    const v = form.values;
    const ok = form.check({
      ...(v.activityId ? {} : { activityId: t.create.activityRequired }),
      ...(v.format !== 'in_person' && !v.videoLink.trim() ? { videoLink: t.create.videoLinkRequired } : {}),
    });
    if (ok) create.mutate(v);
  };
  const close = () => {
    create.reset();
    onClose();
  };
  const options = (eligible.data ?? []).map((a) => ({ value: a.id, label: `${a.title} (${a.startsOn})` }));

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t.create.title}
      centered
      closeButtonProps={{ 'aria-label': messages.common.close }}
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          {!activityId &&
            (eligible.isSuccess && options.length === 0 ? (
              <Text c="dimmed" data-testid="event-create-no-activity">
                {t.create.noActivity}
              </Text>
            ) : (
              <Select
                {...form.field('activityId')}
                label={t.create.activity}
                description={t.create.activityHint}
                data={options}
                searchable
                required
                value={form.values.activityId || null}
                onChange={(value) => form.set('activityId', value ?? '')}
                comboboxProps={{ withinPortal: true }}
              />
            ))}
          <Select
            {...form.field('format')}
            label={t.create.format}
            data={(['in_person', 'online', 'hybrid'] as const).map((f) => ({
              value: f,
              label: t.format[f] ?? f,
            }))}
            value={form.values.format}
            allowDeselect={false}
            onChange={(value) => form.set('format', (value ?? 'in_person') as Format)}
            comboboxProps={{ withinPortal: true }}
          />
          {form.values.format !== 'in_person' && (
            <TextInput
              {...form.field('videoLink')}
              label={t.create.videoLink}
              description={t.create.videoLinkHint}
              type="url"
              required
              value={form.values.videoLink}
              onChange={(e) => form.set('videoLink', e.currentTarget.value)}
            />
          )}
          <NumberField
            {...form.field('slotMinutes')}
            label={t.create.slotMinutes}
            value={form.values.slotMinutes}
            onChange={(value) => form.set('slotMinutes', value)}
          />
          <TextInput
            {...form.field('timeZone')}
            label={t.create.timeZone}
            description={t.create.timeZoneHint}
            placeholder="Europe/Brussels"
            value={form.values.timeZone}
            onChange={(e) => form.set('timeZone', e.currentTarget.value)}
          />
          {create.isError && !form.placed(create.error) && (
            <FailureAlert title={t.create.failed} error={create.error} testId="event-create-error" />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t.create.cancel}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t.create.submit}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
