import {
  Badge,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedCallback, useDocumentTitle } from '@mantine/hooks';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import {
  FUNDING_PROGRAMMES,
  type FundingProgramme,
  PROJECT_STATUSES,
  type ProjectStatus,
} from '../../../../src/domain/network/types.ts';
import { useAbilities } from '../../app/abilities.ts';
import { ErrorState } from '../../app/error-state.tsx';
import { ForbiddenState } from '../../app/forbidden-state.tsx';
import { AnchorLink } from '../../app/links.tsx';
import { useMembership } from '../../app/session.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { PlusIcon } from '../../components/icons.tsx';
import { TableSkeleton } from '../../components/skeletons.tsx';
import { usePhone } from '../../components/use-phone.ts';
import { messages } from '../../messages/en.ts';
import { allClustersQuery } from '../../queries/clusters.ts';
import { formatAmount, STATUS_COLORS } from './format.ts';
import { type ProjectDrawerState, ProjectFormDrawer } from './project-form-drawer.tsx';
import { type ProjectDto, projectListQuery } from './queries.ts';
import { hasFilters, type ProjectsSearch } from './search-params.ts';

const t = messages.projects;
const route = getRouteApi('/w/$workspace/network/projects');
const portal = { comboboxProps: { withinPortal: true } };

