import { describe, expect, it } from 'vitest';
import { type MatchProfile, normalise, stem, suggestMatches, terms } from './suggestions.ts';

const profile = (id: string, overrides: Partial<MatchProfile> = {}): MatchProfile => ({
  id,
  name: `Company ${id}`,
  country: 'BE',
  offers: '',
  lookingFor: '',
  tags: [],
  spaceSegments: [],
  targetMarkets: [],
  meetingTypes: ['b2b'],
  ...overrides,
});

describe('text terms', () => {
  it('normalises accents, drops stop words of several languages and stems plurals and verb forms', () => {
    expect(normalise('Télédétection ŁÓDŹ')).toBe('teledetection lodz');
    expect(stem('satellites')).toBe('satellite');
    expect(stem('antennas')).toBe('antenna');
    expect(stem('technologies')).toBe('technology');
    expect(stem('processing')).toBe('process');
    expect(stem('SAR')).toBe('SAR');
    expect([
      ...terms('We offer the processing of SAR images pour les satellites et des antennes').keys(),
    ]).toEqual(['process', 'sar', 'image', 'satellite', 'antenne']);
  });
});

describe('suggestMatches', () => {
  const me = profile('me', {
    name: 'Orbital Optics',
    country: 'BE',
    offers: 'Star trackers and optical payloads for small satellites',
    lookingFor: 'Earth observation data, SAR imagery and ground station services',
    tags: ['EO', 'NewSpace'],
    spaceSegments: ['upstream', 'downstream'],
    targetMarkets: ['JP', 'US'],
    meetingTypes: ['b2b', 'b2i'],
  });
  const sarCompany = profile('sar', {
    name: 'Tokyo SAR',
    country: 'JP',
    offers: 'SAR imagery and Earth observation analytics',
    lookingFor: 'Optical payloads',
    tags: ['eo'],
    spaceSegments: ['downstream'],
    targetMarkets: ['BE'],
  });
  const groundOnly = profile('ground', {
    name: 'Ground Co',
    country: 'FR',
    offers: 'Ground station antennas',
  });
  const unrelated = profile('bakery', { name: 'Bakery', country: 'IT', offers: 'Bread and pastries' });
  const investorOnly = profile('fund', {
    name: 'Space Fund',
    country: 'JP',
    offers: 'SAR imagery investment',
    meetingTypes: ['c2c'],
  });

  it('ranks by score with structured reasons in both directions', () => {
    const ranked = suggestMatches(me, [unrelated, groundOnly, sarCompany, investorOnly]);
    expect(ranked.map((s) => s.participantId)).toEqual(['sar', 'ground']);
    const [best, second] = ranked;
    expect(best?.reasons).toEqual([
      {
        kind: 'offer_matches_request',
        direction: 'they_offer',
        terms: expect.arrayContaining(['sar', 'imagery', 'earth', 'observation']),
      },
      {
        kind: 'offer_matches_request',
        direction: 'they_need',
        terms: expect.arrayContaining(['optical', 'payloads']),
      },
      { kind: 'tags_shared', tags: ['eo'] },
      { kind: 'segments_shared', segments: ['downstream'] },
      { kind: 'market_match', direction: 'their_country', country: 'JP' },
      { kind: 'market_match', direction: 'my_country', country: 'BE' },
      { kind: 'meeting_type', types: ['b2b'] },
    ]);
    expect(best?.score).toBeGreaterThan(second?.score ?? 0);
    expect(second?.reasons[0]).toEqual({
      kind: 'offer_matches_request',
      direction: 'they_offer',
      terms: expect.arrayContaining(['ground', 'station']),
    });
    expect(best?.score).toBeLessThanOrEqual(100);
  });

  it('excludes myself, participants with a live request and those without a common meeting type', () => {
    const ranked = suggestMatches(me, [me, sarCompany, groundOnly, investorOnly], {
      excluded: new Set(['sar']),
    });
    expect(ranked.map((s) => s.participantId)).toEqual(['ground']);
  });

  it('weighs rare terms above common ones (inverse document frequency)', () => {
    const seeker = profile('seeker', { lookingFor: 'space propulsion thrusters' });
    const common = Array.from({ length: 6 }, (_, i) =>
      profile(`c${i}`, { name: `Common ${i}`, offers: 'space consulting' }),
    );
    const rare = profile('rare', { name: 'Rare', offers: 'thrusters' });
    const ranked = suggestMatches(seeker, [...common, rare]);
    expect(ranked[0]?.participantId).toBe('rare');
    expect(ranked[0]?.score).toBeGreaterThan(ranked[1]?.score ?? 0);
  });

  it('limits the list and breaks ties by name', () => {
    const others = ['Delta', 'Alpha', 'Charlie', 'Bravo'].map((name) =>
      profile(name, { name, tags: ['eo'] }),
    );
    const ranked = suggestMatches(profile('x', { tags: ['EO'] }), others, { limit: 3 });
    expect(ranked.map((s) => s.name)).toEqual(['Alpha', 'Bravo', 'Charlie']);
  });

  it('suggests no one when nothing matches', () => {
    expect(suggestMatches(profile('x'), [profile('y'), profile('z')])).toEqual([]);
  });
});
