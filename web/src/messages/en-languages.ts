/** The language switch (issue 20, item 4): in the account menu and, signed out, in the header. */
export const enLanguages = {
  language: {
    label: 'Language',
    current: (name: string) => `Language: ${name}`,
    saveFailed: 'The language could not be saved. Try again.',
  },
};
