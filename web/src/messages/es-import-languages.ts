/** Spanish UI strings of the import wizard's encodings and separators (see en-import-languages.ts). */

import type { enImportLanguages } from './en-import-languages.ts';
import type { Messages } from './types.ts';

export const esImportLanguages: Pick<Messages, keyof typeof enImportLanguages> = {
  importLanguages: {
    fileHint:
      'CSV o Excel (.xlsx, primera hoja); la primera fila contiene los nombres de las columnas. Se reconocen nombres de columnas en inglés, francés, español, italiano, griego o polaco. Como máximo 20 MB y 50.000 filas.',
    encodingHint:
      'Se lee cualquier CSV que guarde Excel: UTF-8, UTF-16 o las codificaciones antiguas de Europa occidental, Europa central y griego; la codificación y el separador se detectan.',
    readAs: (encoding: string, delimiter: string) => `Leído como ${encoding}, separado por ${delimiter}.`,
    guessed:
      'La codificación se ha deducido del archivo: si las letras de la vista previa parecen incorrectas, elija otra.',
    encoding: 'Codificación',
    encodingDescription: 'Leer de nuevo el archivo con otra codificación',
    rereading: 'Leyendo de nuevo el archivo…',
    rereadFailed: 'No se ha podido leer el archivo con esta codificación',
    encodings: {
      'utf-8': 'UTF-8',
      'utf-16le': 'UTF-16 (orden de bytes LE)',
      'utf-16be': 'UTF-16 (orden de bytes BE)',
      'windows-1252': 'Windows-1252 (Europa occidental)',
      'windows-1250': 'Windows-1250 (Europa central)',
      'iso-8859-2': 'ISO-8859-2 (Europa central)',
      'windows-1253': 'Windows-1253 (griego)',
      'iso-8859-7': 'ISO-8859-7 (griego)',
    },
    delimiters: { ',': 'comas', ';': 'puntos y comas', '\t': 'tabulaciones' },
  },
};
