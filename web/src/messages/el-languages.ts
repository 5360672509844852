import type { enLanguages } from './en-languages.ts';
import type { Messages } from './types.ts';

export const elLanguages: Pick<Messages, keyof typeof enLanguages> = {
  language: {
    label: 'Γλώσσα',
    current: (name) => `Γλώσσα: ${name}`,
    saveFailed: 'Δεν ήταν δυνατή η αποθήκευση της γλώσσας. Δοκιμάστε ξανά.',
  },
};
