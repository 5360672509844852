import { Alert, Text } from '@mantine/core';
import { messages } from '../messages/en.ts';

/** A page the user's role may not see: say so plainly (the server would answer 403). */
export function ForbiddenState({ title }: { title: string }) {
  return (
    <Alert
      color="gray"
      variant="light"
      title={title}
      maw={720}
      mx="auto"
      data-testid="forbidden-state"
      styles={{
        root: { borderLeft: '4px solid var(--mantine-color-gray-7)' },
        title: { color: 'var(--mantine-color-text)' },
      }}
    >
      <Text fz="sm">{messages.common.forbidden}</Text>
    </Alert>
  );
}
