import type { Language } from '../../../../src/domain/i18n/types.ts';
import { hasOptions } from '../../../../src/domain/surveys/questionnaire.ts';
import type {
  Question,
  QuestionnaireDefinition,
  QuestionType,
  Translated,
} from '../../../../src/domain/surveys/types.ts';

/**
 * Pure edits of a questionnaire's draft in the builder (issue 23): each returns a new definition,
 * so the page keeps one state and saves it whole with its version.
 */

export type Definition = QuestionnaireDefinition;

function clone(definition: Definition): Definition {
  return structuredClone(definition);
}

/** The first key of `base`, `base_2`, `base_3`… not in `taken`. */
export function freeKey(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}_${n}`)) return `${base}_${n}`;
}

/** The key of a list's new option or row: the first `${prefix}_${n}` not taken, from n = length + 1. */
export function nextItemKey(prefix: string, taken: readonly string[]): string {
  const used = new Set(taken);
  let n = taken.length + 1;
  while (used.has(`${prefix}_${n}`)) n++;
  return `${prefix}_${n}`;
}

export function questionKeys(definition: Definition): string[] {
  return definition.sections.flatMap((section) => section.questions.map((q) => q.key));
}

/** A text with English and an empty text for each other declared language. */
export function blankText(languages: readonly Language[], en = ''): Translated {
  const text: Translated = { en };
  for (const language of languages) if (language !== 'en') text[language] = '';
  return text;
}

/** A new question of `type`, with what it needs to be valid but its texts. */
export function newQuestion(definition: Definition, type: QuestionType): Question {
  const key = freeKey('question', questionKeys(definition));
  const languages = definition.languages;
  const question: Question = { key, type, label: blankText(languages), required: false };
  if (hasOptions(type)) {
    question.options = [
      { key: 'option_1', label: blankText(languages) },
      { key: 'option_2', label: blankText(languages) },
    ];
  }
  if (type === 'matrix') question.rows = [{ key: 'row_1', label: blankText(languages) }];
  return question;
}

export function addSection(definition: Definition): Definition {
  const next = clone(definition);
  const key = freeKey(
    'section',
    next.sections.map((s) => s.key),
  );
  next.sections.push({ key, title: blankText(next.languages), questions: [] });
  return next;
}

export function removeSection(definition: Definition, index: number): Definition {
  const next = clone(definition);
  next.sections.splice(index, 1);
  return next;
}

export function addQuestion(definition: Definition, section: number, type: QuestionType): Definition {
  const next = clone(definition);
  next.sections[section]?.questions.push(newQuestion(definition, type));
  return next;
}

export function updateQuestion(
  definition: Definition,
  section: number,
  index: number,
  change: (question: Question) => Question,
): Definition {
  const next = clone(definition);
  const questions = next.sections[section]?.questions;
  const current = questions?.[index];
  if (questions && current) questions[index] = change(current);
  return next;
}

export function removeQuestion(definition: Definition, section: number, index: number): Definition {
  const next = clone(definition);
  next.sections[section]?.questions.splice(index, 1);
  return next;
}

/** Moves a question one place up (-1) or down (+1), across sections at their edges. */
export function moveQuestion(definition: Definition, section: number, index: number, by: -1 | 1): Definition {
  const next = clone(definition);
  const from = next.sections[section];
  const question = from?.questions[index];
  if (!from || !question) return definition;
  const target = index + by;
  if (target >= 0 && target < from.questions.length) {
    from.questions.splice(index, 1);
    from.questions.splice(target, 0, question);
    return next;
  }
  const neighbour = next.sections[section + by];
  if (!neighbour) return definition;
  from.questions.splice(index, 1);
  if (by < 0) neighbour.questions.push(question);
  else neighbour.questions.unshift(question);
  return next;
}

/** Changes a question's type, keeping its texts and dropping what the new type has no use for. */
export function changeType(definition: Definition, question: Question, type: QuestionType): Question {
  const fresh = newQuestion(definition, type);
  const next: Question = {
    key: question.key,
    type,
    label: question.label,
    required: question.required,
    ...(question.help ? { help: question.help } : {}),
    ...(question.showIf ? { showIf: question.showIf } : {}),
  };
  if (hasOptions(type)) next.options = question.options ?? fresh.options ?? [];
  if (type === 'matrix') next.rows = question.rows ?? fresh.rows ?? [];
  if ((type === 'scale' || type === 'matrix') && question.scaleLabels)
    next.scaleLabels = question.scaleLabels;
  if (type === 'number') {
    if (question.min !== undefined) next.min = question.min;
    if (question.max !== undefined) next.max = question.max;
  }
  if (question.dimension && ['single_choice', 'multiple_choice', 'scale', 'matrix'].includes(type)) {
    next.dimension = question.dimension;
  }
  return next;
}

/** Declares or removes a language; a new language gets empty texts to fill. */
export function setLanguages(definition: Definition, languages: Language[]): Definition {
  const ordered: Language[] = ['en', ...languages.filter((l) => l !== 'en')];
  const next = clone(definition);
  next.languages = ordered;
  const fix = (text: Translated | undefined): Translated | undefined => {
    if (!text) return text;
    const fixed: Translated = { en: text.en };
    for (const language of ordered) if (language !== 'en') fixed[language] = text[language] ?? '';
    return fixed;
  };
  for (const section of next.sections) {
    section.title = fix(section.title) as Translated;
    if (section.description) section.description = fix(section.description) as Translated;
    for (const question of section.questions) {
      question.label = fix(question.label) as Translated;
      if (question.help) question.help = fix(question.help) as Translated;
      for (const option of question.options ?? []) option.label = fix(option.label) as Translated;
      for (const row of question.rows ?? []) row.label = fix(row.label) as Translated;
      if (question.scaleLabels) {
        question.scaleLabels = {
          low: fix(question.scaleLabels.low) as Translated,
          high: fix(question.scaleLabels.high) as Translated,
        };
      }
    }
  }
  return next;
}

/**
 * Sets the text at a path of `textsOf` (`sections[0].questions[1].options[0].label`) in one
 * language.
 */
export function setTextAt(
  definition: Definition,
  path: string,
  language: Language,
  value: string,
): Definition {
  const next = clone(definition);
  const steps = path.match(/[A-Za-z]+|\d+/g) ?? [];
  // biome-ignore lint/suspicious/noExplicitAny: walking a JSON tree by a path of its keys
  let node: any = next;
  for (const step of steps) {
    if (node === undefined || node === null) return definition;
    node = node[/^\d+$/.test(step) ? Number(step) : step];
  }
  if (node && typeof node === 'object') node[language] = value;
  return next;
}

/** The server's field `body.definition.sections.1.questions.3.key` as the builder's path `sections[1].questions[3].key`. */
export function builderPath(field: string): string | null {
  if (!field.startsWith('body.definition')) return null;
  const rest = field.slice('body.definition'.length).replace(/^\./, '');
  return rest.replace(/\.(\d+)/g, '[$1]').replace(/^(\d+)/, '[$1]');
}

/** The errors at one question (`sections[s].questions[q]…`), with the rest of their path. */
export function errorsAt(
  errors: readonly { path: string; message: string }[],
  prefix: string,
): { path: string; message: string }[] {
  return errors
    .filter((e) => e.path === prefix || e.path.startsWith(`${prefix}.`) || e.path.startsWith(`${prefix}[`))
    .map((e) => ({ path: e.path.slice(prefix.length).replace(/^\./, ''), message: e.message }));
}
