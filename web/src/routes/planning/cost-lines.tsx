import { ActionIcon, Badge, Button, Group, Paper, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { ActivityBudgetDto, ActivityDetailDto, CostLineDto } from '../../api/types.ts';
import { BUDGET_CATEGORY_LABELS, FUNDING_SOURCE_LABELS } from '../../api/vocabulary.ts';
import { formatDate, formatEur } from '../../app/format.ts';
import { ConfirmModal } from '../../components/confirm-modal.tsx';
import { PlusIcon } from '../../components/icons.tsx';
import { moneyCell } from '../../components/money-cell.ts';
import { messages } from '../../messages/en.ts';
import { CostLineDrawer, type CostLineDrawerState } from './cost-line-drawer.tsx';
import { BinIcon, PencilIcon } from './icons.tsx';
import { Section } from './parts.tsx';
import { usePlanningMutation } from './use-planning-mutation.ts';

const t = messages.costLines;
const p = messages.planning;

/** Every planned and actual line of the activity, with its formula and where it came from. */
export function CostLines({
  workspace,
  activity,
  budget,
  editable,
}: {
  workspace: string;
  activity: ActivityDetailDto;
  budget: ActivityBudgetDto;
  editable: boolean;
}) {
  const [drawer, setDrawer] = useState<CostLineDrawerState>({ mode: 'closed' });
  const [deleting, setDeleting] = useState<CostLineDto | null>(null);
  const lines = [...budget.lines].sort(
    (a, b) => a.kind.localeCompare(b.kind) * -1 || (a.incurredOn ?? '').localeCompare(b.incurredOn ?? ''),
  );
  const defaultFunding = budget.lines[0]?.fundingSource ?? 'cluster';

  return (
    <Section
      title={t.title}
      testId="cost-lines"
      action={
        editable ? (
          <Group gap="sm">
            <Button
              variant="light"
              leftSection={<PlusIcon />}
              onClick={() => setDrawer({ mode: 'create', kind: 'actual' })}
            >
              {t.recordActual}
            </Button>
            <Button
              variant="default"
              leftSection={<PlusIcon />}
              onClick={() => setDrawer({ mode: 'create', kind: 'planned' })}
            >
              {t.addPlanned}
            </Button>
          </Group>
        ) : null
      }
    >
      {lines.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {messages.budget.noLines}
        </Text>
      ) : (
        <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
          <Table.ScrollContainer minWidth={1000} type="native">
            <Table verticalSpacing="xs" horizontalSpacing="md" striped="even">
              <VisuallyHidden component="caption">{t.caption(activity.title)}</VisuallyHidden>
              <Table.Thead bg="gray.0">
                <Table.Tr>
                  <Table.Th scope="col">{t.kind}</Table.Th>
                  <Table.Th scope="col">{t.description}</Table.Th>
                  <Table.Th scope="col">{t.category}</Table.Th>
                  <Table.Th scope="col">{t.fundingSource}</Table.Th>
                  <Table.Th scope="col">{t.incurredOn}</Table.Th>
                  <Table.Th scope="col" w={110}>
                    {t.origin}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t.amount}
                  </Table.Th>
                  {editable && (
                    <Table.Th scope="col">
                      <VisuallyHidden>{t.actions}</VisuallyHidden>
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {lines.map((line) => (
                  <Table.Tr key={line.id} data-testid="cost-line-row" data-kind={line.kind}>
                    <Table.Td>{p.costKind[line.kind]}</Table.Td>
                    <Table.Td>
                      <Text fz="sm">{line.description}</Text>
                      {line.formula && (
                        <Text fz="xs" c="dimmed" ff="monospace">
                          {line.formula}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{BUDGET_CATEGORY_LABELS[line.category]}</Table.Td>
                    <Table.Td>{FUNDING_SOURCE_LABELS[line.fundingSource]}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {line.incurredOn ? formatDate(line.incurredOn) : messages.common.none}
                    </Table.Td>
                    <Table.Td>
                      <Badge
                        variant="light"
                        color={line.origin === 'estimate' ? 'indigo' : 'gray'}
                        c={line.origin === 'estimate' ? 'indigo.9' : 'var(--mantine-color-text)'}
                        tt="none"
                      >
                        {p.origin[line.origin]}
                      </Badge>
                    </Table.Td>
                    <Table.Td {...moneyCell}>{formatEur(line.amountEur)}</Table.Td>
                    {editable && (
                      <Table.Td>
                        <Group gap={4} wrap="nowrap" justify="flex-end">
                          <ActionIcon
                            variant="subtle"
                            aria-label={t.edit(line.description)}
                            onClick={() => setDrawer({ mode: 'edit', line })}
                          >
                            <PencilIcon />
                          </ActionIcon>
                          <ActionIcon
                            variant="subtle"
                            color="red.9"
                            aria-label={t.remove(line.description)}
                            onClick={() => setDeleting(line)}
                          >
                            <BinIcon />
                          </ActionIcon>
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <Text fz="sm" fw={600} data-testid="cost-line-totals">
        {t.totals(formatEur(budget.plannedEur), formatEur(budget.actualEur))}
      </Text>
      <CostLineDrawer
        workspace={workspace}
        activityId={activity.id}
        defaultFundingSource={defaultFunding}
        state={drawer}
        onClose={() => setDrawer({ mode: 'closed' })}
      />
      <DeleteLineModal workspace={workspace} line={deleting} onClose={() => setDeleting(null)} />
    </Section>
  );
}

function DeleteLineModal({
  workspace,
  line,
  onClose,
}: {
  workspace: string;
  line: CostLineDto | null;
  onClose: () => void;
}) {
  const remove = usePlanningMutation(
    workspace,
    (target: CostLineDto) =>
      unwrap(
        api.DELETE('/api/v1/workspaces/{workspace}/cost-lines/{id}', {
          params: { path: { workspace, id: target.id }, query: { version: target.version } },
        }),
      ),
    onClose,
  );
  return (
    <ConfirmModal
      opened={line !== null}
      title={t.deleteTitle(line?.description ?? '')}
      confirmLabel={t.deleteConfirm}
      failedTitle={t.deleteFailed}
      errorTestId="cost-line-delete-error"
      action={remove}
      onConfirm={() => line && remove.mutate(line)}
      onClose={onClose}
    >
      <Text fz="sm">{t.deleteBody}</Text>
    </ConfirmModal>
  );
}
