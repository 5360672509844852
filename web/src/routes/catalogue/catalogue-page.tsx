import {
  Badge,
  Box,
  Button,
  CloseButton,
  Group,
  getThemeColor,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
  useMantineTheme,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedCallback, useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { type ReactNode, useMemo, useState } from 'react';
import type { InstrumentDto, Phase } from '../../api/types.ts';
import { PHASE_LABELS, PHASES } from '../../api/vocabulary.ts';
import { ErrorState } from '../../app/error-state.tsx';
import { useMe } from '../../app/session.ts';
import { PHASE_COLORS, PHASE_SECTIONS } from '../../components/phase-style.ts';
import { messages } from '../../messages/en.ts';
import { instrumentListQuery } from '../../queries/instruments.ts';
import classes from './catalogue.module.css';
import { filterTerms, groupByPhase, matchesTerms } from './catalogue-filter.ts';
import { InstrumentCard } from './instrument-card.tsx';

const t = messages.catalogue;
const route = getRouteApi('/catalogue');

/** `/catalogue`: the instruments side by side by phase, with a filter kept in the address (`?q=`). */
export function CataloguePage() {
  useDocumentTitle(messages.app.documentTitle(t.title));
  const { q = '' } = route.useSearch();
  const navigate = route.useNavigate();
  const [query, setQuery] = useState(q);
  // Signed in: the workspace's list, its custom instruments beside the D4.2 reference.
  const workspace = useMe().data?.workspaces[0]?.slug;
  const list = useQuery(instrumentListQuery(workspace));

  const writeQueryToAddress = useDebouncedCallback((value: string) => {
    void navigate({ search: value ? { q: value } : {}, replace: true });
  }, 300);
  const changeQuery = (value: string) => {
    setQuery(value);
    writeQueryToAddress(value);
  };

  const terms = useMemo(() => filterTerms(query), [query]);
  const shown = useMemo(
    () => (list.data ? list.data.items.filter((instrument) => matchesTerms(instrument, terms)) : []),
    [list.data, terms],
  );

  return (
    <Stack gap="lg" maw={1440} mx="auto">
      <Stack gap={6}>
        <Title order={1}>{t.title}</Title>
        <Text c="dimmed" maw={760}>
          {t.intro}
        </Text>
      </Stack>

      <Group justify="space-between" align="flex-end" gap="md">
        <TextInput
          label={t.filterLabel}
          placeholder={t.filterPlaceholder}
          value={query}
          onChange={(event) => changeQuery(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && query) changeQuery('');
          }}
          w={{ base: '100%', xs: 380 }}
          leftSection={<SearchIcon />}
          rightSection={
            query ? (
              <CloseButton size="sm" aria-label={t.clearFilter} onClick={() => changeQuery('')} />
            ) : null
          }
          autoComplete="off"
          spellCheck={false}
        />
        <Text role="status" fw={600} c="dimmed" data-testid="instrument-count">
          {list.data ? t.instrumentCount(shown.length) : ''}
        </Text>
      </Group>

      {list.isPending ? (
        <CatalogueSkeleton />
      ) : list.isError ? (
        <ErrorState
          title={t.loadError}
          error={list.error}
          onRetry={() => void list.refetch()}
          retrying={list.isFetching}
        />
      ) : shown.length === 0 ? (
        <EmptyState query={query.trim()} onClear={() => changeQuery('')} />
      ) : (
        <>
          <PhaseColumns instruments={shown.filter((i) => i.origin !== 'custom')} highlight={terms} />
          <CustomGroup instruments={shown.filter((i) => i.origin === 'custom')} highlight={terms} />
        </>
      )}
    </Stack>
  );
}

function PhaseColumns({ instruments, highlight }: { instruments: InstrumentDto[]; highlight: string[] }) {
  const groups = useMemo(() => groupByPhase(instruments, PHASES), [instruments]);
  return (
    <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="lg" verticalSpacing="lg">
      {PHASES.map((phase) => (
        <PhaseColumn key={phase} phase={phase} count={groups[phase].length}>
          {groups[phase].length === 0 ? (
            <Text fz="sm" c="dimmed" py="sm">
              {t.emptyColumn}
            </Text>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 1 }} spacing="sm" verticalSpacing="sm">
              {groups[phase].map((instrument) => (
                <InstrumentCard key={instrument.key} instrument={instrument} highlight={highlight} />
              ))}
            </SimpleGrid>
          )}
        </PhaseColumn>
      ))}
    </SimpleGrid>
  );
}

