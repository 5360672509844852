import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Loader,
  Modal,
  Pagination,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { describeError } from '../../api/describe-error.ts';
import type { ImportResultDto, ParsedImportFileDto } from '../../api/types.ts';
import { AnchorLink } from '../../app/links.tsx';
import { messages } from '../../messages/en.ts';
import {
  buildImportRows,
  type ColumnMapping,
  fieldsOf,
  hasProblem,
  type ImportKind,
  isNetworkKind,
  pageOf,
  type ReviewedRow,
  type ReviewStatus,
  type RowFixes,
  type RowValues,
  reviewRows,
  rowValues,
  withFix,
} from './import-rows.ts';
import { fieldLabels, lineOf } from './row-problem.ts';

const t = messages.imports;
const PAGE_SIZE = 50;

type ImportRequest = ReturnType<typeof buildImportRows>;

function send(workspace: string, kind: ImportKind, rows: RowValues[], dryRun: boolean) {
  if (kind === 'networkOrganisations' || kind === 'networkPeople') {
    const path =
      kind === 'networkOrganisations'
        ? '/api/v1/workspaces/{workspace}/imports/network-organisations'
        : '/api/v1/workspaces/{workspace}/imports/network-people';
    return unwrap(api.POST(path, { params: { path: { workspace } }, body: { rows, dryRun } }));
  }
  return kind === 'organisations'
    ? unwrap(
        api.POST('/api/v1/workspaces/{workspace}/imports/organisations', {
          params: { path: { workspace } },
          body: { rows, dryRun },
        }),
      )
    : unwrap(
        api.POST('/api/v1/workspaces/{workspace}/imports/people', {
          params: { path: { workspace } },
          body: { rows, dryRun },
        }),
      );
}

/** The badge tint of each status; its text stays the text colour for contrast on the striped rows. */
const STATUS_COLOR: Record<ReviewStatus, string> = {
  valid: 'green.9',
  created: 'green.9',
  invalid: 'red.9',
  duplicate: 'orange.9',
  skipped: 'gray.7',
};

/**
 * Steps 3 and 4: every row checked by a dry run (again after each fix or skip), the rows with
 * problems fixed inline or skipped, then the valid rows imported.
 */
