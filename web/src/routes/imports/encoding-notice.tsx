import { Alert, Group, Loader, Paper, Select, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { describeError } from '../../api/describe-error.ts';
import type { CsvEncodingDto, ParsedImportFileDto } from '../../api/types.ts';
import { messages } from '../../messages/en.ts';
import { parseImportFile } from './upload-step.tsx';

const t = messages.importLanguages;

/**
 * What a CSV upload was read as ("Read as Windows-1250 (Central European), separated by
 * semicolons") and a choice of another encoding, which reads the same file again (decision 0025).
 */
export function EncodingNotice({
  workspace,
  file,
  parsed,
  onReparsed,
}: {
  workspace: string;
  file: File;
  parsed: ParsedImportFileDto;
  onReparsed: (parsed: ParsedImportFileDto) => void;
}) {
  const reread = useMutation({
    mutationFn: (encoding: CsvEncodingDto) => parseImportFile(workspace, file, encoding),
    onSuccess: onReparsed,
  });
  if (!parsed.encoding) return null;
  const options = (Object.keys(t.encodings) as CsvEncodingDto[]).map((value) => ({
    value,
    label: t.encodings[value],
  }));

  return (
    <Paper withBorder radius="md" p="md" mb="lg" data-testid="import-encoding">
      <Stack gap="sm">
        <Text fz="sm" fw={600} data-testid="import-read-as" aria-live="polite">
          {t.readAs(t.encodings[parsed.encoding], t.delimiters[parsed.delimiter ?? ','])}
        </Text>
        {parsed.encodingGuessed && (
          <Text fz="sm" c="dimmed">
            {t.guessed}
          </Text>
        )}
        <Group align="end" gap="sm">
          <Select
            label={t.encoding}
            description={t.encodingDescription}
            data={options}
            value={reread.isPending ? reread.variables : parsed.encoding}
            onChange={(value) => {
              if (value && value !== parsed.encoding) reread.mutate(value as CsvEncodingDto);
            }}
            allowDeselect={false}
            disabled={reread.isPending}
            w={{ base: '100%', xs: 320 }}
            comboboxProps={{ withinPortal: true }}
          />
          {reread.isPending && (
            <Group gap="xs" role="status">
              <Loader size="xs" />
              <Text fz="sm">{t.rereading}</Text>
            </Group>
          )}
        </Group>
        {reread.isError && (
          <Alert color="red" variant="light" title={t.rereadFailed} role="alert">
            <Text fz="sm">{describeError(reread.error)}</Text>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
