/**
 * The encodings an import CSV may come in (decision 0025): what Excel writes in the consortium's
 * locales. UTF-8 (BOM or not) and UTF-16 with BOM are read as such; other bytes are one of the
 * single-byte code pages of Western, Central European (Polish) and Greek Windows and ISO
 * systems, guessed from the text itself. Pure: no I/O (the statistical guess of `chardet` is
 * passed in by the caller).
 */
import type { Language } from '../i18n/types.ts';

export const CSV_ENCODINGS = [
  'utf-8',
  'utf-16le',
  'utf-16be',
  'windows-1252',
  'windows-1250',
  'iso-8859-2',
  'windows-1253',
  'iso-8859-7',
] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

/** The single-byte code pages, in the order a tie is settled (Western first). */
export const SINGLE_BYTE_ENCODINGS = [
  'windows-1252',
  'windows-1250',
  'iso-8859-2',
  'windows-1253',
  'iso-8859-7',
] as const satisfies readonly CsvEncoding[];

/** English names of the encodings (the web app has its own, translated, labels). */
export const CSV_ENCODING_NAMES: Readonly<Record<CsvEncoding, string>> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 (little-endian)',
  'utf-16be': 'UTF-16 (big-endian)',
  'windows-1252': 'Windows-1252 (Western European)',
  'windows-1250': 'Windows-1250 (Central European)',
  'iso-8859-2': 'ISO-8859-2 (Central European)',
  'windows-1253': 'Windows-1253 (Greek)',
  'iso-8859-7': 'ISO-8859-7 (Greek)',
};

/** The code pages Excel and older systems write text of a language in. */
export const ENCODINGS_OF_LANGUAGE: Readonly<Record<Language, readonly CsvEncoding[]>> = {
  en: ['windows-1252'],
  fr: ['windows-1252'],
  es: ['windows-1252'],
  it: ['windows-1252'],
  pl: ['windows-1250', 'iso-8859-2'],
  el: ['windows-1253', 'iso-8859-7'],
};

/** `chardet`'s names of the candidates (ISO-8859-1 is read as its superset Windows-1252, as browsers do). */
const CHARDET_NAMES: Readonly<Record<string, CsvEncoding>> = {
  'iso-8859-1': 'windows-1252',
  'windows-1252': 'windows-1252',
  'iso-8859-2': 'iso-8859-2',
  'windows-1250': 'windows-1250',
  'iso-8859-7': 'iso-8859-7',
  'windows-1253': 'windows-1253',
};

export function isCsvEncoding(value: unknown): value is CsvEncoding {
  return typeof value === 'string' && (CSV_ENCODINGS as readonly string[]).includes(value);
}

export interface DecodedText {
  text: string;
  encoding: CsvEncoding;
  /** True when the encoding was guessed (a single-byte code page), false when certain (BOM, valid UTF-8) or chosen. */
  guessed: boolean;
}

export interface DecodeOptions {
  /** The encoding the user chose: used as is, no guess. */
  encoding?: CsvEncoding | undefined;
  /** `chardet`'s ranking of the bytes (any names; only the candidates count). */
  statisticalGuesses?: readonly { name: string; confidence: number }[];
  /** How many headers of a text are known column names of each language (see `headerLanguages`). */
  languageHints?: (headerLine: string) => Partial<Record<Language, number>>;
}

/** Bytes of the file the guess looks at: enough for the header and many rows, cheap on 20 MB. */
const SAMPLE_BYTES = 256 * 1024;

/**
 * CSV bytes as text, and the encoding they were read in: the chosen one; else a BOM's (UTF-8,
 * UTF-16 LE/BE); else UTF-8 when the bytes are valid UTF-8; else the most plausible single-byte
 * code page (see `plausibility`), with the file's header language and `chardet` to settle
 * close calls. A BOM is never part of the text.
 *
 * @example
 * decodeBytes(Uint8Array.from([0xc1, 0xe8, 0xde, 0xed, 0xe1])).encoding; // 'windows-1253' ("Αθήνα")
 */
export function decodeBytes(bytes: Uint8Array, options: DecodeOptions = {}): DecodedText {
  const bom = bomOf(bytes);
  if (options.encoding) {
    const skip = bom?.encoding === options.encoding ? bom.length : 0;
    return {
      text: decodeWith(options.encoding, bytes.subarray(skip)),
      encoding: options.encoding,
      guessed: false,
    };
  }
  if (bom) {
    return {
      text: new TextDecoder(bom.encoding, { fatal: true, ignoreBOM: true }).decode(
        bytes.subarray(bom.length),
      ),
      encoding: bom.encoding,
      guessed: false,
    };
  }
  try {
    return {
      text: new TextDecoder('utf-8', { fatal: true }).decode(bytes),
      encoding: 'utf-8',
      guessed: false,
    };
  } catch {
    // Not UTF-8: one of the code pages.
  }
  const encoding = guessSingleByte(bytes, options);
  return { text: decodeWith(encoding, bytes), encoding, guessed: true };
}

