import type { Kysely } from 'kysely';
import { newId, nowIso } from '../../db/ids.ts';
import type { DB } from '../../db/schema.ts';
import { isUniqueViolation } from '../../db/unique-keys.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import {
  type Actor,
  can,
  clusterScope,
  ForbiddenError,
  type Permission,
  requireAccess,
  roleMay,
} from '../../domain/access/policy.ts';
import { isIsoDate } from '../../domain/dates.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../../domain/errors.ts';
import {
  convertNetworkOrganisationRow,
  convertNetworkPersonRow,
  type NetworkOrganisationImportField,
  type NetworkPersonImportField,
} from '../../domain/network/import.ts';
import { MAX_VCARDS, readVCards, writeVCard, writeVCards } from '../../domain/network/vcard.ts';
import { normaliseOrganisationName } from '../../domain/registry/duplicates.ts';
import { ClusterLookup, cellText, type RowError } from '../../domain/registry/import-conversion.ts';
import { isIsoCountry } from '../../http/params.ts';
import { type AuditEntry, AuditRepository } from '../audit/repository.ts';
import {
  NetworkDataRepository,
  type NetworkOrganisationKey,
  type NetworkOrganisationValues,
  type NetworkPeopleFilters,
  type NetworkPersonRow,
  type NetworkPersonValues,
} from './repository.ts';
import type {
  NetworkImportResult,
  NetworkImportRowResult,
  NetworkPersonDto,
  PersonDataExport,
  VCardImportOptions,
  VCardImportResult,
} from './schema.ts';

/** The name an erased person keeps (decision 0026). */
export const ERASED_NAME = 'Erased person';

/** The columns that hold what a person is (their personal data): emptied by erasure, in the row and in the audit log. */
const PERSONAL_COLUMNS = [
  'name',
  'role_title',
  'email',
  'phone',
  'language',
  'notes',
  'consent_basis',
  'consent_on',
  'consent_source',
] as const;

type Row<F extends string> = Partial<Record<F, string | null>>;

/**
 * The network's data in and out (issue 21): CSV/XLSX imports of network organisations and people,
 * vCards of people (export, and import with a check step), and a person's GDPR requests (export
 * of everything held, erasure). Every use case checks access first; writes are one transaction each.
 */
export class NetworkDataService {
  constructor(private readonly db: Kysely<DB>) {}

  /** One person's vCard; an erased person has none (409). */
  async vcard(actor: Actor, id: string): Promise<{ filename: string; text: string }> {
    requireAccess(actor, 'network.read');
    const repository = new NetworkDataRepository(this.db);
    const person = await loadPerson(repository, actor, id);
    if (person.erased_at !== null) {
      throw new ConflictError(
        `This person was erased on ${person.erased_at.slice(0, 10)}: there is no card to download.`,
      );
    }
    const organisation = person.organisation_id
      ? await repository.findOrganisation(actor.workspaceId, person.organisation_id)
      : undefined;
    return {
      filename: `${fileStem(person.name)}.vcf`,
      text: writeVCard(cardOf(person, organisation?.name ?? null)),
    };
  }

  /** The cards of the people the filters select (erased people left out), at most 5,000. */
  async vcards(actor: Actor, filters: NetworkPeopleFilters): Promise<{ count: number; text: string }> {
    requireAccess(actor, 'network.read');
    const rows = await new NetworkDataRepository(this.db).peopleForVCards(
      actor.workspaceId,
      { ...filters, ...(filters.q ? { q: filters.q.toLowerCase() } : {}) },
      MAX_VCARDS,
    );
    return { count: rows.length, text: writeVCards(rows.map((row) => cardOf(row, row.organisation_name))) };
  }

