import { Alert, Box, Button, FileButton, Group, Loader, Radio, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type DragEvent, useId, useRef, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { describeError } from '../../api/describe-error.ts';
import type { CsvEncodingDto, ParsedImportFileDto } from '../../api/types.ts';
import { messages } from '../../messages/en.ts';
import type { ImportKind } from './import-rows.ts';

const t = messages.imports;
const MAX_BYTES = 20 * 1024 * 1024;
const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Step 1: what is imported, and the file (read by the server, which stores nothing). */

const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Reads a CSV or XLSX file on the server (nothing is stored): its rows as text with a suggested
 * mapping. `encoding`: the user's choice for a CSV (else detected). The file goes as is, its media type following its name, since browsers often give CSV
 * files none or an Excel one.
 */
export function parseImportFile(workspace: string, file: File, encoding?: CsvEncodingDto) {
  return unwrap(
    api.POST('/api/v1/workspaces/{workspace}/imports/parse', {
      params: { path: { workspace }, query: encoding ? { encoding } : {} },
      body: file,
      bodySerializer: (body) => body,
      headers: { 'Content-Type': /\.xlsx$/i.test(file.name) ? XLSX_MEDIA_TYPE : 'text/csv' },
    }),
  );
}

export function UploadStep({
  workspace,
  kind,
  onKindChange,
  onParsed,
}: {
  workspace: string;
  kind: ImportKind;
  onKindChange: (kind: ImportKind) => void;
  onParsed: (file: File, parsed: ParsedImportFileDto) => void;
}) {
  const hintId = useId();
  const [dragging, setDragging] = useState(false);
  // Cleared after each choice, so choosing the same file again (re-saved) is noticed.
  const resetInput = useRef<() => void>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const parse = useMutation({
    mutationFn: (file: File) => parseImportFile(workspace, file),
    onSuccess: (parsed, file) => onParsed(file, parsed),
  });

  const choose = (file: File | null) => {
    if (!file) return;
    resetInput.current?.();
    parse.reset();
    if (!/\.(csv|xlsx)$/i.test(file.name)) return setLocalError(t.wrongType);
    if (file.size > MAX_BYTES) return setLocalError(t.tooBig);
    setLocalError(null);
    parse.mutate(file);
  };
  const drop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    choose(event.dataTransfer.files[0] ?? null);
  };

  return (
    <Stack gap="lg" maw={720}>
      <Radio.Group label={t.kind} value={kind} onChange={(value) => onKindChange(value as ImportKind)}>
        <Group mt="xs" gap="lg">
          <Radio value="organisations" label={t.kindOrganisations} />
          <Radio value="people" label={t.kindPeople} />
          <Radio value="networkOrganisations" label={messages.networkData.kinds.networkOrganisations} />
          <Radio value="networkPeople" label={messages.networkData.kinds.networkPeople} />
        </Group>
      </Radio.Group>

      <Box
        data-testid="import-drop-zone"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
        p="xl"
        style={{
          border: `2px dashed var(--mantine-color-${dragging ? 'indigo-7' : 'gray-5'})`,
          borderRadius: 'var(--mantine-radius-md)',
          background: dragging ? 'var(--mantine-color-indigo-0)' : undefined,
        }}
      >
        <Stack align="center" gap="sm" aria-busy={parse.isPending}>
          {parse.isPending ? (
            <Group gap="sm" role="status">
              <Loader size="sm" />
              <Text>{t.reading(parse.variables.name)}</Text>
            </Group>
          ) : (
            <>
              <Text fw={600}>{t.dropHere}</Text>
              <FileButton onChange={choose} accept={ACCEPT} resetRef={resetInput}>
                {(props) => (
                  <Button {...props} aria-describedby={hintId}>
                    {t.chooseFile}
                  </Button>
                )}
              </FileButton>
            </>
          )}
          <Text id={hintId} fz="sm" c="dimmed" ta="center">
            {messages.importLanguages.fileHint} {messages.importLanguages.encodingHint}
          </Text>
        </Stack>
      </Box>

      {(localError || parse.isError) && (
        <Alert
          color="red"
          variant="light"
          title={t.readFailed}
          role="alert"
          data-testid="import-upload-error"
          styles={{
            root: { borderLeft: '4px solid var(--mantine-color-red-9)' },
            title: { color: 'var(--mantine-color-text)' },
          }}
        >
          <Text fz="sm">{localError ?? describeError(parse.error)}</Text>
        </Alert>
      )}
    </Stack>
  );
}
