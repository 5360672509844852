import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { violatedUniqueKey } from '../../db/unique-keys.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import { type Actor, clusterScope, requireAccess } from '../../domain/access/policy.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../../domain/errors.ts';
import { websiteDomain } from '../../domain/network/languages.ts';
import { normaliseOrganisationName } from '../../domain/registry/duplicates.ts';
import { cursorPosition, pageOf, parseSort } from '../../http/list-params.ts';
import { AuditRepository, diff } from '../audit/repository.ts';
import { WorkspaceRepository } from '../workspaces/repository.ts';
import { presentNetworkOrganisation, presentNetworkPerson } from './presenter.ts';
import {
  NetworkOrganisationRepository,
  type NetworkOrganisationRow,
  type NetworkOrganisationValues,
  NetworkPersonRepository,
  type NetworkPersonValues,
  type NetworkPersonWithOrganisation,
} from './repository.ts';
import type {
  CreateNetworkOrganisationInput,
  CreateNetworkPersonInput,
  DuplicatesQuery,
  ListNetworkOrganisationsQuery,
  ListNetworkPeopleQuery,
  NetworkDuplicatesDto,
  NetworkOrganisationDto,
  NetworkPersonDto,
  UpdateNetworkOrganisationInput,
  UpdateNetworkPersonInput,
} from './schema.ts';

/** The audit log's names of the network's registry records. */
export const NETWORK_ORGANISATION_RECORD = 'network_organisation';
export const NETWORK_PERSON_RECORD = 'network_person';

type StoredOrganisation = NetworkOrganisationRow & { people_count?: unknown };

/**
 * Use cases of the network's organisations (issue 21, decision 0026): outside the consortium,
 * read by the partnership's staff, written in the owner cluster's scope. Access is checked first.
 */
export class NetworkOrganisationService {
  constructor(private readonly db: Kysely<DB>) {}

  async list(actor: Actor, options: ListNetworkOrganisationsQuery) {
    requireAccess(actor, 'network.read');
    const q = options.q ? normaliseOrganisationName(options.q) : '';
    const filters = {
      ...(q ? { q } : {}),
      ...(options.country ? { country: options.country } : {}),
      ...(options.type ? { type: options.type } : {}),
      ...(options.segment ? { segment: options.segment } : {}),
      ...(options.tag ? { tag: options.tag } : {}),
      ...(options.ownerClusterId ? { ownerClusterId: options.ownerClusterId } : {}),
    };
    const after = cursorPosition(options.cursor, options.sort);
    const organisations = new NetworkOrganisationRepository(this.db);
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
    return { items: page.rows.map(presentNetworkOrganisation), nextCursor: page.nextCursor, total };
  }

  async get(actor: Actor, id: string): Promise<NetworkOrganisationDto> {
    requireAccess(actor, 'network.read');
    return presentNetworkOrganisation(
      await loadNetworkOrganisation(new NetworkOrganisationRepository(this.db), actor, id),
    );
  }

  /**
   * What a form should warn about before saving: organisations with the same normalised name in
   * the same country (saving is refused) or the same website domain (a warning), people with the
   * same e-mail (refused).
   */
  async duplicates(actor: Actor, query: DuplicatesQuery): Promise<NetworkDuplicatesDto> {
    requireAccess(actor, 'network.read');
    const normalisedName = query.name ? normaliseOrganisationName(query.name) : null;
    const domain = query.website ? websiteDomain(query.website) : null;
    const rows = await new NetworkOrganisationRepository(this.db).findPossibleDuplicates(actor.workspaceId, {
      normalisedName: normalisedName || null,
      country: query.country ?? null,
      websiteDomain: domain,
    });
    const organisations = rows
      .filter((row) => row.id !== query.excludeId)
      .map((row) => ({
        id: row.id,
        name: row.name,
        country: row.country,
        website: row.website,
        reason:
          normalisedName && row.normalised_name === normalisedName && row.country === query.country
            ? ('name_and_country' as const)
            : ('website_domain' as const),
      }));
    const email = query.email?.toLowerCase();
    const person = email
      ? await new NetworkPersonRepository(this.db).findByEmail(actor.workspaceId, email)
      : undefined;
    return {
      organisations,
      people:
        person && person.id !== query.excludeId
          ? [
              {
                id: person.id,
                name: person.name,
                email: person.email,
                organisationName: person.organisation_name,
                reason: 'email' as const,
              },
            ]
          : [],
    };
  }

