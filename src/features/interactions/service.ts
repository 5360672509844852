import type { Kysely } from 'kysely';
import { nowIso } from '../../db/ids.ts';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import { type Actor, can, clusterScope, requireAccess } from '../../domain/access/policy.ts';
import { checkRange } from '../../domain/dates.ts';
import { ConflictError, type FieldError, InvalidInputError, NotFoundError } from '../../domain/errors.ts';
import { cursorPosition, pageOf, parseSort } from '../../http/list-params.ts';
import { AuditRepository, diff } from '../audit/repository.ts';
import { WorkspaceRepository } from '../workspaces/repository.ts';
import { presentInteraction } from './presenter.ts';
import {
  type InteractionFilters,
  InteractionRepository,
  type InteractionRow,
  type InteractionValues,
} from './repository.ts';
import type {
  CreateInteractionInput,
  InteractionDto,
  ListInteractionsQuery,
  UpdateInteractionInput,
} from './schema.ts';

/**
 * Use cases of the interactions with the network (issue 21 item 2, decision 0026): who of ours met
 * whom of theirs, when, at which activity, and what comes next. The network's staff read them; a
 * cluster manager writes those of its cluster (an interaction's scope is its cluster).
 */
export class InteractionService {
  constructor(private readonly db: Kysely<DB>) {}

  async list(actor: Actor, query: ListInteractionsQuery) {
    requireAccess(actor, 'network.read');
    checkRange(query);
    const filters: InteractionFilters = {
      ...(query.networkOrganisationId ? { networkOrganisationId: query.networkOrganisationId } : {}),
      ...(query.networkPersonId ? { networkPersonId: query.networkPersonId } : {}),
      ...(query.activityId ? { activityId: query.activityId } : {}),
      ...(query.clusterId ? { clusterId: query.clusterId } : {}),
      ...(query.kind ? { kind: query.kind } : {}),
      ...(query.from ? { from: query.from } : {}),
      ...(query.to ? { to: query.to } : {}),
      ...(query.openNextStep === 'true' ? { openNextStep: true } : {}),
      ...(query.nextStepOwner
        ? { nextStepOwnerUserId: query.nextStepOwner === 'me' ? actor.userId : query.nextStepOwner }
        : {}),
    };
    const after = cursorPosition(query.cursor, query.sort);
    const interactions = new InteractionRepository(this.db);
    const [rows, total] = await Promise.all([
      interactions.list(actor.workspaceId, {
        ...filters,
        limit: query.limit + 1,
        sort: parseSort(query.sort),
        ...(after ? { after } : {}),
      }),
      interactions.count(actor.workspaceId, filters),
    ]);
    const page = pageOf(rows, query.limit, query.sort);
    return { items: page.rows.map(presentInteraction), nextCursor: page.nextCursor, total };
  }

  async get(actor: Actor, id: string): Promise<InteractionDto> {
    requireAccess(actor, 'network.read');
    return named(new InteractionRepository(this.db), actor, id);
  }

  async create(actor: Actor, input: CreateInteractionInput): Promise<InteractionDto> {
    // A cluster manager records for its own cluster unless it names one (then checked below).
    const clusterId =
      input.clusterId !== undefined
        ? input.clusterId
        : actor.role === 'cluster_manager'
          ? actor.clusterId
          : null;
    requireAccess(actor, 'network.create', clusterScope(clusterId));
    const values: InteractionValues = {
      kind: input.kind,
      occurred_on: input.occurredOn,
      activity_id: input.activityId,
      cluster_id: clusterId,
      staff_user_id: input.staffUserId === undefined ? actor.userId : input.staffUserId,
      member_organisation_id: input.memberOrganisationId,
      member_person_id: input.memberPersonId,
      network_organisation_id: input.networkOrganisationId,
      network_person_id: input.networkPersonId,
      notes: input.notes,
      next_step: input.nextStep,
      next_step_due_on: input.nextStepDueOn,
      next_step_owner_user_id:
        input.nextStepOwnerUserId !== undefined
          ? input.nextStepOwnerUserId
          : input.nextStep !== null
            ? actor.userId
            : null,
      next_step_done_at: null,
      created_by: actor.userId,
    };
    return writeTransaction(this.db, async (trx) => {
      const interactions = new InteractionRepository(trx);
      await checkValues(trx, interactions, actor, values);
      const row = await interactions.create(actor.workspaceId, values);
      await audit(trx, actor, 'create', row.id, diff({}, values));
      return named(interactions, actor, row.id);
    });
  }

