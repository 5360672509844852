import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileInput,
  Group,
  Paper,
  Progress,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { describeError } from '../../api/describe-error.ts';
import type { JobDto } from '../../api/types.ts';
import { useAbilities } from '../../app/abilities.ts';
import { ForbiddenState } from '../../app/forbidden-state.tsx';
import { formatDateTime } from '../../app/format.ts';
import { JOB_STATUS_COLORS } from '../../components/status-badges.tsx';
import { messages } from '../../messages/en.ts';
import { workspaceKeys } from '../../queries/keys.ts';
import { organisationDirectoryQuery } from '../../queries/organisations.ts';
import { archiveJobsQuery, archiveKeys, importArchive, inspectArchive } from './queries.ts';

const t = messages.archive;
const route = getRouteApi('/w/$workspace/archive');

/** `/w/$workspace/archive`: export the workspace (or one organisation's data), import an archive. */
export function ArchivePage() {
  useDocumentTitle(messages.app.documentTitle(t.title));
  const { workspace } = route.useParams();
  const abilities = useAbilities(workspace);
  if (abilities.loaded && !abilities.canSomewhere('archive.export')) {
    return <ForbiddenState title={t.forbiddenTitle} />;
  }
  return (
    <Stack gap="lg" maw={1100} mx="auto">
      <Stack gap={6}>
        <Title order={1}>{t.title}</Title>
        <Text c="dimmed" maw={760}>
          {t.intro}
        </Text>
      </Stack>
      <ExportSection workspace={workspace} />
      <ImportSection workspace={workspace} />
    </Stack>
  );
}

