import { Group, Table, type TableThProps, UnstyledButton } from '@mantine/core';
import { messages } from '../messages/en.ts';
import { nextSort, sortDirection } from './list-sort.ts';

/** A list sorted by the server: the address's sort, the list's default, and how to change it. */
export interface TableSort {
  sort: string | undefined;
  fallback: string;
  onSort: (sort: string | undefined) => void;
}

/**
 * A column header that sorts its list: a button (keyboard and screen readers reach it) that sorts
 * by its key, then reverses; `aria-sort` says how the column is sorted now.
 */
export function SortableTh({
  label,
  sortKey,
  sort,
  fallback,
  onSort,
  descendingFirst = false,
  ...props
}: {
  label: string;
  sortKey: string;
  /** The address's sort (`name`, `-name`), undefined for the default order. */
  sort: string | undefined;
  /** The list's order without a `sort`. */
  fallback: string;
  onSort: (sort: string | undefined) => void;
  descendingFirst?: boolean;
} & Omit<TableThProps, 'children'>) {
  const direction = sortDirection(sort, sortKey, fallback);
  return (
    <Table.Th scope="col" aria-sort={direction === 'none' ? undefined : direction} {...props}>
      <UnstyledButton
        onClick={() => onSort(nextSort(sort, sortKey, fallback, descendingFirst))}
        fz="sm"
        fw={700}
        title={messages.lists.sortBy(label)}
        data-testid={`sort-${sortKey}`}
        style={{ whiteSpace: 'nowrap' }}
      >
        <Group gap={4} wrap="nowrap" component="span">
          <span>{label}</span>
          <SortIcon direction={direction} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

/** A column's header: one that sorts the list when the table is given its `sorting`, plain otherwise. */
export function ColumnHeader({
  label,
  sortKey,
  sorting,
  descendingFirst = false,
}: {
  label: string;
  sortKey: string;
  sorting: TableSort | undefined;
  descendingFirst?: boolean;
}) {
  return sorting ? (
    <SortableTh label={label} sortKey={sortKey} {...sorting} descendingFirst={descendingFirst} />
  ) : (
    <Table.Th scope="col">{label}</Table.Th>
  );
}

function SortIcon({ direction }: { direction: 'ascending' | 'descending' | 'none' }) {
  const path =
    direction === 'none'
      ? 'M8 9l4-4 4 4M8 15l4 4 4-4'
      : direction === 'ascending'
        ? 'M12 19V5M6 11l6-6 6 6'
        : 'M12 5v14M6 13l6 6 6-6';
  return (
    <svg
      width="14"
      height="14"
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="2.2"
      strokeLinecap="round"
      strokeLinejoin="round"
      style={direction === 'none' ? { opacity: 0.45 } : undefined}
    >
      <path d={path} />
    </svg>
  );
}
