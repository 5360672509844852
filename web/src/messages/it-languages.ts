import type { enLanguages } from './en-languages.ts';
import type { Messages } from './types.ts';

export const itLanguages: Pick<Messages, keyof typeof enLanguages> = {
  language: {
    label: 'Lingua',
    current: (name) => `Lingua: ${name}`,
    saveFailed: 'Non è stato possibile salvare la lingua. Riprova.',
  },
};