/** The workspace's own instruments, beside the D4.2 reference (decision 0022). */
function CustomGroup({ instruments, highlight }: { instruments: InstrumentDto[]; highlight: string[] }) {
  const c = messages.customInstruments;
  if (instruments.length === 0) return null;
  return (
    <Paper
      component="section"
      aria-labelledby="custom-heading"
      data-testid="custom-instruments"
      withBorder
      radius="md"
      p="md"
    >
      <Stack gap="md">
        <Stack gap={4}>
          <Group justify="space-between" gap="xs">
            <Badge variant="light" color="grape" size="sm" tt="none" fw={700}>
              {c.badge}
            </Badge>
            <Text fz="xs" fw={600} c="dimmed">
              {c.groupCount(instruments.length)}
            </Text>
          </Group>
          <Title order={2} fz="md" id="custom-heading">
            {c.groupTitle}
          </Title>
          <Text fz="sm" c="dimmed">
            {c.groupIntro}
          </Text>
        </Stack>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" verticalSpacing="sm">
          {instruments.map((instrument) => (
            <InstrumentCard key={instrument.key} instrument={instrument} highlight={highlight} />
          ))}
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}

function PhaseColumn({ phase, count, children }: { phase: Phase; count?: number; children: ReactNode }) {
  const theme = useMantineTheme();
  const headingId = `phase-${phase}-heading`;
  return (
    <Paper
      component="section"
      aria-labelledby={headingId}
      data-testid={`phase-${phase}`}
      withBorder
      radius="md"
      p="md"
      className={classes.column}
      style={{ '--phase-color': getThemeColor(PHASE_COLORS[phase], theme) }}
    >
      <Stack gap="md">
        <Stack gap={4}>
          <Group justify="space-between" gap="xs">
            <Badge variant="light" color={PHASE_COLORS[phase]} size="sm" tt="none" fw={700}>
              {`${PHASE_SECTIONS[phase]} · ${messages.phaseShort[phase]}`}
            </Badge>
            {count !== undefined && (
              <Text fz="xs" fw={600} c="dimmed">
                {t.phaseCount(count)}
              </Text>
            )}
          </Group>
          <Title order={2} fz="md" lh={1.35}>
            {PHASE_LABELS[phase]}
          </Title>
        </Stack>
        {children}
      </Stack>
    </Paper>
  );
}

function CatalogueSkeleton() {
  return (
    <Box aria-busy="true">
      <VisuallyHidden role="status">{t.loading}</VisuallyHidden>
      <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="lg" aria-hidden="true">
        {PHASES.map((phase) => (
          <Paper key={phase} withBorder radius="md" p="md">
            <Stack gap="md">
              <Skeleton h={18} w="45%" />
              <Skeleton h={22} w="85%" />
              {[0, 1, 2].map((card) => (
                <Paper key={card} withBorder radius="md" p="md">
                  <Stack gap={10}>
                    <Skeleton h={10} w={40} />
                    <Skeleton h={18} w="70%" />
                    <Skeleton h={12} />
                    <Skeleton h={12} w="90%" />
                    <Skeleton h={40} />
                  </Stack>
                </Paper>
              ))}
            </Stack>
          </Paper>
        ))}
      </SimpleGrid>
    </Box>
  );
}

function EmptyState({ query, onClear }: { query: string; onClear: () => void }) {
  return (
    <Paper withBorder radius="md" p="xl" data-testid="catalogue-empty">
      <Stack align="center" gap="xs" py="lg">
        <Title order={2} fz="lg">
          {t.emptyTitle}
        </Title>
        <Text c="dimmed" ta="center">
          {t.emptyBody(query)}
        </Text>
        <Button variant="light" mt="sm" onClick={onClear}>
          {t.clearFilter}
        </Button>
      </Stack>
    </Paper>
  );
}

function SearchIcon() {
  return (
    <svg
      width="16"
      height="16"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      aria-hidden="true"
      focusable="false"
    >
      <circle cx="11" cy="11" r="7" />
      <path d="M20 20l-3.5-3.5" />
    </svg>
  );
}
