import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { countryName } from '../../app/format.ts';
import { alertStyles } from '../../components/alerts.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { messages } from '../../messages/en.ts';
import {
  type CatalogueEntry,
  type CatalogueFilters,
  type MeetingTypeCode,
  marketplaceApi,
  marketplaceKeys,
  type SegmentCode,
} from './marketplace-api.ts';
import { segmentLabel } from './marketplace-words.ts';
import type { EventViewer } from './viewer.ts';

const t = messages.eventMarketplace;
const c = t.catalogue;
const PAGE = 20;
const portal = { comboboxProps: { withinPortal: true } };

/** The catalogue of approved participants: search, filters, cards, "show more". */
export function MarketplaceCatalogue({
  viewer,
  onOpen,
}: {
  viewer: EventViewer;
  onOpen: (entry: CatalogueEntry) => void;
}) {
  const market = marketplaceApi(viewer);
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const [country, setCountry] = useState<string | null>(null);
  const [segment, setSegment] = useState<string | null>(null);
  const [tag, setTag] = useState<string | null>(null);
  const [meetingType, setMeetingType] = useState<string | null>(null);
  const [limit, setLimit] = useState(PAGE);
  const filters: CatalogueFilters = {
    limit,
    ...(debounced ? { q: debounced } : {}),
    ...(country ? { country: [country] } : {}),
    ...(segment ? { segment: [segment as SegmentCode] } : {}),
    ...(tag ? { tag: [tag] } : {}),
    ...(meetingType ? { meetingType: [meetingType as MeetingTypeCode] } : {}),
  };
  const query = useQuery({
    queryKey: marketplaceKeys.catalogue(viewer, filters),
    queryFn: ({ signal }) => market.catalogue(filters, signal),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const facets = query.data?.facets ?? { countries: [], segments: [], tags: [] };
  const anyOption = (values: { value: string; label: string }[]) => values;
  return (
    <Stack gap="sm" data-testid="marketplace-catalogue">
      <TextInput
        label={c.search}
        placeholder={c.searchPlaceholder}
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          setLimit(PAGE);
        }}
        type="search"
      />
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        <Select
          label={c.country}
          placeholder={c.any}
          clearable
          searchable
          value={country}
          onChange={setCountry}
          data={anyOption(facets.countries.map((code) => ({ value: code, label: countryName(code) })))}
          {...portal}
        />
        <Select
          label={c.segment}
          placeholder={c.any}
          clearable
          value={segment}
          onChange={setSegment}
          data={facets.segments.map((code) => ({ value: code, label: segmentLabel(code) }))}
          {...portal}
        />
        <Select
          label={c.tag}
          placeholder={c.any}
          clearable
          searchable
          value={tag}
          onChange={setTag}
          data={facets.tags.map((value) => ({ value, label: value }))}
          {...portal}
        />
        <Select
          label={c.meetingType}
          placeholder={c.any}
          clearable
          value={meetingType}
          onChange={setMeetingType}
          data={Object.entries(t.meetingType).map(([value, label]) => ({ value, label }))}
          {...portal}
        />
      </SimpleGrid>
      {query.isError ? (
        <Alert color="red" variant="light" styles={alertStyles('red')} role="alert">
          {t.loadError}
        </Alert>
      ) : null}
      {query.data ? (
        <>
          <Text fz="sm" c="dimmed" aria-live="polite">
            {c.count(query.data.total)}
          </Text>
          {query.data.items.length === 0 ? (
            <EmptyState title={c.empty} body={c.emptyBody} testId="catalogue-empty" />
          ) : (
            query.data.items.map((entry) => (
              <CatalogueCard
                key={entry.id}
                entry={entry}
                isMe={entry.id === query.data.participantId}
                onOpen={() => onOpen(entry)}
              />
            ))
          )}
          {query.data.items.length < query.data.total ? (
            <Group>
              <Button variant="default" onClick={() => setLimit((n) => Math.min(100, n + PAGE))}>
                {c.more}
              </Button>
            </Group>
          ) : null}
        </>
      ) : null}
    </Stack>
  );
}

function CatalogueCard({
  entry,
  isMe,
  onOpen,
}: {
  entry: CatalogueEntry;
  isMe: boolean;
  onOpen: () => void;
}) {
  return (
    <Paper withBorder radius="md" p="md" data-testid="catalogue-entry">
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {entry.name}
          </Text>
          <Group gap={4} wrap="wrap">
            {isMe ? (
              <Badge color="gray.8" variant="light" c="var(--mantine-color-text)">
                {c.you}
              </Badge>
            ) : null}
            {entry.member ? (
              <Badge color="blue.9" variant="light" c="var(--mantine-color-text)">
                {c.member}
              </Badge>
            ) : null}
            {entry.request ? (
              <Badge color="teal.9" variant="light" c="var(--mantine-color-text)">
                {c.requestState(
                  t.status[entry.request.status] ?? entry.request.status,
                  entry.request.direction === 'sent' ? c.sent : c.received,
                )}
              </Badge>
            ) : null}
          </Group>
        </Group>
        <Text fz="sm" c="dimmed">
          {[entry.city, countryName(entry.country)].filter(Boolean).join(', ')}
        </Text>
        {entry.offers ? (
          <Text fz="sm" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
            {t.profile.offers}: {entry.offers}
          </Text>
        ) : null}
        {entry.lookingFor ? (
          <Text fz="sm" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
            {t.profile.lookingFor}: {entry.lookingFor}
          </Text>
        ) : null}
        <Group>
          <Button size="xs" variant="light" onClick={onOpen} aria-label={`${c.view}: ${entry.name}`}>
            {c.view}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
