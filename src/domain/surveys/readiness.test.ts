import { describe, expect, it } from 'vitest';
import { isShown, pointsOf, scoreReadiness, stageOf } from './readiness.ts';
import type { Question, QuestionnaireDefinition } from './types.ts';

const choice: Question = {
  key: 'experience',
  type: 'single_choice',
  label: { en: 'Experience abroad' },
  required: true,
  dimension: 'heritage',
  options: [
    { key: 'none', label: { en: 'None' }, points: 0 },
    { key: 'some', label: { en: 'Some' }, points: 3 },
    { key: 'much', label: { en: 'Much' }, points: 5 },
  ],
};
const scale: Question = {
  key: 'commitment',
  type: 'scale',
  label: { en: 'Commitment of the management' },
  required: true,
  dimension: 'engagement',
};
const matrix: Question = {
  key: 'means',
  type: 'matrix',
  label: { en: 'Means' },
  required: false,
  dimension: 'means',
  rows: [
    { key: 'staff', label: { en: 'Staff' } },
    { key: 'budget', label: { en: 'Budget' } },
  ],
};
const followUp: Question = {
  key: 'countries',
  type: 'multiple_choice',
  label: { en: 'Where' },
  required: false,
  dimension: 'relationships',
  showIf: { question: 'experience', anyOf: ['some', 'much'] },
  options: [
    { key: 'us', label: { en: 'US' }, points: 3 },
    { key: 'jp', label: { en: 'Japan' }, points: 3 },
  ],
};
const definition: QuestionnaireDefinition = {
  languages: ['en'],
  sections: [{ key: 's', title: { en: 'All' }, questions: [choice, scale, matrix, followUp] }],
};

describe('readiness scoring', () => {
  it('places a total out of 200 in the four stages of the framework', () => {
    expect(stageOf(0)).toBe('impasse');
    expect(stageOf(80.9)).toBe('impasse');
    expect(stageOf(81)).toBe('entry');
    expect(stageOf(120.9)).toBe('entry');
    expect(stageOf(121)).toBe('mid');
    expect(stageOf(161)).toBe('passe_partout');
    expect(stageOf(200)).toBe('passe_partout');
  });

  it('gives an option its points, a multiple choice their capped sum, a scale its value, a matrix its mean', () => {
    expect(pointsOf(choice, { experience: 'some' })).toBe(3);
    expect(pointsOf(choice, { experience: 'unknown' })).toBe(0);
    expect(pointsOf(followUp, { countries: ['us', 'jp'] })).toBe(5);
    expect(pointsOf(scale, { commitment: 4 })).toBe(4);
    expect(pointsOf(matrix, { means: { staff: 2, budget: 5 } })).toBe(3.5);
    expect(pointsOf(matrix, { means: { staff: 2 } })).toBe(1);
    expect(pointsOf(scale, {})).toBe(0);
  });

  it('shows a question only when its condition on an earlier answer holds', () => {
    expect(isShown(followUp, { experience: 'none' })).toBe(false);
    expect(isShown(followUp, { experience: 'much' })).toBe(true);
    expect(isShown(followUp, {})).toBe(false);
    expect(isShown({ ...scale, showIf: { question: 'x', atLeast: 3 } }, { x: 2 })).toBe(false);
    expect(isShown({ ...scale, showIf: { question: 'x', atLeast: 3 } }, { x: 3 })).toBe(true);
  });

  it('scores dimensions out of 100 and the total out of 200, leaving hidden questions out', () => {
    // experience none (0/5), commitment 5 (5/5), means mean 3 (3/5); the follow-up is hidden.
    const low = scoreReadiness(definition, {
      experience: 'none',
      commitment: 5,
      means: { staff: 3, budget: 3 },
    });
    expect(low.dimensions).toEqual({
      competencies: null,
      heritage: 0,
      relationships: null,
      offerings: null,
      means: 60,
      engagement: 100,
    });
    expect(low.total).toBe(106.7); // 8 of 15 points
    expect(low.stage).toBe('entry');
    // With experience the follow-up counts: 5 + 5 + 5 + 5 of 20 points.
    const high = scoreReadiness(definition, {
      experience: 'much',
      commitment: 5,
      means: { staff: 5, budget: 5 },
      countries: ['us', 'jp'],
    });
    expect(high.total).toBe(200);
    expect(high.stage).toBe('passe_partout');
  });

  it('counts an unanswered scored question as no points', () => {
    const score = scoreReadiness(definition, { experience: 'much' });
    // 5 of 20 points (the follow-up shown but unanswered, the scale and matrix unanswered).
    expect(score.total).toBe(50);
    expect(score.stage).toBe('impasse');
  });
});
