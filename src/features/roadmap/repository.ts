import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Phase } from '../../domain/catalogue/types.ts';

/** `%…%` for LIKE with `\` escaping the wildcards in the searched text. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The pipeline stages that make a partner (decision 0044). */
const PARTNER_STAGES = ['partner', 'collaborating', 'common_project'];
/** Stages outside the open pipeline: not contacts the market has. */
const CLOSED_STAGES = ['dormant', 'closed'];

/** The only SQL of the recommended roadmap: the facts of a market it gathers. Bound to one workspace. */
export class RoadmapRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Member organisations whose `target_market_interests` hold the country. */
  async interestedMemberIds(workspaceId: string, country: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('organisation')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where(
        sql<boolean>`target_market_interests like ${containsPattern(JSON.stringify(country))} escape '\\'`,
      )
      .execute();
    return rows.map((r) => r.id);
  }

  /**
   * Open relationships with organisations of the country (network or member counterparts) or
   * tied to the market: how many, and how many at partner stage or beyond.
   */
  async network(
    workspaceId: string,
    marketId: string,
    country: string,
  ): Promise<{ contacts: number; partners: number }> {
    const counterpartCountry = sql<string>`coalesce((select n.country from network_organisation n where n.id = r.network_organisation_id), (select o.country from organisation o where o.id = r.counterpart_organisation_id))`;
    const rows = await this.db
      .selectFrom('relationship as r')
      .select(['r.stage', (eb) => eb.fn.countAll<number>().as('n')])
      .where('r.workspace_id', '=', workspaceId)
      .where('r.stage', 'not in', CLOSED_STAGES)
      .where((eb) => eb.or([eb('r.market_id', '=', marketId), eb(counterpartCountry, '=', country)]))
      .groupBy('r.stage')
      .execute();
    let contacts = 0;
    let partners = 0;
    for (const row of rows) {
      contacts += Number(row.n);
      if (PARTNER_STAGES.includes(row.stage)) partners += Number(row.n);
    }
    return { contacts, partners };
  }

  /** The phases with an activity done in the market's plans. */
  async phasesDone(workspaceId: string, marketId: string): Promise<Set<Phase>> {
    const rows = await this.db
      .selectFrom('activity as a')
      .innerJoin('plan as p', 'p.id', 'a.plan_id')
      .innerJoin('instrument as i', 'i.id', 'a.instrument_id')
      .select('i.phase')
      .distinct()
      .where('a.workspace_id', '=', workspaceId)
      .where('p.market_id', '=', marketId)
      .where('a.status', '=', 'done')
      .execute();
    return new Set(rows.map((r) => r.phase as Phase));
  }

  /**
   * The workspace's history: per instrument and KPI, the mean actual value of its done
   * activities (`kpi_actual`, decision 0011) and how many activities it averages.
   */
  async kpiHistory(
    workspaceId: string,
  ): Promise<Array<{ instrumentId: string; kpiKey: string; mean: number; activities: number }>> {
    const rows = await this.db
      .selectFrom('kpi_actual as k')
      .innerJoin('activity as a', 'a.id', 'k.activity_id')
      .select([
        'a.instrument_id',
        'k.kpi_key',
        (eb) => eb.fn.avg<number>('k.value').as('mean'),
        (eb) => eb.fn.countAll<number>().as('n'),
      ])
      .where('k.workspace_id', '=', workspaceId)
      .where('a.status', '=', 'done')
      .groupBy(['a.instrument_id', 'k.kpi_key'])
      .execute();
    return rows.map((r) => ({
      instrumentId: r.instrument_id,
      kpiKey: r.kpi_key,
      mean: Number(r.mean),
      activities: Number(r.n),
    }));
  }
}
