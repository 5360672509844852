import { describe, expect, it } from 'vitest';
import { DEFAULT_READINESS_SCORED_QUESTIONS, defaultReadinessQuestionnaire } from './default-readiness.ts';
import { isShown, pointsOf, scoreReadiness } from './readiness.ts';
import {
  type Answer,
  type Answers,
  type Question,
  READINESS_DIMENSIONS,
  SCALE_MAX,
  SURVEY_LIMITS,
  type Translated,
} from './types.ts';

const { definition } = defaultReadinessQuestionnaire();
const questions = definition.sections.flatMap((s) => s.questions);
const scoredQuestions = questions.filter((q) => q.dimension);

/** The answer giving `question` its most (best) or fewest (worst) points. */
function extreme(question: Question, best: boolean): Answer {
  switch (question.type) {
    case 'single_choice': {
      const sorted = [...(question.options ?? [])].sort((a, b) => (a.points ?? 0) - (b.points ?? 0));
      return (best ? sorted.at(-1) : sorted[0])?.key ?? null;
    }
    case 'multiple_choice': {
      const options = question.options ?? [];
      return best
        ? options.filter((o) => (o.points ?? 0) > 0).map((o) => o.key)
        : options.filter((o) => (o.points ?? 0) === 0).map((o) => o.key);
    }
    case 'scale':
      return best ? SCALE_MAX : 1;
    case 'matrix':
      return Object.fromEntries((question.rows ?? []).map((r) => [r.key, best ? SCALE_MAX : 1]));
    default:
      return null;
  }
}

/** Answers every shown question in order, each with `pick`. */
function answerAll(pick: (question: Question, index: number) => Answer): Answers {
  const answers: Answers = {};
  questions.forEach((question, index) => {
    if (isShown(question, answers)) answers[question.key] = pick(question, index);
  });
  return answers;
}