  /**
   * Checks (dryRun) or imports the cards of a vCard file. A card whose e-mail is already a
   * person's is skipped, or updates that person when `onDuplicate` is `update`; ORG names an
   * existing network organisation (normalised name; in `country` first) or one created in
   * `country`. A cluster manager's new organisations are its cluster's.
   */
  async importVCards(actor: Actor, bytes: Buffer, options: VCardImportOptions): Promise<VCardImportResult> {
    requireRole(actor, 'network.import');
    const cards = readVCards(bytes);
    const ownerClusterId = await this.importOwner(actor, options.ownerCluster ?? null, 'query.ownerCluster');
    const run = async (db: Kysely<DB>): Promise<VCardImportResult> => {
      const repository = new NetworkDataRepository(db);
      const organisations = new OrganisationMatcher(await repository.organisationKeys(actor.workspaceId));
      const byEmail = new Map(
        (await repository.personEmails(actor.workspaceId)).map((p) => [p.email ?? '', p]),
      );
      const seenEmails = new Map<string, number>();
      const newOrganisations: Array<NetworkOrganisationValues & { id: string }> = [];
      const newPeople: NetworkPersonValues[] = [];
      const updates: Array<{ id: string; version: number; values: Partial<NetworkPersonValues> }> = [];
      const results: VCardImportResult['cards'] = cards.map((card) => {
        const base = {
          index: card.index,
          version: card.version,
          name: card.name,
          email: card.email,
          organisationName: card.organisationName,
          organisation: null as VCardImportResult['cards'][number]['organisation'],
          duplicateOf: null as VCardImportResult['cards'][number]['duplicateOf'],
        };
        const errors: RowError[] = [...card.errors];
        if (card.email !== null && seenEmails.has(card.email)) {
          return {
            ...base,
            action: 'skip' as const,
            reason: `same e-mail as card ${(seenEmails.get(card.email) ?? 0) + 1}`,
            errors,
          };
        }
        if (card.email !== null) seenEmails.set(card.email, card.index);
        const existing = card.email ? byEmail.get(card.email) : undefined;
        if (existing && options.onDuplicate === 'skip') {
          return {
            ...base,
            action: 'skip' as const,
            reason: 'a person with this e-mail is already recorded',
            duplicateOf: { id: existing.id, name: existing.name },
            errors: [],
          };
        }
        // The organisation: matched, or to be created in the chosen country.
        let organisationId: string | null = null;
        let scopeClusterId: string | null = null;
        if (card.organisationName) {
          const found = organisations.match(card.organisationName, options.country ?? null);
          if ('error' in found) errors.push({ field: 'organisation', message: found.error });
          else if (found.organisation) {
            organisationId = found.organisation.id;
            scopeClusterId = found.organisation.ownerClusterId;
            base.organisation = { id: found.organisation.id, name: found.organisation.name, created: false };
          } else if (!options.country) {
            errors.push({
              field: 'country',
              message: `no network organisation "${card.organisationName}": choose the country to create it in`,
            });
          } else {
            const id = newId();
            const created = {
              id,
              name: card.organisationName,
              normalisedName: normaliseOrganisationName(card.organisationName),
              country: options.country,
              websiteDomain: null,
              ownerClusterId,
            };
            organisations.add(created);
            newOrganisations.push({ ...organisationValues(created, 'other'), id });
            organisationId = id;
            scopeClusterId = ownerClusterId;
            base.organisation = { id, name: card.organisationName, created: true };
          }
        }
        if (existing) scopeClusterId = existing.owner_cluster_id;
        if (errors.length === 0 && !can(actor, 'network.import', clusterScope(scopeClusterId))) {
          errors.push({
            field: 'organisation',
            message:
              scopeClusterId === null
                ? 'is required: a person without an organisation of your cluster is the coordinators’'
                : 'is not of your cluster',
          });
        }
        if (errors.length > 0) return { ...base, action: 'invalid' as const, reason: null, errors };
        const values: NetworkPersonValues = {
          organisation_id: organisationId,
          name: card.name,
          role_title: card.roleTitle,
          email: card.email,
          phone: card.phone,
          language: card.language,
          notes: card.notes,
        };
        if (existing) {
          // Only what the card says replaces what is recorded; consent is never taken from a card.
          const changes = Object.fromEntries(
            Object.entries(values).filter(([, value]) => value !== null && value !== ''),
          ) as Partial<NetworkPersonValues>;
          updates.push({ id: existing.id, version: existing.version, values: changes });
          return {
            ...base,
            action: 'update' as const,
            reason: 'a person with this e-mail is already recorded',
            duplicateOf: { id: existing.id, name: existing.name },
            errors: [],
          };
        }
        newPeople.push(values);
        return { ...base, action: 'create' as const, reason: null, errors: [] };
      });
      const count = (action: string) => results.filter((card) => card.action === action).length;
      const result: VCardImportResult = {
        dryRun: options.dryRun,
        total: results.length,
        create: count('create'),
        update: count('update'),
        skip: count('skip'),
        invalid: count('invalid'),
        organisationsCreated: options.dryRun ? 0 : newOrganisations.length,
        cards: results,
      };
      if (options.dryRun) return result;
      await repository.insertOrganisations(actor.workspaceId, newOrganisations);
      const ids = await repository.insertPeople(actor.workspaceId, newPeople);
      for (const update of updates) {
        if (!(await repository.updatePerson(actor.workspaceId, update.id, update.version, update.values))) {
          throw takenMeanwhile();
        }
      }
      await recordImport(db, actor, 'vcards', newOrganisations, newPeople, ids, updates, {
        total: result.total,
        created: result.create,
        updated: result.update,
        skipped: result.skip,
        invalid: result.invalid,
      });
      return result;
    };
    if (options.dryRun) return run(this.db);
    return writeTransaction(this.db, run).catch(refuseTakenMeanwhile);
  }

