import countries from 'i18n-iso-countries';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type Actor, can, requireAccess } from '../../domain/access/policy.ts';
import { NotFoundError } from '../../domain/errors.ts';
import {
  mean,
  meanChoiceEntropy,
  percentileRank,
  type QuestionSummary,
  questionsOf,
  roundTo,
  summariseResponses,
} from '../../domain/surveys/statistics.ts';
import {
  type Answer,
  type Answers,
  type Question,
  type QuestionnaireDefinition,
  READINESS_DIMENSION_LABELS,
  READINESS_DIMENSIONS,
  READINESS_STAGE_LABELS,
  READINESS_STAGES,
  type ReadinessDimension,
  type ReadinessStage,
} from '../../domain/surveys/types.ts';
import type { ExportTable } from '../exports/writers.ts';
import { FiguresCache } from './figures-cache.ts';
import { type LatestReadiness, ReadinessReader } from './readiness-reader.ts';
import { MARKET_READINESS_MEMBERS_LIMIT, SurveyResultsRepository } from './repository.ts';
import {
  type MarketReadinessDto,
  type QuestionResultDto,
  RESULT_TEXTS_LIMIT,
  type ReadinessProfileDto,
  type WaveResultsDto,
} from './schema.ts';

type FigureRow = Awaited<ReturnType<SurveyResultsRepository['responseFigures']>>[number];
type ScoredRow = Awaited<ReturnType<SurveyResultsRepository['scoredResponses']>>[number];

/** What a wave's results compute from its responses (names apart). */
interface WaveFigures {
  respondents: number;
  meanCompleteness: number | null;
  summaries: QuestionSummary[];
  readiness: WaveResultsDto['readiness'];
}

/** The figures of a wave's responses: each question's summary and, for readiness, the stages and means. */
function waveFigures(
  definition: QuestionnaireDefinition,
  readiness: boolean,
  rows: FigureRow[],
): WaveFigures {
  const summaries = summariseResponses(
    definition,
    rows.map((row) => JSON.parse(row.answers) as Answers),
  );
  const figures = {
    respondents: rows.length,
    meanCompleteness: roundTo(mean(rows.map((row) => Number(row.completeness))), 3),
    summaries,
  };
  if (!readiness) return { ...figures, readiness: null };
  const scored = rows.filter((row) => row.stage !== null);
  const byDimension = new Map<ReadinessDimension, number[]>(READINESS_DIMENSIONS.map((d) => [d, []]));
  for (const row of scored) {
    const scores = JSON.parse(row.scores ?? '{}') as Record<string, number | null>;
    for (const dimension of READINESS_DIMENSIONS) {
      const score = scores[dimension];
      if (typeof score === 'number') byDimension.get(dimension)?.push(score);
    }
  }
  return {
    ...figures,
    readiness: {
      scored: scored.length,
      meanTotal: roundTo(mean(scored.map((row) => Number(row.readiness_score ?? 0))), 1),
      stages: READINESS_STAGES.map((stage) => ({
        stage,
        count: scored.filter((row) => row.stage === stage).length,
      })),
      dimensions: READINESS_DIMENSIONS.map((dimension) => ({
        dimension,
        mean: roundTo(mean(byDimension.get(dimension) ?? []), 1),
      })),
    },
  };
}

/**
 * Use cases of survey results and readiness (issue 23, decision 0043): a wave's results by
 * question and their export, a member's readiness profile against its cluster and the consortium,
 * and the readiness of the members interested in a market. Reads only; every method checks access
 * first, and another workspace's ids are not found.
 */
export class SurveyResultsService {
  /** Each recently read wave's figures, with the stamp of the responses they are of. */
  private readonly figures = new FiguresCache<WaveFigures>();

  constructor(private readonly db: Kysely<DB>) {}

