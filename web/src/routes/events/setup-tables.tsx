import {
  Alert,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { fieldErrorsOf } from '../../api/describe-error.ts';
import { FailureAlert } from '../../components/alerts.tsx';
import { PlusIcon } from '../../components/icons.tsx';
import { NumberField } from '../../components/number-field.tsx';
import { messages } from '../../messages/en.ts';
import { workspaceKeys } from '../../queries/keys.ts';
import { type EventDetailDto, eventKeys } from './queries.ts';

const t = messages.events.setup;

interface TableDraft {
  key: number;
  number: number | string;
  name: string;
  reservedParticipantId: string | null;
  videoLink: string;
}
let nextKey = 1;
const draftsOf = (tables: EventDetailDto['tables']): TableDraft[] =>
  tables.map((x) => ({
    key: nextKey++,
    number: x.number,
    name: x.name,
    reservedParticipantId: x.reservedParticipantId,
    videoLink: x.videoLink ?? '',
  }));

function tablesQuery(workspace: string, eventId: string) {
  return {
    queryKey: [...eventKeys.detail(workspace, eventId), 'tables'] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/events/{eventId}/tables', {
          params: { path: { workspace, eventId } },
          signal,
        }),
      ),
    staleTime: 10_000,
  };
}

/** The tables (or rooms) of the event: numbered, named, some reserved for a participant. */
export function SetupTables({ workspace, event }: { workspace: string; event: EventDetailDto }) {
  const queryClient = useQueryClient();
  const reservable = useQuery(tablesQuery(workspace, event.id));
  const [tables, setTables] = useState<TableDraft[]>(() => draftsOf(event.tables));
  const [count, setCount] = useState<number | string>(event.tables.length || 10);
  const [prefix, setPrefix] = useState('Table');
  const done = (result: { tables: EventDetailDto['tables'] }) => {
    setTables(draftsOf(result.tables));
    void queryClient.invalidateQueries({ queryKey: workspaceKeys.all(workspace) });
  };
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/api/v1/workspaces/{workspace}/events/{eventId}/tables', {
          params: { path: { workspace, eventId: event.id } },
          body: {
            tables: tables.map((x) => ({
              number: Number(x.number),
              name: x.name,
              reservedParticipantId: x.reservedParticipantId,
              videoLink: x.videoLink.trim() || null,
            })),
          },
        }),
      ),
    onSuccess: done,
  });
  const generate = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/workspaces/{workspace}/events/{eventId}/tables/generate', {
          params: { path: { workspace, eventId: event.id } },
          body: { count: Number(count), prefix },
        }),
      ),
    onSuccess: done,
  });
  const errors = save.isError ? fieldErrorsOf(save.error) : {};
  const participants = [
    { value: '', label: t.notReserved },
    ...(reservable.data?.reservable ?? []).map((p) => ({ value: p.id, label: p.name })),
  ];
  const update = (key: number, change: Partial<TableDraft>) =>
    setTables((list) => list.map((x) => (x.key === key ? { ...x, ...change } : x)));

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="event-tables-title">
      <Stack gap="sm">
        <Title order={2} fz="lg" id="event-tables-title">
          {t.tablesTitle}
        </Title>
        <Text fz="sm" c="dimmed">
          {t.tablesIntro}
        </Text>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <NumberField label={t.generateCount} w={160} value={count} onChange={setCount} />
          <TextInput
            label={t.generatePrefix}
            w={160}
            value={prefix}
            onChange={(e) => setPrefix(e.currentTarget.value)}
          />
          <Button variant="light" onClick={() => generate.mutate()} loading={generate.isPending}>
            {t.generate}
          </Button>
        </Group>
        {generate.isError && (
          <FailureAlert title={t.tablesFailed} error={generate.error} testId="event-tables-generate-error" />
        )}
        {tables.length === 0 && <Text>{t.noTables}</Text>}
        {tables.map((table, i) => (
          <Paper key={table.key} withBorder p="xs" radius="sm" component="fieldset" style={{ minWidth: 0 }}>
            <Text component="legend" fw={600} fz="sm">
              {t.table(Number(table.number) || i + 1)}
            </Text>
            <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
              <NumberField
                label={t.tableNumber}
                value={table.number}
                error={errors[`tables.${i}.number`]}
                onChange={(value) => update(table.key, { number: value })}
              />
              <TextInput
                label={t.tableName}
                value={table.name}
                error={errors[`tables.${i}.name`]}
                onChange={(e) => update(table.key, { name: e.currentTarget.value })}
              />
              <Select
                label={t.reservedFor}
                data={participants}
                value={table.reservedParticipantId ?? ''}
                allowDeselect={false}
                searchable
                error={errors[`tables.${i}.reservedParticipantId`]}
                onChange={(value) => update(table.key, { reservedParticipantId: value || null })}
                comboboxProps={{ withinPortal: true }}
              />
              <TextInput
                label={t.tableVideoLink}
                type="url"
                value={table.videoLink}
                error={errors[`tables.${i}.videoLink`]}
                onChange={(e) => update(table.key, { videoLink: e.currentTarget.value })}
              />
            </SimpleGrid>
            <Button
              mt="xs"
              variant="subtle"
              color="red"
              size="xs"
              onClick={() => setTables((list) => list.filter((x) => x.key !== table.key))}
            >
              {t.removeTable}
            </Button>
          </Paper>
        ))}
        <Group gap="sm">
          <Button
            variant="light"
            leftSection={<PlusIcon />}
            onClick={() => {
              const next = Math.max(0, ...tables.map((x) => Number(x.number) || 0)) + 1;
              setTables((list) => [
                ...list,
                {
                  key: nextKey++,
                  number: next,
                  name: `${prefix} ${next}`,
                  reservedParticipantId: null,
                  videoLink: '',
                },
              ]);
            }}
          >
            {t.addTable}
          </Button>
          <Button onClick={() => save.mutate()} loading={save.isPending} data-testid="event-tables-save">
            {t.saveTables}
          </Button>
        </Group>
        {save.isError && (
          <FailureAlert title={t.tablesFailed} error={save.error} testId="event-tables-error" />
        )}
        {(save.isSuccess || generate.isSuccess) && (
          <Alert color="teal" variant="light" role="status">
            {t.tablesSaved}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
