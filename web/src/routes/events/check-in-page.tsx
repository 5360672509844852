import { Alert, Anchor, Badge, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { isApiError } from '../../api/client.ts';
import { ErrorState } from '../../app/error-state.tsx';
import { FailureAlert } from '../../components/alerts.tsx';
import { messages } from '../../messages/en.ts';
import { checkInByCode, codeLookupQuery, dayKeys, timeOf } from './day-queries.ts';

const t = messages.eventDay;
const route = getRouteApi('/w/$workspace/events/$eventId/check-in/$code');

/** An organiser scanned a participant's QR code: who it is, then one button to check it in. */
export function CheckInCodePage() {
  const { workspace, eventId, code } = route.useParams();
  useDocumentTitle(t.code.title);
  const client = useQueryClient();
  const query = useQuery(codeLookupQuery(workspace, eventId, code));
  const mutation = useMutation({
    mutationFn: () => checkInByCode(workspace, eventId, code),
    onSuccess: () => client.invalidateQueries({ queryKey: dayKeys.all(eventId) }),
  });
  const checkedInAt = mutation.data?.checkedInAt ?? query.data?.checkedInAt ?? null;
  return (
    <Stack gap="md" maw={480} mx="auto" data-testid="event-check-in-page">
      <Title order={1} fz="h2">
        {t.code.title}
      </Title>
      {query.error ? (
        isApiError(query.error) && query.error.status === 404 ? (
          <Alert color="red" variant="light" role="alert" data-testid="event-check-in-unknown">
            {t.code.unknown}
          </Alert>
        ) : (
          <ErrorState
            error={query.error}
            title={t.loadFailed}
            onRetry={() => void query.refetch()}
            retrying={query.isFetching}
          />
        )
      ) : null}
      {query.data ? (
        <Paper withBorder radius="md" p="md">
          <Stack gap="xs">
            <Text fz="xl" fw={700} style={{ overflowWrap: 'anywhere' }}>
              {query.data.name}
            </Text>
            <Text fz="sm">
              {t.code.status}: {t.statistics.participantStatus[query.data.status] ?? query.data.status}
            </Text>
            {query.data.representatives.length > 0 ? (
              <Text fz="sm" style={{ overflowWrap: 'anywhere' }}>
                {t.code.representatives}: {query.data.representatives.join(', ')}
              </Text>
            ) : null}
            {checkedInAt ? (
              <Badge
                c="var(--mantine-color-text)"
                size="lg"
                color="green"
                variant="light"
                data-testid="event-check-in-done"
              >
                {t.code.doneAt(timeOf(checkedInAt))}
              </Badge>
            ) : (
              <Button
                size="lg"
                onClick={() => mutation.mutate()}
                loading={mutation.isPending}
                data-testid="event-check-in-button"
              >
                {t.code.checkInButton}
              </Button>
            )}
            {mutation.error ? (
              <FailureAlert
                title={t.checkIn.failed}
                error={mutation.error}
                testId="event-check-in-page-error"
              />
            ) : null}
          </Stack>
        </Paper>
      ) : null}
      <Anchor href={`/w/${workspace}/events/${eventId}`}>{t.code.back}</Anchor>
    </Stack>
  );
}
