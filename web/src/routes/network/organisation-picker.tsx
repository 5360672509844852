import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { countryName } from '../../app/format.ts';
import { messages } from '../../messages/en.ts';
import { networkKeys } from './queries.ts';

const t = messages.network.picker;

const optionLabel = (o: NetworkOrganisationOption) => `${o.name} · ${countryName(o.country)}`;

export interface NetworkOrganisationOption {
  id: string;
  name: string;
  country: string;
}

/**
 * A searchable select over the network organisations (the list API's `q`, 300 ms after typing),
 * labelled and keyboard-operable (Mantine's combobox: arrows, Enter, Escape). The chosen
 * organisation keeps its label while the search changes.
 *
 * @example
 * <NetworkOrganisationPicker workspace={w} value={id} onChange={(id) => setId(id)} />
 */
export function NetworkOrganisationPicker({
  workspace,
  value,
  onChange,
  label = t.organisation,
  excludeId,
  country,
  ...props
}: {
  workspace: string;
  value: string | null;
  onChange: (id: string | null, organisation: NetworkOrganisationOption | null) => void;
  label?: string;
  /** An organisation not to offer (the one being merged). */
  excludeId?: string;
  /** Only organisations of this country. */
  country?: string;
} & Omit<SelectProps, 'value' | 'onChange' | 'data' | 'label'>) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  const known = useRef(new Map<string, NetworkOrganisationOption>());
  // The box shows the chosen option's label: that is no search.
  const current = value ? known.current.get(value) : undefined;
  const q = debounced.trim() && (!current || debounced !== optionLabel(current)) ? debounced.trim() : '';
  const list = useQuery({
    queryKey: [...networkKeys.organisations(workspace), 'picker', q, country ?? null] as const,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/network/organisations', {
          params: {
            path: { workspace },
            query: { limit: 50, ...(q ? { q } : {}), ...(country ? { country } : {}) },
          },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const selected = useQuery({
    queryKey: [...networkKeys.organisation(workspace, value ?? ''), 'picker'] as const,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/network/organisations/{id}', {
          params: { path: { workspace, id: value ?? '' } },
          signal,
        }),
      ),
    enabled: value !== null && !known.current.has(value),
    staleTime: 60_000,
  });
  const data = useMemo(() => {
    for (const o of list.data?.items ?? []) known.current.set(o.id, o);
    if (selected.data) known.current.set(selected.data.id, selected.data);
    const options: NetworkOrganisationOption[] = (list.data?.items ?? []).filter((o) => o.id !== excludeId);
    const chosen = value ? known.current.get(value) : undefined;
    if (chosen && !options.some((o) => o.id === chosen.id)) options.unshift(chosen);
    return options.map((o) => ({ value: o.id, label: optionLabel(o) }));
  }, [list.data, selected.data, value, excludeId]);

  return (
    <Select
      label={label}
      placeholder={t.searchOrganisation}
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
