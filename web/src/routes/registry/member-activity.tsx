import { Button, Paper, Skeleton, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { OrganisationActivityDto, OrganisationHistoryEntryDto } from '../../api/types.ts';
import { ErrorState } from '../../app/error-state.tsx';
import { formatDateTime } from '../../app/format.ts';
import { AnchorLink } from '../../app/links.tsx';
import { shownChanges } from '../../components/audit-format.ts';
import { periodText } from '../../components/period-text.ts';
import { ActivityStatusBadge } from '../../components/status-badges.tsx';
import { messages } from '../../messages/en.ts';
import { organisationActivitiesQuery, organisationHistoryQuery } from './queries.ts';

const t = messages.memberPage;
const p = messages.planning;

/** The member page's "Activities": where the organisation took part, and how, the latest first. */
export function MemberActivities({
  workspace,
  organisationId,
  name,
}: {
  workspace: string;
  organisationId: string;
  name: string;
}) {
  const activities = useInfiniteQuery(organisationActivitiesQuery(workspace, organisationId));
  const items = activities.data?.pages.flatMap((page) => page.items) ?? [];
  const total = activities.data?.pages[0]?.total;
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="member-activities-title">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} fz="lg" id="member-activities-title">
            {t.activities}{' '}
            {total !== undefined && (
              <Text component="span" c="dimmed" fz="sm" fw={500}>
                ({t.activitiesCount(total)})
              </Text>
            )}
          </Title>
          <Text fz="sm" c="dimmed">
            {t.activitiesIntro}
          </Text>
        </Stack>
        {activities.isPending ? (
          <Stack gap="xs" aria-busy="true">
            <VisuallyHidden role="status">{t.activitiesLoading}</VisuallyHidden>
            <Skeleton h={36} />
            <Skeleton h={36} />
          </Stack>
        ) : activities.isError ? (
          <ErrorState
            title={t.activitiesLoadError}
            error={activities.error}
            onRetry={() => void activities.refetch()}
            retrying={activities.isFetching}
          />
        ) : items.length === 0 ? (
          <Text fz="sm" c="dimmed" data-testid="member-no-activities">
            {t.noActivities}
          </Text>
        ) : (
          <>
            <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
              <Table.ScrollContainer minWidth={820} type="native">
                <Table
                  verticalSpacing="sm"
                  horizontalSpacing="md"
                  striped="even"
                  data-testid="member-activities"
                >
                  <VisuallyHidden component="caption">{t.activitiesCaption(name)}</VisuallyHidden>
                  <Table.Thead bg="gray.0">
                    <Table.Tr>
                      <Table.Th scope="col">{t.activity}</Table.Th>
                      <Table.Th scope="col">{t.dates}</Table.Th>
                      <Table.Th scope="col">{t.market}</Table.Th>
                      <Table.Th scope="col">{t.status}</Table.Th>
                      <Table.Th scope="col">{t.tookPartAs}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {items.map((activity) => (
                      <ActivityRow key={activity.id} workspace={workspace} activity={activity} />
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
            {activities.hasNextPage && (
              <Button
                variant="default"
                w="fit-content"
                loading={activities.isFetchingNextPage}
                onClick={() => void activities.fetchNextPage()}
              >
                {t.loadMore}
              </Button>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}

function ActivityRow({ workspace, activity }: { workspace: string; activity: OrganisationActivityDto }) {
  return (
    <Table.Tr data-testid="member-activity">
      <Table.Td style={{ minWidth: 220, overflowWrap: 'anywhere' }}>
        <AnchorLink
          to="/w/$workspace/activities/$activityId"
          params={{ workspace, activityId: activity.id }}
          fz="sm"
          fw={600}
        >
          {activity.title}
        </AnchorLink>
        <Text fz="xs" c="dimmed">
          {`${activity.instrumentCode} ${activity.instrumentName}`}
        </Text>
      </Table.Td>
      <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }}>
        {periodText(activity.startsOn, activity.endsOn)}
      </Table.Td>
      <Table.Td fz="sm" style={{ overflowWrap: 'anywhere' }}>
        {activity.marketId && activity.marketName ? (
          <AnchorLink
            to="/w/$workspace/markets/$marketId"
            params={{ workspace, marketId: activity.marketId }}
            fz="sm"
          >
            {activity.marketName}
          </AnchorLink>
        ) : (
          <Text component="span" fz="sm" c="dimmed">
            {t.standalone}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <ActivityStatusBadge status={activity.status} />
      </Table.Td>
      <Table.Td>
        <Stack component="ul" gap={2} m={0} p={0} style={{ listStyle: 'none' }}>
          {activity.participation.map((part) => (
            <Text component="li" key={part.id} fz="sm" data-testid="member-participation">
              {t.participation(
                part.personName ?? t.itself,
                p.participantRole[part.role],
                messages.attendance.value[part.attendance],
              )}
            </Text>
          ))}
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}

/** The member page's "History": who changed the organisation or its people, when, and what. */
export function MemberHistory({
  workspace,
  organisationId,
  name,
}: {
  workspace: string;
  organisationId: string;
  name: string;
}) {
  const history = useInfiniteQuery(organisationHistoryQuery(workspace, organisationId));
  const items = history.data?.pages.flatMap((page) => page.items) ?? [];
  // Names of the records the changes refer to, from every page loaded.
  const references = Object.assign({}, ...(history.data?.pages.map((page) => page.references) ?? []));
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="member-history-title">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} fz="lg" id="member-history-title">
            {t.history}
          </Title>
          <Text fz="sm" c="dimmed">
            {t.historyIntro}
          </Text>
        </Stack>
        {history.isPending ? (
          <Stack gap="xs" aria-busy="true">
            <VisuallyHidden role="status">{t.historyLoading}</VisuallyHidden>
            <Skeleton h={48} />
            <Skeleton h={48} />
          </Stack>
        ) : history.isError ? (
          <ErrorState
            title={t.historyLoadError}
            error={history.error}
            onRetry={() => void history.refetch()}
            retrying={history.isFetching}
          />
        ) : items.length === 0 ? (
          <Text fz="sm" c="dimmed" data-testid="member-no-history">
            {t.noHistory}
          </Text>
        ) : (
          <>
            <Stack
              component="ol"
              gap="sm"
              m={0}
              p={0}
              style={{ listStyle: 'none' }}
              aria-label={t.historyCaption(name)}
              data-testid="member-history"
            >
              {items.map((entry) => (
                // The server's schema holds each change as a [before, after] pair.
                <HistoryEntry
                  key={entry.id}
                  entry={entry as OrganisationHistoryEntryDto}
                  references={references}
                />
              ))}
            </Stack>
            {history.hasNextPage && (
              <Button
                variant="default"
                w="fit-content"
                loading={history.isFetchingNextPage}
                onClick={() => void history.fetchNextPage()}
              >
                {t.loadMore}
              </Button>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}

function HistoryEntry({
  entry,
  references,
}: {
  entry: OrganisationHistoryEntryDto;
  references: Record<string, string>;
}) {
  const changes = shownChanges({ ...entry, kpi: null }, references);
  const recordName = entry.entityName ?? recordedName(entry);
  return (
    <Stack
      component="li"
      gap={4}
      pl="sm"
      style={{ borderLeft: '3px solid var(--mantine-color-gray-3)' }}
      data-testid="member-history-entry"
    >
      <Text fz="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
        {t.historyEntry(
          messages.audit.actions[entry.action],
          t.entityTypes[entry.entityType] ?? '',
          recordName,
        )}
        {entry.entityName === null && (
          <Text component="span" fz="xs" c="dimmed" fw={400}>
            {` (${t.deleted})`}
          </Text>
        )}
      </Text>
      <Text fz="xs" c="dimmed">
        {`${formatDateTime(entry.at)} · ${entry.actor ?? t.someone}`}
      </Text>
      {changes.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {messages.audit.noChanges}
        </Text>
      ) : (
        <Stack component="ul" gap={2} m={0} p={0} style={{ listStyle: 'none' }}>
          {changes.map((change) => (
            <Text
              component="li"
              key={change.field}
              fz="sm"
              style={{ overflowWrap: 'anywhere' }}
              data-testid="member-history-change"
            >
              <Text component="span" fz="sm" fw={600}>
                {change.label}
              </Text>
              {': '}
              {entry.action === 'create' ? (
                change.after
              ) : entry.action === 'delete' ? (
                change.before
              ) : (
                <>
                  <Text component="span" fz="sm" c="dimmed">
                    {change.before}
                  </Text>
                  {' → '}
                  {change.after}
                </>
              )}
            </Text>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

/** The name a deleted record had, as its events recorded it. */
function recordedName(entry: OrganisationHistoryEntryDto): string {
  const pair = entry.changes.name as [unknown, unknown] | undefined;
  const recorded = pair?.find((value) => typeof value === 'string' && value !== '');
  return typeof recorded === 'string' ? recorded : '';
}
