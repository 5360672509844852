import { CloseButton, Text, TextInput, type TextInputProps } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import type { InfiniteData } from '@tanstack/react-query';
import { type ReactNode, useMemo, useState } from 'react';
import { messages } from '../messages/en.ts';
import { hasFilters, type ListSearch, mergeSearch, withoutListFilters } from './list-search.ts';
import { SortableTh, type TableSort } from './sortable-th.tsx';

/**
 * What every list page (members, people, markets, activities, the audit log) shares: its search,
 * filters and order live in the address; the search box writes `q` there after a pause; a column
 * header sorts the list; "clear filters" keeps the order and page size; a saved view replaces the
 * whole address. A page declares its filters and columns and uses what `useListView` returns.
 */

/** Changes the address: `update` turns the current search into the next one (replacing history). */
export type ListNavigate<S> = (update: (previous: S) => S) => void;

/** Milliseconds of quiet after typing before the search goes to the address. */
const SEARCH_DELAY = 300;

export interface ListViewOptions<S extends ListSearch> {
  /** The address's search now (the route's `useSearch()`). */
  search: S;
  navigate: ListNavigate<S>;
  /** The list's order without a `sort` (the API's default key, e.g. `createdAt`, `-at`). */
  defaultSort: string;
  /** Whether the list is narrowed (default: any parameter but `sort` and `limit`). */
  isFiltered?: (search: S) => boolean;
  /** What a saved view keeps of the address (default: all of it). */
  viewSearch?: (search: S) => object;
}

export interface ListView<S extends ListSearch> {
  /** Changes some parameters; undefined removes one. */
  setSearch: (change: Partial<S>) => void;
  /** The search box: what is typed now (the address follows after a pause). */
  query: string;
  changeQuery: (value: string) => void;
  filtered: boolean;
  /** Removes the search and filters; the order and page size stay. */
  clearFilters: () => void;
  /** The list's order, for a table that sorts by its headers. */
  sorting: TableSort;
  /** A header that sorts the list by `key` (the API's sort key). */
  sortable: (label: string, key: string, options?: SortableOptions) => ReactNode;
  /** For `<SavedViews>`: the address a view would keep, and how a chosen view is applied. */
  views: { search: Record<string, unknown>; onApply: (query: Record<string, string>) => void };
}

export interface SortableOptions {
  /** Sort descending on the first click (dates, counts: the most first). */
  descendingFirst?: boolean;
  ta?: 'left' | 'right';
}

/** The wiring of a list page: its address, search box, filters, sort and saved views. */
export function useListView<S extends ListSearch>({
  search,
  navigate,
  defaultSort,
  isFiltered = hasFilters,
  viewSearch = (current) => current,
}: ListViewOptions<S>): ListView<S> {
  const [query, setQuery] = useState(search.q ?? '');
  const setSearch = (change: Partial<S>) => navigate((previous) => mergeSearch(previous, change));
  const writeQuery = useDebouncedCallback((value: string) => {
    setSearch({ q: value.trim() ? value : undefined } as Partial<S>);
  }, SEARCH_DELAY);
  const sorting: TableSort = {
    sort: search.sort,
    fallback: defaultSort,
    onSort: (sort) => setSearch({ sort } as Partial<S>),
  };
  return {
    setSearch,
    query,
    changeQuery: (value) => {
      setQuery(value);
      writeQuery(value);
    },
    filtered: isFiltered(search),
    clearFilters: () => {
      setQuery('');
      navigate((previous) => withoutListFilters(previous));
    },
    sorting,
    sortable: (label, key, options = {}) => (
      <SortableTh
        key={key}
        label={label}
        sortKey={key}
        sort={sorting.sort}
        fallback={sorting.fallback}
        onSort={sorting.onSort}
        descendingFirst={options.descendingFirst ?? false}
        {...(options.ta ? { ta: options.ta } : {})}
      />
    ),
    views: {
      search: viewSearch(search) as Record<string, unknown>,
      onApply: (view) => {
        setQuery(view.q ?? '');
        // A view holds the address as text, as the route reads it back: `validateSearch` checks it.
        navigate(() => view as unknown as S);
      },
    },
  };
}

/** The rows of every page loaded so far, and the total the server counted. */
export function useListRows<T>(data: InfiniteData<{ items: T[]; total: number }> | undefined) {
  const items = useMemo(() => data?.pages.flatMap((page) => page.items) ?? [], [data]);
  return { items, total: data?.pages[0]?.total ?? 0, loaded: data !== undefined };
}

/** "25 of 132 organisations" while pages remain, "132 organisations" once all show (a live region). */
export function ListCount({
  rows,
  noun,
  testId,
}: {
  rows: { items: unknown[]; total: number; loaded: boolean };
  noun: readonly [string, string];
  testId: string;
}) {
  return (
    <Text role="status" fw={600} c="dimmed" data-testid={testId}>
      {rows.loaded ? messages.lists.shown(rows.items.length, rows.total, noun) : ''}
    </Text>
  );
}

/** The search box of a list: Escape or the cross clears it. */
export function ListSearchInput({
  view,
  label,
  placeholder,
  clearLabel,
  ...props
}: {
  view: Pick<ListView<ListSearch>, 'query' | 'changeQuery'>;
  label: string;
  placeholder: string;
  clearLabel: string;
} & Omit<TextInputProps, 'label' | 'placeholder' | 'value' | 'onChange'>) {
  const { query, changeQuery } = view;
  return (
    <TextInput
      label={label}
      placeholder={placeholder}
      value={query}
      onChange={(event) => changeQuery(event.currentTarget.value)}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && query) changeQuery('');
      }}
      autoComplete="off"
      spellCheck={false}
      rightSection={
        query ? <CloseButton size="sm" aria-label={clearLabel} onClick={() => changeQuery('')} /> : null
      }
      {...props}
    />
  );
}
