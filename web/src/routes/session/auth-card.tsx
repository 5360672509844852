import { Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { BrandMark } from '../../app/brand-mark.tsx';

/** The narrow card of the signed-out pages (sign-in, invitation, password reset). */
export function AuthCard({ title, intro, children }: { title: string; intro?: string; children: ReactNode }) {
  return (
    <Stack align="center" py={{ base: 'md', sm: 48 }}>
      <Paper withBorder radius="md" p={{ base: 'lg', sm: 32 }} w="100%" maw={440} shadow="xs">
        <Stack gap="md">
          <Stack gap={8} align="flex-start">
            <BrandMark size={36} />
            <Title order={1}>{title}</Title>
            {intro && (
              <Text c="dimmed" fz="sm">
                {intro}
              </Text>
            )}
          </Stack>
          {children}
        </Stack>
      </Paper>
    </Stack>
  );
}
