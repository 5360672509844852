import {
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useAbilities } from '../../app/abilities.ts';
import { ErrorState } from '../../app/error-state.tsx';
import { ForbiddenState } from '../../app/forbidden-state.tsx';
import { countryName, formatDate } from '../../app/format.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { TableSkeleton } from '../../components/skeletons.tsx';
import { usePhone } from '../../components/use-phone.ts';
import { messages } from '../../messages/en.ts';
import { allMarketsQuery } from '../../queries/markets.ts';
import { type HealthItemDto, type HealthSearch, healthListQuery } from './queries.ts';
import { DECAY_LIMITS, PIPELINE_STAGE_LIST } from './search.ts';

const t = messages.networkHealth;
const route = getRouteApi('/w/$workspace/network/health');

/**
 * `/w/$workspace/network/health`: the relationships going cold, the decaying ones first (the
 * default view), with the rule explained; all relationships on request.
 */
export function NetworkHealthPage() {
  useDocumentTitle(messages.app.documentTitle(t.title));
  const { workspace } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const abilities = useAbilities(workspace);
  const markets = useQuery(allMarketsQuery(workspace));
  if (abilities.loaded && !abilities.canSomewhere('network.read')) {
    return <ForbiddenState title={t.forbiddenTitle} />;
  }
  const go = (next: HealthSearch) => void navigate({ search: next, replace: true });

  return (
    <Stack gap="lg" maw={1200} mx="auto">
      <Stack gap={6}>
        <Title order={1}>{t.title}</Title>
        <Text c="dimmed" maw={760}>
          {t.intro}
        </Text>
      </Stack>

      <DecayRule />

      <Paper withBorder radius="md" p="md" component="section" aria-label={t.filters}>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="md" verticalSpacing="sm">
          <Stack gap={4}>
            <Text fz="sm" fw={500} id="health-show">
              {t.show}
            </Text>
            <SegmentedControl
              aria-labelledby="health-show"
              value={search.all ? 'all' : 'decaying'}
              onChange={(value) => go({ ...search, all: value === 'all' ? true : undefined })}
              data={[
                { value: 'decaying', label: t.decayingOnly },
                { value: 'all', label: t.allRelationships },
              ]}
              fullWidth
              data-testid="health-show"
            />
          </Stack>
          <Select
            label={t.stage}
            placeholder={t.anyStage}
            data={PIPELINE_STAGE_LIST.map((stage) => ({ value: stage, label: t.stages[stage] }))}
            value={search.stage ?? null}
            onChange={(value) =>
              go({ ...search, stage: PIPELINE_STAGE_LIST.find((stage) => stage === value) ?? undefined })
            }
            clearable
            comboboxProps={{ withinPortal: true }}
            id="health-stage"
          />
          <Select
            label={t.market}
            placeholder={t.anyMarket}
            data={(markets.data?.items ?? []).map((m) => ({
              value: m.id,
              label: `${m.name} · ${countryName(m.country)}`,
            }))}
            value={search.marketId ?? null}
            onChange={(value) => go({ ...search, marketId: value ?? undefined })}
            searchable
            clearable
            nothingFoundMessage="—"
            comboboxProps={{ withinPortal: true }}
            id="health-market"
          />
          <Checkbox
            mt={{ base: 0, md: 28 }}
            label={t.mineOnly}
            checked={Boolean(search.mine)}
            onChange={(event) => go({ ...search, mine: event.currentTarget.checked ? true : undefined })}
            data-testid="health-mine"
          />
        </SimpleGrid>
      </Paper>

      <HealthList workspace={workspace} search={search} />
    </Stack>
  );
}

