/**
 * The Spanish and Italian message trees against the English one (issue 20, item 4): every key of
 * English present with the same type (string, array of the same length, or function of the same
 * arity), no extra key, placeholders kept, and nothing left in English except words the language
 * writes the same way (names, codes, "KPI"…).
 */
import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { figures } from './en-figures.ts';
import { es } from './es.ts';
import { esFigures } from './es-figures.ts';
import { it as italian } from './it.ts';
import { itFigures } from './it-figures.ts';

type Tree = { readonly [key: string]: unknown };

interface Language {
  messages: unknown;
  figures: unknown;
  /** Strings that are the same word in the language as in English. */
  sameWords: readonly string[];
  /** Functions whose output is rightly the same as English's (only placeholders and symbols). */
  sameFunctions: readonly string[];
  /** Plurals and grammar spot checks: path, arguments, the expected text. */
  grammar: readonly (readonly [path: string, args: readonly unknown[], expected: string])[];
}

/** Functions made of placeholders and symbols only, the same in every language. */
const SYMBOLS_ONLY = [
  'app.documentTitle',
  // A duration in seconds ("12.5 s") and the job's own message, passed through.
  'eventSchedule.result.seconds',
  'eventAgendas.mailsDone',
  'dashboard.textBy',
  'kpis.rating',
  // All shown: only the count and the noun passed in ("7 things"); the partial case is checked below.
  'lists.shown',
  'memberPage.participation',
  'planning.period',
  'reports.downloadLabel',
  // Issue 23 — survey waves: "3 / 12".
  'surveyWaves.page.countOf',
  // "12 (75 %)": the count and the conversion, formatted by the caller.
  'networkHealth.funnel.label',
];

const LANGUAGES: Record<string, Language> = {
  es: {
    messages: es,
    figures: esFigures,
    sameWords: [
      'SPACE2ID Hub',
      '—',
      'no',
      'CSV',
      'XLSX',
      'PDF',
      'Excel (XLSX)',
      'UTF-8',
      'D4.2',
      'KPI',
      'Mentor',
      'Plan',
      'Total',
      'Manual',
      'Agenda',
      'Agendas',
    ],
    // "KPI" is invariable ("1 KPI", "3 KPI"); "50 %" is written with a space, as in English here.
    sameFunctions: [...SYMBOLS_ONLY, 'catalogue.kpiCount', 'kpis.percent'],
    grammar: [
      ['catalogue.instrumentCount', [1], '1 instrumento'],
      ['catalogue.instrumentCount', [2], '2 instrumentos'],
      ['clusters.count', [1, false], '1 clúster'],
      ['clusters.count', [3, false], '3 clústeres'],
      ['member.deletePeople', [0], 'No tiene personas registradas.'],
      ['imports.created', [1, 'people'], '1 persona importada.'],
      ['imports.created', [4, 'organisations'], '4 organizaciones importadas.'],
      ['budget.days', [1], '1 día'],
      ['budget.days', [1500], '1500 días'],
      ['lists.shown', [25, 132, ['organización', 'organizaciones']], '25 de 132 organizaciones'],
      ['calendar.moreLabel', [1, 'lunes'], '1 actividad más el lunes'],
    ],
  },
  it: {
    messages: italian,
    figures: itFigures,
    sameWords: [
      'SPACE2ID Hub',
      '—',
      'no',
      'CSV',
      'XLSX',
      'PDF',
      'Excel (XLSX)',
      'UTF-8',
      'D4.2',
      'KPI',
      'Mentor',
      'Mentee',
      'Online',
      'Cluster',
      'Budget',
      'E-mail',
      'Password',
      'File',
      'Formula',
      'Agenda',
      'Tag',
      'Logo',
      'D4.2',
      'Partner',
    ],
    // "KPI", "cluster" and "attività" are invariable ("1 KPI", "3 KPI", "3 cluster").
    // "In <workspace>" is Italian too.
    // "file" is Italian too ("1 file", "3 file").
    sameFunctions: [...SYMBOLS_ONLY, 'catalogue.kpiCount', 'instrumentUsage.title', 'archive.files'],
    grammar: [
      ['catalogue.instrumentCount', [1], '1 strumento'],
      ['catalogue.instrumentCount', [2], '2 strumenti'],
      ['clusters.count', [3, false], '3 cluster'],
      ['clusters.count', [3, true], '3 cluster mostrati'],
      ['dashboard.groupActivities', [1], '1 attività'],
      ['imports.created', [1, 'organisations'], '1 organizzazione importata.'],
      ['imports.created', [4, 'people'], '4 persone importate.'],
      ['budget.days', [1], '1 giorno'],
      ['budget.days', [1500], '1500 giorni'],
      ['kpis.percent', ['50'], '50%'],
      ['lists.shown', [25, 132, ['organizzazione', 'organizzazioni']], '25 di 132 organizzazioni'],
      ['instrumentUsage.morePlans', [1], 'e un altro piano (vedi i mercati)'],
      ['calendar.moreLabel', [2, 'lunedì'], 'Altre 2 attività il lunedì'],
    ],
  },
};

/** Arguments tried on every function: all strings, all small numbers, all ones. */
const ARGUMENT_SETS: readonly (readonly unknown[])[] = [
  ['alpha', 'bravo', 'charlie', 'delta', 'echo'],
  [3, 7, 11, 13, 17],
  [1, 1, 1, 1, 1],
  [0, 0, 0, 0, 0],
];

