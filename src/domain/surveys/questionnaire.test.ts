import { describe, expect, it } from 'vitest';
import type { Language } from '../i18n/types.ts';
import { defaultReadinessQuestionnaire } from './default-readiness.ts';
import { textsOf, validateDefinition } from './questionnaire.ts';
import { type Question, type QuestionnaireDefinition, SURVEY_LIMITS } from './types.ts';

const yesNo = [
  { key: 'no', label: { en: 'No', fr: 'Non' }, points: 0 },
  { key: 'yes', label: { en: 'Yes', fr: 'Oui' }, points: 5 },
];

/** A valid readiness definition in English and French: a choice, a scale, a number, a matrix. */
function valid(): QuestionnaireDefinition {
  return {
    languages: ['en', 'fr'],
    sections: [
      {
        key: 'company',
        title: { en: 'Company', fr: 'Entreprise' },
        questions: [
          {
            key: 'exports',
            type: 'single_choice',
            label: { en: 'Do you export?', fr: 'Exportez-vous ?' },
            required: true,
            dimension: 'heritage',
            options: structuredClone(yesNo),
          },
          {
            key: 'commitment',
            type: 'scale',
            label: { en: 'Commitment', fr: 'Engagement' },
            required: true,
            dimension: 'engagement',
            scaleLabels: { low: { en: 'Low', fr: 'Faible' }, high: { en: 'High', fr: 'Fort' } },
            showIf: { question: 'exports', anyOf: ['yes'] },
          },
        ],
      },
      {
        key: 'means',
        title: { en: 'Means', fr: 'Moyens' },
        questions: [
          {
            key: 'staff',
            type: 'number',
            label: { en: 'Staff', fr: 'Effectif' },
            required: false,
            min: 0,
            max: 100000,
            showIf: { question: 'commitment', atLeast: 3 },
          },
          {
            key: 'resources',
            type: 'matrix',
            label: { en: 'Resources', fr: 'Ressources' },
            required: false,
            dimension: 'means',
            rows: [{ key: 'budget', label: { en: 'Budget', fr: 'Budget' } }],
          },
          { key: 'where', type: 'country', label: { en: 'Where', fr: 'Où' }, required: false },
          { key: 'market', type: 'market', label: { en: 'Market', fr: 'Marché' }, required: false },
          { key: 'notes', type: 'text', label: { en: 'Notes', fr: 'Notes' }, required: false },
        ],
      },
    ],
  };
}

function question(def: QuestionnaireDefinition, section: number, index: number): Question {
  const found = def.sections[section]?.questions[index];
  if (!found) throw new Error('no such question');
  return found;
}

const paths = (def: QuestionnaireDefinition, kind: 'readiness' | 'market' | 'general' = 'readiness') =>
  validateDefinition(def, kind).map((error) => error.path);

