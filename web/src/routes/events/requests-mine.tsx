import { Alert, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { isApiError } from '../../api/client.ts';
import { formatDateTime } from '../../app/format.ts';
import { alertStyles } from '../../components/alerts.tsx';
import { messages } from '../../messages/en.ts';
import { marketplaceApi, marketplaceKeys, type RequestList } from './marketplace-api.ts';
import { RequestCard } from './requests-card.tsx';
import type { EventViewer } from './viewer.ts';

const t = messages.eventMarketplace;
const r = t.requests;

/** The participant's requests: received (to answer) and sent (to cancel), with the event's limits. */
export function RequestsMine({ viewer }: { viewer: EventViewer }) {
  const market = marketplaceApi(viewer);
  const filters = { limit: 100 };
  const query = useQuery({
    queryKey: marketplaceKeys.requests(viewer, filters),
    queryFn: ({ signal }) => market.requests(filters, signal),
    staleTime: 15_000,
  });
  if (query.isPending) return <Text c="dimmed">…</Text>;
  if (query.isError) {
    return (
      <Alert color="red" variant="light" styles={alertStyles('red')} role="alert">
        {isApiError(query.error) && query.error.status === 403 ? t.notParticipant : t.loadError}
      </Alert>
    );
  }
  const me = query.data.participantId;
  const incoming = query.data.items.filter((item) => item.to.id === me);
  const outgoing = query.data.items.filter((item) => item.from.id === me);
  return (
    <Stack gap="md" data-testid="my-requests">
      <Limits limits={query.data.limits} />
      <Title order={2} fz="lg">
        {r.incoming}
      </Title>
      {incoming.length === 0 ? <Text c="dimmed">{r.emptyIncoming}</Text> : null}
      {incoming.map((item) => (
        <RequestCard key={item.id} viewer={viewer} request={item} />
      ))}
      <Title order={2} fz="lg">
        {r.outgoing}
      </Title>
      {outgoing.length === 0 ? <Text c="dimmed">{r.emptyOutgoing}</Text> : null}
      {outgoing.map((item) => (
        <RequestCard key={item.id} viewer={viewer} request={item} />
      ))}
    </Stack>
  );
}

function Limits({ limits }: { limits: RequestList['limits'] }) {
  const lines = [
    limits.requestDeadlineAt
      ? limits.deadlinePassed
        ? r.deadlinePassed(formatDateTime(limits.requestDeadlineAt))
        : r.deadline(formatDateTime(limits.requestDeadlineAt))
      : null,
    limits.maxRequestsPerParticipant !== null && limits.sentLive !== null
      ? r.limit(limits.sentLive, limits.maxRequestsPerParticipant)
      : null,
    limits.requestExpiryDays !== null ? r.expiry(limits.requestExpiryDays) : null,
  ].filter((line): line is string => line !== null);
  if (lines.length === 0) return null;
  return (
    <Alert
      color={limits.deadlinePassed ? 'orange' : 'blue'}
      variant="light"
      styles={alertStyles(limits.deadlinePassed ? 'orange' : 'blue')}
      data-testid="request-limits"
    >
      <Stack gap={2}>
        {lines.map((line) => (
          <Text fz="sm" key={line}>
            {line}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}
