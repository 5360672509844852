import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import { type Actor, clusterScope, requireAccess } from '../../domain/access/policy.ts';
import { ConflictError, type FieldError, InvalidInputError, NotFoundError } from '../../domain/errors.ts';
import { eurToCents } from '../../domain/planning/money.ts';
import { AuditRepository, diff } from '../audit/repository.ts';
import { presentCostLine } from './presenter.ts';
import { CostLineRepository, type CostLineRow, type CostLineValues } from './repository.ts';
import type { CostLineDto, CreateCostLineInput, UpdateCostLineInput } from './schema.ts';

/**
 * Use cases of an activity's budget lines. Reading needs `budget.read`; writing `budget.update`
 * in the scope of the activity's responsible cluster.
 */
export class CostLineService {
  constructor(private readonly db: Kysely<DB>) {}

  async list(actor: Actor, activityId: string): Promise<{ items: CostLineDto[] }> {
    requireAccess(actor, 'budget.read');
    const lines = new CostLineRepository(this.db);
    await loadActivityOf(lines, actor, activityId);
    const rows = await lines.listForActivity(actor.workspaceId, activityId);
    return { items: rows.map(presentCostLine) };
  }

  /** A typed line (origin `manual`). */
  async create(actor: Actor, activityId: string, input: CreateCostLineInput): Promise<CostLineDto> {
    return writeTransaction(this.db, async (trx) => {
      const activity = await loadActivityOf(new CostLineRepository(trx), actor, activityId);
      requireAccess(actor, 'budget.update', clusterScope(activity.cluster_id));
      const values: CostLineValues = {
        kind: input.kind,
        category: input.category,
        funding_source: input.fundingSource,
        description: input.description,
        formula: input.formula,
        amount_cents: eurToCents(input.amountEur),
        effort_centidays: eurToCents(input.effortDays),
        origin: 'manual',
        incurred_on: input.incurredOn,
      };
      checkLine(values);
      const row = await new CostLineRepository(trx).create(actor.workspaceId, activityId, values);
      await new AuditRepository(trx).record({
        workspaceId: actor.workspaceId,
        actorUserId: actor.userId,
        action: 'create',
        entityType: 'cost_line',
        entityId: row.id,
        changes: diff({}, { activity_id: activityId, ...values }),
      });
      return presentCostLine(row);
    });
  }

  /** An edited line keeps its origin: a line from an estimate is replaced by the next applied estimate. */
  async update(actor: Actor, id: string, input: UpdateCostLineInput): Promise<CostLineDto> {
    return writeTransaction(this.db, async (trx) => {
      const lines = new CostLineRepository(trx);
      const current = await this.load(lines, actor, id);
      const { version, ...rest } = input;
      const values = updateValues(rest);
      checkLine({ ...current, ...values });
      const updated = await lines.update(actor.workspaceId, id, version, values);
      if (!updated) throw staleVersion(id, version, current.version);
      const changes = diff(current, values);
      if (Object.keys(changes).length > 0) {
        await new AuditRepository(trx).record({
          workspaceId: actor.workspaceId,
          actorUserId: actor.userId,
          action: 'update',
          entityType: 'cost_line',
          entityId: id,
          changes,
        });
      }
      return presentCostLine(updated);
    });
  }

  async delete(actor: Actor, id: string, version: number): Promise<void> {
    await writeTransaction(this.db, async (trx) => {
      const lines = new CostLineRepository(trx);
      const current = await this.load(lines, actor, id);
      if (!(await lines.delete(actor.workspaceId, id, version))) {
        throw staleVersion(id, version, current.version);
      }
      await new AuditRepository(trx).record({
        workspaceId: actor.workspaceId,
        actorUserId: actor.userId,
        action: 'delete',
        entityType: 'cost_line',
        entityId: id,
        changes: goneChanges(current),
      });
    });
  }

  /** A line of the workspace (404 otherwise) that the actor may change (its activity's scope). */
  private async load(lines: CostLineRepository, actor: Actor, id: string) {
    const line = await lines.find(actor.workspaceId, id);
    if (!line) throw new NotFoundError('cost line', id);
    const activity = await loadActivityOf(lines, actor, line.activity_id);
    requireAccess(actor, 'budget.update', clusterScope(activity.cluster_id));
    return line;
  }
}

/** The activity of the actor's workspace that lines belong to, or 404 (also for another workspace's id). */
async function loadActivityOf(lines: CostLineRepository, actor: Actor, activityId: string) {
  const activity = await lines.findActivity(actor.workspaceId, activityId);
  if (!activity) throw new NotFoundError('activity', activityId);
  return activity;
}

/** The audit changes of a removed line: every stored value → null. */
export function goneChanges(row: CostLineRow): Record<string, [unknown, unknown]> {
  const { id: _id, workspace_id: _w, version: _v, created_at: _c, updated_at: _u, ...gone } = row;
  return Object.fromEntries(Object.entries(gone).map(([k, v]) => [k, [v, null]]));
}

/**
 * Rules that span fields: an actual cost is above 0 and says when it was incurred. A planned line
 * may be 0 (a cost the plan knows is free, such as an online meeting).
 */
function checkLine(line: Pick<CostLineValues, 'kind' | 'amount_cents' | 'incurred_on'>): void {
  const errors: FieldError[] = [];
  if (line.kind === 'actual' && line.amount_cents <= 0) {
    errors.push({ field: 'body.amountEur', message: 'must be above 0 for an actual cost' });
  }
  if (line.kind === 'actual' && line.incurred_on === null) {
    errors.push({
      field: 'body.incurredOn',
      message: 'is required for an actual cost (the day it was incurred)',
    });
  }
  if (errors.length > 0)
    throw new InvalidInputError('An actual cost needs an amount above 0 and a date', errors);
}

function staleVersion(id: string, sent: number, current: number): ConflictError {
  return new ConflictError(
    `The cost line ${id} was changed by someone else (version ${current}, you sent ${sent}): reload it and apply your edit again.`,
    current,
  );
}

function updateValues(input: Omit<UpdateCostLineInput, 'version'>): Partial<CostLineValues> {
  const values: Partial<CostLineValues> = {};
  if (input.kind !== undefined) values.kind = input.kind;
  if (input.category !== undefined) values.category = input.category;
  if (input.fundingSource !== undefined) values.funding_source = input.fundingSource;
  if (input.description !== undefined) values.description = input.description;
  if (input.formula !== undefined) values.formula = input.formula;
  if (input.amountEur !== undefined) values.amount_cents = eurToCents(input.amountEur);
  if (input.effortDays !== undefined) values.effort_centidays = eurToCents(input.effortDays);
  if (input.incurredOn !== undefined) values.incurred_on = input.incurredOn;
  return values;
}
