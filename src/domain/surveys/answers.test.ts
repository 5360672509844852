import { describe, expect, it } from 'vitest';
import { completeness, isCountryCode, validateAnswers, visibleQuestions } from './answers.ts';
import type { QuestionnaireDefinition } from './types.ts';

const definition: QuestionnaireDefinition = {
  languages: ['en', 'fr'],
  sections: [
    {
      key: 'one',
      title: { en: 'One' },
      questions: [
        {
          key: 'sells',
          type: 'single_choice',
          label: { en: 'Do you sell abroad?' },
          required: true,
          options: [
            { key: 'no', label: { en: 'No' } },
            { key: 'yes', label: { en: 'Yes' } },
          ],
        },
        {
          key: 'where',
          type: 'multiple_choice',
          label: { en: 'Where?' },
          required: true,
          showIf: { question: 'sells', anyOf: ['yes'] },
          options: [
            { key: 'asia', label: { en: 'Asia' } },
            { key: 'americas', label: { en: 'Americas' } },
          ],
        },
        { key: 'fit', type: 'scale', label: { en: 'Fit' }, required: true },
        { key: 'staff', type: 'number', label: { en: 'Staff' }, required: false, min: 0, max: 500 },
      ],
    },
    {
      key: 'two',
      title: { en: 'Two' },
      questions: [
        {
          key: 'means',
          type: 'matrix',
          label: { en: 'Means' },
          required: false,
          rows: [
            { key: 'staff', label: { en: 'Staff' } },
            { key: 'budget', label: { en: 'Budget' } },
          ],
        },
        { key: 'country', type: 'country', label: { en: 'Country' }, required: false },
        { key: 'market', type: 'market', label: { en: 'Market' }, required: false },
        { key: 'notes', type: 'text', label: { en: 'Notes' }, required: false },
      ],
    },
  ],
};
const markets = new Set(['market-1']);
const fieldsOf = (answers: Record<string, unknown>, mode: 'draft' | 'submit' = 'draft') =>
  validateAnswers(definition, answers as never, mode, markets).errors.map((e) => e.field);

describe('visibleQuestions', () => {
  it('applies conditions on earlier answers', () => {
    expect(visibleQuestions(definition, {}).map((q) => q.key)).not.toContain('where');
    expect(visibleQuestions(definition, { sells: 'yes' }).map((q) => q.key)).toContain('where');
    expect(visibleQuestions(definition, { sells: 'no' }).map((q) => q.key)).not.toContain('where');
  });
});

describe('validateAnswers', () => {
  it('accepts well-typed answers and keeps them', () => {
    const answers = {
      sells: 'yes',
      where: ['asia'],
      fit: 4,
      staff: 12,
      means: { staff: 2, budget: 5 },
      country: 'JP',
      market: 'market-1',
      notes: 'Fine',
    };
    const check = validateAnswers(definition, answers, 'submit', markets);
    expect(check.errors).toEqual([]);
    expect(check.answers).toEqual(answers);
  });

  it('names each wrong answer by its key', () => {
    expect(fieldsOf({ sells: 'maybe' })).toEqual(['answers.sells']);
    expect(fieldsOf({ sells: 3 })).toEqual(['answers.sells']);
    expect(fieldsOf({ sells: 'yes', where: ['europe'] })).toEqual(['answers.where']);
    expect(fieldsOf({ sells: 'yes', where: 'asia' })).toEqual(['answers.where']);
    expect(fieldsOf({ fit: 6 })).toEqual(['answers.fit']);
    expect(fieldsOf({ fit: 0 })).toEqual(['answers.fit']);
    expect(fieldsOf({ fit: 2.5 })).toEqual(['answers.fit']);
    expect(fieldsOf({ fit: '3' })).toEqual(['answers.fit']);
    expect(fieldsOf({ staff: 501 })).toEqual(['answers.staff']);
    expect(fieldsOf({ staff: -1 })).toEqual(['answers.staff']);
    expect(fieldsOf({ notes: 'x'.repeat(5001) })).toEqual(['answers.notes']);
    expect(fieldsOf({ means: { staff: 7 } })).toEqual(['answers.means']);
    expect(fieldsOf({ means: { travel: 3 } })).toEqual(['answers.means']);
    expect(fieldsOf({ means: [3] })).toEqual(['answers.means']);
    expect(fieldsOf({ country: 'UK' })).toEqual(['answers.country']);
    expect(fieldsOf({ country: 'jp' })).toEqual(['answers.country']);
    expect(fieldsOf({ market: 'market-of-another-workspace' })).toEqual(['answers.market']);
    expect(fieldsOf({ surprise: 'yes' })).toEqual(['answers.surprise']);
  });

  it('asks for required visible questions on submit only', () => {
    expect(fieldsOf({}, 'draft')).toEqual([]);
    expect(fieldsOf({}, 'submit')).toEqual(['answers.sells', 'answers.fit']);
    expect(fieldsOf({ sells: 'yes', fit: 3 }, 'submit')).toEqual(['answers.where']);
    expect(fieldsOf({ sells: 'no', fit: 3, notes: '  ' }, 'submit')).toEqual([]);
  });

  it('drops the answers to hidden questions', () => {
    const check = validateAnswers(definition, { sells: 'no', where: ['europe'], fit: 2 }, 'submit', markets);
    expect(check.errors).toEqual([]);
    expect(check.answers).toEqual({ sells: 'no', fit: 2 });
  });
});

describe('completeness', () => {
  it('is the share of the visible questions answered', () => {
    expect(completeness(definition, {})).toBe(0);
    // 7 visible (where hidden): sells, fit answered.
    expect(completeness(definition, { sells: 'no', fit: 3 })).toBe(0.286);
    // 8 visible once "yes": 3 answered.
    expect(completeness(definition, { sells: 'yes', where: ['asia'], fit: 3 })).toBe(0.375);
  });
});

describe('isCountryCode', () => {
  it('knows the ISO codes and refuses the usual mistakes', () => {
    expect(isCountryCode('GR')).toBe(true);
    expect(isCountryCode('EL')).toBe(false);
    expect(isCountryCode('EU')).toBe(false);
    expect(isCountryCode('constructor')).toBe(false);
  });
});
