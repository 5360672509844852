import type { InstrumentDto, Phase } from '../../api/types.ts';

/** Lower-case and strip accents, so "equipe" finds "équipe". */
export function normalise(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words of a filter query; an instrument matches when its name or description has them all. */
export function filterTerms(query: string): string[] {
  return normalise(query).split(/\s+/).filter(Boolean);
}

export function matchesTerms(instrument: InstrumentDto, terms: readonly string[]): boolean {
  if (terms.length === 0) return true;
  const haystack = normalise(`${instrument.name}\n${instrument.description}`);
  return terms.every((term) => haystack.includes(term));
}

/** Compare D4.2 section codes numerically, so 1.2.10 follows 1.2.9. */
export function compareCodes(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const difference = (left[i] ?? -1) - (right[i] ?? -1);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** The instruments of each phase, in code order. */
export function groupByPhase(
  instruments: readonly InstrumentDto[],
  phases: readonly Phase[],
): Record<Phase, InstrumentDto[]> {
  const groups = Object.fromEntries(phases.map((phase) => [phase, [] as InstrumentDto[]])) as Record<
    Phase,
    InstrumentDto[]
  >;
  for (const instrument of instruments) groups[instrument.phase]?.push(instrument);
  for (const phase of phases) groups[phase].sort((a, b) => compareCodes(a.code, b.code));
  return groups;
}

const SENTENCE_END = /(?<=[.!?])\s+(?=[\p{Lu}\d“"(])/u;

/**
 * The opening of a description for a card: its first sentence, and the second too while the
 * two stay short enough to read at a glance.
 */
export function excerpt(description: string, maxLength = 180): string {
  const firstParagraph = description.split(/\n\s*\n/)[0]?.trim() ?? '';
  const sentences = firstParagraph.split(SENTENCE_END);
  const first = sentences[0] ?? '';
  const second = sentences[1];
  if (second && first.length + second.length + 1 <= maxLength) return `${first} ${second}`;
  return first;
}