describe('the default readiness questionnaire', () => {
  it('has unique keys and stays within the limits of a questionnaire', () => {
    const keys = questions.map((q) => q.key);
    expect(new Set(keys).size).toBe(keys.length);
    const sectionKeys = definition.sections.map((s) => s.key);
    expect(new Set(sectionKeys).size).toBe(sectionKeys.length);
    expect(questions.length).toBeLessThanOrEqual(SURVEY_LIMITS.questions);
    for (const section of definition.sections) {
      expect(section.questions.length).toBeLessThanOrEqual(SURVEY_LIMITS.questionsPerSection);
    }
    for (const question of questions) {
      expect(question.key.length).toBeLessThanOrEqual(SURVEY_LIMITS.keyLength);
      const optionKeys = (question.options ?? []).map((o) => o.key);
      expect(new Set(optionKeys).size).toBe(optionKeys.length);
      const rowKeys = (question.rows ?? []).map((r) => r.key);
      expect(new Set(rowKeys).size).toBe(rowKeys.length);
    }
  });

  it('has 40 scored questions, six to eight per CHROME dimension, each worth 0 to 5 points', () => {
    expect(scoredQuestions).toHaveLength(DEFAULT_READINESS_SCORED_QUESTIONS);
    for (const dimension of READINESS_DIMENSIONS) {
      const count = scoredQuestions.filter((q) => q.dimension === dimension).length;
      expect(count, dimension).toBeGreaterThanOrEqual(6);
      expect(count, dimension).toBeLessThanOrEqual(8);
    }
    for (const question of scoredQuestions) {
      expect(['single_choice', 'multiple_choice', 'scale', 'matrix']).toContain(question.type);
      for (const option of question.options ?? []) {
        expect(option.points, `${question.key}.${option.key}`).toBeGreaterThanOrEqual(0);
        expect(option.points, `${question.key}.${option.key}`).toBeLessThanOrEqual(5);
      }
    }
    const types = new Set(scoredQuestions.map((q) => q.type));
    expect(types).toEqual(new Set(['single_choice', 'multiple_choice', 'scale', 'matrix']));
  });

  it('asks the validation survey’s unscored questions, including the target market', () => {
    const unscored = questions.filter((q) => !q.dimension).map((q) => q.key);
    expect(unscored).toEqual(
      expect.arrayContaining([
        'motivation',
        'drivers',
        'market',
        'gaps',
        'support_wanted',
        'commitment_days',
      ]),
    );
    expect(questions.find((q) => q.key === 'market')?.type).toBe('market');
  });

  it('puts conditions only on earlier questions and on options they have', () => {
    const conditioned = questions.filter((q) => q.showIf);
    expect(conditioned.length).toBeGreaterThan(0);
    for (const question of conditioned) {
      const index = questions.findIndex((q) => q.key === question.showIf?.question);
      expect(index, question.key).toBeGreaterThanOrEqual(0);
      expect(index, question.key).toBeLessThan(questions.indexOf(question));
      const options = questions[index]?.options?.map((o) => o.key) ?? [];
      for (const key of question.showIf?.anyOf ?? []) expect(options, question.key).toContain(key);
    }
  });

  it('scores all best answers 200 (passe-partout) and all worst answers 0 (impasse)', () => {
    const best = answerAll((q) => extreme(q, true));
    for (const question of scoredQuestions) {
      expect(isShown(question, best), question.key).toBe(true);
      expect(pointsOf(question, best), question.key).toBe(5);
    }
    expect(scoreReadiness(definition, best)).toEqual({
      dimensions: Object.fromEntries(READINESS_DIMENSIONS.map((d) => [d, 100])),
      total: 200,
      stage: 'passe_partout',
    });

    const worst = answerAll((q) => extreme(q, false));
    const worstScore = scoreReadiness(definition, worst);
    expect(worstScore.total).toBe(0);
    expect(worstScore.stage).toBe('impasse');
    for (const dimension of READINESS_DIMENSIONS) expect(worstScore.dimensions[dimension]).toBe(0);
  });

  it('places a middling set of answers between the extremes', () => {
    // Every other question at its best, the rest at their worst.
    const mixed = answerAll((q, index) => extreme(q, index % 2 === 0));
    const score = scoreReadiness(definition, mixed);
    expect(score.total).toBeGreaterThan(40);
    expect(score.total).toBeLessThan(160);
    expect(['entry', 'mid', 'impasse']).toContain(score.stage);
    // Middle options everywhere: neither end.
    const middle = answerAll((q) => {
      if (q.type === 'single_choice') return q.options?.[Math.floor((q.options.length - 1) / 2)]?.key ?? null;
      if (q.type === 'multiple_choice') return q.options?.slice(0, 1).map((o) => o.key) ?? [];
      if (q.type === 'scale') return 3;
      if (q.type === 'matrix') return Object.fromEntries((q.rows ?? []).map((r) => [r.key, 3]));
      return null;
    });
    const middleScore = scoreReadiness(definition, middle);
    expect(middleScore.stage === 'entry' || middleScore.stage === 'mid').toBe(true);
  });

  it('writes every text in English and French, within the label length', () => {
    expect(definition.languages).toEqual(['en', 'fr']);
    const texts: Translated[] = [];
    for (const section of definition.sections) {
      texts.push(section.title);
      if (section.description) texts.push(section.description);
      for (const q of section.questions) {
        texts.push(q.label);
        if (q.help) texts.push(q.help);
        if (q.scaleLabels) texts.push(q.scaleLabels.low, q.scaleLabels.high);
        for (const o of q.options ?? []) texts.push(o.label);
        for (const r of q.rows ?? []) texts.push(r.label);
      }
    }
    for (const text of texts) {
      expect(text.en.trim().length, JSON.stringify(text)).toBeGreaterThan(0);
      expect(text.fr?.trim().length ?? 0, JSON.stringify(text)).toBeGreaterThan(0);
      expect(text.en.length).toBeLessThanOrEqual(SURVEY_LIMITS.labelLength);
      expect(text.fr?.length ?? 0).toBeLessThanOrEqual(SURVEY_LIMITS.labelLength);
    }
  });

  it('hands out a fresh copy each time', () => {
    const first = defaultReadinessQuestionnaire();
    first.definition.sections.pop();
    expect(defaultReadinessQuestionnaire().definition.sections).toHaveLength(definition.sections.length);
  });
});