/** The sample values whose presence in the output shows a placeholder was kept. */
const PLACEHOLDERS = new Set<unknown>([
  'alpha',
  'bravo',
  'charlie',
  'delta',
  'echo',
  'experts',
  'staff',
  3,
  7,
  11,
  13,
  17,
]);

/** Functions whose parameters are objects, choices or words they change: arguments that exercise them. */
const SPECIAL_ARGUMENTS: Record<string, readonly (readonly unknown[])[]> = {
  'forms.estimate.hint.travellers': [
    [{ min: 2, max: 4, who: 'experts' }],
    [{ min: 3, max: 3, who: 'staff' }],
    [null],
  ],
  'lists.shown': [
    [3, 7, ['thing', 'things']],
    [7, 7, ['thing', 'things']],
    [1, 1, ['thing', 'things']],
  ],
  'imports.notImportedFile': [['organisations'], ['people']],
  'planning.priorityBadge': [['High'], ['Low']],
  'estimate.dayRateAssumption': [
    ['alpha', 'override'],
    ['alpha', 'cluster'],
    ['alpha', 'default'],
  ],
};

interface Difference {
  path: string;
  problem: string;
}

function isTree(value: unknown): value is Tree {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return `array of ${value.length}`;
  if (typeof value === 'function') return `function of ${value.length}`;
  if (isTree(value)) return 'object';
  return typeof value;
}

function tryCall(
  fn: (...args: unknown[]) => unknown,
  args: readonly unknown[],
): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: fn(...args) };
  } catch {
    return { ok: false };
  }
}

/** Walks the English tree and the translation side by side, collecting every difference. */
function compare(
  english: unknown,
  translated: unknown,
  path: string,
  language: Language,
  out: Difference[],
): void {
  if (kindOf(english) !== kindOf(translated)) {
    out.push({ path, problem: `is ${kindOf(translated)}, English is ${kindOf(english)}` });
    return;
  }
  if (isTree(english) && isTree(translated)) {
    for (const key of Object.keys(english)) {
      const child = path ? `${path}.${key}` : key;
      if (!(key in translated)) out.push({ path: child, problem: 'is missing' });
      else compare(english[key], translated[key], child, language, out);
    }
    for (const key of Object.keys(translated)) {
      if (!(key in english)) out.push({ path: path ? `${path}.${key}` : key, problem: 'is not in English' });
    }
    return;
  }
  if (Array.isArray(english) && Array.isArray(translated)) {
    for (const [index, item] of english.entries()) {
      compare(item, translated[index], `${path}.${index}`, language, out);
    }
    return;
  }
  if (typeof english === 'string') {
    if (translated === '') out.push({ path, problem: 'is empty' });
    else if (translated === english && !language.sameWords.includes(english)) {
      out.push({ path, problem: `is still English: "${english}"` });
    }
    return;
  }
  if (typeof english === 'function' && typeof translated === 'function') {
    const argumentSets = SPECIAL_ARGUMENTS[path] ?? ARGUMENT_SETS;
    let called = 0;
    for (const args of argumentSets) {
      const source = tryCall(english as (...a: unknown[]) => unknown, args.slice(0, english.length));
      if (!source.ok) continue;
      const result = tryCall(translated as (...a: unknown[]) => unknown, args.slice(0, english.length));
      if (!result.ok) {
        out.push({ path, problem: `throws for ${JSON.stringify(args)} where English does not` });
        continue;
      }
      called += 1;
      const englishText = String(source.value);
      const text = String(result.value);
      if (text.includes('undefined') && !englishText.includes('undefined')) {
        out.push({ path, problem: `says "undefined" for ${JSON.stringify(args)}` });
      }
      for (const arg of args.slice(0, english.length)) {
        if (PLACEHOLDERS.has(arg) && englishText.includes(String(arg)) && !text.includes(String(arg))) {
          out.push({ path, problem: `drops the placeholder "${arg}": ${text}` });
        }
      }
      if (text === englishText && !language.sameFunctions.includes(path)) {
        out.push({ path, problem: `is still English for ${JSON.stringify(args)}: "${englishText}"` });
      }
    }
    if (called === 0) out.push({ path, problem: 'could not be called with any test arguments' });
  }
}

function at(tree: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (isTree(node) ? node[key] : undefined), tree);
}

describe.each(Object.entries(LANGUAGES))('messages in %s', (_code, language) => {
  it('has every English key with the same type, and no other key, nothing left in English', () => {
    const differences: Difference[] = [];
    compare(en, language.messages, '', language, differences);
    expect(differences).toEqual([]);
  });

  it('translates the figures of issue 18 the same way', () => {
    const differences: Difference[] = [];
    compare(figures, language.figures, 'figures', language, differences);
    expect(differences).toEqual([]);
  });

  it('says plurals and other grammar right', () => {
    for (const [path, args, expected] of language.grammar) {
      const fn = at(language.messages, path);
      expect(typeof fn, path).toBe('function');
      expect((fn as (...a: unknown[]) => unknown)(...args), path).toBe(expected);
    }
  });

  it('catches a missing key, an extra key and an untranslated string (the check can fail)', () => {
    const differences: Difference[] = [];
    const english = { a: 'Save', b: { c: (n: number) => `${n} rows` }, d: 'Delete' };
    const broken = { a: 'Save', b: { c: () => 'filas' }, e: 'x' };
    compare(english, broken, '', { ...language, sameWords: [] }, differences);
    expect(differences.map((d) => d.path).sort()).toEqual(['a', 'b.c', 'd', 'e']);
  });
});
