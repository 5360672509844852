import {
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { Role, WorkspaceMemberDto } from '../../api/types.ts';
import { ErrorState } from '../../app/error-state.tsx';
import { formatDateTime } from '../../app/format.ts';
import { sessionKeys } from '../../app/session.ts';
import { FailureAlert } from '../../components/alerts.tsx';
import { ConfirmModal } from '../../components/confirm-modal.tsx';
import { BELOW } from '../../components/form-layout.ts';
import { TableSkeleton } from '../../components/skeletons.tsx';
import { useFormState } from '../../components/use-form-state.ts';
import { messages } from '../../messages/en.ts';
import { workspaceKeys } from '../../queries/keys.ts';
import { scopeFieldOf } from './invite-form.ts';
import {
  MEMBER_ROLE_FIELDS,
  type MemberRoleField,
  type MemberRoleValues,
  memberRoleBodyOf,
  memberRoleValuesOf,
  validateMemberRole,
} from './member-role-form.ts';
import { userKeys, workspaceMemberListQuery } from './queries.ts';

const t = messages.users;
export const ROLE_ORDER: Role[] = ['coordinator', 'cluster_manager', 'member', 'mentor', 'viewer'];

export interface Option {
  value: string;
  label: string;
}

/** The workspace's members with their roles: search, role filter, "Load more", change role, remove. */
export function MembersSection({
  workspace,
  currentUserId,
  clusters,
  organisations,
}: {
  workspace: string;
  currentUserId: string | undefined;
  clusters: Option[];
  organisations: Option[];
}) {
  const [q, setQ] = useState('');
  const [role, setRole] = useState<Role | null>(null);
  const [debouncedQ] = useDebouncedValue(q, 300);
  const list = useInfiniteQuery({
    ...workspaceMemberListQuery(workspace, { q: debouncedQ, role }),
    placeholderData: keepPreviousData,
  });
  const [editing, setEditing] = useState<WorkspaceMemberDto | null>(null);
  const [removing, setRemoving] = useState<WorkspaceMemberDto | null>(null);
  const [notice, setNotice] = useState('');
  const members = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const clusterNames = useMemo(() => new Map(clusters.map((c) => [c.value, c.label])), [clusters]);
  const organisationNames = useMemo(
    () => new Map(organisations.map((o) => [o.value, o.label])),
    [organisations],
  );

  return (
    <Stack gap="sm" component="section" aria-labelledby="members-title">
      <Title order={2} fz="lg" id="members-title">
        {t.membersTitle}
      </Title>
      <Group gap="md" align="flex-end">
        <TextInput
          label={t.search}
          placeholder={t.searchPlaceholder}
          type="search"
          value={q}
          onChange={(event) => setQ(event.currentTarget.value)}
          w={280}
          data-testid="members-search"
        />
        <Select
          label={t.roleFilter}
          placeholder={t.allRoles}
          data={ROLE_ORDER.map((value) => ({ value, label: messages.roles[value] }))}
          value={role}
          onChange={(value) => setRole((value as Role | null) ?? null)}
          clearable
          w={220}
          comboboxProps={{ withinPortal: true }}
          data-testid="members-role-filter"
        />
      </Group>
      <Text role="status" fz="sm" fw={600} c="teal.9" data-testid="members-notice">
        {notice}
      </Text>
      {list.isPending ? (
        <TableSkeleton label={t.membersLoading} columns={5} />
      ) : list.isError ? (
        <ErrorState
          title={t.membersLoadError}
          error={list.error}
          onRetry={() => void list.refetch()}
          retrying={list.isFetching}
        />
      ) : members.length === 0 ? (
        <Text c="dimmed" fz="sm" data-testid="members-empty">
          {t.membersEmpty}
        </Text>
      ) : (
        <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
          <Table.ScrollContainer minWidth={900} type="native">
            <Table verticalSpacing="sm" horizontalSpacing="md" striped="even">
              <VisuallyHidden component="caption">{t.membersCaption}</VisuallyHidden>
              <Table.Thead bg="gray.0">
                <Table.Tr>
                  <Table.Th scope="col">{t.name}</Table.Th>
                  <Table.Th scope="col">{t.role}</Table.Th>
                  <Table.Th scope="col">{t.scope}</Table.Th>
                  <Table.Th scope="col">{t.joined}</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>{messages.people.actions}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {members.map((member) => (
                  <Table.Tr key={member.userId} data-testid="member-row">
                    <Table.Td>
                      <Text fz="sm" fw={600}>
                        {member.name}
                        {member.userId === currentUserId ? ` (${t.you})` : ''}
                      </Text>
                      <Text fz="xs" c="dimmed">
                        {member.email}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge
                        variant="light"
                        color={member.role === 'coordinator' ? 'indigo' : 'gray'}
                        tt="none"
                        c={member.role === 'coordinator' ? 'indigo.9' : 'var(--mantine-color-text)'}
                        data-testid="member-role"
                      >
                        {messages.roles[member.role]}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {member.clusterId
                        ? (clusterNames.get(member.clusterId) ?? member.clusterId)
                        : member.organisationId
                          ? (organisationNames.get(member.organisationId) ?? member.organisationId)
                          : messages.common.none}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <time dateTime={member.createdAt}>{formatDateTime(member.createdAt)}</time>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Group gap="xs" justify="flex-end" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="light"
                          aria-label={t.changeRoleLabel(member.name)}
                          onClick={() => setEditing(member)}
                        >
                          {t.changeRole}
                        </Button>
                        <Button
                          size="xs"
                          variant="outline"
                          color="red.9"
                          aria-label={t.removeLabel(member.name)}
                          onClick={() => setRemoving(member)}
                        >
                          {t.remove}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {list.hasNextPage && (
        <Group justify="center">
          <Button
            variant="default"
            onClick={() => void list.fetchNextPage()}
            loading={list.isFetchingNextPage}
            data-testid="members-load-more"
          >
            {t.loadMore}
          </Button>
        </Group>
      )}
      <ChangeRoleModal
        workspace={workspace}
        member={editing}
        isSelf={editing?.userId === currentUserId}
        clusters={clusters}
        organisations={organisations}
        onClose={() => setEditing(null)}
        onDone={(member) => {
          setNotice(t.changed(member.name));
          setEditing(null);
        }}
      />
      <RemoveMemberModal
        workspace={workspace}
        member={removing}
        isSelf={removing?.userId === currentUserId}
        onClose={() => setRemoving(null)}
        onDone={(member) => {
          setNotice(t.removed(member.name));
          setRemoving(null);
        }}
      />
    </Stack>
  );
}

/** After a change: the list, the audit log and, when it was one's own membership, `/me`. */
function useRefresh(workspace: string) {
  const queryClient = useQueryClient();
  return async (isSelf: boolean) => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: userKeys.members(workspace) }),
      queryClient.invalidateQueries({ queryKey: workspaceKeys.audit(workspace) }),
      ...(isSelf ? [queryClient.invalidateQueries({ queryKey: sessionKeys.me })] : []),
    ]);
  };
}

function ChangeRoleModal({
  workspace,
  member,
  isSelf,
  clusters,
  organisations,
  onClose,
  onDone,
}: {
  workspace: string;
  member: WorkspaceMemberDto | null;
  isSelf: boolean;
  clusters: Option[];
  organisations: Option[];
  onClose: () => void;
  onDone: (member: WorkspaceMemberDto) => void;
}) {
  return (
    <Modal
      opened={member !== null}
      onClose={onClose}
      title={member ? t.changeRoleTitle(member.name) : ''}
      centered
      closeButtonProps={{ 'aria-label': messages.common.close }}
      styles={{ title: { fontWeight: 650 } }}
    >
      {member && (
        <ChangeRoleForm
          key={`${member.userId}-${member.version}`}
          workspace={workspace}
          member={member}
          isSelf={isSelf}
          clusters={clusters}
          organisations={organisations}
          onCancel={onClose}
          onDone={onDone}
        />
      )}
    </Modal>
  );
}

function ChangeRoleForm({
  workspace,
  member,
  isSelf,
  clusters,
  organisations,
  onCancel,
  onDone,
}: {
  workspace: string;
  member: WorkspaceMemberDto;
  isSelf: boolean;
  clusters: Option[];
  organisations: Option[];
  onCancel: () => void;
  onDone: (member: WorkspaceMemberDto) => void;
}) {
  const refresh = useRefresh(workspace);
  const form = useFormState(memberRoleValuesOf(member), MEMBER_ROLE_FIELDS, 'member-role');
  const { values, set, field } = form;
  const save = useMutation({
    mutationFn: (next: MemberRoleValues) =>
      unwrap(
        api.PATCH('/api/v1/workspaces/{workspace}/members/{userId}', {
          params: { path: { workspace, userId: member.userId } },
          body: memberRoleBodyOf(next, member.version),
        }),
      ),
    onSuccess: async (updated) => {
      await refresh(isSelf);
      onDone(updated);
    },
    onError: form.showServer,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (form.check(validateMemberRole(values))) save.mutate(values);
  };
  const scope = scopeFieldOf(values.role);
  const unplaced = save.isError && !form.placed(save.error) ? save.error : null;
  const common = (name: MemberRoleField) => ({
    ...field(name),
    inputWrapperOrder: BELOW,
    comboboxProps: { withinPortal: true },
  });

  return (
    <form onSubmit={submit} noValidate data-testid="member-role-form">
      <Stack gap="md">
        <Text fz="sm" c="dimmed">
          {member.email}
        </Text>
        {unplaced ? (
          <FailureAlert testId="member-role-error" title={t.changeFailed} error={unplaced} />
        ) : null}
        <Select
          {...common('role')}
          label={t.role}
          description={t.roleHints[values.role]}
          required
          data={ROLE_ORDER.map((value) => ({ value, label: messages.roles[value] }))}
          value={values.role}
          onChange={(value) => value && set('role', value as Role)}
          allowDeselect={false}
          data-autofocus
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
          />
        )}
        <Group justify="flex-end" gap="sm" mt="sm">
          <Button variant="default" onClick={onCancel}>
            {messages.common.cancel}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function RemoveMemberModal({
  workspace,
  member,
  isSelf,
  onClose,
  onDone,
}: {
  workspace: string;
  member: WorkspaceMemberDto | null;
  isSelf: boolean;
  onClose: () => void;
  onDone: (member: WorkspaceMemberDto) => void;
}) {
  const refresh = useRefresh(workspace);
  const remove = useMutation({
    mutationFn: (target: WorkspaceMemberDto) =>
      unwrap(
        api.DELETE('/api/v1/workspaces/{workspace}/members/{userId}', {
          params: { path: { workspace, userId: target.userId }, query: { version: target.version } },
        }),
      ),
    onSuccess: async (_result, target) => {
      await refresh(isSelf);
      onDone(target);
    },
  });
  return (
    <ConfirmModal
      opened={member !== null}
      title={member ? t.removeTitle(member.name) : ''}
      confirmLabel={t.remove}
      failedTitle={t.removeFailed}
      errorTestId="member-remove-error"
      action={remove}
      onConfirm={() => member && remove.mutate(member)}
      onClose={onClose}
    >
      <Text fz="sm">{t.removeBody}</Text>
    </ConfirmModal>
  );
}
