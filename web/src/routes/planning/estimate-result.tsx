import { Alert, List, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import type { EstimateDto } from '../../api/types.ts';
import { BUDGET_CATEGORY_LABELS } from '../../api/vocabulary.ts';
import { countryName, formatEur } from '../../app/format.ts';
import { moneyCell } from '../../components/money-cell.ts';
import { messages } from '../../messages/en.ts';

const t = messages.estimate;

/** An estimate read out: each line with its formula, the total, the notes and the rates assumed. */
export function EstimateResult({ estimate, applied }: { estimate: EstimateDto; applied: boolean }) {
  const { dayRateEur, dayRateSource, travelRate } = estimate.assumptions;
  return (
    <Stack gap="sm" data-testid="estimate-result">
      <Title order={3} fz="md">
        {t.resultTitle}
      </Title>
      {applied && (
        <Alert color="teal" variant="light" role="status" data-testid="estimate-applied">
          <Text fz="sm">{t.applied}</Text>
        </Alert>
      )}
      <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
        <Table.ScrollContainer minWidth={640} type="native">
          <Table verticalSpacing="xs" horizontalSpacing="md" striped="even">
            <VisuallyHidden component="caption">{t.resultCaption}</VisuallyHidden>
            <Table.Thead bg="gray.0">
              <Table.Tr>
                <Table.Th scope="col">{t.category}</Table.Th>
                <Table.Th scope="col">{t.description}</Table.Th>
                <Table.Th scope="col">{t.formula}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t.amount}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {estimate.lines.map((line) => (
                <Table.Tr key={`${line.category}-${line.description}`} data-testid="estimate-line">
                  <Table.Td>{BUDGET_CATEGORY_LABELS[line.category]}</Table.Td>
                  <Table.Td>{line.description}</Table.Td>
                  <Table.Td ff="monospace" fz="xs">
                    {line.formula}
                  </Table.Td>
                  <Table.Td {...moneyCell}>{formatEur(line.amountEur)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th scope="row" colSpan={3}>
                  {t.total}
                </Table.Th>
                <Table.Td {...moneyCell} fw={700} data-testid="estimate-total">
                  {formatEur(estimate.totalEur)}
                </Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      {estimate.notes.length > 0 && (
        <Stack gap={4}>
          <Text fz="sm" fw={600}>
            {t.notes}
          </Text>
          <List fz="sm" spacing={2}>
            {estimate.notes.map((note) => (
              <List.Item key={note}>{note}</List.Item>
            ))}
          </List>
        </Stack>
      )}
      <Stack gap={4}>
        <Text fz="sm" fw={600}>
          {t.assumptions}
        </Text>
        <List fz="sm" spacing={2} data-testid="estimate-assumptions">
          <List.Item>{t.dayRateAssumption(formatEur(dayRateEur), dayRateSource)}</List.Item>
          <List.Item>
            {travelRate
              ? t.travelAssumption(
                  countryName(travelRate.country),
                  formatEur(travelRate.travelEur),
                  formatEur(travelRate.accommodationPerNightEur),
                  formatEur(travelRate.subsistencePerDayEur),
                  travelRate.isDefault,
                )
              : t.noTravelRate}
          </List.Item>
        </List>
      </Stack>
    </Stack>
  );
}