  async create(actor: Actor, input: CreateNetworkOrganisationInput): Promise<NetworkOrganisationDto> {
    requireAccess(actor, 'network.create', clusterScope(input.ownerClusterId));
    const values = organisationCreateValues(input);
    return writeTransaction(this.db, async (trx) => {
      const organisations = new NetworkOrganisationRepository(trx);
      await ensureClusterOfWorkspace(trx, actor.workspaceId, values.owner_cluster_id);
      await ensureNoDuplicate(organisations, actor.workspaceId, values, null);
      const row = await organisations.create(actor.workspaceId, values);
      await new AuditRepository(trx).record({
        workspaceId: actor.workspaceId,
        actorUserId: actor.userId,
        action: 'create',
        entityType: NETWORK_ORGANISATION_RECORD,
        entityId: row.id,
        changes: diff({}, values),
      });
      return presentNetworkOrganisation({ ...row, people_count: 0 });
    }).catch((error: unknown) => this.refuseLostRace(error, actor.workspaceId, values, null));
  }

  async update(
    actor: Actor,
    id: string,
    input: UpdateNetworkOrganisationInput,
  ): Promise<NetworkOrganisationDto> {
    let edited: Pick<NetworkOrganisationValues, 'name' | 'normalised_name' | 'country'> | undefined;
    return writeTransaction(this.db, async (trx) => {
      const organisations = new NetworkOrganisationRepository(trx);
      const current = await loadNetworkOrganisation(organisations, actor, id);
      requireAccess(actor, 'network.update', clusterScope(current.owner_cluster_id));
      const { version, ...rest } = input;
      const values = organisationUpdateValues(rest);
      if (values.owner_cluster_id !== undefined && values.owner_cluster_id !== current.owner_cluster_id) {
        // Handing it to another cluster is like adding it there.
        requireAccess(actor, 'network.create', clusterScope(values.owner_cluster_id));
        await ensureClusterOfWorkspace(trx, actor.workspaceId, values.owner_cluster_id);
      }
      const { people_count: _p, ...stored } = current;
      const changes = diff(stored, values);
      edited = { ...stored, ...values };
      if (changes.normalised_name || changes.country) {
        await ensureNoDuplicate(organisations, actor.workspaceId, edited, id);
      }
      const updated = await organisations.update(actor.workspaceId, id, version, values);
      if (!updated) throw staleVersion('network organisation', id, version, current.version);
      if (Object.keys(changes).length > 0) {
        await new AuditRepository(trx).record({
          workspaceId: actor.workspaceId,
          actorUserId: actor.userId,
          action: 'update',
          entityType: NETWORK_ORGANISATION_RECORD,
          entityId: id,
          changes,
        });
      }
      return presentNetworkOrganisation({ ...updated, people_count: current.people_count });
    }).catch((error: unknown) =>
      edited ? this.refuseLostRace(error, actor.workspaceId, edited, id) : Promise.reject(error),
    );
  }

  /**
   * Deletes an organisation nothing else holds: one with interactions, relationships or project
   * partnerships is refused (409 naming them; merge it into another instead). Its people stay,
   * without an organisation.
   */
  async delete(actor: Actor, id: string, version: number): Promise<void> {
    await writeTransaction(this.db, async (trx) => {
      const organisations = new NetworkOrganisationRepository(trx);
      const current = await loadNetworkOrganisation(organisations, actor, id);
      requireAccess(actor, 'network.delete', clusterScope(current.owner_cluster_id));
      if (current.version !== version)
        throw staleVersion('network organisation', id, version, current.version);
      const held = await organisations.holders(id);
      const holders = [
        held.interactions > 0 ? `${held.interactions} interaction(s)` : null,
        held.relationships > 0 ? `${held.relationships} relationship(s)` : null,
        held.projects > 0 ? `${held.projects} project partnership(s)` : null,
      ].filter((text): text is string => text !== null);
      if (holders.length > 0) {
        throw new ConflictError(
          `The network organisation "${current.name}" is held by ${holders.join(', ')}: merge it into another organisation instead of deleting it.`,
        );
      }
      if (!(await organisations.delete(actor.workspaceId, id, version))) {
        throw staleVersion('network organisation', id, version, current.version);
      }
      await new AuditRepository(trx).record({
        workspaceId: actor.workspaceId,
        actorUserId: actor.userId,
        action: 'delete',
        entityType: NETWORK_ORGANISATION_RECORD,
        entityId: id,
        changes: goneChanges(current),
      });
    });
  }

