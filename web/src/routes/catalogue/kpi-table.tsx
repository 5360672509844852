import { Table, Text, VisuallyHidden } from '@mantine/core';
import type { KpiDefinition } from '../../api/types.ts';
import { messages } from '../../messages/en.ts';

const t = messages.instrument;

/** The KPIs an instrument is measured by: the D4.2 wording, what kind of figure, in what unit. */
export function KpiTable({ kpis, caption }: { kpis: readonly KpiDefinition[]; caption: string }) {
  if (kpis.length === 0) {
    return <Text c="dimmed">{t.noKpis}</Text>;
  }
  return (
    <Table verticalSpacing="sm" highlightOnHover>
      <VisuallyHidden component="caption">{caption}</VisuallyHidden>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t.kpiLabel}</Table.Th>
          <Table.Th scope="col" w={160}>
            {t.kpiKind}
          </Table.Th>
          <Table.Th scope="col" w={140}>
            {t.kpiUnit}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {kpis.map((kpi) => (
          <Table.Tr key={kpi.key} data-testid="kpi-row">
            <Table.Td fw={500}>{kpi.label}</Table.Td>
            <Table.Td>{messages.kpiKind[kpi.kind]}</Table.Td>
            <Table.Td c={kpi.unit ? undefined : 'dimmed'}>{kpi.unit ?? messages.common.none}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
