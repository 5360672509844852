import { isLanguage, LANGUAGES, type Language } from '../i18n/types.ts';
import {
  type Question,
  type QuestionnaireDefinition,
  type QuestionnaireKind,
  type QuestionType,
  SCALE_MAX,
  SCALE_MIN,
  SURVEY_LIMITS,
  type Translated,
} from './types.ts';

/**
 * The rules of a questionnaire's definition (issue 23 item 1, decision 0041), checked whole before
 * it is stored and, in the builder, as it is edited. Pure code: the server and the web app share it.
 *
 * Each problem is a `{ path, message }`, the path in the definition written as
 * `sections[1].questions[3].showIf.question`, so the builder can show it at its question.
 */
export interface DefinitionError {
  path: string;
  message: string;
}

/** Keys: lower-case letters, digits and `_`, starting with a letter, at most 60 characters. */
export const KEY_PATTERN = /^[a-z][a-z0-9_]*$/;
/**
 * An option's or a matrix row's key is a value of an answer, not a name: it may also start with a
 * digit (a range such as `10_30`).
 */
export const VALUE_KEY_PATTERN = /^[a-z0-9][a-z0-9_]*$/;

/** The question types whose answers give points towards a readiness dimension. */
export const SCORABLE_TYPES: readonly QuestionType[] = [
  'single_choice',
  'multiple_choice',
  'scale',
  'matrix',
];
/** The question types a condition may compare with `atLeast`. */
export const AT_LEAST_TYPES: readonly QuestionType[] = ['scale', 'number'];
/** The question types a condition may compare with `anyOf` (their option keys). */
export const ANY_OF_TYPES: readonly QuestionType[] = ['single_choice', 'multiple_choice'];

export const POINTS_MIN = 0;
export const POINTS_MAX = 5;

/** Whether a question of this type is answered among options. */
export function hasOptions(type: QuestionType): boolean {
  return type === 'single_choice' || type === 'multiple_choice';
}

/** Every question of a definition, in order, with its place. */
export function questionsOf(
  definition: QuestionnaireDefinition,
): { question: Question; section: number; index: number; path: string }[] {
  return definition.sections.flatMap((section, s) =>
    section.questions.map((question, q) => ({
      question,
      section: s,
      index: q,
      path: `sections[${s}].questions[${q}]`,
    })),
  );
}

/** The problems of a key (empty when it is well formed). */
function keyProblem(key: string, pattern = KEY_PATTERN): string | null {
  if (key.length === 0) return 'is required';
  if (key.length > SURVEY_LIMITS.keyLength) return `must be at most ${SURVEY_LIMITS.keyLength} characters`;
  if (!pattern.test(key)) {
    return pattern === KEY_PATTERN
      ? 'must start with a lower-case letter and hold only lower-case letters, digits and _'
      : 'must hold only lower-case letters, digits and _, and not start with _';
  }
  return null;
}

/**
 * The problems of a definition of a questionnaire of `kind`; empty when it may be saved.
 *
 * @example validateDefinition({ languages: ['en'], sections: [] }, 'general')
 * // [{ path: 'sections', message: 'must hold at least one question' }]
 */
