import { Alert, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { clearParticipantToken } from '../../api/participant-token.ts';
import { alertStyles, FailureAlert } from '../../components/alerts.tsx';
import { useFormState } from '../../components/use-form-state.ts';
import { messages } from '../../messages/en.ts';
import { fetchPortalMe, portalMeKey } from './portal-me.ts';
import {
  bodyOf,
  REGISTRATION_FIELDS,
  RegistrationFields,
  type RegistrationValues,
  registrationProblems,
  type Slot,
  valuesOf,
} from './registration-form.tsx';
import type { EventTabProps } from './viewer.ts';

const t = messages.eventRegistration;

/**
 * A participant's own registration: for a member (register its organisation with the registry
 * profile prefilled, then edit or cancel) and for an outside participant in the event portal.
 */
export function MyRegistrationTab({ viewer }: EventTabProps) {
  if (viewer.kind === 'portal') return <PortalRegistration />;
  if (viewer.kind === 'member')
    return <MemberRegistration workspace={viewer.workspace} eventId={viewer.eventId} />;
  return null;
}

function PortalRegistration() {
  const queryClient = useQueryClient();
  const me = useQuery({ queryKey: portalMeKey, queryFn: fetchPortalMe, retry: false });
  const save = useMutation({
    mutationFn: (input: { version: number; values: RegistrationValues }) => {
      const { profile, representatives, unavailable, contactName, contactEmail } = bodyOf(input.values);
      return unwrap(
        api.PATCH('/api/v1/event-portal/me', {
          body: { version: input.version, profile, representatives, unavailable, contactName, contactEmail },
        }),
      );
    },
    onSuccess: (data) => queryClient.setQueryData(portalMeKey, data),
  });
  const cancel = useMutation({
    mutationFn: (version: number) =>
      unwrap(api.POST('/api/v1/event-portal/me/cancel', { body: { version } })),
    onSuccess: () => {
      clearParticipantToken();
      queryClient.setQueryData(portalMeKey, null);
    },
  });
  if (me.isPending) return <Loader aria-label={t.myRegistrationTitle} />;
  if (!me.data) return <Text>{t.loadFailed}</Text>;
  const { participant: p, event, canEdit } = me.data;
  return (
    <RegistrationEditor
      key={p.version}
      initial={valuesOf(p, p.representatives, p.unavailable, p.contactName, p.contactEmail)}
      status={p.status}
      canEdit={canEdit}
      slots={event.slots}
      meetingTypes={event.meetingTypes}
      maxRepresentatives={event.maxRepresentatives}
      timeZone={event.timeZone}
      save={save}
      onSave={(values) => save.mutate({ version: p.version, values })}
      onCancel={() => cancel.mutate(p.version)}
      cancelling={cancel.isPending}
    />
  );
}

function MemberRegistration({ workspace, eventId }: { workspace: string; eventId: string }) {
  const queryClient = useQueryClient();
  const key = ['events', workspace, eventId, 'registration-draft'];
  const draft = useQuery({
    queryKey: key,
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/events/{eventId}/registration/draft', {
          params: { path: { workspace, eventId } },
        }),
      ),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: key });
  const save = useMutation({
    mutationFn: async (values: RegistrationValues) => {
      const d = draft.data;
      if (!d) throw new Error('no draft');
      const body = bodyOf(values);
      if (!d.participant)
        return unwrap(
          api.POST('/api/v1/workspaces/{workspace}/events/{eventId}/registration', {
            params: { path: { workspace, eventId } },
            body: { organisationId: d.organisationId, ...body },
          }),
        );
      return unwrap(
        api.PATCH('/api/v1/workspaces/{workspace}/events/{eventId}/participants/{participantId}', {
          params: { path: { workspace, eventId, participantId: d.participant.id } },
          body: { version: d.participant.version, ...body },
        }),
      );
    },
    onSuccess: refresh,
  });
  const cancel = useMutation({
    mutationFn: (p: { id: string; version: number }) =>
      unwrap(
        api.POST('/api/v1/workspaces/{workspace}/events/{eventId}/participants/{participantId}/cancel', {
          params: { path: { workspace, eventId, participantId: p.id } },
          body: { version: p.version },
        }),
      ),
    onSuccess: refresh,
  });
  if (draft.isPending) return <Loader aria-label={t.myRegistrationTitle} />;
  if (draft.isError)
    return <FailureAlert title={t.loadFailed} error={draft.error} testId="registration-load-failed" />;
  const d = draft.data;
  const p = d.participant;
  return (
    <Stack gap="md">
      {!p && <Text>{t.notRegistered}</Text>}
      <RegistrationEditor
        key={p?.version ?? 0}
        initial={
          p
            ? valuesOf(p, p.representatives, p.unavailable, p.contactName, p.contactEmail)
            : valuesOf(d.profile, d.representatives, [], d.contactName, d.contactEmail)
        }
        status={p?.status ?? null}
        canEdit={true}
        slots={d.slots}
        meetingTypes={d.eventMeetingTypes}
        maxRepresentatives={d.maxRepresentatives}
        timeZone={d.timeZone}
        save={save}
        submitLabel={p ? t.save : t.registerOrganisation}
        onSave={(values) => save.mutate(values)}
        {...(p ? { onCancel: () => cancel.mutate({ id: p.id, version: p.version }) } : {})}
        cancelling={cancel.isPending}
      />
    </Stack>
  );
}

