import { Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A list with nothing in it: what is missing, why, and the action that adds the first. */
export function EmptyState({
  title,
  body,
  action,
  testId,
}: {
  title: string;
  body: string;
  action?: ReactNode;
  testId: string;
}) {
  return (
    <Paper withBorder radius="md" p="xl" data-testid={testId}>
      <Stack align="center" gap="xs" py="lg">
        <Title order={2} fz="lg">
          {title}
        </Title>
        <Text c="dimmed" ta="center">
          {body}
        </Text>
        {action}
      </Stack>
    </Paper>
  );
}
