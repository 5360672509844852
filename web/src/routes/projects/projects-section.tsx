import { Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useAbilities } from '../../app/abilities.ts';
import { ErrorState } from '../../app/error-state.tsx';
import { AnchorLink } from '../../app/links.tsx';
import { useMembership } from '../../app/session.ts';
import { PlusIcon } from '../../components/icons.tsx';
import { messages } from '../../messages/en.ts';
import { formatAmount } from './format.ts';
import { type ProjectDrawerState, ProjectFormDrawer } from './project-form-drawer.tsx';
import { FlagBadge, StatusBadge } from './projects-page.tsx';
import { relatedProjectsQuery } from './queries.ts';

const t = messages.projects;

/**
 * The collaborative projects of one activity, member organisation or network organisation, for
 * their pages (give exactly one id). For the staff who read the network; nothing for the others.
 * On an activity's page, "New project" starts one that came from the activity.
 */
export function ProjectsSection({
  workspace,
  organisationId,
  networkOrganisationId,
  activity,
}: {
  workspace: string;
  organisationId?: string;
  networkOrganisationId?: string;
  activity?: { id: string; title: string };
}) {
  const abilities = useAbilities(workspace);
  const membership = useMembership(workspace);
  const mayRead = abilities.canSomewhere('network.read');
  const partner = organisationId ?? networkOrganisationId;
  const filter = activity ? { activityId: activity.id } : partner ? { partner } : {};
  const projects = useQuery({ ...relatedProjectsQuery(workspace, filter), enabled: mayRead });
  const [drawer, setDrawer] = useState<ProjectDrawerState>({ mode: 'closed' });
  if (!abilities.loaded || !mayRead) return null;
  const mayCreate = activity !== undefined && abilities.canSomewhere('network.create') && membership;

  return (
    <Paper
      withBorder
      radius="md"
      p="lg"
      component="section"
      aria-labelledby="projects-section-title"
      data-testid="projects-section"
    >
      <Stack gap="md">
        <Group justify="space-between" gap="md">
          <Title order={2} fz="lg" id="projects-section-title">
            {t.section.title}
          </Title>
          <Group gap="sm">
            {mayCreate && (
              <Button
                variant="light"
                leftSection={<PlusIcon />}
                onClick={() => setDrawer({ mode: 'create', ...(activity ? { activity } : {}) })}
              >
                {t.newProject}
              </Button>
            )}
            <AnchorLink to="/w/$workspace/network/projects" params={{ workspace }} fz="sm">
              {t.section.viewAll}
            </AnchorLink>
          </Group>
        </Group>
        {projects.isPending ? (
          <Stack gap="xs" aria-busy="true">
            <Skeleton h={18} />
            <Skeleton h={18} />
          </Stack>
        ) : projects.isError ? (
          <ErrorState
            title={t.section.loadError}
            error={projects.error}
            onRetry={() => void projects.refetch()}
            retrying={projects.isFetching}
          />
        ) : projects.data.items.length === 0 ? (
          <Text fz="sm" c="dimmed" data-testid="projects-section-empty">
            {t.section.empty}
          </Text>
        ) : (
          <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
            {projects.data.items.map((project) => (
              <Paper
                component="li"
                key={project.id}
                withBorder
                radius="sm"
                p="sm"
                data-testid="projects-section-item"
              >
                <Stack gap={4}>
                  <AnchorLink
                    to="/w/$workspace/network/projects/$id"
                    params={{ workspace, id: project.id }}
                    fz="sm"
                    fw={600}
                    style={{ overflowWrap: 'anywhere' }}
                  >
                    {project.title}
                  </AnchorLink>
                  <Group gap={6}>
                    <StatusBadge status={project.status} />
                    {project.commonLabel && <FlagBadge label={t.form.commonLabel} />}
                    {project.internationalFunding && <FlagBadge label={t.form.internationalFunding} />}
                    <Text fz="xs" c="dimmed">
                      {[
                        project.fundingProgramme ? t.programme[project.fundingProgramme] : null,
                        formatAmount(project.amount, project.currency),
                        t.partners.count(project.partnerCount),
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </Text>
                  </Group>
                </Stack>
              </Paper>
            ))}
          </Stack>
        )}
      </Stack>
      {membership && (
        <ProjectFormDrawer
          workspace={workspace}
          membership={membership}
          state={drawer}
          onClose={() => setDrawer({ mode: 'closed' })}
        />
      )}
    </Paper>
  );
}