  /** Organisations from mapped CSV/XLSX rows: checked (dryRun) or the valid, non-duplicate ones written. */
  async importOrganisations(
    actor: Actor,
    body: { rows: Row<NetworkOrganisationImportField>[]; dryRun: boolean },
  ): Promise<NetworkImportResult> {
    requireRole(actor, 'network.import');
    const run = async (db: Kysely<DB>): Promise<NetworkImportResult> => {
      const repository = new NetworkDataRepository(db);
      const clusters = new ClusterLookup(await repository.clusterKeys(actor.workspaceId));
      const keys = await repository.organisationKeys(actor.workspaceId);
      const byNameCountry = new Map(keys.map((key) => [`${key.country}|${key.normalisedName}`, key]));
      const byDomain = new Map(
        keys.filter((k) => k.websiteDomain).map((key) => [key.websiteDomain ?? '', key]),
      );
      const fileNameCountry = new Map<string, number>();
      const accepted: Array<NetworkOrganisationValues & { id: string }> = [];
      const rows = body.rows.map((row, index): NetworkImportRowResult => {
        const { values, errors } = convertNetworkOrganisationRow(row, isIsoCountry);
        let ownerClusterId: string | null = defaultOwner(actor);
        const ownerText = cellText(row.ownerCluster);
        if (ownerText !== '') {
          const found = clusters.resolve(ownerText);
          if ('id' in found) ownerClusterId = found.id;
          else errors.push({ field: 'ownerCluster', message: found.error });
        }
        if (errors.length === 0 && !can(actor, 'network.import', clusterScope(ownerClusterId))) {
          errors.push({ field: 'ownerCluster', message: 'is not your cluster' });
        }
        if (!values || errors.length > 0) return { index, status: 'invalid', errors, warnings: [] };
        const key = `${values.country}|${values.normalisedName}`;
        const stored = values.normalisedName === '' ? undefined : byNameCountry.get(key);
        if (stored) {
          return duplicate(index, { id: stored.id, name: stored.name, reason: 'name and country' });
        }
        const earlier = fileNameCountry.get(key);
        if (earlier !== undefined) {
          return duplicate(index, { id: null, name: values.name, reason: 'same file', row: earlier });
        }
        if (values.normalisedName !== '') fileNameCountry.set(key, index);
        const sameDomain = values.websiteDomain ? byDomain.get(values.websiteDomain) : undefined;
        const id = newId();
        accepted.push({
          ...organisationValues({ ...values, ownerClusterId }, values.type),
          id,
          city: values.city,
          website: values.website,
          space_segments: JSON.stringify(values.spaceSegments),
          melca: JSON.stringify(values.melca),
          tags: JSON.stringify(values.tags),
          notes: values.notes,
        });
        return {
          index,
          status: 'valid',
          errors: [],
          warnings: sameDomain
            ? [
                {
                  field: 'website',
                  message: `same website domain as "${sameDomain.name}" (${sameDomain.country}): check it is not the same organisation`,
                },
              ]
            : [],
        };
      });
      if (!body.dryRun && accepted.length > 0) {
        await repository.insertOrganisations(actor.workspaceId, accepted);
      }
      return finishImport(db, actor, 'organisations', body.dryRun, rows, accepted, [], []);
    };
    if (body.dryRun) return run(this.db);
    return writeTransaction(this.db, run).catch(refuseTakenMeanwhile);
  }

