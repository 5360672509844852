/**
 * English UI strings of the forms (issue 18: numbers kept as typed, the estimate's inputs in plain
 * words, the plan page's tabs, the sign-in errors), spread into `en` so every page still reads
 * `messages.…`.
 */

export const enForms = {
  forms: {
    /** Number rules shared by the forms: what is wrong with a number a person typed. */
    number: {
      negative: 'must not be negative',
      whole: 'must be a whole number',
      notANumber: 'must be a number',
    },
  },
} as const;
