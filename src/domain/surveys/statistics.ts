import { conditionHolds } from './readiness.ts';
import {
  type Answer,
  type Answers,
  type Question,
  type QuestionnaireDefinition,
  type QuestionType,
  SCALE_MAX,
  SCALE_MIN,
} from './types.ts';

/**
 * Statistics of survey answers (issue 23, decision 0043): percentile ranks for readiness
 * benchmarks, the normalised entropy of answer distributions (the "variety of answers" KPI) and
 * per-question summaries of a wave's responses. Pure and linear in the number of answers: a wave
 * of 2,000 responses to 50 questions is summarised in a few milliseconds.
 */

/**
 * The percentile rank (0–100) of `value` in `population`: the share of the population below it,
 * ties counting half ("mid-rank" definition: (below + ½ · equal) / n × 100). The population
 * normally includes the value itself, so a lone member ranks 50, the best of four 87.5 and a
 * member tied with everyone 50. Rounded to a whole number; null for an empty population.
 *
 * @example percentileRank(3, [1, 2, 3, 4]) // 63 (2 below, 1 equal: 2.5 / 4)
 */
export function percentileRank(value: number, population: readonly number[]): number | null {
  if (population.length === 0) return null;
  let below = 0;
  let equal = 0;
  for (const other of population) {
    if (other < value) below++;
    else if (other === value) equal++;
  }
  return Math.round(((below + equal / 2) / population.length) * 100);
}

/**
 * A percentile-rank function over a fixed population (same definition as `percentileRank`):
 * sorts once, then ranks each value by binary search, for ranking every member of a large group
 * (n log n instead of n²).
 */