  /**
   * Merges the organisation `id` into `intoId`: its people, interactions, relationships (a pair
   * that would collide keeps the later pipeline stage, with both histories) and project
   * partnerships move to the kept one, which also gains its missing city and website and the
   * union of segments, MELCA fields and tags; then `id` is deleted. One transaction, audited.
   */
  async merge(actor: Actor, id: string, input: { intoId: string; version: number }) {
    return writeTransaction(this.db, async (trx) => {
      const organisations = new NetworkOrganisationRepository(trx);
      const merged = await loadNetworkOrganisation(organisations, actor, id);
      requireAccess(actor, 'network.delete', clusterScope(merged.owner_cluster_id));
      if (input.intoId === id) {
        throw new InvalidInputError('An organisation cannot be merged into itself', [
          { field: 'body.intoId', message: 'must be another organisation than the merged one' },
        ]);
      }
      const kept = await organisations.find(actor.workspaceId, input.intoId);
      if (!kept) throw new NotFoundError('network organisation', input.intoId, 'body.intoId');
      requireAccess(actor, 'network.update', clusterScope(kept.owner_cluster_id));
      if (merged.version !== input.version) {
        throw staleVersion('network organisation', id, input.version, merged.version);
      }
      const moved = await organisations.moveReferences(actor.workspaceId, id, kept.id);
      const union = (a: string, b: string) =>
        JSON.stringify([...new Set([...(JSON.parse(a) as string[]), ...(JSON.parse(b) as string[])])]);
      const mergedTags = JSON.parse(union(kept.tags, merged.tags)) as string[];
      const keptValues: Partial<NetworkOrganisationValues> = {
        city: kept.city ?? merged.city,
        website: kept.website ?? merged.website,
        website_domain: kept.website_domain ?? merged.website_domain,
        space_segments: union(kept.space_segments, merged.space_segments),
        melca: union(kept.melca, merged.melca),
        tags: JSON.stringify(mergedTags.slice(0, 20)),
      };
      const { people_count: _k, ...keptStored } = kept;
      const keptChanges = diff(keptStored, keptValues);
      if (!(await organisations.delete(actor.workspaceId, id, input.version))) {
        throw staleVersion('network organisation', id, input.version, merged.version);
      }
      const updated = await organisations.update(actor.workspaceId, kept.id, kept.version, keptValues);
      if (!updated) throw staleVersion('network organisation', kept.id, kept.version, kept.version);
      const audit = new AuditRepository(trx);
      await audit.recordMany([
        {
          workspaceId: actor.workspaceId,
          actorUserId: actor.userId,
          action: 'delete',
          entityType: NETWORK_ORGANISATION_RECORD,
          entityId: id,
          changes: { ...goneChanges(merged), merged_into: [null, kept.id] },
        },
        {
          workspaceId: actor.workspaceId,
          actorUserId: actor.userId,
          action: 'update',
          entityType: NETWORK_ORGANISATION_RECORD,
          entityId: kept.id,
          changes: {
            ...keptChanges,
            merged_from: [null, merged.id],
            moved: [null, moved],
          },
        },
      ]);
      const after = await organisations.find(actor.workspaceId, kept.id);
      return presentNetworkOrganisation(after ?? updated);
    });
  }

