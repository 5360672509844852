import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import { type Actor, can, clusterScope, requireAccess } from '../../domain/access/policy.ts';
import { checkRange } from '../../domain/dates.ts';
import { ConflictError, type FieldError, InvalidInputError, NotFoundError } from '../../domain/errors.ts';
import { cursorPosition, pageOf, parseSort } from '../../http/list-params.ts';
import { type AuditRecordType, AuditRepository, diff } from '../audit/repository.ts';
import { presentBudgetBlock } from '../budgets/presenter.ts';
import { CostLineRepository } from '../budgets/repository.ts';
import { InstrumentRepository } from '../instruments/repository.ts';
import { unknownInstrument } from '../instruments/service.ts';
import { WorkspaceRepository } from '../workspaces/repository.ts';
import {
  presentActivityDetail,
  presentActivitySummary,
  presentParticipant,
  presentParticipation,
} from './presenter.ts';
import {
  type ActivityFilters,
  ActivityRepository,
  type ActivityRow,
  type ActivityValues,
} from './repository.ts';
import type {
  ActivityDetailDto,
  AddParticipantInput,
  AttendanceInput,
  CreateActivityInput,
  ListActivitiesQuery,
  OrganisationActivitiesQuery,
  OrganisationActivityListDto,
  ParticipantDto,
  UpdateActivityInput,
} from './schema.ts';

/** Use cases of activities and their participants. Every method checks access first. */
export class ActivityService {
  constructor(private readonly db: Kysely<DB>) {}

  async list(actor: Actor, query: ListActivitiesQuery) {
    requireAccess(actor, 'activity.read');
    checkRange(query);
    const activities = new ActivityRepository(this.db);
    let instrumentId: string | undefined;
    if (query.instrumentKey) {
      const instrument = await new InstrumentRepository(this.db).findForWorkspace(
        actor.workspaceId,
        query.instrumentKey,
      );
      if (!instrument) throw unknownInstrument('query.instrumentKey', query.instrumentKey);
      instrumentId = instrument.id;
    }
    const filters: ActivityFilters = {
      ...(query.q ? { q: query.q } : {}),
      ...(query.planId ? { planId: query.planId } : {}),
      ...(query.marketId ? { marketId: query.marketId } : {}),
      ...(instrumentId ? { instrumentId } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.clusterId ? { clusterId: query.clusterId } : {}),
      ...(query.from ? { from: query.from } : {}),
      ...(query.to ? { to: query.to } : {}),
      ...(query.standalone ? { standalone: query.standalone === 'true' } : {}),
      ...(query.organisationId ? { organisationId: query.organisationId } : {}),
    };
    const after = cursorPosition(query.cursor, query.sort);
    const [rows, total] = await Promise.all([
      activities.list(actor.workspaceId, {
        ...filters,
        limit: query.limit + 1,
        sort: parseSort(query.sort),
        ...(after ? { after } : {}),
      }),
      activities.count(actor.workspaceId, filters),
    ]);
    const page = pageOf(rows, query.limit, query.sort);
    return { items: page.rows.map(presentActivitySummary), nextCursor: page.nextCursor, total };
  }

  /**
   * The activities a member organisation took part in, as itself or through its people (its
   * page), each with how it took part. 404 for an organisation of another workspace.
   */
  async ofOrganisation(
    actor: Actor,
    organisationId: string,
    query: OrganisationActivitiesQuery,
  ): Promise<OrganisationActivityListDto> {
    requireAccess(actor, 'activity.read');
    requireAccess(actor, 'organisation.read', { organisationId });
    const activities = new ActivityRepository(this.db);
    if (!(await activities.findOrganisation(actor.workspaceId, organisationId))) {
      throw new NotFoundError('organisation', organisationId);
    }
    const filters: ActivityFilters = { organisationId, ...(query.status ? { status: query.status } : {}) };
    const after = cursorPosition(query.cursor, query.sort);
    const [rows, total] = await Promise.all([
      activities.list(actor.workspaceId, {
        ...filters,
        limit: query.limit + 1,
        sort: parseSort(query.sort),
        ...(after ? { after } : {}),
      }),
      activities.count(actor.workspaceId, filters),
    ]);
    const page = pageOf(rows, query.limit, query.sort);
    const participations = await activities.participationsOf(
      organisationId,
      page.rows.map((row) => row.id),
    );
    return {
      items: page.rows.map((row) => ({
        ...presentActivitySummary(row),
        participation: participations
          .filter((participant) => participant.activity_id === row.id)
          .map(presentParticipation),
      })),
      nextCursor: page.nextCursor,
      total,
    };
  }

