/**
 * The interface language (decision 0024). Before the first render, `startLanguage()` picks the
 * language — the account's (`PATCH /me`, remembered in local storage), else the one chosen on the
 * sign-in page (local storage), else the browser's — loads that language's message module (each
 * is its own chunk) and copies it into the one `messages` object (and `figures`) in place, so pages that keep
 * `const t = messages.activityList` at module scope read the translation. Switching stores the
 * choice and reloads the page: one language per page load, no re-render machinery.
 */
import {
  DEFAULT_LANGUAGE,
  isLanguage,
  type Language,
  preferredLanguage,
} from '../../../src/domain/i18n/types.ts';
import { messages } from '../messages/en.ts';
import { figures } from '../messages/en-figures.ts';

export { LANGUAGE_NAMES, LANGUAGES, type Language } from '../../../src/domain/i18n/types.ts';

/** Where the language chosen on this browser is kept (before sign-in, and the account's last one). */
export const LANGUAGE_STORAGE_KEY = 'space2id.language';

/** Each translation is a module of its own, loaded only when its language is chosen. */
const MODULES = import.meta.glob<Record<string, object | undefined>>([
  '../messages/??.ts',
  '!../messages/en.ts',
]);

let active: Language = DEFAULT_LANGUAGE;
let locale = DEFAULT_LANGUAGE as string;

/** The language of this page load. */
export function activeLanguage(): Language {
  return active;
}

/**
 * The locale for `Intl` formats: the browser's own variant of the active language when it has one
 * (`fr-BE`, `en-GB`), else the language itself.
 */
export function activeLocale(): string {
  return locale;
}

function localeFor(language: Language, browserTags: readonly string[]): string {
  const variant = browserTags.find((tag) => tag.toLowerCase().split('-')[0] === language);
  try {
    return variant ? (Intl.getCanonicalLocales(variant)[0] ?? language) : language;
  } catch {
    return language;
  }
}

/** The language kept on this browser, if any. */
export function storedLanguage(): Language | null {
  try {
    const value = localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

function storeLanguage(language: Language | null): void {
  try {
    if (language) localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
    else localStorage.removeItem(LANGUAGE_STORAGE_KEY);
  } catch {
    // Private mode without storage: the choice lasts for this page only (the account keeps it).
  }
}

/** The language of the module file `../messages/fr.ts`, if it has one. */
export function languageFiles(): Language[] {
  return Object.keys(MODULES)
    .map((path) => path.match(/\/(\w\w)\.ts$/)?.[1])
    .filter(isLanguage);
}

/**
 * Copies a translation into the message tree in place: nested objects are filled (never replaced,
 * so a module's `const t = messages.x` keeps pointing at the translated object), strings and
 * functions are replaced.
 */
export function applyMessages(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(source)) {
    const current = target[key];
    if (value && typeof value === 'object' && current && typeof current === 'object') {
      applyMessages(current as Record<string, unknown>, value as Record<string, unknown>);
    } else {
      target[key] = value;
    }
  }
}

/** Loads and applies a language's messages; English (built in) or a language without a file stays English. */
async function activate(language: Language): Promise<void> {
  const load = MODULES[`../messages/${language}.ts`];
  let applied: Language = DEFAULT_LANGUAGE;
  if (load) {
    const module = await load();
    const translation = module[language];
    if (translation) {
      applyMessages(messages as unknown as Record<string, unknown>, translation as Record<string, unknown>);
      applied = language;
    }
    // The figures' strings (en-figures.ts) are a tree of their own, exported as e.g. `frFigures`.
    const figuresTranslation = module[`${language}Figures`];
    if (figuresTranslation) {
      applyMessages(
        figures as unknown as Record<string, unknown>,
        figuresTranslation as Record<string, unknown>,
      );
    }
  }
  active = applied;
  locale = localeFor(applied, navigator.languages ?? [navigator.language]);
  document.documentElement.lang = applied;
}

/** Picks and activates the language of this page load (see the module's comment). */
export async function startLanguage(): Promise<void> {
  const chosen = storedLanguage() ?? preferredLanguage(navigator.languages ?? [navigator.language]);
  await activate(chosen);
}

/** Switches language: remembered on this browser, then the page reloads in it. */
export function switchLanguage(language: Language): void {
  storeLanguage(language);
  window.location.reload();
}

/**
 * After the session is known: an account's language that differs from this page's wins (chosen on
 * another device): it is remembered here and the page reloads once in it.
 */
export function followAccountLanguage(accountLanguage: Language | null): void {
  // Already in it, or already remembered (a language without a message file shows in English:
  // comparing with the stored choice too keeps that from reloading for ever).
  if (!isLanguage(accountLanguage) || accountLanguage === active || storedLanguage() === accountLanguage)
    return;
  switchLanguage(accountLanguage);
}
