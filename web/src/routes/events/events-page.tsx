import {
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { ErrorState } from '../../app/error-state.tsx';
import { AnchorLink } from '../../app/links.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { PlusIcon } from '../../components/icons.tsx';
import { periodText } from '../../components/period-text.ts';
import { messages } from '../../messages/en.ts';
import { type EventSummaryDto, eventListQuery, parseEventsSearch } from './queries.ts';
import { STATUS_COLORS } from './setup-colors.ts';
import { CreateEventModal } from './setup-create.tsx';

const t = messages.events;
const route = getRouteApi('/w/$workspace/events');

/** `/w/$workspace/events`: the B2B events (upcoming, past or all; a status), as cards, with set-up for organisers. */
export function EventsPage() {
  useDocumentTitle(messages.app.documentTitle(t.title));
  const { workspace } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const apiSearch = parseEventsSearch({ ...search });
  const list = useInfiniteQuery(eventListQuery(workspace, apiSearch));
  const [creating, setCreating] = useState(false);
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const canCreate = list.data?.pages[0]?.canCreate ?? false;

  return (
    <Stack gap="lg" maw={1200} mx="auto">
      <Group justify="space-between" align="flex-start" gap="md">
        <Stack gap={4} miw={0} style={{ flex: '1 1 20rem' }}>
          <Title order={1}>{t.title}</Title>
          <Text c="dimmed">{t.intro}</Text>
        </Stack>
        {canCreate && (
          <Button leftSection={<PlusIcon />} onClick={() => setCreating(true)} data-testid="event-create">
            {t.list.create}
          </Button>
        )}
      </Group>
      <Group gap="md" wrap="wrap" align="flex-end">
        <SegmentedControl
          aria-label={t.list.filterLabel}
          value={search.when ?? 'upcoming'}
          onChange={(value) =>
            void navigate({
              search: { ...search, when: value as 'upcoming' | 'past' | 'all' },
              replace: true,
            })
          }
          data={[
            { value: 'upcoming', label: t.list.upcoming },
            { value: 'past', label: t.list.past },
            { value: 'all', label: t.list.all },
          ]}
        />
        <Select
          label={t.list.statusFilter}
          w={180}
          value={search.status ?? ''}
          data={[
            { value: '', label: t.list.anyStatus },
            ...(['draft', 'open', 'closed'] as const).map((s) => ({ value: s, label: t.status[s] ?? s })),
          ]}
          allowDeselect={false}
          onChange={(value) =>
            void navigate({
              search: { ...search, status: (value || undefined) as 'draft' | 'open' | 'closed' | undefined },
              replace: true,
            })
          }
          comboboxProps={{ withinPortal: true }}
        />
      </Group>
      {list.isPending ? (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} aria-busy="true">
          <VisuallyHidden role="status">{messages.events.page.loading}</VisuallyHidden>
          <Skeleton h={140} />
          <Skeleton h={140} />
          <Skeleton h={140} />
        </SimpleGrid>
      ) : list.isError ? (
        <ErrorState
          title={t.list.loadError}
          error={list.error}
          onRetry={() => void list.refetch()}
          retrying={list.isFetching}
        />
      ) : items.length === 0 ? (
        <EmptyState
          testId="events-empty"
          title={t.list.emptyTitle}
          body={canCreate ? t.list.emptyBody : t.list.emptyBodyReader}
          action={
            canCreate ? (
              <Button leftSection={<PlusIcon />} onClick={() => setCreating(true)}>
                {t.list.create}
              </Button>
            ) : undefined
          }
        />
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} data-testid="events-list">
            {items.map((event) => (
              <EventCard key={event.id} workspace={workspace} event={event} />
            ))}
          </SimpleGrid>
          {list.hasNextPage && (
            <Button
              variant="light"
              w="fit-content"
              onClick={() => void list.fetchNextPage()}
              loading={list.isFetchingNextPage}
            >
              {t.list.more}
            </Button>
          )}
        </>
      )}
      {creating && <CreateEventModal workspace={workspace} opened onClose={() => setCreating(false)} />}
    </Stack>
  );
}

function EventCard({ workspace, event }: { workspace: string; event: EventSummaryDto }) {
  const approved = event.counts.participants.approved ?? 0;
  return (
    <Paper withBorder radius="md" p="md" component="article" data-testid="event-card">
      <Stack gap={6}>
        <Title order={2} fz="lg" style={{ overflowWrap: 'anywhere' }}>
          <AnchorLink to="/w/$workspace/events/$eventId" params={{ workspace, eventId: event.id }}>
            {event.activity.title}
          </AnchorLink>
        </Title>
        <Group gap={6}>
          <Badge color={STATUS_COLORS[event.status] ?? 'gray'} variant="light" c="var(--mantine-color-text)">
            {t.status[event.status]}
          </Badge>
          <Badge color="gray" variant="outline">
            {t.format[event.format]}
          </Badge>
        </Group>
        <Text fz="sm">
          {periodText(event.activity.startsOn, event.activity.endsOn)}
          {event.activity.city ? ` · ${event.activity.city}` : ''}
        </Text>
        <Text fz="sm" c="dimmed">
          {t.list.participants(approved)} · {t.list.accepted(event.counts.acceptedRequests)} ·{' '}
          {t.list.meetings(event.counts.meetings)}
        </Text>
      </Stack>
    </Paper>
  );
}