  /** One activity with its participants and, for roles that see costs, its budget. */
  async get(actor: Actor, id: string): Promise<ActivityDetailDto> {
    requireAccess(actor, 'activity.read');
    return this.detail(this.db, actor, id);
  }

  async create(actor: Actor, input: CreateActivityInput): Promise<ActivityDetailDto> {
    requireAccess(actor, 'activity.create', clusterScope(input.clusterId));
    return writeTransaction(this.db, async (trx) => {
      const activities = new ActivityRepository(trx);
      const { instrumentKey, ...rest } = input;
      const instrumentId = await this.checkPlacement(trx, actor, {
        instrumentKey,
        plan_id: rest.planId,
        starts_on: rest.startsOn,
        ends_on: rest.endsOn,
        cluster_id: rest.clusterId,
      });
      const values: ActivityValues = {
        plan_id: rest.planId,
        instrument_id: instrumentId as string,
        title: rest.title,
        starts_on: rest.startsOn,
        ends_on: rest.endsOn,
        city: rest.city,
        country: rest.country,
        cluster_id: rest.clusterId,
        status: rest.status,
        outcome_notes: rest.outcomeNotes,
        estimate_parameters: '{}',
      };
      const row = await activities.create(actor.workspaceId, values);
      await this.audit(trx, actor, 'create', 'activity', row.id, diff({}, values));
      return this.detail(trx, actor, row.id);
    });
  }

  async update(actor: Actor, id: string, input: UpdateActivityInput): Promise<ActivityDetailDto> {
    return writeTransaction(this.db, async (trx) => {
      const activities = new ActivityRepository(trx);
      const current = await loadActivity(activities, actor, id);
      requireAccess(actor, 'activity.update', clusterScope(current.cluster_id));
      const { version, instrumentKey, ...rest } = input;
      const values = updateValues(rest);
      if (values.cluster_id !== undefined && values.cluster_id !== current.cluster_id) {
        // Handing an activity to another cluster is like creating it there.
        requireAccess(actor, 'activity.create', clusterScope(values.cluster_id));
      }
      const merged = { ...current, ...values };
      const instrumentId = await this.checkPlacement(trx, actor, {
        ...(instrumentKey !== undefined ? { instrumentKey } : {}),
        plan_id: merged.plan_id,
        starts_on: merged.starts_on,
        ends_on: merged.ends_on,
        cluster_id:
          values.cluster_id !== undefined && values.cluster_id !== current.cluster_id
            ? values.cluster_id
            : null,
      });
      if (instrumentId !== undefined) values.instrument_id = instrumentId;
      const updated = await activities.update(actor.workspaceId, id, version, values);
      if (!updated) throw staleVersion(id, version, current.version);
      // The status (held or not) and the instrument (which KPIs) change derived values.
      const changes = diff(current, values);
      if (Object.keys(changes).length > 0) await this.audit(trx, actor, 'update', 'activity', id, changes);
      return this.detail(trx, actor, id);
    });
  }

  /** Deletes the activity with its participants and budget lines (the audit entry counts them). */
  async delete(actor: Actor, id: string, version: number): Promise<void> {
    await writeTransaction(this.db, async (trx) => {
      const activities = new ActivityRepository(trx);
      const current = await loadActivity(activities, actor, id);
      requireAccess(actor, 'activity.delete', clusterScope(current.cluster_id));
      const children = await activities.countChildren(id);
      if (!(await activities.delete(actor.workspaceId, id, version))) {
        throw staleVersion(id, version, current.version);
      }
      const { id: _id, workspace_id: _w, version: _v, created_at: _c, updated_at: _u, ...gone } = current;
      await this.audit(trx, actor, 'delete', 'activity', id, {
        ...Object.fromEntries(Object.entries(gone).map(([k, v]) => [k, [v, null]])),
        participants: [children.participants, 0],
        cost_lines: [children.costLines, 0],
      });
    });
  }

