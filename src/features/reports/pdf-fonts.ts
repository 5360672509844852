import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type PDFDocument from 'pdfkit';

/**
 * The report's fonts (decision 0024): Noto Sans (Latin, Greek, Cyrillic) from `@embedpdf/fonts-latin`
 * and Noto Sans Hans (Chinese, with Latin too) from `@embedpdf/fonts-sc`, both OFL-1.1, read from
 * node_modules (the bundle leaves packages there). pdfkit embeds only the glyphs a report uses. A
 * text with a Han (or kana) character is drawn wholly in the CJK font, which also has Latin letters
 * and digits, so a mixed name like "CASC 中国航天" stays on one font; any other text in Noto Sans.
 */

type Doc = InstanceType<typeof PDFDocument>;

export const FONT = 'Sans';
export const BOLD = 'Sans-Bold';
const HAN = 'Han';
const HAN_BOLD = 'Han-Bold';

/** Han ideographs, kana, bopomofo and CJK punctuation and full-width forms. */
const CJK =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\u3000-\u303f\uff00-\uffef]/u;

const require = createRequire(import.meta.url);

/** The folder of a font package's files (its `exports` name no font file, so go from its main). */
function fontFolder(packageName: string): string {
  return join(dirname(require.resolve(packageName)), '..', 'fonts');
}

let files: Record<string, string> | undefined;

/** The paths of the four font files: pdfkit reads one only when a text first uses it. */
function fontFiles(): Record<string, string> {
  if (!files) {
    const latin = fontFolder('@embedpdf/fonts-latin');
    const han = fontFolder('@embedpdf/fonts-sc');
    files = {
      [FONT]: join(latin, 'NotoSans-Regular.ttf'),
      [BOLD]: join(latin, 'NotoSans-Bold.ttf'),
      [HAN]: join(han, 'NotoSansHans-Regular.otf'),
      [HAN_BOLD]: join(han, 'NotoSansHans-Bold.otf'),
    };
  }
  return files;
}

/** Registers the four fonts under their names (pdfkit parses one only when a text first uses it). */
export function registerReportFonts(doc: Doc): void {
  for (const [name, file] of Object.entries(fontFiles())) doc.registerFont(name, file);
  doc.font(FONT);
}

export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

/** The font to draw `text` in: the CJK one when it holds a Han or kana character. */
export function fontFor(text: string, bold = false): string {
  if (hasCjk(text)) return bold ? HAN_BOLD : HAN;
  return bold ? BOLD : FONT;
}
