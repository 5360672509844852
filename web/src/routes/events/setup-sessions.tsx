import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { fieldErrorsOf } from '../../api/describe-error.ts';
import { FailureAlert } from '../../components/alerts.tsx';
import { PlusIcon } from '../../components/icons.tsx';
import { messages } from '../../messages/en.ts';
import { workspaceKeys } from '../../queries/keys.ts';
import type { EventDetailDto } from './queries.ts';

const t = messages.events.setup;

interface BreakDraft {
  key: number;
  start: string;
  end: string;
  label: string;
}
interface SessionDraft {
  key: number;
  name: string;
  day: string;
  startTime: string;
  endTime: string;
  breaks: BreakDraft[];
}

let nextKey = 1;
const draftsOf = (event: EventDetailDto): SessionDraft[] =>
  event.sessions.map((s) => ({
    key: nextKey++,
    name: s.name,
    day: s.day,
    startTime: s.startTime,
    endTime: s.endTime,
    breaks: s.breaks.map((b) => ({ ...b, key: nextKey++ })),
  }));

/** The days and sessions (with breaks) of the event, saved together, and the slots they make. */
export function SetupSessions({ workspace, event }: { workspace: string; event: EventDetailDto }) {
  const queryClient = useQueryClient();
  const [sessions, setSessions] = useState<SessionDraft[]>(() => draftsOf(event));
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/api/v1/workspaces/{workspace}/events/{eventId}/sessions', {
          params: { path: { workspace, eventId: event.id } },
          body: {
            sessions: sessions.map(({ key: _key, breaks, ...s }) => ({
              ...s,
              breaks: breaks.map(({ key: _k, ...b }) => b),
            })),
          },
        }),
      ),
    onSuccess: (updated) => {
      setSessions(draftsOf(updated));
      void queryClient.invalidateQueries({ queryKey: workspaceKeys.all(workspace) });
    },
  });
  const errors = save.isError ? fieldErrorsOf(save.error) : {};
  const errorOf = (i: number, field: string) =>
    errors[`sessions.${i}.${field}`] ?? errors[`body.sessions.${i}.${field}`];
  const update = (key: number, change: Partial<SessionDraft>) =>
    setSessions((list) => list.map((s) => (s.key === key ? { ...s, ...change } : s)));
  const lastDay = sessions.at(-1)?.day ?? event.activity.startsOn;

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="event-sessions-title">
      <Stack gap="sm">
        <Title order={2} fz="lg" id="event-sessions-title">
          {t.sessionsTitle}
        </Title>
        <Text fz="sm" c="dimmed">
          {t.sessionsIntro}
        </Text>
        {event.publishedAt && (
          <Alert color="yellow" variant="light">
            {t.published}
          </Alert>
        )}
        {sessions.length === 0 && <Text>{t.noSessions}</Text>}
        {sessions.map((session, i) => (
          <Paper key={session.key} withBorder p="sm" radius="sm" component="fieldset" style={{ minWidth: 0 }}>
            <Stack gap="xs">
              <Group justify="space-between">
                <Text component="legend" fw={600}>
                  {t.session(i + 1)}
                </Text>
                <Button
                  variant="subtle"
                  color="red"
                  size="xs"
                  onClick={() => setSessions((list) => list.filter((s) => s.key !== session.key))}
                >
                  {t.removeSession}
                </Button>
              </Group>
              <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
                <TextInput
                  label={t.sessionName}
                  value={session.name}
                  error={errorOf(i, 'name')}
                  onChange={(e) => update(session.key, { name: e.currentTarget.value })}
                />
                <TextInput
                  type="date"
                  label={t.day}
                  value={session.day}
                  min={event.activity.startsOn}
                  max={event.activity.endsOn}
                  error={errorOf(i, 'day')}
                  onChange={(e) => update(session.key, { day: e.currentTarget.value })}
                />
                <TextInput
                  type="time"
                  label={t.startTime}
                  value={session.startTime}
                  error={errorOf(i, 'startTime')}
                  onChange={(e) => update(session.key, { startTime: e.currentTarget.value })}
                />
                <TextInput
                  type="time"
                  label={t.endTime}
                  value={session.endTime}
                  error={errorOf(i, 'endTime')}
                  onChange={(e) => update(session.key, { endTime: e.currentTarget.value })}
                />
              </SimpleGrid>
              {session.breaks.map((b, j) => (
                <Group key={b.key} gap="xs" align="flex-end" wrap="wrap">
                  <TextInput
                    type="time"
                    label={`${t.breaks} ${j + 1}: ${t.startTime}`}
                    value={b.start}
                    error={errorOf(i, `breaks.${j}`)}
                    onChange={(e) =>
                      update(session.key, {
                        breaks: session.breaks.map((x, k) =>
                          k === j ? { ...x, start: e.currentTarget.value } : x,
                        ),
                      })
                    }
                  />
                  <TextInput
                    type="time"
                    label={`${t.breaks} ${j + 1}: ${t.endTime}`}
                    value={b.end}
                    onChange={(e) =>
                      update(session.key, {
                        breaks: session.breaks.map((x, k) =>
                          k === j ? { ...x, end: e.currentTarget.value } : x,
                        ),
                      })
                    }
                  />
                  <TextInput
                    label={t.breakLabel}
                    value={b.label}
                    onChange={(e) =>
                      update(session.key, {
                        breaks: session.breaks.map((x, k) =>
                          k === j ? { ...x, label: e.currentTarget.value } : x,
                        ),
                      })
                    }
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`${t.removeBreak} ${j + 1}`}
                    mb={4}
                    onClick={() => update(session.key, { breaks: session.breaks.filter((_, k) => k !== j) })}
                  >
                    ×
                  </ActionIcon>
                </Group>
              ))}
              <Button
                variant="subtle"
                size="xs"
                w="fit-content"
                leftSection={<PlusIcon />}
                onClick={() =>
                  update(session.key, {
                    breaks: [...session.breaks, { key: nextKey++, start: '10:30', end: '11:00', label: '' }],
                  })
                }
              >
                {t.addBreak}
              </Button>
            </Stack>
          </Paper>
        ))}
        <Group gap="sm">
          <Button
            variant="light"
            leftSection={<PlusIcon />}
            onClick={() =>
              setSessions((list) => [
                ...list,
                { key: nextKey++, name: '', day: lastDay, startTime: '09:00', endTime: '12:00', breaks: [] },
              ])
            }
          >
            {t.addSession}
          </Button>
          <Button onClick={() => save.mutate()} loading={save.isPending} data-testid="event-sessions-save">
            {t.saveSessions}
          </Button>
        </Group>
        {save.isError && (
          <FailureAlert title={t.sessionsFailed} error={save.error} testId="event-sessions-error" />
        )}
        {save.isSuccess && (
          <Alert color="teal" variant="light" role="status">
            {t.sessionsSaved}
          </Alert>
        )}
        <SlotList event={event} />
      </Stack>
    </Paper>
  );
}

function SlotList({ event }: { event: EventDetailDto }) {
  return (
    <Stack gap="xs">
      <Title order={3} fz="md">
        {t.slotsTitle} · {t.slotCount(event.slots.length)}
      </Title>
      {event.slots.length === 0 ? (
        <Text c="dimmed">{t.noSlots}</Text>
      ) : (
        <Table.ScrollContainer minWidth={0}>
          <Table striped data-testid="event-slots">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>#</Table.Th>
                <Table.Th>{t.day}</Table.Th>
                <Table.Th>{t.startTime}</Table.Th>
                <Table.Th>{t.endTime}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {event.slots.map((slot) => (
                <Table.Tr key={slot.number}>
                  <Table.Td>{slot.number}</Table.Td>
                  <Table.Td>{slot.day}</Table.Td>
                  <Table.Td>{slot.startTime}</Table.Td>
                  <Table.Td>{slot.endTime}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
