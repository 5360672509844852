import { Alert, Button, Checkbox, Container, Loader, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { alertStyles, FailureAlert } from '../../components/alerts.tsx';
import { useFormState } from '../../components/use-form-state.ts';
import { messages } from '../../messages/en.ts';
import {
  bodyOf,
  emptyValues,
  REGISTRATION_FIELDS,
  RegistrationFields,
  type RegistrationValues,
  registrationProblems,
} from './registration-form.tsx';

const t = messages.eventRegistration;

/** `/register/$slug`: an event's public registration page (no account, no sign-in). */
export function RegistrationPage({ slug }: { slug: string }) {
  const event = useQuery({
    queryKey: ['public-event', slug],
    queryFn: () => unwrap(api.GET('/api/v1/public/events/{slug}', { params: { path: { slug } } })),
    retry: false,
  });
  useDocumentTitle(messages.app.documentTitle(event.data ? t.registerTitle(event.data.title) : t.submit));
  if (event.isPending) return <Loader aria-label={t.submit} m="xl" />;
  if (event.isError || !event.data)
    return (
      <Container size="sm" py="xl">
        <Alert color="red" variant="light" role="alert" styles={alertStyles('red')}>
          {t.notFound}
        </Alert>
      </Container>
    );
  const e = event.data;
  return (
    <Container size="md" py={{ base: 'md', sm: 'xl' }} px={{ base: 0, sm: 'md' }}>
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1}>{t.registerTitle(e.title)}</Title>
          <Text>
            {t.when}: {e.startsOn === e.endsOn ? e.startsOn : `${e.startsOn} – ${e.endsOn}`} ·{' '}
            {t.format[e.format]}
          </Text>
          {e.venue && (
            <Text>
              {t.where}: {e.venue}
            </Text>
          )}
          {e.description && <Text style={{ whiteSpace: 'pre-wrap' }}>{e.description}</Text>}
          <Text c="dimmed" fz="sm">
            {e.organiser}
          </Text>
        </Stack>
        {e.registrationOpen ? (
          <RegistrationForm event={e} slug={slug} />
        ) : (
          <Alert color="orange" variant="light" role="status" styles={alertStyles('orange')}>
            {t.closed}
          </Alert>
        )}
      </Stack>
    </Container>
  );
}

type PublicEvent = {
  meetingTypes: string[];
  maxRepresentatives: number;
  slots: { startsAt: string; day: string; startTime: string; endTime: string }[];
  timeZone: string;
  consentText: string;
  networkConsentText: string;
};

function RegistrationForm({ event, slug }: { event: PublicEvent; slug: string }) {
  const form = useFormState<RegistrationValues, (typeof REGISTRATION_FIELDS)[number]>(
    () => emptyValues(event.meetingTypes),
    REGISTRATION_FIELDS,
    'register',
  );
  const [consent, setConsent] = useState(false);
  const [networkConsent, setNetworkConsent] = useState(false);
  const [consentError, setConsentError] = useState<string | undefined>();
  const send = useMutation({
    mutationFn: (values: RegistrationValues) =>
      unwrap(
        api.POST('/api/v1/public/events/{slug}/registrations', {
          params: { path: { slug } },
          body: { ...bodyOf(values), consent: true, networkConsent },
        }),
      ),
    onError: (error) => form.showServer(error),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const ok = form.check(registrationProblems(form.values, event.maxRepresentatives));
    setConsentError(consent ? undefined : t.consentRequired);
    if (ok && consent) send.mutate(form.values);
  };
  if (send.isSuccess)
    return (
      <Alert
        color="teal"
        variant="light"
        title={t.checkMailTitle}
        role="status"
        data-testid="registration-sent"
        styles={alertStyles('teal')}
      >
        {t.checkMail}
      </Alert>
    );
  return (
    <form onSubmit={submit} noValidate aria-label={t.submit}>
      <Stack gap="lg">
        <RegistrationFields
          values={form.values}
          set={form.set}
          field={form.field}
          slots={event.slots}
          meetingTypes={event.meetingTypes}
          maxRepresentatives={event.maxRepresentatives}
          timeZone={event.timeZone}
          idPrefix="register"
        />
        <Stack gap="sm">
          <Checkbox
            id="register-consent"
            checked={consent}
            onChange={(e) => {
              setConsent(e.currentTarget.checked);
              setConsentError(undefined);
            }}
            label={event.consentText}
            error={consentError}
          />
          <Checkbox
            checked={networkConsent}
            onChange={(e) => setNetworkConsent(e.currentTarget.checked)}
            label={event.networkConsentText}
          />
        </Stack>
        {send.isError && !form.placed(send.error) && (
          <FailureAlert title={t.failed} error={send.error} testId="registration-failed" />
        )}
        <Button type="submit" loading={send.isPending} w={{ base: '100%', sm: 'auto' }}>
          {t.submit}
        </Button>
      </Stack>
    </form>
  );
}
