import type { MeetingType } from './types.ts';

/**
 * Match suggestions of a B2B event (issue 22 item 3, decision 0036): for one participant, the other
 * participants worth meeting, ranked, each with its reasons in structured form so the web app can
 * say them in words. Pure: the caller gives every profile of the event.
 *
 * Scoring (decision 0036):
 * - text, both directions: their offers against my "looking for", and my offers against their
 *   "looking for". Each text becomes a set of terms (lower-cased, accents removed, stop words of
 *   English and the consortium's languages dropped, simple suffix stemming). The score of a
 *   direction is the cosine of the two sets weighted by each term's inverse document frequency
 *   over the event's profiles (`ln(1 + N / df)`), so a word every profile uses weighs little;
 *   times 40 points;
 * - tags: 6 points per shared tag (normalised), at most 30;
 * - space segments: 5 points per shared segment, at most 15;
 * - markets: 10 points when their country is one of my target markets, and 10 when mine is one of
 *   theirs;
 * - meeting types: no points, but a participant with no meeting type in common is excluded, and
 *   the shared types are given as a reason.
 * A participant with no points, or with a live request with me, is not suggested.
 */

export interface MatchProfile {
  id: string;
  name: string;
  country: string;
  offers: string;
  lookingFor: string;
  tags: readonly string[];
  spaceSegments: readonly string[];
  targetMarkets: readonly string[];
  meetingTypes: readonly MeetingType[];
}

export type SuggestionReason =
  /** `they_offer`: their offers meet what I look for; `they_need`: my offers meet what they look for. */
  | { kind: 'offer_matches_request'; direction: 'they_offer' | 'they_need'; terms: string[] }
  | { kind: 'tags_shared'; tags: string[] }
  | { kind: 'segments_shared'; segments: string[] }
  /** `their_country`: their country is one of my target markets; `my_country`: mine is one of theirs. */
  | { kind: 'market_match'; direction: 'their_country' | 'my_country'; country: string }
  | { kind: 'meeting_type'; types: MeetingType[] };

export interface Suggestion {
  participantId: string;
  name: string;
  /** 0–100, rounded to one decimal. */
  score: number;
  reasons: SuggestionReason[];
}

export const SUGGESTION_WEIGHTS = {
  text: 40,
  tag: 6,
  tagsMax: 30,
  segment: 5,
  segmentsMax: 15,
  market: 10,
} as const;

/** Terms shown per text reason. */
const TERMS_SHOWN = 8;

/** The most common function words of English, French, Spanish, Italian, Greek and Polish. */
const STOP_WORDS = new Set(
  [
    // English
    'a an and are as at be been but by can for from has have in into is it its of on or our so that the their them they this to we with you your will all any also more other such than these those which who what when where how not no do does provide providing offer offers looking',
    // French
    'au aux avec ce ces dans de des du elle en et eux il je la le les leur lui ma mais me meme mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous est sont',
    // Spanish
    'al como con del el ella ellos es esta este los las lo mas mi mis muy nos nuestro nuestra para pero por se si sin su sus tambien un una uno unos unas y',
    // Italian
    'ai agli alla alle allo anche che chi col come con da dai dal dalla degli dei del della delle di e gli il in la le lo nei nel nella non per piu quella quello questo sono su sul sulla tra un una uno',
    // Greek (accents removed)
    'και το τα της την των του τον η ο οι στο στη στην στις στους σε με για απο που ειναι θα να δεν ως',
    // Polish (accents removed)
    'a aby ale bez by byc czy dla do i ich jak jest jego jej juz ku lub ma na nad nie od oraz po pod przez sa sie ta tak te ten to tu w we z za ze',
  ]
    .join(' ')
    .split(/\s+/),
);

/** Lower-cases, removes accents (`é` → `e`, `ł` → `l`) and keeps letters and digits. */
export function normalise(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .toLowerCase();
}

/** A light suffix stemmer (English plurals and verb forms, common Romance plurals). */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  const rules: Array<[RegExp, string]> = [
    [/ies$/, 'y'],
    [/sses$/, 'ss'],
    [/ations?$/, 'ate'],
    [/ing$/, ''],
    [/ments?$/, ''],
    [/(?<=[^aeiou])ed$/, ''],
    [/(?<=[^s])s$/, ''],
  ];
  for (const [pattern, replacement] of rules) {
    if (pattern.test(word)) {
      const stemmed = word.replace(pattern, replacement);
      return stemmed.length >= 3 ? stemmed : word;
    }
  }
  return word;
}

/** The terms of a text: stem → the first word it came from (shown in reasons). */
export function terms(text: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const word of normalise(text).split(/[^\p{L}\p{N}]+/u)) {
    if (word.length < 2 || STOP_WORDS.has(word)) continue;
    const key = stem(word);
    if (!found.has(key)) found.set(key, word);
  }
  return found;
}

const normaliseTag = (tag: string) => normalise(tag).trim().replace(/\s+/g, ' ');

interface Analysed {
  profile: MatchProfile;
  offers: Map<string, string>;
  lookingFor: Map<string, string>;
  tags: Map<string, string>;
  segments: Set<string>;
  markets: Set<string>;
}

