/** Pieces of the network's record pages: a titled section and a list of facts. */
import { Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';

export function Section({
  title,
  children,
  testId,
}: {
  title: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-label={title} data-testid={testId}>
      <Stack gap="sm">
        <Title order={2} fz="lg">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

export function Facts({ children }: { children: ReactNode }) {
  return (
    <Stack component="dl" gap="xs" m={0}>
      {children}
    </Stack>
  );
}

/** A label and its value; on a phone they stack (no horizontal scroll). */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap="md" align="baseline" wrap="wrap">
      <Text component="dt" fz="sm" c="dimmed" w={170} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text component="dd" fz="sm" m={0} style={{ minWidth: 0, flex: '1 1 12rem', overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Group>
  );
}

/** The page's outline while it loads. */
export function RecordSkeleton({ label }: { label: string }) {
  return (
    <Stack gap="lg" maw={1100} mx="auto" aria-busy="true">
      <VisuallyHidden role="status">{label}</VisuallyHidden>
      <Skeleton h={14} w={160} />
      <Skeleton h={34} w="50%" />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Skeleton h={220} />
        <Skeleton h={220} />
      </SimpleGrid>
    </Stack>
  );
}
