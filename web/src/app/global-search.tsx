import '@mantine/spotlight/styles.css';
import {
  ActionIcon,
  CloseButton,
  Group,
  Kbd,
  Loader,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { createSpotlight, Spotlight, type SpotlightStore, useSpotlight } from '@mantine/spotlight';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useMemo, useState } from 'react';
import { api, unwrap } from '../api/client.ts';
import { messages } from '../messages/en.ts';
import { workspaceKeys } from '../queries/keys.ts';
import { hitCount, type SearchEntry, searchSections } from './search-results.ts';

const t = messages.globalSearch;
const LIST_ID = 'global-search-results';
const HELP_ID = 'global-search-help';
/** Results per kind: enough to pick from, few enough to read on a phone. */
const PER_KIND = 5;
/** Wait this long after the last key before asking the server. */
const DEBOUNCE_MS = 200;

function searchQuery(workspace: string, q: string) {
  return queryOptions({
    queryKey: [...workspaceKeys.all(workspace), 'search', q] as const,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/search', {
          params: { path: { workspace }, query: { q, limit: PER_KIND } },
          signal,
        }),
      ),
    staleTime: 30_000,
    placeholderData: keepPreviousData,
  });
}

const optionId = (entry: SearchEntry) => `global-search-${entry.key}`;

/**
 * Marks the first result as chosen (what Enter opens), as the dialog does itself when the text
 * changes; the results arrive later, from the server, so it is done again when they do.
 */
function selectFirst(store: SpotlightStore) {
  const list = document.getElementById(LIST_ID);
  const actions = list?.querySelectorAll('[data-action]') ?? [];
  list?.querySelector('[data-selected]')?.removeAttribute('data-selected');
  actions[0]?.setAttribute('data-selected', 'true');
  store.setState({ ...store.getState(), selected: actions.length > 0 ? 0 : -1 });
}

/**
 * The header's search: a box (an icon on a phone) that opens a dialog finding members, people,
 * markets, plans and activities of the workspace by name, also with Ctrl-K / Cmd-K anywhere and
 * "/" outside a text field. Only what the server answers this user is shown.
 */
export function GlobalSearch({ workspace, workspaceName }: { workspace: string; workspaceName: string }) {
  const [store, dialog] = useMemo(() => createSpotlight(), []);
  const { opened } = useSpotlight(store);
  // The dialog moves its choice without telling React (its store's silent update): read it after
  // each key and after the results arrive, for the input's aria-activedescendant.
  const [selected, setSelected] = useState(-1);
  const readSelected = () => queueMicrotask(() => setSelected(store.getState().selected));
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), DEBOUNCE_MS);
  const results = useQuery({ ...searchQuery(workspace, debounced), enabled: opened && debounced !== '' });
  const current = debounced !== '' && results.data?.q === debounced ? results.data : undefined;
  const sections = useMemo(() => (current ? searchSections(workspace, current) : []), [current, workspace]);
  const entries = sections.flatMap((section) => section.entries);
  const typing = query.trim() !== '' && (query.trim() !== debounced || results.isFetching);

  // "/" opens the search unless the user is typing in a field (Ctrl-K works there too).
  useHotkeys([['/', () => dialog.open()]]);
  useEffect(() => {
    if (sections.length === 0) {
      setSelected(-1);
      return;
    }
    queueMicrotask(() => {
      selectFirst(store);
      setSelected(store.getState().selected);
    });
  }, [sections, store]);

  const status =
    query.trim() === ''
      ? t.hint
      : results.isError && !typing
        ? t.failed
        : current && !typing
          ? entries.length === 0
            ? t.nothing(current.q)
            : t.found(hitCount(sections))
          : t.searching;

  return (
    <>
      <UnstyledButton
        onClick={dialog.open}
        aria-label={t.open}
        aria-haspopup="dialog"
        visibleFrom="sm"
        data-testid="global-search-box"
        style={{
          border: '1px solid var(--mantine-color-gray-4)',
          borderRadius: 'var(--mantine-radius-md)',
          padding: '5px 8px 5px 10px',
          background: 'var(--mantine-color-white)',
        }}
      >
        <Group gap={8} wrap="nowrap">
          <SearchIcon />
          <Text component="span" fz="sm" c="dimmed" w={140}>
            {t.placeholder}
          </Text>
          <Kbd size="xs">Ctrl K</Kbd>
        </Group>
      </UnstyledButton>
      <ActionIcon
        onClick={dialog.open}
        aria-label={t.open}
        aria-haspopup="dialog"
        hiddenFrom="sm"
        variant="subtle"
        color="gray"
        size="lg"
        data-testid="global-search-icon"
      >
        <SearchIcon />
      </ActionIcon>

      <Spotlight.Root
        store={store}
        query={query}
        onQueryChange={setQuery}
        shortcut="mod + K"
        // Ctrl-K opens the search from inside a text field too.
        tagsToIgnore={[]}
        title={t.title(workspaceName)}
        styles={{
          header: { padding: '12px 16px 0', minHeight: 0 },
          title: { fontWeight: 600, fontSize: 'var(--mantine-font-size-sm)' },
          // Fully opaque details: the chosen result's stay readable on its coloured background.
          actionDescription: { opacity: 1 },
        }}
      >
        <Spotlight.Search
          placeholder={t.inputPlaceholder}
          aria-label={t.inputLabel}
          role="combobox"
          aria-expanded={entries.length > 0}
          aria-controls={LIST_ID}
          aria-autocomplete="list"
          aria-describedby={HELP_ID}
          aria-activedescendant={entries[selected] ? optionId(entries[selected]) : undefined}
          onKeyDown={readSelected}
          leftSection={<SearchIcon />}
          rightSection={
            typing ? (
              <Loader size="xs" aria-hidden="true" />
            ) : (
              <CloseButton aria-label={t.close} onClick={dialog.close} data-testid="global-search-close" />
            )
          }
          rightSectionPointerEvents="all"
          data-testid="global-search-input"
        />
        <VisuallyHidden id={HELP_ID}>{t.keyboardHelp}</VisuallyHidden>
        <Text role="status" fz="sm" c="dimmed" px="md" py={8} data-testid="global-search-status">
          {status}
        </Text>
        <Spotlight.ActionsList id={LIST_ID} role="listbox" aria-label={t.results}>
          {sections.map((section) => (
            <Spotlight.ActionsGroup
              key={section.kind}
              label={section.label}
              role="group"
              aria-label={section.label}
              data-testid={`global-search-group-${section.kind}`}
            >
              {section.entries.map((entry) => (
                <Spotlight.Action
                  key={entry.key}
                  // The dialog keeps an action's id for itself: the option's is set on the element.
                  ref={(node) => node?.setAttribute('id', optionId(entry))}
                  role="option"
                  aria-selected={entries[selected]?.key === entry.key}
                  label={entry.label}
                  description={entry.detail || undefined}
                  fw={entry.more ? 600 : undefined}
                  onClick={() => {
                    void navigate(entry.target);
                  }}
                  data-testid="global-search-hit"
                />
              ))}
            </Spotlight.ActionsGroup>
          ))}
        </Spotlight.ActionsList>
      </Spotlight.Root>
    </>
  );
}

function SearchIcon() {
  return (
    <svg
      width="18"
      height="18"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      aria-hidden="true"
      focusable="false"
    >
      <circle cx="10.5" cy="10.5" r="6.5" />
      <path d="M15.5 15.5l5 5" />
    </svg>
  );
}
