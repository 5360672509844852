/**
 * The KPI target form's values, rules and request bodies, for an activity's target or a plan's
 * (on one of its instruments, or a Hub KPI of the whole plan). Pure.
 */
import type { CreateKpiTargetBody, KpiKind, UpdateKpiTargetBody } from '../../api/types.ts';
import { kpiValueError } from './kpi-values.ts';

export interface KpiTargetFormValues {
  value: number | string;
}
export type KpiTargetField = keyof KpiTargetFormValues;
export const KPI_TARGET_FIELDS: KpiTargetField[] = ['value'];

/** Where a target applies: an activity, or a plan (instrumentId null: a Hub KPI of the plan). */
export type KpiTargetScope = { activityId: string } | { planId: string; instrumentId: string | null };

/** A target as the form edits it: what the KPI panel and the plan's targets both carry. */
export interface EditableTarget {
  id: string;
  value: number;
  version: number;
}

export function kpiTargetValuesOf(target: EditableTarget | null): KpiTargetFormValues {
  return { value: target ? target.value : '' };
}

export function validateKpiTarget(
  kind: KpiKind,
  values: KpiTargetFormValues,
): Partial<Record<KpiTargetField, string>> {
  const value = kpiValueError(kind, values.value, 'target');
  return value ? { value } : {};
}

export function kpiTargetBodyOf(
  scope: KpiTargetScope,
  kpiKey: string,
  values: KpiTargetFormValues,
): CreateKpiTargetBody {
  return { ...scope, kpiKey, value: Number(values.value) };
}

export function kpiTargetPatchOf(target: EditableTarget, values: KpiTargetFormValues): UpdateKpiTargetBody {
  return { value: Number(values.value), version: target.version };
}