  /**
   * A wave's results: per question summaries in its frozen version, respondents, readiness. The
   * figures are computed once per state of the wave's responses (decision 0046); the names in
   * them (markets) are read afresh.
   */
  async waveResults(actor: Actor, waveId: string): Promise<WaveResultsDto> {
    requireAccess(actor, 'survey.read');
    const repository = new SurveyResultsRepository(this.db);
    const wave = await repository.wave(actor.workspaceId, waveId);
    if (!wave) throw new NotFoundError('wave', waveId);
    const [stamp, invitations, marketNames] = await Promise.all([
      repository.responsesStamp(wave.id),
      repository.invitations(wave.id),
      repository.marketNames(actor.workspaceId),
    ]);
    let figures = this.figures.get(wave.id, stamp);
    if (!figures) {
      figures = waveFigures(
        wave.definition,
        wave.kind === 'readiness',
        await repository.responseFigures(wave.id),
      );
      this.figures.set(wave.id, stamp, figures);
    }
    const questions = questionsOf(wave.definition).map(({ section, question }, index) =>
      presentSummary(section, question, figures.summaries[index] as QuestionSummary, marketNames),
    );
    return {
      wave: {
        id: wave.id,
        name: wave.name,
        status: wave.status,
        anonymous: wave.anonymous === 1,
        questionnaireId: wave.questionnaire_id,
        questionnaireName: wave.questionnaire_name,
        kind: wave.kind,
        versionNumber: wave.version_number ?? null,
      },
      languages: wave.definition.languages,
      invited: invitations.invited,
      respondents: figures.respondents,
      meanCompleteness: figures.meanCompleteness,
      meanEntropy: roundTo(meanChoiceEntropy(figures.summaries), 3),
      questions,
      readiness: figures.readiness,
    };
  }

  /**
   * The wave's responses as a table, one row per response and one column per question, answers
   * written as their English labels. An anonymous wave's table has no respondent column (no
   * organisation, language or time) and its rows are in the order of their answers, not of their
   * arrival.
   */
  async waveExport(actor: Actor, waveId: string): Promise<{ table: ExportTable; fileStem: string }> {
    requireAccess(actor, 'survey.read');
    const repository = new SurveyResultsRepository(this.db);
    const wave = await repository.wave(actor.workspaceId, waveId);
    if (!wave) throw new NotFoundError('wave', waveId);
    const [rows, marketNames] = await Promise.all([
      repository.responses(wave.id),
      repository.marketNames(actor.workspaceId),
    ]);
    const anonymous = wave.anonymous === 1;
    const readiness = wave.kind === 'readiness';
    const questions = questionsOf(wave.definition).map((entry) => entry.question);
    const headers = [
      ...(anonymous ? [] : ['Response', 'Organisation', 'Submitted at', 'Language']),
      'Completeness (%)',
      ...(readiness
        ? [
            'Readiness (out of 200)',
            'Stage',
            ...READINESS_DIMENSIONS.map((d) => READINESS_DIMENSION_LABELS[d]),
          ]
        : []),
      ...questions.map((question) => question.label.en),
    ];
    const body = rows.map((row) => {
      const answers = JSON.parse(row.answers) as Answers;
      const scores = JSON.parse(row.scores ?? '{}') as Record<string, number | null>;
      return [
        ...(anonymous
          ? []
          : [
              row.id,
              row.organisation_name ?? row.network_organisation_name ?? '',
              row.submitted_at,
              row.language,
            ]),
        String(Math.round(Number(row.completeness) * 100)),
        ...(readiness
          ? [
              row.readiness_score === null ? '' : String(row.readiness_score),
              row.stage ? READINESS_STAGE_LABELS[row.stage] : '',
              ...READINESS_DIMENSIONS.map((d) => (typeof scores[d] === 'number' ? String(scores[d]) : '')),
            ]
          : []),
        ...questions.map((question) => answerText(question, answers[question.key], marketNames)),
      ];
    });
    if (anonymous) body.sort(compareRows);
    async function* pages() {
      yield body;
    }
    const stem = `survey-results-${wave.name.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 60)}`;
    return { table: { sheetName: 'Responses', headers, pages: pages() }, fileStem: stem };
  }

