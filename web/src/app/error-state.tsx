import { Alert, Button, Stack, Text } from '@mantine/core';
import { describeError } from '../api/describe-error.ts';
import { messages } from '../messages/en.ts';

/** A failed load: what failed, the server's explanation, and a way to try again. */
export function ErrorState({
  title,
  error,
  onRetry,
  retrying,
}: {
  title: string;
  error: unknown;
  onRetry: () => void;
  retrying: boolean;
}) {
  return (
    <Alert
      color="red"
      variant="light"
      title={title}
      maw={720}
      // Even red.9 stays just under 4.5:1 on the light variant's tint: the title takes the text colour.
      styles={{
        root: { borderLeft: '4px solid var(--mantine-color-red-9)' },
        title: { color: 'var(--mantine-color-text)' },
      }}
      data-testid="error-state"
    >
      <Stack gap="sm" align="flex-start">
        <Text fz="sm">{describeError(error)}</Text>
        <Button size="xs" color="red.9" onClick={onRetry} loading={retrying}>
          {messages.common.retry}
        </Button>
      </Stack>
    </Alert>
  );
}
