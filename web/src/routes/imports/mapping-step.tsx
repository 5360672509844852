import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import type { ParsedImportFileDto } from '../../api/types.ts';
import { messages } from '../../messages/en.ts';
import {
  type ColumnMapping,
  fieldsOf,
  type ImportKind,
  ignoredColumns,
  REQUIRED_FIELDS,
  unmappedRequired,
  withColumn,
} from './import-rows.ts';
import { fieldLabels } from './row-problem.ts';

const t = messages.imports;
const SAMPLE_ROWS = 5;

/** Step 2: a column of the file for each field (suggested by the server), and a sample of the rows. */
export function MappingStep({
  kind,
  file,
  mapping,
  onMappingChange,
  onBack,
  onCheck,
}: {
  kind: ImportKind;
  file: ParsedImportFileDto;
  mapping: ColumnMapping;
  onMappingChange: (mapping: ColumnMapping) => void;
  onBack: () => void;
  onCheck: () => void;
}) {
  const labels = fieldLabels(kind);
  const required = REQUIRED_FIELDS[kind] as readonly string[];
  const missing = unmappedRequired(kind, mapping);
  const ignored = ignoredColumns(file.headers.length, mapping);
  const columns = file.headers.map((header, index) => ({ value: String(index), label: header }));

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={2} fz="h3">
          {t.mappingTitle}
        </Title>
        <Text c="dimmed" maw={760}>
          {t.mappingIntro}
        </Text>
      </Stack>

      <SimpleGrid
        cols={{ base: 1, sm: 2, lg: 3 }}
        spacing="md"
        verticalSpacing="sm"
        data-testid="import-mapping"
      >
        {fieldsOf(kind).map((field) => {
          const column = mapping[field] ?? null;
          const label = labels[field] ?? field;
          return (
            <Select
              key={field}
              label={
                <Group gap={6} component="span" wrap="nowrap">
                  <span>{label}</span>
                  {required.includes(field) && (
                    <Badge size="xs" variant="outline" color="gray" c="var(--mantine-color-text)">
                      {t.required}
                    </Badge>
                  )}
                </Group>
              }
              aria-label={t.fieldColumn(label)}
              description={t.fieldHints[field]}
              placeholder={t.noColumn}
              data={columns}
              value={column === null ? null : String(column)}
              onChange={(value) =>
                onMappingChange(withColumn(mapping, field, value === null ? null : Number(value)))
              }
              clearable
              searchable
              comboboxProps={{ withinPortal: true }}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
            />
          );
        })}
      </SimpleGrid>

      {missing.length > 0 && (
        <Alert
          color="orange"
          variant="light"
          data-testid="import-missing-required"
          styles={{ root: { borderLeft: '4px solid var(--mantine-color-orange-9)' } }}
        >
          <Text fz="sm">{t.requiredMissing(missing.map((field) => labels[field] ?? field).join(', '))}</Text>
        </Alert>
      )}

      <Stack gap={4}>
        <Title order={3} fz="md">
          {t.ignored}
        </Title>
        <Text fz="sm" data-testid="import-ignored-columns">
          {ignored.length === 0 ? t.noneIgnored : ignored.map((index) => file.headers[index]).join(', ')}
        </Text>
      </Stack>

      <Stack gap="xs">
        <Title order={3} fz="md">
          {t.sample}
        </Title>
        <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
          <Table.ScrollContainer
            minWidth={Math.min(1600, file.headers.length * 140)}
            type="native"
            // Scrolls sideways on a phone: reachable by keyboard, and named for screen readers.
            tabIndex={0}
            role="region"
            aria-label={t.sample}
          >
            <Table striped="even" fz="sm" verticalSpacing={6}>
              <VisuallyHidden component="caption">
                {t.sampleCaption(Math.min(SAMPLE_ROWS, file.rows.length))}
              </VisuallyHidden>
              <Table.Thead bg="gray.0">
                <Table.Tr>
                  {file.headers.map((header, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: headers may repeat; the column is the identity
                    <Table.Th key={index} scope="col" c={ignored.includes(index) ? 'dimmed' : undefined}>
                      {header}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {file.rows.slice(0, SAMPLE_ROWS).map((cells, row) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows of a file have no other identity
                  <Table.Tr key={row}>
                    {cells.map((cell, index) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: cells are identified by their column
                      <Table.Td key={index}>{cell}</Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      </Stack>

      <Group justify="space-between">
        <Button variant="default" onClick={onBack}>
          {t.chooseAnother}
        </Button>
        <Button onClick={onCheck}>{t.check}</Button>
      </Group>
    </Stack>
  );
}
