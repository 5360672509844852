import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import { type Actor, can, clusterScope, requireAccess } from '../../domain/access/policy.ts';
import { ConflictError, type FieldError, InvalidInputError, NotFoundError } from '../../domain/errors.ts';
import { AuditRepository, type Changes, diff } from '../audit/repository.ts';
import { InstrumentRepository } from '../instruments/repository.ts';
import { unknownInstrument } from '../instruments/service.ts';
import { auditedInstruments, resolveInstrumentChoices } from './instruments.ts';
import {
  type ActivityCosts,
  presentPlanDetail,
  presentPlanInstruments,
  presentPlanSummary,
} from './presenter.ts';
import { type PlanFilters, PlanRepository, type PlanRow, type PlanValues } from './repository.ts';
import type { CreatePlanInput, ListPlansQuery, PlanDetailDto, UpdatePlanInput } from './schema.ts';

/** Use cases of the plans of a workspace's target markets. Every method checks access first. */
export class PlanService {
  constructor(private readonly db: Kysely<DB>) {}

  /** One page in creation order, with the number of all matching plans. */
  async list(actor: Actor, options: ListPlansQuery) {
    requireAccess(actor, 'plan.read');
    let instrumentId: string | undefined;
    if (options.instrumentKey) {
      const instrument = await new InstrumentRepository(this.db).findForWorkspace(
        actor.workspaceId,
        options.instrumentKey,
      );
      if (!instrument) throw unknownInstrument('query.instrumentKey', options.instrumentKey);
      instrumentId = instrument.id;
    }
    const filters: PlanFilters = {
      ...(options.marketId ? { marketId: options.marketId } : {}),
      ...(options.status ? { status: options.status } : {}),
      ...(instrumentId ? { instrumentId } : {}),
    };
    const plans = new PlanRepository(this.db);
    const [rows, total] = await Promise.all([
      plans.list(actor.workspaceId, {
        ...filters,
        limit: options.limit + 1,
        ...(options.cursor ? { after: options.cursor } : {}),
      }),
      plans.count(actor.workspaceId, filters),
    ]);
    const page = rows.slice(0, options.limit);
    const showMoney = can(actor, 'budget.read');
    return {
      items: page.map((row) => presentPlanSummary(row, showMoney)),
      nextCursor: rows.length > options.limit ? (page.at(-1)?.id ?? null) : null,
      total,
    };
  }

  /** The plan page; a fixed number of queries whatever the number of activities and cost lines. */
  async get(actor: Actor, id: string): Promise<PlanDetailDto> {
    requireAccess(actor, 'plan.read');
    const plans = new PlanRepository(this.db);
    return planDetail(plans, actor, await loadPlan(plans, actor.workspaceId, id));
  }

  async create(actor: Actor, input: CreatePlanInput): Promise<PlanDetailDto> {
    return writeTransaction(this.db, async (trx) => {
      const plans = new PlanRepository(trx);
      const market = await loadMarketOf(plans, actor.workspaceId, input.marketId);
      requireAccess(actor, 'plan.create', clusterScope(market.owner_cluster_id));
      const choices = await resolveInstrumentChoices(plans, actor.workspaceId, input.instruments);
      const values: PlanValues = {
        market_id: market.id,
        name: input.name,
        starts_on: input.startsOn,
        ends_on: input.endsOn,
        budget_cap_cents: centsOf(input.budgetCapEur),
        status: input.status,
        notes: input.notes,
      };
      const id = await plans.create(actor.workspaceId, values);
      await plans.replaceInstruments(id, choices);
      const instruments = presentPlanInstruments(await plans.instrumentsOf(id));
      await new AuditRepository(trx).record({
        workspaceId: actor.workspaceId,
        actorUserId: actor.userId,
        action: 'create',
        entityType: 'plan',
        entityId: id,
        changes: {
          ...diff({}, values),
          ...(instruments.length > 0 ? { instruments: [null, auditedInstruments(instruments)] } : {}),
        },
      });
      return planDetail(plans, actor, await loadPlan(plans, actor.workspaceId, id));
    });
  }

