import { countryName } from '../../app/format.ts';
import { messages } from '../../messages/en.ts';
import type { SuggestionReason } from './marketplace-api.ts';

/** The marketplace's codes in words: space segments, and a suggestion's reasons. */
const t = messages.eventMarketplace;
const segments: Record<string, string> = messages.registry.spaceSegment;
export const segmentLabel = (code: string) => segments[code] ?? code;

/** A suggestion's reason in words. */
export function reasonText(reason: SuggestionReason): string {
  const list = (items: readonly string[]) => items.join(', ');
  switch (reason.kind) {
    case 'offer_matches_request':
      return reason.direction === 'they_offer'
        ? t.suggestions.theyOffer(list(reason.terms))
        : t.suggestions.theyNeed(list(reason.terms));
    case 'tags_shared':
      return t.suggestions.tags(list(reason.tags));
    case 'segments_shared':
      return t.suggestions.segments(list(reason.segments.map((s) => segmentLabel(s))));
    case 'market_match':
      return reason.direction === 'their_country'
        ? t.suggestions.theirCountry(countryName(reason.country))
        : t.suggestions.myCountry(countryName(reason.country));
    case 'meeting_type':
      return t.suggestions.meetingTypes(list(reason.types.map((type) => t.meetingType[type] ?? type)));
  }
}
