import {
  Badge,
  Box,
  Button,
  Group,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useMemo } from 'react';
import type { AuditEventDto } from '../../api/types.ts';
import { useAbilities } from '../../app/abilities.ts';
import { ErrorState } from '../../app/error-state.tsx';
import { ForbiddenState } from '../../app/forbidden-state.tsx';
import { formatDateTime } from '../../app/format.ts';
import { messages } from '../../messages/en.ts';
import { allClustersQuery } from '../../queries/clusters.ts';
import { auditFieldLabel, formatAuditValue } from './audit-format.ts';
import { auditListQuery } from './queries.ts';

const t = messages.audit;
const route = getRouteApi('/w/$workspace/audit');

const ACTION_COLORS = { create: 'teal.9', update: 'indigo', delete: 'red.9' } as const;

/** `/w/$workspace/audit`: every change in the workspace, newest first (coordinators). */
export function AuditPage() {
  useDocumentTitle(messages.app.documentTitle(t.title));
  const { workspace } = route.useParams();
  const abilities = useAbilities(workspace);
  if (abilities.loaded && !abilities.canSomewhere('audit.read')) {
    return <ForbiddenState title={t.forbiddenTitle} />;
  }
  return <AuditLog workspace={workspace} />;
}

function AuditLog({ workspace }: { workspace: string }) {
  const log = useInfiniteQuery(auditListQuery(workspace));
  const clusters = useQuery(allClustersQuery(workspace));
  const clusterNames = useMemo(
    () => new Map((clusters.data?.items ?? []).map((c) => [c.id, `${c.shortName} · ${c.name}`])),
    [clusters.data],
  );
  const events = useMemo(() => log.data?.pages.flatMap((page) => page.items) ?? [], [log.data]);

  return (
    <Stack gap="lg" maw={1200} mx="auto">
      <Stack gap={6}>
        <Title order={1}>{t.title}</Title>
        <Text c="dimmed" maw={720}>
          {t.intro}
        </Text>
      </Stack>

      {log.isPending ? (
        <Box aria-busy="true">
          <VisuallyHidden role="status">{t.loading}</VisuallyHidden>
          <Paper withBorder radius="md" p="md" aria-hidden="true">
            <Stack gap="md">
              {[0, 1, 2, 3, 4].map((row) => (
                <Group key={row} gap="lg" wrap="nowrap">
                  <Skeleton h={14} w={120} />
                  <Skeleton h={14} w="20%" />
                  <Skeleton h={14} w={64} />
                  <Skeleton h={14} w="40%" />
                </Group>
              ))}
            </Stack>
          </Paper>
        </Box>
      ) : log.isError ? (
        <ErrorState
          title={t.loadError}
          error={log.error}
          onRetry={() => void log.refetch()}
          retrying={log.isFetching}
        />
      ) : events.length === 0 ? (
        <Paper withBorder radius="md" p="xl">
          <Stack align="center" gap="xs" py="lg">
            <Title order={2} fz="lg">
              {t.emptyTitle}
            </Title>
            <Text c="dimmed">{t.emptyBody}</Text>
          </Stack>
        </Paper>
      ) : (
        <Stack gap="md">
          <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
            {/* Focusable, so keyboard users can scroll it when the page is narrower than the table. */}
            <Table.ScrollContainer minWidth={820} type="native" tabIndex={0} aria-label={t.tableCaption}>
              <Table verticalSpacing="sm" horizontalSpacing="md" striped="even">
                <VisuallyHidden component="caption">{t.tableCaption}</VisuallyHidden>
                <Table.Thead bg="gray.0">
                  <Table.Tr>
                    <Table.Th scope="col">{t.when}</Table.Th>
                    <Table.Th scope="col">{t.who}</Table.Th>
                    <Table.Th scope="col">{t.action}</Table.Th>
                    <Table.Th scope="col">{t.entity}</Table.Th>
                    <Table.Th scope="col">{t.changes}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {events.map((event) => (
                    <Table.Tr key={event.id} data-testid="audit-row" style={{ verticalAlign: 'top' }}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <time dateTime={event.at}>{formatDateTime(event.at)}</time>
                      </Table.Td>
                      <Table.Td>{event.actor ?? t.unknownActor}</Table.Td>
                      <Table.Td>
                        <Badge variant="dot" color={ACTION_COLORS[event.action]} tt="none" size="md">
                          {t.actions[event.action]}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Text fz="sm" fw={600} tt="capitalize">
                          {event.entityType}
                        </Text>
                        <Text fz="xs" c="dimmed">
                          {entityLabel(event, clusterNames)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <ChangeList event={event} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
          {log.hasNextPage && (
            <Group justify="center">
              <Button
                variant="default"
                onClick={() => void log.fetchNextPage()}
                loading={log.isFetchingNextPage}
              >
                {messages.common.loadMore}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Stack>
  );
}

/** A readable name for the changed record: the cluster's current name, or the one it had. */
function entityLabel(event: AuditEventDto, clusterNames: Map<string, string>): string {
  if (event.entityType === 'cluster') {
    const known = clusterNames.get(event.entityId);
    if (known) return known;
    const recorded = event.changes.short_name?.find((value) => typeof value === 'string');
    if (typeof recorded === 'string') return recorded;
  }
  return event.entityId;
}

function ChangeList({ event }: { event: AuditEventDto }) {
  const entries = Object.entries(event.changes);
  if (entries.length === 0) {
    return (
      <Text fz="sm" c="dimmed">
        {t.noChanges}
      </Text>
    );
  }
  return (
    <Stack component="ul" gap={2} m={0} p={0} style={{ listStyle: 'none' }}>
      {entries.map(([field, [before, after]]) => (
        <Text component="li" key={field} fz="sm" data-testid="audit-change">
          <Text component="span" fz="sm" fw={600}>
            {auditFieldLabel(field)}
          </Text>
          {': '}
          {event.action === 'create' && (before === null || before === undefined) ? (
            <span>{formatAuditValue(field, after)}</span>
          ) : (
            <>
              <Text component="span" fz="sm" c="dimmed">
                {formatAuditValue(field, before)}
              </Text>
              {' → '}
              <span>{formatAuditValue(field, after)}</span>
            </>
          )}
        </Text>
      ))}
    </Stack>
  );
}
