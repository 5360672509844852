import { Alert, Button, Container, Group, Loader, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { clearParticipantToken } from '../../api/participant-token.ts';
import { alertStyles } from '../../components/alerts.tsx';
import { messages } from '../../messages/en.ts';
import { FollowUpTab } from './follow-up-tab.tsx';
import { MarketplaceTab } from './marketplace-tab.tsx';
import { MyAgendaTab } from './my-agenda-tab.tsx';
import { MyRegistrationTab } from './my-registration-tab.tsx';
import { fetchPortalMe, portalMeKey } from './portal-me.ts';

const t = messages.eventRegistration;

/** `/event-portal`: an outside participant's event, signed in by its event link only. */
export function PortalPage() {
  useDocumentTitle(messages.app.documentTitle(t.portalTitle));
  const queryClient = useQueryClient();
  const me = useQuery({ queryKey: portalMeKey, queryFn: fetchPortalMe, retry: false });
  if (me.isPending) return <Loader aria-label={t.portalTitle} m="xl" />;
  if (me.isError)
    return (
      <Container size="sm" py="xl">
        <Alert color="red" variant="light" role="alert" styles={alertStyles('red')}>
          {t.loadFailed}
        </Alert>
      </Container>
    );
  if (!me.data) return <LostLinkForm />;
  const { participant, event } = me.data;
  const viewer = { kind: 'portal' as const, eventId: event.id, participantId: participant.id };
  const signOut = () => {
    clearParticipantToken();
    queryClient.setQueryData(portalMeKey, null);
  };
  return (
    <Container size="lg" py={{ base: 'md', sm: 'lg' }} px={{ base: 0, sm: 'md' }}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Title order={1} style={{ overflowWrap: 'anywhere' }}>
              {event.title}
            </Title>
            <Text fz="sm">
              {event.startsOn === event.endsOn ? event.startsOn : `${event.startsOn} – ${event.endsOn}`} ·{' '}
              {t.format[event.format]}
              {event.venue ? ` · ${event.venue}` : ''}
            </Text>
            <Text fz="sm" c="dimmed">
              {participant.name} · {t.status[participant.status]}
            </Text>
          </Stack>
          <Button variant="default" onClick={signOut}>
            {t.signOut}
          </Button>
        </Group>
        <Tabs defaultValue="registration" keepMounted={false}>
          <Tabs.List style={{ overflowX: 'auto', flexWrap: 'nowrap' }}>
            <Tabs.Tab value="registration">{t.tabs.registration}</Tabs.Tab>
            <Tabs.Tab value="marketplace">{t.tabs.marketplace}</Tabs.Tab>
            <Tabs.Tab value="agenda">{t.tabs.agenda}</Tabs.Tab>
            <Tabs.Tab value="follow-up">{t.tabs.followUp}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="registration" pt="md">
            <MyRegistrationTab viewer={viewer} />
          </Tabs.Panel>
          <Tabs.Panel value="marketplace" pt="md">
            <MarketplaceTab viewer={viewer} />
          </Tabs.Panel>
          <Tabs.Panel value="agenda" pt="md">
            <MyAgendaTab viewer={viewer} />
          </Tabs.Panel>
          <Tabs.Panel value="follow-up" pt="md">
            <FollowUpTab viewer={viewer} />
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </Container>
  );
}

/** No (valid) event link in this browser: ask for a fresh one by mail. */
function LostLinkForm() {
  const [slug, setSlug] = useState('');
  const [email, setEmail] = useState('');
  const send = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/public/event-access', { body: { slug: slug.trim(), email: email.trim() } })),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (slug.trim() && email.trim()) send.mutate();
  };
  return (
    <Container size="xs" py="xl">
      <Stack gap="md">
        <Title order={1}>{t.lostTitle}</Title>
        <Text fz="sm">{t.lostIntro}</Text>
        {send.isSuccess ? (
          <Alert color="teal" variant="light" role="status" styles={alertStyles('teal')}>
            {t.lostSent}
          </Alert>
        ) : (
          <form onSubmit={submit} aria-label={t.lostTitle}>
            <Stack gap="sm">
              <TextInput
                label={t.lostSlug}
                required
                value={slug}
                onChange={(e) => setSlug(e.currentTarget.value)}
              />
              <TextInput
                label={t.lostEmail}
                type="email"
                required
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
              />
              <Button type="submit" loading={send.isPending}>
                {t.lostSend}
              </Button>
            </Stack>
          </form>
        )}
      </Stack>
    </Container>
  );
}
