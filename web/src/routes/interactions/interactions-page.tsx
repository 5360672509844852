import { Button, Group, Select, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import type { InteractionKind } from '../../api/types.ts';
import { INTERACTION_KINDS } from '../../api/vocabulary.ts';
import { useAbilities } from '../../app/abilities.ts';
import { ButtonLink } from '../../app/links.tsx';
import { messages } from '../../messages/en.ts';
import { InteractionTimeline } from './interaction-timeline.tsx';
import { type InteractionsSearch, interactionsFilter } from './search-params.ts';

const t = messages.interactions.list;
const route = getRouteApi('/w/$workspace/network/interactions');

/** `/w/$workspace/network/interactions`: every interaction, newest first, with filters and "my open next steps". */
export function InteractionsPage() {
  const { workspace } = route.useParams();
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/w/$workspace/network/interactions' });
  const abilities = useAbilities(workspace);
  useDocumentTitle(messages.app.documentTitle(t.title));
  const setSearch = (next: Partial<InteractionsSearch>) =>
    void navigate({ search: (previous) => ({ ...previous, ...next }), replace: true });
  const filtered = Object.keys(search).length > 0;

  return (
    <Stack gap="lg" maw={960} mx="auto">
      <Group justify="space-between" align="flex-end" gap="md">
        <Stack gap={4}>
          <Title order={1} fz="h2">
            {t.title}
          </Title>
          <Text fz="sm" c="dimmed">
            {t.intro}
          </Text>
        </Stack>
        {abilities.canSomewhere('network.create') && (
          <ButtonLink to="/w/$workspace/network/interactions/new" params={{ workspace }} search={{}}>
            {t.add}
          </ButtonLink>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm" role="search" aria-label={t.title}>
        <Select
          label={t.kind}
          placeholder={t.anyKind}
          data={INTERACTION_KINDS.map((kind) => ({ value: kind, label: messages.interactions.kind[kind] }))}
          value={search.kind ?? null}
          clearable
          onChange={(value) => setSearch({ kind: (value as InteractionKind | null) ?? undefined })}
          comboboxProps={{ withinPortal: true }}
        />
        <TextInput
          type="date"
          label={t.from}
          value={search.from ?? ''}
          onChange={(e) => setSearch({ from: e.currentTarget.value || undefined })}
        />
        <TextInput
          type="date"
          label={t.to}
          value={search.to ?? ''}
          onChange={(e) => setSearch({ to: e.currentTarget.value || undefined })}
        />
      </SimpleGrid>
      <Group justify="space-between" gap="sm">
        <Switch
          label={t.myOpenSteps}
          checked={search.mine === true}
          onChange={(e) => setSearch({ mine: e.currentTarget.checked ? true : undefined })}
          data-testid="interactions-mine"
        />
        {filtered && (
          <Button variant="subtle" onClick={() => void navigate({ search: {}, replace: true })}>
            {t.clear}
          </Button>
        )}
      </Group>
      <InteractionTimeline workspace={workspace} filter={interactionsFilter(search)} />
    </Stack>
  );
}
