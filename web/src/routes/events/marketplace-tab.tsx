import { Alert, Badge, Button, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { isApiError } from '../../api/client.ts';
import { countryName } from '../../app/format.ts';
import { alertStyles } from '../../components/alerts.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { messages } from '../../messages/en.ts';
import { type CatalogueEntry, marketplaceApi, marketplaceKeys, type Suggestion } from './marketplace-api.ts';
import { MarketplaceCatalogue } from './marketplace-catalogue.tsx';
import { MarketplaceProfileDrawer } from './marketplace-profile-drawer.tsx';
import { reasonText } from './marketplace-words.ts';
import { RequestsMine } from './requests-mine.tsx';
import type { EventTabProps } from './viewer.ts';

const t = messages.eventMarketplace;
type View = 'suggestions' | 'catalogue' | 'requests';
/**
 * The marketplace of an event for a participant (a member's user, or an outside participant in
 * the event portal): suggestions with their reasons, the catalogue, and its requests.
 */
export function MarketplaceTab({ viewer }: EventTabProps) {
  const [view, setView] = useState<View>('suggestions');
  const [profile, setProfile] = useState<{ id: string; name: string } | null>(null);
  if (viewer.kind === 'member' && viewer.participantId === null) {
    return (
      <Alert
        color="blue"
        variant="light"
        styles={alertStyles('blue')}
        data-testid="marketplace-not-participant"
      >
        {t.notParticipant}
      </Alert>
    );
  }
  const participantId = viewer.kind === 'organiser' ? null : viewer.participantId;
  return (
    <Stack gap="md" data-testid="marketplace-tab">
      <SegmentedControl
        value={view}
        onChange={(value) => setView(value as View)}
        fullWidth
        data={[
          { value: 'suggestions', label: t.views.suggestions },
          { value: 'catalogue', label: t.views.catalogue },
          { value: 'requests', label: t.views.requests },
        ]}
        aria-label={t.catalogue.title}
      />
      {view === 'suggestions' ? (
        <SuggestionList viewer={viewer} participantId={participantId} onOpen={setProfile} />
      ) : view === 'catalogue' ? (
        <MarketplaceCatalogue viewer={viewer} onOpen={(entry) => setProfile(entry)} />
      ) : (
        <RequestsMine viewer={viewer} />
      )}
      <MarketplaceProfileDrawer
        viewer={viewer}
        fromParticipantId={participantId}
        participant={profile}
        onClose={() => setProfile(null)}
      />
    </Stack>
  );
}

function SuggestionList({
  viewer,
  participantId,
  onOpen,
}: EventTabProps & { participantId: string | null; onOpen: (p: { id: string; name: string }) => void }) {
  const market = marketplaceApi(viewer);
  const query = useQuery({
    queryKey: marketplaceKeys.suggestions(viewer, participantId),
    queryFn: ({ signal }) => market.suggestions(participantId, signal),
    staleTime: 30_000,
  });
  if (query.isPending) return <Text c="dimmed">…</Text>;
  if (query.isError) {
    return (
      <Alert color="red" variant="light" styles={alertStyles('red')} role="alert">
        {isApiError(query.error) && query.error.status === 403 ? t.notParticipant : t.loadError}
      </Alert>
    );
  }
  const items = query.data.items;
  return (
    <Stack gap="sm">
      <Title order={2} fz="lg">
        {t.suggestions.title}
      </Title>
      <Text c="dimmed" fz="sm">
        {t.suggestions.intro}
      </Text>
      {items.length === 0 ? (
        <EmptyState title={t.suggestions.empty} body={t.suggestions.emptyBody} testId="suggestions-empty" />
      ) : (
        items.map((item) => <SuggestionCard key={item.participantId} item={item} onOpen={onOpen} />)
      )}
    </Stack>
  );
}

function SuggestionCard({
  item,
  onOpen,
}: {
  item: Suggestion;
  onOpen: (p: { id: string; name: string }) => void;
}) {
  return (
    <Paper withBorder radius="md" p="md" data-testid="suggestion">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {item.name} · {countryName(item.country)}
          </Text>
          <Badge c="var(--mantine-color-text)" variant="light" color="teal.9">
            {t.suggestions.score(item.score)}
          </Badge>
        </Group>
        <Stack gap={2} component="ul" m={0} pl="md">
          {item.reasons.map((reason) => (
            <Text
              component="li"
              fz="sm"
              key={`${reason.kind}-${JSON.stringify(reason)}`}
              style={{ overflowWrap: 'anywhere' }}
            >
              {reasonText(reason)}
            </Text>
          ))}
        </Stack>
        <Group>
          <Button
            size="xs"
            variant="light"
            onClick={() => onOpen({ id: item.participantId, name: item.name })}
          >
            {t.suggestions.view}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

export type { CatalogueEntry };