/**
 * Bytes in one encoding as text (no BOM handling), never throwing. Windows-1252 is decoded here:
 * Node 20's `TextDecoder('windows-1252')` reads ISO-8859-1, losing €, curly quotes, Š, Ž, œ….
 */
export function decodeWith(encoding: CsvEncoding, bytes: Uint8Array): string {
  if (encoding !== 'windows-1252') return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += 8192) {
    const chunk = bytes.subarray(start, start + 8192);
    parts.push(String.fromCharCode(...Array.from(chunk, (byte) => WINDOWS_1252_C1[byte - 0x80] ?? byte)));
  }
  return parts.join('');
}

/** Windows-1252's characters for 0x80–0x9F (the five undefined bytes stay C1 controls). */
const WINDOWS_1252_C1 = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d,
  0x017d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0x9d, 0x017e, 0x0178,
];

function bomOf(bytes: Uint8Array): { encoding: CsvEncoding; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** The single-byte code page under which the bytes read most like text of the consortium's languages. */
export function guessSingleByte(bytes: Uint8Array, options: DecodeOptions = {}): CsvEncoding {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  const statistical = new Map<CsvEncoding, number>();
  for (const guess of options.statisticalGuesses ?? []) {
    const encoding = CHARDET_NAMES[guess.name.toLowerCase()];
    if (encoding && !statistical.has(encoding)) statistical.set(encoding, guess.confidence);
  }
  // Code pages that read the sample the same are one candidate, named by the first (Windows)
  // one, with the best statistical confidence of them all.
  const readings: Array<{ encoding: CsvEncoding; text: string; confidence: number }> = [];
  for (const encoding of SINGLE_BYTE_ENCODINGS) {
    const text = decodeWith(encoding, sample);
    const confidence = statistical.get(encoding) ?? 0;
    const same = readings.find((reading) => reading.text === text);
    if (same) same.confidence = Math.max(same.confidence, confidence);
    else readings.push({ encoding, text, confidence });
  }
  let best: CsvEncoding = SINGLE_BYTE_ENCODINGS[0];
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const { encoding, text, confidence } of readings) {
    let score = plausibility(text);
    if (options.languageHints) {
      const newline = text.search(/[\r\n]/);
      const hints = options.languageHints(newline < 0 ? text : text.slice(0, newline));
      let matches = 0;
      for (const [language, count] of Object.entries(hints) as [Language, number][]) {
        if (ENCODINGS_OF_LANGUAGE[language].includes(encoding)) matches += count;
      }
      // A tie-breaker, not evidence against mis-decoded letters.
      score += Math.min(3, matches);
    }
    score += confidence / 50;
    if (score > bestScore) {
      best = encoding;
      bestScore = score;
    }
  }
  return best;
}

const LETTER = /\p{L}/u;
const GREEK = /\p{Script=Greek}/u;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;

/**
 * How much a decoded text looks like words of the consortium's languages; only its non-ASCII
 * characters count (ASCII reads the same in every candidate). Undefined bytes and C1 controls
 * cost most; a symbol glued to letters (`Zak³ady`), a word mixing Greek and Latin letters, an
 * upper-case letter after a lower-case one (`ÁèÞíá`) and a Latin word of accented letters only
 * cost too; an accented letter in a word of ASCII letters, or a Greek word, earns.
 */
export function plausibility(text: string): number {
  let score = 0;
  const chars = Array.from(text);
  let i = 0;
  while (i < chars.length) {
    const char = chars[i] as string;
    if (!LETTER.test(char)) {
      const code = char.codePointAt(0) ?? 0;
      if (code === 0xfffd || (code >= 0x80 && code <= 0x9f)) score -= 5;
      else if (code > 0x7f) {
        const glued = LETTER.test(chars[i - 1] ?? '') || LETTER.test(chars[i + 1] ?? '');
        score -= glued ? 3 : 0;
      }
      i++;
      continue;
    }
    // A word: a run of letters.
    let end = i;
    while (end < chars.length && LETTER.test(chars[end] as string)) end++;
    const word = chars.slice(i, end);
    i = end;
    const nonAscii = word.filter((c) => c > '\u007f');
    if (nonAscii.length === 0) continue;
    const greek = word.filter((c) => GREEK.test(c)).length;
    if (greek > 0 && greek < word.length) {
      score -= 3 * nonAscii.length;
      continue;
    }
    let caseBreaks = 0;
    for (let k = 1; k < word.length; k++) {
      if (UPPER.test(word[k] as string) && LOWER.test(word[k - 1] as string)) caseBreaks++;
    }
    score -= 3 * caseBreaks;
    if (greek === 0 && nonAscii.length === word.length && word.length > 1) score -= 2 * nonAscii.length;
    else score += nonAscii.length;
  }
  return score;
}
