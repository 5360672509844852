/** Greek UI strings of the import wizard's encodings and separators (see en-import-languages.ts). */

import type { enImportLanguages } from './en-import-languages.ts';
import type { Messages } from './types.ts';

export const elImportLanguages: Pick<Messages, keyof typeof enImportLanguages> = {
  importLanguages: {
    fileHint:
      'CSV ή Excel (.xlsx, πρώτο φύλλο)· η πρώτη γραμμή περιέχει τα ονόματα των στηλών. Αναγνωρίζονται ονόματα στηλών στα αγγλικά, γαλλικά, ισπανικά, ιταλικά, ελληνικά ή πολωνικά. Έως 20 MB και 50.000 γραμμές.',
    encodingHint:
      'Διαβάζεται κάθε CSV που αποθηκεύει το Excel: UTF-8, UTF-16 ή οι παλαιότερες κωδικοποιήσεις Δυτικής Ευρώπης, Κεντρικής Ευρώπης και ελληνικών· η κωδικοποίηση και το διαχωριστικό εντοπίζονται αυτόματα.',
    readAs: (encoding: string, delimiter: string) => `Ανάγνωση ως ${encoding}, με διαχωριστικό ${delimiter}.`,
    guessed:
      'Η κωδικοποίηση εκτιμήθηκε από το αρχείο: αν τα γράμματα στην προεπισκόπηση φαίνονται λάθος, επιλέξτε άλλη.',
    encoding: 'Κωδικοποίηση',
    encodingDescription: 'Νέα ανάγνωση του αρχείου με άλλη κωδικοποίηση',
    rereading: 'Νέα ανάγνωση του αρχείου…',
    rereadFailed: 'Το αρχείο δεν ήταν δυνατό να διαβαστεί με αυτή την κωδικοποίηση',
    encodings: {
      'utf-8': 'UTF-8',
      'utf-16le': 'UTF-16 (σειρά byte LE)',
      'utf-16be': 'UTF-16 (σειρά byte BE)',
      'windows-1252': 'Windows-1252 (Δυτική Ευρώπη)',
      'windows-1250': 'Windows-1250 (Κεντρική Ευρώπη)',
      'iso-8859-2': 'ISO-8859-2 (Κεντρική Ευρώπη)',
      'windows-1253': 'Windows-1253 (Ελληνικά)',
      'iso-8859-7': 'ISO-8859-7 (Ελληνικά)',
    },
    delimiters: { ',': 'κόμμα', ';': 'ερωτηματικό (;)', '\t': 'στηλοθέτη' },
  },
};
