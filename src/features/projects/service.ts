import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import { type Actor, can, clusterScope, requireAccess, roleMay } from '../../domain/access/policy.ts';
import { ConflictError, type FieldError, InvalidInputError, NotFoundError } from '../../domain/errors.ts';
import { cursorPosition, pageOf, parseSort } from '../../http/list-params.ts';
import { AuditRepository, diff } from '../audit/repository.ts';
import { WorkspaceRepository } from '../workspaces/repository.ts';
import { amountOf, minorOf, presentPartner, presentProject } from './presenter.ts';
import { type ProjectFilters, ProjectRepository, type ProjectRow, type ProjectValues } from './repository.ts';
import type {
  CreateProjectInput,
  ListProjectsQuery,
  PartnerInput,
  ProjectDetailDto,
  ProjectPartnerDto,
  UpdateProjectInput,
} from './schema.ts';

type PartnerKind = 'cluster' | 'organisation' | 'network_organisation';

/**
 * Use cases of collaborative projects (issue 21 item 4). The scope of a project is its cluster
 * (decision 0026): staff read every project, a cluster manager writes those of its cluster, the
 * coordinators every one. Every write is audited and marks the KPI evidence of the activity the
 * project is attributed to (the repository does).
 */
export class ProjectService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async list(actor: Actor, query: ListProjectsQuery) {
    requireAccess(actor, 'network.read');
    const q = query.q?.toLowerCase();
    const filters: ProjectFilters = {
      ...(q ? { q } : {}),
      ...(query.status ? { statuses: query.status } : {}),
      ...(query.fundingProgramme ? { fundingProgramme: query.fundingProgramme } : {}),
      ...(query.clusterId ? { clusterId: query.clusterId } : {}),
      ...(query.partner ? { partner: query.partner } : {}),
      ...(query.activityId ? { activityId: query.activityId } : {}),
      ...(query.commonLabel !== undefined ? { commonLabel: query.commonLabel } : {}),
      ...(query.internationalFunding !== undefined
        ? { internationalFunding: query.internationalFunding }
        : {}),
    };
    const after = cursorPosition(query.cursor, query.sort);
    const projects = new ProjectRepository(this.db);
    const [rows, total, totalsByStatus] = await Promise.all([
      projects.list(actor.workspaceId, {
        ...filters,
        limit: query.limit + 1,
        sort: parseSort(query.sort),
        ...(after ? { after } : {}),
      }),
      projects.count(actor.workspaceId, filters),
      projects.countByStatus(actor.workspaceId, filters),
    ]);
    const page = pageOf(rows, query.limit, query.sort);
    return {
      items: page.rows.map(presentProject),
      nextCursor: page.nextCursor,
      total,
      totalsByStatus,
      canCreate: roleMay(actor.role, 'network.create'),
    };
  }

  async get(actor: Actor, id: string): Promise<ProjectDetailDto> {
    requireAccess(actor, 'network.read');
    return this.detail(new ProjectRepository(this.db), actor, id);
  }

  private async detail(projects: ProjectRepository, actor: Actor, id: string): Promise<ProjectDetailDto> {
    const row = await projects.findWithNames(actor.workspaceId, id);
    if (!row) throw new NotFoundError('project', id);
    const partners = await projects.partners(id);
    return {
      ...presentProject(row),
      partners: partners.map(presentPartner),
      canEdit: can(actor, 'network.update', clusterScope(row.cluster_id)),
    };
  }

  async create(actor: Actor, input: CreateProjectInput): Promise<ProjectDetailDto> {
    requireAccess(actor, 'network.create', clusterScope(input.clusterId));
    const { partners, ...fields } = input;
    return writeTransaction(this.db, async (trx) => {
      const projects = new ProjectRepository(trx);
      const values = await this.values(trx, actor, fields, null);
      checkPartnerList(partners);
      const row = await projects.create(actor.workspaceId, values as ProjectValues);
      const audit = new AuditRepository(trx);
      await audit.record({
        workspaceId: actor.workspaceId,
        actorUserId: actor.userId,
        action: 'create',
        entityType: 'project',
        entityId: row.id,
        changes: readableMoney(diff({}, values), null, values.currency ?? null),
      });
      for (const [index, partner] of partners.entries()) {
        await this.insertPartner(trx, actor, row, partner, `body.partners.${index}`);
      }
      return this.detail(projects, actor, row.id);
    });
  }

  async update(actor: Actor, id: string, input: UpdateProjectInput): Promise<ProjectDetailDto> {
    return writeTransaction(this.db, async (trx) => {
      const projects = new ProjectRepository(trx);
      const current = await load(projects, actor, id);
      requireAccess(actor, 'network.update', clusterScope(current.cluster_id));
      const { version, ...rest } = input;
      if (rest.clusterId !== undefined && rest.clusterId !== current.cluster_id) {
        // Moving a project to another cluster is like adding it there.
        requireAccess(actor, 'network.create', clusterScope(rest.clusterId));
      }
      const values = await this.values(trx, actor, rest, current);
      const changes = readableMoney(
        diff(current, values),
        current.currency,
        values.currency !== undefined ? values.currency : current.currency,
      );
      const updated = await projects.update(actor.workspaceId, id, version, values);
      if (!updated) throw staleVersion(id, version, current.version);
      if (Object.keys(changes).length > 0) {
        await new AuditRepository(trx).record({
          workspaceId: actor.workspaceId,
          actorUserId: actor.userId,
          action: 'update',
          entityType: 'project',
          entityId: id,
          changes,
        });
      }
      return this.detail(projects, actor, id);
    });
  }

  async delete(actor: Actor, id: string, version: number): Promise<void> {
    await writeTransaction(this.db, async (trx) => {
      const projects = new ProjectRepository(trx);
      const current = await load(projects, actor, id);
      requireAccess(actor, 'network.delete', clusterScope(current.cluster_id));
      if (!(await projects.delete(actor.workspaceId, id, version))) {
        throw staleVersion(id, version, current.version);
      }
      const { id: _id, workspace_id: _w, version: _v, created_at: _c, updated_at: _u, ...gone } = current;
      await new AuditRepository(trx).record({
        workspaceId: actor.workspaceId,
        actorUserId: actor.userId,
        action: 'delete',
        entityType: 'project',
        entityId: id,
        changes: readableMoney(
          Object.fromEntries(Object.entries(gone).map(([k, v]) => [k, [v, null]])),
          current.currency,
          null,
        ),
      });
    });
  }

  async addPartner(actor: Actor, id: string, input: PartnerInput): Promise<ProjectPartnerDto> {
    return writeTransaction(this.db, async (trx) => {
      const projects = new ProjectRepository(trx);
      const project = await load(projects, actor, id);
      requireAccess(actor, 'network.update', clusterScope(project.cluster_id));
      const partnerId = await this.insertPartner(trx, actor, project, input, 'body');
      const partner = (await projects.partners(id)).find((row) => row.id === partnerId);
      if (!partner) throw new NotFoundError('project partner', partnerId);
      await projects.touch(project.id);
      return presentPartner(partner);
    });
  }

  async removePartner(actor: Actor, id: string, partnerId: string): Promise<void> {
    await writeTransaction(this.db, async (trx) => {
      const projects = new ProjectRepository(trx);
      const project = await load(projects, actor, id);
      requireAccess(actor, 'network.update', clusterScope(project.cluster_id));
      const partner = await projects.findPartner(id, partnerId);
      if (!partner) throw new NotFoundError('project partner', partnerId);
      await projects.removePartner(project, partnerId);
      await projects.touch(project.id);
      await new AuditRepository(trx).record({
        workspaceId: actor.workspaceId,
        actorUserId: actor.userId,
        action: 'delete',
        entityType: 'project_partner',
        entityId: partnerId,
        changes: {
          project_id: [project.id, null],
          cluster_id: [partner.cluster_id, null],
          organisation_id: [partner.organisation_id, null],
          network_organisation_id: [partner.network_organisation_id, null],
          role: [partner.role, null],
        },
      });
    });
  }

  /** Checks a partner (of this workspace, not yet a partner) and adds it; returns its id. */
  private async insertPartner(
    trx: Kysely<DB>,
    actor: Actor,
    project: ProjectRow,
    input: PartnerInput,
    at: string,
  ): Promise<string> {
    const projects = new ProjectRepository(trx);
    const [kind, refId, field] = partnerRef(input);
    const name = await projects.partnerName(actor.workspaceId, kind, refId);
    if (name === undefined) throw new NotFoundError(kind.replace('_', ' '), refId, `${at}.${field}`);
    if (await projects.findPartnerByRef(project.id, refId)) {
      throw new ConflictError(`${name} is already a partner of this project.`);
    }
    const row = await projects.addPartner(project, {
      cluster_id: kind === 'cluster' ? refId : null,
      organisation_id: kind === 'organisation' ? refId : null,
      network_organisation_id: kind === 'network_organisation' ? refId : null,
      role: input.role,
    });
    await new AuditRepository(trx).record({
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'create',
      entityType: 'project_partner',
      entityId: row.id,
      changes: {
        project_id: [null, project.id],
        [`${kind}_id`]: [null, refId],
        role: [null, input.role],
      },
    });
    return row.id;
  }

  /**
   * The stored values of a create (current null) or an edit (only what changes), checked against
   * the project as it will be: the cluster, activity and instrument of this workspace, an amount
   * with its currency and no more decimals than it has, the end not before the start, completion
   * day set when the project completes.
   */
  private async values(
    trx: Kysely<DB>,
    actor: Actor,
    input: Omit<UpdateProjectInput, 'version'>,
    current: ProjectRow | null,
  ): Promise<Partial<ProjectValues>> {
    const projects = new ProjectRepository(trx);
    const values: Partial<ProjectValues> = {};
    if (input.title !== undefined) values.title = input.title;
    if (input.description !== undefined) values.description = input.description;
    if (input.fundingProgramme !== undefined) values.funding_programme = input.fundingProgramme;
    if (input.status !== undefined) values.status = input.status;
    if (input.commonLabel !== undefined) values.common_label = input.commonLabel ? 1 : 0;
    if (input.internationalFunding !== undefined)
      values.international_funding = input.internationalFunding ? 1 : 0;
    if (input.startsOn !== undefined) values.starts_on = input.startsOn;
    if (input.endsOn !== undefined) values.ends_on = input.endsOn;

    if (input.clusterId !== undefined) {
      if (
        input.clusterId !== null &&
        !(await new WorkspaceRepository(trx).hasCluster(actor.workspaceId, input.clusterId))
      ) {
        throw new NotFoundError('cluster', input.clusterId, 'body.clusterId');
      }
      values.cluster_id = input.clusterId;
    }

    // Where it came from: an activity (its instrument follows), or an instrument alone.
    const activityId = input.activityId !== undefined ? input.activityId : (current?.activity_id ?? null);
    if (input.activityId !== undefined) values.activity_id = input.activityId;
    if (activityId !== null && (input.activityId !== undefined || input.instrumentId !== undefined)) {
      const activity = await projects.findActivity(actor.workspaceId, activityId);
      if (!activity) throw new NotFoundError('activity', activityId, 'body.activityId');
      if (
        input.instrumentId !== undefined &&
        input.instrumentId !== null &&
        input.instrumentId !== activity.instrument_id
      ) {
        throw new InvalidInputError("The instrument is the activity's own", [
          { field: 'body.instrumentId', message: "must be the activity's instrument, or left out" },
        ]);
      }
      values.instrument_id = activity.instrument_id;
    } else if (input.instrumentId !== undefined) {
      if (
        input.instrumentId !== null &&
        !(await projects.findInstrument(actor.workspaceId, input.instrumentId))
      ) {
        throw new NotFoundError('instrument', input.instrumentId, 'body.instrumentId');
      }
      values.instrument_id = input.instrumentId;
    } else if (input.activityId === null && current === null) {
      values.instrument_id = null;
    }

    const errors: FieldError[] = [];
    // Money: the amount in minor units of its currency.
    const currency = input.currency !== undefined ? input.currency : (current?.currency ?? null);
    if (input.currency !== undefined) values.currency = input.currency;
    if (input.amount !== undefined || input.currency !== undefined) {
      const amount =
        input.amount !== undefined
          ? input.amount
          : current?.amount_minor === null || current === null
            ? null
            : Number(current.amount_minor);
      if (input.amount !== undefined) {
        if (amount !== null) {
          if (currency === null) {
            errors.push({ field: 'body.currency', message: 'is required with an amount' });
          } else {
            const minor = minorOf(amount, currency);
            if (minor === null) {
              errors.push({ field: 'body.amount', message: `has more decimals than ${currency} has` });
            } else {
              values.amount_minor = minor;
            }
          }
        } else {
          values.amount_minor = null;
        }
      } else if (amount !== null && currency === null) {
        errors.push({ field: 'body.currency', message: 'is required while the project has an amount' });
      } else if (amount !== null && currency !== null && current?.currency && current.currency !== currency) {
        // The same number of minor units means another amount in another currency: ask for it.
        errors.push({ field: 'body.amount', message: 'must be sent again when the currency changes' });
      }
    }

    const startsOn = values.starts_on !== undefined ? values.starts_on : (current?.starts_on ?? null);
    const endsOn = values.ends_on !== undefined ? values.ends_on : (current?.ends_on ?? null);
    if (startsOn !== null && endsOn !== null && endsOn < startsOn) {
      errors.push({ field: 'body.endsOn', message: 'must not be before the start' });
    }

    // Completing sets the completion day; leaving "completed" clears it.
    const status = values.status ?? current?.status ?? 'idea';
    if (status === 'completed') {
      if (input.completedOn !== undefined && input.completedOn !== null)
        values.completed_on = input.completedOn;
      else if (current?.status !== 'completed' || input.completedOn === null)
        values.completed_on = this.clock().toISOString().slice(0, 10);
    } else {
      if (input.completedOn !== undefined && input.completedOn !== null) {
        errors.push({ field: 'body.completedOn', message: 'is only for a completed project' });
      }
      if (current === null || current.completed_on !== null) values.completed_on = null;
    }
    if (errors.length > 0) throw new InvalidInputError('The project cannot be saved as sent', errors);

    if (current === null) {
      return {
        description: '',
        cluster_id: null,
        funding_programme: null,
        amount_minor: null,
        currency: null,
        status: 'idea',
        common_label: 0,
        international_funding: 0,
        activity_id: null,
        instrument_id: null,
        starts_on: null,
        ends_on: null,
        completed_on: null,
        ...values,
      };
    }
    return values;
  }
}

