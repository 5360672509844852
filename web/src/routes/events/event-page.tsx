import {
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  CopyButton,
  Group,
  Paper,
  Skeleton,
  Stack,
  Tabs,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import type { ComponentType } from 'react';
import { isApiError } from '../../api/client.ts';
import { ErrorState } from '../../app/error-state.tsx';
import { AnchorLink, ButtonLink } from '../../app/links.tsx';
import { periodText } from '../../components/period-text.ts';
import { messages } from '../../messages/en.ts';
import { AgendasTab } from './agendas-tab.tsx';
import { DayTab } from './day-tab.tsx';
import { FollowUpTab } from './follow-up-tab.tsx';
import { MarketplaceTab } from './marketplace-tab.tsx';
import { MyAgendaTab } from './my-agenda-tab.tsx';
import { MyRegistrationTab } from './my-registration-tab.tsx';
import { ParticipantsTab } from './participants-tab.tsx';
import { type EventDetailDto, eventQuery } from './queries.ts';
import { RequestsTab } from './requests-tab.tsx';
import { ScheduleTab } from './schedule-tab.tsx';
import { STATUS_COLORS } from './setup-colors.ts';
import { SetupTab } from './setup-tab.tsx';
import { StatisticsTab } from './statistics-tab.tsx';
import type { EventTabProps, EventViewer } from './viewer.ts';

const t = messages.events;
const route = getRouteApi('/w/$workspace/events/$eventId');

interface TabDef {
  value: string;
  label: string;
  Component: ComponentType<EventTabProps>;
}

/** The tabs of each viewer, in order; the first is the default. */
export function eventTabs(kind: EventViewer['kind']): TabDef[] {
  if (kind === 'organiser') {
    return [
      { value: 'setup', label: t.tabs.setup, Component: SetupTab },
      { value: 'participants', label: t.tabs.participants, Component: ParticipantsTab },
      { value: 'requests', label: t.tabs.requests, Component: RequestsTab },
      { value: 'schedule', label: t.tabs.schedule, Component: ScheduleTab },
      { value: 'agendas', label: t.tabs.agendas, Component: AgendasTab },
      { value: 'day', label: t.tabs.day, Component: DayTab },
      { value: 'statistics', label: t.tabs.statistics, Component: StatisticsTab },
    ];
  }
  return [
    { value: 'my-registration', label: t.tabs.myRegistration, Component: MyRegistrationTab },
    { value: 'marketplace', label: t.tabs.marketplace, Component: MarketplaceTab },
    { value: 'my-agenda', label: t.tabs.myAgenda, Component: MyAgendaTab },
    { value: 'follow-up', label: t.tabs.followUp, Component: FollowUpTab },
  ];
}

/** Who looks at the event, from the API's `me`. */
export function viewerOf(workspace: string, event: Pick<EventDetailDto, 'id' | 'me'>): EventViewer {
  return event.me.canManage
    ? { kind: 'organiser', workspace, eventId: event.id }
    : { kind: 'member', workspace, eventId: event.id, participantId: event.me.participantId };
}

/** `/w/$workspace/events/$eventId`: the event's header and its tabs for the viewer (`?tab=`). */
export function EventPage() {
  const { workspace, eventId } = route.useParams();
  const event = useQuery(eventQuery(workspace, eventId));
  useDocumentTitle(messages.app.documentTitle(event.data?.activity.title ?? t.page.loading));

  const crumbs = (
    <Breadcrumbs aria-label={t.page.breadcrumb} separator="›">
      <AnchorLink to="/w/$workspace/events" params={{ workspace }} fz="sm">
        {t.page.back}
      </AnchorLink>
      <Text fz="sm" c="dimmed" aria-current="page" style={{ overflowWrap: 'anywhere' }}>
        {event.data?.activity.title ?? '…'}
      </Text>
    </Breadcrumbs>
  );

  if (event.isPending) {
    return (
      <Stack gap="lg" maw={1200} mx="auto" aria-busy="true">
        <VisuallyHidden role="status">{t.page.loading}</VisuallyHidden>
        <Skeleton h={14} w={160} />
        <Skeleton h={34} w="50%" />
        <Skeleton h={220} />
      </Stack>
    );
  }
  if (event.isError) {
    if (isApiError(event.error) && event.error.status === 404) {
      return (
        <Stack gap="lg" maw={1200} mx="auto" data-testid="event-not-found">
          <Title order={1}>{t.page.notFoundTitle}</Title>
          <Text>{t.page.notFoundBody}</Text>
          <ButtonLink to="/w/$workspace/events" params={{ workspace }} variant="light" w="fit-content">
            {t.page.back}
          </ButtonLink>
        </Stack>
      );
    }
    return (
      <Stack gap="lg" maw={1200} mx="auto">
        {crumbs}
        <ErrorState
          title={t.page.loadError}
          error={event.error}
          onRetry={() => void event.refetch()}
          retrying={event.isFetching}
        />
      </Stack>
    );
  }
  return (
    <Stack gap="lg" maw={1200} mx="auto">
      {crumbs}
      <EventHeader workspace={workspace} event={event.data} />
      <EventTabs workspace={workspace} event={event.data} />
    </Stack>
  );
}

function EventHeader({ workspace, event }: { workspace: string; event: EventDetailDto }) {
  const registrationUrl = `${window.location.origin}${event.publicUrl}`;
  return (
    <Stack gap="xs">
      <Title order={1} style={{ overflowWrap: 'anywhere' }}>
        {event.activity.title}
      </Title>
      <Group gap={6}>
        <Badge
          color={STATUS_COLORS[event.status] ?? 'gray'}
          variant="light"
          c="var(--mantine-color-text)"
          data-testid="event-status"
        >
          {t.status[event.status]}
        </Badge>
        <Badge color="gray" variant="outline">
          {t.format[event.format]}
        </Badge>
      </Group>
      <Text>
        {periodText(event.activity.startsOn, event.activity.endsOn)}
        {event.activity.city ? ` · ${event.activity.city}` : ''}
        {event.venue ? ` · ${event.venue}` : ''}
      </Text>
      <Text fz="sm" c="dimmed">
        {t.page.timeZone(event.timeZone)} ·{' '}
        <AnchorLink
          to="/w/$workspace/activities/$activityId"
          params={{ workspace, activityId: event.activity.id }}
          fz="sm"
          underline="always"
        >
          {t.page.activityLink}
        </AnchorLink>
      </Text>
      {event.status !== 'draft' && (
        <Paper withBorder p="sm" radius="md" maw="100%">
          <Group gap="sm" wrap="wrap" justify="space-between">
            <Stack gap={2} miw={0} style={{ flex: '1 1 14rem' }}>
              <Text fz="sm" fw={600}>
                {t.page.registrationLink}
              </Text>
              <Anchor
                href={registrationUrl}
                fz="sm"
                style={{ overflowWrap: 'anywhere' }}
                data-testid="event-public-link"
              >
                {registrationUrl}
              </Anchor>
            </Stack>
            <CopyButton value={registrationUrl}>
              {({ copied, copy }) => (
                <Button variant="light" size="xs" onClick={copy} aria-live="polite">
                  {copied ? t.page.copied : t.page.copy}
                </Button>
              )}
            </CopyButton>
          </Group>
        </Paper>
      )}
    </Stack>
  );
}

function EventTabs({ workspace, event }: { workspace: string; event: EventDetailDto }) {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const viewer = viewerOf(workspace, event);
  const tabs = eventTabs(viewer.kind);
  const current = tabs.find((tab) => tab.value === search.tab) ?? tabs[0];
  if (!current) return null;
  return (
    <Tabs
      value={current.value}
      onChange={(value) => {
        if (value) void navigate({ search: { tab: value }, replace: true });
      }}
      keepMounted={false}
    >
      <Tabs.List aria-label={t.tabs.label} style={{ flexWrap: 'wrap' }}>
        {tabs.map((tab) => (
          <Tabs.Tab key={tab.value} value={tab.value}>
            {tab.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {tabs.map((tab) => (
        <Tabs.Panel key={tab.value} value={tab.value} pt="md">
          <tab.Component viewer={viewer} />
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
