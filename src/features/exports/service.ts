import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../domain/access/policy.ts';
import {
  ORGANISATION_HEADERS,
  ORGANISATION_IMPORT_FIELDS,
  PERSON_HEADERS,
  PERSON_IMPORT_FIELDS,
} from '../../domain/registry/import-fields.ts';
import { labelOf, REGISTRY_VOCABULARIES, type RegistryVocabulary } from '../../domain/registry/types.ts';
import type { OrganisationDto } from '../organisations/schema.ts';
import { OrganisationService } from '../organisations/service.ts';
import type { PersonDto } from '../people/schema.ts';
import { PersonService } from '../people/service.ts';
import { ExportRepository } from './repository.ts';
import type { OrganisationExportQuery, PersonExportQuery } from './schema.ts';
import type { ExportTable } from './writers.ts';

/** Rows read per query while exporting. */
const PAGE = 1_000;
/** How lists are joined in a cell; the import splits on `;`. */
const LIST_SEPARATOR = '; ';

/**
 * The registry as tables for CSV and XLSX, with the import's field headers (so an export imports
 * again with the suggested mapping) plus the record id. Reading goes through the list use cases,
 * page by page, so access rules and filters are the list's.
 */
export class ExportService {
  constructor(private readonly db: Kysely<DB>) {}

  async organisations(actor: Actor, exportQuery: OrganisationExportQuery): Promise<ExportTable> {
    const { values = 'labels', ...query } = exportQuery;
    const organisations = new OrganisationService(this.db);
    // Read access is checked by the first page, before anything is sent.
    const first = await organisations.list(actor, { ...query, limit: PAGE });
    const clusterNames = await new ExportRepository(this.db).clusterShortNames(actor.workspaceId);
    async function* pages() {
      let page = first;
      while (true) {
        yield page.items.map((item) => organisationRow(item, clusterNames, values));
        if (!page.nextCursor) return;
        page = await organisations.list(actor, { ...query, limit: PAGE, cursor: page.nextCursor });
      }
    }
    return {
      sheetName: 'Organisations',
      headers: ['ID', ...ORGANISATION_IMPORT_FIELDS.map((field) => ORGANISATION_HEADERS[field][0] as string)],
      pages: pages(),
    };
  }

  async people(actor: Actor, query: PersonExportQuery): Promise<ExportTable> {
    const people = new PersonService(this.db);
    const repository = new ExportRepository(this.db);
    const first = await people.list(actor, { ...query, limit: PAGE });
    async function* pages() {
      let page = first;
      while (true) {
        const ids = [...new Set(page.items.flatMap((p) => (p.organisationId ? [p.organisationId] : [])))];
        const names = await repository.organisationNames(actor.workspaceId, ids);
        yield page.items.map((item) => personRow(item, names));
        if (!page.nextCursor) return;
        page = await people.list(actor, { ...query, limit: PAGE, cursor: page.nextCursor });
      }
    }
    return {
      sheetName: 'People',
      headers: [
        'ID',
        ...PERSON_IMPORT_FIELDS.map((field) => PERSON_HEADERS[field][0] as string),
        'Organisation',
      ],
      pages: pages(),
    };
  }
}

/**
 * One organisation's cells. Vocabulary values are written as the labels the app shows unless
 * `codes` are asked for; the import reads both.
 */
function organisationRow(
  o: OrganisationDto,
  clusterNames: Map<string, string>,
  written: 'labels' | 'codes',
): string[] {
  const word = (vocabulary: RegistryVocabulary, code: string) =>
    written === 'codes' ? code : labelOf(REGISTRY_VOCABULARIES[vocabulary], code);
  const values: Record<(typeof ORGANISATION_IMPORT_FIELDS)[number], string> = {
    name: o.name,
    // The short name reads better than an id and is unique in the workspace.
    cluster: clusterNames.get(o.clusterId) ?? o.clusterId,
    type: word('type', o.type),
    size: o.size ? word('size', o.size) : '',
    country: o.country,
    city: o.city ?? '',
    website: o.website ?? '',
    registrationId: o.registrationId ?? '',
    spaceSegments: o.spaceSegments.map((code) => word('spaceSegments', code)).join(LIST_SEPARATOR),
    melca: o.melca.map((code) => word('melca', code)).join(LIST_SEPARATOR),
    offers: o.offers,
    offerTags: o.offerTags.join(LIST_SEPARATOR),
    requests: o.requests,
    requestTags: o.requestTags.join(LIST_SEPARATOR),
    targetMarketInterests: o.targetMarketInterests.join(LIST_SEPARATOR),
    exportExperience: word('exportExperience', o.exportExperience),
  };
  return [o.id, ...ORGANISATION_IMPORT_FIELDS.map((field) => values[field])];
}

function personRow(p: PersonDto, organisationNames: Map<string, string>): string[] {
  const values: Record<(typeof PERSON_IMPORT_FIELDS)[number], string> = {
    name: p.name,
    email: p.email ?? '',
    phone: p.phone ?? '',
    roleTitle: p.roleTitle ?? '',
    consent: p.consent ? 'yes' : 'no',
    // The id: unambiguous on import (names may repeat); the name follows in its own column.
    organisation: p.organisationId ?? '',
  };
  const organisationName = p.organisationId ? (organisationNames.get(p.organisationId) ?? '') : '';
  return [p.id, ...PERSON_IMPORT_FIELDS.map((field) => values[field]), organisationName];
}
