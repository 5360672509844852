import type { enLanguages } from './en-languages.ts';
import type { Messages } from './types.ts';

export const plLanguages: Pick<Messages, keyof typeof enLanguages> = {
  language: {
    label: 'Język',
    current: (name) => `Język: ${name}`,
    saveFailed: 'Nie udało się zapisać języka. Spróbuj ponownie.',
  },
};
