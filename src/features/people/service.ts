import type { Kysely } from 'kysely';
import { nowIso } from '../../db/ids.ts';
import type { DB } from '../../db/schema.ts';
import { violatedUniqueKey } from '../../db/unique-keys.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import { type Actor, requireAccess, type Scope } from '../../domain/access/policy.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../../domain/errors.ts';
import { cursorPosition, pageOf, parseSort } from '../../http/list-params.ts';
import { AuditRepository, diff } from '../audit/repository.ts';
import { OrganisationRepository } from '../organisations/repository.ts';
import { loadOrganisation } from '../organisations/service.ts';
import {
  type PersonFilters,
  PersonRepository,
  type PersonRow,
  type PersonValues,
  type PersonWithScope,
} from './repository.ts';
import type { CreatePersonInput, ListPeopleQuery, PersonDto, UpdatePersonInput } from './schema.ts';

/** Use cases of the people of a workspace's registry. Every method checks access first. */
export class PersonService {
  constructor(private readonly db: Kysely<DB>) {}

  async list(actor: Actor, options: ListPeopleQuery) {
    requireAccess(actor, 'person.read');
    return this.page(actor, options, options.organisation);
  }

  /** The people of one organisation (404 when the organisation is not of this workspace). */
  async listForOrganisation(
    actor: Actor,
    organisationId: string,
    options: Omit<ListPeopleQuery, 'organisation'>,
  ) {
    requireAccess(actor, 'person.read');
    await loadOrganisation(new OrganisationRepository(this.db), actor, organisationId);
    return this.page(actor, options, organisationId);
  }

  async get(actor: Actor, id: string): Promise<PersonDto> {
    requireAccess(actor, 'person.read');
    return presentPerson(await loadPerson(new PersonRepository(this.db), actor, id));
  }

  async create(actor: Actor, input: CreatePersonInput): Promise<PersonDto> {
    const email = input.email === null ? null : input.email.toLowerCase();
    return writeTransaction(this.db, async (trx) => {
      const people = new PersonRepository(trx);
      const scope = await organisationScope(people, actor.workspaceId, input.organisationId);
      requireAccess(actor, 'person.create', scope);
      const values = personCreateValues(input, nowIso());
      if (values.email !== null) await ensureEmailFree(people, actor.workspaceId, values.email);
      const row = await people.create(actor.workspaceId, values);
      await new AuditRepository(trx).record({
        workspaceId: actor.workspaceId,
        actorUserId: actor.userId,
        action: 'create',
        entityType: 'person',
        entityId: row.id,
        changes: diff({}, values),
      });
      return presentPerson(row);
    }).catch((error: unknown) => this.refuseLostRace(error, actor.workspaceId, email));
  }

  async update(actor: Actor, id: string, input: UpdatePersonInput): Promise<PersonDto> {
    return writeTransaction(this.db, async (trx) => {
      const people = new PersonRepository(trx);
      const current = await loadPerson(people, actor, id);
      requireAccess(actor, 'person.update', personScope(current));
      const { version, ...rest } = input;
      const values = updateValues(rest, current);
      if (values.organisation_id !== undefined && values.organisation_id !== current.organisation_id) {
        // Moving a person to an organisation is like adding it there.
        requireAccess(
          actor,
          'person.create',
          await organisationScope(people, actor.workspaceId, values.organisation_id),
        );
      }
      if (values.email && values.email !== current.email) {
        await ensureEmailFree(people, actor.workspaceId, values.email);
      }
      const { cluster_id: _cluster, ...stored } = current;
      const changes = diff(stored, values);
      const updated = await people.update(actor.workspaceId, id, version, values);
      if (!updated) throw staleVersion(id, version, current.version);
      if (Object.keys(changes).length > 0) {
        await new AuditRepository(trx).record({
          workspaceId: actor.workspaceId,
          actorUserId: actor.userId,
          action: 'update',
          entityType: 'person',
          entityId: id,
          changes,
        });
      }
      return presentPerson(updated);
    }).catch((error: unknown) =>
      this.refuseLostRace(error, actor.workspaceId, input.email ? input.email.toLowerCase() : null),
    );
  }

  async delete(actor: Actor, id: string, version: number): Promise<void> {
    await writeTransaction(this.db, async (trx) => {
      const people = new PersonRepository(trx);
      const current = await loadPerson(people, actor, id);
      requireAccess(actor, 'person.delete', personScope(current));
      if (!(await people.delete(actor.workspaceId, id, version))) {
        throw staleVersion(id, version, current.version);
      }
      const {
        id: _id,
        workspace_id: _w,
        version: _v,
        created_at: _c,
        updated_at: _u,
        cluster_id: _cluster,
        ...gone
      } = current;
      await new AuditRepository(trx).record({
        workspaceId: actor.workspaceId,
        actorUserId: actor.userId,
        action: 'delete',
        entityType: 'person',
        entityId: id,
        changes: Object.fromEntries(Object.entries(gone).map(([k, v]) => [k, [v, null]])),
      });
    });
  }