function analyse(profile: MatchProfile): Analysed {
  return {
    profile,
    offers: terms(profile.offers),
    lookingFor: terms(profile.lookingFor),
    tags: new Map(profile.tags.map((tag) => [normaliseTag(tag), tag.trim()])),
    segments: new Set(profile.spaceSegments),
    markets: new Set(profile.targetMarkets),
  };
}

/** Inverse document frequency of each term over the profiles' texts: `ln(1 + N / df)`. */
function inverseFrequencies(profiles: readonly Analysed[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const p of profiles) {
    for (const term of new Set([...p.offers.keys(), ...p.lookingFor.keys()])) {
      df.set(term, (df.get(term) ?? 0) + 1);
    }
  }
  const n = Math.max(1, profiles.length);
  return new Map([...df].map(([term, count]) => [term, Math.log(1 + n / count)]));
}

/** IDF-weighted cosine of two term sets, and the shared terms (heaviest first, as written in `shown`). */
function textMatch(
  a: Map<string, string>,
  b: Map<string, string>,
  idf: Map<string, number>,
  shown: Map<string, string>,
): { score: number; terms: string[] } {
  if (a.size === 0 || b.size === 0) return { score: 0, terms: [] };
  const weight = (term: string) => idf.get(term) ?? Math.log(2);
  const norm = (set: Map<string, string>) =>
    Math.sqrt([...set.keys()].reduce((s, t) => s + weight(t) ** 2, 0));
  const shared = [...a.keys()].filter((term) => b.has(term));
  if (shared.length === 0) return { score: 0, terms: [] };
  const dot = shared.reduce((s, t) => s + weight(t) ** 2, 0);
  shared.sort((x, y) => weight(y) - weight(x) || x.localeCompare(y));
  return {
    score: dot / (norm(a) * norm(b)),
    terms: shared.slice(0, TERMS_SHOWN).map((t) => shown.get(t) ?? t),
  };
}

/**
 * The other participants ranked for `me`, best first (ties by name), at most `limit`.
 * `excluded`: ids not to suggest (those I have a live request with).
 */
export function suggestMatches(
  me: MatchProfile,
  others: readonly MatchProfile[],
  options: { excluded?: ReadonlySet<string>; limit?: number } = {},
): Suggestion[] {
  const excluded = options.excluded ?? new Set<string>();
  const limit = options.limit ?? 20;
  const mine = analyse(me);
  const candidates = others.filter((o) => o.id !== me.id).map(analyse);
  const idf = inverseFrequencies([mine, ...candidates]);
  const myTypes = new Set(me.meetingTypes);
  const suggestions: Suggestion[] = [];
  for (const theirs of candidates) {
    const other = theirs.profile;
    if (excluded.has(other.id)) continue;
    const types = other.meetingTypes.filter((t) => myTypes.has(t));
    if (types.length === 0) continue;
    const reasons: SuggestionReason[] = [];
    let score = 0;
    const theyOffer = textMatch(theirs.offers, mine.lookingFor, idf, theirs.offers);
    if (theyOffer.score > 0) {
      score += SUGGESTION_WEIGHTS.text * theyOffer.score;
      reasons.push({ kind: 'offer_matches_request', direction: 'they_offer', terms: theyOffer.terms });
    }
    const theyNeed = textMatch(mine.offers, theirs.lookingFor, idf, mine.offers);
    if (theyNeed.score > 0) {
      score += SUGGESTION_WEIGHTS.text * theyNeed.score;
      reasons.push({ kind: 'offer_matches_request', direction: 'they_need', terms: theyNeed.terms });
    }
    const tags = [...theirs.tags.keys()].filter((t) => mine.tags.has(t)).sort();
    if (tags.length > 0) {
      score += Math.min(SUGGESTION_WEIGHTS.tagsMax, SUGGESTION_WEIGHTS.tag * tags.length);
      reasons.push({ kind: 'tags_shared', tags: tags.map((t) => theirs.tags.get(t) ?? t) });
    }
    const segments = [...theirs.segments].filter((s) => mine.segments.has(s)).sort();
    if (segments.length > 0) {
      score += Math.min(SUGGESTION_WEIGHTS.segmentsMax, SUGGESTION_WEIGHTS.segment * segments.length);
      reasons.push({ kind: 'segments_shared', segments });
    }
    if (mine.markets.has(other.country)) {
      score += SUGGESTION_WEIGHTS.market;
      reasons.push({ kind: 'market_match', direction: 'their_country', country: other.country });
    }
    if (theirs.markets.has(me.country)) {
      score += SUGGESTION_WEIGHTS.market;
      reasons.push({ kind: 'market_match', direction: 'my_country', country: me.country });
    }
    if (score <= 0) continue;
    reasons.push({ kind: 'meeting_type', types });
    suggestions.push({
      participantId: other.id,
      name: other.name,
      score: Math.round(Math.min(100, score) * 10) / 10,
      reasons,
    });
  }
  suggestions.sort(
    (a, b) =>
      b.score - a.score || a.name.localeCompare(b.name) || a.participantId.localeCompare(b.participantId),
  );
  return suggestions.slice(0, limit);
}
