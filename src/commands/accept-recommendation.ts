import type { Insertable, Kysely } from 'kysely';
import { newId, nowIso } from '../db/ids.ts';
import type { ActivityTable, CostLineTable, DB } from '../db/schema.ts';
import { writeTransaction } from '../db/write-transaction.ts';
import { type Actor, clusterScope, requireAccess } from '../domain/access/policy.ts';
import type { Phase } from '../domain/catalogue/types.ts';
import { addDays, daysBetween } from '../domain/dates.ts';
import { InvalidInputError } from '../domain/errors.ts';
import { formatEurWithCode } from '../domain/planning/money.ts';
import { PHASE_ORDER } from '../domain/recommender/recommender.ts';
import { ActivityRepository } from '../features/activities/repository.ts';
import { type AuditEntry, AuditRepository, diff } from '../features/audit/repository.ts';
import { CostLineRepository } from '../features/budgets/repository.ts';
import { MarketRepository } from '../features/markets/repository.ts';
import { loadMarket } from '../features/markets/service.ts';
import { PlanRepository, type PlanValues } from '../features/plans/repository.ts';
import type { AcceptedDto, AcceptRecommendationInput } from '../features/roadmap/schema.ts';
import { gatherRecommendation } from '../features/roadmap/service.ts';

/**
 * `POST /markets/{marketId}/recommendation/accept`: the recommendation for the same budget and
 * period, recomputed, becomes a draft plan on the market (cap and period as asked) with the chosen
 * instruments, dated activities across the period in phase order and their estimated cost lines,
 * with the audit log, in one transaction: it spans plans, activities and cost lines, hence a command.
 */
export function acceptRecommendationCommand(db: Kysely<DB>) {
  return (actor: Actor, marketId: string, input: AcceptRecommendationInput): Promise<AcceptedDto> =>
    writeTransaction(db, async (trx) => {
      requireAccess(actor, 'budget.read');
      const market = await loadMarket(new MarketRepository(trx), actor.workspaceId, marketId);
      const scope = clusterScope(market.owner_cluster_id);
      requireAccess(actor, 'plan.create', scope);
      requireAccess(actor, 'activity.create', scope);
      requireAccess(actor, 'budget.update', scope);
      const { dto, costed } = await gatherRecommendation(trx, actor, marketId, input, 'body');
      if (dto.chosen.length === 0) {
        throw new InvalidInputError(
          dto.empty === 'no_interested_members'
            ? 'No member is interested in this market: there is no recommendation to accept'
            : 'Nothing fits this budget and period: there is no recommendation to accept',
          [
            dto.empty === 'no_interested_members'
              ? { field: 'marketId', message: 'has no interested members' }
              : { field: 'body.budget', message: 'leaves no instrument in the recommendation: raise it' },
          ],
        );
      }

      const plans = new PlanRepository(trx);
      const values: PlanValues = {
        market_id: market.id,
        name: input.name,
        starts_on: input.from,
        ends_on: input.to,
        budget_cap_cents: input.budget,
        status: 'draft',
        notes: `From the recommended roadmap: ${formatEurWithCode(dto.totalCostCents)} of a ${formatEurWithCode(input.budget)} cap, expected value ${dto.expectedValue} (proven optimal).`,
      };
      const planId = await plans.create(actor.workspaceId, values);
      const choices = dto.chosen.map((c, position) => ({
        instrument_id: (costed.get(c.instrumentKey) as { instrument: { id: string } }).instrument.id,
        position,
        rationale: `Recommended: ${c.quantity} ${c.quantityUnit}; ${c.reasons.map((r) => r.code.replaceAll('_', ' ')).join(', ')}.`,
      }));
      await plans.replaceInstruments(planId, choices);

      const audit: AuditEntry[] = [
        {
          workspaceId: actor.workspaceId,
          actorUserId: actor.userId,
          action: 'create',
          entityType: 'plan',
          entityId: planId,
          changes: {
            ...diff({}, values),
            instruments: [
              null,
              dto.chosen.map((c, i) => ({ key: c.instrumentKey, rationale: choices[i]?.rationale })),
            ],
            recommendation: [null, { budgetCents: input.budget, totalCostCents: dto.totalCostCents }],
          },
        },
      ];
      const now = nowIso();
      const activityRows: Insertable<ActivityTable>[] = [];
      const lineRows: Insertable<CostLineTable>[] = [];
      for (const item of schedule(dto.chosen, input.from, input.to)) {
        const cost = costed.get(item.instrumentKey);
        if (!cost) continue;
        const id = newId();
        const activity = {
          plan_id: planId,
          instrument_id: cost.instrument.id,
          title: item.title,
          starts_on: item.startsOn,
          ends_on: item.endsOn,
          city: null,
          country: market.country,
          cluster_id: market.owner_cluster_id,
          status: 'planned' as const,
          outcome_notes: '',
          estimate_parameters: JSON.stringify(cost.parameters(item.quantity)),
        };
        const lines = cost.lines(item.quantity);
        activityRows.push({
          id,
          workspace_id: actor.workspaceId,
          ...activity,
          created_at: now,
          updated_at: now,
        });
        for (const line of lines) {
          lineRows.push({
            id: newId(),
            workspace_id: actor.workspaceId,
            activity_id: id,
            kind: 'planned',
            category: line.category,
            funding_source: cost.instrument.fundingSources[0] ?? 'cluster',
            description: line.description,
            formula: line.formula,
            amount_cents: line.amountCents,
            effort_centidays: Math.round(line.effortDays * 100),
            origin: 'estimate',
            incurred_on: null,
            created_at: now,
            updated_at: now,
          });
        }
        audit.push({
          workspaceId: actor.workspaceId,
          actorUserId: actor.userId,
          action: 'create',
          entityType: 'activity',
          entityId: id,
          changes: { ...diff({}, activity), planned_cost_lines: [null, lines.length] },
        });
      }
      await new ActivityRepository(trx).insertMany(activityRows);
      await new CostLineRepository(trx).insertMany(lineRows);
      await new AuditRepository(trx).recordMany(audit);
      return {
        planId,
        activities: activityRows.length,
        costLines: lineRows.length,
        totalCostCents: lineRows.reduce((sum, l) => sum + (l.amount_cents as number), 0),
      };
    });
}