function RegistrationEditor({
  initial,
  status,
  canEdit,
  slots,
  meetingTypes,
  maxRepresentatives,
  timeZone,
  save,
  onSave,
  onCancel,
  cancelling,
  submitLabel = t.save,
}: {
  initial: RegistrationValues;
  status: string | null;
  canEdit: boolean;
  slots: readonly Slot[];
  meetingTypes: readonly string[];
  maxRepresentatives: number;
  timeZone: string;
  save: { isPending: boolean; isError: boolean; isSuccess: boolean; error: unknown };
  onSave: (values: RegistrationValues) => void;
  onCancel?: () => void;
  cancelling: boolean;
  submitLabel?: string;
}) {
  const form = useFormState<RegistrationValues, (typeof REGISTRATION_FIELDS)[number]>(
    initial,
    REGISTRATION_FIELDS,
    'my-registration',
  );
  const [confirmCancel, setConfirmCancel] = useState(false);
  if (status === 'cancelled') return <Text>{t.cancelled}</Text>;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (form.check(registrationProblems(form.values, maxRepresentatives))) onSave(form.values);
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t.myRegistrationTitle}>
      <Stack gap="lg">
        {status && (
          <Text fw={600}>
            {t.statusFilter}: {t.status[status]}
          </Text>
        )}
        {!canEdit && (
          <Alert color="orange" variant="light" role="status" styles={alertStyles('orange')}>
            {t.notEditable}
          </Alert>
        )}
        <RegistrationFields
          values={form.values}
          set={form.set}
          field={form.field}
          slots={slots}
          meetingTypes={meetingTypes}
          maxRepresentatives={maxRepresentatives}
          timeZone={timeZone}
          idPrefix="my-registration"
        />
        {save.isError && !form.placed(save.error) && (
          <FailureAlert title={t.saveFailed} error={save.error} testId="registration-save-failed" />
        )}
        {save.isSuccess && (
          <Text role="status" c="teal.9">
            {t.saved}
          </Text>
        )}
        <Group gap="sm" wrap="wrap">
          {canEdit && (
            <Button type="submit" loading={save.isPending}>
              {submitLabel}
            </Button>
          )}
          {onCancel &&
            (confirmCancel ? (
              <Group gap="xs" wrap="wrap">
                <Text fz="sm">{t.cancelConfirm}</Text>
                <Button color="red.9" loading={cancelling} onClick={onCancel}>
                  {t.cancelRegistration}
                </Button>
              </Group>
            ) : (
              <Button variant="default" onClick={() => setConfirmCancel(true)}>
                {t.cancelRegistration}
              </Button>
            ))}
        </Group>
      </Stack>
    </form>
  );
}