  /** People from mapped CSV/XLSX rows; an organisation named by id or name is linked. */
  async importPeople(
    actor: Actor,
    body: { rows: Row<NetworkPersonImportField>[]; dryRun: boolean },
  ): Promise<NetworkImportResult> {
    requireRole(actor, 'network.import');
    const run = async (db: Kysely<DB>): Promise<NetworkImportResult> => {
      const repository = new NetworkDataRepository(db);
      const organisations = new OrganisationMatcher(await repository.organisationKeys(actor.workspaceId));
      const emails = new Map(
        (await repository.personEmails(actor.workspaceId)).map((p) => [p.email ?? '', p]),
      );
      const fileEmails = new Map<string, number>();
      const accepted: NetworkPersonValues[] = [];
      const rows = body.rows.map((row, index): NetworkImportRowResult => {
        const { values, errors } = convertNetworkPersonRow(row, isIsoDate);
        let organisation: NetworkOrganisationKey | null = null;
        const named = cellText(row.organisation);
        if (named !== '') {
          const found = organisations.match(named, null);
          if ('error' in found) errors.push({ field: 'organisation', message: found.error });
          else if (found.organisation) organisation = found.organisation;
          else {
            errors.push({
              field: 'organisation',
              message: `no network organisation "${named}" in this workspace (give its id or name; import the organisations first)`,
            });
          }
        }
        if (
          values &&
          errors.length === 0 &&
          !can(actor, 'network.import', clusterScope(organisation?.ownerClusterId ?? null))
        ) {
          errors.push({
            field: 'organisation',
            message: organisation
              ? 'is not of your cluster'
              : 'is required: a person without organisation is the coordinators’',
          });
        }
        if (!values || errors.length > 0) return { index, status: 'invalid', errors, warnings: [] };
        if (values.email) {
          const stored = emails.get(values.email);
          if (stored) return duplicate(index, { id: stored.id, name: stored.name, reason: 'e-mail' });
          const earlier = fileEmails.get(values.email);
          if (earlier !== undefined) {
            return duplicate(index, { id: null, name: values.name, reason: 'same file', row: earlier });
          }
          fileEmails.set(values.email, index);
        }
        accepted.push({
          organisation_id: organisation?.id ?? null,
          name: values.name,
          email: values.email,
          phone: values.phone,
          role_title: values.roleTitle,
          language: values.language,
          consent_basis: values.consentBasis,
          consent_on: values.consentOn,
          consent_source: values.consentSource,
          notes: values.notes,
        });
        return { index, status: 'valid', errors: [], warnings: [] };
      });
      let ids: string[] = [];
      if (!body.dryRun && accepted.length > 0)
        ids = await repository.insertPeople(actor.workspaceId, accepted);
      return finishImport(db, actor, 'people', body.dryRun, rows, [], accepted, ids);
    };
    if (body.dryRun) return run(this.db);
    return writeTransaction(this.db, run).catch(refuseTakenMeanwhile);
  }

