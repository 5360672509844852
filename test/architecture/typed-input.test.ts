import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Issue 18, item 7: what a person types in a form is never changed without a word; the form's
 * rules say on the field what is wrong. Mantine's NumberInput does change a number (clamping to
 * `min`/`max`, dropping a minus sign or a decimal point, cutting decimals), so the web app uses it
 * only through `NumberField`, which switches all of that off; and the browser cuts a text at an
 * input's `maxLength` (a long paste loses its end unseen), so no input has one.
 */

const WEB_SRC = path.resolve(import.meta.dirname, '../../web/src');
const WRAPPER = path.join('components', 'number-field.tsx');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe('inputs of the web app', () => {
  it('are all NumberFields: no file but the wrapper uses Mantine’s NumberInput', () => {
    const offenders = sourceFiles(WEB_SRC)
      .filter((file) => path.relative(WEB_SRC, file) !== WRAPPER)
      .filter((file) => /\bNumberInput\b/.test(readFileSync(file, 'utf8')))
      .map((file) => path.relative(WEB_SRC, file));
    expect(offenders).toEqual([]);
  });

  it('never pass the props that alter a typed number to NumberField', () => {
    const altering = /<NumberField[^>]*\b(min|max|clampBehavior|allowNegative|allowDecimal|decimalScale)=/s;
    const offenders = sourceFiles(WEB_SRC)
      .filter((file) => altering.test(readFileSync(file, 'utf8')))
      .map((file) => path.relative(WEB_SRC, file));
    expect(offenders).toEqual([]);
  });

  it('never cut a typed text with maxLength', () => {
    const offenders = sourceFiles(WEB_SRC)
      .filter((file) => /\bmaxLength=/.test(readFileSync(file, 'utf8')))
      .map((file) => path.relative(WEB_SRC, file));
    expect(offenders).toEqual([]);
  });
});
