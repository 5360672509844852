import { Button, Group, Paper, Progress, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { AnchorLink } from '../../app/links.tsx';
import { FailureAlert } from '../../components/alerts.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { TableSkeleton } from '../../components/skeletons.tsx';
import { NeutralBadge, WaveStatusBadge } from '../../components/status-badges.tsx';
import { messages } from '../../messages/en.ts';
import { WaveFormDrawer } from './wave-form-drawer.tsx';
import { type WaveDto, wavesQuery } from './wave-queries.ts';

const t = messages.surveyWaves;

/**
 * The workspace's waves, newest first, 50 at a time, searched by name, each with its progress;
 * "New wave" opens the drawer.
 */
export function WavesTab({ workspace }: { workspace: string }) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const waves = useInfiniteQuery(wavesQuery(workspace, q));
  const [creating, setCreating] = useState(false);
  const first = waves.data?.pages[0];
  const items = waves.data?.pages.flatMap((page) => page.items) ?? [];
  const newWave = first?.canCreate ? (
    <Button onClick={() => setCreating(true)} data-testid="new-wave">
      {t.newWave}
    </Button>
  ) : null;
  const none = !waves.isPending && !waves.isError && items.length === 0;
  return (
    <Stack gap="md">
      {!(none && !q) && (
        <Group justify="space-between" gap="sm" wrap="wrap">
          <TextInput
            aria-label={t.search}
            placeholder={t.search}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            style={{ flex: '1 1 14rem', maxWidth: '24rem' }}
            data-testid="waves-search"
          />
          {newWave}
        </Group>
      )}
      {waves.isPending ? (
        <TableSkeleton label={t.loading} columns={4} />
      ) : waves.isError ? (
        <FailureAlert title={t.loading} error={waves.error} testId="waves-error" />
      ) : none && q ? (
        <Text c="dimmed" data-testid="waves-no-match">
          {t.noMatch}
        </Text>
      ) : none ? (
        <EmptyState title={t.emptyTitle} body={t.emptyBody} action={newWave} testId="waves-empty" />
      ) : (
        <>
          <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {items.map((wave) => (
              <WaveCard key={wave.id} workspace={workspace} wave={wave} />
            ))}
          </Stack>
          {waves.hasNextPage && (
            <Group justify="center">
              <Button
                variant="default"
                onClick={() => void waves.fetchNextPage()}
                loading={waves.isFetchingNextPage}
                data-testid="waves-more"
              >
                {t.loadMore}
              </Button>
            </Group>
          )}
        </>
      )}
      <WaveFormDrawer workspace={workspace} opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}

function WaveCard({ workspace, wave }: { workspace: string; wave: WaveDto }) {
  const { invited, completed } = wave.progress;
  return (
    <Paper component="li" withBorder radius="md" p="md" data-testid="wave-card">
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <AnchorLink
            to="/w/$workspace/surveys/waves/$waveId"
            params={{ workspace, waveId: wave.id }}
            fw={600}
            style={{ overflowWrap: 'anywhere' }}
          >
            {wave.name}
          </AnchorLink>
          <Group gap={6}>
            {wave.anonymous && <NeutralBadge>{t.anonymousBadge}</NeutralBadge>}
            <WaveStatusBadge status={wave.status} label={t.status[wave.status]} />
          </Group>
        </Group>
        <Text fz="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {t.columns.questionnaire}: {wave.questionnaireName}
          {wave.closesAt ? ` · ${t.columns.closes}: ${wave.closesAt.slice(0, 10)}` : ''}
        </Text>
        {wave.status !== 'draft' && (
          <Stack gap={2}>
            <Text fz="sm">
              {t.columns.progress}: {t.completedOf(String(completed), String(invited))}
            </Text>
            <Progress
              value={invited === 0 ? 0 : (completed / invited) * 100}
              aria-label={`${t.columns.progress}: ${t.completedOf(String(completed), String(invited))}`}
            />
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
