import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../domain/access/policy.ts';
import { seededRandom } from '../../domain/random.ts';
import { addParticipantBody, createActivityBody } from '../activities/schema.ts';
import type { AuthService } from '../auth/service.ts';
import type { CostLineService } from '../budgets/cost-line-service.ts';
import {
  type ActivityEstimateInput,
  activityEstimateBody,
  createCostLineBody,
  type EstimateDto,
} from '../budgets/schema.ts';
import { createMarketBody } from '../markets/schema.ts';
import type { MarketService } from '../markets/service.ts';
import type { OrganisationService } from '../organisations/service.ts';
import { createPlanBody } from '../plans/schema.ts';
import type { PlanService } from '../plans/service.ts';
import { demoActualFactor, demoPlanning } from './demo-planning.ts';
import { type DemoKpiServices, seedDemoKpis } from './seed-demo-kpis.ts';

/** The use cases the demo seed goes through (the composition root's services fit). */
export interface DemoServices extends DemoKpiServices {
  db: Kysely<DB>;
  auth: AuthService;
  markets: MarketService;
  plans: PlanService;
  costLines: CostLineService;
  organisations: OrganisationService;
  commands: {
    /** `src/commands/estimate-activity.ts`, wired by the composition root. */
    estimateActivity: (
      actor: Actor,
      activityId: string,
      input: ActivityEstimateInput,
    ) => Promise<EstimateDto>;
  };
}

/**
 * Writes the demo programme (`demo-planning.ts`) through the planning use cases, as the demo
 * coordinator: the same validation, estimates and audit trail as a user's own work. Runs after the
 * registry is written (each use case opens its own transaction).
 */
export async function seedDemoPlanning(
  services: DemoServices,
  actor: Actor,
  clusterIds: ReadonlyMap<string, string>,
  today = new Date().toISOString().slice(0, 10),
): Promise<{
  markets: number;
  plans: number;
  activities: number;
  targets: number;
  entries: number;
  present: number;
}> {
  const programme = demoPlanning(today);
  const { db, markets, plans, activities, costLines } = services;
  const random = seededRandom(2026);

  const marketIds: string[] = [];
  for (const market of programme.markets) {
    const created = await markets.create(
      actor,
      createMarketBody.parse({
        name: market.name,
        country: market.country,
        segments: market.segments,
        priority: market.priority,
        status: market.status,
        rationale: market.rationale,
        ownerClusterId: clusterIds.get(market.ownerCluster) ?? null,
      }),
    );
    marketIds.push(created.id);
  }

  const planIds: string[] = [];
  for (const plan of programme.plans) {
    const created = await plans.create(
      actor,
      createPlanBody.parse({
        marketId: marketIds[plan.market],
        name: plan.name,
        startsOn: plan.startsOn,
        endsOn: plan.endsOn,
        budgetCapEur: plan.budgetCapEur,
        status: plan.status,
        instruments: plan.instruments.map((i) => ({ instrumentKey: i.key, rationale: i.rationale })),
      }),
    );
    planIds.push(created.id);
  }

  const interested = await interestedOrganisations(db, actor.workspaceId);
  const activityIds: string[] = [];
  const participantIds: string[][] = [];
  for (const spec of programme.activities) {
    const activity = await activities.create(
      actor,
      createActivityBody.parse({
        planId: planIds[spec.plan],
        instrumentKey: spec.instrumentKey,
        title: spec.title,
        startsOn: spec.startsOn,
        endsOn: spec.endsOn,
        city: spec.city || null,
        country: spec.country || null,
        clusterId: clusterIds.get(spec.cluster) ?? null,
        status: spec.status,
        outcomeNotes: spec.outcomeNotes,
      }),
    );
    activityIds.push(activity.id);
    const market = programme.markets[programme.plans[spec.plan]?.market ?? 0];
    const organisations = interested.get(market?.country ?? '') ?? [];
    const participants: string[] = [];
    for (const organisationId of organisations.slice(0, spec.participants)) {
      const participant = await activities.addParticipant(
        actor,
        activity.id,
        addParticipantBody.parse({ organisationId, role: 'participant' }),
      );
      participants.push(participant.id);
    }
    participantIds.push(participants);
    const estimate = await services.commands.estimateActivity(
      actor,
      activity.id,
      activityEstimateBody.parse({
        parameters: spec.parameters,
        fundingSource: spec.fundingSource,
        apply: true,
        version: activity.version,
      }),
    );
    let plannedEur = estimate.totalEur;
    for (const extra of spec.extraPlanned) {
      plannedEur += extra.amountEur;
      await costLines.create(
        actor,
        activity.id,
        createCostLineBody.parse({ kind: 'planned', fundingSource: spec.fundingSource, ...extra }),
      );
    }
    if (spec.status === 'done' && plannedEur > 0) {
      const amountEur = Math.round(plannedEur * demoActualFactor(random) * 100) / 100;
      await costLines.create(
        actor,
        activity.id,
        createCostLineBody.parse({
          kind: 'actual',
          category: estimate.lines[0]?.category ?? spec.extraPlanned[0]?.category ?? 'other',
          fundingSource: spec.fundingSource,
          description: 'Spent, as invoiced',
          amountEur,
          incurredOn: spec.endsOn,
        }),
      );
    }
  }
  const kpis = await seedDemoKpis(services, actor, programme, { planIds, activityIds, participantIds });
  return {
    markets: marketIds.length,
    plans: planIds.length,
    activities: programme.activities.length,
    ...kpis,
  };
}

/** The workspace's organisations by the target-market countries they are interested in, in id order. */
async function interestedOrganisations(db: Kysely<DB>, workspaceId: string): Promise<Map<string, string[]>> {
  const rows = await db
    .selectFrom('organisation')
    .select(['id', 'target_market_interests'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('id')
    .execute();
  const byCountry = new Map<string, string[]>();
  for (const row of rows) {
    for (const country of JSON.parse(row.target_market_interests) as string[]) {
      byCountry.set(country, [...(byCountry.get(country) ?? []), row.id]);
    }
  }
  return byCountry;
}
