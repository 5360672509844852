import { describe, expect, it } from 'vitest';
import { readinessAnswers, smallReadinessDefinition } from '../../../test/support/survey-factories.ts';
import {
  countBy,
  mean,
  meanChoiceEntropy,
  median,
  normalisedEntropy,
  percentileRank,
  percentileRanker,
  summariseResponses,
} from './statistics.ts';
import type { Answers, Question, QuestionnaireDefinition } from './types.ts';

describe('percentile rank', () => {
  it('counts the population below, ties half', () => {
    expect(percentileRank(3, [1, 2, 3, 4])).toBe(63);
    expect(percentileRank(4, [1, 2, 3, 4])).toBe(88);
    expect(percentileRank(1, [1, 2, 3, 4])).toBe(13);
    expect(percentileRank(5, [5])).toBe(50);
    expect(percentileRank(5, [5, 5, 5])).toBe(50);
    expect(percentileRank(2, [1, 1, 3])).toBe(67);
  });

  it('ranks by binary search as it does by counting', () => {
    const population = [5, 1, 3, 3, 9, 3, 7, 1];
    const rank = percentileRanker(population);
    for (const value of [0, 1, 2, 3, 5, 7, 9, 10])
      expect(rank(value)).toBe(percentileRank(value, population));
    expect(percentileRanker([])(3)).toBeNull();
  });

  it('has no rank in an empty population', () => {
    expect(percentileRank(5, [])).toBeNull();
  });
});

describe('normalised entropy', () => {
  it('is 0 when all answers are alike and 1 when evenly spread', () => {
    expect(normalisedEntropy([10, 0, 0])).toBe(0);
    expect(normalisedEntropy([5, 5])).toBeCloseTo(1, 10);
    expect(normalisedEntropy([3, 3, 3, 3])).toBeCloseTo(1, 10);
    expect(normalisedEntropy([3, 1])).toBeCloseTo(0.811, 3);
  });

  it('is undefined with no answer or fewer than two categories', () => {
    expect(normalisedEntropy([0, 0])).toBeNull();
    expect(normalisedEntropy([4])).toBeNull();
  });
});

describe('aggregation helpers', () => {
  it('means, medians and counts', () => {
    expect(mean([])).toBeNull();
    expect(mean([1, 2, 6])).toBe(3);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(countBy(['JP', 'CA', 'JP'])).toEqual([
      { value: 'JP', count: 2 },
      { value: 'CA', count: 1 },
    ]);
  });
});

describe('summaries of a set of answers', () => {
  const definition = smallReadinessDefinition();
  const responses: Answers[] = [readinessAnswers(1), readinessAnswers(3), readinessAnswers(5)];
  const byKey = Object.fromEntries(summariseResponses(definition, responses).map((s) => [s.key, s]));

  it('counts each option of a choice question, with the entropy of the counts', () => {
    expect(byKey.plan).toMatchObject({
      type: 'single_choice',
      shown: 3,
      answered: 3,
      options: [
        { key: 'no', count: 1 },
        { key: 'partly', count: 1 },
        { key: 'yes', count: 1 },
      ],
      entropy: 1,
    });
  });

  it('counts a conditional question only where it was shown', () => {
    expect(byKey.partners).toMatchObject({
      type: 'multiple_choice',
      shown: 2,
      answered: 2,
      options: [
        { key: 'americas', count: 1 },
        { key: 'asia', count: 2 },
      ],
    });
  });

  it('makes a histogram of a scale, its mean and median', () => {
    expect(byKey.offer_fit).toMatchObject({ type: 'scale', histogram: [1, 0, 1, 0, 1], mean: 3, median: 3 });
  });

  it("gives a matrix's row means, a country's counts and the texts", () => {
    expect(byKey.resources).toMatchObject({
      type: 'matrix',
      rows: [
        { key: 'staff', answered: 3, mean: 3 },
        { key: 'budget', answered: 3, mean: 3 },
      ],
    });
    expect(byKey.target).toMatchObject({
      type: 'country',
      counts: [{ value: 'JP', count: 3 }],
      entropy: null,
    });
    // Empty texts are not answers.
    expect(byKey.gaps).toMatchObject({ type: 'text', answered: 1, texts: ['Contacts abroad'] });
  });

  it('summarises numbers and ignores answers of the wrong shape', () => {
    const numbers: QuestionnaireDefinition = {
      languages: ['en'],
      sections: [
        {
          key: 's',
          title: { en: 'S' },
          questions: [
            { key: 'staff', type: 'number', label: { en: 'Staff' }, required: false },
            { key: 'fit', type: 'scale', label: { en: 'Fit' }, required: false },
          ],
        },
      ],
    };
    const [staff, fit] = summariseResponses(numbers, [
      { staff: 10, fit: 9 },
      { staff: 2, fit: 'x' },
      { staff: 'many', fit: 4 },
      {},
    ]);
    expect(staff).toMatchObject({ shown: 4, answered: 2, mean: 6, median: 6, min: 2, max: 10 });
    expect(fit).toMatchObject({ answered: 1, histogram: [0, 0, 0, 1, 0] });
  });

  it('averages the entropy of the choice questions', () => {
    const summaries = summariseResponses(definition, responses);
    const entropy = meanChoiceEntropy(summaries);
    expect(entropy).toBeGreaterThan(0.5);
    expect(entropy).toBeLessThanOrEqual(1);
    expect(
      meanChoiceEntropy(summariseResponses(definition, [readinessAnswers(2), readinessAnswers(2)])),
    ).toBe(0);
  });

  it('summarises 2,000 responses to 50 questions well under a second', () => {
    const all = definition.sections.flatMap((section) => section.questions);
    const big: QuestionnaireDefinition = {
      languages: ['en'],
      sections: Array.from({ length: 5 }, (_, s) => ({
        key: `s${s}`,
        title: { en: `S${s}` },
        questions: Array.from({ length: 10 }, (_, i) => all[i % all.length] as Question).map((q, i) => ({
          ...q,
          key: `${q.key}_${s}_${i}`,
          showIf: undefined,
        })),
      })),
    };
    const many = Array.from({ length: 2000 }, (_, i) => {
      const answers = readinessAnswers(((i % 5) + 1) as 1 | 2 | 3 | 4 | 5);
      const out: Answers = {};
      for (const section of big.sections)
        for (const q of section.questions)
          out[q.key] = answers[q.key.split('_').slice(0, -2).join('_')] ?? null;
      return out;
    });
    const started = performance.now();
    const summaries = summariseResponses(big, many);
    const elapsed = performance.now() - started;
    expect(summaries).toHaveLength(50);
    expect(summaries[0]?.shown).toBe(2000);
    expect(elapsed).toBeLessThan(1000);
  });
});
