import { Alert, Stack, Title } from '@mantine/core';
import { messages } from '../../messages/en.ts';

const t = messages.suspended;

/** Shown instead of every page of a workspace the operator suspended. */
export function SuspendedState() {
  return (
    <Stack maw={640} data-testid="workspace-suspended">
      <Title order={1}>{t.title}</Title>
      <Alert color="orange" variant="light" role="status">
        {t.body}
      </Alert>
    </Stack>
  );
}
