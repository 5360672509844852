import {
  Badge,
  Breadcrumbs,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { isApiError } from '../../api/client.ts';
import type { RelationshipDetailDto } from '../../api/types.ts';
import { useAbilities } from '../../app/abilities.ts';
import { ErrorState } from '../../app/error-state.tsx';
import { countryName, formatDate } from '../../app/format.ts';
import { AnchorLink, ButtonLink } from '../../app/links.tsx';
import { FailureAlert } from '../../components/alerts.tsx';
import { ConfirmModal } from '../../components/confirm-modal.tsx';
import { PageSkeleton } from '../../components/skeletons.tsx';
import { messages } from '../../messages/en.ts';
import {
  deleteRelationship,
  relationshipQuery,
  updateRelationshipNotes,
  usePipelineMutation,
} from './queries.ts';
import { StageChangeModal, type StageChangeTarget } from './stage-change-modal.tsx';

const t = messages.pipeline;
const p = t.page;
const route = getRouteApi('/w/$workspace/network/relationships/$relationshipId');

/** `/w/$workspace/network/relationships/$relationshipId`: one relationship and its stage history. */
export function RelationshipPage() {
  const { workspace, relationshipId } = route.useParams();
  const relationship = useQuery(relationshipQuery(workspace, relationshipId));
  useDocumentTitle(messages.app.documentTitle(relationship.data?.counterpart.name ?? p.loading));
  const crumbs = (
    <Breadcrumbs aria-label={t.title} separator="›">
      <AnchorLink to="/w/$workspace/network/pipeline" params={{ workspace }} fz="sm">
        {p.back}
      </AnchorLink>
      <Text fz="sm" c="dimmed" aria-current="page">
        {relationship.data?.counterpart.name ?? '…'}
      </Text>
    </Breadcrumbs>
  );
  if (relationship.isPending) return <PageSkeleton label={p.loading} />;
  if (relationship.isError) {
    if (isApiError(relationship.error) && relationship.error.status === 404) {
      return (
        <Stack gap="lg" maw={1100} mx="auto" data-testid="relationship-not-found">
          {crumbs}
          <Title order={1}>{p.notFound}</Title>
          <ButtonLink
            to="/w/$workspace/network/pipeline"
            params={{ workspace }}
            variant="light"
            w="fit-content"
          >
            {p.back}
          </ButtonLink>
        </Stack>
      );
    }
    return (
      <ErrorState
        title={t.loadError}
        error={relationship.error}
        onRetry={() => void relationship.refetch()}
        retrying={relationship.isFetching}
      />
    );
  }
  return <RelationshipView workspace={workspace} relationship={relationship.data} crumbs={crumbs} />;
}

function RelationshipView({
  workspace,
  relationship,
  crumbs,
}: {
  workspace: string;
  relationship: RelationshipDetailDto;
  crumbs: React.ReactNode;
}) {
  const navigate = useNavigate();
  const abilities = useAbilities(workspace);
  const mayUpdate = abilities.can('network.update', { clusterId: relationship.clusterId });
  const mayDelete = abilities.can('network.delete', { clusterId: relationship.clusterId });
  const [moving, setMoving] = useState<StageChangeTarget | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [notes, setNotes] = useState<string | null>(null);
  const remove = usePipelineMutation(
    workspace,
    () => deleteRelationship(workspace, relationship.id, relationship.version),
    () => void navigate({ to: '/w/$workspace/network/pipeline', params: { workspace } }),
  );
  const saveNotes = usePipelineMutation(
    workspace,
    (text: string) => updateRelationshipNotes(workspace, relationship.id, relationship.version, text),
    () => setNotes(null),
  );
  const stageName = (stage: string | null) => (stage ? (t.stages[stage] ?? stage) : p.none);

  return (
    <Stack gap="lg" maw={1100} mx="auto" data-testid="relationship-page">
      {crumbs}
      <Group justify="space-between" align="flex-end" gap="md">
        <Stack gap={4}>
          <Title order={1}>{relationship.counterpart.name}</Title>
          <Text c="dimmed">
            {relationship.ours.name} · {countryName(relationship.counterpart.country)}
          </Text>
        </Stack>
        <Group gap="sm">
          <Badge
            size="lg"
            variant="light"
            color="blue"
            c="var(--mantine-color-text)"
            data-testid="relationship-stage"
          >
            {stageName(relationship.stage)}
          </Badge>
          {mayUpdate && (
            <Button onClick={() => setMoving({ relationship, stage: relationship.stage })}>{p.move}</Button>
          )}
          {mayDelete && (
            <Button variant="default" color="red.9" onClick={() => setDeleting(true)}>
              {p.delete}
            </Button>
          )}
        </Group>
      </Group>

      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Paper withBorder radius="md" p="md">
          <Stack gap="xs">
            <Fact label={p.ours} value={relationship.ours.name} />
            <Fact label={p.counterpart} value={relationship.counterpart.name} />
            <Fact label={p.market} value={relationship.marketName ?? p.noMarket} />
            <Fact label={p.owner} value={relationship.ownerName ?? p.noOwner} />
            <Fact label={p.started} value={formatDate(relationship.startedOn)} />
            {relationship.stageReason && <Fact label={p.reason} value={relationship.stageReason} />}
          </Stack>
        </Paper>
        <Paper withBorder radius="md" p="md">
          <Stack gap="xs">
            <Group justify="space-between">
              <Title order={2} fz="md">
                {p.notes}
              </Title>
              {mayUpdate && notes === null && (
                <Button variant="subtle" size="compact-sm" onClick={() => setNotes(relationship.notes)}>
                  {p.editNotes}
                </Button>
              )}
            </Group>
            {notes === null ? (
              <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {relationship.notes || p.noNotes}
              </Text>
            ) : (
              <Stack gap="xs">
                {saveNotes.isError && (
                  <FailureAlert
                    testId="relationship-notes-error"
                    title={p.saveFailed}
                    error={saveNotes.error}
                  />
                )}
                <Textarea
                  label={p.notes}
                  error={notes.length > 4000 ? messages.planning.tooLong(4000) : undefined}
                  value={notes}
                  autosize
                  minRows={3}
                  onChange={(event) => setNotes(event.currentTarget.value)}
                />
                <Group gap="sm" justify="flex-end">
                  <Button variant="default" onClick={() => setNotes(null)}>
                    {p.cancel}
                  </Button>
                  <Button
                    loading={saveNotes.isPending}
                    disabled={notes.length > 4000}
                    onClick={() => saveNotes.mutate(notes)}
                  >
                    {p.save}
                  </Button>
                </Group>
              </Stack>
            )}
          </Stack>
        </Paper>
      </SimpleGrid>

      <Stack gap="sm">
        <Title order={2} fz="lg">
          {p.history}
        </Title>
        <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
          <Table.ScrollContainer minWidth={720} type="native">
            <Table verticalSpacing="sm" horizontalSpacing="md" striped="even" data-testid="stage-history">
              <VisuallyHidden component="caption">{p.historyCaption}</VisuallyHidden>
              <Table.Thead bg="gray.0">
                <Table.Tr>
                  <Table.Th scope="col">{p.day}</Table.Th>
                  <Table.Th scope="col">{p.from}</Table.Th>
                  <Table.Th scope="col">{p.to}</Table.Th>
                  <Table.Th scope="col">{p.activity}</Table.Th>
                  <Table.Th scope="col">{p.reason}</Table.Th>
                  <Table.Th scope="col">{p.by}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {relationship.changes.map((change) => (
                  <Table.Tr key={change.id} data-testid="stage-history-row">
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(change.changedOn)}</Table.Td>
                    <Table.Td>{change.fromStage ? stageName(change.fromStage) : p.began}</Table.Td>
                    <Table.Td>{stageName(change.toStage)}</Table.Td>
                    <Table.Td>
                      {change.activityId && change.activityTitle ? (
                        <AnchorLink
                          to="/w/$workspace/activities/$activityId"
                          params={{ workspace, activityId: change.activityId }}
                          fz="sm"
                        >
                          {change.activityTitle}
                        </AnchorLink>
                      ) : (
                        p.none
                      )}
                    </Table.Td>
                    <Table.Td>{change.reason ?? p.none}</Table.Td>
                    <Table.Td>{change.actorName ?? p.none}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      </Stack>

      <StageChangeModal workspace={workspace} target={moving} onClose={() => setMoving(null)} />
      <ConfirmModal
        opened={deleting}
        title={p.deleteTitle}
        confirmLabel={p.deleteConfirm}
        failedTitle={p.deleteFailed}
        errorTestId="relationship-delete-error"
        action={remove}
        onConfirm={() => remove.mutate(undefined)}
        onClose={() => setDeleting(false)}
      >
        <Text fz="sm">{p.deleteBody}</Text>
      </ConfirmModal>
    </Stack>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Text fz="sm" c="dimmed" w={120} style={{ flex: 'none' }}>
        {label}
      </Text>
      <Text fz="sm" style={{ overflowWrap: 'anywhere' }}>
        {value}
      </Text>
    </Group>
  );
}