  /** Everything the workspace holds about a person (GDPR Art. 15): the row, organisation, interactions, audit entries. */
  async dataExport(actor: Actor, id: string): Promise<PersonDataExport> {
    requireAccess(actor, 'network.gdpr');
    const repository = new NetworkDataRepository(this.db);
    const person = await loadPerson(repository, actor, id);
    const organisation = person.organisation_id
      ? await repository.findOrganisation(actor.workspaceId, person.organisation_id)
      : undefined;
    const [interactions, audit] = await Promise.all([
      repository.interactionsOf(actor.workspaceId, id),
      repository.auditOf(actor.workspaceId, id),
    ]);
    return {
      exportedAt: nowIso(),
      person: presentPerson(person),
      organisation: organisation
        ? {
            id: organisation.id,
            name: organisation.name,
            type: organisation.type,
            country: organisation.country,
            city: organisation.city,
            website: organisation.website,
          }
        : null,
      interactions: interactions.map((row) => ({
        id: row.id,
        kind: row.kind,
        occurredOn: row.occurred_on,
        organisation: row.organisation_name,
        activity: row.activity_title,
        notes: row.notes,
        nextStep: row.next_step,
        nextStepDueOn: row.next_step_due_on,
        recordedAt: row.created_at,
      })),
      auditEvents: audit.map((row) => ({
        id: row.id,
        at: row.created_at,
        action: row.action,
        actor: row.actor_name,
        changes: JSON.parse(row.changes) as Record<string, [unknown, unknown]>,
      })),
    };
  }

  /**
   * Erases a person (GDPR Art. 17, decision 0026): the row stays, so interactions and the counts
   * that rest on it hold, with the name "Erased person" and every other personal value emptied;
   * the audit log's earlier entries about the person lose those values too, and a new entry
   * records who erased the person, without them. `confirm` must be the person's name.
   */
  async erase(actor: Actor, id: string, confirm: string): Promise<NetworkPersonDto> {
    requireAccess(actor, 'network.gdpr');
    return writeTransaction(this.db, async (trx) => {
      const repository = new NetworkDataRepository(trx);
      const person = await loadPerson(repository, actor, id);
      if (person.erased_at !== null) {
        throw new ConflictError(
          `This person was already erased on ${person.erased_at.slice(0, 10)}: there is nothing left to erase.`,
        );
      }
      if (confirm.trim().toLowerCase() !== person.name.trim().toLowerCase()) {
        throw new InvalidInputError('Type the person’s name to confirm the erasure.', [
          { field: 'body.confirm', message: 'is not the person’s name' },
        ]);
      }
      const erasedAt = nowIso();
      const updated = await repository.updatePerson(actor.workspaceId, id, person.version, {
        name: ERASED_NAME,
        role_title: null,
        email: null,
        phone: null,
        language: null,
        notes: '',
        consent_basis: null,
        consent_on: null,
        consent_source: null,
        erased_at: erasedAt,
      });
      if (!updated) throw new ConflictError('The person changed while being erased; try again.');
      for (const entry of await repository.auditOf(actor.workspaceId, id)) {
        const changes = JSON.parse(entry.changes) as Record<string, [unknown, unknown]>;
        let touched = false;
        for (const column of PERSONAL_COLUMNS) {
          if (changes[column]) {
            changes[column] = changes[column].map((value) => (value === null ? null : '(erased)')) as [
              unknown,
              unknown,
            ];
            touched = true;
          }
        }
        if (touched) await repository.setAuditChanges(entry.id, JSON.stringify(changes));
      }
      await new AuditRepository(trx).record({
        workspaceId: actor.workspaceId,
        actorUserId: actor.userId,
        action: 'update',
        entityType: 'network_person' as const,
        entityId: id,
        changes: { erased_at: [null, erasedAt] },
      });
      const row = await repository.findPerson(actor.workspaceId, id);
      if (!row) throw new NotFoundError('network person', id);
      return presentPerson(row);
    });
  }