  /**
   * The unique index refused a write that raced another (PostgreSQL): the check runs again
   * outside the transaction and names the duplicate, as it does without a race.
   */
  private async refuseLostRace(
    error: unknown,
    workspaceId: string,
    values: Pick<NetworkOrganisationValues, 'name' | 'normalised_name' | 'country'>,
    ownId: string | null,
  ): Promise<never> {
    if (violatedUniqueKey(error) !== 'networkOrganisationName') throw error;
    if (!this.db.isTransaction) {
      await ensureNoDuplicate(new NetworkOrganisationRepository(this.db), workspaceId, values, ownId);
    }
    throw duplicateNameError(null, values.country);
  }
}

/**
 * Use cases of the network's people: a person's scope is their organisation's owner cluster (no
 * organisation: the coordinators').
 */
export class NetworkPersonService {
  constructor(private readonly db: Kysely<DB>) {}

  async list(actor: Actor, options: ListNetworkPeopleQuery) {
    requireAccess(actor, 'network.read');
    const q = options.q?.toLowerCase() ?? '';
    const filters = {
      ...(q ? { q } : {}),
      ...(options.organisationId ? { organisationId: options.organisationId } : {}),
      ...(options.country ? { country: options.country } : {}),
      ...(options.language ? { language: options.language } : {}),
    };
    const after = cursorPosition(options.cursor, options.sort);
    const people = new NetworkPersonRepository(this.db);
    const [rows, total] = await Promise.all([
      people.list(actor.workspaceId, {
        ...filters,
        limit: options.limit + 1,
        sort: parseSort(options.sort),
        ...(after ? { after } : {}),
      }),
      people.count(actor.workspaceId, filters),
    ]);
    const page = pageOf(rows, options.limit, options.sort);
    return { items: page.rows.map(presentNetworkPerson), nextCursor: page.nextCursor, total };
  }

  async get(actor: Actor, id: string): Promise<NetworkPersonDto> {
    requireAccess(actor, 'network.read');
    return presentNetworkPerson(await loadNetworkPerson(new NetworkPersonRepository(this.db), actor, id));
  }

  async create(actor: Actor, input: CreateNetworkPersonInput): Promise<NetworkPersonDto> {
    const values = personCreateValues(input);
    return writeTransaction(this.db, async (trx) => {
      const people = new NetworkPersonRepository(trx);
      const owner = await organisationOwner(trx, actor, input.organisationId, 'body.organisationId');
      requireAccess(actor, 'network.create', clusterScope(owner));
      if (values.email !== null) await ensureEmailFree(people, actor.workspaceId, values.email, null);
      const row = await people.create(actor.workspaceId, values);
      await new AuditRepository(trx).record({
        workspaceId: actor.workspaceId,
        actorUserId: actor.userId,
        action: 'create',
        entityType: NETWORK_PERSON_RECORD,
        entityId: row.id,
        changes: diff({}, values),
      });
      return presentNetworkPerson(await loadNetworkPerson(people, actor, row.id));
    }).catch((error: unknown) => refuseTakenEmail(error, values.email));
  }

  async update(actor: Actor, id: string, input: UpdateNetworkPersonInput): Promise<NetworkPersonDto> {
    const { version, ...rest } = input;
    const values = personUpdateValues(rest);
    return writeTransaction(this.db, async (trx) => {
      const people = new NetworkPersonRepository(trx);
      const current = await loadNetworkPerson(people, actor, id);
      requireAccess(actor, 'network.update', clusterScope(current.owner_cluster_id));
      if (current.erased_at !== null) {
        throw new ConflictError(`The person ${id} was erased (GDPR): an erased person cannot be edited.`);
      }
      if (values.organisation_id !== undefined && values.organisation_id !== current.organisation_id) {
        const owner = await organisationOwner(trx, actor, values.organisation_id, 'body.organisationId');
        requireAccess(actor, 'network.create', clusterScope(owner));
      }
      if (values.email && values.email !== current.email) {
        await ensureEmailFree(people, actor.workspaceId, values.email, id);
      }
      const { organisation_name: _n, owner_cluster_id: _o, ...stored } = current;
      const changes = diff(stored, values);
      const updated = await people.update(actor.workspaceId, id, version, values);
      if (!updated) throw staleVersion('network person', id, version, current.version);
      if (Object.keys(changes).length > 0) {
        await new AuditRepository(trx).record({
          workspaceId: actor.workspaceId,
          actorUserId: actor.userId,
          action: 'update',
          entityType: NETWORK_PERSON_RECORD,
          entityId: id,
          changes,
        });
      }
      return presentNetworkPerson(await loadNetworkPerson(people, actor, id));
    }).catch((error: unknown) => refuseTakenEmail(error, values.email ?? null));
  }

