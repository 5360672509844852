import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { QuestionnaireDefinition } from '../../domain/surveys/types.ts';

/** The most interested members a market's readiness lists (the market dossier lists 100). */
export const MARKET_READINESS_MEMBERS_LIMIT = 500;

/**
 * The SQL of survey results and readiness profiles (issue 23, decision 0043): reads only. Every
 * query is bounded by the workspace.
 */
export class SurveyResultsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** A wave with its questionnaire and the definition it was sent with (the draft before sending). */
  async wave(workspaceId: string, waveId: string) {
    const row = await this.db
      .selectFrom('survey_wave as w')
      .innerJoin('survey_questionnaire as q', 'q.id', 'w.questionnaire_id')
      .leftJoin('survey_questionnaire_version as v', 'v.id', 'w.questionnaire_version_id')
      .select([
        'w.id',
        'w.name',
        'w.status',
        'w.anonymous',
        'w.cluster_id',
        'w.activity_id',
        'w.questionnaire_id',
        'q.name as questionnaire_name',
        'q.kind',
        'v.number as version_number',
        'q.definition as draft',
        'v.definition as frozen',
      ])
      .where('w.workspace_id', '=', workspaceId)
      .where('w.id', '=', waveId)
      .executeTakeFirst();
    if (!row) return undefined;
    const { draft, frozen, ...rest } = row;
    return { ...rest, definition: JSON.parse(frozen ?? draft) as QuestionnaireDefinition };
  }

  /** How many were invited to the wave and how many completed. */
  async invitations(waveId: string) {
    const row = await this.db
      .selectFrom('survey_invitation')
      .select((eb) => [
        eb.fn.countAll<number | string>().as('invited'),
        eb.fn.count<number | string>('completed_at').as('completed'),
      ])
      .where('wave_id', '=', waveId)
      .executeTakeFirstOrThrow();
    return { invited: Number(row.invited), completed: Number(row.completed) };
  }

  /**
   * A stamp of the wave's responses: their count and latest submission. Responses are only added
   * while their wave lives, so the stamp changes whenever they do.
   */
  async responsesStamp(waveId: string): Promise<string> {
    const row = await this.db
      .selectFrom('survey_response')
      .select((eb) => [eb.fn.countAll<number | string>().as('count'), eb.fn.max('submitted_at').as('latest')])
      .where('wave_id', '=', waveId)
      .executeTakeFirstOrThrow();
    return `${Number(row.count)}@${row.latest ?? ''}`;
  }

  /** What the results need of the wave's responses (no names, no order). */
  responseFigures(waveId: string) {
    return this.db
      .selectFrom('survey_response')
      .select(['answers', 'completeness', 'scores', 'readiness_score', 'stage'])
      .where('wave_id', '=', waveId)
      .execute();
  }

  /** The wave's responses, oldest first, with their organisation's name (none when anonymous). */
  responses(waveId: string) {
    return this.db
      .selectFrom('survey_response as r')
      .leftJoin('organisation as o', 'o.id', 'r.organisation_id')
      .leftJoin('network_organisation as n', 'n.id', 'r.network_organisation_id')
      .select([
        'r.id',
        'r.organisation_id',
        'o.name as organisation_name',
        'n.name as network_organisation_name',
        'r.language',
        'r.answers',
        'r.completeness',
        'r.scores',
        'r.readiness_score',
        'r.stage',
        'r.submitted_at',
      ])
      .where('r.wave_id', '=', waveId)
      .orderBy('r.submitted_at')
      .orderBy('r.id')
      .execute();
  }

  /** The names of the workspace's target markets (to write a market answer as a name). */
  async marketNames(workspaceId: string): Promise<Map<string, string>> {
    const rows = await this.db
      .selectFrom('target_market')
      .select(['id', 'name'])
      .where('workspace_id', '=', workspaceId)
      .execute();
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  organisation(workspaceId: string, id: string) {
    return this.db
      .selectFrom('organisation')
      .select(['id', 'name', 'cluster_id'])
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** Every member organisation's cluster. */
  async clustersOfOrganisations(workspaceId: string): Promise<Map<string, string>> {
    const rows = await this.db
      .selectFrom('organisation')
      .select(['id', 'cluster_id'])
      .where('workspace_id', '=', workspaceId)
      .execute();
    return new Map(rows.map((row) => [row.id, row.cluster_id]));
  }

  /** An organisation's two latest scored readiness responses, newest first, with their wave. */
  scoredResponses(workspaceId: string, organisationId: string) {
    return this.db
      .selectFrom('survey_response as r')
      .innerJoin('survey_wave as w', 'w.id', 'r.wave_id')
      .select([
        'r.id',
        'r.wave_id',
        'w.name as wave_name',
        'r.submitted_at',
        'r.readiness_score',
        'r.stage',
        'r.scores',
      ])
      .where('r.workspace_id', '=', workspaceId)
      .where('r.organisation_id', '=', organisationId)
      .where('r.stage', 'is not', null)
      .orderBy('r.submitted_at', 'desc')
      .orderBy('r.id', 'desc')
      .limit(2)
      .execute();
  }

  market(workspaceId: string, id: string) {
    return this.db
      .selectFrom('target_market')
      .select(['id', 'name', 'country'])
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /**
   * Member organisations whose target-market interests hold `country`, by name (the JSON list
   * holds the code as a quoted string, as the market dossier reads it).
   */
  interestedOrganisations(workspaceId: string, country: string, limit: number) {
    return this.db
      .selectFrom('organisation')
      .innerJoin('cluster', 'cluster.id', 'organisation.cluster_id')
      .select([
        'organisation.id',
        'organisation.name',
        'organisation.cluster_id',
        'cluster.short_name as cluster_short_name',
      ])
      .where('organisation.workspace_id', '=', workspaceId)
      .where(sql<boolean>`organisation.target_market_interests like ${`%${JSON.stringify(country)}%`}`)
      .orderBy('organisation.name')
      .orderBy('organisation.id')
      .limit(limit)
      .execute();
  }
}