  /**
   * A member's readiness profile: its latest and previous scored responses, the change between
   * them, and percentile ranks against the latest readiness of its cluster's members and of every
   * member. Only ranks and group sizes leave: never another member's scores.
   */
  async profile(actor: Actor, organisationId: string): Promise<ReadinessProfileDto> {
    const repository = new SurveyResultsRepository(this.db);
    const organisation = await repository.organisation(actor.workspaceId, organisationId);
    // A member asking about another organisation is refused whether or not it exists.
    if (!organisation) {
      requireAccess(actor, 'readiness.read', { organisationId });
      throw new NotFoundError('organisation', organisationId);
    }
    requireAccess(actor, 'readiness.read', { clusterId: organisation.cluster_id, organisationId });
    const [own, everyone, clusters] = await Promise.all([
      repository.scoredResponses(actor.workspaceId, organisation.id),
      new ReadinessReader(this.db).latest(actor.workspaceId),
      repository.clustersOfOrganisations(actor.workspaceId),
    ]);
    const latest = own[0] ? presentScored(own[0]) : null;
    const previous = own[1] ? presentScored(own[1]) : null;
    const mine = everyone.get(organisation.id);
    const all = [...everyone.values()];
    const inCluster = all.filter((entry) => clusters.get(entry.organisationId) === organisation.cluster_id);
    return {
      organisationId: organisation.id,
      organisationName: organisation.name,
      latest,
      previous,
      change:
        latest && previous
          ? {
              total: roundTo(latest.total - previous.total, 1) ?? 0,
              dimensions: latest.dimensions.map(({ dimension, score }) => {
                const before = previous.dimensions.find((d) => d.dimension === dimension)?.score ?? null;
                return {
                  dimension,
                  change: score === null || before === null ? null : roundTo(score - before, 1),
                };
              }),
            }
          : null,
      cluster: mine ? benchmarkOf(mine, inCluster) : null,
      consortium: mine ? benchmarkOf(mine, all) : null,
    };
  }

  /**
   * The readiness of the members interested in a market (their target-market interests hold its
   * country). Staff (`survey.read`) see every member with its stage and total and the counts by
   * stage; a member sees its own organisation only, and no counts (a count of two would tell it
   * the other's stage).
   */
  async marketReadiness(actor: Actor, marketId: string): Promise<MarketReadinessDto> {
    requireAccess(actor, 'market.read');
    const staff = can(actor, 'survey.read');
    if (!staff) requireAccess(actor, 'readiness.read', { organisationId: actor.organisationId ?? undefined });
    const repository = new SurveyResultsRepository(this.db);
    const market = await repository.market(actor.workspaceId, marketId);
    if (!market) throw new NotFoundError('market', marketId);
    const interested = await repository.interestedOrganisations(
      actor.workspaceId,
      market.country,
      MARKET_READINESS_MEMBERS_LIMIT,
    );
    const visible = staff ? interested : interested.filter((row) => row.id === actor.organisationId);
    const latest = await new ReadinessReader(this.db).latest(
      actor.workspaceId,
      visible.map((row) => row.id),
    );
    const members = visible.map((row) => {
      const readiness = latest.get(row.id);
      return {
        organisationId: row.id,
        name: row.name,
        clusterId: row.cluster_id,
        clusterShortName: row.cluster_short_name,
        stage: readiness?.stage ?? null,
        total: readiness?.total ?? null,
        submittedAt: readiness?.submittedAt ?? null,
      };
    });
    return {
      marketId: market.id,
      country: market.country,
      members,
      interested: staff ? members.length : null,
      stages: staff
        ? READINESS_STAGES.map((stage) => ({ stage, count: members.filter((m) => m.stage === stage).length }))
        : null,
      notAnswered: staff ? members.filter((m) => m.stage === null).length : null,
      ownOnly: !staff,
    };
  }
}

function presentScored(row: ScoredRow) {
  const scores = JSON.parse(row.scores ?? '{}') as Record<string, number | null>;
  return {
    waveId: row.wave_id,
    waveName: row.wave_name,
    submittedAt: row.submitted_at,
    total: Number(row.readiness_score ?? 0),
    stage: row.stage as ReadinessStage,
    dimensions: READINESS_DIMENSIONS.map((dimension) => ({
      dimension,
      score: typeof scores[dimension] === 'number' ? (scores[dimension] as number) : null,
    })),
  };
}

