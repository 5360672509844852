/** Small pieces the dashboard's sections share: a section frame, an empty state, a loading block. */
import { Group, Paper, Skeleton, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled panel of the dashboard, named by its heading; `id` lets a figure link to it. */
export function DashboardSection({
  id,
  title,
  action,
  children,
  testId,
}: {
  id: string;
  title: string;
  action?: ReactNode;
  children: ReactNode;
  testId: string;
}) {
  const headingId = `${id}-title`;
  return (
    <Paper
      withBorder
      radius="md"
      p="lg"
      component="section"
      id={id}
      aria-labelledby={headingId}
      data-testid={testId}
    >
      <Stack gap="md">
        <Group justify="space-between" align="flex-end" gap="sm">
          <Title order={2} fz="lg" id={headingId}>
            {title}
          </Title>
          {action}
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}

/** What is missing and what to do about it. */
export function EmptyState({ children, testId }: { children: string; testId: string }) {
  return (
    <Text fz="sm" c="dimmed" data-testid={testId}>
      {children}
    </Text>
  );
}

/** A placeholder of the section's size while its data loads, announced once to screen readers. */
export function LoadingBlock({ label, height }: { label: string; height: number }) {
  return (
    <Stack gap="xs" aria-busy="true">
      <VisuallyHidden role="status">{label}</VisuallyHidden>
      <Skeleton h={height} />
    </Stack>
  );
}
