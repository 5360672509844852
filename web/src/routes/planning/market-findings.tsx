import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, isApiError, unwrap } from '../../api/client.ts';
import type { MarketDossierDto } from '../../api/types.ts';
import { ConflictAlert, FailureAlert } from '../../components/alerts.tsx';
import { messages } from '../../messages/en.ts';
import { workspaceKeys } from '../../queries/keys.ts';
import { LongText, Section } from './parts.tsx';
import { marketQuery, planningKeys } from './queries.ts';

const t = messages.market;
/** The server's limit of a market's findings, in characters. */
const MAX_FINDINGS = 20_000;

/**
 * The market's findings: a text the partnership fills as it learns, saved with the version read
 * (someone else's save in between is a 409: reload, then write again).
 */
export function MarketFindings({
  workspace,
  market,
  editable,
}: {
  workspace: string;
  market: MarketDossierDto;
  editable: boolean;
}) {
  return (
    <Section title={t.findings} testId="market-findings">
      {editable ? (
        <FindingsForm key={market.id} workspace={workspace} market={market} />
      ) : (
        <LongText text={market.findings} />
      )}
    </Section>
  );
}

function FindingsForm({ workspace, market }: { workspace: string; market: MarketDossierDto }) {
  const queryClient = useQueryClient();
  const [text, setText] = useState(market.findings);
  const [saved, setSaved] = useState(false);
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: planningKeys.all(workspace) }),
      queryClient.invalidateQueries({ queryKey: workspaceKeys.audit(workspace) }),
    ]);
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PATCH('/api/v1/workspaces/{workspace}/markets/{id}', {
          params: { path: { workspace, id: market.id } },
          body: { version: market.version, findings: text },
        }),
      ),
    onSuccess: async () => {
      setSaved(true);
      await refresh();
    },
  });
  // After a 409: the fresh findings replace the text typed (write the addition again).
  const reload = useMutation({
    mutationFn: () => queryClient.fetchQuery({ ...marketQuery(workspace, market.id), staleTime: 0 }),
    onSuccess: (fresh) => {
      setText(fresh.findings);
      save.reset();
    },
  });
  const conflict = isApiError(save.error) && save.error.status === 409;

  // Said on the field rather than cut off by the input (a long paste would lose its end unseen).
  const tooLong = text.length > MAX_FINDINGS;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if (!tooLong) save.mutate();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {conflict && (
          <ConflictAlert
            testId="findings-conflict"
            body={messages.planning.conflictBody}
            onReload={() => reload.mutate()}
            reloading={reload.isPending}
            reloadError={reload.error}
          />
        )}
        {save.isError && !conflict && (
          <FailureAlert testId="findings-error" title={t.findingsFailed} error={save.error} />
        )}
        <Textarea
          id="market-findings"
          aria-label={t.findings}
          description={t.findingsHint}
          autosize
          minRows={4}
          maxRows={16}
          value={text}
          error={tooLong ? messages.planning.tooLong(MAX_FINDINGS) : undefined}
          onChange={(event) => {
            setText(event.currentTarget.value);
            setSaved(false);
          }}
        />
        <Group justify="space-between" gap="sm">
          <Text fz="sm" c="dimmed" role="status">
            {saved ? t.findingsSaved : ''}
          </Text>
          <Button type="submit" variant="light" loading={save.isPending} disabled={text === market.findings}>
            {t.saveFindings}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
