import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { violatedUniqueKey } from '../../db/unique-keys.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import { type Actor, requireAccess } from '../../domain/access/policy.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../../domain/errors.ts';
import {
  type DuplicateReason,
  findDuplicateOrganisations,
  normaliseOrganisationName,
  normaliseRegistrationId,
} from '../../domain/registry/duplicates.ts';
import { cursorPosition, pageOf, parseSort } from '../../http/list-params.ts';
import { historyNames } from '../audit/references.ts';
import { AuditRepository, diff } from '../audit/repository.ts';
import { WorkspaceRepository } from '../workspaces/repository.ts';
import {
  type OrganisationFilters,
  OrganisationRepository,
  type OrganisationRow,
  type OrganisationValues,
} from './repository.ts';
import type {
  CreateOrganisationInput,
  ListOrganisationsQuery,
  OrganisationDetailDto,
  OrganisationDto,
  OrganisationHistoryDto,
  OrganisationHistoryQuery,
  UpdateOrganisationInput,
} from './schema.ts';

/** Use cases of the member organisations of a workspace. Every method checks access first. */
export class OrganisationService {
  constructor(private readonly db: Kysely<DB>) {}

  /** One page in the requested order, with the number of all matching organisations. */
  async list(actor: Actor, options: ListOrganisationsQuery) {
    requireAccess(actor, 'organisation.read');
    const q = options.q ? normaliseOrganisationName(options.q) : '';
    const filters: OrganisationFilters = {
      ...(q ? { q } : {}),
      ...(options.cluster ? { clusterId: options.cluster } : {}),
      ...(options.country ? { country: options.country } : {}),
      ...(options.segment ? { segment: options.segment } : {}),
      ...(options.type ? { type: options.type } : {}),
    };
    const after = cursorPosition(options.cursor, options.sort);
    const organisations = new OrganisationRepository(this.db);
    const [rows, total] = await Promise.all([
      organisations.list(actor.workspaceId, {
        ...filters,
        limit: options.limit + 1,
        sort: parseSort(options.sort),
        ...(after ? { after } : {}),
      }),
      organisations.count(actor.workspaceId, filters),
    ]);
    const page = pageOf(rows, options.limit, options.sort);
    return { items: page.rows.map(presentOrganisation), nextCursor: page.nextCursor, total };
  }

  /** One organisation with the number of its people (its profile page). */
  async get(actor: Actor, id: string): Promise<OrganisationDetailDto> {
    requireAccess(actor, 'organisation.read');
    const organisations = new OrganisationRepository(this.db);
    const row = await loadOrganisation(organisations, actor, id);
    return {
      ...presentOrganisation(row),
      peopleCount: await organisations.countPeople(actor.workspaceId, id),
    };
  }

  /**
   * The changes of one organisation and of the people who work for it, newest first, from the
   * audit log (its page's history), with the names a reader needs.
   */
  async history(actor: Actor, id: string, query: OrganisationHistoryQuery): Promise<OrganisationHistoryDto> {
    requireAccess(actor, 'organisation.read');
    await loadOrganisation(new OrganisationRepository(this.db), actor, id);
    const rows = await new AuditRepository(this.db).organisationHistory(actor.workspaceId, id, {
      limit: query.limit + 1,
      ...(query.cursor ? { before: query.cursor } : {}),
    });
    const page = rows.slice(0, query.limit).map((row) => ({
      row,
      entityType: row.entity_type === 'person' ? ('person' as const) : ('organisation' as const),
      changes: JSON.parse(row.changes) as Record<string, [unknown, unknown]>,
    }));
    const { names, references } = await historyNames(
      this.db,
      actor.workspaceId,
      page.map(({ row, entityType, changes }) => ({
        entityTable: entityType,
        entityId: row.entity_id,
        changes,
      })),
    );
    return {
      items: page.map(({ row, entityType, changes }) => ({
        id: row.id,
        at: row.created_at,
        actor: row.actor_name,
        action: row.action as 'create' | 'update' | 'delete',
        entityType,
        entityId: row.entity_id,
        entityName: names.get(row.entity_id) ?? null,
        changes,
      })),
      nextCursor: rows.length > query.limit ? (page.at(-1)?.row.id ?? null) : null,
      references,
    };
  }

  async create(actor: Actor, input: CreateOrganisationInput): Promise<OrganisationDto> {
    requireAccess(actor, 'organisation.create', { clusterId: input.clusterId });
    const values = organisationCreateValues(input);
    return writeTransaction(this.db, async (trx) => {
      const organisations = new OrganisationRepository(trx);
      await ensureClusterOfWorkspace(new WorkspaceRepository(trx), actor.workspaceId, values.cluster_id);
      await ensureNoDuplicate(organisations, actor.workspaceId, values, null);
      const row = await organisations.create(actor.workspaceId, values);
      await new AuditRepository(trx).record({
        workspaceId: actor.workspaceId,
        actorUserId: actor.userId,
        action: 'create',
        entityType: 'organisation',
        entityId: row.id,
        changes: diff({}, values),
      });
      return presentOrganisation(row);
    }).catch((error: unknown) => this.refuseLostRace(error, actor.workspaceId, values, null));
  }

