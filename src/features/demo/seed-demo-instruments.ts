import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../domain/access/policy.ts';
import { addDays } from '../../domain/dates.ts';
import { createActivityBody } from '../activities/schema.ts';
import type { ActivityService } from '../activities/service.ts';
import { type ActivityEstimateInput, activityEstimateBody, type EstimateDto } from '../budgets/schema.ts';
import type { UpdateInstrumentInput, WorkspaceInstrumentDto } from '../instruments/schema.ts';
import type { WorkspaceInstrumentService } from '../instruments/workspace-service.ts';

export interface DemoInstrumentServices {
  db: Kysely<DB>;
  activities: ActivityService;
  workspaceInstruments: WorkspaceInstrumentService;
  commands: {
    estimateActivity: (
      actor: Actor,
      activityId: string,
      input: ActivityEstimateInput,
    ) => Promise<EstimateDto>;
    updateInstrument: (
      actor: Actor,
      idOrKey: string,
      input: UpdateInstrumentInput,
    ) => Promise<WorkspaceInstrumentDto>;
  };
}

/** The demo's custom instrument: the training instrument adapted to a 6-day package. */
export const DEMO_CUSTOM_INSTRUMENT = {
  key: 'training-to-go-international-extended',
  name: 'Training to go international, extended (6 days)',
  days: 6,
} as const;

/**
 * A custom instrument in the demo (issue 20, item 2): the coordinator copies the D4.2 training
 * instrument, gives it 6 days of preparation instead of 4, and plans one training with it in a
 * plan that is under way, estimated from the adapted model. Through the same use cases as a user.
 */
export async function seedDemoCustomInstrument(
  services: DemoInstrumentServices,
  actor: Actor,
  today = new Date().toISOString().slice(0, 10),
): Promise<void> {
  const copy = await services.workspaceInstruments.copy(actor, 'training-to-go-international', {
    key: DEMO_CUSTOM_INSTRUMENT.key,
    name: DEMO_CUSTOM_INSTRUMENT.name,
  });
  const adapted = await services.commands.updateInstrument(actor, copy.id, {
    version: copy.version,
    budgetText: `Coordination and organisation activity by clusters: ${DEMO_CUSTOM_INSTRUMENT.days} days of work for the preparation of 1 extended training package`,
    budgetItems: copy.budget.items.map((item) =>
      item.kind === 'effort_days_per_unit'
        ? {
            ...item,
            days: DEMO_CUSTOM_INSTRUMENT.days,
            source: `${DEMO_CUSTOM_INSTRUMENT.days} days of work per extended package`,
          }
        : item,
    ),
  });
  const day = addDays(today, 40);
  const plan = await services.db
    .selectFrom('plan')
    .select('id')
    .where('workspace_id', '=', actor.workspaceId)
    .where('starts_on', '<=', day)
    .where('ends_on', '>=', day)
    .orderBy('starts_on')
    .orderBy('id')
    .executeTakeFirst();
  const activity = await services.activities.create(
    actor,
    createActivityBody.parse({
      planId: plan?.id ?? null,
      instrumentKey: adapted.key,
      title: 'Extended export-readiness training',
      startsOn: day,
      endsOn: addDays(day, 1),
      city: 'Leuven',
      country: 'BE',
      status: 'planned',
    }),
  );
  await services.commands.estimateActivity(
    actor,
    activity.id,
    activityEstimateBody.parse({
      parameters: { units: 1 },
      fundingSource: 'cluster',
      apply: true,
      version: activity.version,
    }),
  );
}