  /**
   * Deletes a person no interaction names (409 otherwise: merge the person into another, or
   * erase them, which keeps the counts).
   */
  async delete(actor: Actor, id: string, version: number): Promise<void> {
    await writeTransaction(this.db, async (trx) => {
      const people = new NetworkPersonRepository(trx);
      const current = await loadNetworkPerson(people, actor, id);
      requireAccess(actor, 'network.delete', clusterScope(current.owner_cluster_id));
      if (current.version !== version) throw staleVersion('network person', id, version, current.version);
      const interactions = await people.interactionCount(id);
      if (interactions > 0) {
        throw new ConflictError(
          `The person "${current.name}" is named in ${interactions} interaction(s): merge them into another person, or erase them (GDPR), instead of deleting.`,
        );
      }
      if (!(await people.delete(actor.workspaceId, id, version))) {
        throw staleVersion('network person', id, version, current.version);
      }
      const { organisation_name: _n, owner_cluster_id: _o, ...stored } = current;
      await new AuditRepository(trx).record({
        workspaceId: actor.workspaceId,
        actorUserId: actor.userId,
        action: 'delete',
        entityType: NETWORK_PERSON_RECORD,
        entityId: id,
        changes: goneChanges(stored),
      });
    });
  }

  /**
   * Merges the person `id` into `intoId`: interactions are re-pointed; the kept person gains the
   * merged one's missing contact data (not the e-mail, which is unique: it goes with the merged
   * person); the merged person is deleted. One transaction, audited.
   */
  async merge(actor: Actor, id: string, input: { intoId: string; version: number }) {
    return writeTransaction(this.db, async (trx) => {
      const people = new NetworkPersonRepository(trx);
      const merged = await loadNetworkPerson(people, actor, id);
      requireAccess(actor, 'network.delete', clusterScope(merged.owner_cluster_id));
      if (input.intoId === id) {
        throw new InvalidInputError('A person cannot be merged into themselves', [
          { field: 'body.intoId', message: 'must be another person than the merged one' },
        ]);
      }
      const kept = await people.find(actor.workspaceId, input.intoId);
      if (!kept) throw new NotFoundError('network person', input.intoId, 'body.intoId');
      requireAccess(actor, 'network.update', clusterScope(kept.owner_cluster_id));
      if (kept.erased_at !== null) {
        throw new InvalidInputError('An erased person cannot receive a merge', [
          { field: 'body.intoId', message: 'is an erased person' },
        ]);
      }
      if (merged.version !== input.version)
        throw staleVersion('network person', id, input.version, merged.version);
      const interactions = await people.moveInteractions(actor.workspaceId, id, kept.id);
      const keptValues: Partial<NetworkPersonValues> = {};
      if (merged.erased_at === null) {
        keptValues.organisation_id = kept.organisation_id ?? merged.organisation_id;
        keptValues.role_title = kept.role_title ?? merged.role_title;
        keptValues.phone = kept.phone ?? merged.phone;
        keptValues.language = kept.language ?? merged.language;
        if (kept.consent_basis === null && merged.consent_basis !== null) {
          keptValues.consent_basis = merged.consent_basis;
          keptValues.consent_on = merged.consent_on;
          keptValues.consent_source = merged.consent_source;
        }
      }
      const { organisation_name: _n, owner_cluster_id: _o, ...keptStored } = kept;
      const keptChanges = diff(keptStored, keptValues);
      if (!(await people.delete(actor.workspaceId, id, input.version))) {
        throw staleVersion('network person', id, input.version, merged.version);
      }
      const updated = await people.update(actor.workspaceId, kept.id, kept.version, keptValues);
      if (!updated) throw staleVersion('network person', kept.id, kept.version, kept.version);
      const { organisation_name: _mn, owner_cluster_id: _mo, ...mergedStored } = merged;
      await new AuditRepository(trx).recordMany([
        {
          workspaceId: actor.workspaceId,
          actorUserId: actor.userId,
          action: 'delete',
          entityType: NETWORK_PERSON_RECORD,
          entityId: id,
          changes: { ...goneChanges(mergedStored), merged_into: [null, kept.id] },
        },
        {
          workspaceId: actor.workspaceId,
          actorUserId: actor.userId,
          action: 'update',
          entityType: NETWORK_PERSON_RECORD,
          entityId: kept.id,
          changes: {
            ...keptChanges,
            merged_from: [null, merged.id],
            interactions_moved: [null, interactions],
          },
        },
      ]);
      return presentNetworkPerson(await loadNetworkPerson(people, actor, kept.id));
    });
  }
}