/** Percentile ranks of `mine` in `group` (which holds it): of the total and of each dimension. */
function benchmarkOf(mine: LatestReadiness, group: readonly LatestReadiness[]) {
  return {
    members: group.length,
    percentile: percentileRank(
      mine.total,
      group.map((entry) => entry.total),
    ),
    dimensions: READINESS_DIMENSIONS.map((dimension) => {
      const value = mine.dimensions[dimension];
      const population = group
        .map((entry) => entry.dimensions[dimension])
        .filter((score): score is number => typeof score === 'number');
      return { dimension, percentile: typeof value === 'number' ? percentileRank(value, population) : null };
    }),
  };
}

function presentSummary(
  section: string,
  question: Question,
  summary: QuestionSummary,
  marketNames: Map<string, string>,
): QuestionResultDto {
  const base = {
    key: question.key,
    section,
    type: question.type,
    label: question.label,
    dimension: question.dimension ?? null,
    shown: summary.shown,
    answered: summary.answered,
  };
  switch (summary.type) {
    case 'single_choice':
    case 'multiple_choice': {
      const labels = new Map((question.options ?? []).map((option) => [option.key, option.label]));
      return {
        ...base,
        options: summary.options.map((o) => ({
          key: o.key,
          label: labels.get(o.key) ?? { en: o.key },
          count: o.count,
        })),
        entropy: summary.entropy,
      };
    }
    case 'scale':
      return {
        ...base,
        histogram: summary.histogram,
        mean: summary.mean,
        median: summary.median,
        entropy: summary.entropy,
      };
    case 'number':
      return { ...base, mean: summary.mean, median: summary.median, min: summary.min, max: summary.max };
    case 'matrix': {
      const labels = new Map((question.rows ?? []).map((row) => [row.key, row.label]));
      return {
        ...base,
        rows: summary.rows.map((row) => ({ ...row, label: labels.get(row.key) ?? { en: row.key } })),
      };
    }
    case 'country':
    case 'market':
      return {
        ...base,
        counts: summary.counts.map((c) => ({
          ...c,
          label:
            summary.type === 'country'
              ? (countries.getName(c.value, 'en') ?? c.value)
              : (marketNames.get(c.value) ?? c.value),
        })),
        entropy: summary.entropy,
      };
    case 'text':
      return { ...base, texts: summary.texts.slice(-RESULT_TEXTS_LIMIT) };
  }
}

/** An answer as a spreadsheet cell: option labels in English, "Row: 4; Row: 2" for a matrix. */
function answerText(
  question: Question,
  answer: Answer | undefined,
  marketNames: Map<string, string>,
): string {
  if (answer === null || answer === undefined) return '';
  const optionLabel = (key: string) => question.options?.find((o) => o.key === key)?.label.en ?? key;
  switch (question.type) {
    case 'single_choice':
      return typeof answer === 'string' ? optionLabel(answer) : '';
    case 'multiple_choice':
      return Array.isArray(answer) ? answer.map(optionLabel).join('; ') : '';
    case 'scale':
    case 'number':
      return typeof answer === 'number' ? String(answer) : '';
    case 'matrix':
      if (typeof answer !== 'object' || Array.isArray(answer)) return '';
      return (question.rows ?? [])
        .filter((row) => typeof answer[row.key] === 'number')
        .map((row) => `${row.label.en}: ${answer[row.key]}`)
        .join('; ');
    case 'country':
      return typeof answer === 'string' ? answer : '';
    case 'market':
      return typeof answer === 'string' ? (marketNames.get(answer) ?? answer) : '';
    case 'text':
      return typeof answer === 'string' ? answer : '';
  }
}

function compareRows(a: string[], b: string[]): number {
  const left = a.join('\u0000');
  const right = b.join('\u0000');
  return left < right ? -1 : left > right ? 1 : 0;
}
