import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { messages } from '../../messages/en.ts';
import { networkKeys } from './queries.ts';

const t = messages.network.picker;

const optionLabel = (p: NetworkPersonOption) =>
  p.organisationName ? `${p.name} · ${p.organisationName}` : p.name;

export interface NetworkPersonOption {
  id: string;
  name: string;
  organisationName: string | null;
  organisationId: string | null;
}

/**
 * A searchable select over the network people (name or e-mail, 300 ms after typing), optionally
 * only the people of one organisation; labelled and keyboard-operable.
 *
 * @example
 * <NetworkPersonPicker workspace={w} organisationId={orgId} value={id} onChange={setId} />
 */
export function NetworkPersonPicker({
  workspace,
  value,
  onChange,
  organisationId,
  label = t.person,
  excludeId,
  ...props
}: {
  workspace: string;
  value: string | null;
  onChange: (id: string | null, person: NetworkPersonOption | null) => void;
  /** Only the people of this network organisation. */
  organisationId?: string | null;
  label?: string;
  excludeId?: string;
} & Omit<SelectProps, 'value' | 'onChange' | 'data' | 'label'>) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  const known = useRef(new Map<string, NetworkPersonOption>());
  // The box shows the chosen option's label: that is no search.
  const current = value ? known.current.get(value) : undefined;
  const q = debounced.trim() && (!current || debounced !== optionLabel(current)) ? debounced.trim() : '';
  const list = useQuery({
    queryKey: [...networkKeys.people(workspace), 'picker', q, organisationId ?? null] as const,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/network/people', {
          params: {
            path: { workspace },
            query: {
              limit: 50,
              ...(q ? { q } : {}),
              ...(organisationId ? { organisationId } : {}),
            },
          },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const selected = useQuery({
    queryKey: [...networkKeys.person(workspace, value ?? ''), 'picker'] as const,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/network/people/{id}', {
          params: { path: { workspace, id: value ?? '' } },
          signal,
        }),
      ),
    enabled: value !== null && !known.current.has(value),
    staleTime: 60_000,
  });
  const data = useMemo(() => {
    for (const p of list.data?.items ?? []) known.current.set(p.id, p);
    if (selected.data) known.current.set(selected.data.id, selected.data);
    const options: NetworkPersonOption[] = (list.data?.items ?? []).filter((p) => p.id !== excludeId);
    const chosen = value ? known.current.get(value) : undefined;
    if (chosen && !options.some((p) => p.id === chosen.id)) options.unshift(chosen);
    return options.map((p) => ({ value: p.id, label: optionLabel(p) }));
  }, [list.data, selected.data, value, excludeId]);

  return (
    <Select
      label={label}
      placeholder={t.searchPerson}
      data={data}
      value={value}
      onChange={(id) => onChange(id, id ? (known.current.get(id) ?? null) : null)}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={list.isFetching ? messages.common.loading : t.nothingFound}
      comboboxProps={{ withinPortal: true }}
      {...props}
    />
  );
}
