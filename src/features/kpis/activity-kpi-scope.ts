import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../domain/access/policy.ts';
import { InvalidInputError, NotFoundError } from '../../domain/errors.ts';
import { ActivityRepository, type ActivityRow } from '../activities/repository.ts';
import { type TrackedKpi, trackedKpis } from './definitions.ts';
import { InstrumentKpiRepository } from './instrument-kpis-repository.ts';

/** An activity of the actor's workspace with the KPIs it tracks (the Hub's, then its instrument's). */
export interface ActivityKpis {
  activity: ActivityRow;
  kpis: TrackedKpi[];
}

/**
 * The activity and its tracked KPIs, or 404 (also for another workspace's id). `field`: the
 * request field that named the activity (`body.activityId`), for the problem's field list.
 */
export async function loadActivityKpis(
  db: Kysely<DB>,
  actor: Actor,
  activityId: string,
  field?: string,
): Promise<ActivityKpis> {
  const activity = await new ActivityRepository(db).find(actor.workspaceId, activityId);
  if (!activity) throw new NotFoundError('activity', activityId, field);
  const instruments = await new InstrumentKpiRepository(db).byIds([activity.instrument_id]);
  return { activity, kpis: trackedKpis(instruments.get(activity.instrument_id) ?? null) };
}

/** The tracked KPI of this key. @throws InvalidInputError naming `field` when the activity has none. */
export function trackedKpi(kpis: readonly TrackedKpi[], kpiKey: string, field = 'body.kpiKey'): TrackedKpi {
  const kpi = kpis.find((k) => k.kpiKey === kpiKey);
  if (kpi) return kpi;
  const known = kpis.map((k) => k.kpiKey).join(', ');
  throw new InvalidInputError(`The activity has no KPI "${kpiKey}"`, [
    { field, message: `is not a KPI of this activity (its KPIs: ${known})` },
  ]);
}
