import { describe, expect, it } from 'vitest';
import { el } from './el.ts';
import { elFigures } from './el-figures.ts';
import { en } from './en.ts';
import { figures } from './en-figures.ts';
import { pl } from './pl.ts';
import { plFigures } from './pl-figures.ts';

/**
 * Strings a translation may keep as in English: product names, formats, codes, symbols, and
 * words that are the same in the language ("Plan", "Instrument", "Mentor" in Polish).
 */
const SAME_AS_ENGLISH: Record<'el' | 'pl', ReadonlySet<string>> = {
  el: new Set(['SPACE2ID Hub', '—', 'CSV', 'XLSX', 'PDF', 'Excel (XLSX)', 'KPI', 'E-mail', 'UTF-8', 'D4.2']),
  pl: new Set([
    'SPACE2ID Hub',
    '—',
    'CSV',
    'XLSX',
    'PDF',
    'Excel (XLSX)',
    'KPI',
    'E-mail',
    'UTF-8',
    'System',
    'Plan',
    'Instrument',
    'Mentor',
    'Format',
    'Import',
    'Agenda',
    'Operator',
    'Status',
    'Logo',
    'D4.2',
    'Partner',
    'Limit',
    'Online',
  ]),
};

/** Functions whose output need not repeat every argument (a file name chosen per language). */
const NO_PLACEHOLDER_CHECK = new Set(['imports.notImportedFile']);

type Tree = { readonly [key: string]: unknown };

/** Every problem of a translation against the English tree, as "path: what". */
function compare(english: unknown, translated: unknown, language: 'el' | 'pl', path = ''): string[] {
  if (typeof english === 'string') {
    if (typeof translated !== 'string') return [`${path}: not a string`];
    if (translated.trim() === '') return [`${path}: empty`];
    if (translated === english && !SAME_AS_ENGLISH[language].has(english))
      return [`${path}: left in English`];
    return [];
  }
  if (typeof english === 'function') {
    if (typeof translated !== 'function') return [`${path}: not a function`];
    const problems: string[] = [];
    if (translated.length !== english.length)
      problems.push(`${path}: takes ${translated.length} parameters, English ${english.length}`);
    // Called with distinctive arguments: the answer is text and repeats every one the English repeats.
    const args = Array.from({ length: english.length }, (_, i) => `ARG${i}`);
    const englishOut = english(...args) as unknown;
    const translatedOut = translated(...args) as unknown;
    if (typeof translatedOut !== typeof englishOut) problems.push(`${path}: answers ${typeof translatedOut}`);
    else if (typeof englishOut === 'string' && typeof translatedOut === 'string') {
      if (!NO_PLACEHOLDER_CHECK.has(path)) {
        for (const arg of args) {
          const inEnglish = englishOut.toLowerCase().includes(arg.toLowerCase());
          if (inEnglish && !translatedOut.toLowerCase().includes(arg.toLowerCase()))
            problems.push(`${path}: drops the placeholder ${arg}`);
        }
      }
    }
    return problems;
  }
  if (english !== null && typeof english === 'object') {
    if (translated === null || typeof translated !== 'object') return [`${path}: not an object`];
    if (Array.isArray(english) !== Array.isArray(translated)) return [`${path}: array and object differ`];
    const englishKeys = Object.keys(english);
    const translatedKeys = Object.keys(translated);
    const problems = translatedKeys
      .filter((key) => !englishKeys.includes(key))
      .map((key) => `${path}${path ? '.' : ''}${key}: not in English`);
    for (const key of englishKeys) {
      const child = `${path}${path ? '.' : ''}${key}`;
      if (!(key in translated)) problems.push(`${child}: missing`);
      else problems.push(...compare((english as Tree)[key], (translated as Tree)[key], language, child));
    }
    return problems;
  }
  return translated === english ? [] : [`${path}: differs from English (${String(english)})`];
}

describe.each([
  ['el', el, elFigures],
  ['pl', pl, plFigures],
] as const)('the %s messages', (language, messages, figuresOf) => {
  it('have every English key, with the same kind of value and the same parameters, and no other', () => {
    expect(compare(en, messages, language)).toEqual([]);
  });

  it('translate the figures part (read by pages apart from `en`) the same way', () => {
    expect(compare(figures, figuresOf, language)).toEqual([]);
  });

  it('catch a missing key, an extra key, a changed arity and a string left in English', () => {
    const broken = {
      ...messages,
      common: { ...messages.common, close: en.common.close, extra: 'x' },
      catalogue: { ...messages.catalogue, instrumentCount: () => 'x' },
    } as unknown as Tree;
    delete (broken as { nav?: unknown }).nav;
    expect(compare(en, broken, language)).toEqual(
      expect.arrayContaining([
        'common.extra: not in English',
        'common.close: left in English',
        'catalogue.instrumentCount: takes 0 parameters, English 1',
        'nav: missing',
      ]),
    );
  });
});

describe('plurals', () => {
  it('Greek: one for 1, the plural otherwise', () => {
    expect(el.imports.fileSummary('f.csv', 1, 1)).toBe('f.csv: 1 γραμμή, 1 στήλη');
    expect(el.imports.fileSummary('f.csv', 5, 2)).toBe('f.csv: 5 γραμμές, 2 στήλες');
    expect(el.catalogue.instrumentCount(0)).toBe('0 εργαλεία');
  });

  it('Polish: 1, 2–4 except 12–14, and 5+ (Intl.PluralRules)', () => {
    const rows = (n: number) => pl.imports.fileSummary('f.csv', n, 1);
    expect(rows(1)).toBe('f.csv: 1 wiersz, 1 kolumna');
    expect(rows(2)).toBe('f.csv: 2 wiersze, 1 kolumna');
    expect(rows(4)).toBe('f.csv: 4 wiersze, 1 kolumna');
    expect(rows(5)).toBe('f.csv: 5 wierszy, 1 kolumna');
    expect(rows(12)).toBe('f.csv: 12 wierszy, 1 kolumna');
    expect(rows(14)).toBe('f.csv: 14 wierszy, 1 kolumna');
    expect(rows(22)).toBe('f.csv: 22 wiersze, 1 kolumna');
    expect(rows(25)).toBe('f.csv: 25 wierszy, 1 kolumna');
    expect(rows(0)).toBe('f.csv: 0 wierszy, 1 kolumna');
    expect(pl.members.count(3, false)).toBe('3 organizacje');
    expect(pl.people.count(5, false)).toBe('5 osób');
    expect(pl.imports.notImported(1)).toBe('1 wiersz nie został zaimportowany:');
    expect(pl.imports.notImported(3)).toBe('3 wiersze nie zostały zaimportowane:');
    expect(pl.imports.notImported(7)).toBe('7 wierszy nie zostało zaimportowanych:');
  });

  it('Polish counts of list nouns use the three forms although the shared pair has two', () => {
    const { nouns, shown } = pl.lists;
    expect(shown(3, 3, nouns.organisations)).toBe('3 organizacje');
    expect(shown(25, 132, nouns.people)).toBe('25 z 132 osób');
    expect(shown(1, 1, nouns.activities)).toBe('1 działanie');
    expect(shown(22, 22, nouns.markets)).toBe('22 rynki');
  });
});
