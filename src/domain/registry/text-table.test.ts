import { describe, expect, it } from 'vitest';
import { InvalidInputError, TooLargeError } from '../errors.ts';
import { decodeText, detectDelimiter, MAX_DATA_ROWS, toTextTable } from './text-table.ts';

const line = (index: number) => index + 1;

describe('decodeText', () => {
  it('reads UTF-8 with and without BOM, and UTF-16 LE and BE with BOM', () => {
    expect(decodeText(Buffer.from('\uFEFFLiège')).text).toBe('Liège');
    expect(decodeText(Buffer.from('Liège'))).toEqual({ text: 'Liège', encoding: 'utf-8', guessed: false });
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Liège', 'utf16le')])).text).toBe(
      'Liège',
    );
    const be = Buffer.from('Liège', 'utf16le').swap16();
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be])).text).toBe('Liège');
  });

  it('reads a Western code page instead of refusing it, and refuses binary data', () => {
    expect(decodeText(Buffer.from('Li\xe8ge', 'latin1'))).toEqual({
      text: 'Liège',
      encoding: 'windows-1252',
      guessed: true,
    });
    expect(() => decodeText(Buffer.from([0x41, 0x00, 0x42]))).toThrow(/binary/);
    // Bytes that no code page makes text of: C1 controls everywhere.
    const noise = Buffer.from(Array.from({ length: 400 }, (_, i) => 0x81 + (i % 2) * 0x0c));
    expect(() => decodeText(noise)).toThrow(/binary/);
  });
});

describe('detectDelimiter', () => {
  it('picks the most frequent delimiter of the first line, ignoring quoted text', () => {
    expect(detectDelimiter('a;b;c\n1,2;3')).toBe(';');
    expect(detectDelimiter('a\tb\n')).toBe('\t');
    expect(detectDelimiter('"x;y;z",b\n')).toBe(',');
    expect(detectDelimiter('single')).toBe(',');
  });
});

describe('toTextTable', () => {
  it('skips empty rows, pads short rows and names empty headers', () => {
    expect(toTextTable([['Name', '', 'City', ''], ['', '', ''], ['A'], ['B', 'x', 'y']], line)).toEqual({
      headers: ['Name', 'Column 2', 'City'],
      rows: [
        ['A', '', ''],
        ['B', 'x', 'y'],
      ],
    });
  });

  it('refuses an empty file, a header alone, a ragged row and a too long cell', () => {
    expect(() => toTextTable([], line)).toThrow(InvalidInputError);
    expect(() => toTextTable([['Name']], line)).toThrow(/no data rows/);
    expect(() => toTextTable([['Name'], ['A', 'B']], line)).toThrow(/Line 2 has a value in column 2/);
    expect(() => toTextTable([['Name'], ['x'.repeat(10_001)]], line)).toThrow(/Line 2, column 1/);
  });

  it('accepts the row limit and refuses one more', () => {
    const rows = (n: number) => [['Name'], ...Array.from({ length: n }, (_, i) => [`r${i}`])];
    expect(toTextTable(rows(MAX_DATA_ROWS), line).rows).toHaveLength(MAX_DATA_ROWS);
    expect(() => toTextTable(rows(MAX_DATA_ROWS + 1), line)).toThrow(TooLargeError);
  });
});
