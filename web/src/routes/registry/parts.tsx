/** Pieces of the registry lists. */
import { Select } from '@mantine/core';
import { messages } from '../../messages/en.ts';
import { DEFAULT_PAGE_SIZE, PAGE_SIZES } from './search-params.ts';

/** Rows per page of a registry list; the default is kept out of the URL (`undefined`). */
export function PageSizeSelect({
  limit,
  onChange,
}: {
  limit: number | undefined;
  onChange(limit: number | undefined): void;
}) {
  return (
    <Select
      label={messages.registry.pageSize}
      data={PAGE_SIZES.map((n) => String(n))}
      value={String(limit ?? DEFAULT_PAGE_SIZE)}
      onChange={(value) => {
        const n = Number(value);
        onChange(n === DEFAULT_PAGE_SIZE ? undefined : n);
      }}
      allowDeselect={false}
      w={120}
      size="xs"
      comboboxProps={{ withinPortal: true }}
    />
  );
}
