import type { enLanguages } from './en-languages.ts';
import type { Messages } from './types.ts';

export const frLanguages: Pick<Messages, keyof typeof enLanguages> = {
  language: {
    label: 'Langue',
    current: (name) => `Langue : ${name}`,
    saveFailed: 'La langue n’a pas pu être enregistrée. Réessayez.',
  },
};
