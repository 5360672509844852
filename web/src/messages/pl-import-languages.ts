/** Polish UI strings of the import wizard's encodings and separators (see en-import-languages.ts). */

import type { enImportLanguages } from './en-import-languages.ts';
import type { Messages } from './types.ts';

export const plImportLanguages: Pick<Messages, keyof typeof enImportLanguages> = {
  importLanguages: {
    fileHint:
      'CSV lub Excel (.xlsx, pierwszy arkusz); pierwszy wiersz zawiera nazwy kolumn. Rozpoznawane są nazwy kolumn po angielsku, francusku, hiszpańsku, włosku, grecku i polsku. Maksymalnie 20 MB i 50 000 wierszy.',
    encodingHint:
      'Odczytywany jest każdy plik CSV zapisany przez Excel: UTF-8, UTF-16 lub starsze kodowania zachodnioeuropejskie, środkowoeuropejskie i greckie; kodowanie i separator są wykrywane automatycznie.',
    readAs: (encoding: string, delimiter: string) => `Odczytano jako ${encoding}, separator: ${delimiter}.`,
    guessed:
      'Kodowanie zostało odgadnięte na podstawie pliku: jeśli litery w podglądzie wyglądają źle, wybierz inne.',
    encoding: 'Kodowanie',
    encodingDescription: 'Odczytaj plik ponownie w innym kodowaniu',
    rereading: 'Ponowny odczyt pliku…',
    rereadFailed: 'Nie udało się odczytać pliku w tym kodowaniu',
    encodings: {
      'utf-8': 'UTF-8',
      'utf-16le': 'UTF-16 (kolejność bajtów LE)',
      'utf-16be': 'UTF-16 (kolejność bajtów BE)',
      'windows-1252': 'Windows-1252 (zachodnioeuropejskie)',
      'windows-1250': 'Windows-1250 (środkowoeuropejskie)',
      'iso-8859-2': 'ISO-8859-2 (środkowoeuropejskie)',
      'windows-1253': 'Windows-1253 (greckie)',
      'iso-8859-7': 'ISO-8859-7 (greckie)',
    },
    delimiters: { ',': 'przecinek', ';': 'średnik', '\t': 'tabulator' },
  },
};
