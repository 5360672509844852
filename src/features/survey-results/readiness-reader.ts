import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { ReadinessDimension, ReadinessStage } from '../../domain/surveys/types.ts';

/** A member organisation's latest scored readiness response. */
export interface LatestReadiness {
  organisationId: string;
  responseId: string;
  waveId: string;
  submittedAt: string;
  /** Out of 200. */
  total: number;
  stage: ReadinessStage;
  dimensions: Record<ReadinessDimension, number | null>;
}

/**
 * Reads members' readiness as their latest scored response says (decision 0040): the newest
 * response of a readiness questionnaire's wave that names the organisation (anonymous waves name
 * none). Shared by the readiness profile, the market dossier and the roadmap's recommender.
 */
export class ReadinessReader {
  constructor(private readonly db: Kysely<DB>) {}

  /** The latest readiness of each of `organisationIds` that has one (all the workspace's when omitted). */
  async latest(
    workspaceId: string,
    organisationIds?: readonly string[],
  ): Promise<Map<string, LatestReadiness>> {
    if (organisationIds && organisationIds.length === 0) return new Map();
    let query = this.db
      .selectFrom('survey_response as r')
      .where('r.workspace_id', '=', workspaceId)
      .where('r.organisation_id', 'is not', null)
      .where('r.stage', 'is not', null)
      .select([
        'r.id',
        'r.organisation_id',
        'r.wave_id',
        'r.submitted_at',
        'r.readiness_score',
        'r.stage',
        'r.scores',
      ])
      .orderBy('r.submitted_at', 'desc')
      .orderBy('r.id', 'desc');
    if (organisationIds) query = query.where('r.organisation_id', 'in', [...organisationIds]);
    const rows = await query.execute();
    const latest = new Map<string, LatestReadiness>();
    for (const row of rows) {
      const organisationId = row.organisation_id as string;
      if (latest.has(organisationId)) continue;
      latest.set(organisationId, {
        organisationId,
        responseId: row.id,
        waveId: row.wave_id,
        submittedAt: row.submitted_at,
        total: Number(row.readiness_score ?? 0),
        stage: row.stage as ReadinessStage,
        dimensions: JSON.parse(row.scores ?? '{}') as Record<ReadinessDimension, number | null>,
      });
    }
    return latest;
  }
}
