import { describe, expect, it } from 'vitest';
import { reasonText, segmentLabel } from './marketplace-words.ts';

describe('marketplace words', () => {
  it('says every kind of suggestion reason in words, with labels for codes', () => {
    expect(
      reasonText({ kind: 'offer_matches_request', direction: 'they_offer', terms: ['sar', 'imagery'] }),
    ).toBe('They offer what you look for: sar, imagery');
    expect(reasonText({ kind: 'offer_matches_request', direction: 'they_need', terms: ['payloads'] })).toBe(
      'They look for what you offer: payloads',
    );
    expect(reasonText({ kind: 'tags_shared', tags: ['EO', 'radar'] })).toBe('Shared tags: EO, radar');
    expect(reasonText({ kind: 'segments_shared', segments: ['earth_observation'] })).toBe(
      'Same space segments: Earth observation',
    );
    expect(reasonText({ kind: 'market_match', direction: 'their_country', country: 'JP' })).toBe(
      'Their country is one of your target markets: Japan',
    );
    expect(reasonText({ kind: 'market_match', direction: 'my_country', country: 'BE' })).toBe(
      'Your country is one of their target markets: Belgium',
    );
    expect(reasonText({ kind: 'meeting_type', types: ['b2b', 'b2i'] })).toBe(
      'Meeting types in common: Business to business, Business to investor',
    );
    expect(segmentLabel('unknown_code')).toBe('unknown_code');
  });
});
