import type { KpiKind } from '../../domain/catalogue/types.ts';
import type { KpiEntryValues, KpiEntryWithAuthor } from './entries-repository.ts';
import type { KpiEntryDto } from './entries-schema.ts';
import { toApiNumber, toStoredNumber } from './kpi-units.ts';

export function presentEntry(row: KpiEntryWithAuthor, kind: KpiKind): KpiEntryDto {
  return {
    id: row.id,
    activityId: row.activity_id,
    kpiKey: row.kpi_key,
    kind,
    value: row.value_text ?? toApiNumber(kind, row.value_number ?? 0),
    recordedOn: row.recorded_on,
    comment: row.comment,
    author:
      row.author_user_id !== null && row.author_name !== null
        ? { id: row.author_user_id, name: row.author_name }
        : null,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A checked value as stored: text in `value_text`, numbers in `value_number` (money in cents). */
export function storedEntryValue(
  kind: KpiKind,
  value: number | string,
): Pick<KpiEntryValues, 'value_number' | 'value_text'> {
  return typeof value === 'string'
    ? { value_number: null, value_text: value.trim() }
    : { value_number: toStoredNumber(kind, value), value_text: null };
}
