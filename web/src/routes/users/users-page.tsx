import {
  Alert,
  Anchor,
  Badge,
  Button,
  Drawer,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { type FormEvent, useMemo, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { apiHref } from '../../api/links.ts';
import type { InvitationDto, Role } from '../../api/types.ts';
import { useAbilities } from '../../app/abilities.ts';
import { ErrorState } from '../../app/error-state.tsx';
import { ForbiddenState } from '../../app/forbidden-state.tsx';
import { formatDateTime } from '../../app/format.ts';
import { useMe } from '../../app/session.ts';
import { FailureAlert } from '../../components/alerts.tsx';
import { ConfirmModal } from '../../components/confirm-modal.tsx';
import { BELOW } from '../../components/form-layout.ts';
import { PlusIcon } from '../../components/icons.tsx';
import { TableSkeleton } from '../../components/skeletons.tsx';
import { useFormState } from '../../components/use-form-state.ts';
import { messages } from '../../messages/en.ts';
import { allClustersQuery } from '../../queries/clusters.ts';
import { workspaceKeys } from '../../queries/keys.ts';
import { organisationDirectoryQuery } from '../../queries/organisations.ts';
import {
  appLinksIn,
  EMPTY_INVITE_FORM,
  INVITE_FIELDS,
  type InviteField,
  type InviteFormValues,
  inviteBodyOf,
  scopeFieldOf,
  validateInvite,
} from './invite-form.ts';
import { MembersSection, ROLE_ORDER } from './members-section.tsx';
import { invitationListQuery, outboxQuery, userKeys } from './queries.ts';

const t = messages.users;
const route = getRouteApi('/w/$workspace/users');

/**
 * `/w/$workspace/users`: the members and their roles (change, remove), invitations (send, see,
 * withdraw) — coordinators only.
 */
export function UsersPage() {
  useDocumentTitle(messages.app.documentTitle(t.title));
  const { workspace } = route.useParams();
  const abilities = useAbilities(workspace);
  if (abilities.loaded && !abilities.canSomewhere('invitation.read')) {
    return <ForbiddenState title={t.forbiddenTitle} />;
  }
  return <Invitations workspace={workspace} />;
}

function Invitations({ workspace }: { workspace: string }) {
  const me = useMe();
  const invitations = useQuery(invitationListQuery(workspace));
  const clusters = useQuery(allClustersQuery(workspace));
  const directory = useQuery(organisationDirectoryQuery(workspace));
  const [inviting, setInviting] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [withdrawing, setWithdrawing] = useState<InvitationDto | null>(null);
  const clusterNames = useMemo(
    () => new Map((clusters.data?.items ?? []).map((c) => [c.id, `${c.shortName} · ${c.name}`])),
    [clusters.data],
  );
  const organisationNames = useMemo(
    () => new Map((directory.data ?? []).map((o) => [o.id, o.name])),
    [directory.data],
  );
  const clusterOptions = useMemo(
    () => (clusters.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.shortName} · ${c.name}` })),
    [clusters.data],
  );
  const organisationOptions = useMemo(
    () => (directory.data ?? []).map((o) => ({ value: o.id, label: `${o.name} (${o.country})` })),
    [directory.data],
  );

  return (
    <Stack gap="lg" maw={1200} mx="auto">
      <Group justify="space-between" align="flex-end" gap="md">
        <Stack gap={6}>
          <Title order={1}>{t.title}</Title>
          <Text c="dimmed" maw={720}>
            {t.intro}
          </Text>
        </Stack>
        <Button onClick={() => setInviting(true)} leftSection={<PlusIcon />}>
          {t.invite}
        </Button>
      </Group>
      <Text role="status" fz="sm" fw={600} c="teal.9" data-testid="invitation-sent">
        {sentTo ? t.sent(sentTo) : ''}
      </Text>

      <MembersSection
        workspace={workspace}
        currentUserId={me.data?.user.id}
        clusters={clusterOptions}
        organisations={organisationOptions}
      />

      <Stack gap="sm" component="section" aria-labelledby="pending-title">
        <Title order={2} fz="lg" id="pending-title">
          {t.pendingTitle}
        </Title>
        {invitations.isPending ? (
          <TableSkeleton label={t.loading} columns={5} />
        ) : invitations.isError ? (
          <ErrorState
            title={t.loadError}
            error={invitations.error}
            onRetry={() => void invitations.refetch()}
            retrying={invitations.isFetching}
          />
        ) : invitations.data.items.length === 0 ? (
          <Text c="dimmed" fz="sm" data-testid="invitations-empty">
            {t.noPending}
          </Text>
        ) : (
          <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
            <Table.ScrollContainer minWidth={900} type="native">
              <Table verticalSpacing="sm" horizontalSpacing="md" striped="even">
                <VisuallyHidden component="caption">{t.pendingCaption}</VisuallyHidden>
                <Table.Thead bg="gray.0">
                  <Table.Tr>
                    <Table.Th scope="col">{t.name}</Table.Th>
                    <Table.Th scope="col">{t.role}</Table.Th>
                    <Table.Th scope="col">{t.scope}</Table.Th>
                    <Table.Th scope="col">{t.invitedBy}</Table.Th>
                    <Table.Th scope="col">{t.expires}</Table.Th>
                    <Table.Th scope="col">
                      <VisuallyHidden>{messages.people.actions}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {invitations.data.items.map((invitation) => (
                    <Table.Tr key={invitation.id} data-testid="invitation-row">
                      <Table.Td>
                        <Text fz="sm" fw={600}>
                          {invitation.name}
                        </Text>
                        <Text fz="xs" c="dimmed">
                          {invitation.email}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" color="gray" tt="none" c="var(--mantine-color-text)">
                          {messages.roles[invitation.role]}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        {invitation.clusterId
                          ? (clusterNames.get(invitation.clusterId) ?? invitation.clusterId)
                          : invitation.organisationId
                            ? (organisationNames.get(invitation.organisationId) ?? invitation.organisationId)
                            : messages.common.none}
                      </Table.Td>
                      <Table.Td>{invitation.invitedBy ?? messages.common.none}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <time dateTime={invitation.expiresAt}>{formatDateTime(invitation.expiresAt)}</time>
                      </Table.Td>
                      <Table.Td ta="right">
                        <Button
                          size="xs"
                          variant="outline"
                          color="red.9"
                          aria-label={t.withdrawLabel(invitation.email)}
                          onClick={() => setWithdrawing(invitation)}
                        >
                          {t.withdraw}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        )}
        <Text fz="sm" c="dimmed">
          {t.membersNote}
        </Text>
      </Stack>

      <DevOutbox />

      <Drawer
        opened={inviting}
        onClose={() => setInviting(false)}
        title={t.inviteTitle}
        position="right"
        size="md"
        padding="lg"
        closeButtonProps={{ 'aria-label': messages.common.close }}
        styles={{ title: { fontWeight: 650, fontSize: 'var(--mantine-font-size-lg)' } }}
      >
        {inviting && (
          <InviteForm
            workspace={workspace}
            clusters={clusterOptions}
            organisations={organisationOptions}
            onCancel={() => setInviting(false)}
            onSent={(email) => {
              setSentTo(email);
              setInviting(false);
            }}
          />
        )}
      </Drawer>
      <WithdrawModal workspace={workspace} invitation={withdrawing} onClose={() => setWithdrawing(null)} />
    </Stack>
  );
}

function InviteForm({
  workspace,
  clusters,
  organisations,
  onCancel,
  onSent,
}: {
  workspace: string;
  clusters: { value: string; label: string }[];
  organisations: { value: string; label: string }[];
  onCancel: () => void;
  onSent: (email: string) => void;
}) {
  const queryClient = useQueryClient();
  const form = useFormState(EMPTY_INVITE_FORM, INVITE_FIELDS, 'invite');
  const { values, set, field } = form;
  const send = useMutation({
    mutationFn: (next: InviteFormValues) =>
      unwrap(
        api.POST('/api/v1/workspaces/{workspace}/invitations', {
          params: { path: { workspace } },
          body: inviteBodyOf(next),
        }),
      ),
    onSuccess: async (invitation) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: userKeys.invitations(workspace) }),
        queryClient.invalidateQueries({ queryKey: userKeys.outbox }),
        queryClient.invalidateQueries({ queryKey: workspaceKeys.audit(workspace) }),
      ]);
      onSent(invitation.email);
    },
    onError: form.showServer,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (form.check(validateInvite(values))) send.mutate(values);
  };
  const scope = scopeFieldOf(values.role);
  const unplaced = send.isError && !form.placed(send.error) ? send.error : null;
  const common = (name: InviteField) => ({
    ...field(name),
    inputWrapperOrder: BELOW,
  });

  return (
    <form onSubmit={submit} noValidate data-testid="invite-form">
      <Stack gap="md">
        {unplaced ? <FailureAlert testId="invite-error" title={t.sendFailed} error={unplaced} /> : null}
        <TextInput
          {...common('name')}
          label={t.name}
          required
          value={values.name}
          onChange={(event) => set('name', event.currentTarget.value)}
          autoComplete="off"
          data-autofocus
        />
        <TextInput
          {...common('email')}
          label={t.email}
          type="email"
          required
          value={values.email}
          onChange={(event) => set('email', event.currentTarget.value)}
          autoComplete="off"
          spellCheck={false}
        />
        <Select
          {...common('role')}
          label={t.role}
          description={t.roleHints[values.role]}
          required
          data={ROLE_ORDER.map((role) => ({ value: role, label: messages.roles[role] }))}
          value={values.role}
          onChange={(value) => value && set('role', value as Role)}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />
        {scope === 'clusterId' && (
          <Select
            {...common('clusterId')}
            label={t.cluster}
            description={t.clusterHint}
            required
            data={clusters}
            value={values.clusterId || null}
            onChange={(value) => set('clusterId', value ?? '')}
            searchable
            nothingFoundMessage="—"
            comboboxProps={{ withinPortal: true }}
          />
        )}
        {scope === 'organisationId' && (
          <Select
            {...common('organisationId')}
            label={t.organisation}
            description={t.organisationHint}
            data={organisations}
            value={values.organisationId || null}
            onChange={(value) => set('organisationId', value ?? '')}
            searchable
            clearable
            limit={50}
            nothingFoundMessage="—"
            comboboxProps={{ withinPortal: true }}
          />
        )}
        <Group justify="flex-end" gap="sm" mt="sm">
          <Button variant="default" onClick={onCancel}>
            {messages.common.cancel}
          </Button>
          <Button type="submit" loading={send.isPending}>
            {t.send}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function WithdrawModal({
  workspace,
  invitation,
  onClose,
}: {
  workspace: string;
  invitation: InvitationDto | null;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (id: string) =>
      unwrap(
        api.DELETE('/api/v1/workspaces/{workspace}/invitations/{id}', {
          params: { path: { workspace, id } },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: userKeys.invitations(workspace) });
      onClose();
    },
  });
  return (
    <ConfirmModal
      opened={invitation !== null}
      title={invitation ? t.withdrawTitle(invitation.email) : ''}
      confirmLabel={t.withdraw}
      failedTitle={t.withdrawFailed}
      errorTestId="withdraw-error"
      action={remove}
      onConfirm={() => invitation && remove.mutate(invitation.id)}
      onClose={onClose}
    >
      <Text fz="sm">{t.withdrawBody}</Text>
    </ConfirmModal>
  );
}

/** Development only (no SMTP): the mails the Hub kept instead of sending, with their links to open. */
function DevOutbox() {
  const outbox = useQuery(outboxQuery());
  if (outbox.isPending || outbox.data === null) return null;
  return (
    <Paper
      withBorder
      radius="md"
      p="lg"
      component="section"
      aria-labelledby="outbox-title"
      data-testid="dev-outbox"
    >
      <Stack gap="sm">
        <Group justify="space-between" gap="md">
          <Title order={2} fz="lg" id="outbox-title">
            {t.outboxTitle}
          </Title>
          <Anchor href={apiHref('/api/v1/dev/outbox', {})} fz="sm" target="_blank" rel="noopener">
            {t.outboxRaw}
          </Anchor>
        </Group>
        <Text fz="sm" c="dimmed">
          {t.outboxIntro}
        </Text>
        {outbox.isError ? (
          <Alert color="red" variant="light" title={t.outboxLoadError} />
        ) : outbox.data.length === 0 ? (
          <Text fz="sm" c="dimmed">
            {t.outboxEmpty}
          </Text>
        ) : (
          <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
            {outbox.data.map((mail) => (
              <Paper component="li" key={mail.id} withBorder radius="sm" p="sm" data-testid="outbox-mail">
                <Group justify="space-between" gap="sm" wrap="nowrap" align="flex-start">
                  <Stack gap={2} style={{ minWidth: 0 }}>
                    <Text fz="sm" fw={600}>
                      {mail.subject}
                    </Text>
                    <Text fz="xs" c="dimmed">
                      {t.outboxTo(mail.to)} ·{' '}
                      <time dateTime={mail.createdAt}>{formatDateTime(mail.createdAt)}</time>
                    </Text>
                  </Stack>
                  <Group gap="xs" wrap="nowrap">
                    {appLinksIn(mail.text).map((link) => (
                      <Button
                        key={link}
                        component="a"
                        href={link}
                        size="xs"
                        variant="light"
                        target="_blank"
                        rel="noopener"
                      >
                        {t.outboxOpen}
                      </Button>
                    ))}
                  </Group>
                </Group>
              </Paper>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