export function CheckStep({
  workspace,
  kind,
  file,
  mapping,
  fixes,
  skipped,
  onFixesChange,
  onSkippedChange,
  onBack,
  onImported,
}: {
  workspace: string;
  kind: ImportKind;
  file: ParsedImportFileDto;
  mapping: ColumnMapping;
  fixes: RowFixes;
  skipped: ReadonlySet<number>;
  onFixesChange: (fixes: RowFixes) => void;
  onSkippedChange: (skipped: ReadonlySet<number>) => void;
  onBack: () => void;
  onImported: (result: ImportResultDto, sourceRows: number[]) => void;
}) {
  const request = useMemo(
    () => buildImportRows(file.rows, mapping, fixes, skipped),
    [file.rows, mapping, fixes, skipped],
  );
  const dryRun = useMutation({
    mutationFn: ({ rows }: ImportRequest) => send(workspace, kind, rows, true),
  });
  const commit = useMutation({
    mutationFn: ({ rows }: ImportRequest) => send(workspace, kind, rows, false),
    onSuccess: (result, { sourceRows }) => onImported(result, sourceRows),
  });
  const { mutate: check, reset: resetCheck } = dryRun;
  useEffect(() => {
    // Every skipped row can leave nothing to send: the server needs at least one row.
    if (request.rows.length > 0) check(request);
    else resetCheck();
  }, [request, check, resetCheck]);

  const [onlyProblems, setOnlyProblems] = useState(false);
  const [page, setPage] = useState(1);
  const [fixing, setFixing] = useState<ReviewedRow | null>(null);

  const checked = dryRun.data && dryRun.variables === request ? dryRun.data : undefined;
  const reviewed = useMemo(
    () =>
      checked
        ? reviewRows(checked, request.sourceRows, file.rows.length)
        : file.rows.map((_, row) => ({
            row,
            status: 'skipped' as const,
            errors: [],
          })),
    [checked, request.sourceRows, file.rows],
  );
  const shown = useMemo(
    () => (onlyProblems ? reviewed.filter((row) => hasProblem(row) || row.status === 'skipped') : reviewed),
    [reviewed, onlyProblems],
  );
  const current = pageOf(shown, page, PAGE_SIZE);
  const labels = fieldLabels(kind);
  const toggleSkip = (row: number) => {
    const next = new Set(skipped);
    if (next.has(row)) next.delete(row);
    else next.add(row);
    onSkippedChange(next);
  };
  const notImported = file.rows.length - (checked?.valid ?? 0);

  return (
    <Stack gap="lg">
      <Paper withBorder radius="md" p="md" component="section" aria-label={t.counts}>
        {checked ? (
          <SimpleGrid cols={{ base: 2, sm: 5 }} data-testid="import-counts">
            <Count label={t.total} value={file.rows.length} testId="count-total" />
            <Count label={t.valid} value={checked.valid} testId="count-valid" />
            <Count label={t.invalid} value={checked.invalid} testId="count-invalid" />
            <Count label={t.duplicates} value={checked.duplicates} testId="count-duplicates" />
            <Count label={t.skipped} value={skipped.size} testId="count-skipped" />
          </SimpleGrid>
        ) : dryRun.isError ? (
          <Alert
            color="red"
            variant="light"
            title={t.checkFailed}
            role="alert"
            styles={{
              root: { borderLeft: '4px solid var(--mantine-color-red-9)' },
              title: { color: 'var(--mantine-color-text)' },
            }}
          >
            <Stack gap="xs" align="flex-start">
              <Text fz="sm">{describeError(dryRun.error)}</Text>
              <Button size="xs" color="red.9" onClick={() => check(request)}>
                {t.recheck}
              </Button>
            </Stack>
          </Alert>
        ) : request.rows.length === 0 ? (
          <Text>{t.importNothing}</Text>
        ) : (
          <Group gap="sm" role="status">
            <Loader size="sm" />
            <Text>{t.checking}</Text>
          </Group>
        )}
      </Paper>

      <Group justify="space-between">
        <Checkbox
          label={t.onlyProblems}
          checked={onlyProblems}
          onChange={(event) => {
            setOnlyProblems(event.currentTarget.checked);
            setPage(1);
          }}
        />
      </Group>

      <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
        <Table.ScrollContainer minWidth={760} type="native">
          <Table verticalSpacing="sm" horizontalSpacing="md" striped="even" fz="sm">
            <VisuallyHidden component="caption">{t.rowsCaption}</VisuallyHidden>
            <Table.Thead bg="gray.0">
              <Table.Tr>
                <Table.Th scope="col" title={t.rowNumberHint}>
                  {t.rowNumber}
                </Table.Th>
                <Table.Th scope="col">{t.status}</Table.Th>
                <Table.Th scope="col">{labels.name}</Table.Th>
                <Table.Th scope="col">{t.problems}</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>{t.actions}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {current.items.map((row) => {
                const values = rowValues(file.rows[row.row] ?? [], row.row, mapping, fixes);
                const isSkipped = skipped.has(row.row);
                const line = lineOf(row.row);
                return (
                  <Table.Tr
                    key={row.row}
                    data-testid="import-row"
                    data-status={checked ? row.status : 'pending'}
                  >
                    <Table.Td ff="monospace">{line}</Table.Td>
                    <Table.Td>
                      {checked || isSkipped ? (
                        <Group gap={4} wrap="nowrap">
                          <Badge
                            variant="outline"
                            color={STATUS_COLOR[row.status]}
                            c="var(--mantine-color-text)"
                          >
                            {t.statusLabel[row.status]}
                          </Badge>
                          {fixes.has(row.row) && (
                            <Badge variant="outline" color="gray" c="var(--mantine-color-text)">
                              {t.fixed}
                            </Badge>
                          )}
                        </Group>
                      ) : (
                        '…'
                      )}
                    </Table.Td>
                    <Table.Td>{values.name || messages.common.none}</Table.Td>
                    <Table.Td data-testid="import-row-problems">
                      <RowProblems workspace={workspace} kind={kind} row={row} />
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap" justify="flex-end">
                        {!isSkipped && row.status !== 'valid' && checked && (
                          <Button
                            size="compact-sm"
                            variant="light"
                            onClick={() => setFixing(row)}
                            aria-label={t.fix(line)}
                          >
                            {t.fixShort}
                          </Button>
                        )}
                        <Button
                          size="compact-sm"
                          variant="default"
                          onClick={() => toggleSkip(row.row)}
                          aria-label={isSkipped ? t.include(line) : t.skip(line)}
                        >
                          {isSkipped ? t.includeShort : t.skipShort}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
              {current.items.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={5}>{t.noProblems}</Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      {current.pages > 1 && (
        <Group justify="center">
          <Pagination
            total={current.pages}
            value={Math.min(page, current.pages)}
            onChange={setPage}
            getControlProps={(control) => ({ 'aria-label': `${t.page}: ${control}` })}
            aria-label={t.page}
          />
        </Group>
      )}

      <Paper withBorder radius="md" p="md">
        <Stack gap="sm">
          <Text fz="sm">{checked && checked.valid === 0 ? t.importNothing : t.importNote(notImported)}</Text>
          {commit.isError && (
            <Alert
              color="red"
              variant="light"
              title={t.importFailed}
              role="alert"
              styles={{
                root: { borderLeft: '4px solid var(--mantine-color-red-9)' },
                title: { color: 'var(--mantine-color-text)' },
              }}
            >
              <Text fz="sm">{describeError(commit.error)}</Text>
            </Alert>
          )}
          <Group justify="space-between">
            <Button variant="default" onClick={onBack} disabled={commit.isPending}>
              {t.back}
            </Button>
            <Button
              onClick={() => commit.mutate(request)}
              disabled={!checked || checked.valid === 0 || dryRun.isPending}
              loading={commit.isPending}
              data-testid="import-commit"
            >
              {t.importRows(checked?.valid ?? 0)}
            </Button>
          </Group>
        </Stack>
      </Paper>

      <FixRowModal
        kind={kind}
        row={fixing}
        values={fixing ? rowValues(file.rows[fixing.row] ?? [], fixing.row, mapping, fixes) : {}}
        onClose={() => setFixing(null)}
        onApply={(edited) => {
          if (!fixing) return;
          onFixesChange(withFix(fixes, fixing.row, file.rows[fixing.row] ?? [], mapping, edited));
          setFixing(null);
        }}
      />
    </Stack>
  );
}

function Count({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <Stack gap={0}>
      <Text fz="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text fz="xl" fw={700} data-testid={testId}>
        {value}
      </Text>
    </Stack>
  );
}

/** The row's errors by field, or what it duplicates (a link to the stored record). */
function RowProblems({ workspace, kind, row }: { workspace: string; kind: ImportKind; row: ReviewedRow }) {
  const labels = fieldLabels(kind);
  if (row.status === 'duplicate' && row.duplicateOf) {
    const { id, name, reason } = row.duplicateOf;
    if (row.duplicateOf.row !== undefined) return <>{t.duplicateOfRow(lineOf(row.duplicateOf.row))}</>;
    return (
      <>
        {t.duplicateOf(reason)}{' '}
        {isNetworkKind(kind) ? (
          <Text component="span" fz="sm" fw={600}>
            {name}
          </Text>
        ) : id && kind === 'organisations' ? (
          <AnchorLink to="/w/$workspace/members/$id" params={{ workspace, id }} fz="sm" target="_blank">
            {name}
          </AnchorLink>
        ) : (
          <AnchorLink
            to="/w/$workspace/people"
            params={{ workspace }}
            search={{ q: name }}
            fz="sm"
            target="_blank"
          >
            {name}
          </AnchorLink>
        )}
      </>
    );
  }
  if (row.errors.length === 0) return null;
  return (
    <Stack gap={2} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
      {row.errors.map((error) => (
        <li key={`${error.field}:${error.message}`}>
          <Text component="span" fw={700} fz="sm">
            {labels[error.field] ?? error.field}:
          </Text>{' '}
          {error.message}
        </li>
      ))}
    </Stack>
  );
}

/** Edits one row's values for this import (the file itself is not changed). */
function FixRowModal({
  kind,
  row,
  values,
  onClose,
  onApply,
}: {
  kind: ImportKind;
  row: ReviewedRow | null;
  values: RowValues;
  onClose: () => void;
  onApply: (values: RowValues) => void;
}) {
  const [draft, setDraft] = useState<RowValues>(values);
  const opened = row !== null;
  // A new row to fix starts from its current values.
  const rowKey = row?.row;
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when another row opens
  useEffect(() => setDraft(values), [rowKey]);
  const labels = fieldLabels(kind);
  const errors = new Map<string, string>();
  for (const error of row?.errors ?? []) {
    errors.set(
      error.field,
      errors.has(error.field) ? `${errors.get(error.field)}; ${error.message}` : error.message,
    );
  }
  // Fields with an error first, so the one to fix is at hand.
  const fields = [...fieldsOf(kind)].sort((a, b) => Number(errors.has(b)) - Number(errors.has(a)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={row ? t.fixTitle(lineOf(row.row)) : ''}
      size="lg"
      closeButtonProps={{ 'aria-label': messages.common.close }}
    >
      <form onSubmit={submit} data-testid="import-fix-form">
        <Stack gap="md">
          <Text fz="sm" c="dimmed">
            {t.fixIntro}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
            {fields.map((field) => (
              <TextInput
                key={field}
                id={`fix-${field}`}
                label={labels[field] ?? field}
                description={t.fieldHints[field]}
                value={draft[field] ?? ''}
                error={errors.get(field)}
                onChange={(event) => {
                  const value = event.currentTarget.value;
                  setDraft((previous) => ({ ...previous, [field]: value }));
                }}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                data-autofocus={field === fields[0] ? true : undefined}
              />
            ))}
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t.cancel}
            </Button>
            <Button type="submit">{t.applyFix}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
