import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Language } from '../../../../src/domain/i18n/types.ts';
import type { Translated } from '../../../../src/domain/surveys/types.ts';
import { blankText, nextItemKey } from './questionnaire-draft.ts';

/** An item of a keyed list: a code (the API's) and its text in each declared language. */
export interface KeyedItem {
  key: string;
  label: Translated;
}

/** `never` for an item type with a required field besides `key` and `label`: the editor adds items with those two only. */
type AddableBlank<T> = KeyedItem extends T ? unknown : never;

/** What a list's parts are called on screen; an item's inputs and its remove button add its number. */
export interface KeyedListLabels {
  legend: string;
  item: string;
  itemKey: string;
  add: string;
  remove: string;
}

/**
 * A question's options or a matrix's rows: each item's English text and key edited in place,
 * removed, or added at the end with a free key. Errors are looked up at the list's own paths
 * (`options`, `options[0].label.en`, `options[0].key`); an item's other fields (an option's points)
 * come from `extraFields`, so the list knows nothing of what kind of item it holds.
 */
export function KeyedListEditor<T extends KeyedItem>({
  items,
  path,
  keyPrefix,
  labels,
  languages,
  readOnly,
  errorAt,
  onChange,
  extraFields,
}: {
  items: readonly T[] & AddableBlank<T>;
  /** The list's path in its question, for its errors (`options`, `rows`). */
  path: string;
  /** New items are keyed `${keyPrefix}_${n}`. */
  keyPrefix: string;
  labels: KeyedListLabels;
  languages: readonly Language[];
  readOnly: boolean;
  errorAt: (path: string) => string | undefined;
  onChange: (items: T[]) => void;
  /** An item's fields besides its text and key, after them (an option's points); `replace` changes the item. */
  extraFields?: (item: T, index: number, replace: (item: T) => void) => ReactNode;
}) {
  const replaceAt = (index: number, item: T) => {
    const next: T[] = [...items];
    next[index] = item;
    onChange(next);
  };
  const listError = errorAt(path);

  return (
    <Stack gap={6} component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
      <Text component="legend" fz="sm" fw={600}>
        {labels.legend}
      </Text>
      {items.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a place in the draft is its identity (its key is edited in place, which must not remount the input)
        <Group key={i} gap="xs" align="flex-start" wrap="wrap">
          <TextInput
            aria-label={`${labels.item} ${i + 1}`}
            placeholder={labels.item}
            value={item.label.en}
            onChange={(e) => replaceAt(i, { ...item, label: { ...item.label, en: e.currentTarget.value } })}
            error={errorAt(`${path}[${i}].label.en`)}
            style={{ flex: 2, minWidth: 160 }}
          />
          <TextInput
            aria-label={`${labels.itemKey} ${i + 1}`}
            placeholder={labels.itemKey}
            value={item.key}
            onChange={(e) => replaceAt(i, { ...item, key: e.currentTarget.value })}
            error={errorAt(`${path}[${i}].key`)}
            style={{ flex: 1, minWidth: 110 }}
          />
          {extraFields?.(item, i, (changed) => replaceAt(i, changed))}
          {!readOnly && (
            <ActionIcon
              variant="subtle"
              color="red.9"
              aria-label={`${labels.remove} ${i + 1}`}
              onClick={() => onChange(items.filter((_, at) => at !== i))}
              mt={4}
            >
              ×
            </ActionIcon>
          )}
        </Group>
      ))}
      {listError && (
        <Text fz="sm" c="red.9" role="alert">
          {listError}
        </Text>
      )}
      {!readOnly && (
        <Button
          variant="default"
          size="compact-sm"
          w="fit-content"
          onClick={() =>
            // A key and a label make a whole T (AddableBlank).
            onChange([
              ...items,
              {
                key: nextItemKey(
                  keyPrefix,
                  items.map((item) => item.key),
                ),
                label: blankText(languages),
              } as T,
            ])
          }
        >
          {labels.add}
        </Button>
      )}
    </Stack>
  );
}
