import { Button, Group, Paper, Skeleton, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useAbilities } from '../../app/abilities.ts';
import { ErrorState } from '../../app/error-state.tsx';
import { formatDate } from '../../app/format.ts';
import { AnchorLink } from '../../app/links.tsx';
import { PlusIcon } from '../../components/icons.tsx';
import { messages } from '../../messages/en.ts';
import { organisationRelationshipsQuery } from './queries.ts';
import { RelationshipFormModal } from './relationship-form-modal.tsx';

const t = messages.pipeline;

/**
 * "Relationships" of an organisation's page: a network organisation's (it is the counterpart) or a
 * member organisation's (ours, or the counterpart of another member), with "Add a relationship".
 * Shown to the partnership's staff only (the network is theirs, decision 0026).
 *
 * @example
 * <RelationshipsSection workspace={w} networkOrganisationId={id} />
 * <RelationshipsSection workspace={w} ourOrganisationId={id} />
 */
export function RelationshipsSection({
  workspace,
  networkOrganisationId,
  ourOrganisationId,
}: {
  workspace: string;
  networkOrganisationId?: string;
  ourOrganisationId?: string;
}) {
  const abilities = useAbilities(workspace);
  const mayRead = abilities.canSomewhere('network.read');
  if (!mayRead) return null;
  return (
    <Section
      workspace={workspace}
      {...(networkOrganisationId ? { networkOrganisationId } : {})}
      {...(ourOrganisationId ? { ourOrganisationId } : {})}
    />
  );
}

function Section({
  workspace,
  networkOrganisationId,
  ourOrganisationId,
}: {
  workspace: string;
  networkOrganisationId?: string;
  ourOrganisationId?: string;
}) {
  const abilities = useAbilities(workspace);
  const [adding, setAdding] = useState(false);
  const filter = networkOrganisationId ? { networkOrganisationId } : { ours: ourOrganisationId ?? '' };
  const list = useQuery(organisationRelationshipsQuery(workspace, filter));
  const mayCreate = abilities.canSomewhere('network.create');
  return (
    <Stack gap="sm" data-testid="relationships-section">
      <Group justify="space-between" align="center">
        <Title order={2} fz="lg">
          {t.section.title}
        </Title>
        {mayCreate && (
          <Button variant="light" leftSection={<PlusIcon />} onClick={() => setAdding(true)}>
            {t.add}
          </Button>
        )}
      </Group>
      {list.isPending ? (
        <Skeleton h={80} aria-label={t.loading} />
      ) : list.isError ? (
        <ErrorState
          title={t.loadError}
          error={list.error}
          onRetry={() => void list.refetch()}
          retrying={list.isFetching}
        />
      ) : list.data.items.length === 0 ? (
        <Text c="dimmed" fz="sm">
          {t.section.empty}
        </Text>
      ) : (
        <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
          <Table.ScrollContainer minWidth={560} type="native">
            <Table verticalSpacing="xs" horizontalSpacing="md" striped="even">
              <VisuallyHidden component="caption">{t.section.caption}</VisuallyHidden>
              <Table.Thead bg="gray.0">
                <Table.Tr>
                  <Table.Th scope="col">
                    {networkOrganisationId ? t.columns.ours : t.columns.counterpart}
                  </Table.Th>
                  <Table.Th scope="col">{t.columns.stage}</Table.Th>
                  <Table.Th scope="col">{t.columns.since}</Table.Th>
                  <Table.Th scope="col">{t.columns.market}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((relationship) => (
                  <Table.Tr key={relationship.id}>
                    <Table.Td>
                      <AnchorLink
                        to="/w/$workspace/network/relationships/$relationshipId"
                        params={{ workspace, relationshipId: relationship.id }}
                        fz="sm"
                        fw={600}
                      >
                        {networkOrganisationId ? relationship.ours.name : relationship.counterpart.name}
                      </AnchorLink>
                    </Table.Td>
                    <Table.Td>{t.stages[relationship.stage] ?? relationship.stage}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {formatDate(relationship.stageChangedOn)}
                    </Table.Td>
                    <Table.Td>{relationship.marketName ?? '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <RelationshipFormModal
        workspace={workspace}
        opened={adding}
        onClose={() => setAdding(false)}
        fixed={{
          ...(networkOrganisationId ? { networkOrganisationId } : {}),
          ...(ourOrganisationId ? { ourOrganisationId } : {}),
        }}
      />
    </Stack>
  );
}