/** A project of the actor's workspace, or 404 (also for another workspace's id). */
async function load(projects: ProjectRepository, actor: Actor, id: string): Promise<ProjectRow> {
  const row = await projects.find(actor.workspaceId, id);
  if (!row) throw new NotFoundError('project', id);
  return row;
}

function partnerRef(input: PartnerInput): [PartnerKind, string, string] {
  if (input.clusterId !== undefined) return ['cluster', input.clusterId, 'clusterId'];
  if (input.organisationId !== undefined) return ['organisation', input.organisationId, 'organisationId'];
  return ['network_organisation', input.networkOrganisationId as string, 'networkOrganisationId'];
}

/** The same partner twice in one list is refused before anything is written. */
function checkPartnerList(partners: readonly PartnerInput[]): void {
  const seen = new Set<string>();
  for (const [index, partner] of partners.entries()) {
    const [, refId, field] = partnerRef(partner);
    if (seen.has(refId)) {
      throw new InvalidInputError('A partner is listed twice', [
        { field: `body.partners.${index}.${field}`, message: 'is already listed as a partner' },
      ]);
    }
    seen.add(refId);
  }
}

/** The audit log records the amount as the decimal number people typed, not minor units. */
function readableMoney(
  changes: Record<string, [unknown, unknown]>,
  currencyBefore: string | null,
  currencyAfter: string | null,
): Record<string, [unknown, unknown]> {
  const minor = changes.amount_minor;
  if (!minor) return changes;
  const { amount_minor: _minor, ...rest } = changes;
  const decimal = (value: unknown, currency: string | null) =>
    value === null || value === undefined ? null : amountOf(Number(value), currency);
  return { ...rest, amount: [decimal(minor[0], currencyBefore), decimal(minor[1], currencyAfter)] };
}

function staleVersion(id: string, sent: number, current: number): ConflictError {
  return new ConflictError(
    `The project ${id} was changed by someone else (version ${current}, you sent ${sent}): reload it and apply your edit again.`,
    current,
  );
}
