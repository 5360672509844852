import {
  Badge,
  Button,
  Card,
  Drawer,
  FileInput,
  Group,
  Loader,
  Radio,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { paths } from '../../api/schema.d.ts';
import { countryName } from '../../app/format.ts';
import { FailureAlert } from '../../components/alerts.tsx';
import { messages } from '../../messages/en.ts';
import type { EventTabProps } from './viewer.ts';

const t = messages.eventRegistration;
type Participant =
  paths['/api/v1/workspaces/{workspace}/events/{eventId}/participants/{participantId}']['get']['responses'][200]['content']['application/json'];
type Status = Participant['status'];
type Source = Participant['source'];
const STATUSES: Status[] = ['unconfirmed', 'pending', 'approved', 'rejected', 'cancelled'];
const SOURCES: Source[] = ['public', 'member', 'organiser', 'import'];

/** The organisers' participants: list with filters and counts, decisions, a drawer, the import. */
export function ParticipantsTab({ viewer }: EventTabProps) {
  if (viewer.kind !== 'organiser') return null;
  return <OrganiserParticipants workspace={viewer.workspace} eventId={viewer.eventId} />;
}

function OrganiserParticipants({ workspace, eventId }: { workspace: string; eventId: string }) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<Status | null>(null);
  const [source, setSource] = useState<Source | null>(null);
  const [q, setQ] = useState('');
  const [open, setOpen] = useState<Participant | null>(null);
  const key = ['events', workspace, eventId, 'participants'];
  const list = useQuery({
    queryKey: [...key, status, source, q],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/events/{eventId}/participants', {
          params: {
            path: { workspace, eventId },
            query: {
              limit: 200,
              offset: 0,
              ...(status ? { status } : {}),
              ...(source ? { source } : {}),
              ...(q.trim() ? { q: q.trim() } : {}),
            },
          },
        }),
      ),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: key });
  return (
    <Stack gap="md">
      <Title order={2}>{t.participantsTitle}</Title>
      <Group gap="sm" wrap="wrap" align="flex-end">
        <TextInput
          label={t.search}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={{ base: '100%', sm: 260 }}
        />
        <Select
          label={t.statusFilter}
          placeholder={t.allStatuses}
          clearable
          data={STATUSES.map((s) => ({
            value: s,
            label: `${t.status[s]} (${list.data?.countsByStatus[s] ?? 0})`,
          }))}
          value={status}
          onChange={(v) => setStatus(v as Status | null)}
          w={{ base: '100%', sm: 220 }}
        />
        <Select
          label={t.sourceFilter}
          placeholder={t.allSources}
          clearable
          data={SOURCES.map((s) => ({ value: s, label: t.source[s] ?? s }))}
          value={source}
          onChange={(v) => setSource(v as Source | null)}
          w={{ base: '100%', sm: 220 }}
        />
      </Group>
      {list.isPending && <Loader aria-label={t.participantsTitle} />}
      {list.isError && <FailureAlert title={t.loadFailed} error={list.error} testId="participants-failed" />}
      {list.data && (
        <>
          <Text fz="sm" role="status">
            {t.total(list.data.total)}
          </Text>
          {list.data.items.length === 0 ? (
            <Text>{t.noParticipants}</Text>
          ) : (
            <Table.ScrollContainer minWidth={0}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t.name}</Table.Th>
                    <Table.Th visibleFrom="sm">{t.country}</Table.Th>
                    <Table.Th>{t.statusFilter}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.items.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Td style={{ overflowWrap: 'anywhere' }}>
                        <Button
                          variant="subtle"
                          px={0}
                          onClick={() => setOpen(p)}
                          aria-label={t.details(p.name)}
                        >
                          {p.name}
                        </Button>
                      </Table.Td>
                      <Table.Td visibleFrom="sm">{countryName(p.country)}</Table.Td>
                      <Table.Td>
                        <Badge
                          variant="light"
                          c="var(--mantine-color-text)"
                          color={
                            p.status === 'approved'
                              ? 'teal.9'
                              : p.status === 'pending'
                                ? 'orange.9'
                                : 'gray.8'
                          }
                        >
                          {t.status[p.status]}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </>
      )}
      <ImportCard workspace={workspace} eventId={eventId} onDone={refresh} />
      <Drawer
        closeButtonProps={{ 'aria-label': messages.common.close }}
        opened={open !== null}
        onClose={() => setOpen(null)}
        position="right"
        size="md"
        title={open ? t.details(open.name) : ''}
      >
        {open && (
          <ParticipantDetails
            participant={open}
            workspace={workspace}
            eventId={eventId}
            onDecided={(p) => {
              setOpen(p);
              void refresh();
            }}
          />
        )}
      </Drawer>
    </Stack>
  );
}

