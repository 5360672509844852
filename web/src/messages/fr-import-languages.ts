/** French UI strings of the import wizard's encodings and separators (see en-import-languages.ts). */

import type { enImportLanguages } from './en-import-languages.ts';
import type { Messages } from './types.ts';

export const frImportLanguages: Pick<Messages, keyof typeof enImportLanguages> = {
  importLanguages: {
    fileHint:
      'CSV ou Excel (.xlsx, première feuille) ; la première ligne contient les noms de colonnes. Les noms de colonnes en anglais, français, espagnol, italien, grec ou polonais sont reconnus. 20 Mo et 50 000 lignes au maximum.',
    encodingHint:
      'Tout CSV enregistré par Excel est lu : UTF-8, UTF-16 ou les anciens encodages d’Europe occidentale, d’Europe centrale et grec ; l’encodage et le séparateur sont détectés.',
    readAs: (encoding: string, delimiter: string) => `Lu comme ${encoding}, séparé par des ${delimiter}.`,
    guessed:
      'L’encodage a été deviné à partir du fichier : si des lettres de l’aperçu semblent fausses, choisissez-en un autre.',
    encoding: 'Encodage',
    encodingDescription: 'Relire le fichier dans un autre encodage',
    rereading: 'Nouvelle lecture du fichier…',
    rereadFailed: 'Le fichier n’a pas pu être lu dans cet encodage',
    encodings: {
      'utf-8': 'UTF-8',
      'utf-16le': 'UTF-16 (petit-boutiste)',
      'utf-16be': 'UTF-16 (gros-boutiste)',
      'windows-1252': 'Windows-1252 (Europe occidentale)',
      'windows-1250': 'Windows-1250 (Europe centrale)',
      'iso-8859-2': 'ISO-8859-2 (Europe centrale)',
      'windows-1253': 'Windows-1253 (grec)',
      'iso-8859-7': 'ISO-8859-7 (grec)',
    },
    delimiters: { ',': 'virgules', ';': 'points-virgules', '\t': 'tabulations' },
  },
};
