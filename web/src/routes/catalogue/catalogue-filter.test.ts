import { describe, expect, it } from 'vitest';
import type { InstrumentDto } from '../../api/types.ts';
import { compareCodes, excerpt, filterTerms, groupByPhase, matchesTerms } from './catalogue-filter.ts';

const instrument = (code: string, phase: InstrumentDto['phase'], name: string, description: string) =>
  ({ code, phase, name, description }) as InstrumentDto;

describe('catalogue filter', () => {
  it('matches when name or description holds every word, ignoring case and accents', () => {
    const visit = instrument(
      '1.1.3',
      'preparatory',
      'Study Visits',
      'Fact-finding missions to the équipe abroad',
    );
    expect(matchesTerms(visit, filterTerms('  STUDY   equipe '))).toBe(true);
    expect(matchesTerms(visit, filterTerms('study roadshow'))).toBe(false);
    expect(matchesTerms(visit, filterTerms(''))).toBe(true);
  });

  it('orders codes numerically, so 1.2.10 follows 1.2.9', () => {
    expect(['1.2.10', '1.2.9', '1.1.1'].sort(compareCodes)).toEqual(['1.1.1', '1.2.9', '1.2.10']);
  });

  it('groups instruments by phase in code order, with an empty list for a phase without any', () => {
    const groups = groupByPhase(
      [instrument('1.1.2', 'preparatory', 'B', ''), instrument('1.1.1', 'preparatory', 'A', '')],
      ['preparatory', 'leads', 'sustain'],
    );
    expect(groups.preparatory.map((i) => i.code)).toEqual(['1.1.1', '1.1.2']);
    expect(groups.leads).toEqual([]);
  });

  it('cuts a description to its first sentence, or two while they stay short', () => {
    expect(excerpt('One. Two. Three.')).toBe('One. Two.');
    expect(excerpt(`${'A'.repeat(150)}. ${'B'.repeat(100)}.`)).toBe(`${'A'.repeat(150)}.`);
    expect(excerpt('First paragraph.\n\nSecond paragraph.')).toBe('First paragraph.');
  });
});
