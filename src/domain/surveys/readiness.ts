import {
  type Answer,
  type Answers,
  type Question,
  type QuestionnaireDefinition,
  READINESS_DIMENSIONS,
  READINESS_STAGES,
  type ReadinessDimension,
  type ReadinessStage,
  SCALE_MAX,
  SCALE_MIN,
} from './types.ts';

/**
 * Readiness scoring (decision 0040, docs/readiness.md), after the CHROME framework (David &
 * Cariou 2014): each scored question gives 0–5 points towards its dimension; a dimension's score is
 * its points as a share of its maximum (0–100); the total is all points as a share of all maximum
 * points, out of 200 (the framework's 40 questions × 5 points), and falls in one of four stages.
 *
 * Points of an answer: a single choice, its option's `points`; a multiple choice, the sum of its
 * options' points, capped at 5; a scale, its value (1–5); a matrix, the mean of its rows (1–5).
 * A scored question left unanswered gives 0 points but still counts in the maximum: not knowing
 * is part of not being ready. A question hidden by its condition counts in neither.
 */

/** The framework's stage boundaries on the total out of 200: below 81, 81–120, 121–160, 161–200. */
export const STAGE_FLOORS: Readonly<Record<ReadinessStage, number>> = {
  impasse: 0,
  entry: 81,
  mid: 121,
  passe_partout: 161,
};

export const READINESS_TOTAL = 200;
const POINTS_MAX = 5;

export interface ReadinessScore {
  /** 0–100 per dimension; null for a dimension without a scored question shown. */
  dimensions: Record<ReadinessDimension, number | null>;
  /** 0–200, one decimal. */
  total: number;
  stage: ReadinessStage;
}

/** The stage of a total out of 200. */
export function stageOf(total: number): ReadinessStage {
  let stage: ReadinessStage = 'impasse';
  for (const candidate of READINESS_STAGES) if (total >= STAGE_FLOORS[candidate]) stage = candidate;
  return stage;
}

/** Whether `question` is shown, given the answers so far (its condition on an earlier answer). */
export function isShown(question: Question, answers: Answers): boolean {
  const condition = question.showIf;
  return !condition || conditionHolds(condition, answers[condition.question]);
}

/** Whether a question's condition holds for `answer`, the answer to the question it names. */
export function conditionHolds(
  condition: NonNullable<Question['showIf']>,
  answer: Answer | undefined,
): boolean {
  if (answer === null || answer === undefined) return false;
  if (condition.anyOf) {
    const given = Array.isArray(answer) ? answer : [answer];
    return given.some((value) => typeof value === 'string' && condition.anyOf?.includes(value));
  }
  if (condition.atLeast !== undefined) return typeof answer === 'number' && answer >= condition.atLeast;
  return true;
}

/** The points (0–5) an answer gives to a scored question. */
export function pointsOf(question: Question, answers: Answers): number {
  const answer = answers[question.key];
  if (answer === null || answer === undefined) return 0;
  const clamp = (n: number) => Math.max(0, Math.min(POINTS_MAX, n));
  switch (question.type) {
    case 'single_choice': {
      const option = question.options?.find((o) => o.key === answer);
      return clamp(option?.points ?? 0);
    }
    case 'multiple_choice': {
      if (!Array.isArray(answer)) return 0;
      const points = (question.options ?? [])
        .filter((o) => answer.includes(o.key))
        .reduce((sum, o) => sum + (o.points ?? 0), 0);
      return clamp(points);
    }
    case 'scale':
      return typeof answer === 'number' ? clamp(answer) : 0;
    case 'matrix': {
      if (typeof answer !== 'object' || Array.isArray(answer)) return 0;
      const rows = question.rows ?? [];
      if (rows.length === 0) return 0;
      const values = rows.map((row) => {
        const value = (answer as Record<string, number>)[row.key];
        return typeof value === 'number' && value >= SCALE_MIN && value <= SCALE_MAX ? value : 0;
      });
      return clamp(values.reduce((a, b) => a + b, 0) / rows.length);
    }
    default:
      return 0;
  }
}

/**
 * Scores a response to a readiness questionnaire. Throws nothing: a questionnaire without scored
 * questions scores 0 (impasse), which `validateDefinition` of a readiness questionnaire prevents.
 *
 * @example
 * scoreReadiness(defaultReadinessQuestionnaire(), answers).stage // 'mid'
 */
export function scoreReadiness(definition: QuestionnaireDefinition, answers: Answers): ReadinessScore {
  const earned = new Map<ReadinessDimension, number>();
  const possible = new Map<ReadinessDimension, number>();
  for (const section of definition.sections) {
    for (const question of section.questions) {
      if (!question.dimension || !isShown(question, answers)) continue;
      earned.set(question.dimension, (earned.get(question.dimension) ?? 0) + pointsOf(question, answers));
      possible.set(question.dimension, (possible.get(question.dimension) ?? 0) + POINTS_MAX);
    }
  }
  const dimensions = {} as Record<ReadinessDimension, number | null>;
  let allEarned = 0;
  let allPossible = 0;
  for (const dimension of READINESS_DIMENSIONS) {
    const max = possible.get(dimension) ?? 0;
    const got = earned.get(dimension) ?? 0;
    dimensions[dimension] = max === 0 ? null : round1((got / max) * 100);
    allEarned += got;
    allPossible += max;
  }
  const total = allPossible === 0 ? 0 : round1((allEarned / allPossible) * READINESS_TOTAL);
  return { dimensions, total, stage: stageOf(total) };
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
