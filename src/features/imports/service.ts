import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { newId, nowIso } from '../../db/ids.ts';
import type { DB } from '../../db/schema.ts';
import { violatedUniqueKey } from '../../db/unique-keys.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import {
  type Actor,
  can,
  ForbiddenError,
  type Permission,
  roleMay,
  type Scope,
} from '../../domain/access/policy.ts';
import { ConflictError, InvalidInputError } from '../../domain/errors.ts';
import {
  NETWORK_ORGANISATION_HEADERS,
  NETWORK_ORGANISATION_IMPORT_FIELDS,
  NETWORK_PERSON_HEADERS,
  NETWORK_PERSON_IMPORT_FIELDS,
  suggestNetworkMapping,
} from '../../domain/network/import.ts';
import {
  ClusterLookup,
  convertOrganisationRow,
  convertPersonRow,
  OrganisationLookup,
  type RowError,
} from '../../domain/registry/import-conversion.ts';
import {
  type DuplicateOf,
  OrganisationDuplicateIndex,
  PersonDuplicateIndex,
} from '../../domain/registry/import-duplicates.ts';
import { suggestMapping } from '../../domain/registry/import-fields.ts';
import type { CsvEncoding } from '../../domain/registry/text-encoding.ts';
import { AuditRepository } from '../audit/repository.ts';
import type { OrganisationValues } from '../organisations/repository.ts';
import { createOrganisationBody } from '../organisations/schema.ts';
import { organisationCreateValues } from '../organisations/service.ts';
import type { PersonValues } from '../people/repository.ts';
import { createPersonBody } from '../people/schema.ts';
import { personCreateValues } from '../people/service.ts';
import { looksLikeZip, readCsv, readXlsx, type TableFormat } from './read-table.ts';
import { ImportRepository } from './repository.ts';
import type { ImportResult, ImportRowResult, OrganisationImportBody, PersonImportBody } from './schema.ts';

/** Fields of the create schemas named as the import names them. */
const IMPORT_FIELD_OF: Record<string, string> = { clusterId: 'cluster', organisationId: 'organisation' };

/**
 * Registry import: a file is parsed to text rows (nothing stored), the client maps columns to
 * fields, and rows are checked (dry run) or imported. Rows are validated by the create
 * endpoints' zod schemas; a commit writes every valid, non-duplicate row in one transaction.
 */
export class ImportService {
  constructor(private readonly db: Kysely<DB>) {}

  /**
   * The table of an uploaded CSV or XLSX file with a suggested mapping and, for CSV, the encoding
   * and delimiter it was read with. `declared`: from the Content-Type; `encoding`: the user's choice.
   */
  async parse(actor: Actor, declared: TableFormat, bytes: Buffer, encoding?: CsvEncoding) {
    requireImportRole(actor, 'organisation.import');
    if (bytes.length === 0) {
      throw new InvalidInputError('The file is empty.', [{ field: 'body', message: 'is empty' }]);
    }
    // A CSV upload that is really a workbook (Windows often labels files loosely) is read as one;
    // a declared workbook that is not a ZIP is refused by readXlsx.
    const format: TableFormat = declared === 'xlsx' || looksLikeZip(bytes) ? 'xlsx' : 'csv';
    const table =
      format === 'xlsx'
        ? { ...(await readXlsx(bytes)), encoding: null, encodingGuessed: false, delimiter: null }
        : readCsv(bytes, encoding);
    return {
      format,
      encoding: table.encoding,
      encodingGuessed: table.encodingGuessed,
      delimiter: table.delimiter,
      headers: table.headers,
      rows: table.rows,
      rowCount: table.rows.length,
      suggestedMapping: {
        organisations: suggestMapping(table.headers, 'organisations'),
        people: suggestMapping(table.headers, 'people'),
        networkOrganisations: suggestNetworkMapping(
          table.headers,
          NETWORK_ORGANISATION_IMPORT_FIELDS,
          NETWORK_ORGANISATION_HEADERS,
        ),
        networkPeople: suggestNetworkMapping(
          table.headers,
          NETWORK_PERSON_IMPORT_FIELDS,
          NETWORK_PERSON_HEADERS,
        ),
      },
    };
  }

  async importOrganisations(actor: Actor, body: OrganisationImportBody): Promise<ImportResult> {
    requireImportRole(actor, 'organisation.import');
    const run = async (db: Kysely<DB>): Promise<ImportResult> => {
      const repository = new ImportRepository(db);
      const clusters = new ClusterLookup(await repository.clusterKeys(actor.workspaceId));
      const duplicates = new OrganisationDuplicateIndex(await repository.organisationKeys(actor.workspaceId));
      const accepted: OrganisationValues[] = [];
      const rows = body.rows.map((row, index): ImportRowResult => {
        const { input, errors } = convertOrganisationRow(row, clusters);
        const parsed = createOrganisationBody.safeParse(input);
        errors.push(...schemaErrors(parsed, input, errors));
        if (
          typeof input.clusterId === 'string' &&
          !can(actor, 'organisation.import', { clusterId: input.clusterId })
        ) {
          errors.push({ field: 'cluster', message: 'not your cluster' });
        }
        if (!parsed.success || errors.length > 0) return { index, status: 'invalid', errors };
        const candidate = {
          name: parsed.data.name,
          country: parsed.data.country,
          registrationId: parsed.data.registrationId,
        };
        const duplicateOf = duplicates.find(candidate);
        if (duplicateOf) return duplicateRow(index, duplicateOf);
        duplicates.addRow(candidate, index);
        accepted.push(organisationCreateValues(parsed.data));
        return { index, status: 'valid', errors: [] };
      });
      if (!body.dryRun && accepted.length > 0) {
        await repository.insertOrganisations(actor.workspaceId, accepted);
      }
      return finish(db, actor, 'organisations', body.dryRun, rows);
    };
    if (body.dryRun) return run(this.db);
    return writeTransaction(this.db, run).catch((error: unknown) => {
      const key = violatedUniqueKey(error);
      if (key === 'organisationName' || key === 'organisationRegistration') throw rowsTakenMeanwhile();
      throw error;
    });
  }

