import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** `%…%` and `…%` for LIKE with `\` escaping the wildcards in the searched text. */
function patterns(text: string): { contains: string; prefix: string } {
  const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`);
  return { contains: `%${escaped}%`, prefix: `${escaped}%` };
}

/** Names starting with the text before the others (0, then 1). */
function prefixFirst(column: RawBuilder<unknown>, prefix: string) {
  return sql`case when ${column} like ${prefix} escape '\\' then 0 else 1 end`;
}

/**
 * The only SQL of the global search: a few rows of each kind whose name contains the text, names
 * starting with it first. Each query is bound to one workspace and stops at `limit` rows; the
 * names are indexed (trigram indexes on PostgreSQL, migrations 0007 and 0017; covering indexes on
 * SQLite). Explicit ESCAPE: the same meaning on SQLite (no default escape) and PostgreSQL.
 */
export class SearchRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** `text` is already normalised like the names (see `normaliseOrganisationName`). */
  organisations(workspaceId: string, text: string, limit: number) {
    const { contains, prefix } = patterns(text);
    const name = sql`organisation.normalised_name`;
    return this.db
      .selectFrom('organisation')
      .leftJoin('cluster', 'cluster.id', 'organisation.cluster_id')
      .select([
        'organisation.id',
        'organisation.name',
        'organisation.country',
        'organisation.city',
        'cluster.short_name as cluster_short_name',
      ])
      .where('organisation.workspace_id', '=', workspaceId)
      .where(sql<boolean>`${name} like ${contains} escape '\\'`)
      .orderBy(prefixFirst(name, prefix))
      .orderBy('organisation.normalised_name')
      .orderBy('organisation.id')
      .limit(limit)
      .execute();
  }

  /** `text` is lower-cased. */
  people(workspaceId: string, text: string, limit: number) {
    const { contains, prefix } = patterns(text);
    const name = sql`lower(person.name)`;
    return this.db
      .selectFrom('person')
      .leftJoin('organisation', 'organisation.id', 'person.organisation_id')
      .select([
        'person.id',
        'person.name',
        'person.email',
        'person.role_title',
        'person.organisation_id',
        'organisation.name as organisation_name',
      ])
      .where('person.workspace_id', '=', workspaceId)
      .where(
        sql<boolean>`(${name} like ${contains} escape '\\' or person.email like ${contains} escape '\\')`,
      )
      .orderBy(prefixFirst(name, prefix))
      .orderBy(name)
      .orderBy('person.id')
      .limit(limit)
      .execute();
  }

  /** `text` is lower-cased; `country`: an ISO code the text may be, whose markets match too. */
  markets(workspaceId: string, text: string, country: string | null, limit: number) {
    const { contains, prefix } = patterns(text);
    const name = sql`lower(target_market.name)`;
    return this.db
      .selectFrom('target_market')
      .select(['target_market.id', 'target_market.name', 'target_market.country', 'target_market.status'])
      .where('target_market.workspace_id', '=', workspaceId)
      .where((eb) =>
        eb.or([
          sql<boolean>`${name} like ${contains} escape '\\'`,
          ...(country ? [eb('target_market.country', '=', country)] : []),
        ]),
      )
      .orderBy(prefixFirst(name, prefix))
      .orderBy(name)
      .orderBy('target_market.id')
      .limit(limit)
      .execute();
  }

  /** `text` is lower-cased. */
  plans(workspaceId: string, text: string, limit: number) {
    const { contains, prefix } = patterns(text);
    const name = sql`lower(plan.name)`;
    return this.db
      .selectFrom('plan')
      .innerJoin('target_market', 'target_market.id', 'plan.market_id')
      .select(['plan.id', 'plan.name', 'plan.starts_on', 'plan.ends_on', 'target_market.name as market_name'])
      .where('plan.workspace_id', '=', workspaceId)
      .where(sql<boolean>`${name} like ${contains} escape '\\'`)
      .orderBy(prefixFirst(name, prefix))
      .orderBy(name)
      .orderBy('plan.id')
      .limit(limit)
      .execute();
  }

  /** `text` is lower-cased. */
  activities(workspaceId: string, text: string, limit: number) {
    const { contains, prefix } = patterns(text);
    const title = sql`lower(activity.title)`;
    return this.db
      .selectFrom('activity')
      .innerJoin('instrument', 'instrument.id', 'activity.instrument_id')
      .select([
        'activity.id',
        'activity.title',
        'activity.starts_on',
        'activity.city',
        'instrument.code as instrument_code',
        'instrument.name as instrument_name',
      ])
      .where('activity.workspace_id', '=', workspaceId)
      .where(sql<boolean>`${title} like ${contains} escape '\\'`)
      .orderBy(prefixFirst(title, prefix))
      .orderBy(title)
      .orderBy('activity.id')
      .limit(limit)
      .execute();
  }
}