function ExportSection({ workspace }: { workspace: string }) {
  const queryClient = useQueryClient();
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const [missingOrganisation, setMissingOrganisation] = useState(false);
  const organisations = useQuery(organisationDirectoryQuery(workspace));
  const jobs = useQuery(archiveJobsQuery(workspace));
  const start = useMutation({
    mutationFn: (body: { organisationId?: string }) =>
      unwrap(
        api.POST('/api/v1/workspaces/{workspace}/archive/exports', { params: { path: { workspace } }, body }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: archiveKeys.jobs(workspace) }),
  });
  const names = new Map(
    (organisations.data ?? []).map((organisation) => [organisation.id, organisation.name]),
  );
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="archive-export-title">
      <Stack gap="md">
        <Title order={2} fz="lg" id="archive-export-title">
          {t.exportTitle}
        </Title>
        <Text>{t.exportBody}</Text>
        <Group>
          <Button onClick={() => start.mutate({})} loading={start.isPending} data-testid="archive-export">
            {t.exportButton}
          </Button>
        </Group>
        <Title order={3} fz="md">
          {t.gdprTitle}
        </Title>
        <Text>{t.gdprBody}</Text>
        <Group align="flex-end">
          <Select
            label={t.gdprOrganisation}
            searchable
            data={(organisations.data ?? []).map((organisation) => ({
              value: organisation.id,
              label: organisation.name,
            }))}
            value={organisationId}
            onChange={(value) => {
              setOrganisationId(value);
              setMissingOrganisation(false);
            }}
            error={missingOrganisation ? t.gdprRequired : undefined}
            miw={280}
          />
          <Button
            variant="light"
            loading={start.isPending}
            onClick={() => {
              if (!organisationId) setMissingOrganisation(true);
              else start.mutate({ organisationId });
            }}
          >
            {t.gdprButton}
          </Button>
        </Group>
        {start.isError && (
          <Alert color="red" title={t.exportFailed} role="alert">
            {describeError(start.error)}
          </Alert>
        )}
        <Title order={3} fz="md">
          {t.jobsTitle}
        </Title>
        {jobs.data && jobs.data.items.length === 0 ? (
          <Text c="dimmed">{t.jobsEmpty}</Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table>
              <Table.Caption>{t.jobsCaption}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t.requested}</Table.Th>
                  <Table.Th>{t.content}</Table.Th>
                  <Table.Th>{t.status}</Table.Th>
                  <Table.Th>{t.progress}</Table.Th>
                  <Table.Th>{t.file}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(jobs.data?.items ?? []).map((job) => (
                  <JobRow key={job.id} job={job} names={names} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}

function JobRow({ job, names }: { job: JobDto; names: Map<string, string> }) {
  const organisationId = typeof job.params.organisationId === 'string' ? job.params.organisationId : null;
  const percent = Math.round(job.progress * 100);
  const when = formatDateTime(job.createdAt);
  return (
    <Table.Tr data-testid="archive-job" data-status={job.status}>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <time dateTime={job.createdAt}>{when}</time>
      </Table.Td>
      <Table.Td>
        {organisationId ? `${t.oneOrganisation}: ${names.get(organisationId) ?? '–'}` : t.wholeWorkspace}
      </Table.Td>
      <Table.Td>
        <Badge variant="light" color={JOB_STATUS_COLORS[job.status]} tt="none" c="var(--mantine-color-text)">
          {t.statuses[job.status]}
        </Badge>
      </Table.Td>
      <Table.Td miw={160}>
        <Progress.Root size="md">
          <Progress.Section
            value={percent}
            color={job.status === 'failed' ? 'red.9' : 'indigo'}
            aria-label={t.progressLabel(when)}
          />
        </Progress.Root>
        <Text fz="xs" c="dimmed">
          {percent}%
        </Text>
      </Table.Td>
      <Table.Td>
        {job.status === 'succeeded' && job.file ? (
          <Anchor href={job.file.url} download={job.file.name} aria-label={t.downloadLabel(job.file.name)}>
            {t.download}
          </Anchor>
        ) : job.status === 'failed' ? (
          <Text fz="sm" c="red.9">
            {t.failedBecause(job.error ?? '')}
          </Text>
        ) : null}
      </Table.Td>
    </Table.Tr>
  );
}

function ImportSection({ workspace }: { workspace: string }) {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const inspect = useMutation({ mutationFn: (chosen: File) => inspectArchive(workspace, chosen) });
  const run = useMutation({
    mutationFn: (chosen: File) => importArchive(workspace, chosen),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: workspaceKeys.all(workspace) }),
  });
  const summary = inspect.data;
  const result = run.data;
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="archive-import-title">
      <Stack gap="md">
        <Title order={2} fz="lg" id="archive-import-title">
          {t.importTitle}
        </Title>
        <Text>{t.importBody}</Text>
        <FileInput
          label={t.chooseFile}
          accept=".zip,application/zip"
          value={file}
          maw={420}
          onChange={(chosen) => {
            setFile(chosen);
            run.reset();
            if (chosen) inspect.mutate(chosen);
            else inspect.reset();
          }}
        />
        {inspect.isPending && (
          <Stack gap={4} aria-live="polite">
            <Text>{t.checking}</Text>
            <Progress value={100} animated striped aria-label={t.checking} />
          </Stack>
        )}
        {inspect.isError && (
          <Alert color="red" title={t.checkFailed} role="alert">
            {describeError(inspect.error)}
          </Alert>
        )}
        {summary && !result && (
          <Stack gap="sm" data-testid="archive-summary">
            <Title order={3} fz="md">
              {t.summaryTitle}
            </Title>
            <Text>{t.summaryFrom(summary.workspaceName, formatDateTime(summary.exportedAt))}</Text>
            <Table.ScrollContainer minWidth={320}>
              <Table maw={480}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t.table}</Table.Th>
                    <Table.Th ta="right">{t.rows}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {summary.tables
                    .filter((table) => table.rows > 0)
                    .map((table) => (
                      <Table.Tr key={table.table}>
                        <Table.Td>{t.tables[table.table] ?? t.otherTable}</Table.Td>
                        <Table.Td ta="right">{table.rows.toLocaleString()}</Table.Td>
                      </Table.Tr>
                    ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Text>
              {t.accounts(summary.users)} · {t.files(summary.files)}
            </Text>
            {!summary.targetEmpty ? (
              <Alert color="orange" role="alert">
                {t.importNotEmpty}
              </Alert>
            ) : (
              <Group>
                <Button
                  onClick={() => file && run.mutate(file)}
                  loading={run.isPending}
                  data-testid="archive-import"
                >
                  {t.importButton}
                </Button>
              </Group>
            )}
          </Stack>
        )}
        {run.isPending && (
          <Stack gap={4} aria-live="polite">
            <Text>{t.importing}</Text>
            <Progress value={100} animated striped aria-label={t.importing} />
          </Stack>
        )}
        {run.isError && (
          <Alert color="red" title={t.importFailed} role="alert">
            {describeError(run.error)}
          </Alert>
        )}
        {result && (
          <Alert color="teal" role="status" data-testid="archive-imported">
            {t.importDone(result.tables.reduce((sum, table) => sum + table.rows, 0))}{' '}
            {result.usersCreated > 0 ? t.usersCreated(result.usersCreated) : ''}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
