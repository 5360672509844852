import { Alert, Button, Group, Modal, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { describeError } from '../../api/describe-error.ts';
import { apiHref } from '../../api/links.ts';
import { useAbilities } from '../../app/abilities.ts';
import { messages } from '../../messages/en.ts';
import { networkKeys } from '../network/queries.ts';

const t = messages.networkData.panel;

/**
 * A network person's data: "Download vCard", and for coordinators "Export personal data" (JSON)
 * and "Erase this person" (typed-name confirmation). For the person page; an erased person shows
 * when it was erased and nothing else.
 */
export function PersonDataPanel({
  workspace,
  person,
}: {
  workspace: string;
  person: { id: string; name: string; erased: boolean };
}) {
  const abilities = useAbilities(workspace);
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');
  const [touched, setTouched] = useState(false);
  const mayGdpr = abilities.canSomewhere('network.gdpr');
  const erase = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/workspaces/{workspace}/network/people/{id}/erase', {
          params: { path: { workspace, id: person.id } },
          body: { confirm: typed },
        }),
      ),
    onSuccess: () => {
      setConfirming(false);
      void queryClient.invalidateQueries({ queryKey: networkKeys.all(workspace) });
    },
  });
  const matches = typed.trim().toLowerCase() === person.name.trim().toLowerCase();
  const path = { workspace, id: person.id };

  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} fz="lg">
          {t.title}
        </Title>
        {erase.isSuccess && (
          <Alert color="green" variant="light" role="status">
            {t.erasedDone}
          </Alert>
        )}
        {person.erased ? (
          <Text data-testid="person-erased">{t.erased}</Text>
        ) : (
          <>
            <Group gap="sm">
              <Button
                component="a"
                variant="default"
                href={apiHref('/api/v1/workspaces/{workspace}/network/people/{id}/vcard', { path })}
                download
              >
                {t.downloadVCard}
              </Button>
              {mayGdpr && (
                <Button
                  component="a"
                  variant="default"
                  href={apiHref('/api/v1/workspaces/{workspace}/network/people/{id}/data-export', { path })}
                  download
                  title={t.exportHint}
                >
                  {t.exportData}
                </Button>
              )}
              {mayGdpr && (
                <Button color="red.9" variant="outline" onClick={() => setConfirming(true)}>
                  {t.erase}
                </Button>
              )}
            </Group>
            {!mayGdpr && (
              <Text fz="sm" c="dimmed">
                {t.coordinatorsOnly}
              </Text>
            )}
          </>
        )}
      </Stack>
      <Modal
        opened={confirming}
        onClose={() => {
          setConfirming(false);
          setTyped('');
          setTouched(false);
          erase.reset();
        }}
        title={t.eraseTitle}
        closeButtonProps={{ 'aria-label': messages.common.close }}
      >
        <form
          onSubmit={(event) => {
            event.preventDefault();
            setTouched(true);
            if (matches) erase.mutate();
          }}
        >
          <Stack gap="md">
            <Text fz="sm">{t.eraseWarning}</Text>
            <TextInput
              label={t.eraseConfirm(person.name)}
              value={typed}
              onChange={(event) => setTyped(event.currentTarget.value)}
              error={touched && !matches ? t.eraseMismatch : undefined}
              autoComplete="off"
              data-autofocus
            />
            {erase.isError && (
              <Alert color="red" variant="light" title={t.eraseFailed} role="alert">
                {describeError(erase.error)}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(false)}>
                {t.cancel}
              </Button>
              <Button type="submit" color="red.9" loading={erase.isPending}>
                {t.eraseButton}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Paper>
  );
}
