import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../src/domain/i18n/types.ts';
import { en } from './en.ts';
import { figures } from './en-figures.ts';

/**
 * Every translation has exactly the English keys (issue 20, item 4). The `Messages` type already
 * makes a missing key a compile error; this walks the files at run time too, catching an extra key,
 * an object where English has a string, or a function with other parameters.
 */

const folder = new URL('.', import.meta.url);
/** `fr.ts` → `fr`: the language files (not the parts `fr-kpis.ts`, not English). */
const languageFiles = readdirSync(folder)
  .map((file) => file.match(/^([a-z]{2})\.ts$/)?.[1])
  .filter((code): code is string => code !== undefined && code !== 'en');

/** Where `translation` differs in shape from `english`, as readable paths. */
function shapeProblems(english: unknown, translation: unknown, path = ''): string[] {
  if (typeof english === 'function') {
    if (typeof translation !== 'function')
      return [`${path}: a function in English, ${typeof translation} here`];
    return english.length === translation.length
      ? []
      : [`${path}: ${english.length} parameters in English, ${translation.length} here`];
  }
  if (typeof english === 'string') {
    return typeof translation === 'string'
      ? []
      : [`${path}: a string in English, ${typeof translation} here`];
  }
  if (Array.isArray(english)) {
    if (!Array.isArray(translation) || translation.length !== english.length) {
      return [`${path}: a list of ${english.length} in English`];
    }
    return english.flatMap((item, i) => shapeProblems(item, translation[i], `${path}[${i}]`));
  }
  if (english && typeof english === 'object') {
    if (!translation || typeof translation !== 'object') return [`${path}: an object in English`];
    const a = english as Record<string, unknown>;
    const b = translation as Record<string, unknown>;
    const missing = Object.keys(a)
      .filter((key) => !(key in b))
      .map((key) => `${path}.${key}: missing`);
    const extra = Object.keys(b)
      .filter((key) => !(key in a))
      .map((key) => `${path}.${key}: not in English`);
    const nested = Object.keys(a)
      .filter((key) => key in b)
      .flatMap((key) => shapeProblems(a[key], b[key], `${path}.${key}`));
    return [...missing, ...extra, ...nested];
  }
  return english === translation ? [] : [`${path}: ${String(english)} in English`];
}

describe('translations of the web app', () => {
  it('should find French, the proof of the machinery', () => {
    expect(languageFiles).toContain('fr');
  });

  it.each(languageFiles)(
    '%s should have every English key and no other, with the same shapes',
    async (code) => {
      const module = (await import(`./${code}.ts`)) as Record<string, unknown>;
      expect(module[code], `${code}.ts exports ${code}`).toBeDefined();
      expect(shapeProblems(en, module[code], code)).toEqual([]);
      // The figures' strings, when the language translates them (`frFigures`): the same keys too.
      const translatedFigures = module[`${code}Figures`];
      if (translatedFigures !== undefined) {
        expect(shapeProblems(figures, translatedFigures, `${code}Figures`)).toEqual([]);
      }
    },
  );

  it('should report an extra or a missing key (the check itself can fail)', () => {
    expect(shapeProblems({ a: 'x', b: { c: 'y' } }, { a: 'x', b: {}, d: 'z' }, 'xx')).toEqual([
      'xx.d: not in English',
      'xx.b.c: missing',
    ]);
    expect(shapeProblems({ f: (n: number) => `${n}` }, { f: () => '' }, 'xx')).toEqual([
      'xx.f: 1 parameters in English, 0 here',
    ]);
  });

  it('should have a message file for every language of LANGUAGES (passes once es, it, el and pl are merged)', () => {
    const missing = LANGUAGES.filter((code) => code !== 'en' && !languageFiles.includes(code));
    expect(missing).toEqual([]);
  });
});
