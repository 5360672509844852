import { type Kysely, type Selectable, sql } from 'kysely';
import { newId, nowIso } from '../../db/ids.ts';
import { type KeysetAfter, type KeysetOrder, keysetPage } from '../../db/keyset.ts';
import type { DB, MarketFindingTable } from '../../db/schema.ts';

export type MarketFindingRow = Selectable<MarketFindingTable>;
/** A finding as the dossier shows it: with the name of the wave it comes from and of its author. */
export type MarketFindingListRow = MarketFindingRow & {
  wave_name: string | null;
  author_name: string | null;
};
export type MarketFindingValues = Pick<MarketFindingTable, 'wave_id' | 'title'> & { body: string };

/** A market-survey wave, as a finding may name it. */
export interface FindingWaveRow {
  id: string;
  name: string;
  status: 'draft' | 'open' | 'closed';
  market_id: string | null;
  kind: 'readiness' | 'market' | 'general';
}

/** Newest first; the same second in id order (ids grow with time). */
const ORDER: KeysetOrder = {
  key: sql`market_finding.created_at`,
  id: sql.ref('market_finding.id'),
  desc: true,
};

/** The only SQL of market findings (issue 23). Every query is bound to one workspace. */
export class MarketFindingRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private withNames() {
    return this.db
      .selectFrom('market_finding')
      .leftJoin('survey_wave', 'survey_wave.id', 'market_finding.wave_id')
      .leftJoin('app_user', 'app_user.id', 'market_finding.created_by')
      .selectAll('market_finding')
      .select(['survey_wave.name as wave_name', 'app_user.name as author_name']);
  }

  async list(
    workspaceId: string,
    marketId: string,
    options: { limit: number; waveId?: string; after?: KeysetAfter },
  ): Promise<(MarketFindingListRow & { sort_value: unknown })[]> {
    let query = this.withNames()
      .select(sql<string>`market_finding.created_at`.as('sort_value'))
      .where('market_finding.workspace_id', '=', workspaceId)
      .where('market_finding.market_id', '=', marketId);
    if (options.waveId) query = query.where('market_finding.wave_id', '=', options.waveId);
    return keysetPage(query, ORDER, options.after).limit(options.limit).execute();
  }

  async count(workspaceId: string, marketId: string, waveId?: string): Promise<number> {
    let query = this.db
      .selectFrom('market_finding')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('workspace_id', '=', workspaceId)
      .where('market_id', '=', marketId);
    if (waveId) query = query.where('wave_id', '=', waveId);
    const row = await query.executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async find(workspaceId: string, marketId: string, id: string): Promise<MarketFindingListRow | undefined> {
    return this.withNames()
      .where('market_finding.workspace_id', '=', workspaceId)
      .where('market_finding.market_id', '=', marketId)
      .where('market_finding.id', '=', id)
      .executeTakeFirst();
  }

  async create(
    workspaceId: string,
    marketId: string,
    values: MarketFindingValues,
    createdBy: string | null,
  ): Promise<string> {
    const id = newId();
    const now = nowIso();
    await this.db
      .insertInto('market_finding')
      .values({
        id,
        workspace_id: workspaceId,
        market_id: marketId,
        ...values,
        created_by: createdBy,
        created_at: now,
        updated_at: now,
      })
      .execute();
    return id;
  }

  /** Applies an edit made on `version`; false when the finding has moved on (stale version). */
  async update(
    workspaceId: string,
    id: string,
    version: number,
    values: Partial<MarketFindingValues>,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('market_finding')
      .set({ ...values, version: sql`version + 1`, updated_at: nowIso() })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async delete(workspaceId: string, id: string, version: number): Promise<boolean> {
    const result = await this.db
      .deleteFrom('market_finding')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }

  /** A wave of the workspace with its questionnaire's kind, or undefined. */
  async findWave(workspaceId: string, waveId: string): Promise<FindingWaveRow | undefined> {
    return this.db
      .selectFrom('survey_wave')
      .innerJoin('survey_questionnaire', 'survey_questionnaire.id', 'survey_wave.questionnaire_id')
      .select([
        'survey_wave.id',
        'survey_wave.name',
        'survey_wave.status',
        'survey_wave.market_id',
        'survey_questionnaire.kind',
      ])
      .where('survey_wave.workspace_id', '=', workspaceId)
      .where('survey_wave.id', '=', waveId)
      .executeTakeFirst();
  }

  /** The market-survey waves a finding of the market may name: its own and those of no market. */
  async wavesOfMarket(workspaceId: string, marketId: string): Promise<FindingWaveRow[]> {
    return this.db
      .selectFrom('survey_wave')
      .innerJoin('survey_questionnaire', 'survey_questionnaire.id', 'survey_wave.questionnaire_id')
      .select([
        'survey_wave.id',
        'survey_wave.name',
        'survey_wave.status',
        'survey_wave.market_id',
        'survey_questionnaire.kind',
      ])
      .where('survey_wave.workspace_id', '=', workspaceId)
      .where('survey_questionnaire.kind', '=', 'market')
      .where((eb) =>
        eb.or([eb('survey_wave.market_id', '=', marketId), eb('survey_wave.market_id', 'is', null)]),
      )
      .orderBy('survey_wave.created_at', 'desc')
      .orderBy('survey_wave.id', 'desc')
      .limit(200)
      .execute();
  }
}
