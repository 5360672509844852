import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  Paper,
  Skeleton,
  Slider,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { RecommendationDto } from '../../api/types.ts';
import { useAbilities } from '../../app/abilities.ts';
import { countryName, formatDate, formatEur } from '../../app/format.ts';
import { FailureAlert } from '../../components/alerts.tsx';
import { NumberField } from '../../components/number-field.tsx';
import { messages } from '../../messages/en.ts';
import { workspaceKeys } from '../../queries/keys.ts';
import { Section } from '../planning/parts.tsx';
import { planningKeys } from '../planning/queries.ts';

const t = messages.roadmap;

/** The slider's range, in EUR. */
const MIN_EUR = 1_000;
const MAX_EUR = 500_000;
const STEP_EUR = 1_000;
const DEBOUNCE_MS = 250;
/** The API's largest cap (EUR 10 million). */
const MAX_INPUT_EUR = 10_000_000;

type Reason = RecommendationDto['chosen'][number]['reasons'][number];

function thisYear(): { from: string; to: string } {
  const year = new Date().getUTCFullYear() + 1;
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** The recommended, costed roadmap of a market (issue 23, roadmap branch). Hidden without `budget.read`. */
export function MarketRoadmap({ workspace, marketId }: { workspace: string; marketId: string }) {
  const abilities = useAbilities(workspace);
  if (!abilities.canSomewhere('budget.read')) return null;
  return <Roadmap workspace={workspace} marketId={marketId} />;
}

function Roadmap({ workspace, marketId }: { workspace: string; marketId: string }) {
  const abilities = useAbilities(workspace);
  const [budgetEur, setBudgetEur] = useState(50_000);
  const [period, setPeriod] = useState(thisYear);
  const [debouncedBudget] = useDebouncedValue(budgetEur, DEBOUNCE_MS);
  const [accepting, setAccepting] = useState(false);
  const validPeriod =
    /^\d{4}-\d{2}-\d{2}$/.test(period.from) &&
    /^\d{4}-\d{2}-\d{2}$/.test(period.to) &&
    period.from <= period.to;
  const recommendation = useQuery({
    queryKey: [...workspaceKeys.planning(workspace), 'recommendation', marketId, debouncedBudget, period],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/markets/{id}/recommendation', {
          params: {
            path: { workspace, id: marketId },
            query: { budget: Math.round(debouncedBudget * 100), from: period.from, to: period.to },
          },
          signal,
        }),
      ),
    enabled: debouncedBudget > 0 && debouncedBudget <= MAX_INPUT_EUR && validPeriod,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const data = recommendation.data;
  const names = new Map(
    [...(data?.chosen ?? []), ...(data?.rejected ?? [])].map((c) => [c.instrumentKey, c.instrumentName]),
  );
  const mayAccept = abilities.canSomewhere('plan.create');

  return (
    <Section
      title={t.title}
      testId="market-roadmap"
      action={
        mayAccept && data && data.chosen.length > 0 ? (
          <Button onClick={() => setAccepting(true)} data-testid="roadmap-accept">
            {t.accept}
          </Button>
        ) : undefined
      }
    >
      <Text fz="sm" c="dimmed">
        {t.intro}
      </Text>
      <Stack gap="xs">
        <Group gap="md" align="flex-end" wrap="wrap">
          <NumberField
            label={t.budgetEur}
            value={budgetEur}
            step={STEP_EUR}
            thousandSeparator=" "
            onChange={(value) => setBudgetEur(typeof value === 'number' ? value : 0)}
            error={budgetEur > 0 && budgetEur <= MAX_INPUT_EUR ? undefined : t.budgetRange}
            w={180}
            data-testid="roadmap-budget-input"
          />
          <TextInput
            type="date"
            label={t.from}
            value={period.from}
            onChange={(e) => setPeriod((p) => ({ ...p, from: e.currentTarget.value }))}
            w={170}
          />
          <TextInput
            type="date"
            label={t.to}
            value={period.to}
            onChange={(e) => setPeriod((p) => ({ ...p, to: e.currentTarget.value }))}
            w={170}
          />
          {recommendation.isFetching && (
            <Group gap={6} aria-live="polite">
              <Loader size="xs" />
              <Text fz="xs" c="dimmed">
                {t.updating}
              </Text>
            </Group>
          )}
        </Group>
        <Slider
          thumbLabel={t.budgetSlider}
          label={(value) => formatEur(value)}
          min={MIN_EUR}
          max={MAX_EUR}
          step={STEP_EUR}
          value={Math.min(Math.max(budgetEur, MIN_EUR), MAX_EUR)}
          onChange={setBudgetEur}
          mb="md"
          data-testid="roadmap-slider"
        />
      </Stack>

      {recommendation.isPending && recommendation.fetchStatus !== 'idle' ? (
        <Stack gap="xs" aria-label={t.loading}>
          <Skeleton height={24} />
          <Skeleton height={24} />
          <Skeleton height={24} />
        </Stack>
      ) : recommendation.isError && !data ? (
        <FailureAlert title={t.loadError} error={recommendation.error} testId="roadmap-error" />
      ) : data ? (
        <RecommendationView data={data} names={names} />
      ) : null}

      {data && (
        <AcceptModal
          workspace={workspace}
          marketId={marketId}
          data={data}
          opened={accepting}
          onClose={() => setAccepting(false)}
        />
      )}
    </Section>
  );
}

