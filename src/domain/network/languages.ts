/**
 * ISO 639-1 language codes (the two-letter codes of ISO 639, as the Library of Congress lists
 * them): a network person's language may be any, not only the Hub's six. Pure data, no I/O.
 */
export const ISO_639_1_CODES: ReadonlySet<string> = new Set(
  (
    'aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy ' +
    'da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu ' +
    'hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb ' +
    'lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om ' +
    'or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ' +
    'ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu'
  ).split(' '),
);

/** Whether `code` is an ISO 639-1 code (lower case). */
export function isIso639_1(code: string): boolean {
  return ISO_639_1_CODES.has(code);
}

/**
 * The lower-case host of a website without a leading "www.", for duplicate detection by website
 * ("https://www.Orbita.example/about" → "orbita.example"); null when the text is not a URL.
 */
export function websiteDomain(website: string | null): string | null {
  if (!website) return null;
  try {
    const host = new URL(website).hostname.toLowerCase().replace(/\.$/, '');
    return host.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}
