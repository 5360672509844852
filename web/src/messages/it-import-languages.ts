/** Italian UI strings of the import wizard's encodings and separators (see en-import-languages.ts). */

import type { enImportLanguages } from './en-import-languages.ts';
import type { Messages } from './types.ts';

export const itImportLanguages: Pick<Messages, keyof typeof enImportLanguages> = {
  importLanguages: {
    fileHint:
      'CSV o Excel (.xlsx, primo foglio); la prima riga contiene i nomi delle colonne. Sono riconosciuti nomi di colonna in inglese, francese, spagnolo, italiano, greco o polacco. Al massimo 20 MB e 50.000 righe.',
    encodingHint:
      'Si legge ogni CSV salvato da Excel: UTF-8, UTF-16 o le codifiche precedenti dell’Europa occidentale, dell’Europa centrale e greca; codifica e separatore vengono rilevati.',
    readAs: (encoding: string, delimiter: string) => `Letto come ${encoding}, separato da ${delimiter}.`,
    guessed:
      'La codifica è stata dedotta dal file: se le lettere dell’anteprima sembrano sbagliate, scegline un’altra.',
    encoding: 'Codifica',
    encodingDescription: 'Rileggi il file con un’altra codifica',
    rereading: 'Nuova lettura del file…',
    rereadFailed: 'Impossibile leggere il file con questa codifica',
    encodings: {
      'utf-8': 'UTF-8',
      'utf-16le': 'UTF-16 (ordine dei byte LE)',
      'utf-16be': 'UTF-16 (ordine dei byte BE)',
      'windows-1252': 'Windows-1252 (Europa occidentale)',
      'windows-1250': 'Windows-1250 (Europa centrale)',
      'iso-8859-2': 'ISO-8859-2 (Europa centrale)',
      'windows-1253': 'Windows-1253 (greco)',
      'iso-8859-7': 'ISO-8859-7 (greco)',
    },
    delimiters: { ',': 'virgole', ';': 'punti e virgola', '\t': 'tabulazioni' },
  },
};
