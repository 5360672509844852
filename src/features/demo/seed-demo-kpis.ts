import type { Actor } from '../../domain/access/policy.ts';
import { attendanceBody } from '../activities/schema.ts';
import type { ActivityService } from '../activities/service.ts';
import { createKpiEntryBody } from '../kpis/entries-schema.ts';
import type { KpiEntryService } from '../kpis/entries-service.ts';
import { createKpiTargetBody } from '../kpis/targets-schema.ts';
import type { KpiTargetService } from '../kpis/targets-service.ts';
import { demoKpis } from './demo-kpis.ts';
import type { DemoActivity, DemoPlan } from './demo-planning.ts';

/** The use cases the KPI part of the demo seed goes through. */
export interface DemoKpiServices {
  activities: ActivityService;
  kpiTargets: KpiTargetService;
  kpiEntries: KpiEntryService;
}

/** What the planning seed wrote, in programme order. */
export interface SeededProgramme {
  planIds: readonly string[];
  activityIds: readonly string[];
  /** Each activity's participants, in the order they were added. */
  participantIds: readonly (readonly string[])[];
}

/**
 * Writes the demo's KPI targets, attendance and hand-entered values (`demo-kpis.ts`) through the
 * KPI and activity use cases, as the demo coordinator, so the dashboard and a funder report show
 * real shapes at first start: the derived values are computed from the attendance and cost lines.
 */
export async function seedDemoKpis(
  services: DemoKpiServices,
  actor: Actor,
  programme: { plans: readonly DemoPlan[]; activities: readonly DemoActivity[] },
  seeded: SeededProgramme,
): Promise<{ targets: number; entries: number; present: number }> {
  const { targets, entries, attendance } = demoKpis(programme.plans, programme.activities);
  const { kpiTargets: targetService, kpiEntries: entryService, activities } = services;
  const idOf = (list: readonly string[], index: number | undefined) => list[index ?? -1] as string;

  for (const target of targets) {
    const body =
      target.plan !== undefined
        ? {
            planId: idOf(seeded.planIds, target.plan),
            instrumentId: null,
            kpiKey: target.kpiKey,
            value: target.value,
          }
        : {
            activityId: idOf(seeded.activityIds, target.activity),
            kpiKey: target.kpiKey,
            value: target.value,
          };
    await targetService.create(actor, createKpiTargetBody.parse(body));
  }
  let present = 0;
  for (const { activity, present: count } of attendance) {
    const participants = seeded.participantIds[activity] ?? [];
    for (const [index, participantId] of participants.entries()) {
      const status = index < count ? 'present' : 'absent';
      if (status === 'present') present++;
      await activities.setAttendance(
        actor,
        idOf(seeded.activityIds, activity),
        participantId,
        attendanceBody.parse({ attendance: status }),
      );
    }
  }
  for (const entry of entries) {
    const spec = programme.activities[entry.activity] as DemoActivity;
    await entryService.create(
      actor,
      createKpiEntryBody.parse({
        activityId: idOf(seeded.activityIds, entry.activity),
        kpiKey: entry.kpiKey,
        value: entry.value,
        recordedOn: spec.endsOn,
        comment: entry.comment,
      }),
    );
  }
  return { targets: targets.length, entries: entries.length, present };
}