/** A network organisation of the actor's workspace, or 404 (also for another workspace's id). */
export async function loadNetworkOrganisation(
  organisations: NetworkOrganisationRepository,
  actor: Actor,
  id: string,
): Promise<StoredOrganisation> {
  const row = await organisations.find(actor.workspaceId, id);
  if (!row) throw new NotFoundError('network organisation', id);
  return row;
}

export async function loadNetworkPerson(
  people: NetworkPersonRepository,
  actor: Actor,
  id: string,
): Promise<NetworkPersonWithOrganisation> {
  const row = await people.find(actor.workspaceId, id);
  if (!row) throw new NotFoundError('network person', id);
  return row;
}

/** The owner cluster of the person's organisation (null: none, or the coordinators'); 404 naming the field. */
async function organisationOwner(
  db: Kysely<DB>,
  actor: Actor,
  organisationId: string | null,
  field: string,
): Promise<string | null> {
  if (organisationId === null) return null;
  const row = await new NetworkOrganisationRepository(db).find(actor.workspaceId, organisationId);
  if (!row) throw new NotFoundError('network organisation', organisationId, field);
  return row.owner_cluster_id;
}

async function ensureClusterOfWorkspace(db: Kysely<DB>, workspaceId: string, clusterId: string | null) {
  if (clusterId === null) return;
  if (!(await new WorkspaceRepository(db).hasCluster(workspaceId, clusterId))) {
    throw new InvalidInputError(`No cluster "${clusterId}" in this workspace`, [
      { field: 'body.ownerClusterId', message: 'is not a cluster of this workspace' },
    ]);
  }
}

async function ensureNoDuplicate(
  organisations: NetworkOrganisationRepository,
  workspaceId: string,
  values: Pick<NetworkOrganisationValues, 'name' | 'normalised_name' | 'country'>,
  ownId: string | null,
): Promise<void> {
  if (!values.normalised_name) return;
  const existing = (
    await organisations.findPossibleDuplicates(workspaceId, {
      normalisedName: values.normalised_name,
      country: values.country,
      websiteDomain: null,
    })
  ).find((row) => row.id !== ownId);
  if (existing) throw duplicateNameError(existing, values.country);
}

function duplicateNameError(existing: { id: string; name: string } | null, country: string) {
  const other = existing
    ? `The network organisation "${existing.name}" (${existing.id})`
    : 'Another network organisation';
  return new InvalidInputError(`${other} has the same name in ${country}`, [
    {
      field: 'body.name',
      message: 'duplicates another network organisation of this workspace in the same country',
    },
  ]);
}

async function ensureEmailFree(
  people: NetworkPersonRepository,
  workspaceId: string,
  email: string,
  ownId: string | null,
) {
  const existing = await people.findByEmail(workspaceId, email);
  if (existing && existing.id !== ownId) throw takenEmailError(existing);
}

function takenEmailError(existing: { id: string; name: string } | null) {
  const other = existing ? `"${existing.name}" (${existing.id})` : 'Another person';
  return new InvalidInputError(`${other} already has this e-mail`, [
    { field: 'body.email', message: 'is already used by another person of the network' },
  ]);
}