export function validateDefinition(
  definition: QuestionnaireDefinition,
  kind: QuestionnaireKind,
): DefinitionError[] {
  const errors: DefinitionError[] = [];
  const add = (path: string, message: string) => errors.push({ path, message });

  // Languages: English first, each one known, none twice.
  const languages: Language[] = [];
  if (definition.languages.length === 0 || definition.languages[0] !== 'en') {
    add('languages', 'must start with en (English is always required)');
  }
  definition.languages.forEach((language, index) => {
    if (!isLanguage(language)) {
      add(`languages[${index}]`, `is not one of ${LANGUAGES.join(', ')}`);
    } else if (languages.includes(language)) {
      add(`languages[${index}]`, `lists ${language} twice`);
    } else {
      languages.push(language);
    }
  });
  if (!languages.includes('en')) languages.unshift('en');

  const text = (path: string, value: Translated | undefined, required: boolean) => {
    if (value === undefined) {
      if (required) add(path, 'is required');
      return;
    }
    for (const language of languages) {
      const written = value[language];
      if (written === undefined || written.trim() === '') {
        add(`${path}.${language}`, language === 'en' ? 'is required' : `is missing in ${language}`);
      } else if (written.length > SURVEY_LIMITS.labelLength) {
        add(`${path}.${language}`, `must be at most ${SURVEY_LIMITS.labelLength} characters`);
      }
    }
    for (const language of Object.keys(value)) {
      if (!(languages as string[]).includes(language)) {
        add(`${path}.${language}`, `is in ${language}, which is not a language of the questionnaire`);
      }
    }
  };

  // Sizes.
  if (definition.sections.length > SURVEY_LIMITS.sections) {
    add('sections', `must be at most ${SURVEY_LIMITS.sections} sections`);
  }
  const all = questionsOf(definition);
  if (all.length === 0) add('sections', 'must hold at least one question');
  if (all.length > SURVEY_LIMITS.questions) {
    add('sections', `must hold at most ${SURVEY_LIMITS.questions} questions in all`);
  }

  // Keys and the place of each question (for conditions).
  const sectionKeys = new Set<string>();
  definition.sections.forEach((section, s) => {
    const path = `sections[${s}]`;
    const problem = keyProblem(section.key);
    if (problem) add(`${path}.key`, problem);
    else if (sectionKeys.has(section.key))
      add(`${path}.key`, `"${section.key}" is the key of another section`);
    sectionKeys.add(section.key);
    text(`${path}.title`, section.title, true);
    text(`${path}.description`, section.description, false);
    if (section.questions.length > SURVEY_LIMITS.questionsPerSection) {
      add(`${path}.questions`, `must be at most ${SURVEY_LIMITS.questionsPerSection} questions`);
    }
  });

  const position = new Map<string, number>();
  all.forEach(({ question, path }, order) => {
    const problem = keyProblem(question.key);
    if (problem) add(`${path}.key`, problem);
    else if (position.has(question.key))
      add(`${path}.key`, `"${question.key}" is the key of another question`);
    else position.set(question.key, order);
  });
  const byKey = new Map(all.map(({ question }) => [question.key, question]));

  let scored = 0;
  all.forEach(({ question, path }, order) => {
    text(`${path}.label`, question.label, true);
    text(`${path}.help`, question.help, false);

    // Options of a choice question.
    if (hasOptions(question.type)) {
      const options = question.options ?? [];
      if (options.length < 2) add(`${path}.options`, 'must offer at least two options');
      if (options.length > SURVEY_LIMITS.options) {
        add(`${path}.options`, `must be at most ${SURVEY_LIMITS.options} options`);
      }
      const keys = new Set<string>();
      options.forEach((option, o) => {
        const at = `${path}.options[${o}]`;
        const problem = keyProblem(option.key, VALUE_KEY_PATTERN);
        if (problem) add(`${at}.key`, problem);
        else if (keys.has(option.key)) add(`${at}.key`, `"${option.key}" is the key of another option`);
        keys.add(option.key);
        text(`${at}.label`, option.label, true);
        if (
          option.points !== undefined &&
          (!Number.isFinite(option.points) || option.points < POINTS_MIN || option.points > POINTS_MAX)
        ) {
          add(`${at}.points`, `must be from ${POINTS_MIN} to ${POINTS_MAX}`);
        }
      });
    } else if (question.options !== undefined && question.options.length > 0) {
      add(`${path}.options`, 'only a choice question has options');
    }

    // Rows of a matrix.
    if (question.type === 'matrix') {
      const rows = question.rows ?? [];
      if (rows.length === 0) add(`${path}.rows`, 'must hold at least one statement');
      if (rows.length > SURVEY_LIMITS.matrixRows) {
        add(`${path}.rows`, `must be at most ${SURVEY_LIMITS.matrixRows} statements`);
      }
      const keys = new Set<string>();
      rows.forEach((row, r) => {
        const at = `${path}.rows[${r}]`;
        const problem = keyProblem(row.key, VALUE_KEY_PATTERN);
        if (problem) add(`${at}.key`, problem);
        else if (keys.has(row.key)) add(`${at}.key`, `"${row.key}" is the key of another statement`);
        keys.add(row.key);
        text(`${at}.label`, row.label, true);
      });
    } else if (question.rows !== undefined && question.rows.length > 0) {
      add(`${path}.rows`, 'only a grid question has statements');
    }

    // Bounds of a number.
    if (question.type === 'number') {
      if (question.min !== undefined && question.max !== undefined && question.min > question.max) {
        add(`${path}.max`, 'must not be below the minimum');
      }
    } else {
      if (question.min !== undefined) add(`${path}.min`, 'only a number question has a minimum');
      if (question.max !== undefined) add(`${path}.max`, 'only a number question has a maximum');
    }

    // Labels of a scale.
    if (question.scaleLabels !== undefined) {
      if (question.type === 'scale' || question.type === 'matrix') {
        text(`${path}.scaleLabels.low`, question.scaleLabels.low, true);
        text(`${path}.scaleLabels.high`, question.scaleLabels.high, true);
      } else {
        add(`${path}.scaleLabels`, 'only a scale or grid question has scale labels');
      }
    }

    // Scoring.
    if (question.dimension !== undefined) {
      if (!SCORABLE_TYPES.includes(question.type)) {
        add(`${path}.dimension`, 'only a choice, scale or grid question can be scored');
      } else if (kind !== 'readiness') {
        add(`${path}.dimension`, 'only a readiness questionnaire scores its questions');
      } else {
        scored++;
      }
    }

    // The condition: on an earlier question, with values it can take.
    const condition = question.showIf;
    if (condition) {
      const at = `${path}.showIf`;
      const target = byKey.get(condition.question);
      const targetOrder = position.get(condition.question);
      if (condition.question === question.key) {
        add(`${at}.question`, 'a question cannot depend on itself');
      } else if (target === undefined || targetOrder === undefined) {
        add(`${at}.question`, `"${condition.question}" is not a question of this questionnaire`);
      } else if (targetOrder > order) {
        add(
          `${at}.question`,
          `"${condition.question}" comes later: a condition must be on an earlier question`,
        );
      } else {
        const given = (condition.anyOf !== undefined ? 1 : 0) + (condition.atLeast !== undefined ? 1 : 0);
        if (given !== 1) add(at, 'must give either the answers (anyOf) or the lowest value (atLeast)');
        if (condition.anyOf !== undefined) {
          if (!ANY_OF_TYPES.includes(target.type)) {
            add(`${at}.anyOf`, 'only applies to a choice question');
          } else if (condition.anyOf.length === 0) {
            add(`${at}.anyOf`, 'must name at least one option');
          } else {
            const keys = new Set((target.options ?? []).map((option) => option.key));
            condition.anyOf.forEach((value, v) => {
              if (!keys.has(value))
                add(`${at}.anyOf[${v}]`, `"${value}" is not an option of "${target.key}"`);
            });
          }
        }
        if (condition.atLeast !== undefined) {
          if (!AT_LEAST_TYPES.includes(target.type)) {
            add(`${at}.atLeast`, 'only applies to a scale or number question');
          } else if (
            target.type === 'scale' &&
            (condition.atLeast < SCALE_MIN || condition.atLeast > SCALE_MAX)
          ) {
            add(`${at}.atLeast`, `must be from ${SCALE_MIN} to ${SCALE_MAX}`);
          }
        }
      }
    }
  });

  if (kind === 'readiness' && all.length > 0 && scored === 0) {
    add('sections', 'a readiness questionnaire needs at least one scored question (with a dimension)');
  }
  return errors;
}

/** Every text of a definition with its path, for the Translations view. */
export function textsOf(definition: QuestionnaireDefinition): { path: string; text: Translated }[] {
  const texts: { path: string; text: Translated }[] = [];
  definition.sections.forEach((section, s) => {
    const sp = `sections[${s}]`;
    texts.push({ path: `${sp}.title`, text: section.title });
    if (section.description) texts.push({ path: `${sp}.description`, text: section.description });
    section.questions.forEach((question, q) => {
      const qp = `${sp}.questions[${q}]`;
      texts.push({ path: `${qp}.label`, text: question.label });
      if (question.help) texts.push({ path: `${qp}.help`, text: question.help });
      question.options?.forEach((option, o) => {
        texts.push({ path: `${qp}.options[${o}].label`, text: option.label });
      });
      question.rows?.forEach((row, r) => {
        texts.push({ path: `${qp}.rows[${r}].label`, text: row.label });
      });
      if (question.scaleLabels) {
        texts.push({ path: `${qp}.scaleLabels.low`, text: question.scaleLabels.low });
        texts.push({ path: `${qp}.scaleLabels.high`, text: question.scaleLabels.high });
      }
    });
  });
  return texts;
}