  async update(actor: Actor, id: string, input: UpdateInteractionInput): Promise<InteractionDto> {
    return writeTransaction(this.db, async (trx) => {
      const interactions = new InteractionRepository(trx);
      const current = await load(interactions, actor, id);
      requireAccess(actor, 'network.update', clusterScope(current.cluster_id));
      const { version, ...rest } = input;
      const values = updateValues(rest);
      if (values.cluster_id !== undefined && values.cluster_id !== current.cluster_id) {
        // Moving an interaction to another cluster is like recording it there.
        requireAccess(actor, 'network.create', clusterScope(values.cluster_id));
      }
      if (values.next_step !== undefined && values.next_step !== current.next_step) {
        // A new next step is open again.
        values.next_step_done_at = null;
      }
      const changes = diff(current, values);
      await checkValues(trx, interactions, actor, { ...current, ...values }, Object.keys(changes));
      const updated = await interactions.update(actor.workspaceId, current, version, values);
      if (!updated) throw staleVersion(id, version, current.version);
      if (Object.keys(changes).length > 0) await audit(trx, actor, 'update', id, changes);
      return named(interactions, actor, id);
    });
  }

  async delete(actor: Actor, id: string, version: number): Promise<void> {
    await writeTransaction(this.db, async (trx) => {
      const interactions = new InteractionRepository(trx);
      const current = await load(interactions, actor, id);
      requireAccess(actor, 'network.delete', clusterScope(current.cluster_id));
      if (!(await interactions.delete(actor.workspaceId, current, version))) {
        throw staleVersion(id, version, current.version);
      }
      const { id: _id, workspace_id: _w, version: _v, created_at: _c, updated_at: _u, ...gone } = current;
      await audit(
        trx,
        actor,
        'delete',
        id,
        Object.fromEntries(Object.entries(gone).map(([k, v]) => [k, [v, null]])),
      );
    });
  }

  /**
   * Marks the next step done (again: no change). Whoever may edit the interaction may, and so may
   * the next step's owner (it is their task, whatever the cluster).
   */
  async nextStepDone(actor: Actor, id: string): Promise<InteractionDto> {
    return writeTransaction(this.db, async (trx) => {
      const interactions = new InteractionRepository(trx);
      const current = await load(interactions, actor, id);
      const owner =
        current.next_step_owner_user_id !== null && current.next_step_owner_user_id === actor.userId;
      if (!owner || !can(actor, 'network.read')) {
        requireAccess(actor, 'network.update', clusterScope(current.cluster_id));
      }
      if (current.next_step === null) {
        throw new InvalidInputError('This interaction has no next step to mark done', [
          { field: 'path.id', message: 'has no next step' },
        ]);
      }
      if (current.next_step_done_at !== null) return named(interactions, actor, id);
      const values = { next_step_done_at: nowIso() };
      const updated = await interactions.update(actor.workspaceId, current, current.version, values);
      if (!updated) throw staleVersion(id, current.version, current.version);
      await audit(trx, actor, 'update', id, diff(current, values));
      return named(interactions, actor, id);
    });
  }
}

async function load(interactions: InteractionRepository, actor: Actor, id: string): Promise<InteractionRow> {
  const row = await interactions.find(actor.workspaceId, id);
  if (!row) throw new NotFoundError('interaction', id);
  return row;
}

async function named(interactions: InteractionRepository, actor: Actor, id: string): Promise<InteractionDto> {
  const row = await interactions.findNamed(actor.workspaceId, id);
  if (!row) throw new NotFoundError('interaction', id);
  return presentInteraction(row);
}

/** Column → the body field a client sent it as (to name it in a 400). */
const BODY_FIELDS: Partial<Record<keyof InteractionValues, string>> = {
  activity_id: 'body.activityId',
  cluster_id: 'body.clusterId',
  staff_user_id: 'body.staffUserId',
  member_organisation_id: 'body.memberOrganisationId',
  member_person_id: 'body.memberPersonId',
  network_organisation_id: 'body.networkOrganisationId',
  network_person_id: 'body.networkPersonId',
  next_step: 'body.nextStep',
  next_step_due_on: 'body.nextStepDueOn',
  next_step_owner_user_id: 'body.nextStepOwnerUserId',
};

/**
 * Every id must be of the actor's workspace, each person of its organisation, and a due date or
 * an owner needs a next step: 400 naming each wrong field, nothing written. `changed`: on an edit,
 * the columns that change (unchanged references are not checked again, e.g. an activity deleted
 * since).
 */
