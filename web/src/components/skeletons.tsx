/** Placeholders while a list or a page loads, announced once to screen readers. */
import { Box, Group, Paper, SimpleGrid, Skeleton, Stack, VisuallyHidden } from '@mantine/core';

export function TableSkeleton({ label, columns }: { label: string; columns: number }) {
  return (
    <Box aria-busy="true">
      <VisuallyHidden role="status">{label}</VisuallyHidden>
      <Paper withBorder radius="md" p="md" aria-hidden="true">
        <Stack gap="md">
          <Skeleton h={16} w="40%" />
          {[0, 1, 2, 3, 4, 5].map((row) => (
            <Group key={row} gap="lg" wrap="nowrap">
              {Array.from({ length: columns }, (_, column) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
                <Skeleton key={column} h={14} w={column === 0 ? '28%' : `${60 / columns}%`} />
              ))}
            </Group>
          ))}
        </Stack>
      </Paper>
    </Box>
  );
}

export function PageSkeleton({ label }: { label: string }) {
  return (
    <Stack gap="lg" maw={1200} mx="auto" aria-busy="true">
      <VisuallyHidden role="status">{label}</VisuallyHidden>
      <Skeleton h={14} w={160} />
      <Skeleton h={34} w="50%" />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Skeleton h={200} />
        <Skeleton h={200} />
      </SimpleGrid>
    </Stack>
  );
}
