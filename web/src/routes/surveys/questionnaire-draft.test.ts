import { describe, expect, it } from 'vitest';
import { validateDefinition } from '../../../../src/domain/surveys/questionnaire.ts';
import {
  addQuestion,
  addSection,
  builderPath,
  changeType,
  type Definition,
  errorsAt,
  moveQuestion,
  nextItemKey,
  setLanguages,
  setTextAt,
} from './questionnaire-draft.ts';

function start(): Definition {
  return {
    languages: ['en'],
    sections: [
      {
        key: 'section_1',
        title: { en: 'About you' },
        questions: [{ key: 'exports', type: 'scale', label: { en: 'Exports' }, required: true }],
      },
    ],
  };
}

describe('questionnaire drafts', () => {
  it('adds questions with free keys and what their type needs', () => {
    const two = addQuestion(addQuestion(start(), 0, 'single_choice'), 0, 'matrix');
    const [, choice, grid] = two.sections[0]?.questions ?? [];
    expect(choice).toMatchObject({ key: 'question', type: 'single_choice' });
    expect(choice?.options).toHaveLength(2);
    expect(grid).toMatchObject({ key: 'question_2', type: 'matrix' });
    expect(grid?.rows).toHaveLength(1);
    expect(addSection(two).sections.map((s) => s.key)).toEqual(['section_1', 'section']);
  });

  it("keys a new option or row after the list's length, past keys already taken", () => {
    expect(nextItemKey('option', [])).toBe('option_1');
    expect(nextItemKey('option', ['option_1', 'option_2'])).toBe('option_3');
    expect(nextItemKey('row', ['row_3', 'agree'])).toBe('row_4');
    expect(nextItemKey('option', ['yes', 'option_3', 'option_4'])).toBe('option_5');
  });

  it('moves a question within its section and across sections, and a condition can end up on a later question', () => {
    let draft = addQuestion(start(), 0, 'text');
    draft = setTextAt(draft, 'sections[0].questions[1].label', 'en', 'Where?');
    const second = draft.sections[0]?.questions[1];
    if (second) second.showIf = { question: 'exports', atLeast: 3 };
    expect(validateDefinition(draft, 'general')).toEqual([]);

    const up = moveQuestion(draft, 0, 1, -1);
    expect(up.sections[0]?.questions.map((q) => q.key)).toEqual(['question', 'exports']);
    expect(validateDefinition(up, 'general').map((e) => e.path)).toEqual([
      'sections[0].questions[0].showIf.question',
    ]);

    const across = moveQuestion(addSection(draft), 0, 1, 1);
    expect(across.sections[1]?.questions.map((q) => q.key)).toEqual(['question']);
    // Moving the first question up does nothing.
    expect(moveQuestion(draft, 0, 0, -1)).toBe(draft);
  });

  it('declares a language with empty texts to fill, and sets a text by its path', () => {
    const french = setLanguages(start(), ['fr']);
    expect(french.languages).toEqual(['en', 'fr']);
    expect(french.sections[0]?.title).toEqual({ en: 'About you', fr: '' });
    expect(validateDefinition(french, 'general').map((e) => e.path)).toEqual([
      'sections[0].title.fr',
      'sections[0].questions[0].label.fr',
    ]);
    const filled = setTextAt(
      setTextAt(french, 'sections[0].title', 'fr', 'À propos'),
      'sections[0].questions[0].label',
      'fr',
      'Exportations',
    );
    expect(validateDefinition(filled, 'general')).toEqual([]);
    expect(setLanguages(filled, []).sections[0]?.title).toEqual({ en: 'About you' });
  });

  it('changes a type keeping the texts and dropping what the new type has no use for', () => {
    const draft = start();
    const scale = draft.sections[0]?.questions[0];
    if (!scale) throw new Error('no question');
    const choice = changeType(draft, { ...scale, dimension: 'engagement' }, 'single_choice');
    expect(choice).toMatchObject({ key: 'exports', label: { en: 'Exports' }, dimension: 'engagement' });
    expect(choice.options).toHaveLength(2);
    const text = changeType(draft, choice, 'text');
    expect(text.options).toBeUndefined();
    expect(text.dimension).toBeUndefined();
  });

  it("maps the server's fields to the builder's paths and picks a question's errors", () => {
    expect(builderPath('body.definition.sections.1.questions.3.showIf.question')).toBe(
      'sections[1].questions[3].showIf.question',
    );
    expect(builderPath('body.definition.languages.1')).toBe('languages[1]');
    expect(builderPath('body.name')).toBeNull();
    expect(
      errorsAt(
        [
          { path: 'sections[0].questions[1].key', message: 'a' },
          { path: 'sections[0].questions[10].key', message: 'b' },
          { path: 'sections[0].questions[1].options[0].key', message: 'c' },
        ],
        'sections[0].questions[1]',
      ),
    ).toEqual([
      { path: 'key', message: 'a' },
      { path: 'options[0].key', message: 'c' },
    ]);
  });
});
