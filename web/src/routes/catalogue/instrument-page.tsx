import {
  Badge,
  Blockquote,
  Box,
  Breadcrumbs,
  Button,
  Grid,
  Group,
  List,
  Paper,
  Skeleton,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { api, isApiError, unwrap } from '../../api/client.ts';
import type { InstrumentDto } from '../../api/types.ts';
import { FUNDING_SOURCE_LABELS, PHASE_LABELS } from '../../api/vocabulary.ts';
import { useAbilities } from '../../app/abilities.ts';
import { ErrorState } from '../../app/error-state.tsx';
import { AnchorLink, ButtonLink } from '../../app/links.tsx';
import { useMe } from '../../app/session.ts';
import { FailureAlert } from '../../components/alerts.tsx';
import { PHASE_COLORS, PHASE_SECTIONS } from '../../components/phase-style.ts';
import { messages } from '../../messages/en.ts';
import { instrumentKeys, workspaceInstrumentQuery } from '../../queries/instruments.ts';
import { BudgetItemView } from './budget-item-view.tsx';
import { InstrumentUsage } from './instrument-usage.tsx';
import { KpiTable } from './kpi-table.tsx';
import { instrumentQuery } from './queries.ts';

const t = messages.instrument;
const route = getRouteApi('/catalogue/$key');

/** `/catalogue/$key`: every field of one instrument, its budget model read out, its KPIs. */
export function InstrumentPage() {
  const { key } = route.useParams();
  const queryClient = useQueryClient();
  // Signed in: the workspace's view, which knows its own (custom) instruments too.
  const workspace = useMe().data?.workspaces[0]?.slug;
  const global = useQuery({ ...instrumentQuery(key, queryClient), enabled: !workspace });
  const own = useQuery({ ...workspaceInstrumentQuery(workspace ?? '', key), enabled: Boolean(workspace) });
  const instrument = workspace ? own : global;
  const notFound = isApiError(instrument.error) && instrument.error.status === 404;

  const pageTitle = instrument.data
    ? `${instrument.data.code} ${instrument.data.name}`
    : notFound
      ? t.notFoundTitle
      : instrument.isError
        ? t.loadError
        : t.loading;
  useDocumentTitle(messages.app.documentTitle(pageTitle));

  return (
    <Stack gap="lg" maw={1240} mx="auto">
      <Breadcrumbs
        component="nav"
        aria-label={t.breadcrumb}
        separator="›"
        styles={{ separator: { color: 'var(--mantine-color-dimmed)' } }}
      >
        <AnchorLink to="/catalogue" fz="sm">
          {messages.catalogue.title}
        </AnchorLink>
        <Text fz="sm" c="dimmed" aria-current="page">
          {instrument.data ? instrument.data.name : notFound ? t.notFoundTitle : key}
        </Text>
      </Breadcrumbs>

      {instrument.data ? (
        <InstrumentDetails instrument={instrument.data} workspace={workspace} />
      ) : instrument.isPending ? (
        <InstrumentSkeleton />
      ) : notFound ? (
        <InstrumentNotFound instrumentKey={key} />
      ) : (
        <Stack gap="lg">
          <Title order={1}>{t.loadError}</Title>
          <ErrorState
            title={messages.common.errorTitle}
            error={instrument.error}
            onRetry={() => void instrument.refetch()}
            retrying={instrument.isFetching}
          />
        </Stack>
      )}
    </Stack>
  );
}

function InstrumentDetails({
  instrument,
  workspace,
}: {
  instrument: InstrumentDto;
  workspace?: string | undefined;
}) {
  return (
    <>
      <Stack gap="sm">
        <Title order={1}>
          <Text span inherit ff="monospace" c="dimmed" fw={600} mr="xs">
            {instrument.code}
          </Text>{' '}
          {instrument.name}
        </Title>
        <Group gap="xs">
          <Badge variant="light" color={PHASE_COLORS[instrument.phase]} tt="none" fw={700}>
            {`${PHASE_SECTIONS[instrument.phase]} · ${messages.phaseShort[instrument.phase]}`}
          </Badge>
          <Badge variant="outline" color="gray" tt="none" fw={600}>
            {t.origin[instrument.origin]}
          </Badge>
        </Group>
      </Stack>

      {workspace && <AdaptActions instrument={instrument} workspace={workspace} />}

      <InstrumentUsage instrument={instrument} />

      <Grid gutter="lg" align="flex-start">
        <Grid.Col span={{ base: 12, md: 4 }} order={{ base: 1, md: 2 }}>
          <Summary instrument={instrument} />
        </Grid.Col>

        <Grid.Col span={{ base: 12, md: 8 }} order={{ base: 2, md: 1 }}>
          <Stack gap="lg">
            <Section title={t.description}>
              <Stack gap="sm">
                {paragraphs(instrument.description).map((paragraph) => (
                  <Text key={paragraph} lh={1.65}>
                    {paragraph}
                  </Text>
                ))}
              </Stack>
            </Section>

            <Section title={t.benefits}>
              <List spacing={6} lh={1.6}>
                {instrument.benefits.map((benefit) => (
                  <List.Item key={benefit}>{benefit}</List.Item>
                ))}
              </List>
            </Section>

            <Section title={t.businessModel}>
              <Stack gap="sm">
                {paragraphs(instrument.businessModel).map((paragraph) => (
                  <Text key={paragraph} lh={1.65}>
                    {paragraph}
                  </Text>
                ))}
              </Stack>
            </Section>

            <BudgetSection instrument={instrument} />

            <Section title={t.kpis}>
              <KpiTable kpis={instrument.kpis} caption={t.kpiTable(instrument.name)} />
            </Section>
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}

function Summary({ instrument }: { instrument: InstrumentDto }) {
  return (
    <Paper withBorder radius="md" p="lg" pos={{ base: 'static', md: 'sticky' }} top={84}>
      <Title order={2} fz="md" mb="md">
        {t.summary}
      </Title>
      <Stack component="dl" gap="md" m={0}>
        <SummaryRow term={t.phase}>
          <Text fz="sm">{PHASE_LABELS[instrument.phase]}</Text>
        </SummaryRow>
        <SummaryRow term={t.fundingSources}>
          {instrument.fundingSources.length === 0 ? (
            <Text fz="sm" c="dimmed">
              {t.noFundingSources}
            </Text>
          ) : (
            <Group gap={6} role="list">
              {instrument.fundingSources.map((source) => (
                <Badge key={source} role="listitem" variant="light" color="gray" tt="none" fw={600}>
                  {FUNDING_SOURCE_LABELS[source]}
                </Badge>
              ))}
            </Group>
          )}
        </SummaryRow>
        <SummaryRow term={t.kpis}>
          <Text fz="sm">{messages.catalogue.kpiCount(instrument.kpis.length)}</Text>
        </SummaryRow>
      </Stack>
    </Paper>
  );
}

function SummaryRow({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" fz="sm" fw={600} c="dimmed" mb={4}>
        {term}
      </Text>
      <Box component="dd" m={0}>
        {children}
      </Box>
    </div>
  );
}

function BudgetSection({ instrument }: { instrument: InstrumentDto }) {
  const { budget } = instrument;
  return (
    <Section title={t.budget}>
      <Stack gap="lg">
        <Box
          p="md"
          bg="var(--mantine-primary-color-light)"
          style={{
            borderLeft: '4px solid var(--mantine-primary-color-filled)',
            borderRadius: 'var(--mantine-radius-md)',
          }}
        >
          <Text fz="xs" fw={700} tt="uppercase" c="var(--mantine-primary-color-light-color)" mb={4}>
            {t.budgetFormula}
          </Text>
          <Text fz="xl" fw={650} lh={1.35} data-testid="budget-formula">
            {budget.formula}
          </Text>
        </Box>

        <div>
          <Title order={3} mb={4}>
            {t.budgetItems}
          </Title>
          {budget.items.length === 0 ? (
            <Text c="dimmed">{t.noBudgetItems}</Text>
          ) : (
            <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }} data-testid="budget-items">
              {budget.items.map((item, index) => (
                // Items have no identity of their own; their order is the seed's and never changes.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                <BudgetItemView key={index} item={item} />
              ))}
            </Box>
          )}
        </div>

        <div>
          <Title order={3} mb="xs">
            {t.seedText}
          </Title>
          <Blockquote
            color="gray"
            p="md"
            radius="md"
            cite={`— ${t.seedTextCite}`}
            styles={{ root: { fontSize: 'var(--mantine-font-size-sm)', lineHeight: 1.6 } }}
          >
            {budget.text}
          </Blockquote>
        </div>
      </Stack>
    </Section>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper component="section" withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
      <Title order={2} mb="md">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
}

function InstrumentSkeleton() {
  return (
    <Box aria-busy="true">
      <VisuallyHidden role="status">{t.loading}</VisuallyHidden>
      <Stack gap="lg" aria-hidden="true">
        <Skeleton h={36} w="60%" />
        <Skeleton h={22} w={220} />
        <Grid gutter="lg">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Stack gap="lg">
              {[160, 120, 220].map((height) => (
                <Skeleton key={height} h={height} radius="md" />
              ))}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Skeleton h={200} radius="md" />
          </Grid.Col>
        </Grid>
      </Stack>
    </Box>
  );
}

function InstrumentNotFound({ instrumentKey }: { instrumentKey: string }) {
  return (
    <Stack align="flex-start" gap="md" maw={560} py="md" data-testid="instrument-not-found">
      <Title order={1}>{t.notFoundTitle}</Title>
      <Text>{t.notFoundBody(instrumentKey)}</Text>
      <ButtonLink to="/catalogue" variant="light">
        {t.backToCatalogue}
      </ButtonLink>
    </Stack>
  );
}

/**
 * "Copy to adapt" on a D4.2 instrument (coordinators and cluster managers: `instrument.manage`),
 * "Adapt" on one of the workspace's own; the D4.2 original stays as it is, the reference.
 */
function AdaptActions({ instrument, workspace }: { instrument: InstrumentDto; workspace: string }) {
  const c = messages.customInstruments;
  const mayAdapt = useAbilities(workspace).canSomewhere('instrument.manage');
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const copy = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/workspaces/{workspace}/instruments/{key}/copy', {
          params: { path: { workspace, key: instrument.key } },
          body: {},
        }),
      ),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: instrumentKeys.workspace(workspace) });
      void navigate({ to: '/w/$workspace/instruments/$key', params: { workspace, key: created.key } });
    },
  });
  if (instrument.origin === 'custom') {
    return (
      <Group gap="sm">
        <Badge color="grape" variant="light">
          {c.badge}
        </Badge>
        <ButtonLink
          to="/w/$workspace/instruments/$key"
          params={{ workspace, key: instrument.key }}
          variant="light"
        >
          {mayAdapt ? c.tabs.edit : c.tabs.differences}
        </ButtonLink>
      </Group>
    );
  }
  if (!mayAdapt) return null;
  return (
    <Stack gap="xs" align="flex-start">
      <Group gap="sm">
        <Button onClick={() => copy.mutate()} loading={copy.isPending} variant="light">
          {c.copyToAdapt}
        </Button>
        <Text fz="sm" c="dimmed">
          {c.copyHint}
        </Text>
      </Group>
      {copy.isError && <FailureAlert testId="copy-error" title={c.copyFailed} error={copy.error} />}
    </Stack>
  );
}
