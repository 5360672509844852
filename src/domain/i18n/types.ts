/**
 * The languages of the interface and of the funder reports: English, and the consortium's
 * languages (issue 20). Codes are BCP 47 primary language subtags; names are each language's own.
 */
export const LANGUAGES = ['en', 'fr', 'es', 'it', 'el', 'pl'] as const;

export type Language = (typeof LANGUAGES)[number];

export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  en: 'English',
  fr: 'Français',
  es: 'Español',
  it: 'Italiano',
  el: 'Ελληνικά',
  pl: 'Polski',
};

export const DEFAULT_LANGUAGE: Language = 'en';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The first supported language of an `Accept-Language` list or of `navigator.languages`
 * (`fr-BE` → `fr`), else English.
 *
 * @example preferredLanguage(['pl-PL', 'en']) // 'pl'
 */
export function preferredLanguage(tags: readonly string[]): Language {
  for (const tag of tags) {
    const primary = tag.trim().split(/[-_;]/)[0]?.toLowerCase();
    if (isLanguage(primary)) return primary;
  }
  return DEFAULT_LANGUAGE;
}
