import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv.ts';

describe('csvCell', () => {
  it('leaves plain text as it is', () => {
    expect(csvCell('Orbitech SL')).toBe('Orbitech SL');
    expect(csvCell('')).toBe('');
  });

  it('quotes delimiters, quotes, line breaks and edge spaces, doubling inner quotes', () => {
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('earth_observation; satcom')).toBe('"earth_observation; satcom"');
    expect(csvCell('tab\there')).toBe('"tab\there"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(' padded')).toBe('" padded"');
  });

  it('neutralises what a spreadsheet would run as a formula, as the export does', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('+32 16 123 456')).toBe("'+32 16 123 456");
    expect(csvCell('-5')).toBe("'-5");
    expect(csvCell('@sum')).toBe("'@sum");
  });
});

describe('toCsv', () => {
  it('writes a BOM, comma-separated cells and CRLF line ends', () => {
    expect(
      toCsv([
        ['Name', 'Country'],
        ['Orbitech, S.L.', 'ES'],
      ]),
    ).toBe('\uFEFFName,Country\r\n"Orbitech, S.L.",ES\r\n');
  });
});