  async addParticipant(actor: Actor, id: string, input: AddParticipantInput): Promise<ParticipantDto> {
    return writeTransaction(this.db, async (trx) => {
      const activities = new ActivityRepository(trx);
      const activity = await loadActivity(activities, actor, id);
      requireAccess(actor, 'activity.update', clusterScope(activity.cluster_id));
      const organisationId = input.organisationId ?? null;
      const personId = input.personId ?? null;
      const errors: FieldError[] = [];
      if (organisationId !== null) {
        if (!(await new WorkspaceRepository(trx).hasOrganisation(actor.workspaceId, organisationId))) {
          errors.push({ field: 'body.organisationId', message: 'is not an organisation of this workspace' });
        }
      }
      if (personId !== null) {
        const person = await activities.findPerson(actor.workspaceId, personId);
        if (!person) {
          errors.push({ field: 'body.personId', message: 'is not a person of this workspace' });
        } else if (organisationId !== null && person.organisation_id !== organisationId) {
          errors.push({ field: 'body.personId', message: 'does not work for that organisation' });
        }
      }
      if (errors.length > 0) throw new InvalidInputError('Who takes part must be of this workspace', errors);
      if (await activities.hasParticipant(id, organisationId, personId)) {
        throw new ConflictError('This organisation or person already takes part in the activity.');
      }
      const participantId = await activities.addParticipant(id, {
        organisation_id: organisationId,
        person_id: personId,
        role: input.role,
      });
      await this.audit(trx, actor, 'create', 'activity_participant', participantId, {
        activity_id: [null, id],
        organisation_id: [null, organisationId],
        person_id: [null, personId],
        role: [null, input.role],
      });
      // A participant may be added already present (recorded after the day).
      const row = await activities.findParticipant(id, participantId);
      if (!row) throw new Error('the participant just added is missing');
      return presentParticipant(row);
    });
  }

  async removeParticipant(actor: Actor, id: string, participantId: string): Promise<void> {
    await writeTransaction(this.db, async (trx) => {
      const activities = new ActivityRepository(trx);
      const activity = await loadActivity(activities, actor, id);
      requireAccess(actor, 'activity.update', clusterScope(activity.cluster_id));
      const participant = await activities.findParticipant(id, participantId);
      if (!participant || !(await activities.deleteParticipant(id, participantId))) {
        throw new NotFoundError('participant', participantId);
      }
      await this.audit(trx, actor, 'delete', 'activity_participant', participantId, {
        activity_id: [id, null],
        organisation_id: [participant.organisation_id, null],
        person_id: [participant.person_id, null],
        role: [participant.role, null],
        attendance: [participant.attendance, null],
      });
    });
  }

  /**
   * Marks whether a participant came. Attendance is the evidence of the "participants present"
   * KPIs, so the activity's derived values are recomputed in the same transaction.
   */
  async setAttendance(
    actor: Actor,
    id: string,
    participantId: string,
    input: AttendanceInput,
  ): Promise<ParticipantDto> {
    return writeTransaction(this.db, async (trx) => {
      const activities = new ActivityRepository(trx);
      const activity = await loadActivity(activities, actor, id);
      requireAccess(actor, 'activity.update', clusterScope(activity.cluster_id));
      const current = await activities.findParticipant(id, participantId);
      if (!current) throw new NotFoundError('participant', participantId);
      if (current.attendance !== input.attendance) {
        if (!(await activities.setAttendance(id, participantId, input.attendance))) {
          throw new NotFoundError('participant', participantId);
        }
        await this.audit(trx, actor, 'update', 'activity_participant', participantId, {
          attendance: [current.attendance, input.attendance],
        });
      }
      return presentParticipant({ ...current, attendance: input.attendance });
    });
  }

  private async detail(db: Kysely<DB>, actor: Actor, id: string): Promise<ActivityDetailDto> {
    const activities = new ActivityRepository(db);
    const row = await activities.findSummary(actor.workspaceId, id);
    if (!row) throw new NotFoundError('activity', id);
    const participants = await activities.participants([id]);
    const budget = can(actor, 'budget.read')
      ? presentBudgetBlock(await new CostLineRepository(db).listForActivity(actor.workspaceId, id))
      : null;
    return presentActivityDetail(row, participants, budget);
  }