  async update(actor: Actor, id: string, input: UpdatePlanInput): Promise<PlanDetailDto> {
    return writeTransaction(this.db, async (trx) => {
      const plans = new PlanRepository(trx);
      const current = await loadPlan(plans, actor.workspaceId, id);
      requireAccess(actor, 'plan.update', clusterScope(current.market_owner_cluster_id));
      const { version, instruments, ...rest } = input;
      const values = updateValues(rest);
      if (values.market_id !== undefined && values.market_id !== current.market_id) {
        // Moving a plan to another market is like creating it there.
        const market = await loadMarketOf(plans, actor.workspaceId, values.market_id);
        requireAccess(actor, 'plan.create', clusterScope(market.owner_cluster_id));
      }
      await ensurePeriodHoldsActivities(plans, current, values, rest);
      const choices = instruments && (await resolveInstrumentChoices(plans, actor.workspaceId, instruments));
      const changes: Changes = diff(current, values);
      if (!(await plans.update(actor.workspaceId, id, version, values))) {
        throw staleVersion(id, version, current.version);
      }
      if (choices) {
        const before = auditedInstruments(presentPlanInstruments(await plans.instrumentsOf(id)));
        await plans.replaceInstruments(id, choices);
        const after = auditedInstruments(presentPlanInstruments(await plans.instrumentsOf(id)));
        if (JSON.stringify(before) !== JSON.stringify(after)) changes.instruments = [before, after];
      }
      if (Object.keys(changes).length > 0) {
        await new AuditRepository(trx).record({
          workspaceId: actor.workspaceId,
          actorUserId: actor.userId,
          action: 'update',
          entityType: 'plan',
          entityId: id,
          changes,
        });
      }
      return planDetail(plans, actor, await loadPlan(plans, actor.workspaceId, id));
    });
  }

  /** Removes a plan without activities; one with activities is refused with 409. */
  async delete(actor: Actor, id: string, version: number): Promise<void> {
    await writeTransaction(this.db, async (trx) => {
      const plans = new PlanRepository(trx);
      const current = await loadPlan(plans, actor.workspaceId, id);
      requireAccess(actor, 'plan.delete', clusterScope(current.market_owner_cluster_id));
      if (current.version !== version) throw staleVersion(id, version, current.version);
      if (current.activity_count > 0) {
        throw new ConflictError(
          `The plan "${current.name}" still has ${current.activity_count} ${current.activity_count === 1 ? 'activity' : 'activities'}: move them to another plan or delete them first.`,
        );
      }
      const instruments = presentPlanInstruments(await plans.instrumentsOf(id));
      if (!(await plans.delete(actor.workspaceId, id, version))) {
        throw staleVersion(id, version, current.version);
      }
      const gone: Changes = Object.fromEntries(
        Object.entries(storedValues(current)).map(([k, v]) => [k, [v, null]]),
      );
      if (instruments.length > 0) gone.instruments = [auditedInstruments(instruments), null];
      await new AuditRepository(trx).record({
        workspaceId: actor.workspaceId,
        actorUserId: actor.userId,
        action: 'delete',
        entityType: 'plan',
        entityId: id,
        changes: gone,
      });
    });
  }
}

/** The market a plan names in its body, or 404 naming `body.marketId` (also for another workspace's id). */
async function loadMarketOf(plans: PlanRepository, workspaceId: string, marketId: string) {
  const market = await plans.findMarket(workspaceId, marketId);
  if (!market) throw new NotFoundError('market', marketId, 'body.marketId');
  return market;
}

/** A plan of the workspace, or 404 (also for another workspace's id). */
export async function loadPlan(plans: PlanRepository, workspaceId: string, id: string): Promise<PlanRow> {
  const row = await plans.find(workspaceId, id);
  if (!row) throw new NotFoundError('plan', id);
  return row;
}