  async importPeople(actor: Actor, body: PersonImportBody): Promise<ImportResult> {
    requireImportRole(actor, 'person.import');
    const run = async (db: Kysely<DB>): Promise<ImportResult> => {
      const repository = new ImportRepository(db);
      const organisations = new OrganisationLookup(await repository.organisationKeys(actor.workspaceId));
      const duplicates = new PersonDuplicateIndex(await repository.personEmails(actor.workspaceId));
      const now = nowIso();
      const accepted: PersonValues[] = [];
      const rows = body.rows.map((row, index): ImportRowResult => {
        const { input, errors, organisation } = convertPersonRow(row, organisations);
        const parsed = createPersonBody.safeParse(input);
        errors.push(...schemaErrors(parsed, input, errors));
        const scope: Scope = organisation
          ? { clusterId: organisation.clusterId, organisationId: organisation.id }
          : {};
        if (!errors.some((e) => e.field === 'organisation') && !can(actor, 'person.import', scope)) {
          errors.push({
            field: 'organisation',
            message: organisation
              ? 'not of your cluster'
              : 'is required: a person without organisation belongs to no cluster of yours',
          });
        }
        if (!parsed.success || errors.length > 0) return { index, status: 'invalid', errors };
        const duplicateOf = duplicates.find({ email: parsed.data.email });
        if (duplicateOf) return duplicateRow(index, duplicateOf);
        duplicates.addRow({ name: parsed.data.name, email: parsed.data.email }, index);
        accepted.push(personCreateValues(parsed.data, now));
        return { index, status: 'valid', errors: [] };
      });
      if (!body.dryRun && accepted.length > 0) {
        await repository.insertPeople(actor.workspaceId, accepted);
      }
      return finish(db, actor, 'people', body.dryRun, rows);
    };
    if (body.dryRun) return run(this.db);
    return writeTransaction(this.db, run).catch((error: unknown) => {
      if (violatedUniqueKey(error) === 'personEmail') throw rowsTakenMeanwhile();
      throw error;
    });
  }
}

/** The route already refused roles that may never import; this keeps the service safe on its own. */
function requireImportRole(actor: Actor, permission: Permission): void {
  if (!roleMay(actor.role, permission)) throw new ForbiddenError(permission);
}

/**
 * A unique index refused a row of the commit: another request (a parallel import, or a form) saved
 * the same organisation or e-mail after this commit read the workspace's keys (PostgreSQL runs them
 * at once; decision 0015). The whole commit was rolled back, as any failed commit is.
 */
function rowsTakenMeanwhile(): ConflictError {
  return new ConflictError(
    'Some of these rows were saved by another import or edit while this one ran, so nothing was imported. Run the dry run again: it shows those rows as duplicates, and a commit then imports the others.',
  );
}

function duplicateRow(index: number, duplicateOf: DuplicateOf): ImportRowResult {
  return { index, status: 'duplicate', errors: [], duplicateOf };
}

/**
 * The create schema's complaints as row errors, by import field; fields conversion already
 * reported are left out (one reason per field is enough), a missing value reads "is required".
 */
function schemaErrors(
  parsed: z.ZodSafeParseResult<unknown>,
  input: Record<string, unknown>,
  known: readonly RowError[],
): RowError[] {
  if (parsed.success) return [];
  const reported = new Set(known.map((e) => e.field));
  const errors: RowError[] = [];
  for (const issue of parsed.error.issues) {
    const [key, item] = issue.path;
    const schemaField = typeof key === 'string' ? key : 'row';
    const field = IMPORT_FIELD_OF[schemaField] ?? schemaField;
    if (reported.has(field)) continue;
    let message = issue.message;
    if (input[schemaField] === undefined) message = 'is required';
    else if (typeof item === 'number') {
      const list = input[schemaField];
      message = `"${Array.isArray(list) ? String(list[item]) : ''}": ${issue.message}`;
    }
    errors.push({ field, message });
  }
  return errors;
}

/** Counts, the `created` status on a commit, and the one audit event of a commit. */
async function finish(
  db: Kysely<DB>,
  actor: Actor,
  kind: 'organisations' | 'people',
  dryRun: boolean,
  rows: ImportRowResult[],
): Promise<ImportResult> {
  const count = (status: ImportRowResult['status']) => rows.filter((row) => row.status === status).length;
  const valid = count('valid');
  const result: ImportResult = {
    dryRun,
    total: rows.length,
    valid,
    invalid: count('invalid'),
    duplicates: count('duplicate'),
    created: dryRun ? 0 : valid,
    rows: dryRun ? rows : rows.map((row) => (row.status === 'valid' ? { ...row, status: 'created' } : row)),
  };
  if (!dryRun) {
    await new AuditRepository(db).record({
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'create',
      entityType: `${kind === 'organisations' ? 'organisation' : 'person'}_import`,
      entityId: newId(),
      changes: {
        kind: [null, kind],
        total: [null, result.total],
        created: [null, result.created],
        invalid: [null, result.invalid],
        duplicates: [null, result.duplicates],
      },
    });
  }
  return result;
}