  /**
   * A unique index refused the write: a concurrent request gave another person this e-mail after
   * this one's check passed (PostgreSQL runs them at once; decision 0015). Nothing was written; the
   * check runs again outside the refused transaction and names that person. Any other error is
   * thrown on unchanged.
   */
  private async refuseLostRace(error: unknown, workspaceId: string, email: string | null): Promise<never> {
    if (email === null || violatedUniqueKey(error) !== 'personEmail') throw error;
    if (!this.db.isTransaction) await ensureEmailFree(new PersonRepository(this.db), workspaceId, email);
    // The other person is gone again (or this runs inside a caller's transaction).
    throw emailTaken(email, null);
  }

  /** One page in the requested order, with the number of all matching people. */
  private async page(actor: Actor, options: Omit<ListPeopleQuery, 'organisation'>, organisationId?: string) {
    const filters: PersonFilters = {
      ...(options.q ? { q: options.q } : {}),
      ...(organisationId ? { organisationId } : {}),
    };
    const after = cursorPosition(options.cursor, options.sort);
    const people = new PersonRepository(this.db);
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
    return { items: page.rows.map(presentPerson), nextCursor: page.nextCursor, total };
  }
}

/** The stored values of a new person (also used by the import); `now` is the consent time. */
export function personCreateValues(input: CreatePersonInput, now: string): PersonValues {
  return {
    organisation_id: input.organisationId,
    name: input.name,
    email: input.email === null ? null : input.email.toLowerCase(),
    phone: input.phone,
    role_title: input.roleTitle,
    consent: input.consent ? 1 : 0,
    consent_at: input.consent ? now : null,
  };
}

/** A person of the actor's workspace, or 404 (also for another workspace's id). */
async function loadPerson(people: PersonRepository, actor: Actor, id: string): Promise<PersonWithScope> {
  const row = await people.find(actor.workspaceId, id);
  if (!row) throw new NotFoundError('person', id);
  return row;
}

/** The policy scope of a person: its organisation and that organisation's cluster. */
function personScope(person: PersonWithScope): Scope {
  return {
    ...(person.cluster_id ? { clusterId: person.cluster_id } : {}),
    ...(person.organisation_id ? { organisationId: person.organisation_id } : {}),
  };
}

/** The scope of a person placed in `organisationId`; 400 when it is not an organisation of the workspace. */
async function organisationScope(
  people: PersonRepository,
  workspaceId: string,
  organisationId: string | null,
): Promise<Scope> {
  if (organisationId === null) return {};
  const clusterId = await people.organisationCluster(workspaceId, organisationId);
  if (clusterId === undefined) {
    throw new InvalidInputError(`No organisation "${organisationId}" in this workspace`, [
      { field: 'body.organisationId', message: 'is not an organisation of this workspace' },
    ]);
  }
  return { clusterId, organisationId };
}

async function ensureEmailFree(people: PersonRepository, workspaceId: string, email: string): Promise<void> {
  const other = await people.findByEmail(workspaceId, email);
  if (other) throw emailTaken(email, other);
}

/** The 400 of a taken e-mail, naming the person who has it when known. */
function emailTaken(email: string, other: { id: string; name: string } | null): InvalidInputError {
  const who = other ? `The person "${other.name}" (${other.id})` : 'Another person';
  return new InvalidInputError(`${who} already has the e-mail ${email}`, [
    { field: 'body.email', message: 'is already used by another person of this workspace' },
  ]);
}

function staleVersion(id: string, sent: number, current: number): ConflictError {
  return new ConflictError(
    `The person ${id} was changed by someone else (version ${current}, you sent ${sent}): reload it and apply your edit again.`,
    current,
  );
}

/** Only the fields the edit sends; consent_at follows a change of consent. */
function updateValues(input: Omit<UpdatePersonInput, 'version'>, current: PersonRow): Partial<PersonValues> {
  const values: Partial<PersonValues> = {};
  if (input.organisationId !== undefined) values.organisation_id = input.organisationId;
  if (input.name !== undefined) values.name = input.name;
  if (input.email !== undefined) values.email = input.email === null ? null : input.email.toLowerCase();
  if (input.phone !== undefined) values.phone = input.phone;
  if (input.roleTitle !== undefined) values.role_title = input.roleTitle;
  if (input.consent !== undefined && (input.consent ? 1 : 0) !== current.consent) {
    values.consent = input.consent ? 1 : 0;
    values.consent_at = input.consent ? nowIso() : null;
  }
  return values;
}

export function presentPerson(row: PersonRow): PersonDto {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    roleTitle: row.role_title,
    consent: row.consent === 1,
    consentAt: row.consent_at,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
