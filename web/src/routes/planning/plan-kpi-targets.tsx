import {
  Badge,
  Button,
  Group,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { KpiTargetDto, PlanDetailDto, TrackedKpiDto } from '../../api/types.ts';
import { useAbilities } from '../../app/abilities.ts';
import { ErrorState } from '../../app/error-state.tsx';
import { messages } from '../../messages/en.ts';
import { KpiTargetClearModal } from './kpi-target-clear-modal.tsx';
import { KpiTargetDrawer, type KpiTargetDrawerState } from './kpi-target-drawer.tsx';
import type { EditableTarget } from './kpi-target-form.ts';
import { formatKpiValue } from './kpi-values.ts';
import { Section } from './parts.tsx';
import { kpiDefinitionsQuery, planKpiTargetsQuery } from './queries.ts';

const t = messages.planKpis;
const k = messages.kpis;

/** One table of the section: the Hub KPIs of the whole plan, or one instrument's KPIs. */
interface TargetGroup {
  key: string;
  title: string;
  instrumentId: string | null;
  kpis: TrackedKpiDto[];
}

/**
 * The plan's KPI targets: for each instrument of the plan its KPIs, and the Hub KPIs every
 * activity has, each with its target; editors set, change and clear them.
 */
export function PlanKpiTargets({ workspace, plan }: { workspace: string; plan: PlanDetailDto }) {
  const abilities = useAbilities(workspace);
  const editable = abilities.can('kpi.update', { clusterId: plan.market.ownerClusterId });
  const definitions = useQuery(kpiDefinitionsQuery(workspace));
  const targets = useQuery(planKpiTargetsQuery(workspace, plan.id));
  const [drawer, setDrawer] = useState<KpiTargetDrawerState>({ mode: 'closed' });
  const [clearing, setClearing] = useState<{ label: string; target: EditableTarget } | null>(null);

  const body = () => {
    if (definitions.isPending || targets.isPending) {
      return (
        <Stack aria-busy="true">
          <VisuallyHidden role="status">{k.loading}</VisuallyHidden>
          <Skeleton h={160} />
        </Stack>
      );
    }
    if (definitions.isError || targets.isError) {
      const failed = definitions.isError ? definitions : targets;
      return (
        <ErrorState
          title={k.loadError}
          error={failed.error}
          onRetry={() => void Promise.all([definitions.refetch(), targets.refetch()])}
          retrying={definitions.isFetching || targets.isFetching}
        />
      );
    }
    const groups = groupsOf(plan, definitions.data.items, abilities.canSomewhere('budget.read'));
    const targetOf = (group: TargetGroup, kpiKey: string) =>
      targets.data.items.find(
        (target) => target.instrumentId === group.instrumentId && target.kpiKey === kpiKey,
      );
    return (
      <Stack gap="lg">
        {plan.instruments.length === 0 && (
          <Text fz="sm" c="dimmed">
            {t.noInstruments}
          </Text>
        )}
        {groups.map((group) => (
          <GroupTable
            key={group.key}
            group={group}
            targetOf={(kpiKey) => targetOf(group, kpiKey)}
            editable={editable}
            onSet={(kpi, target) =>
              setDrawer({
                mode: 'open',
                kpi,
                scope: { planId: plan.id, instrumentId: group.instrumentId },
                target: target ?? null,
              })
            }
            onClear={(kpi, target) => setClearing({ label: `${kpi.label} (${group.title})`, target })}
          />
        ))}
      </Stack>
    );
  };

  return (
    <Section title={t.title} testId="plan-kpi-targets">
      <Text fz="sm" c="dimmed">
        {t.intro}
      </Text>
      {body()}
      <KpiTargetDrawer workspace={workspace} state={drawer} onClose={() => setDrawer({ mode: 'closed' })} />
      <KpiTargetClearModal workspace={workspace} clearing={clearing} onClose={() => setClearing(null)} />
    </Section>
  );
}

/** The Hub KPIs first (no actual costs for roles that do not see costs), then each instrument's. */
function groupsOf(plan: PlanDetailDto, definitions: TrackedKpiDto[], money: boolean): TargetGroup[] {
  return [
    {
      key: 'hub',
      title: t.hub,
      instrumentId: null,
      kpis: definitions.filter((d) => d.instrumentId === null && (money || d.kpiKey !== 'actual_costs')),
    },
    ...plan.instruments.map((instrument) => ({
      key: instrument.instrumentId,
      title: `${instrument.code} ${instrument.name}`,
      instrumentId: instrument.instrumentId,
      kpis: definitions.filter((d) => d.instrumentId === instrument.instrumentId),
    })),
  ];
}

function GroupTable({
  group,
  targetOf,
  editable,
  onSet,
  onClear,
}: {
  group: TargetGroup;
  targetOf: (kpiKey: string) => KpiTargetDto | undefined;
  editable: boolean;
  onSet: (kpi: TrackedKpiDto, target: KpiTargetDto | undefined) => void;
  onClear: (kpi: TrackedKpiDto, target: KpiTargetDto) => void;
}) {
  return (
    <Stack gap="xs" data-testid="plan-kpi-group" data-instrument={group.instrumentId ?? 'hub'}>
      <Title order={3} fz="md">
        {group.title}
      </Title>
      <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
        <Table.ScrollContainer minWidth={560} type="native" tabIndex={0} aria-label={t.caption(group.title)}>
          <Table verticalSpacing="xs" horizontalSpacing="md" striped="even">
            <VisuallyHidden component="caption">{t.caption(group.title)}</VisuallyHidden>
            <Table.Thead bg="gray.0">
              <Table.Tr>
                <Table.Th scope="col">{t.kpi}</Table.Th>
                <Table.Th scope="col">{t.source}</Table.Th>
                <Table.Th scope="col">{k.target}</Table.Th>
                {editable && (
                  <Table.Th scope="col">
                    <VisuallyHidden>{k.actions}</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {group.kpis.map((kpi) => {
                const target = targetOf(kpi.kpiKey);
                const name = `${kpi.label} (${group.title})`;
                return (
                  <Table.Tr key={kpi.kpiKey} data-testid="plan-kpi-row" data-kpi={kpi.kpiKey}>
                    <Table.Th scope="row" fw={500}>
                      {kpi.label}
                    </Table.Th>
                    <Table.Td>
                      <Badge
                        variant="light"
                        color={kpi.source === 'derived' ? 'indigo' : 'gray'}
                        c={kpi.source === 'derived' ? 'indigo.9' : 'var(--mantine-color-text)'}
                        tt="none"
                      >
                        {k.source[kpi.source]}
                      </Badge>
                    </Table.Td>
                    <Table.Td data-testid="plan-kpi-target">
                      {kpi.kind === 'text' ? (
                        <Text fz="sm" c="dimmed">
                          {k.textNoTarget}
                        </Text>
                      ) : target ? (
                        formatKpiValue(kpi.kind, target.value)
                      ) : (
                        <Text fz="sm" c="dimmed">
                          {k.noTarget}
                        </Text>
                      )}
                    </Table.Td>
                    {editable && (
                      <Table.Td>
                        {kpi.kind !== 'text' && (
                          <Group gap={6} justify="flex-end" wrap="nowrap">
                            <Button
                              variant="default"
                              size="xs"
                              onClick={() => onSet(kpi, target)}
                              aria-label={target ? k.editTargetFor(name) : k.setTargetFor(name)}
                            >
                              {target ? k.editTarget : k.setTarget}
                            </Button>
                            {target && (
                              <Button
                                variant="outline"
                                color="red.9"
                                size="xs"
                                onClick={() => onClear(kpi, target)}
                                aria-label={k.clearTargetFor(name)}
                              >
                                {k.clearTarget}
                              </Button>
                            )}
                          </Group>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    </Stack>
  );
}
