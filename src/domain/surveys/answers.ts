import type { FieldError } from '../errors.ts';
import { COUNTRY_REFERENCE_POINTS } from '../planning/country-coordinates.ts';
import { isShown } from './readiness.ts';
import {
  type Answer,
  type Answers,
  type Question,
  type QuestionnaireDefinition,
  SCALE_MAX,
  SCALE_MIN,
  SURVEY_LIMITS,
} from './types.ts';

/**
 * Answers to a questionnaire (issue 23, decision 0042): which questions are shown, whether the
 * answers fit their questions, and how complete they are. Pure code, shared by the server (the
 * public answering routes) and the web page (the same rules live, before a round trip).
 */

/** `draft`: partial answers (nothing required); `submit`: every required visible question answered. */
export type AnswerMode = 'draft' | 'submit';

export interface AnswerCheck {
  /** The answers kept: those of visible, known questions, unanswered ones left out. */
  answers: Answers;
  /** What is wrong, by `answers.<key>`; empty when the answers can be saved. */
  errors: FieldError[];
}

function allQuestions(definition: QuestionnaireDefinition): Question[] {
  return definition.sections.flatMap((section) => section.questions);
}

/**
 * The questions shown given the answers so far, in order. A condition reads an earlier answer, so
 * one pass in order suffices: an answer to a hidden question does not count towards later ones.
 */
export function visibleQuestions(definition: QuestionnaireDefinition, answers: Answers): Question[] {
  const effective: Answers = {};
  const shown: Question[] = [];
  for (const question of allQuestions(definition)) {
    if (!isShown(question, effective)) continue;
    shown.push(question);
    const answer = answers[question.key];
    if (answer !== undefined) effective[question.key] = answer;
  }
  return shown;
}

/** Whether an answer counts as given (an empty text, list or grid does not). */
export function isAnswered(answer: Answer | undefined): boolean {
  if (answer === null || answer === undefined) return false;
  if (typeof answer === 'string') return answer.trim().length > 0;
  if (Array.isArray(answer)) return answer.length > 0;
  if (typeof answer === 'object') return Object.keys(answer).length > 0;
  return true;
}

/** Whether `code` is an ISO 3166-1 alpha-2 country code the Hub knows (its country list). */
export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && Object.hasOwn(COUNTRY_REFERENCE_POINTS, code);
}

const isScale = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= SCALE_MIN && value <= SCALE_MAX;

/** What is wrong with one answer to its question, or null. */
function problemOf(question: Question, answer: Answer, markets: ReadonlySet<string>): string | null {
  switch (question.type) {
    case 'single_choice': {
      if (typeof answer !== 'string') return 'must be one option key';
      return question.options?.some((o) => o.key === answer) ? null : `"${short(answer)}" is not an option`;
    }
    case 'multiple_choice': {
      if (!Array.isArray(answer) || answer.some((v) => typeof v !== 'string')) {
        return 'must be a list of option keys';
      }
      const wrong = answer.find((v) => !question.options?.some((o) => o.key === v));
      if (wrong !== undefined) return `"${short(wrong)}" is not an option`;
      if (new Set(answer).size !== answer.length) return 'names an option twice';
      return null;
    }
    case 'scale':
      return isScale(answer) ? null : `must be a whole number from ${SCALE_MIN} to ${SCALE_MAX}`;
    case 'number': {
      if (typeof answer !== 'number' || !Number.isFinite(answer)) return 'must be a number';
      if (question.min !== undefined && answer < question.min) return `must be at least ${question.min}`;
      if (question.max !== undefined && answer > question.max) return `must be at most ${question.max}`;
      return null;
    }
    case 'text': {
      if (typeof answer !== 'string') return 'must be a text';
      return answer.length > SURVEY_LIMITS.textAnswerLength
        ? `must be at most ${SURVEY_LIMITS.textAnswerLength} characters`
        : null;
    }
    case 'matrix': {
      if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) {
        return 'must map each statement to a value from 1 to 5';
      }
      for (const [row, value] of Object.entries(answer)) {
        if (!question.rows?.some((r) => r.key === row)) return `"${short(row)}" is not a statement of it`;
        if (!isScale(value)) return `${short(row)} must be a whole number from ${SCALE_MIN} to ${SCALE_MAX}`;
      }
      return null;
    }
    case 'country':
      if (typeof answer !== 'string') return 'must be a country code';
      return isCountryCode(answer) ? null : 'must be an ISO 3166-1 alpha-2 code in capitals, e.g. "JP"';
    case 'market':
      if (typeof answer !== 'string') return "must be the id of one of the workspace's target markets";
      return markets.has(answer) ? null : "is not one of the workspace's target markets";
    default:
      return 'is of an unknown question type';
  }
}

function short(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/**
 * Checks answers against the questionnaire: each known, visible question's answer must fit its
 * type (an option offered, a scale within 1–5, a number within its bounds, a text within the
 * limit, a grid's statements known and on the scale, a country code, one of `markets`); unknown
 * keys are refused; answers to hidden questions are dropped; on `submit`, every required visible
 * question must be answered.
 *
 * @example
 * validateAnswers(definition, { plan: 'maybe' }, 'draft', new Set()).errors
 * // [{ field: 'answers.plan', message: '"maybe" is not an option' }]
 */
export function validateAnswers(
  definition: QuestionnaireDefinition,
  answers: Answers,
  mode: AnswerMode,
  markets: ReadonlySet<string>,
): AnswerCheck {
  const errors: FieldError[] = [];
  const known = new Set(allQuestions(definition).map((q) => q.key));
  for (const key of Object.keys(answers)) {
    if (!known.has(key))
      errors.push({ field: `answers.${key}`, message: 'is not a question of this survey' });
  }
  const kept: Answers = {};
  for (const question of visibleQuestions(definition, answers)) {
    const answer = answers[question.key];
    if (!isAnswered(answer)) {
      if (mode === 'submit' && question.required) {
        errors.push({ field: `answers.${question.key}`, message: 'is required' });
      }
      continue;
    }
    const problem = problemOf(question, answer as Answer, markets);
    if (problem) errors.push({ field: `answers.${question.key}`, message: problem });
    else kept[question.key] = answer as Answer;
  }
  return { answers: kept, errors };
}

/** The share (0..1) of the visible questions answered; 1 for a questionnaire showing none. */
export function completeness(definition: QuestionnaireDefinition, answers: Answers): number {
  const shown = visibleQuestions(definition, answers);
  if (shown.length === 0) return 1;
  const answered = shown.filter((q) => isAnswered(answers[q.key])).length;
  return Math.round((answered / shown.length) * 1000) / 1000;
}
