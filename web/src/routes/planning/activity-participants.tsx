import {
  ActionIcon,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { ActivityDetailDto, Attendance, ParticipantDto, ParticipantRole } from '../../api/types.ts';
import { ATTENDANCES, PARTICIPANT_ROLES } from '../../api/vocabulary.ts';
import { AnchorLink } from '../../app/links.tsx';
import { FailureAlert } from '../../components/alerts.tsx';
import { serverFieldErrors } from '../../components/use-form-state.ts';
import { messages } from '../../messages/en.ts';
import { workspaceKeys } from '../../queries/keys.ts';
import { organisationDirectoryQuery } from '../../queries/organisations.ts';
import { Section } from './parts.tsx';
import { planningKeys } from './queries.ts';

const t = messages.participants;
const p = messages.planning;
const a = messages.attendance;

/**
 * Who takes part in the activity, in which role, and whether they came; editors add organisations
 * or people, mark attendance (the evidence of "participants present") and remove them.
 */
export function ActivityParticipants({
  workspace,
  activity,
  editable,
}: {
  workspace: string;
  activity: ActivityDetailDto;
  editable: boolean;
}) {
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: planningKeys.activity(workspace, activity.id) }),
      queryClient.invalidateQueries({ queryKey: workspaceKeys.audit(workspace) }),
    ]);
  const remove = useMutation({
    mutationFn: (participant: ParticipantDto) =>
      unwrap(
        api.DELETE('/api/v1/workspaces/{workspace}/activities/{id}/participants/{participantId}', {
          params: { path: { workspace, id: activity.id, participantId: participant.id } },
        }),
      ),
    onSuccess: refresh,
  });

  return (
    <Section title={t.title} testId="activity-participants">
      {remove.isError && (
        <FailureAlert testId="participant-remove-error" title={t.removeFailed} error={remove.error} />
      )}
      {activity.participants.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {t.none}
        </Text>
      ) : (
        <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
          <Table.ScrollContainer minWidth={440} type="native">
            <Table verticalSpacing="xs" horizontalSpacing="md" striped="even">
              <VisuallyHidden component="caption">{t.caption(activity.title)}</VisuallyHidden>
              <Table.Thead bg="gray.0">
                <Table.Tr>
                  <Table.Th scope="col">{t.who}</Table.Th>
                  <Table.Th scope="col">{t.role}</Table.Th>
                  <Table.Th scope="col">{a.column}</Table.Th>
                  {editable && (
                    <Table.Th scope="col">
                      <VisuallyHidden>{messages.costLines.actions}</VisuallyHidden>
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {activity.participants.map((participant) => {
                  const name = [participant.personName, participant.organisationName]
                    .filter(Boolean)
                    .join(' · ');
                  return (
                    <Table.Tr key={participant.id} data-testid="participant-row">
                      <Table.Td>
                        {participant.personName && <Text fz="sm">{participant.personName}</Text>}
                        {participant.organisationId && participant.organisationName && (
                          <AnchorLink
                            to="/w/$workspace/members/$id"
                            params={{ workspace, id: participant.organisationId }}
                            fz={participant.personName ? 'xs' : 'sm'}
                          >
                            {participant.organisationName}
                          </AnchorLink>
                        )}
                      </Table.Td>
                      <Table.Td>{p.participantRole[participant.role]}</Table.Td>
                      <Table.Td>
                        {editable ? (
                          <AttendanceControl
                            workspace={workspace}
                            activityId={activity.id}
                            participant={participant}
                            name={name}
                            onSaved={refresh}
                          />
                        ) : (
                          a.value[participant.attendance]
                        )}
                      </Table.Td>
                      {editable && (
                        <Table.Td ta="right">
                          <ActionIcon
                            variant="subtle"
                            color="red.9"
                            aria-label={t.remove(name)}
                            onClick={() => remove.mutate(participant)}
                            loading={remove.isPending && remove.variables?.id === participant.id}
                          >
                            <CrossIcon />
                          </ActionIcon>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {editable && <AddParticipantForm workspace={workspace} activityId={activity.id} onAdded={refresh} />}
    </Section>
  );
}

/**
 * Expected / present / absent, saved as soon as it is picked (the choice shows while it saves);
 * the activity and its KPIs reload after.
 */
function AttendanceControl({
  workspace,
  activityId,
  participant,
  name,
  onSaved,
}: {
  workspace: string;
  activityId: string;
  participant: ParticipantDto;
  name: string;
  onSaved: () => Promise<unknown>;
}) {
  const save = useMutation({
    mutationFn: (attendance: Attendance) =>
      unwrap(
        api.PATCH('/api/v1/workspaces/{workspace}/activities/{id}/participants/{participantId}', {
          params: { path: { workspace, id: activityId, participantId: participant.id } },
          body: { attendance },
        }),
      ),
    onSuccess: onSaved,
  });
  return (
    <Stack gap={2}>
      <SegmentedControl
        size="xs"
        aria-label={a.of(name)}
        data={ATTENDANCES.map((value) => ({ value, label: a.value[value] }))}
        value={save.isPending && save.variables ? save.variables : participant.attendance}
        onChange={(value) => save.mutate(value as Attendance)}
        data-testid="attendance-control"
      />
      {save.isError && (
        <Text fz="xs" c="red.9" role="alert">
          {a.failed}
        </Text>
      )}
    </Stack>
  );
}

const FIELDS = ['organisationId', 'personId', 'role'] as const;

function AddParticipantForm({
  workspace,
  activityId,
  onAdded,
}: {
  workspace: string;
  activityId: string;
  onAdded: () => Promise<unknown>;
}) {
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const [personId, setPersonId] = useState<string | null>(null);
  const [role, setRole] = useState<ParticipantRole>('participant');
  const [missing, setMissing] = useState(false);
  const directory = useQuery(organisationDirectoryQuery(workspace));
  const people = useQuery({
    queryKey: [...workspaceKeys.people(workspace), 'picker', organisationId] as const,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/people', {
          params: {
            path: { workspace },
            query: { limit: 200, ...(organisationId ? { organisation: organisationId } : {}) },
          },
          signal,
        }),
      ),
    staleTime: 60_000,
  });
  const add = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/workspaces/{workspace}/activities/{id}/participants', {
          params: { path: { workspace, id: activityId } },
          body: { ...(organisationId ? { organisationId } : {}), ...(personId ? { personId } : {}), role },
        }),
      ),
    onSuccess: async () => {
      setOrganisationId(null);
      setPersonId(null);
      await onAdded();
    },
  });
  const errors = serverFieldErrors(add.error, FIELDS);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!organisationId && !personId) {
      setMissing(true);
      document.getElementById('participant-organisationId')?.focus();
      return;
    }
    add.mutate();
  };

  return (
    <form onSubmit={submit} noValidate data-testid="participant-form">
      <Stack gap="sm">
        <Title order={3} fz="md">
          {t.adding}
        </Title>
        {add.isError && Object.keys(errors).length === 0 && (
          <FailureAlert testId="participant-add-error" title={t.addFailed} error={add.error} />
        )}
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          <Select
            id="participant-organisationId"
            label={t.organisation}
            data={(directory.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
            value={organisationId}
            onChange={(value) => {
              setOrganisationId(value);
              setPersonId(null);
              setMissing(false);
            }}
            error={errors.organisationId ?? (missing ? t.pickOne : undefined)}
            searchable
            clearable
            limit={50}
            nothingFoundMessage="—"
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            id="participant-personId"
            label={t.person}
            data={(people.data?.items ?? []).map((person) => ({ value: person.id, label: person.name }))}
            value={personId}
            onChange={(value) => {
              setPersonId(value);
              setMissing(false);
            }}
            error={errors.personId}
            searchable
            clearable
            limit={50}
            nothingFoundMessage="—"
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            id="participant-role"
            label={t.role}
            data={PARTICIPANT_ROLES.map((value) => ({ value, label: p.participantRole[value] }))}
            value={role}
            onChange={(value) => value && setRole(value as ParticipantRole)}
            error={errors.role}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" variant="light" loading={add.isPending}>
            {t.add}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function CrossIcon() {
  return (
    <svg
      width="16"
      height="16"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2.2"
      strokeLinecap="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M6 6l12 12M18 6L6 18" />
    </svg>
  );
}
