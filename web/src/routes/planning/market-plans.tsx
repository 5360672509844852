import { Button, Paper, Table, Text, VisuallyHidden } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import type { MarketDossierDto } from '../../api/types.ts';
import { useAbilities } from '../../app/abilities.ts';
import { formatEur } from '../../app/format.ts';
import { AnchorLink } from '../../app/links.tsx';
import { PlusIcon } from '../../components/icons.tsx';
import { moneyCell } from '../../components/money-cell.ts';
import { periodText } from '../../components/period-text.ts';
import { PlanStatusBadge } from '../../components/status-badges.tsx';
import { messages } from '../../messages/en.ts';
import { Section } from './parts.tsx';
import { type PlanDrawerState, PlanFormDrawer } from './plan-form-drawer.tsx';

const t = messages.market;

/** The market's plans, and "New plan" for those who may plan in the market's cluster. */
export function MarketPlans({ workspace, market }: { workspace: string; market: MarketDossierDto }) {
  const navigate = useNavigate();
  const [drawer, setDrawer] = useState<PlanDrawerState>({ mode: 'closed' });
  const abilities = useAbilities(workspace);
  const mayPlan = abilities.can('plan.create', { clusterId: market.ownerClusterId });
  const money = abilities.canSomewhere('budget.read');
  return (
    <Section
      title={t.plans}
      testId="market-plans"
      action={
        mayPlan ? (
          <Button
            variant="light"
            leftSection={<PlusIcon />}
            onClick={() => setDrawer({ mode: 'create', market: { id: market.id, name: market.name } })}
          >
            {t.newPlan}
          </Button>
        ) : null
      }
    >
      {market.plans.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {t.noPlans}
        </Text>
      ) : (
        <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
          <Table.ScrollContainer minWidth={720} type="native">
            <Table verticalSpacing="sm" horizontalSpacing="md" striped="even">
              <VisuallyHidden component="caption">{t.plansCaption(market.name)}</VisuallyHidden>
              <Table.Thead bg="gray.0">
                <Table.Tr>
                  <Table.Th scope="col">{t.planName}</Table.Th>
                  <Table.Th scope="col">{t.period}</Table.Th>
                  <Table.Th scope="col">{t.status}</Table.Th>
                  {money && (
                    <Table.Th scope="col" ta="right">
                      {t.cap}
                    </Table.Th>
                  )}
                  <Table.Th scope="col" ta="right">
                    {t.activityCount}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {market.plans.map((plan) => (
                  <Table.Tr key={plan.id} data-testid="plan-row">
                    <Table.Td>
                      <AnchorLink
                        to="/w/$workspace/plans/$planId"
                        params={{ workspace, planId: plan.id }}
                        fz="sm"
                        fw={600}
                      >
                        {plan.name}
                      </AnchorLink>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {periodText(plan.startsOn, plan.endsOn)}
                    </Table.Td>
                    <Table.Td>
                      <PlanStatusBadge status={plan.status} />
                    </Table.Td>
                    {money && (
                      <Table.Td {...moneyCell}>
                        {plan.budgetCapEur === null ? messages.planning.noCap : formatEur(plan.budgetCapEur)}
                      </Table.Td>
                    )}
                    <Table.Td {...moneyCell}>{plan.activityCount}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <PlanFormDrawer
        workspace={workspace}
        state={drawer}
        onClose={() => setDrawer({ mode: 'closed' })}
        onCreated={(plan) => {
          setDrawer({ mode: 'closed' });
          void navigate({ to: '/w/$workspace/plans/$planId', params: { workspace, planId: plan.id } });
        }}
      />
    </Section>
  );
}