  async update(actor: Actor, id: string, input: UpdateOrganisationInput): Promise<OrganisationDto> {
    let edited: DuplicateKeyValues | undefined;
    return writeTransaction(this.db, async (trx) => {
      const organisations = new OrganisationRepository(trx);
      const current = await loadOrganisation(organisations, actor, id);
      requireAccess(actor, 'organisation.update', { clusterId: current.cluster_id, organisationId: id });
      const { version, ...rest } = input;
      const values = updateValues(rest);
      deriveDuplicateKey(current, values);
      if (values.cluster_id !== undefined && values.cluster_id !== current.cluster_id) {
        // Moving a member into a cluster is like adding it there.
        requireAccess(actor, 'organisation.create', { clusterId: values.cluster_id });
        await ensureClusterOfWorkspace(new WorkspaceRepository(trx), actor.workspaceId, values.cluster_id);
      }
      const changes = diff(current, values);
      edited = { ...current, ...values };
      if (changes.normalised_name || changes.country || changes.registration_id) {
        await ensureNoDuplicate(organisations, actor.workspaceId, edited, id);
      }
      const updated = await organisations.update(actor.workspaceId, id, version, values);
      if (!updated) throw staleVersion('organisation', id, version, current.version);
      if (values.cluster_id !== undefined && values.cluster_id !== current.cluster_id) {
        await organisations.moveRelationshipScope(actor.workspaceId, id, values.cluster_id);
      }
      if (Object.keys(changes).length > 0) {
        await new AuditRepository(trx).record({
          workspaceId: actor.workspaceId,
          actorUserId: actor.userId,
          action: 'update',
          entityType: 'organisation',
          entityId: id,
          changes,
        });
      }
      return presentOrganisation(updated);
    }).catch((error: unknown) =>
      edited ? this.refuseLostRace(error, actor.workspaceId, edited, id) : Promise.reject(error),
    );
  }

  async delete(actor: Actor, id: string, version: number): Promise<void> {
    await writeTransaction(this.db, async (trx) => {
      const organisations = new OrganisationRepository(trx);
      const current = await loadOrganisation(organisations, actor, id);
      requireAccess(actor, 'organisation.delete', { clusterId: current.cluster_id, organisationId: id });
      if (!(await organisations.delete(actor.workspaceId, id, version))) {
        throw staleVersion('organisation', id, version, current.version);
      }
      const { id: _id, workspace_id: _w, version: _v, created_at: _c, updated_at: _u, ...gone } = current;
      await new AuditRepository(trx).record({
        workspaceId: actor.workspaceId,
        actorUserId: actor.userId,
        action: 'delete',
        entityType: 'organisation',
        entityId: id,
        changes: Object.fromEntries(Object.entries(gone).map(([k, v]) => [k, [v, null]])),
      });
    });
  }

  /**
   * A unique index refused the write: a concurrent request saved a duplicate after this one's
   * check passed (PostgreSQL runs them at once; decision 0015). The refused transaction wrote
   * nothing; the other write is committed by now, so the check runs again outside it and names the
   * organisation, as it does without a race. Any other error is thrown on unchanged.
   */
  private async refuseLostRace(
    error: unknown,
    workspaceId: string,
    values: DuplicateKeyValues,
    ownId: string | null,
  ): Promise<never> {
    const key = violatedUniqueKey(error);
    if (key !== 'organisationName' && key !== 'organisationRegistration') throw error;
    if (!this.db.isTransaction) {
      await ensureNoDuplicate(new OrganisationRepository(this.db), workspaceId, values, ownId);
    }
    // The other organisation is gone again (or this runs inside a caller's transaction).
    throw duplicateError(
      key === 'organisationRegistration' ? 'registration_id' : 'name_and_country',
      null,
      values.country,
    );
  }
}

/** An organisation of the actor's workspace, or 404 (also for another workspace's id). */
export async function loadOrganisation(
  organisations: OrganisationRepository,
  actor: Actor,
  id: string,
): Promise<OrganisationRow> {
  const row = await organisations.find(actor.workspaceId, id);
  if (!row) throw new NotFoundError('organisation', id);
  return row;
}

async function ensureClusterOfWorkspace(
  workspaces: WorkspaceRepository,
  workspaceId: string,
  clusterId: string,
): Promise<void> {
  if (!(await workspaces.hasCluster(workspaceId, clusterId))) {
    throw new InvalidInputError(`No cluster "${clusterId}" in this workspace`, [
      { field: 'body.clusterId', message: 'is not a cluster of this workspace' },
    ]);
  }
}

type DuplicateKeyValues = Pick<
  OrganisationValues,
  'name' | 'normalised_name' | 'country' | 'registration_id'
>;