  /** The owner cluster of what an import creates: a cluster manager's own; a coordinator's choice or none. */
  private async importOwner(actor: Actor, requested: string | null, field: string): Promise<string | null> {
    if (requested === null) return defaultOwner(actor);
    const clusters = await new NetworkDataRepository(this.db).clusterKeys(actor.workspaceId);
    if (!clusters.some((cluster) => cluster.id === requested))
      throw new NotFoundError('cluster', requested, field);
    if (!can(actor, 'network.import', { clusterId: requested })) {
      throw new InvalidInputError('You may import into your own cluster only.', [
        { field, message: 'is not your cluster' },
      ]);
    }
    return requested;
  }
}

/** Finds network organisations by id or normalised name (in a preferred country first). */
class OrganisationMatcher {
  private readonly byId = new Map<string, NetworkOrganisationKey>();
  private readonly byName = new Map<string, NetworkOrganisationKey[]>();

  constructor(keys: readonly NetworkOrganisationKey[]) {
    for (const key of keys) this.add(key);
  }

  add(key: NetworkOrganisationKey): void {
    this.byId.set(key.id, key);
    this.byName.set(key.normalisedName, [...(this.byName.get(key.normalisedName) ?? []), key]);
  }

  /** The organisation, null when none has this name, or why the text names several. */
  match(
    text: string,
    country: string | null,
  ): { organisation: NetworkOrganisationKey | null } | { error: string } {
    const byId = this.byId.get(text);
    if (byId) return { organisation: byId };
    const matches = this.byName.get(normaliseOrganisationName(text)) ?? [];
    const inCountry = country ? matches.filter((match) => match.country === country) : [];
    const found = inCountry.length === 1 ? inCountry : matches;
    if (found.length > 1) {
      return {
        error: `"${text}" matches network organisations in ${found.map((m) => m.country).join(', ')}: give the id`,
      };
    }
    return { organisation: found[0] ?? null };
  }
}

function defaultOwner(actor: Actor): string | null {
  return actor.role === 'cluster_manager' ? actor.clusterId : null;
}

function requireRole(actor: Actor, permission: Permission): void {
  if (!roleMay(actor.role, permission)) throw new ForbiddenError(permission);
}

async function loadPerson(
  repository: NetworkDataRepository,
  actor: Actor,
  id: string,
): Promise<NetworkPersonRow> {
  const person = await repository.findPerson(actor.workspaceId, id);
  if (!person) throw new NotFoundError('network person', id);
  return person;
}

function organisationValues(
  key: {
    name: string;
    normalisedName: string;
    country: string;
    ownerClusterId: string | null;
    websiteDomain: string | null;
  },
  type: string,
): NetworkOrganisationValues & { id: string } {
  return {
    id: newId(),
    owner_cluster_id: key.ownerClusterId,
    name: key.name,
    normalised_name: key.normalisedName,
    type,
    country: key.country,
    city: null,
    website: null,
    website_domain: key.websiteDomain,
    space_segments: '[]',
    melca: '[]',
    tags: '[]',
    notes: '',
  };
}

function cardOf(person: NetworkPersonRow, organisationName: string | null) {
  return {
    name: person.name,
    email: person.email,
    phone: person.phone,
    roleTitle: person.role_title,
    language: person.language,
    notes: person.notes,
    organisationName,
  };
}

/** A file name from a person's name: letters, digits and dashes (ASCII, for every browser). */
function fileStem(name: string): string {
  const stem = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  return stem === '' ? 'contact' : stem.slice(0, 60);
}

