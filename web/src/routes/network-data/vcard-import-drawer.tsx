import {
  Alert,
  Badge,
  Button,
  Drawer,
  FileButton,
  Group,
  Radio,
  ScrollArea,
  Select,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { describeError } from '../../api/describe-error.ts';
import type { VCardImportResultDto } from '../../api/types.ts';
import { countrySelectOptions } from '../../app/format.ts';
import { messages } from '../../messages/en.ts';
import { networkKeys } from '../network/queries.ts';

const t = messages.networkData.vcards;
/** The server's limit (src/domain/network/vcard.ts). */
const MAX_BYTES = 1024 * 1024;

const ACTION_COLOR: Record<VCardImportResultDto['cards'][number]['action'], string> = {
  create: 'green.9',
  update: 'blue.9',
  skip: 'gray.7',
  invalid: 'red.9',
};

function sendCards(
  workspace: string,
  file: File,
  options: { dryRun: boolean; country: string | null; onDuplicate: 'skip' | 'update' },
) {
  return unwrap(
    api.POST('/api/v1/workspaces/{workspace}/network/people/vcards', {
      params: {
        path: { workspace },
        query: {
          dryRun: options.dryRun ? 'true' : 'false',
          onDuplicate: options.onDuplicate,
          ...(options.country ? { country: options.country } : {}),
        },
      },
      body: file,
      bodySerializer: (body: unknown) => body as BodyInit,
      headers: { 'Content-Type': 'text/vcard' },
    }),
  );
}

/**
 * "Import vCards": choose a .vcf file, check it (what each card will do: create, update, skip as
 * a duplicate by e-mail, or not be imported, and why), then import. Nothing is saved by the check.
 */
export function VCardImportDrawer({
  workspace,
  opened,
  onClose,
}: {
  workspace: string;
  opened: boolean;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const [country, setCountry] = useState<string | null>(null);
  const [onDuplicate, setOnDuplicate] = useState<'skip' | 'update'>('skip');
  const check = useMutation({
    mutationFn: (chosen: File) => sendCards(workspace, chosen, { dryRun: true, country, onDuplicate }),
  });
  const commit = useMutation({
    mutationFn: (chosen: File) => sendCards(workspace, chosen, { dryRun: false, country, onDuplicate }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: networkKeys.all(workspace) }),
  });
  const reset = () => {
    check.reset();
    commit.reset();
  };
  const choose = (chosen: File | null) => {
    reset();
    if (!chosen) return;
    if (chosen.size > MAX_BYTES) {
      setFile(null);
      setLocalError(t.tooBig);
      return;
    }
    setLocalError(null);
    setFile(chosen);
    check.mutate(chosen);
  };
  const close = () => {
    reset();
    setFile(null);
    setLocalError(null);
    onClose();
  };
  const result = commit.data ?? check.data;
  const importable = check.data ? check.data.create + check.data.update : 0;

  return (
    <Drawer
      opened={opened}
      onClose={close}
      title={t.drawerTitle}
      position="right"
      size="xl"
      closeButtonProps={{ 'aria-label': messages.common.close }}
    >
      <Stack gap="md">
        <Text fz="sm">{t.intro}</Text>
        <Select
          label={t.country}
          description={t.countryHint}
          data={countrySelectOptions()}
          value={country}
          onChange={(value) => {
            setCountry(value);
            reset();
          }}
          searchable
          clearable
        />
        <Radio.Group
          label={t.onDuplicate}
          value={onDuplicate}
          onChange={(value) => {
            setOnDuplicate(value === 'update' ? 'update' : 'skip');
            reset();
          }}
        >
          <Group mt="xs">
            <Radio value="skip" label={t.skip} />
            <Radio value="update" label={t.update} />
          </Group>
        </Radio.Group>
        <Group>
          <FileButton onChange={choose} accept=".vcf,text/vcard,text/x-vcard">
            {(props) => (
              <Button variant="default" {...props} data-testid="vcard-file">
                {t.chooseFile}
              </Button>
            )}
          </FileButton>
          <Text fz="sm">{file ? file.name : t.noFile}</Text>
          {file && !commit.data && (
            <Button variant="light" onClick={() => check.mutate(file)} loading={check.isPending}>
              {t.check}
            </Button>
          )}
        </Group>
        {localError && (
          <Alert color="red" variant="light" role="alert">
            {localError}
          </Alert>
        )}
        {check.isError && (
          <Alert color="red" variant="light" title={t.checkFailed} role="alert">
            {describeError(check.error)}
          </Alert>
        )}
        {commit.isError && (
          <Alert color="red" variant="light" title={t.importFailed} role="alert">
            {describeError(commit.error)}
          </Alert>
        )}
        {check.isPending && <Text fz="sm">{t.checking}</Text>}
        {commit.data && (
          <Alert color="green" variant="light" role="status" data-testid="vcard-imported">
            <Text fz="sm">{t.imported(commit.data.create, commit.data.update)}</Text>
          </Alert>
        )}
        {result && (
          <>
            <Text fw={600} data-testid="vcard-summary">
              {t.summary(result.create, result.update, result.skip, result.invalid)}
            </Text>
            <ScrollArea.Autosize mah={420} type="auto">
              <Table striped withTableBorder miw={560}>
                <Table.Caption>{t.cardsCaption}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t.name}</Table.Th>
                    <Table.Th>{t.email}</Table.Th>
                    <Table.Th>{t.organisation}</Table.Th>
                    <Table.Th>{t.action}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {result.cards.map((card) => (
                    <Table.Tr key={card.index}>
                      <Table.Td>{card.name}</Table.Td>
                      <Table.Td>{card.email ?? ''}</Table.Td>
                      <Table.Td>
                        {card.organisation?.name ?? card.organisationName ?? ''}
                        {card.organisation?.created && (
                          <Badge ml={6} size="sm" variant="outline" color="dark">
                            {t.newOrganisation}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Badge
                          variant="light"
                          color={ACTION_COLOR[card.action]}
                          c="var(--mantine-color-text)"
                        >
                          {t.actions[card.action]}
                        </Badge>
                        {card.errors.map((error) => (
                          <Text key={`${error.field}:${error.message}`} fz="xs">
                            {error.message}
                          </Text>
                        ))}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t.close}
          </Button>
          {file && check.data && !commit.data && (
            <Button
              onClick={() => commit.mutate(file)}
              loading={commit.isPending}
              disabled={importable === 0}
            >
              {t.importCards(importable)}
            </Button>
          )}
        </Group>
      </Stack>
    </Drawer>
  );
}