export function percentileRanker(population: readonly number[]): (value: number) => number | null {
  const sorted = [...population].sort((a, b) => a - b);
  const firstAtLeast = (value: number, strict: boolean) => {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      const at = sorted[middle] as number;
      if (strict ? at <= value : at < value) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  return (value) => {
    if (sorted.length === 0) return null;
    const below = firstAtLeast(value, false);
    const equal = firstAtLeast(value, true) - below;
    return Math.round(((below + equal / 2) / sorted.length) * 100);
  };
}

/**
 * Shannon entropy of a distribution of counts, normalised by the largest possible for that many
 * categories (log k): 0 when every answer is the same, 1 when they are spread evenly over all
 * `counts.length` categories. Null when there are fewer than two categories or no answer.
 *
 * @example normalisedEntropy([5, 5]) // 1
 */
export function normalisedEntropy(counts: readonly number[]): number | null {
  if (counts.length < 2) return null;
  const total = counts.reduce((sum, n) => sum + n, 0);
  if (total <= 0) return null;
  let entropy = 0;
  for (const n of counts) {
    if (n <= 0) continue;
    const p = n / total;
    entropy -= p * Math.log(p);
  }
  return entropy / Math.log(counts.length);
}

/** The mean of `values`; null when empty. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

/** The median of `values` (the mean of the two middle ones for an even count); null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** How many times each value occurs, most frequent first (then by value). */
export function countBy(values: Iterable<string>): { value: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

/** Rounds to `digits` decimals, keeping null. */
export function roundTo(value: number | null, digits = 2): number | null {
  if (value === null) return null;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

interface SummaryBase {
  key: string;
  type: QuestionType;
  /** Respondents the question was shown to (its condition held). */
  shown: number;
  /** Respondents who answered it. */
  answered: number;
}

/** Single and multiple choice: every option's count in the question's order (unknown keys ignored). */
export interface ChoiceSummary extends SummaryBase {
  type: 'single_choice' | 'multiple_choice';
  options: { key: string; count: number }[];
  /** Normalised entropy of the option counts (0: all alike, 1: evenly spread). */
  entropy: number | null;
}

/** A 1–5 scale: the count of each point, its mean and median. */
export interface ScaleSummary extends SummaryBase {
  type: 'scale';
  /** Counts of 1, 2, 3, 4 and 5. */
  histogram: number[];
  mean: number | null;
  median: number | null;
  entropy: number | null;
}

export interface NumberSummary extends SummaryBase {
  type: 'number';
  mean: number | null;
  median: number | null;
  min: number | null;
  max: number | null;
}

/** A matrix: each row's mean and how many rated it. */
export interface MatrixSummary extends SummaryBase {
  type: 'matrix';
  rows: { key: string; answered: number; mean: number | null }[];
}

/** A country or a target market: how many picked each value, most picked first. */
export interface PickSummary extends SummaryBase {
  type: 'country' | 'market';
  counts: { value: string; count: number }[];
  entropy: number | null;
}

/** Free text: the non-empty answers, in the order given. */
export interface TextSummary extends SummaryBase {
  type: 'text';
  texts: string[];
}

export type QuestionSummary =
  | ChoiceSummary
  | ScaleSummary
  | NumberSummary
  | MatrixSummary
  | PickSummary
  | TextSummary;

/** Every question of a definition in order, with the key of its section. */
export function questionsOf(definition: QuestionnaireDefinition): { section: string; question: Question }[] {
  return definition.sections.flatMap((section) =>
    section.questions.map((question) => ({ section: section.key, question })),
  );
}

/** Whether an answer counts as given (a non-empty text, list or matrix; any number or key). */
export function isAnswered(answer: Answers[string] | undefined): boolean {
  if (answer === null || answer === undefined) return false;
  if (typeof answer === 'string') return answer.trim() !== '';
  if (Array.isArray(answer)) return answer.length > 0;
  if (typeof answer === 'object') return Object.keys(answer).length > 0;
  return typeof answer === 'number' && Number.isFinite(answer);
}

/**
 * Summaries of every question of `definition` over `responses` (the answers of each response).
 * An answer of the wrong shape for its question (from an older version) is not counted. One pass
 * over the responses gathers each question's answers, then each question is summarised from its
 * own (a wave of 2,000 responses to 50 questions is 100,000 answers: no allocation per answer).
 */
export function summariseResponses(
  definition: QuestionnaireDefinition,
  responses: readonly Answers[],
): QuestionSummary[] {
  const questions = questionsOf(definition).map((entry) => entry.question);
  const shown = new Array<number>(questions.length).fill(0);
  const given = questions.map((): Answer[] => []);
  for (const answers of responses) {
    for (let index = 0; index < questions.length; index++) {
      const question = questions[index] as Question;
      const condition = question.showIf;
      if (condition && !conditionHolds(condition, answers[condition.question])) continue;
      shown[index] = (shown[index] as number) + 1;
      const answer = answers[question.key];
      if (isAnswered(answer)) given[index]?.push(answer as Answer);
    }
  }
  return questions.map((question, index) => summariseGiven(question, shown[index] ?? 0, given[index] ?? []));
}

/** The summary of a question shown to `shown` respondents, of whom the answers `given`. */
function summariseGiven(question: Question, shown: number, given: readonly Answer[]): QuestionSummary {
  const base = { key: question.key, shown };
  switch (question.type) {
    case 'single_choice':
    case 'multiple_choice': {
      const counts = new Map((question.options ?? []).map((option) => [option.key, 0]));
      // Counted without allocating per answer (a wave has tens of thousands of them).
      const counted = (key: unknown) => {
        const count = typeof key === 'string' ? counts.get(key) : undefined;
        if (count === undefined) return false;
        counts.set(key as string, count + 1);
        return true;
      };
      let valid = 0;
      for (const answer of given) {
        if (typeof answer === 'string') {
          if (counted(answer)) valid++;
          continue;
        }
        if (!Array.isArray(answer)) continue;
        let any = false;
        for (let i = 0; i < answer.length; i++) {
          // A key given twice counts once.
          if (answer.indexOf(answer[i] as string) === i && counted(answer[i])) any = true;
        }
        if (any) valid++;
      }
      const options = [...counts].map(([key, count]) => ({ key, count }));
      return {
        ...base,
        type: question.type,
        answered: valid,
        options,
        entropy: roundTo(normalisedEntropy(options.map((o) => o.count)), 3),
      };
    }
    case 'scale': {
      const histogram = Array.from({ length: SCALE_MAX - SCALE_MIN + 1 }, () => 0);
      const values: number[] = [];
      for (const answer of given) {
        if (typeof answer !== 'number' || !Number.isInteger(answer)) continue;
        if (answer < SCALE_MIN || answer > SCALE_MAX) continue;
        histogram[answer - SCALE_MIN] = (histogram[answer - SCALE_MIN] ?? 0) + 1;
        values.push(answer);
      }
      return {
        ...base,
        type: 'scale',
        answered: values.length,
        histogram,
        mean: roundTo(mean(values)),
        median: median(values),
        entropy: roundTo(normalisedEntropy(histogram), 3),
      };
    }
    case 'number': {
      const values = given.filter((a): a is number => typeof a === 'number');
      let min: number | null = null;
      let max: number | null = null;
      for (const value of values) {
        if (min === null || value < min) min = value;
        if (max === null || value > max) max = value;
      }
      return {
        ...base,
        type: 'number',
        answered: values.length,
        mean: roundTo(mean(values)),
        median: median(values),
        min,
        max,
      };
    }
    case 'matrix': {
      const rows = (question.rows ?? []).map((row) => ({ key: row.key, values: [] as number[] }));
      let valid = 0;
      for (const answer of given) {
        if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) continue;
        let any = false;
        for (const row of rows) {
          const value = (answer as Record<string, unknown>)[row.key];
          if (typeof value !== 'number' || value < SCALE_MIN || value > SCALE_MAX) continue;
          row.values.push(value);
          any = true;
        }
        if (any) valid++;
      }
      return {
        ...base,
        type: 'matrix',
        answered: valid,
        rows: rows.map((row) => ({
          key: row.key,
          answered: row.values.length,
          mean: roundTo(mean(row.values)),
        })),
      };
    }
    case 'country':
    case 'market': {
      const values = given.filter((a): a is string => typeof a === 'string');
      const counts = countBy(values);
      return {
        ...base,
        type: question.type,
        answered: values.length,
        counts,
        entropy: roundTo(normalisedEntropy(counts.map((c) => c.count)), 3),
      };
    }
    case 'text': {
      const texts = given.filter((a): a is string => typeof a === 'string').map((text) => text.trim());
      return { ...base, type: 'text', answered: texts.length, texts };
    }
  }
}

/**
 * The mean normalised entropy of the choice questions (single and multiple choice, scale) that
 * have at least one answer: how varied a wave's answers are, 0 (everyone alike) to 1 (evenly
 * spread). Null when there is no such question.
 */
export function meanChoiceEntropy(summaries: readonly QuestionSummary[]): number | null {
  const entropies: number[] = [];
  for (const summary of summaries) {
    if (summary.type !== 'single_choice' && summary.type !== 'multiple_choice' && summary.type !== 'scale')
      continue;
    if (summary.entropy !== null) entropies.push(summary.entropy);
  }
  return mean(entropies);
}