function reasonText(reason: Reason, names: Map<string, string>): string {
  const list = reason.instrumentKeys.map((k) => names.get(k) ?? k).join(', ');
  switch (reason.code) {
    case 'opens_the_way':
      return t.reasons.opens_the_way(list);
    case 'lower_value_per_euro':
      return t.reasons.lower_value_per_euro(list);
    default:
      return t.reasons[reason.code];
  }
}

function Reasons({ reasons, names }: { reasons: Reason[]; names: Map<string, string> }) {
  return (
    <Text fz="sm" component="span">
      {reasons.map((r) => reasonText(r, names)).join(' · ')}
    </Text>
  );
}

function quantityText(c: RecommendationDto['chosen'][number]): string {
  return t.quantityUnits[c.quantityUnit](String(c.quantity));
}

function RecommendationView({ data, names }: { data: RecommendationDto; names: Map<string, string> }) {
  const phase = messages.phaseShort;
  return (
    <Stack gap="md" data-testid="roadmap-result">
      <Text fz="sm">
        {t.facts(
          String(data.facts.interestedMembers),
          String(data.facts.contacts),
          String(data.facts.partners),
        )}
      </Text>
      {data.facts.membersNotReady && (
        <Alert color="yellow" variant="light">
          {t.notReady}
        </Alert>
      )}
      {data.empty === 'no_interested_members' ? (
        <Alert color="gray" variant="light" data-testid="roadmap-empty">
          {t.noMembers}
        </Alert>
      ) : data.chosen.length === 0 ? (
        <Alert color="gray" variant="light" data-testid="roadmap-empty">
          {t.nothingFits}
        </Alert>
      ) : (
        <>
          <Paper withBorder p="sm" radius="sm">
            <Stack gap={4}>
              <Text fw={600} data-testid="roadmap-total">
                {t.totalLabel}:{' '}
                {t.total(formatEur(data.totalCostCents / 100), formatEur(data.budgetCents / 100))}
              </Text>
              <Text fz="sm">{t.expectedValue(data.expectedValue.toLocaleString())}</Text>
              <Text fz="sm" c="dimmed" data-testid="roadmap-proof">
                {t.proofOptimal(
                  data.proof.statesExplored.toLocaleString(),
                  data.proof.milliseconds.toLocaleString(),
                )}
              </Text>
            </Stack>
          </Paper>
          <Title order={3} fz="md">
            {t.chosen}
          </Title>
          <Stack gap="sm" data-testid="roadmap-chosen">
            {data.chosen.map((c) => (
              <Paper key={c.instrumentKey} withBorder p="sm" radius="sm">
                <Stack gap={6}>
                  <Group justify="space-between" gap="xs" wrap="wrap">
                    <Group gap="xs" wrap="wrap">
                      <Badge variant="light" tt="none">
                        {phase[c.phase]}
                      </Badge>
                      <Text fw={600}>{c.instrumentName}</Text>
                      <Text fz="sm">{quantityText(c)}</Text>
                    </Group>
                    <Text fw={600}>{formatEur(c.costCents / 100)}</Text>
                  </Group>
                  <Reasons reasons={c.reasons} names={names} />
                  {c.expectedKpis.length > 0 && (
                    <Text fz="xs" c="dimmed">
                      {t.expectedKpis}:{' '}
                      {c.expectedKpis.map((k) => `${k.label} ≈ ${k.expected.toLocaleString()}`).join(' · ')} (
                      {c.valueSource === 'history' ? t.fromHistory : t.fromCatalogue})
                    </Text>
                  )}
                  <Table
                    fz="xs"
                    withRowBorders={false}
                    verticalSpacing={2}
                    aria-label={`${t.budgetLines}: ${c.instrumentName}`}
                  >
                    <Table.Tbody>
                      {c.lines.map((line, i) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: lines have no id and keep their order
                        <Table.Tr key={i}>
                          <Table.Td style={{ overflowWrap: 'anywhere' }}>{line.description}</Table.Td>
                          <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                            {formatEur(line.amountCents / 100)}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                  {c.costAssumed && (
                    <Text fz="xs" c="dimmed">
                      {t.assumedCost}
                    </Text>
                  )}
                </Stack>
              </Paper>
            ))}
          </Stack>
        </>
      )}
      {data.rejected.length > 0 && (
        <>
          <Title order={3} fz="md">
            {t.rejected}
          </Title>
          <Stack gap={4} data-testid="roadmap-rejected">
            {data.rejected.map((r) => (
              <Text key={r.instrumentKey} fz="sm" style={{ overflowWrap: 'anywhere' }}>
                <Text span fw={600}>
                  {r.instrumentName}
                </Text>{' '}
                <Text span c="dimmed" fz="xs">
                  ({phase[r.phase]})
                </Text>
                {' — '}
                <Reasons reasons={r.reasons} names={names} />
              </Text>
            ))}
          </Stack>
        </>
      )}
    </Stack>
  );
}

function AcceptModal({
  workspace,
  marketId,
  data,
  opened,
  onClose,
}: {
  workspace: string;
  marketId: string;
  data: RecommendationDto;
  opened: boolean;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [name, setName] = useState(() => t.defaultPlanName(countryName(data.country), data.from.slice(0, 4)));
  const [error, setError] = useState<string | undefined>();
  const accept = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/workspaces/{workspace}/markets/{id}/recommendation/accept', {
          params: { path: { workspace, id: marketId } },
          body: { budget: data.budgetCents, from: data.from, to: data.to, name: name.trim() },
        }),
      ),
    onSuccess: async (created) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: planningKeys.all(workspace) }),
        queryClient.invalidateQueries({ queryKey: workspaceKeys.audit(workspace) }),
      ]);
      onClose();
      await navigate({ to: '/w/$workspace/plans/$planId', params: { workspace, planId: created.planId } });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setError(t.nameRequired);
      return;
    }
    if (name.trim().length > 200) {
      setError(messages.planning.tooLong(200));
      return;
    }
    accept.mutate();
  };
  return (
    <Modal
      opened={opened}
      onClose={() => {
        accept.reset();
        onClose();
      }}
      title={t.acceptTitle}
      centered
      closeButtonProps={{ 'aria-label': messages.common.close }}
    >
      <form onSubmit={submit} noValidate data-testid="roadmap-accept-form">
        <Stack gap="md">
          <Text fz="sm">
            {t.acceptBody(String(data.chosen.length), formatEur(data.totalCostCents / 100))}
            {` ${formatDate(data.from)} – ${formatDate(data.to)}`}
          </Text>
          {accept.isError && (
            <FailureAlert title={t.acceptFailed} error={accept.error} testId="roadmap-accept-error" />
          )}
          <TextInput
            label={t.planName}
            required
            value={name}
            error={error}
            onChange={(e) => {
              setName(e.currentTarget.value);
              setError(undefined);
            }}
            data-autofocus
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t.cancel}
            </Button>
            <Button type="submit" loading={accept.isPending} data-testid="roadmap-accept-confirm">
              {t.create}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
