import type { enLanguages } from './en-languages.ts';
import type { Messages } from './types.ts';

export const esLanguages: Pick<Messages, keyof typeof enLanguages> = {
  language: {
    label: 'Idioma',
    current: (name) => `Idioma: ${name}`,
    saveFailed: 'No se pudo guardar el idioma. Inténtelo de nuevo.',
  },
};