function ParticipantDetails({
  participant: p,
  workspace,
  eventId,
  onDecided,
}: {
  participant: Participant;
  workspace: string;
  eventId: string;
  onDecided: (p: Participant) => void;
}) {
  const [reason, setReason] = useState(p.decisionReason ?? '');
  const decide = useMutation({
    mutationFn: (decision: 'approve' | 'reject') =>
      unwrap(
        api.POST('/api/v1/workspaces/{workspace}/events/{eventId}/participants/{participantId}/decision', {
          params: { path: { workspace, eventId, participantId: p.id } },
          body: { decision, reason: reason.trim() || null, version: p.version },
        }),
      ),
    onSuccess: onDecided,
  });
  return (
    <Stack gap="sm">
      <Text>
        {t.status[p.status]} · {t.source[p.source]}
      </Text>
      <Text fz="sm">
        {countryName(p.country)}
        {p.city ? ` · ${p.city}` : ''}
        {p.website ? ` · ${p.website}` : ''}
      </Text>
      {p.offers && (
        <Text fz="sm">
          <b>{t.offers}:</b> {p.offers}
        </Text>
      )}
      {p.lookingFor && (
        <Text fz="sm">
          <b>{t.lookingFor}:</b> {p.lookingFor}
        </Text>
      )}
      <Text fz="sm">
        <b>{t.contact}:</b> {p.contactName} ({p.contactEmail})
      </Text>
      <Text fz="sm" fw={600}>
        {t.representatives}
      </Text>
      <ul style={{ margin: 0 }}>
        {p.representatives.map((r) => (
          <li key={r.id}>
            <Text fz="sm">
              {r.name}
              {r.role ? `, ${r.role}` : ''}
              {r.email ? ` (${r.email})` : ''}
            </Text>
          </li>
        ))}
      </ul>
      <Text fz="sm">{p.networkConsent ? t.networkConsentYes : t.networkConsentNo}</Text>
      {(p.status === 'pending' || p.status === 'approved' || p.status === 'rejected') && (
        <Stack gap="xs">
          <Textarea
            label={t.reason}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <Group gap="sm">
            {p.status !== 'approved' && (
              <Button loading={decide.isPending} onClick={() => decide.mutate('approve')}>
                {t.approve}
              </Button>
            )}
            {p.status !== 'rejected' && (
              <Button
                color="red.9"
                variant="light"
                loading={decide.isPending}
                onClick={() => decide.mutate('reject')}
              >
                {t.reject}
              </Button>
            )}
          </Group>
          {decide.isError && (
            <FailureAlert title={t.decisionFailed} error={decide.error} testId="decision-failed" />
          )}
        </Stack>
      )}
    </Stack>
  );
}

type ImportResult =
  paths['/api/v1/workspaces/{workspace}/events/{eventId}/imports']['post']['responses'][200]['content']['application/json'];

/** The import wizard: choose the kind and the file, check it (preview and errors), then import. */
function ImportCard({
  workspace,
  eventId,
  onDone,
}: {
  workspace: string;
  eventId: string;
  onDone: () => void;
}) {
  const [kind, setKind] = useState<'participants' | 'requests'>('participants');
  const [file, setFile] = useState<File | null>(null);
  const run = useMutation({
    mutationFn: (commit: boolean): Promise<ImportResult> => {
      if (!file) throw new Error('no file');
      return unwrap(
        api.POST('/api/v1/workspaces/{workspace}/events/{eventId}/imports', {
          params: { path: { workspace, eventId }, query: { kind, commit: commit ? 'true' : 'false' } },
          body: file,
          bodySerializer: (body: unknown) => body as BodyInit,
          headers: {
            'Content-Type': /\.xlsx$/i.test(file.name)
              ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
              : 'text/csv',
          },
        }),
      );
    },
    onSuccess: (result) => {
      if (result.committed) onDone();
    },
  });
  const result = run.data;
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={3}>{t.importTitle}</Title>
        <Radio.Group
          label={t.importKind}
          value={kind}
          onChange={(v) => setKind(v as 'participants' | 'requests')}
        >
          <Group gap="md" mt={4}>
            <Radio value="participants" label={t.importParticipants} />
            <Radio value="requests" label={t.importRequests} />
          </Group>
        </Radio.Group>
        <FileInput
          label={t.importFile}
          accept=".csv,.xlsx,text/csv"
          value={file}
          onChange={setFile}
          clearable
        />
        <Group gap="sm">
          <Button variant="light" disabled={!file} loading={run.isPending} onClick={() => run.mutate(false)}>
            {t.importPreview}
          </Button>
          <Button
            disabled={!file || !result || result.committed || result.errors.length > 0}
            loading={run.isPending}
            onClick={() => run.mutate(true)}
          >
            {t.importCommit}
          </Button>
        </Group>
        {run.isError && <FailureAlert title={t.importFailed} error={run.error} testId="import-failed" />}
        {result && (
          <Stack gap={4} role="status">
            <Text fz="sm">
              {t.importRows(result.rowCount)} · {t.importErrors(result.errors.length)}
            </Text>
            {result.committed && <Text fz="sm">{t.importDone(result.created)}</Text>}
            {result.errors.slice(0, 50).map((e) => (
              <Text key={`${e.line}-${e.column}-${e.message}`} fz="sm" c="red.9">
                {t.importLine(e.line, e.column, e.message)}
              </Text>
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