/** Refuses the same registration id, or the same normalised name in the same country (400). */
async function ensureNoDuplicate(
  organisations: OrganisationRepository,
  workspaceId: string,
  values: DuplicateKeyValues,
  ownId: string | null,
): Promise<void> {
  const candidates = (
    await organisations.findPossibleDuplicates(workspaceId, {
      normalisedName: values.normalised_name,
      country: values.country,
      registrationId: values.registration_id,
    })
  ).filter((row) => row.id !== ownId);
  const duplicates = findDuplicateOrganisations(
    { name: values.name, country: values.country, registrationId: values.registration_id },
    candidates.map((row) => ({ ...row, registrationId: row.registration_id })),
  );
  const first = duplicates[0];
  if (first) throw duplicateError(first.reason, first.existing, values.country);
}

/** The 400 of a duplicate, naming the field and, when known, the organisation it duplicates. */
function duplicateError(
  reason: DuplicateReason,
  existing: { id: string; name: string } | null,
  country: string,
): InvalidInputError {
  const byRegistration = reason === 'registration_id';
  const other = existing ? `The organisation "${existing.name}" (${existing.id})` : 'Another organisation';
  return new InvalidInputError(
    byRegistration ? `${other} already has this registration id` : `${other} has the same name in ${country}`,
    [
      {
        field: byRegistration ? 'body.registrationId' : 'body.name',
        message: byRegistration
          ? 'is already used by another organisation of this workspace'
          : 'duplicates another organisation of this workspace in the same country',
      },
    ],
  );
}

/**
 * Sets the duplicate key (`normalised_name`) of an edit: derived again when the name's key or the
 * country changes, otherwise left as stored. A duplicate that migration 0014 kept (its key
 * suffixed with its id) stays editable; renaming it or moving it to another country is checked.
 */
function deriveDuplicateKey(current: OrganisationRow, values: Partial<OrganisationValues>): void {
  const key = normaliseOrganisationName(values.name ?? current.name);
  if (
    key !== normaliseOrganisationName(current.name) ||
    (values.country ?? current.country) !== current.country
  ) {
    values.normalised_name = key;
  } else {
    delete values.normalised_name;
  }
}

function staleVersion(resource: string, id: string, sent: number, current: number): ConflictError {
  return new ConflictError(
    `The ${resource} ${id} was changed by someone else (version ${current}, you sent ${sent}): reload it and apply your edit again.`,
    current,
  );
}

/** The stored values of a new organisation (also used by the import). */
export function organisationCreateValues(input: CreateOrganisationInput): OrganisationValues {
  return {
    cluster_id: input.clusterId,
    name: input.name,
    normalised_name: normaliseOrganisationName(input.name),
    type: input.type,
    size: input.size,
    country: input.country,
    city: input.city,
    website: input.website,
    registration_id: input.registrationId === null ? null : normaliseRegistrationId(input.registrationId),
    space_segments: JSON.stringify(input.spaceSegments),
    melca: JSON.stringify(input.melca),
    offers: input.offers,
    offer_tags: JSON.stringify(input.offerTags),
    requests: input.requests,
    request_tags: JSON.stringify(input.requestTags),
    target_market_interests: JSON.stringify(input.targetMarketInterests),
    export_experience: input.exportExperience,
  };
}

/** Only the fields the edit sends (the duplicate key: `deriveDuplicateKey`). */
function updateValues(input: Omit<UpdateOrganisationInput, 'version'>): Partial<OrganisationValues> {
  const values: Partial<OrganisationValues> = {};
  if (input.clusterId !== undefined) values.cluster_id = input.clusterId;
  if (input.name !== undefined) values.name = input.name;
  if (input.type !== undefined) values.type = input.type;
  if (input.size !== undefined) values.size = input.size;
  if (input.country !== undefined) values.country = input.country;
  if (input.city !== undefined) values.city = input.city;
  if (input.website !== undefined) values.website = input.website;
  if (input.registrationId !== undefined) {
    values.registration_id =
      input.registrationId === null ? null : normaliseRegistrationId(input.registrationId);
  }
  if (input.spaceSegments !== undefined) values.space_segments = JSON.stringify(input.spaceSegments);
  if (input.melca !== undefined) values.melca = JSON.stringify(input.melca);
  if (input.offers !== undefined) values.offers = input.offers;
  if (input.offerTags !== undefined) values.offer_tags = JSON.stringify(input.offerTags);
  if (input.requests !== undefined) values.requests = input.requests;
  if (input.requestTags !== undefined) values.request_tags = JSON.stringify(input.requestTags);
  if (input.targetMarketInterests !== undefined) {
    values.target_market_interests = JSON.stringify(input.targetMarketInterests);
  }
  if (input.exportExperience !== undefined) values.export_experience = input.exportExperience;
  return values;
}

export function presentOrganisation(row: OrganisationRow): OrganisationDto {
  return {
    id: row.id,
    clusterId: row.cluster_id,
    name: row.name,
    type: row.type,
    size: row.size,
    country: row.country,
    city: row.city,
    website: row.website,
    registrationId: row.registration_id,
    spaceSegments: JSON.parse(row.space_segments),
    melca: JSON.parse(row.melca),
    offers: row.offers,
    offerTags: JSON.parse(row.offer_tags),
    requests: row.requests,
    requestTags: JSON.parse(row.request_tags),
    targetMarketInterests: JSON.parse(row.target_market_interests),
    exportExperience: row.export_experience,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
