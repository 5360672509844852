import { Paper, Table, Text, VisuallyHidden } from '@mantine/core';
import type { ActivitySummaryDto, PlanActivityDto } from '../api/types.ts';
import { formatEur } from '../app/format.ts';
import { AnchorLink } from '../app/links.tsx';
import { messages } from '../messages/en.ts';
import { moneyCell } from './money-cell.ts';
import { periodText } from './period-text.ts';
import { ColumnHeader, type TableSort } from './sortable-th.tsx';
import { ActivityStatusBadge } from './status-badges.tsx';

const t = messages.plan;

/**
 * Activities as a table: title (to the activity page), instrument, dates, status; with `money`,
 * the planned and actual sums of a plan's activities; with `showPlan`, the plan each belongs to;
 * with `sorting`, headers that sort the list (title, instrument, plan, start day, status).
 */
export function ActivitiesTable({
  workspace,
  activities,
  caption,
  money = false,
  showPlan = false,
  sorting,
}: {
  workspace: string;
  activities: (ActivitySummaryDto | PlanActivityDto)[];
  caption: string;
  money?: boolean;
  showPlan?: boolean;
  sorting?: TableSort;
}) {
  const header = (label: string, key: string) => (
    <ColumnHeader label={label} sortKey={key} sorting={sorting} />
  );
  return (
    <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
      <Table.ScrollContainer minWidth={money ? 900 : 760} type="native">
        <Table verticalSpacing="sm" horizontalSpacing="md" striped="even">
          <VisuallyHidden component="caption">{caption}</VisuallyHidden>
          <Table.Thead bg="gray.0">
            <Table.Tr>
              {header(t.title, 'title')}
              {header(t.instrument, 'instrument')}
              {showPlan && header(messages.activity.plan, 'plan')}
              {header(t.dates, 'startsOn')}
              {header(messages.plan.status, 'status')}
              {money && (
                <Table.Th scope="col" ta="right">
                  {t.planned}
                </Table.Th>
              )}
              {money && (
                <Table.Th scope="col" ta="right">
                  {t.actual}
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {activities.map((activity) => (
              <Table.Tr key={activity.id} data-testid="activity-row">
                <Table.Td>
                  <AnchorLink
                    to="/w/$workspace/activities/$activityId"
                    params={{ workspace, activityId: activity.id }}
                    fz="sm"
                    fw={600}
                  >
                    {activity.title}
                  </AnchorLink>
                  {(activity.city || activity.clusterShortName) && (
                    <Text fz="xs" c="dimmed">
                      {[activity.city, activity.clusterShortName].filter(Boolean).join(' · ')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text component="span" fz="xs" fw={700} c="dimmed" ff="monospace" mr={6}>
                    {activity.instrumentCode}
                  </Text>
                  {activity.instrumentName}
                </Table.Td>
                {showPlan && (
                  <Table.Td>
                    {activity.planId && activity.planName ? (
                      <AnchorLink
                        to="/w/$workspace/plans/$planId"
                        params={{ workspace, planId: activity.planId }}
                        fz="sm"
                      >
                        {activity.planName}
                      </AnchorLink>
                    ) : (
                      messages.activity.standalone
                    )}
                  </Table.Td>
                )}
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {periodText(activity.startsOn, activity.endsOn)}
                </Table.Td>
                <Table.Td>
                  <ActivityStatusBadge status={activity.status} />
                </Table.Td>
                {money && <MoneyTd amount={'plannedEur' in activity ? activity.plannedEur : null} />}
                {money && <MoneyTd amount={'actualEur' in activity ? activity.actualEur : null} />}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function MoneyTd({ amount }: { amount: number | null }) {
  return <Table.Td {...moneyCell}>{amount === null ? messages.common.none : formatEur(amount)}</Table.Td>;
}
