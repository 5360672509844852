import {
  Button,
  Group,
  MultiSelect,
  Paper,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import type { RelationshipDto } from '../../api/types.ts';
import { RELATIONSHIP_STAGES } from '../../api/vocabulary.ts';
import { useAbilities } from '../../app/abilities.ts';
import { ErrorState } from '../../app/error-state.tsx';
import { countryName, formatDate } from '../../app/format.ts';
import { AnchorLink } from '../../app/links.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { PlusIcon } from '../../components/icons.tsx';
import { ListCount, ListSearchInput, useListRows, useListView } from '../../components/list-view.tsx';
import { TableSkeleton } from '../../components/skeletons.tsx';
import { messages } from '../../messages/en.ts';
import { allClustersQuery } from '../../queries/clusters.ts';
import { allMarketsQuery } from '../../queries/markets.ts';
import { PipelineBoard } from './pipeline-board.tsx';
import { boardQuery, relationshipListQuery } from './queries.ts';
import { RelationshipFormModal } from './relationship-form-modal.tsx';
import { PIPELINE_DEFAULT_SORT, type PipelineSearch, stagesOf } from './search-params.ts';
import { StageChangeModal, type StageChangeTarget } from './stage-change-modal.tsx';

const t = messages.pipeline;
const route = getRouteApi('/w/$workspace/network/pipeline');

/** `/w/$workspace/network/pipeline`: the partnership pipeline as a board or a list, per market or cluster. */
export function PipelinePage() {
  useDocumentTitle(messages.app.documentTitle(t.title));
  const { workspace } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const abilities = useAbilities(workspace);
  const markets = useQuery(allMarketsQuery(workspace));
  const clusters = useQuery(allClustersQuery(workspace));
  const [moving, setMoving] = useState<StageChangeTarget | null>(null);
  const [adding, setAdding] = useState(false);
  const view = useListView<PipelineSearch>({
    search,
    navigate: (update) => void navigate({ search: update, replace: true }),
    defaultSort: PIPELINE_DEFAULT_SORT,
    isFiltered: (s) => Boolean(s.market || s.cluster || s.stage || s.q),
  });
  const { setSearch } = view;
  const mayCreate = abilities.canSomewhere('network.create');
  const mayMove = (relationship: RelationshipDto) =>
    abilities.can('network.update', { clusterId: relationship.clusterId });

  return (
    <Stack gap="lg" maw={1440} mx="auto">
      <Group justify="space-between" align="flex-end" gap="md">
        <Stack gap={6}>
          <Title order={1}>{t.title}</Title>
          <Text c="dimmed" maw={760}>
            {t.intro}
          </Text>
        </Stack>
        {mayCreate && (
          <Button onClick={() => setAdding(true)} leftSection={<PlusIcon />}>
            {t.add}
          </Button>
        )}
      </Group>

      <Group align="flex-end" gap="md">
        <Select
          label={t.market}
          placeholder={t.anyMarket}
          data={(markets.data?.items ?? []).map((m) => ({
            value: m.id,
            label: `${m.name} · ${countryName(m.country)}`,
          }))}
          value={search.market ?? null}
          onChange={(value) => setSearch({ market: value ?? undefined })}
          clearable
          searchable
          nothingFoundMessage="—"
          w={{ base: '100%', xs: 260 }}
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label={t.cluster}
          placeholder={t.anyCluster}
          data={(clusters.data?.items ?? []).map((c) => ({
            value: c.id,
            label: `${c.shortName} · ${c.name}`,
          }))}
          value={search.cluster ?? null}
          onChange={(value) => setSearch({ cluster: value ?? undefined })}
          clearable
          searchable
          nothingFoundMessage="—"
          w={{ base: '100%', xs: 260 }}
          comboboxProps={{ withinPortal: true }}
        />
      </Group>

      <Tabs
        value={search.view === 'list' ? 'list' : 'board'}
        onChange={(value) => setSearch({ view: value === 'list' ? 'list' : undefined })}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="board">{t.boardTab}</Tabs.Tab>
          <Tabs.Tab value="list">{t.listTab}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="board" pt="md">
          <BoardTab
            workspace={workspace}
            search={search}
            mayMove={mayMove}
            onMove={setMoving}
            onAdd={mayCreate ? () => setAdding(true) : null}
          />
        </Tabs.Panel>
        <Tabs.Panel value="list" pt="md">
          <ListTab workspace={workspace} search={search} view={view} />
        </Tabs.Panel>
      </Tabs>

      <StageChangeModal workspace={workspace} target={moving} onClose={() => setMoving(null)} />
      <RelationshipFormModal
        workspace={workspace}
        opened={adding}
        onClose={() => setAdding(false)}
        fixed={{}}
      />
    </Stack>
  );
}

function BoardTab({
  workspace,
  search,
  mayMove,
  onMove,
  onAdd,
}: {
  workspace: string;
  search: PipelineSearch;
  mayMove: (relationship: RelationshipDto) => boolean;
  onMove: (target: StageChangeTarget) => void;
  onAdd: (() => void) | null;
}) {
  const board = useQuery(boardQuery(workspace, search));
  if (board.isPending) return <TableSkeleton label={t.loading} columns={5} />;
  if (board.isError) {
    return (
      <ErrorState
        title={t.loadError}
        error={board.error}
        onRetry={() => void board.refetch()}
        retrying={board.isFetching}
      />
    );
  }
  const total = board.data.columns.reduce((sum, column) => sum + column.count, 0);
  if (total === 0) {
    const filtered = Boolean(search.market || search.cluster);
    return (
      <EmptyState
        testId="pipeline-empty"
        title={filtered ? t.emptyFilteredTitle : t.emptyTitle}
        body={filtered ? t.emptyFilteredBody : t.emptyBody}
        action={
          onAdd && !filtered ? (
            <Button variant="light" mt="sm" onClick={onAdd}>
              {t.add}
            </Button>
          ) : null
        }
      />
    );
  }
  return <PipelineBoard workspace={workspace} board={board.data} mayMove={mayMove} onMove={onMove} />;
}

function ListTab({
  workspace,
  search,
  view,
}: {
  workspace: string;
  search: PipelineSearch;
  view: ReturnType<typeof useListView<PipelineSearch>>;
}) {
  const list = useInfiniteQuery(relationshipListQuery(workspace, search));
  const rows = useListRows(list.data);
  const c = t.columns;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="md">
        <Group align="flex-end" gap="md">
          <ListSearchInput
            view={view}
            label={t.search}
            placeholder={t.searchPlaceholder}
            clearLabel={t.clearSearch}
            w={{ base: '100%', xs: 260 }}
          />
          <MultiSelect
            label={t.stage}
            placeholder={search.stage ? undefined : t.anyStage}
            data={RELATIONSHIP_STAGES.map((stage) => ({ value: stage, label: t.stages[stage] ?? stage }))}
            value={stagesOf(search.stage) ?? []}
            onChange={(value) =>
              view.setSearch({
                stage: value.length > 0 ? (stagesOf(value.join(',')) ?? []).join(',') : undefined,
              })
            }
            clearable
            w={{ base: '100%', xs: 320 }}
            comboboxProps={{ withinPortal: true }}
          />
        </Group>
        <ListCount rows={rows} noun={t.nouns} testId="relationship-count" />
      </Group>
      {list.isPending ? (
        <TableSkeleton label={t.loading} columns={6} />
      ) : list.isError ? (
        <ErrorState
          title={t.loadError}
          error={list.error}
          onRetry={() => void list.refetch()}
          retrying={list.isFetching}
        />
      ) : rows.items.length === 0 ? (
        <EmptyState
          testId="relationships-empty"
          title={view.filtered ? t.emptyFilteredTitle : t.emptyTitle}
          body={view.filtered ? t.emptyFilteredBody : t.emptyBody}
          action={
            view.filtered ? (
              <Button variant="light" mt="sm" onClick={view.clearFilters}>
                {t.clearFilters}
              </Button>
            ) : null
          }
        />
      ) : (
        <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
          <Table.ScrollContainer minWidth={860} type="native">
            <Table
              verticalSpacing="sm"
              horizontalSpacing="md"
              striped="even"
              data-testid="relationships-table"
            >
              <VisuallyHidden component="caption">{t.tableCaption}</VisuallyHidden>
              <Table.Thead bg="gray.0">
                <Table.Tr>
                  {view.sortable(c.counterpart, 'counterpart')}
                  <Table.Th scope="col">{c.ours}</Table.Th>
                  {view.sortable(c.stage, 'stage')}
                  <Table.Th scope="col">{c.market}</Table.Th>
                  {view.sortable(c.since, 'stageChangedOn', { descendingFirst: true })}
                  {view.sortable(c.started, 'startedOn', { descendingFirst: true })}
                  <Table.Th scope="col">{c.owner}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.items.map((relationship) => (
                  <Table.Tr key={relationship.id} data-testid="relationship-row">
                    <Table.Td>
                      <AnchorLink
                        to="/w/$workspace/network/relationships/$relationshipId"
                        params={{ workspace, relationshipId: relationship.id }}
                        fw={600}
                        fz="sm"
                      >
                        {relationship.counterpart.name}
                      </AnchorLink>
                      <Text fz="xs" c="dimmed">
                        {countryName(relationship.counterpart.country)}
                      </Text>
                    </Table.Td>
                    <Table.Td>{relationship.ours.name}</Table.Td>
                    <Table.Td>{t.stages[relationship.stage] ?? relationship.stage}</Table.Td>
                    <Table.Td>{relationship.marketName ?? '—'}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {formatDate(relationship.stageChangedOn)}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(relationship.startedOn)}</Table.Td>
                    <Table.Td>{relationship.ownerName ?? '—'}</Table.Td>
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
          >
            {t.loadMore}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
