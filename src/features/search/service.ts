import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type Actor, can, type Permission, requireAccess } from '../../domain/access/policy.ts';
import { normaliseOrganisationName } from '../../domain/registry/duplicates.ts';
import { isIsoCountry } from '../../http/params.ts';
import { SearchRepository } from './repository.ts';
import {
  SEARCH_KINDS,
  type SearchHitDto,
  type SearchKind,
  type SearchQuery,
  type SearchResultDto,
} from './schema.ts';

/** What a role must be allowed to read to find records of a kind. */
const READ_PERMISSION: Record<SearchKind, Permission> = {
  organisation: 'organisation.read',
  person: 'person.read',
  market: 'market.read',
  plan: 'plan.read',
  activity: 'activity.read',
};

/** The parts of a detail line that are there, joined. */
const detail = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(' · ');

/**
 * The global search of a workspace (the header's search box, Ctrl-K): a few records of each kind
 * the role may read, by name. One query per kind, run side by side, each stopping at the limit.
 */
export class SearchService {
  constructor(private readonly db: Kysely<DB>) {}

  async search(actor: Actor, query: SearchQuery): Promise<SearchResultDto> {
    requireAccess(actor, 'workspace.read');
    const repository = new SearchRepository(this.db);
    const text = query.q.toLowerCase();
    const organisationText = normaliseOrganisationName(query.q);
    const code = query.q.toUpperCase();
    const country = /^[A-Z]{2}$/.test(code) && isIsoCountry(code) ? code : null;
    const read = query.limit + 1;
    const { workspaceId } = actor;

    const searches: Record<SearchKind, () => Promise<SearchHitDto[]>> = {
      organisation: async () =>
        organisationText === ''
          ? []
          : (await repository.organisations(workspaceId, organisationText, read)).map((row) => ({
              id: row.id,
              label: row.name,
              detail: detail(row.country, row.city, row.cluster_short_name),
              organisationId: null,
            })),
      person: async () =>
        (await repository.people(workspaceId, text, read)).map((row) => ({
          id: row.id,
          label: row.name,
          detail: detail(row.role_title, row.organisation_name, row.email),
          organisationId: row.organisation_id,
        })),
      market: async () =>
        (await repository.markets(workspaceId, text, country, read)).map((row) => ({
          id: row.id,
          label: row.name,
          detail: detail(row.country),
          organisationId: null,
        })),
      plan: async () =>
        (await repository.plans(workspaceId, text, read)).map((row) => ({
          id: row.id,
          label: row.name,
          detail: detail(row.market_name, `${row.starts_on} – ${row.ends_on}`),
          organisationId: null,
        })),
      activity: async () =>
        (await repository.activities(workspaceId, text, read)).map((row) => ({
          id: row.id,
          label: row.title,
          detail: detail(`${row.instrument_code} ${row.instrument_name}`, row.starts_on, row.city),
          organisationId: null,
        })),
    };

    const kinds = SEARCH_KINDS.filter((kind) => can(actor, READ_PERMISSION[kind]));
    const found = await Promise.all(kinds.map((kind) => searches[kind]()));
    return {
      q: query.q,
      groups: kinds.map((kind, index) => {
        const hits = found[index] ?? [];
        return { kind, items: hits.slice(0, query.limit), more: hits.length > query.limit };
      }),
    };
  }
}