  /**
   * Checks where an activity sits: the end not before the start, the plan of this workspace and
   * the dates inside its period, the instrument known, the cluster of this workspace. Every wrong
   * field is named in one 400.
   *
   * @returns the instrument's id when `instrumentKey` was given.
   */
  private async checkPlacement(
    db: Kysely<DB>,
    actor: Actor,
    placement: {
      instrumentKey?: string;
      plan_id: string | null;
      starts_on: string;
      ends_on: string;
      /** Only when new or changed. */
      cluster_id: string | null;
    },
  ): Promise<string | undefined> {
    const activities = new ActivityRepository(db);
    const errors: FieldError[] = [];
    const details: string[] = [];
    if (placement.ends_on < placement.starts_on) {
      errors.push({ field: 'body.endsOn', message: `must not be before the start (${placement.starts_on})` });
      details.push('The activity ends before it starts.');
    }
    if (placement.plan_id !== null) {
      const plan = await activities.findPlan(actor.workspaceId, placement.plan_id);
      if (!plan) {
        errors.push({ field: 'body.planId', message: 'is not a plan of this workspace' });
      } else {
        const period = `${plan.starts_on} – ${plan.ends_on}`;
        const message = `must be within the plan's period ${period}`;
        const outside = (day: string) => day < plan.starts_on || day > plan.ends_on;
        if (outside(placement.starts_on)) errors.push({ field: 'body.startsOn', message });
        if (outside(placement.ends_on)) errors.push({ field: 'body.endsOn', message });
        if (outside(placement.starts_on) || outside(placement.ends_on)) {
          details.push(`The activity must fall within the period of the plan "${plan.name}" (${period}).`);
        }
      }
    }
    let instrumentId: string | undefined;
    if (placement.instrumentKey !== undefined) {
      const instrument = await new InstrumentRepository(db).findForWorkspace(
        actor.workspaceId,
        placement.instrumentKey,
      );
      if (instrument) instrumentId = instrument.id;
      else
        errors.push(unknownInstrument('body.instrumentKey', placement.instrumentKey).errors[0] as FieldError);
    }
    if (placement.cluster_id !== null) {
      if (!(await new WorkspaceRepository(db).hasCluster(actor.workspaceId, placement.cluster_id))) {
        errors.push({ field: 'body.clusterId', message: 'is not a cluster of this workspace' });
      }
    }
    if (errors.length > 0) {
      const fields = [...new Set(errors.map((e) => e.field))].join(', ');
      throw new InvalidInputError(details.length > 0 ? details.join(' ') : `Invalid ${fields}`, errors);
    }
    return instrumentId;
  }

  private audit(
    db: Kysely<DB>,
    actor: Actor,
    action: 'create' | 'update' | 'delete',
    entityType: AuditRecordType,
    entityId: string,
    changes: Record<string, [unknown, unknown]>,
  ): Promise<void> {
    return new AuditRepository(db).record({
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action,
      entityType,
      entityId,
      changes,
    });
  }
}

/** An activity of the actor's workspace, or 404 (also for another workspace's id). */
export async function loadActivity(
  activities: ActivityRepository,
  actor: Actor,
  id: string,
): Promise<ActivityRow> {
  const row = await activities.find(actor.workspaceId, id);
  if (!row) throw new NotFoundError('activity', id);
  return row;
}

function staleVersion(id: string, sent: number, current: number): ConflictError {
  return new ConflictError(
    `The activity ${id} was changed by someone else (version ${current}, you sent ${sent}): reload it and apply your edit again.`,
    current,
  );
}

/** Only the fields the edit sends. */
function updateValues(
  input: Omit<UpdateActivityInput, 'version' | 'instrumentKey'>,
): Partial<ActivityValues> {
  const values: Partial<ActivityValues> = {};
  if (input.planId !== undefined) values.plan_id = input.planId;
  if (input.title !== undefined) values.title = input.title;
  if (input.startsOn !== undefined) values.starts_on = input.startsOn;
  if (input.endsOn !== undefined) values.ends_on = input.endsOn;
  if (input.city !== undefined) values.city = input.city;
  if (input.country !== undefined) values.country = input.country;
  if (input.clusterId !== undefined) values.cluster_id = input.clusterId;
  if (input.status !== undefined) values.status = input.status;
  if (input.outcomeNotes !== undefined) values.outcome_notes = input.outcomeNotes;
  return values;
}
