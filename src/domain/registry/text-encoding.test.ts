import { describe, expect, it } from 'vitest';
import { encodeSingleByte } from '../../../test/support/encodings.ts';
import { headerLanguages } from './import-fields.ts';
import {
  CSV_ENCODINGS,
  type CsvEncoding,
  decodeBytes,
  decodeWith,
  plausibility,
  SINGLE_BYTE_ENCODINGS,
} from './text-encoding.ts';

const guess = (text: string, encoding: CsvEncoding) =>
  decodeBytes(encodeSingleByte(text, encoding), { languageHints: headerLanguages });

describe('decodeBytes', () => {
  it('reads UTF-8 with and without BOM and UTF-16 with BOM as certain', () => {
    const utf8 = new TextEncoder().encode('Zakłady Łódź;Polska');
    expect(decodeBytes(utf8)).toEqual({ text: 'Zakłady Łódź;Polska', encoding: 'utf-8', guessed: false });
    expect(decodeBytes(Uint8Array.of(0xef, 0xbb, 0xbf, ...utf8)).text).toBe('Zakłady Łódź;Polska');
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Αθήνα', 'utf16le')]);
    expect(decodeBytes(le)).toEqual({ text: 'Αθήνα', encoding: 'utf-16le', guessed: false });
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('Αθήνα', 'utf16le').swap16()]);
    expect(decodeBytes(be).encoding).toBe('utf-16be');
  });

  it('guesses Windows-1252 for French, Spanish and Italian text', () => {
    expect(guess('Nom;Pays\nSociété Générale;FR\n', 'windows-1252')).toEqual({
      text: 'Nom;Pays\nSociété Générale;FR\n',
      encoding: 'windows-1252',
      guessed: true,
    });
    expect(guess('Société Générale;Pays', 'windows-1252').encoding).toBe('windows-1252');
    expect(guess('Nombre;País\nAeroespacial Señor Peña;ES\n', 'windows-1252').encoding).toBe('windows-1252');
    expect(guess('Nome;Città\nSocietà Aerospaziale;Forlì\n', 'windows-1252').encoding).toBe('windows-1252');
    expect(guess('Name;Country\n“Orbital” Ltd – Tromsø;NO\n', 'windows-1252').encoding).toBe('windows-1252');
  });

  it('guesses Windows-1250 and ISO-8859-2 for Polish text', () => {
    expect(guess('Zakłady Łódź;Polska', 'windows-1250')).toMatchObject({
      text: 'Zakłady Łódź;Polska',
      encoding: 'windows-1250',
    });
    expect(guess('Nazwa;Miasto\nŚwiatło Żółć Sp. z o.o.;Gdańsk\n', 'windows-1250').encoding).toBe(
      'windows-1250',
    );
    expect(guess('Nazwa;Miasto\nZakłady Śląskie;Łódź\n', 'iso-8859-2').encoding).toBe('iso-8859-2');
  });

  it('guesses Windows-1253 and ISO-8859-7 for Greek text', () => {
    expect(guess('Αθήνα', 'windows-1253')).toMatchObject({ text: 'Αθήνα', encoding: 'windows-1253' });
    expect(guess('Επωνυμία;Πόλη\nΔιαστημική Άλφα ΑΕ;Θεσσαλονίκη\n', 'windows-1253').encoding).toBe(
      'windows-1253',
    );
    // The two differ in "Ά": 0xA2 in Windows-1253, 0xB6 in ISO-8859-7.
    expect(guess('Επωνυμία;Πόλη\nΆλφα Διάστημα;Άργος\n', 'iso-8859-7').encoding).toBe('iso-8859-7');
  });

  it('names the Windows code page when its ISO sibling reads the bytes the same', () => {
    const bytes = encodeSingleByte('Αθήνα', 'iso-8859-7');
    expect(
      decodeBytes(bytes, { statisticalGuesses: [{ name: 'ISO-8859-7', confidence: 40 }] }).encoding,
    ).toBe('windows-1253');
  });

  it('uses the encoding the user chose, whatever the bytes', () => {
    const bytes = encodeSingleByte('Αθήνα', 'windows-1253');
    expect(decodeBytes(bytes, { encoding: 'windows-1252' })).toEqual({
      text: 'ÁèÞíá',
      encoding: 'windows-1252',
      guessed: false,
    });
    expect(decodeBytes(Uint8Array.of(0xef, 0xbb, 0xbf, 0x41), { encoding: 'utf-8' }).text).toBe('A');
  });

  it('takes chardet’s guess only among the candidates, as a tie-breaker', () => {
    // 0xE8 is "è" in Windows-1252 and "č" in Windows-1250: equally plausible, a tie the statistical guess settles.
    const bytes = encodeSingleByte('Crèche', 'windows-1252');
    expect(decodeBytes(bytes).encoding).toBe('windows-1252');
    expect(
      decodeBytes(bytes, { statisticalGuesses: [{ name: 'windows-1250', confidence: 60 }] }).encoding,
    ).toBe('windows-1250');
    expect(decodeBytes(bytes, { statisticalGuesses: [{ name: 'Shift_JIS', confidence: 90 }] }).encoding).toBe(
      'windows-1252',
    );
  });

  it('decodes Windows-1252’s 0x80–0x9F as Windows does, not as ISO-8859-1', () => {
    expect(decodeWith('windows-1252', Uint8Array.of(0x80, 0x93, 0x94, 0x8a, 0x9c, 0xe9))).toBe('€“”Šœé');
  });

  it('lists every code page it can guess among the encodings', () => {
    for (const encoding of SINGLE_BYTE_ENCODINGS) expect(CSV_ENCODINGS).toContain(encoding);
  });
});

describe('plausibility', () => {
  it('prefers real words over mis-decoded ones', () => {
    expect(plausibility('Zakłady Łódź')).toBeGreaterThan(plausibility('Zak³ady £ódŸ'));
    expect(plausibility('Αθήνα')).toBeGreaterThan(plausibility('ÁèÞíá'));
    expect(plausibility('Société')).toBeGreaterThan(plausibility('Sociιtι'));
    expect(plausibility('plain ASCII')).toBe(0);
  });
});
