import { Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { messages } from '../messages/en.ts';
import { ButtonLink } from './links.tsx';

const t = messages.notFound;

/** Shown for any address the route tree does not know. */
export function NotFoundPage() {
  useDocumentTitle(messages.app.documentTitle(t.title));
  return (
    <Stack align="flex-start" gap="md" maw={560} py="xl">
      <Text c="dimmed" fw={600} ff="monospace">
        404
      </Text>
      <Title order={1}>{t.title}</Title>
      <Text>{t.body}</Text>
      <ButtonLink to="/catalogue">{t.backToCatalogue}</ButtonLink>
    </Stack>
  );
}