/** Four queries: plan (with market), instruments, activities, and the costs when the actor may see them. */
async function planDetail(plans: PlanRepository, actor: Actor, plan: PlanRow): Promise<PlanDetailDto> {
  const showMoney = can(actor, 'budget.read');
  const [instruments, activities, totals] = await Promise.all([
    plans.instrumentsOf(plan.id),
    plans.activitiesOfPlan(actor.workspaceId, plan.id),
    showMoney ? plans.costTotalsOfPlan(actor.workspaceId, plan.id) : Promise.resolve(null),
  ]);
  let costs: Map<string, ActivityCosts> | null = null;
  if (totals) {
    costs = new Map();
    for (const total of totals) {
      const cost = costs.get(total.activity_id) ?? { planned: 0, actual: 0 };
      cost[total.kind] += total.cents;
      costs.set(total.activity_id, cost);
    }
  }
  return presentPlanDetail(plan, instruments, activities, costs);
}

/**
 * The new period must be a period (end not before start) and still hold every activity of the
 * plan. @throws InvalidInputError naming `body.startsOn` / `body.endsOn`.
 */
async function ensurePeriodHoldsActivities(
  plans: PlanRepository,
  current: PlanRow,
  values: Partial<PlanValues>,
  sent: { startsOn?: string; endsOn?: string },
): Promise<void> {
  const startsOn = values.starts_on ?? current.starts_on;
  const endsOn = values.ends_on ?? current.ends_on;
  if (startsOn === current.starts_on && endsOn === current.ends_on) return;
  if (endsOn < startsOn) {
    const field = sent.endsOn !== undefined ? 'body.endsOn' : 'body.startsOn';
    throw new InvalidInputError(`The plan would end (${endsOn}) before it starts (${startsOn})`, [
      {
        field,
        message: field === 'body.endsOn' ? 'must not be before startsOn' : 'must not be after endsOn',
      },
    ]);
  }
  const outside = await plans.countActivitiesOutside(current.id, startsOn, endsOn);
  const errors: FieldError[] = [];
  const activities = (n: number) => `${n} ${n === 1 ? 'activity' : 'activities'}`;
  if (outside.before > 0) {
    errors.push({
      field: 'body.startsOn',
      message: `${activities(outside.before)} of the plan start before ${startsOn}`,
    });
  }
  if (outside.after > 0) {
    errors.push({
      field: 'body.endsOn',
      message: `${activities(outside.after)} of the plan end after ${endsOn}`,
    });
  }
  if (errors.length > 0) {
    throw new InvalidInputError(
      `The new period ${startsOn} – ${endsOn} leaves activities outside it: ${errors.map((e) => e.message).join('; ')}. Move them first.`,
      errors,
    );
  }
}

function staleVersion(id: string, sent: number, current: number): ConflictError {
  return new ConflictError(
    `The plan ${id} was changed by someone else (version ${current}, you sent ${sent}): reload it and apply your edit again.`,
    current,
  );
}

function centsOf(eur: number | null): number | null {
  return eur === null ? null : Math.round(eur * 100);
}

function storedValues(row: PlanRow): PlanValues {
  return {
    market_id: row.market_id,
    name: row.name,
    starts_on: row.starts_on,
    ends_on: row.ends_on,
    budget_cap_cents: row.budget_cap_cents,
    status: row.status,
    notes: row.notes,
  };
}

/** Only the fields the edit sends (instruments are stored apart). */
function updateValues(input: Omit<UpdatePlanInput, 'version' | 'instruments'>): Partial<PlanValues> {
  const values: Partial<PlanValues> = {};
  if (input.marketId !== undefined) values.market_id = input.marketId;
  if (input.name !== undefined) values.name = input.name;
  if (input.startsOn !== undefined) values.starts_on = input.startsOn;
  if (input.endsOn !== undefined) values.ends_on = input.endsOn;
  if (input.budgetCapEur !== undefined) values.budget_cap_cents = centsOf(input.budgetCapEur);
  if (input.status !== undefined) values.status = input.status;
  if (input.notes !== undefined) values.notes = input.notes;
  return values;
}
