import { Alert, Button, Container, Loader, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { describeError } from '../../api/describe-error.ts';
import { setParticipantToken } from '../../api/participant-token.ts';
import { alertStyles } from '../../components/alerts.tsx';
import { messages } from '../../messages/en.ts';

const t = messages.eventRegistration;

/** The token after `#` in the address (mail links carry it there: it never reaches a server log). */
function hashToken(): string | null {
  const token = window.location.hash.replace(/^#/, '');
  return /^[A-Za-z0-9_-]{20,200}$/.test(token) ? token : null;
}

/** `/events/confirm#token`: confirms the e-mail, keeps the event link's token, opens the portal. */
export function ConfirmRegistrationPage() {
  useDocumentTitle(messages.app.documentTitle(t.confirmTitle));
  const navigate = useNavigate();
  const [token] = useState(hashToken);
  // A query, not a mutation: the link works once, and a page mounted again (the app's shell
  // settling its session) must read the first answer from the cache instead of sending the used
  // token a second time, which answered 400 over a confirmed registration.
  const confirm = useQuery({
    queryKey: ['event-registration-confirm', token],
    queryFn: async () => {
      const result = await unwrap(
        api.POST('/api/v1/public/event-registrations/confirm', { body: { token: token ?? '' } }),
      );
      setParticipantToken(result.accessToken);
      return result;
    },
    enabled: token !== null,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
  return (
    <Container size="sm" py="xl">
      <Stack gap="md">
        <Title order={1}>{t.confirmTitle}</Title>
        {!token && <Text>{t.noToken}</Text>}
        {token && confirm.isPending && <Loader aria-label={t.confirmTitle} />}
        {confirm.isError && (
          <Alert color="red" variant="light" title={t.confirmFailed} role="alert" styles={alertStyles('red')}>
            {describeError(confirm.error)}
          </Alert>
        )}
        {confirm.isSuccess && (
          <Stack gap="sm" align="flex-start">
            <Text role="status">{t.confirmed(confirm.data.eventTitle)}</Text>
            <Text>{t.status[confirm.data.status]}</Text>
            <Button onClick={() => void navigate({ to: '/event-portal' })}>{t.openPortal}</Button>
          </Stack>
        )}
      </Stack>
    </Container>
  );
}

/** `/events/access#token`: the event link of a mail; keeps its token and opens the portal. */
export function EventAccessPage() {
  useDocumentTitle(messages.app.documentTitle(t.accessTitle));
  const navigate = useNavigate();
  const [token] = useState(hashToken);
  useEffect(() => {
    if (!token) return;
    setParticipantToken(token);
    void navigate({ to: '/event-portal', replace: true });
  }, [token, navigate]);
  return (
    <Container size="sm" py="xl">
      <Stack gap="md">
        <Title order={1}>{t.accessTitle}</Title>
        {token ? <Loader aria-label={t.accessTitle} /> : <Text>{t.noToken}</Text>}
      </Stack>
    </Container>
  );
}