interface Scheduled {
  instrumentKey: string;
  title: string;
  quantity: number;
  startsOn: string;
  endsOn: string;
}

/**
 * Dates the chosen instruments across the period in phase order: the period is cut into one
 * window per phase present, in order; in its window each unit (a training, a mission, an event)
 * is one activity in its own slot; a monthly instrument is one activity running its months from
 * the window's start; a per-entity one (matchmaking for 8 entities) is one activity in a slot.
 */
export function schedule(
  chosen: ReadonlyArray<{
    instrumentKey: string;
    instrumentName: string;
    phase: Phase;
    quantity: number;
    quantityUnit: 'units' | 'months' | 'entities';
  }>,
  from: string,
  to: string,
): Scheduled[] {
  const phases = PHASE_ORDER.filter((p) => chosen.some((c) => c.phase === p));
  const days = daysBetween(from, to) + 1;
  const out: Scheduled[] = [];
  phases.forEach((phase, index) => {
    const windowStart = addDays(from, Math.floor((index * days) / phases.length));
    const windowEnd = addDays(from, Math.floor(((index + 1) * days) / phases.length) - 1);
    const windowDays = daysBetween(windowStart, windowEnd) + 1;
    const slots: Array<{ key: string; title: string; quantity: number }> = [];
    for (const c of chosen.filter((x) => x.phase === phase)) {
      if (c.quantityUnit === 'months') {
        const end = addDays(windowStart, Math.max(1, Math.round(c.quantity * 30.44)) - 1);
        out.push({
          instrumentKey: c.instrumentKey,
          title: `${c.instrumentName} (${c.quantity} months)`,
          quantity: c.quantity,
          startsOn: windowStart,
          endsOn: end > to ? to : end,
        });
      } else if (c.quantityUnit === 'entities') {
        slots.push({
          key: c.instrumentKey,
          title: `${c.instrumentName} (${c.quantity} entities)`,
          quantity: c.quantity,
        });
      } else {
        for (let k = 0; k < c.quantity; k++) {
          slots.push({
            key: c.instrumentKey,
            title: c.quantity > 1 ? `${c.instrumentName} ${k + 1}/${c.quantity}` : c.instrumentName,
            quantity: 1,
          });
        }
      }
    }
    slots.forEach((slot, k) => {
      const startsOn = addDays(windowStart, Math.floor((k * windowDays) / slots.length));
      const nextStart = Math.floor(((k + 1) * windowDays) / slots.length);
      const endsOn = addDays(
        windowStart,
        Math.max(Math.floor((k * windowDays) / slots.length), nextStart - 1),
      );
      out.push({ instrumentKey: slot.key, title: slot.title, quantity: slot.quantity, startsOn, endsOn });
    });
  });
  return out;
}