describe('validateDefinition', () => {
  it('accepts a valid definition of every question type', () => {
    expect(validateDefinition(valid(), 'readiness')).toEqual([]);
  });

  it('accepts the default readiness questionnaire once it holds questions', () => {
    const { definition } = defaultReadinessQuestionnaire();
    const errors = validateDefinition(definition, 'readiness');
    if (definition.sections.length === 0) {
      expect(errors).toEqual([{ path: 'sections', message: 'must hold at least one question' }]);
    } else {
      expect(errors).toEqual([]);
    }
  });

  it('refuses a questionnaire without any question', () => {
    expect(validateDefinition({ languages: ['en'], sections: [] }, 'general')).toEqual([
      { path: 'sections', message: 'must hold at least one question' },
    ]);
    const emptySections = valid();
    for (const section of emptySections.sections) section.questions = [];
    expect(paths(emptySections, 'general')).toEqual(['sections']);
  });

  it('refuses duplicate and malformed keys', () => {
    const def = valid();
    question(def, 1, 0).key = 'exports';
    question(def, 1, 1).key = 'Bad-Key';
    question(def, 1, 2).key = `a${'b'.repeat(SURVEY_LIMITS.keyLength)}`;
    question(def, 1, 3).key = '';
    const section = def.sections[1];
    if (section) section.key = 'company';
    const errors = validateDefinition(def, 'readiness');
    expect(errors).toContainEqual({
      path: 'sections[1].questions[0].key',
      message: '"exports" is the key of another question',
    });
    expect(errors.map((e) => e.path)).toEqual(
      expect.arrayContaining([
        'sections[1].key',
        'sections[1].questions[1].key',
        'sections[1].questions[2].key',
        'sections[1].questions[3].key',
      ]),
    );
    expect(errors.find((e) => e.path === 'sections[1].questions[2].key')?.message).toMatch(/at most 60/);
  });

  it('refuses a choice question with fewer than two options or duplicate option keys', () => {
    const def = valid();
    question(def, 0, 0).options = [{ key: 'yes', label: { en: 'Yes', fr: 'Oui' } }];
    expect(paths(def)).toContain('sections[0].questions[0].options');

    const dup = valid();
    question(dup, 0, 0).options = [
      { key: 'yes', label: { en: 'Yes', fr: 'Oui' } },
      { key: 'yes', label: { en: 'Yes!', fr: 'Oui !' } },
    ];
    expect(validateDefinition(dup, 'readiness')).toContainEqual({
      path: 'sections[0].questions[0].options[1].key',
      message: '"yes" is the key of another option',
    });
  });

  it('lets an option key start with a digit (a range such as 10_30), never a question key', () => {
    const ranges = valid();
    question(ranges, 0, 0).options = [
      { key: '10_30', label: { en: '10 to 30', fr: '10 à 30' } },
      { key: '_30', label: { en: 'Up to 30', fr: 'Jusqu’à 30' } },
    ];
    expect(paths(ranges)).toContain('sections[0].questions[0].options[1].key');
    expect(paths(ranges)).not.toContain('sections[0].questions[0].options[0].key');
    const named = valid();
    question(named, 0, 0).key = '10_30';
    expect(paths(named)).toContain('sections[0].questions[0].key');
  });

  it('refuses a matrix without rows and a number whose minimum is above its maximum', () => {
    const def = valid();
    question(def, 1, 1).rows = [];
    question(def, 1, 0).min = 10;
    question(def, 1, 0).max = 5;
    expect(paths(def)).toEqual(['sections[1].questions[0].max', 'sections[1].questions[1].rows']);
  });

  it('refuses a condition on a later question, on itself or on a missing one', () => {
    const later = valid();
    question(later, 0, 0).showIf = { question: 'commitment', atLeast: 2 };
    expect(validateDefinition(later, 'readiness')).toContainEqual({
      path: 'sections[0].questions[0].showIf.question',
      message: '"commitment" comes later: a condition must be on an earlier question',
    });

    const itself = valid();
    question(itself, 0, 1).showIf = { question: 'commitment', atLeast: 2 };
    expect(validateDefinition(itself, 'readiness')).toContainEqual({
      path: 'sections[0].questions[1].showIf.question',
      message: 'a question cannot depend on itself',
    });

    const missing = valid();
    question(missing, 1, 0).showIf = { question: 'nowhere', atLeast: 2 };
    expect(validateDefinition(missing, 'readiness')).toContainEqual({
      path: 'sections[1].questions[0].showIf.question',
      message: '"nowhere" is not a question of this questionnaire',
    });
  });

  it('refuses anyOf values that are not options, and atLeast on a question that is not a scale or number', () => {
    const def = valid();
    question(def, 0, 1).showIf = { question: 'exports', anyOf: ['yes', 'maybe'] };
    question(def, 1, 0).showIf = { question: 'exports', atLeast: 1 };
    const errors = validateDefinition(def, 'readiness');
    expect(errors).toContainEqual({
      path: 'sections[0].questions[1].showIf.anyOf[1]',
      message: '"maybe" is not an option of "exports"',
    });
    expect(errors).toContainEqual({
      path: 'sections[1].questions[0].showIf.atLeast',
      message: 'only applies to a scale or number question',
    });

    const neither = valid();
    question(neither, 0, 1).showIf = { question: 'exports' };
    expect(paths(neither)).toEqual(['sections[0].questions[1].showIf']);

    const outOfScale = valid();
    question(outOfScale, 1, 0).showIf = { question: 'commitment', atLeast: 6 };
    expect(paths(outOfScale)).toEqual(['sections[1].questions[0].showIf.atLeast']);
  });

  it('refuses languages not starting with English, unknown or listed twice', () => {
    const notFirst = valid();
    notFirst.languages = ['fr', 'en'];
    expect(paths(notFirst)).toContain('languages');

    const unknown = valid();
    unknown.languages = ['en', 'fr', 'xx' as Language];
    expect(validateDefinition(unknown, 'readiness')).toContainEqual({
      path: 'languages[2]',
      message: 'is not one of en, fr, es, it, el, pl',
    });

    const twice = valid();
    twice.languages = ['en', 'fr', 'fr'];
    expect(paths(twice)).toEqual(['languages[2]']);
  });

  it('refuses a text missing in a declared language, and English always', () => {
    const def = valid();
    def.languages = ['en', 'fr', 'pl'];
    const errors = validateDefinition(def, 'readiness');
    // Every text lacks Polish.
    expect(errors.length).toBe(textsOf(def).length);
    expect(errors[0]).toEqual({ path: 'sections[0].title.pl', message: 'is missing in pl' });

    const noEnglish = valid();
    question(noEnglish, 0, 0).label = { en: '  ', fr: 'Exportez-vous ?' };
    expect(validateDefinition(noEnglish, 'readiness')).toEqual([
      { path: 'sections[0].questions[0].label.en', message: 'is required' },
    ]);

    const extra = valid();
    extra.languages = ['en'];
    expect(paths(extra)).toContain('sections[0].title.fr');
  });

  it('refuses points outside 0–5', () => {
    const def = valid();
    const options = question(def, 0, 0).options ?? [];
    if (options[0]) options[0].points = -1;
    if (options[1]) options[1].points = 6;
    expect(paths(def)).toEqual([
      'sections[0].questions[0].options[0].points',
      'sections[0].questions[0].options[1].points',
    ]);
  });

  it('refuses a dimension on a question that cannot be scored, or outside a readiness questionnaire', () => {
    const def = valid();
    question(def, 1, 0).dimension = 'means';
    question(def, 1, 4).dimension = 'means';
    expect(paths(def)).toEqual(['sections[1].questions[0].dimension', 'sections[1].questions[4].dimension']);

    const market = valid();
    expect(paths(market, 'market')).toEqual([
      'sections[0].questions[0].dimension',
      'sections[0].questions[1].dimension',
      'sections[1].questions[1].dimension',
    ]);
  });

  it('refuses a readiness questionnaire with no scored question', () => {
    const def = valid();
    for (const { questions } of def.sections) for (const q of questions) delete q.dimension;
    expect(validateDefinition(def, 'readiness')).toEqual([
      {
        path: 'sections',
        message: 'a readiness questionnaire needs at least one scored question (with a dimension)',
      },
    ]);
    expect(validateDefinition(def, 'general')).toEqual([]);
  });

  it('refuses what exceeds the limits', () => {
    const def = valid();
    def.languages = ['en'];
    const many = Array.from({ length: SURVEY_LIMITS.questionsPerSection + 1 }, (_, i) => ({
      key: `q${i}`,
      type: 'text' as const,
      label: { en: `Q${i}` },
      required: false,
    }));
    def.sections = Array.from({ length: 4 }, (_, s) => ({
      key: `s${s}`,
      title: { en: `S${s}` },
      questions: many.map((q) => ({ ...q, key: `${q.key}_${s}` })),
    }));
    expect(paths(def, 'general')).toEqual([
      'sections',
      'sections[0].questions',
      'sections[1].questions',
      'sections[2].questions',
      'sections[3].questions',
    ]);

    const long = valid();
    question(long, 0, 0).label.en = 'x'.repeat(SURVEY_LIMITS.labelLength + 1);
    expect(paths(long)).toEqual(['sections[0].questions[0].label.en']);

    const options = valid();
    question(options, 0, 0).options = Array.from({ length: SURVEY_LIMITS.options + 1 }, (_, i) => ({
      key: i === 0 ? 'yes' : `o${i}`,
      label: { en: `O${i}`, fr: `O${i}` },
    }));
    expect(paths(options)).toEqual(['sections[0].questions[0].options']);

    const rows = valid();
    question(rows, 1, 1).rows = Array.from({ length: SURVEY_LIMITS.matrixRows + 1 }, (_, i) => ({
      key: `r${i}`,
      label: { en: `R${i}`, fr: `R${i}` },
    }));
    expect(paths(rows)).toEqual(['sections[1].questions[1].rows']);
  });
});
