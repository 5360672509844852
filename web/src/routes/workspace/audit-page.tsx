import {
  Badge,
  Box,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useMemo } from 'react';
import type { AuditEventDto } from '../../api/types.ts';
import { useAbilities } from '../../app/abilities.ts';
import { ErrorState } from '../../app/error-state.tsx';
import { ForbiddenState } from '../../app/forbidden-state.tsx';
import { formatDateTime } from '../../app/format.ts';
import { AnchorLink } from '../../app/links.tsx';
import {
  auditRecordLink,
  auditRecordName,
  entityTypeLabel,
  shownChanges,
} from '../../components/audit-format.ts';
import { ListCount, type ListView, useListRows, useListView } from '../../components/list-view.tsx';
import { SavedViews } from '../../components/saved-views.tsx';
import { messages } from '../../messages/en.ts';
import { figures } from '../../messages/en-figures.ts';
import { AUDIT_DEFAULT_SORT, parseAuditSearch } from './audit-search.ts';
import { type AuditSearch, auditActorsQuery, auditListQuery } from './queries.ts';

const t = messages.audit;
const f = figures.audit;
const route = getRouteApi('/w/$workspace/audit');

const ACTION_COLORS = { create: 'teal.9', update: 'indigo', delete: 'red.9' } as const;
const ACTIONS = ['create', 'update', 'delete'] as const;

/** `/w/$workspace/audit`: every change in the workspace, newest first or sorted, filtered (coordinators). */
export function AuditPage() {
  useDocumentTitle(messages.app.documentTitle(t.title));
  const { workspace } = route.useParams();
  const search = route.useSearch();
  const abilities = useAbilities(workspace);
  if (abilities.loaded && !abilities.canSomewhere('audit.read')) {
    return <ForbiddenState title={t.forbiddenTitle} />;
  }
  return <AuditLog workspace={workspace} search={search} />;
}

