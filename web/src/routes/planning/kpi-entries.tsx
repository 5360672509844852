import { ActionIcon, Group, Paper, Table, Text, VisuallyHidden } from '@mantine/core';
import { api, unwrap } from '../../api/client.ts';
import type { ActivityKpiDto, KpiEntryDto } from '../../api/types.ts';
import { formatDate } from '../../app/format.ts';
import { ConfirmModal } from '../../components/confirm-modal.tsx';
import { moneyCell } from '../../components/money-cell.ts';
import { messages } from '../../messages/en.ts';
import { BinIcon, PencilIcon } from './icons.tsx';
import { formatKpiValue } from './kpi-values.ts';
import { usePlanningMutation } from './use-planning-mutation.ts';

const t = messages.kpis;

/** The values entered by hand for one KPI: day, value, comment, author; editors change or remove them. */
export function KpiEntries({
  kpi,
  editable,
  onEdit,
  onDelete,
}: {
  kpi: ActivityKpiDto;
  editable: boolean;
  onEdit: (entry: KpiEntryDto) => void;
  onDelete: (entry: KpiEntryDto) => void;
}) {
  if (kpi.entries.length === 0) {
    return (
      <Text fz="sm" c="dimmed">
        {t.noEntries}
      </Text>
    );
  }
  const numeric = kpi.kind !== 'text';
  return (
    <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
      {/* A narrow card (a phone, a column of KPI cards) scrolls the table in its box. */}
      <Table.ScrollContainer
        minWidth={480}
        type="native"
        tabIndex={0}
        aria-label={t.entriesCaption(kpi.label)}
      >
        <Table verticalSpacing={6} horizontalSpacing="xs" striped="even" fz="sm">
          <VisuallyHidden component="caption">{t.entriesCaption(kpi.label)}</VisuallyHidden>
          <Table.Thead bg="gray.0">
            <Table.Tr>
              <Table.Th scope="col">{t.recordedOn}</Table.Th>
              <Table.Th scope="col" ta={numeric ? 'right' : undefined}>
                {t.value}
              </Table.Th>
              <Table.Th scope="col">{t.comment}</Table.Th>
              <Table.Th scope="col">{t.author}</Table.Th>
              {editable && (
                <Table.Th scope="col">
                  <VisuallyHidden>{t.actions}</VisuallyHidden>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {kpi.entries.map((entry) => {
              const day = formatDate(entry.recordedOn);
              return (
                <Table.Tr key={entry.id} data-testid="kpi-entry-row">
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{day}</Table.Td>
                  <Table.Td {...(numeric ? moneyCell : { style: { whiteSpace: 'pre-wrap' } })}>
                    {formatKpiValue(kpi.kind, entry.value)}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>
                    {entry.comment || messages.common.none}
                  </Table.Td>
                  <Table.Td>{entry.author?.name ?? t.formerUser}</Table.Td>
                  {editable && (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap" justify="flex-end">
                        <ActionIcon
                          variant="subtle"
                          aria-label={t.editEntry(day)}
                          onClick={() => onEdit(entry)}
                        >
                          <PencilIcon />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          color="red.9"
                          aria-label={t.removeEntry(day)}
                          onClick={() => onDelete(entry)}
                        >
                          <BinIcon />
                        </ActionIcon>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

/** Asks before deleting a value entered by hand. */
export function KpiEntryDeleteModal({
  workspace,
  deleting,
  onClose,
}: {
  workspace: string;
  deleting: { label: string; entry: KpiEntryDto } | null;
  onClose: () => void;
}) {
  const remove = usePlanningMutation(
    workspace,
    (entry: KpiEntryDto) =>
      unwrap(
        api.DELETE('/api/v1/workspaces/{workspace}/kpi-entries/{id}', {
          params: { path: { workspace, id: entry.id }, query: { version: entry.version } },
        }),
      ),
    onClose,
  );
  return (
    <ConfirmModal
      opened={deleting !== null}
      title={t.deleteEntryTitle(deleting?.label ?? '')}
      confirmLabel={t.deleteEntryConfirm}
      failedTitle={t.deleteEntryFailed}
      errorTestId="kpi-entry-delete-error"
      action={remove}
      onConfirm={() => deleting && remove.mutate(deleting.entry)}
      onClose={onClose}
    >
      <Text fz="sm">{t.deleteEntryBody}</Text>
    </ConfirmModal>
  );
}