/** `/w/$workspace/network/projects`: the collaborative projects, filtered (kept in the address), totals by status. */
export function ProjectsPage() {
  useDocumentTitle(messages.app.documentTitle(t.title));
  const { workspace } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const { membership: contextMembership } = route.useRouteContext();
  const membership = useMembership(workspace) ?? contextMembership;
  const abilities = useAbilities(workspace);
  const mayCreate = abilities.canSomewhere('network.create');
  const [drawer, setDrawer] = useState<ProjectDrawerState>({ mode: 'closed' });
  const list = useInfiniteQuery(projectListQuery(workspace, search));
  const clusters = useQuery(allClustersQuery(workspace));
  const phone = usePhone();
  const setSearch = (update: Partial<ProjectsSearch>) =>
    void navigate({
      search: (previous) => {
        const next: Record<string, unknown> = { ...previous, ...update };
        for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
        return next as ProjectsSearch;
      },
      replace: true,
    });
  const [q, setQ] = useState(search.q ?? '');
  const searchTitle = useDebouncedCallback(
    (value: string) => setSearch({ q: value.trim() || undefined }),
    300,
  );

  if (abilities.loaded && !abilities.canSomewhere('network.read')) {
    return <ForbiddenState title={t.title} />;
  }
  const first = list.data?.pages[0];
  const projects = list.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = hasFilters(search);

  return (
    <Stack gap="lg" maw={1200} mx="auto">
      <Group justify="space-between" align="flex-end" gap="md">
        <Stack gap={6} miw={0}>
          <Title order={1}>{t.title}</Title>
          <Text c="dimmed" maw={720}>
            {t.intro}
          </Text>
        </Stack>
        {mayCreate && (
          <Button
            leftSection={<PlusIcon />}
            onClick={() => setDrawer({ mode: 'create' })}
            data-testid="project-new"
          >
            {t.newProject}
          </Button>
        )}
      </Group>

      <Paper
        component="section"
        aria-label={t.totals}
        withBorder
        radius="md"
        p="md"
        data-testid="project-totals"
      >
        <Stack gap="xs">
          <Text fz="sm" fw={600}>
            {t.totals}
          </Text>
          <Group gap="xs">
            {PROJECT_STATUSES.map((status) => {
              const n = first?.totalsByStatus[status] ?? 0;
              const active = search.status?.includes(status) ?? false;
              return (
                <Button
                  key={status}
                  size="compact-sm"
                  variant={active ? 'filled' : 'default'}
                  color={`${STATUS_COLORS[status]}.9`}
                  aria-pressed={active}
                  onClick={() => {
                    const current = search.status ?? [];
                    const next = active ? current.filter((s) => s !== status) : [...current, status];
                    setSearch({ status: next.length > 0 ? next : undefined });
                  }}
                >
                  {t.status[status]} · {n}
                </Button>
              );
            })}
          </Group>
        </Stack>
      </Paper>

      <Paper component="section" aria-label={t.filters.search} withBorder radius="md" p="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md" verticalSpacing="sm">
          <TextInput
            label={t.filters.search}
            value={q}
            onChange={(e) => {
              setQ(e.currentTarget.value);
              searchTitle(e.currentTarget.value);
            }}
          />
          <MultiSelect
            {...portal}
            label={t.filters.status}
            placeholder={search.status ? undefined : t.filters.any}
            data={PROJECT_STATUSES.map((value) => ({ value, label: t.status[value] ?? value }))}
            value={search.status ?? []}
            onChange={(value) =>
              setSearch({ status: value.length > 0 ? (value as ProjectStatus[]) : undefined })
            }
            clearable
          />
          <Select
            {...portal}
            label={t.filters.programme}
            placeholder={t.filters.any}
            data={FUNDING_PROGRAMMES.map((value) => ({ value, label: t.programme[value] ?? value }))}
            value={search.programme ?? null}
            onChange={(value) => setSearch({ programme: (value as FundingProgramme | null) ?? undefined })}
            clearable
          />
          <Select
            {...portal}
            label={t.filters.cluster}
            placeholder={t.filters.any}
            data={(clusters.data?.items ?? []).map((c) => ({
              value: c.id,
              label: `${c.shortName} · ${c.name}`,
            }))}
            value={search.clusterId ?? null}
            onChange={(value) => setSearch({ clusterId: value ?? undefined })}
            searchable
            clearable
            nothingFoundMessage="—"
          />
        </SimpleGrid>
        <Group gap="lg" mt="sm">
          <Checkbox
            label={t.filters.commonLabel}
            checked={search.commonLabel ?? false}
            onChange={(e) => setSearch({ commonLabel: e.currentTarget.checked || undefined })}
          />
          <Checkbox
            label={t.filters.internationalFunding}
            checked={search.internationalFunding ?? false}
            onChange={(e) => setSearch({ internationalFunding: e.currentTarget.checked || undefined })}
          />
          {filtered && (
            <Button
              variant="subtle"
              size="compact-sm"
              onClick={() => {
                setQ('');
                void navigate({ search: {}, replace: true });
              }}
            >
              {t.filters.clear}
            </Button>
          )}
        </Group>
      </Paper>

      {list.isPending ? (
        <TableSkeleton label={t.loading} columns={6} />
      ) : list.isError ? (
        <ErrorState
          title={t.loadError}
          error={list.error}
          onRetry={() => void list.refetch()}
          retrying={list.isFetching}
        />
      ) : projects.length === 0 ? (
        <EmptyState
          testId="projects-empty"
          title={filtered ? t.noMatchTitle : t.emptyTitle}
          body={filtered ? t.noMatchBody : t.emptyBody}
          action={
            !filtered && mayCreate ? (
              <Button variant="light" mt="sm" onClick={() => setDrawer({ mode: 'create' })}>
                {t.newProject}
              </Button>
            ) : null
          }
        />
      ) : (
        <Stack gap="md">
          <Text fz="sm" c="dimmed" data-testid="project-count" role="status">
            {t.shown(projects.length, first?.total ?? projects.length)}
          </Text>
          {phone ? (
            <Stack gap="sm" data-testid="project-cards">
              {projects.map((project) => (
                <ProjectCard key={project.id} workspace={workspace} project={project} />
              ))}
            </Stack>
          ) : (
            <ProjectTable workspace={workspace} projects={projects} />
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
      )}

      <ProjectFormDrawer
        workspace={workspace}
        membership={membership}
        state={drawer}
        onClose={() => setDrawer({ mode: 'closed' })}
        onCreated={(project) => {
          setDrawer({ mode: 'closed' });
          void navigate({ to: '/w/$workspace/network/projects/$id', params: { workspace, id: project.id } });
        }}
      />
    </Stack>
  );
}

export function StatusBadge({ status }: { status: string }) {
  const color = STATUS_COLORS[status] ?? 'gray';
  // Dark text on the light tints that are too bright for their own shade (contrast AA).
  const text = ['red', 'orange', 'teal', 'green', 'gray'].includes(color)
    ? 'var(--mantine-color-text)'
    : `${color}.9`;
  return (
    <Badge variant="light" color={color} c={text} tt="none" data-testid="project-status">
      {t.status[status] ?? status}
    </Badge>
  );
}

function ProjectTable({ workspace, projects }: { workspace: string; projects: ProjectDto[] }) {
  return (
    <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
      <Table.ScrollContainer minWidth={900} type="native">
        <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover striped="even">
          <VisuallyHidden component="caption">{t.caption}</VisuallyHidden>
          <Table.Thead bg="gray.0">
            <Table.Tr>
              <Table.Th scope="col">{t.columns.title}</Table.Th>
              <Table.Th scope="col">{t.columns.status}</Table.Th>
              <Table.Th scope="col">{t.columns.programme}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t.columns.amount}
              </Table.Th>
              <Table.Th scope="col">{t.columns.cluster}</Table.Th>
              <Table.Th scope="col">{t.columns.activity}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t.columns.partners}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {projects.map((project) => (
              <Table.Tr key={project.id} data-testid="project-row">
                <Table.Td>
                  <AnchorLink
                    to="/w/$workspace/network/projects/$id"
                    params={{ workspace, id: project.id }}
                    fz="sm"
                    fw={600}
                  >
                    {project.title}
                  </AnchorLink>
                  <Group gap={4} mt={2}>
                    {project.commonLabel && <FlagBadge label={t.form.commonLabel} />}
                    {project.internationalFunding && <FlagBadge label={t.form.internationalFunding} />}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={project.status} />
                </Table.Td>
                <Table.Td>
                  {project.fundingProgramme ? (t.programme[project.fundingProgramme] ?? '') : t.none}
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {formatAmount(project.amount, project.currency) ?? t.none}
                </Table.Td>
                <Table.Td>{project.clusterName ?? t.coordinators}</Table.Td>
                <Table.Td>
                  {project.activityId ? (
                    <AnchorLink
                      to="/w/$workspace/activities/$activityId"
                      params={{ workspace, activityId: project.activityId }}
                      fz="sm"
                    >
                      {project.activityTitle}
                    </AnchorLink>
                  ) : (
                    (project.instrumentName ?? t.none)
                  )}
                </Table.Td>
                <Table.Td ta="right">{project.partnerCount}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function ProjectCard({ workspace, project }: { workspace: string; project: ProjectDto }) {
  const amount = formatAmount(project.amount, project.currency);
  return (
    <Paper withBorder radius="md" p="md" data-testid="project-card">
      <Stack gap={6}>
        <AnchorLink
          to="/w/$workspace/network/projects/$id"
          params={{ workspace, id: project.id }}
          fw={600}
          style={{ overflowWrap: 'anywhere' }}
        >
          {project.title}
        </AnchorLink>
        <Group gap={6}>
          <StatusBadge status={project.status} />
          {project.commonLabel && <FlagBadge label={t.form.commonLabel} />}
          {project.internationalFunding && <FlagBadge label={t.form.internationalFunding} />}
        </Group>
        <Text fz="sm" c="dimmed">
          {[
            project.fundingProgramme ? t.programme[project.fundingProgramme] : null,
            amount,
            project.clusterName ?? t.coordinators,
            t.partners.count(project.partnerCount),
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        {project.activityTitle && (
          <Text fz="sm" style={{ overflowWrap: 'anywhere' }}>
            {t.columns.activity}: {project.activityTitle}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

export function FlagBadge({ label }: { label: string }) {
  return (
    <Badge variant="outline" color="gray" size="sm" tt="none" c="var(--mantine-color-text)">
      {label}
    </Badge>
  );
}
