import {
  Alert,
  Anchor,
  Button,
  Group,
  Paper,
  Progress,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { ErrorState } from '../../app/error-state.tsx';
import { countryName } from '../../app/format.ts';
import { FailureAlert } from '../../components/alerts.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { usePhone } from '../../components/use-phone.ts';
import { messages } from '../../messages/en.ts';
import { jobQuery } from '../reports/queries.ts';
import { isFinished } from '../reports/report-form.ts';
import { agendasOverviewQuery, eventFileUrl, startAgendaMails } from './agenda-queries.ts';
import type { EventTabProps } from './viewer.ts';

const t = messages.eventAgendas;

/**
 * The organisers' agendas tab: each approved participant with its meeting count and its agenda
 * PDF and calendar file, every agenda in one PDF, the event grid inline and as a PDF, the table
 * cards, and "Send agendas by mail" with the job's progress.
 */
export function AgendasTab({ viewer }: EventTabProps) {
  if (viewer.kind !== 'organiser') return null;
  return <OrganiserAgendas workspace={viewer.workspace} eventId={viewer.eventId} />;
}

function OrganiserAgendas({ workspace, eventId }: { workspace: string; eventId: string }) {
  const overview = useQuery(agendasOverviewQuery(workspace, eventId));
  const phone = usePhone();
  const file = (name: string, participantId?: string) =>
    eventFileUrl(workspace, eventId, name, participantId);
  if (overview.isPending) return <Skeleton height={240} radius="md" />;
  if (overview.isError)
    return (
      <ErrorState
        title={t.tabTitle}
        error={overview.error}
        onRetry={() => overview.refetch()}
        retrying={overview.isFetching}
      />
    );
  const data = overview.data;
  return (
    <Stack gap="lg" data-testid="agendas-tab">
      <Title order={2} fz="xl">
        {t.tabTitle}
      </Title>
      {!data.published && (
        <Alert color="blue" variant="light" data-testid="agendas-not-published">
          {t.notPublished}
        </Alert>
      )}

      <Paper withBorder radius="md" p="md">
        <Stack gap="sm">
          <Title order={3} fz="md">
            {t.printTitle}
          </Title>
          <Group gap="xs">
            <Button component="a" href={file('agendas.pdf')} variant="light" download>
              {t.allAgendasPdf}
            </Button>
            <Button component="a" href={file('grid.pdf')} variant="light" download>
              {t.gridPdf}
            </Button>
            <Button component="a" href={file('table-cards.pdf')} variant="light" download>
              {t.tableCardsPdf}
            </Button>
          </Group>
        </Stack>
      </Paper>

      <AgendaMails workspace={workspace} eventId={eventId} disabled={!data.published} />

      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="agendas-grid-title">
        <Stack gap="sm">
          <Title order={3} fz="md" id="agendas-grid-title">
            {t.gridTitle}
          </Title>
          <img
            src={file('grid.svg')}
            alt={t.gridAlt}
            style={{ maxWidth: '100%', height: 'auto' }}
            data-testid="agendas-grid"
          />
        </Stack>
      </Paper>

      <Stack gap="sm" component="section" aria-labelledby="agendas-participants-title">
        <Title order={3} fz="md" id="agendas-participants-title">
          {t.participantsTitle}
        </Title>
        {data.participants.length === 0 ? (
          <EmptyState testId="agendas-empty" title={t.participantsTitle} body={t.noParticipants} />
        ) : phone ? (
          <Stack gap="xs">
            {data.participants.map((p) => (
              <Paper key={p.id} withBorder radius="md" p="sm" data-testid="agendas-participant">
                <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {p.name}
                </Text>
                <Text fz="sm" c="dimmed">
                  {countryName(p.country)} · {t.meetingCount(p.meetings)}
                </Text>
                <Group gap="sm">
                  <Anchor href={file('agenda.pdf', p.id)} aria-label={t.pdfOf(p.name)} fz="sm">
                    PDF
                  </Anchor>
                  <Anchor href={file('agenda.ics', p.id)} aria-label={t.icsOf(p.name)} fz="sm">
                    .ics
                  </Anchor>
                </Group>
              </Paper>
            ))}
          </Stack>
        ) : (
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t.participant}</Table.Th>
                <Table.Th>{t.country}</Table.Th>
                <Table.Th>{t.meetings}</Table.Th>
                <Table.Th>{t.files}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.participants.map((p) => (
                <Table.Tr key={p.id} data-testid="agendas-participant">
                  <Table.Td>{p.name}</Table.Td>
                  <Table.Td>{countryName(p.country)}</Table.Td>
                  <Table.Td>{p.meetings}</Table.Td>
                  <Table.Td>
                    <Group gap="sm">
                      <Anchor href={file('agenda.pdf', p.id)} aria-label={t.pdfOf(p.name)}>
                        PDF
                      </Anchor>
                      <Anchor href={file('agenda.ics', p.id)} aria-label={t.icsOf(p.name)}>
                        .ics
                      </Anchor>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Stack>
  );
}

function AgendaMails({
  workspace,
  eventId,
  disabled,
}: {
  workspace: string;
  eventId: string;
  disabled: boolean;
}) {
  const start = useMutation({ mutationFn: () => startAgendaMails(workspace, eventId) });
  return (
    <Paper withBorder radius="md" p="md" data-testid="agendas-mails">
      <Stack gap="sm">
        <Title order={3} fz="md">
          {t.mailsTitle}
        </Title>
        <Text fz="sm">{t.mailsBody}</Text>
        <Button
          onClick={() => start.mutate()}
          loading={start.isPending}
          disabled={disabled}
          style={{ alignSelf: 'flex-start' }}
          data-testid="agendas-send-mails"
        >
          {t.sendMails}
        </Button>
        {start.isError && (
          <FailureAlert title={t.mailsTitle} error={start.error} testId="agendas-mails-error" />
        )}
        {start.isSuccess && <MailsJob workspace={workspace} job={start.data.job} />}
      </Stack>
    </Paper>
  );
}

type StartedJob = Awaited<ReturnType<typeof startAgendaMails>>['job'];

function MailsJob({ workspace, job: started }: { workspace: string; job: StartedJob }) {
  const { data: job = started } = useQuery(jobQuery(workspace, started));
  const percent = Math.round(job.progress * 100);
  if (job.status === 'failed')
    return (
      <Text c="red.9" fz="sm" role="alert" data-testid="agendas-mails-status" data-status={job.status}>
        {t.mailsFailed(job.error ?? '')}
      </Text>
    );
  return (
    <Stack gap={4} data-testid="agendas-mails-status" data-status={job.status}>
      <Progress value={isFinished(job) ? 100 : percent} aria-label={t.mailsTitle} />
      <Text fz="sm" role="status">
        {isFinished(job) ? t.mailsDone(job.message) : t.mailsRunning(percent)}
      </Text>
    </Stack>
  );
}
