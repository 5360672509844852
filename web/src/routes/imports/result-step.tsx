import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import type { ImportResultDto, ParsedImportFileDto } from '../../api/types.ts';
import { toCsv } from '../../app/csv.ts';
import { ButtonLink } from '../../app/links.tsx';
import { messages } from '../../messages/en.ts';
import {
  type ColumnMapping,
  type ImportKind,
  isNetworkKind,
  notImportedTable,
  type RowFixes,
  reviewRows,
} from './import-rows.ts';
import { createdText, lineOf, rowProblem } from './row-problem.ts';

const t = messages.imports;
const LISTED = 20;

/** After the import: how many were created, which rows were not and why, and those rows as CSV. */
export function ResultStep({
  workspace,
  kind,
  file,
  mapping,
  fixes,
  result,
  sourceRows,
  onRestart,
}: {
  workspace: string;
  kind: ImportKind;
  file: ParsedImportFileDto;
  mapping: ColumnMapping;
  fixes: RowFixes;
  result: ImportResultDto;
  sourceRows: readonly number[];
  onRestart: () => void;
}) {
  const reviewed = useMemo(
    () => reviewRows(result, sourceRows, file.rows.length),
    [result, sourceRows, file.rows.length],
  );
  const notImported = reviewed.filter((row) => row.status !== 'created');

  const download = () => {
    const table = notImportedTable(kind, reviewed, file.rows, mapping, fixes, t.problemColumn, (row) =>
      rowProblem(kind, row),
    );
    const url = URL.createObjectURL(new Blob([toCsv(table)], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = isNetworkKind(kind) ? `${kind}-not-imported.csv` : t.notImportedFile(kind);
    link.click();
    // The click has started the download; the address is no longer needed.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };

  return (
    <Stack gap="lg" maw={760} data-testid="import-result">
      <Alert
        color="green"
        variant="light"
        title={t.doneTitle}
        role="status"
        styles={{
          root: { borderLeft: '4px solid var(--mantine-color-green-9)' },
          title: { color: 'var(--mantine-color-text)' },
        }}
      >
        <Text fz="sm" data-testid="import-created">
          {createdText(result.created, kind)}
        </Text>
      </Alert>

      {notImported.length === 0 ? (
        <Text>{t.allImported}</Text>
      ) : (
        <Stack gap="xs">
          <Text fw={600}>{t.notImported(notImported.length)}</Text>
          <List size="sm" spacing={4} data-testid="import-not-imported">
            {notImported.slice(0, LISTED).map((row) => (
              <List.Item key={row.row}>
                {t.rowNumber} {lineOf(row.row)}: {rowProblem(kind, row)}
              </List.Item>
            ))}
          </List>
          {notImported.length > LISTED && (
            <Text fz="sm">{t.moreNotImported(notImported.length - LISTED)}</Text>
          )}
          <Group>
            <Button variant="light" onClick={download}>
              {t.downloadNotImported}
            </Button>
          </Group>
        </Stack>
      )}

      <Group>
        {isNetworkKind(kind) ? (
          <ButtonLink to="/w/$workspace/network/data" params={{ workspace }}>
            {messages.networkData.backToNetwork}
          </ButtonLink>
        ) : kind === 'organisations' ? (
          <ButtonLink to="/w/$workspace/members" params={{ workspace }}>
            {t.goToMembers}
          </ButtonLink>
        ) : (
          <ButtonLink to="/w/$workspace/people" params={{ workspace }}>
            {t.goToPeople}
          </ButtonLink>
        )}
        <Button variant="default" onClick={onRestart}>
          {t.importAnother}
        </Button>
      </Group>
    </Stack>
  );
}