/** The e-mail's unique index refused a racing write: the same 400 as the check. */
function refuseTakenEmail(error: unknown, email: string | null): never {
  if (email !== null && violatedUniqueKey(error) === 'networkPersonEmail') throw takenEmailError(null);
  throw error;
}

function staleVersion(resource: string, id: string, sent: number, current: number): ConflictError {
  return new ConflictError(
    `The ${resource} ${id} was changed by someone else (version ${current}, you sent ${sent}): reload it and apply your edit again.`,
    current,
  );
}

/** field → [value, null] of a deleted record (its identity and timestamps left out). */
function goneChanges(row: object): Record<string, [unknown, unknown]> {
  const skip = new Set(['id', 'workspace_id', 'version', 'created_at', 'updated_at', 'people_count']);
  return Object.fromEntries(
    Object.entries(row)
      .filter(([key]) => !skip.has(key))
      .map(([key, value]) => [key, [value, null]]),
  );
}

/** The stored values of a new network organisation (also for the import). */
export function organisationCreateValues(input: CreateNetworkOrganisationInput): NetworkOrganisationValues {
  return {
    owner_cluster_id: input.ownerClusterId,
    name: input.name,
    normalised_name: normaliseOrganisationName(input.name),
    type: input.type,
    country: input.country,
    city: input.city,
    website: input.website,
    website_domain: websiteDomain(input.website),
    space_segments: JSON.stringify(input.spaceSegments),
    melca: JSON.stringify(input.melca),
    tags: JSON.stringify(input.tags),
    notes: input.notes,
  };
}

function organisationUpdateValues(
  input: Omit<UpdateNetworkOrganisationInput, 'version'>,
): Partial<NetworkOrganisationValues> {
  const values: Partial<NetworkOrganisationValues> = {};
  if (input.ownerClusterId !== undefined) values.owner_cluster_id = input.ownerClusterId;
  if (input.name !== undefined) {
    values.name = input.name;
    values.normalised_name = normaliseOrganisationName(input.name);
  }
  if (input.type !== undefined) values.type = input.type;
  if (input.country !== undefined) values.country = input.country;
  if (input.city !== undefined) values.city = input.city;
  if (input.website !== undefined) {
    values.website = input.website;
    values.website_domain = websiteDomain(input.website);
  }
  if (input.spaceSegments !== undefined) values.space_segments = JSON.stringify(input.spaceSegments);
  if (input.melca !== undefined) values.melca = JSON.stringify(input.melca);
  if (input.tags !== undefined) values.tags = JSON.stringify(input.tags);
  if (input.notes !== undefined) values.notes = input.notes;
  return values;
}

/** The stored values of a new network person (also for the import). */
export function personCreateValues(input: CreateNetworkPersonInput): NetworkPersonValues {
  return {
    organisation_id: input.organisationId,
    name: input.name,
    role_title: input.roleTitle,
    email: input.email === null ? null : input.email.toLowerCase(),
    phone: input.phone,
    language: input.language,
    consent_basis: input.consentBasis,
    consent_on: input.consentOn,
    consent_source: input.consentSource,
    notes: input.notes,
    erased_at: null,
  };
}

function personUpdateValues(input: Omit<UpdateNetworkPersonInput, 'version'>): Partial<NetworkPersonValues> {
  const values: Partial<NetworkPersonValues> = {};
  if (input.organisationId !== undefined) values.organisation_id = input.organisationId;
  if (input.name !== undefined) values.name = input.name;
  if (input.roleTitle !== undefined) values.role_title = input.roleTitle;
  if (input.email !== undefined) values.email = input.email === null ? null : input.email.toLowerCase();
  if (input.phone !== undefined) values.phone = input.phone;
  if (input.language !== undefined) values.language = input.language;
  if (input.consentBasis !== undefined) values.consent_basis = input.consentBasis;
  if (input.consentOn !== undefined) values.consent_on = input.consentOn;
  if (input.consentSource !== undefined) values.consent_source = input.consentSource;
  if (input.notes !== undefined) values.notes = input.notes;
  return values;
}