function AuditLog({ workspace, search }: { workspace: string; search: AuditSearch }) {
  const navigate = route.useNavigate();
  const view = useListView<AuditSearch>({
    search,
    navigate: (update) =>
      void navigate({
        search: (previous) => parseAuditSearch(update(previous) as Record<string, unknown>),
        replace: true,
      }),
    defaultSort: AUDIT_DEFAULT_SORT,
  });
  const log = useInfiniteQuery(auditListQuery(workspace, search));
  const rows = useListRows(log.data);
  const events = rows.items;
  const references = useMemo(
    () =>
      Object.assign({}, ...(log.data?.pages.map((page) => page.references) ?? [])) as Record<string, string>,
    [log.data],
  );
  const filtered = view.filtered;

  return (
    <Stack gap="lg" maw={1200} mx="auto">
      <Group justify="space-between" align="flex-end" gap="md">
        <Stack gap={6}>
          <Title order={1}>{t.title}</Title>
          <Text c="dimmed" maw={720}>
            {t.intro}
          </Text>
        </Stack>
        <SavedViews workspace={workspace} list="audit" {...view.views} />
      </Group>

      <AuditFilters workspace={workspace} search={search} view={view} />

      {log.isPending ? (
        <Box aria-busy="true">
          <VisuallyHidden role="status">{t.loading}</VisuallyHidden>
          <Paper withBorder radius="md" p="md" aria-hidden="true">
            <Stack gap="md">
              {[0, 1, 2, 3, 4].map((row) => (
                <Group key={row} gap="lg" wrap="nowrap">
                  <Skeleton h={14} w={120} />
                  <Skeleton h={14} w="20%" />
                  <Skeleton h={14} w={64} />
                  <Skeleton h={14} w="40%" />
                </Group>
              ))}
            </Stack>
          </Paper>
        </Box>
      ) : log.isError ? (
        <ErrorState
          title={t.loadError}
          error={log.error}
          onRetry={() => void log.refetch()}
          retrying={log.isFetching}
        />
      ) : events.length === 0 ? (
        <Paper withBorder radius="md" p="xl">
          <Stack align="center" gap="xs" py="lg">
            <Title order={2} fz="lg">
              {filtered ? f.noMatch : t.emptyTitle}
            </Title>
            {!filtered && <Text c="dimmed">{t.emptyBody}</Text>}
          </Stack>
        </Paper>
      ) : (
        <Stack gap="md">
          <ListCount rows={rows} noun={messages.lists.nouns.events} testId="audit-count" />
          <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
            {/* Focusable, so keyboard users can scroll it when the page is narrower than the table. */}
            <Table.ScrollContainer minWidth={820} type="native" tabIndex={0} aria-label={t.tableCaption}>
              <Table verticalSpacing="sm" horizontalSpacing="md" striped="even">
                <VisuallyHidden component="caption">{t.tableCaption}</VisuallyHidden>
                <Table.Thead bg="gray.0">
                  <Table.Tr>
                    {view.sortable(t.when, 'at', { descendingFirst: true })}
                    {view.sortable(t.who, 'actor')}
                    {view.sortable(t.action, 'action')}
                    {view.sortable(t.entity, 'entityType')}
                    <Table.Th scope="col">{t.changes}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {events.map((event) => (
                    <Table.Tr key={event.id} data-testid="audit-row" style={{ verticalAlign: 'top' }}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <time dateTime={event.at}>{formatDateTime(event.at)}</time>
                      </Table.Td>
                      <Table.Td data-testid="audit-who">
                        {event.actorName ? (
                          <Stack gap={0}>
                            <Text fz="sm">{event.actorName}</Text>
                            <Text fz="xs" c="dimmed">
                              {event.actor}
                            </Text>
                          </Stack>
                        ) : (
                          (event.actor ?? f.system)
                        )}
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Badge
                          variant="dot"
                          color={ACTION_COLORS[event.action]}
                          tt="none"
                          size="md"
                          style={{ minWidth: 'max-content' }}
                        >
                          {t.actions[event.action]}
                        </Badge>
                      </Table.Td>
                      <Table.Td data-testid="audit-record">
                        <RecordCell workspace={workspace} event={event} />
                      </Table.Td>
                      <Table.Td>
                        <ChangeList event={event} references={references} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
          {log.hasNextPage && (
            <Group justify="center">
              <Button
                variant="default"
                onClick={() => void log.fetchNextPage()}
                loading={log.isFetchingNextPage}
              >
                {messages.common.loadMore}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Stack>
  );
}

/** Who, record type, action and period: each choice goes to the address (shareable, back-able). */
function AuditFilters({
  workspace,
  search,
  view,
}: {
  workspace: string;
  search: AuditSearch;
  view: ListView<AuditSearch>;
}) {
  const actors = useQuery(auditActorsQuery(workspace));
  const set = <K extends keyof AuditSearch>(key: K, value: AuditSearch[K] | null | '') =>
    view.setSearch({ [key]: value === null || value === '' ? undefined : value } as Partial<AuditSearch>);
  const entityTypes = Object.entries(f.entityTypes)
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label));

  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="section"
      aria-label={f.filters}
      data-testid="audit-filters"
    >
      <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="md">
        <Select
          id="audit-who"
          label={f.who}
          placeholder={f.anyone}
          data={(actors.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.name} (${a.email})` }))}
          value={search.actorId ?? null}
          onChange={(value) => set('actorId', value)}
          searchable
          clearable
          nothingFoundMessage="—"
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          id="audit-entity-type"
          label={f.entityType}
          placeholder={f.anyType}
          data={entityTypes}
          value={search.entityType ?? null}
          onChange={(value) => set('entityType', value)}
          searchable
          clearable
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          id="audit-action"
          label={f.action}
          placeholder={f.anyAction}
          data={ACTIONS.map((value) => ({ value, label: t.actions[value] }))}
          value={search.action ?? null}
          onChange={(value) => set('action', value as AuditSearch['action'] | null)}
          clearable
          comboboxProps={{ withinPortal: true }}
        />
        <TextInput
          id="audit-from"
          type="date"
          label={f.from}
          value={search.from ?? ''}
          max={search.to}
          onChange={(event) => set('from', event.currentTarget.value)}
        />
        <TextInput
          id="audit-to"
          type="date"
          label={f.to}
          value={search.to ?? ''}
          min={search.from}
          onChange={(event) => set('to', event.currentTarget.value)}
        />
      </SimpleGrid>
      {view.filtered && (
        <Group justify="flex-end" mt="sm">
          <Button variant="subtle" size="xs" onClick={view.clearFilters}>
            {f.clear}
          </Button>
        </Group>
      )}
    </Paper>
  );
}

/** The record's kind, and its name today (a link to its page) or as the log recorded it. */
function RecordCell({ workspace, event }: { workspace: string; event: AuditEventDto }) {
  const record = auditRecordName(event);
  const link = auditRecordLink(event);
  return (
    <Stack gap={2}>
      <Text fz="sm" fw={600}>
        {entityTypeLabel(event.entityType)}
      </Text>
      {record &&
        (link && !record.deleted ? (
          <RecordLink workspace={workspace} link={link} name={record.name} />
        ) : (
          <Text fz="sm">
            {record.name}
            {record.deleted && (
              <Text component="span" fz="xs" c="dimmed">
                {' '}
                ({f.deletedRecord})
              </Text>
            )}
          </Text>
        ))}
    </Stack>
  );
}

/** A link to the page of a record that has one. */
function RecordLink({
  workspace,
  link,
  name,
}: {
  workspace: string;
  link: NonNullable<ReturnType<typeof auditRecordLink>>;
  name: string;
}) {
  const common = { fz: 'sm', 'data-testid': 'audit-record-link', children: name } as const;
  switch (link.to) {
    case '/w/$workspace/markets/$marketId':
      return <AnchorLink to={link.to} params={{ workspace, ...link.params }} {...common} />;
    case '/w/$workspace/plans/$planId':
      return <AnchorLink to={link.to} params={{ workspace, ...link.params }} {...common} />;
    case '/w/$workspace/activities/$activityId':
      return <AnchorLink to={link.to} params={{ workspace, ...link.params }} {...common} />;
    case '/w/$workspace/members/$id':
      return <AnchorLink to={link.to} params={{ workspace, ...link.params }} {...common} />;
  }
}

function ChangeList({ event, references }: { event: AuditEventDto; references: Record<string, string> }) {
  const changes = shownChanges(event, references);
  if (changes.length === 0) {
    return (
      <Text fz="sm" c="dimmed">
        {t.noChanges}
      </Text>
    );
  }
  return (
    <Stack component="ul" gap={2} m={0} p={0} style={{ listStyle: 'none' }}>
      {changes.map((change) => (
        <Text component="li" key={change.field} fz="sm" data-testid="audit-change">
          <Text component="span" fz="sm" fw={600}>
            {change.label}
          </Text>
          {': '}
          {event.action === 'create' ? (
            <span>{change.after}</span>
          ) : event.action === 'delete' ? (
            <span>{change.before}</span>
          ) : (
            <>
              <Text component="span" fz="sm" c="dimmed">
                {change.before}
              </Text>
              {' → '}
              <span>{change.after}</span>
            </>
          )}
        </Text>
      ))}
    </Stack>
  );
}
