import type { Answers, QuestionnaireDefinition } from '../../../../src/domain/surveys/types.ts';
import type { Language } from '../../app/language.ts';

/**
 * A questionnaire as a form, in one language: its sections and questions, each shown only when its
 * condition holds (issue 23, waves branch). Used by the respondent's page and by the builder's
 * preview (read-only there when `readOnly`).
 */
export interface AnswerFormProps {
  definition: QuestionnaireDefinition;
  language: Language;
  answers: Answers;
  onChange?: (answers: Answers) => void;
  /** Question key → what is wrong with its answer. */
  errors?: Record<string, string>;
  /** The target markets a `market` question offers. */
  markets?: { id: string; name: string }[];
  readOnly?: boolean;
}

export function AnswerForm(_props: AnswerFormProps) {
  return null;
}