async function checkValues(
  trx: Kysely<DB>,
  interactions: InteractionRepository,
  actor: Actor,
  values: InteractionValues,
  changed?: readonly string[],
): Promise<void> {
  const check = (column: keyof InteractionValues) => (changed ? changed.includes(column) : true);
  const errors: FieldError[] = [];
  const fail = (column: keyof InteractionValues, message: string) =>
    errors.push({ field: BODY_FIELDS[column] ?? `body.${column}`, message });
  const workspaceId = actor.workspaceId;

  if (check('network_organisation_id')) {
    if (!(await interactions.findNetworkOrganisation(workspaceId, values.network_organisation_id))) {
      fail('network_organisation_id', 'is not a network organisation of this workspace');
    }
  }
  if (values.network_person_id !== null && (check('network_person_id') || check('network_organisation_id'))) {
    const person = await interactions.findNetworkPerson(workspaceId, values.network_person_id);
    if (!person) fail('network_person_id', 'is not a network person of this workspace');
    else if (person.organisation_id !== values.network_organisation_id) {
      fail('network_person_id', 'does not belong to that network organisation');
    } else if (person.erased_at !== null && check('network_person_id')) {
      fail('network_person_id', 'was erased (GDPR): record the interaction without the person');
    }
  }
  if (values.activity_id !== null && check('activity_id')) {
    if (!(await interactions.findActivity(workspaceId, values.activity_id))) {
      fail('activity_id', 'is not an activity of this workspace');
    }
  }
  if (values.cluster_id !== null && check('cluster_id')) {
    if (!(await new WorkspaceRepository(trx).hasCluster(workspaceId, values.cluster_id))) {
      fail('cluster_id', 'is not a cluster of this workspace');
    }
  }
  for (const column of ['staff_user_id', 'next_step_owner_user_id'] as const) {
    const userId = values[column];
    if (userId !== null && check(column) && !(await interactions.isMember(workspaceId, userId))) {
      fail(column, 'is not a member of this workspace');
    }
  }
  if (values.member_organisation_id !== null && check('member_organisation_id')) {
    if (!(await new WorkspaceRepository(trx).hasOrganisation(workspaceId, values.member_organisation_id))) {
      fail('member_organisation_id', 'is not a member organisation of this workspace');
    }
  }
  if (values.member_person_id !== null && (check('member_person_id') || check('member_organisation_id'))) {
    const person = await interactions.findMemberPerson(workspaceId, values.member_person_id);
    if (!person) fail('member_person_id', 'is not a person of this workspace');
    else if (values.member_organisation_id === null) {
      fail('member_person_id', 'needs their member organisation (memberOrganisationId)');
    } else if (person.organisation_id !== values.member_organisation_id) {
      fail('member_person_id', 'does not work for that member organisation');
    }
  }
  if (
    values.next_step === null &&
    (values.next_step_due_on !== null || values.next_step_owner_user_id !== null)
  ) {
    if (check('next_step') || check('next_step_due_on') || check('next_step_owner_user_id')) {
      fail('next_step', 'is needed with a due date or an owner');
    }
  }
  if (errors.length > 0) {
    throw new InvalidInputError(
      `The interaction is not valid: ${errors.map((e) => e.field).join(', ')}`,
      errors,
    );
  }
}

function updateValues(input: Omit<UpdateInteractionInput, 'version'>): Partial<InteractionValues> {
  const values: Partial<InteractionValues> = {};
  if (input.kind !== undefined) values.kind = input.kind;
  if (input.occurredOn !== undefined) values.occurred_on = input.occurredOn;
  if (input.activityId !== undefined) values.activity_id = input.activityId;
  if (input.clusterId !== undefined) values.cluster_id = input.clusterId;
  if (input.staffUserId !== undefined) values.staff_user_id = input.staffUserId;
  if (input.memberOrganisationId !== undefined) values.member_organisation_id = input.memberOrganisationId;
  if (input.memberPersonId !== undefined) values.member_person_id = input.memberPersonId;
  if (input.networkOrganisationId !== undefined) values.network_organisation_id = input.networkOrganisationId;
  if (input.networkPersonId !== undefined) values.network_person_id = input.networkPersonId;
  if (input.notes !== undefined) values.notes = input.notes;
  if (input.nextStep !== undefined) values.next_step = input.nextStep;
  if (input.nextStepDueOn !== undefined) values.next_step_due_on = input.nextStepDueOn;
  if (input.nextStepOwnerUserId !== undefined) values.next_step_owner_user_id = input.nextStepOwnerUserId;
  return values;
}

function audit(
  trx: Kysely<DB>,
  actor: Actor,
  action: 'create' | 'update' | 'delete',
  id: string,
  changes: Record<string, [unknown, unknown]>,
) {
  return new AuditRepository(trx).record({
    workspaceId: actor.workspaceId,
    actorUserId: actor.userId,
    action,
    entityType: 'interaction',
    entityId: id,
    changes,
  });
}

function staleVersion(id: string, sent: number, current: number): ConflictError {
  return new ConflictError(
    `The interaction ${id} was changed by someone else (version ${current}, you sent ${sent}): reload it and apply your edit again.`,
    current,
  );
}
