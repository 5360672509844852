import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorState } from '../../app/error-state.tsx';
import { TableSkeleton } from '../../components/skeletons.tsx';
import { messages } from '../../messages/en.ts';
import { formatSlot, scheduledMeetingsQuery } from './schedule-queries.ts';

const t = messages.eventSchedule.meetings;
const PAGE = 50;

/** The current schedule: one row per meeting (time, table, the two participants, status), 50 more at a time. */
export function ScheduleMeetings({
  workspace,
  eventId,
  timeZone,
}: {
  workspace: string;
  eventId: string;
  timeZone: string;
}) {
  const [limit, setLimit] = useState(PAGE);
  const meetings = useQuery({
    ...scheduledMeetingsQuery(workspace, eventId, limit),
    placeholderData: keepPreviousData,
  });
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="schedule-meetings-title">
      <Stack gap="sm">
        <Title order={2} fz="lg" id="schedule-meetings-title">
          {t.title}
        </Title>
        {meetings.isPending ? (
          <TableSkeleton label={t.title} columns={3} />
        ) : meetings.isError ? (
          <ErrorState
            title={messages.eventSchedule.loadFailed}
            error={meetings.error}
            onRetry={() => void meetings.refetch()}
            retrying={meetings.isFetching}
          />
        ) : meetings.data.total === 0 ? (
          <Text c="dimmed">{t.empty}</Text>
        ) : (
          <>
            <Table
              verticalSpacing="xs"
              striped="even"
              style={{ tableLayout: 'fixed', width: '100%' }}
              data-testid="schedule-meetings"
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" w="38%">
                    {t.when}
                  </Table.Th>
                  <Table.Th scope="col">{t.between}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {meetings.data.items.map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>
                      <Text size="sm">{formatSlot(m.slotStartsAt, timeZone)}</Text>
                      <Text size="sm" c="dimmed">
                        {m.table ? m.table.name : t.noTable}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>
                      <Text size="sm">
                        {m.from.name} – {m.to.name}
                      </Text>
                      <Group gap={4} mt={2}>
                        <Badge
                          size="sm"
                          variant="light"
                          c="var(--mantine-color-text)"
                          color={m.status === 'cancelled' ? 'red' : 'blue'}
                        >
                          {t.statuses[m.status] ?? m.status}
                        </Badge>
                        <Badge size="sm" variant="outline" color="gray">
                          {m.published ? t.published : t.draft}
                        </Badge>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Group justify="space-between" wrap="wrap">
              <Text size="sm" c="dimmed">
                {t.shown(meetings.data.items.length, meetings.data.total)}
              </Text>
              {meetings.data.items.length < meetings.data.total && (
                <Button variant="default" size="xs" onClick={() => setLimit((l) => Math.min(500, l + PAGE))}>
                  {t.showMore}
                </Button>
              )}
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}