export function presentPerson(row: NetworkPersonRow): NetworkPersonDto {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    name: row.name,
    roleTitle: row.role_title,
    email: row.email,
    phone: row.phone,
    language: row.language,
    consentBasis: row.consent_basis as NetworkPersonDto['consentBasis'],
    consentOn: row.consent_on,
    consentSource: row.consent_source,
    notes: row.notes,
    erasedAt: row.erased_at,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function duplicate(
  index: number,
  duplicateOf: NonNullable<NetworkImportRowResult['duplicateOf']>,
): NetworkImportRowResult {
  return { index, status: 'duplicate', errors: [], warnings: [], duplicateOf };
}

function takenMeanwhile(): ConflictError {
  return new ConflictError(
    'Some of these records were saved or changed by another import or edit while this one ran, so nothing was imported. Run the check again: it shows them as duplicates, and an import then brings in the others.',
  );
}

function refuseTakenMeanwhile(error: unknown): never {
  if (isUniqueViolation(error)) throw takenMeanwhile();
  throw error;
}

/** Audit: one `create` entry per record written, and one entry for the import itself. */
async function recordImport(
  db: Kysely<DB>,
  actor: Actor,
  kind: 'organisations' | 'people' | 'vcards',
  organisations: ReadonlyArray<NetworkOrganisationValues & { id: string }>,
  people: readonly NetworkPersonValues[],
  personIds: readonly string[],
  updates: ReadonlyArray<{ id: string; values: Partial<NetworkPersonValues> }>,
  counts: Record<string, number>,
): Promise<void> {
  const base = { workspaceId: actor.workspaceId, actorUserId: actor.userId };
  const entries: AuditEntry[] = [
    ...organisations.map(({ id, ...values }) => ({
      ...base,
      action: 'create' as const,
      entityType: 'network_organisation' as const,
      entityId: id,
      changes: changesOf(values),
    })),
    ...people.map((values, index) => ({
      ...base,
      action: 'create' as const,
      entityType: 'network_person' as const,
      entityId: personIds[index] ?? '',
      changes: changesOf(values),
    })),
    ...updates.map((update) => ({
      ...base,
      action: 'update' as const,
      entityType: 'network_person' as const,
      entityId: update.id,
      changes: Object.fromEntries(
        Object.entries(update.values).map(([k, v]) => [k, [null, v]]),
      ) as AuditEntry['changes'],
    })),
    {
      ...base,
      action: 'create',
      entityType: kind === 'organisations' ? 'network_organisation_import' : 'network_person_import',
      entityId: newId(),
      changes: Object.fromEntries([
        ['kind', [null, kind]],
        ...Object.entries(counts).map(([key, value]) => [key, [null, value]]),
      ]),
    },
  ];
  await new AuditRepository(db).recordMany(entries);
}

function changesOf(values: object): AuditEntry['changes'] {
  return Object.fromEntries(
    Object.entries(values)
      .filter(([, value]) => value !== null && value !== undefined && value !== '' && value !== '[]')
      .map(([key, value]) => [key, [null, value]]),
  ) as AuditEntry['changes'];
}

async function finishImport(
  db: Kysely<DB>,
  actor: Actor,
  kind: 'organisations' | 'people',
  dryRun: boolean,
  rows: NetworkImportRowResult[],
  organisations: ReadonlyArray<NetworkOrganisationValues & { id: string }>,
  people: readonly NetworkPersonValues[],
  personIds: readonly string[],
): Promise<NetworkImportResult> {
  const count = (status: NetworkImportRowResult['status']) =>
    rows.filter((row) => row.status === status).length;
  const valid = count('valid');
  const result: NetworkImportResult = {
    dryRun,
    total: rows.length,
    valid,
    invalid: count('invalid'),
    duplicates: count('duplicate'),
    created: dryRun ? 0 : valid,
    rows: dryRun ? rows : rows.map((row) => (row.status === 'valid' ? { ...row, status: 'created' } : row)),
  };
  if (!dryRun && valid > 0) {
    await recordImport(db, actor, kind, organisations, people, personIds, [], {
      total: result.total,
      created: result.created,
      invalid: result.invalid,
      duplicates: result.duplicates,
    });
  }
  return result;
}
