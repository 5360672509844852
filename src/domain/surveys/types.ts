import type { Language } from '../i18n/types.ts';

/**
 * The vocabulary of surveys and readiness (issue 23, decision 0040): questionnaires, their
 * questions and answers, waves and readiness. Codes stay in the API; the English labels here serve
 * the server's own texts (mails, exports); the web app shows its translated messages. Pure data.
 */

/** readiness: scored into a readiness profile; market: a market survey or study (instrument 1.3.4);
 * general: anything else (a satisfaction survey, a needs survey). */
export const QUESTIONNAIRE_KINDS = ['readiness', 'market', 'general'] as const;
export type QuestionnaireKind = (typeof QUESTIONNAIRE_KINDS)[number];
export const QUESTIONNAIRE_KIND_LABELS: Record<QuestionnaireKind, string> = {
  readiness: 'Readiness survey',
  market: 'Market survey',
  general: 'Other survey',
};

/**
 * single_choice / multiple_choice: among `options`; scale: 1–5; number: within `min`–`max`; text:
 * free text; matrix: each of `rows` on the 1–5 scale; country: an ISO 3166-1 alpha-2 code;
 * market: the id of one of the workspace's target markets.
 */
export const QUESTION_TYPES = [
  'single_choice',
  'multiple_choice',
  'scale',
  'number',
  'text',
  'matrix',
  'country',
  'market',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];
export const QUESTION_TYPE_LABELS: Record<QuestionType, string> = {
  single_choice: 'One choice',
  multiple_choice: 'Several choices',
  scale: 'Scale from 1 to 5',
  number: 'Number',
  text: 'Text',
  matrix: 'Grid of statements on a scale',
  country: 'Country',
  market: 'Target market',
};

/** The lowest and highest point of a scale question and of each row of a matrix. */
export const SCALE_MIN = 1;
export const SCALE_MAX = 5;

/** Limits that keep a questionnaire and an answer a sensible size. */
export const SURVEY_LIMITS = {
  sections: 20,
  questionsPerSection: 40,
  questions: 120,
  options: 30,
  matrixRows: 20,
  labelLength: 500,
  keyLength: 60,
  textAnswerLength: 5000,
} as const;

/** A text in English and, optionally, in the workspace's other languages. */
export type Translated = { en: string } & Partial<Record<Language, string>>;

/** A choice of a single- or multiple-choice question; `points` (0–5) score a readiness question. */
export interface ChoiceOption {
  key: string;
  label: Translated;
  points?: number;
}

export interface MatrixRow {
  key: string;
  label: Translated;
}

/**
 * When a question is shown: the answer to an earlier question is one of `anyOf` (option keys, for a
 * choice question) or at least `atLeast` (a scale or number question).
 */
export interface Condition {
  question: string;
  anyOf?: string[];
  atLeast?: number;
}

export interface Question {
  /** Unique within the questionnaire; the key of its answer. */
  key: string;
  type: QuestionType;
  label: Translated;
  help?: Translated;
  required: boolean;
  /** single_choice and multiple_choice */
  options?: ChoiceOption[];
  /** matrix */
  rows?: MatrixRow[];
  /** number */
  min?: number;
  max?: number;
  /** scale and matrix: what 1 and 5 mean. */
  scaleLabels?: { low: Translated; high: Translated };
  showIf?: Condition;
  /** A readiness questionnaire's scored question: the dimension its points count towards. */
  dimension?: ReadinessDimension;
}

export interface Section {
  key: string;
  title: Translated;
  description?: Translated;
  questions: Question[];
}

/** A questionnaire's content. `languages` lists the languages it is written in, English first. */
export interface QuestionnaireDefinition {
  languages: Language[];
  sections: Section[];
}

/**
 * One answer: an option key (single choice, country code, market id), option keys (multiple
 * choice), a number (scale, number), a text, or row key → 1–5 (matrix). Null or absent: unanswered.
 */
export type Answer = string | string[] | number | Record<string, number> | null;
export type Answers = Record<string, Answer>;

/** draft: being prepared; open: links sent, answers accepted until `closes_at`; closed. */
export const WAVE_STATUSES = ['draft', 'open', 'closed'] as const;
export type WaveStatus = (typeof WAVE_STATUSES)[number];
export const WAVE_STATUS_LABELS: Record<WaveStatus, string> = {
  draft: 'Draft',
  open: 'Open',
  closed: 'Closed',
};

/**
 * Who a wave goes to: members' people (chosen by cluster, space segment, market interest or by
 * name) or network people (a market survey). Only people with an e-mail who consented are invited.
 */
export interface WaveAudience {
  kind: 'members' | 'network';
  clusterIds?: string[];
  segments?: string[];
  /** ISO 3166-1 alpha-2 codes of the members' target market interests, or the network's countries. */
  countries?: string[];
  organisationIds?: string[];
  networkPersonIds?: string[];
}

/** A respondent's progress in a wave, in order. */
export const INVITATION_PROGRESS = ['sent', 'opened', 'started', 'completed'] as const;
export type InvitationProgress = (typeof INVITATION_PROGRESS)[number];

/**
 * The six dimensions of the CHROME readiness framework (David & Cariou 2014, docs/readiness.md):
 * Competencies of the management, international Heritage, Relationships abroad, Offerings, Means,
 * Engagement of the management.
 */
export const READINESS_DIMENSIONS = [
  'competencies',
  'heritage',
  'relationships',
  'offerings',
  'means',
  'engagement',
] as const;
export type ReadinessDimension = (typeof READINESS_DIMENSIONS)[number];
export const READINESS_DIMENSION_LABELS: Record<ReadinessDimension, string> = {
  competencies: 'Management competencies',
  heritage: 'International heritage',
  relationships: 'Relationships abroad',
  offerings: 'Offerings',
  means: 'Means',
  engagement: 'Engagement',
};

/** The framework's four levels of the total score out of 200, lowest first. */
export const READINESS_STAGES = ['impasse', 'entry', 'mid', 'passe_partout'] as const;
export type ReadinessStage = (typeof READINESS_STAGES)[number];
export const READINESS_STAGE_LABELS: Record<ReadinessStage, string> = {
  impasse: 'Not ready yet',
  entry: 'Entry level',
  mid: 'Mid level',
  passe_partout: 'Ready for any market',
};
