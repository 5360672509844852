import { Badge, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { isApiError } from '../../api/client.ts';
import { useAbilities } from '../../app/abilities.ts';
import { Chart } from '../../app/chart.tsx';
import { ErrorState } from '../../app/error-state.tsx';
import { messages } from '../../messages/en.ts';
import { readinessProfileQuery } from './results-queries.ts';

const t = messages.readiness;

/**
 * A member's readiness profile on its page (issue 23): a radar of its six dimensions, its stage
 * and total, the change since its previous answer, and its percentiles in its cluster and among
 * all members. Staff see every member's; a member its own (the API answers 403 otherwise: nothing
 * is shown).
 */
export function MemberReadiness({
  workspace,
  organisationId,
}: {
  workspace: string;
  organisationId: string;
}) {
  const abilities = useAbilities(workspace);
  const mayRead = abilities.canSomewhere('readiness.read');
  const profile = useQuery({
    ...readinessProfileQuery(workspace, organisationId),
    enabled: mayRead,
    retry: false,
  });
  if (!abilities.loaded || !mayRead) return null;
  if (profile.isError && isApiError(profile.error) && profile.error.status === 403) return null;

  return (
    <Paper
      withBorder
      radius="md"
      p="lg"
      component="section"
      aria-labelledby="member-readiness-title"
      data-testid="member-readiness"
    >
      <Stack gap="md">
        <Title order={2} fz="lg" id="member-readiness-title">
          {t.profile.title}
        </Title>
        {profile.isPending ? (
          <Stack gap="xs" aria-busy="true">
            <Skeleton h={18} />
            <Skeleton h={200} />
          </Stack>
        ) : profile.isError ? (
          <ErrorState
            title={t.profile.loadError}
            error={profile.error}
            onRetry={() => profile.refetch()}
            retrying={profile.isFetching}
          />
        ) : profile.data.latest === null ? (
          <Text c="dimmed">{t.profile.empty}</Text>
        ) : (
          <Profile data={profile.data} />
        )}
      </Stack>
    </Paper>
  );
}

function Profile({ data }: { data: import('./results-queries.ts').ReadinessProfileDto }) {
  const latest = data.latest;
  if (!latest) return null;
  const number = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
  const signed = new Intl.NumberFormat('en', { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  const labels = latest.dimensions.map((d) => t.dimensions[d.dimension]);
  return (
    <Stack gap="md">
      <Group gap="sm" wrap="wrap">
        <Text fw={600}>{t.profile.stage}:</Text>
        <Badge size="lg" variant="light" data-testid="readiness-stage">
          {t.stages[latest.stage]}
        </Badge>
        <Text>{t.profile.total(number.format(latest.total))}</Text>
        <Text c="dimmed" fz="sm">
          {t.profile.answeredOn(latest.submittedAt.slice(0, 10))}
        </Text>
      </Group>
      <Text fz="sm" data-testid="readiness-change">
        {data.change ? t.profile.change(signed.format(data.change.total)) : t.profile.firstSurvey}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {(
          [
            [t.profile.cluster, data.cluster],
            [t.profile.consortium, data.consortium],
          ] as const
        ).map(([label, benchmark]) => (
          <Paper key={label} withBorder p="sm" radius="sm">
            <Text fz="sm" c="dimmed">
              {label}
            </Text>
            <Text fw={600} data-testid="readiness-percentile">
              {benchmark && benchmark.percentile !== null
                ? t.profile.percentile(String(benchmark.percentile), String(benchmark.members))
                : '—'}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <Chart
        title={t.profile.radarTitle}
        fileName="readiness"
        testId="readiness-radar"
        height={300}
        option={{
          tooltip: {},
          radar: {
            indicator: labels.map((name) => ({ name, max: 100 })),
            radius: '60%',
            axisName: { fontSize: 11 },
          },
          series: [
            {
              type: 'radar',
              data: [
                {
                  name: t.profile.radarTitle,
                  value: latest.dimensions.map((d) => d.score ?? 0),
                  areaStyle: { opacity: 0.2 },
                },
              ],
            },
          ],
        }}
        table={{
          columns: [t.profile.dimension, t.profile.score],
          rows: latest.dimensions.map((d) => [t.dimensions[d.dimension], d.score ?? '—']),
        }}
      />
    </Stack>
  );
}
