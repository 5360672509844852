/**
 * The form of a value entered by hand: the value (by the KPI's kind), the day it was recorded
 * (at most a year ahead) and a comment, mirroring `src/features/kpis/entries-schema.ts`. Pure.
 */
import type { CreateKpiEntryBody, KpiEntryDto, KpiKind, UpdateKpiEntryBody } from '../../api/types.ts';
import { messages } from '../../messages/en.ts';
import { addDays, dateError } from './form-rules.ts';
import { kpiInputValue, kpiValueError } from './kpi-values.ts';

const t = messages.kpis;
export const MAX_ENTRY_COMMENT = 2_000;

export interface KpiEntryFormValues {
  value: number | string;
  recordedOn: string;
  comment: string;
}
export type KpiEntryField = keyof KpiEntryFormValues;
export const KPI_ENTRY_FIELDS: KpiEntryField[] = ['value', 'recordedOn', 'comment'];

export function emptyKpiEntryForm(today: string): KpiEntryFormValues {
  return { value: '', recordedOn: today, comment: '' };
}

export function kpiEntryValuesOf(entry: KpiEntryDto): KpiEntryFormValues {
  return { value: entry.value, recordedOn: entry.recordedOn, comment: entry.comment };
}

export function validateKpiEntry(
  kind: KpiKind,
  values: KpiEntryFormValues,
  today: string,
): Partial<Record<KpiEntryField, string>> {
  const errors: Partial<Record<KpiEntryField, string>> = {};
  const value = kpiValueError(kind, values.value, 'entry');
  if (value) errors.value = value;
  const day = dateError(values.recordedOn);
  if (day) errors.recordedOn = day;
  else if (values.recordedOn > addDays(today, 366)) errors.recordedOn = t.errors.yearAhead;
  if (values.comment.trim().length > MAX_ENTRY_COMMENT) errors.comment = t.errors.commentMax;
  return errors;
}

export function kpiEntryBodyOf(
  activityId: string,
  kpiKey: string,
  kind: KpiKind,
  values: KpiEntryFormValues,
): CreateKpiEntryBody {
  return {
    activityId,
    kpiKey,
    value: kpiInputValue(kind, values.value),
    recordedOn: values.recordedOn,
    comment: values.comment.trim(),
  };
}

/** Only what changed, with the version read. */
export function kpiEntryPatchOf(entry: KpiEntryDto, values: KpiEntryFormValues): UpdateKpiEntryBody {
  const patch: UpdateKpiEntryBody = { version: entry.version };
  const value = kpiInputValue(entry.kind, values.value);
  if (value !== entry.value) patch.value = value;
  if (values.recordedOn !== entry.recordedOn) patch.recordedOn = values.recordedOn;
  if (values.comment.trim() !== entry.comment) patch.comment = values.comment.trim();
  return patch;
}
