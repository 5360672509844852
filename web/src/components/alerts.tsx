/** The alerts of forms and dialogs: a stale edit (409) to reload, and a failure no field explains. */
import { Alert, Button, Stack, Text } from '@mantine/core';
import { describeError } from '../api/describe-error.ts';
import { messages } from '../messages/en.ts';

/** A light alert with a dark left rule and the title in the text colour (contrast on the tint). */
export const alertStyles = (color: string) => ({
  root: { borderLeft: `4px solid var(--mantine-color-${color}-9)` },
  title: { color: 'var(--mantine-color-text)' },
});

/** Someone saved the record since it was read (409): reload, then edit again. */
export function ConflictAlert({
  body,
  onReload,
  reloading,
  reloadError,
  testId,
  title = messages.registry.conflictTitle,
  reloadLabel = messages.registry.reload,
}: {
  body: string;
  onReload: () => void;
  reloading: boolean;
  reloadError: unknown;
  testId: string;
  title?: string;
  reloadLabel?: string;
}) {
  return (
    <Alert
      color="orange"
      variant="light"
      title={title}
      role="alert"
      data-testid={testId}
      styles={alertStyles('orange')}
    >
      <Stack gap="sm" align="flex-start">
        <Text fz="sm">{body}</Text>
        <Button size="xs" color="orange.9" onClick={onReload} loading={reloading}>
          {reloadLabel}
        </Button>
        {reloadError ? <Text fz="sm">{describeError(reloadError)}</Text> : null}
      </Stack>
    </Alert>
  );
}

/** A failed save or delete that no form field explains. */
export function FailureAlert({ title, error, testId }: { title: string; error: unknown; testId: string }) {
  return (
    <Alert
      color="red"
      variant="light"
      title={title}
      role="alert"
      data-testid={testId}
      styles={alertStyles('red')}
    >
      <Text fz="sm">{describeError(error)}</Text>
    </Alert>
  );
}