/** The rule, with the limits of each stage (the server's DECAY_DAYS). */
function DecayRule() {
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="section"
      aria-labelledby="decay-rule"
      data-testid="decay-rule"
    >
      <Title order={2} fz="lg" id="decay-rule" mb="xs">
        {t.ruleTitle}
      </Title>
      <Text fz="sm" mb="sm" maw={860}>
        {t.rule}
      </Text>
      <Table.ScrollContainer minWidth={320}>
        <Table withTableBorder withColumnBorders fz="sm" maw={420}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.ruleStage}</Table.Th>
              <Table.Th>{t.ruleLimit}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {PIPELINE_STAGE_LIST.map((stage) => {
              const limit = DECAY_LIMITS[stage];
              return (
                <Table.Tr key={stage}>
                  <Table.Td>{t.stages[stage]}</Table.Td>
                  <Table.Td>{limit === null ? t.noLimit : t.ruleDays(limit)}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function HealthList({ workspace, search }: { workspace: string; search: HealthSearch }) {
  const list = useInfiniteQuery(healthListQuery(workspace, search));
  const phone = usePhone();
  if (list.isPending) return <TableSkeleton label={t.loading} columns={6} />;
  if (list.isError) {
    return (
      <ErrorState
        title={t.loadError}
        error={list.error}
        onRetry={() => void list.refetch()}
        retrying={list.isFetching}
      />
    );
  }
  const items = list.data.pages.flatMap((page) => page.items);
  const total = list.data.pages[0]?.total ?? 0;
  if (items.length === 0) {
    return search.all ? (
      <EmptyState title={t.emptyTitle} body={t.emptyBody} testId="health-empty" />
    ) : (
      <EmptyState title={t.emptyDecayingTitle} body={t.emptyDecayingBody} testId="health-empty" />
    );
  }
  return (
    <Stack gap="sm">
      <Text fz="sm" c="dimmed" data-testid="health-total">
        {t.total(items.length, total)}
      </Text>
      {phone ? (
        <Stack gap="sm" data-testid="health-cards">
          {items.map((item) => (
            <HealthCard key={item.relationshipId} item={item} />
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover data-testid="health-table">
            <Table.Caption>{t.caption}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t.counterpart}</Table.Th>
                <Table.Th>{t.ours}</Table.Th>
                <Table.Th>{t.stage}</Table.Th>
                <Table.Th>{t.owner}</Table.Th>
                <Table.Th>{t.market}</Table.Th>
                <Table.Th>{t.lastInteraction}</Table.Th>
                <Table.Th ta="right">{t.daysSince}</Table.Th>
                <Table.Th ta="right">{t.limit}</Table.Th>
                <Table.Th>{t.state}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.relationshipId} data-testid="health-row">
                  <Table.Td>
                    {item.counterpart.name}
                    {item.counterpart.country ? (
                      <Text span fz="xs" c="dimmed">
                        {` · ${countryName(item.counterpart.country)}`}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{item.ours.name}</Table.Td>
                  <Table.Td>{t.stages[item.stage]}</Table.Td>
                  <Table.Td>{item.owner?.name ?? t.noOwner}</Table.Td>
                  <Table.Td>{item.market?.name ?? '—'}</Table.Td>
                  <Table.Td>{item.lastInteractionOn ? formatDate(item.lastInteractionOn) : t.never}</Table.Td>
                  <Table.Td ta="right">{item.daysSince}</Table.Td>
                  <Table.Td ta="right">{item.decayDays ?? '—'}</Table.Td>
                  <Table.Td>
                    <StateBadge decaying={item.decaying} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {list.hasNextPage && (
        <Group>
          <Button variant="light" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t.loadMore}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function StateBadge({ decaying }: { decaying: boolean }) {
  return (
    <Badge variant="light" color={decaying ? 'red' : 'green'} c="var(--mantine-color-text)" tt="none">
      {decaying ? t.decaying : t.inTime}
    </Badge>
  );
}

/** A relationship on a phone: who, whose, and how long since the last interaction. */
function HealthCard({ item }: { item: HealthItemDto }) {
  return (
    <Paper withBorder radius="md" p="sm" data-testid="health-card">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {item.counterpart.name}
          </Text>
          <Text fz="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {`${t.stages[item.stage]} · ${item.ours.name}`}
          </Text>
        </Stack>
        <StateBadge decaying={item.decaying} />
      </Group>
      <Text fz="sm" mt={6}>
        {`${t.daysSince}: ${t.daysOfLimit(item.daysSince, item.decayDays)}`}
      </Text>
      <Text fz="sm" c="dimmed">
        {`${t.owner}: ${item.owner?.name ?? t.noOwner} · ${t.lastInteraction}: ${
          item.lastInteractionOn ? formatDate(item.lastInteractionOn) : t.never
        }`}
      </Text>
    </Paper>
  );
}
