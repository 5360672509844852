/**
 * English UI strings of the import wizard's encodings and separators (issue 20 item 4, decision
 * 0025), spread into `en` so every page still reads `messages.…`.
 */
import type { CsvEncodingDto } from '../api/types.ts';

export const enImportLanguages = {
  importLanguages: {
    fileHint:
      'CSV or Excel (.xlsx, first worksheet); the first row holds the column names. Column names in English, French, Spanish, Italian, Greek or Polish are recognised. At most 20 MB and 50,000 rows.',
    encodingHint:
      'Any CSV that Excel saves is read: UTF-8, UTF-16, or the older Western, Central European and Greek encodings; the encoding and the separator are detected.',
    readAs: (encoding: string, delimiter: string) => `Read as ${encoding}, separated by ${delimiter}.`,
    guessed:
      'The encoding was guessed from the file: if letters in the preview look wrong, choose another one.',
    encoding: 'Encoding',
    encodingDescription: 'Read the file again in another encoding',
    rereading: 'Reading the file again…',
    rereadFailed: 'The file could not be read in this encoding',
    encodings: {
      'utf-8': 'UTF-8',
      'utf-16le': 'UTF-16 (little-endian)',
      'utf-16be': 'UTF-16 (big-endian)',
      'windows-1252': 'Windows-1252 (Western European)',
      'windows-1250': 'Windows-1250 (Central European)',
      'iso-8859-2': 'ISO-8859-2 (Central European)',
      'windows-1253': 'Windows-1253 (Greek)',
      'iso-8859-7': 'ISO-8859-7 (Greek)',
    } satisfies Record<CsvEncodingDto, string>,
    delimiters: { ',': 'commas', ';': 'semicolons', '\t': 'tabs' },
  },
};
