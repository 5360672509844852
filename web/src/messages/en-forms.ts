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
    /** A country typed as its code, said without the standard's name. */
    country: {
      hint: 'Two letters, e.g. BE for Belgium or JP for Japan',
      unknown: 'is not a country code: two letters such as BE (Belgium) or JP (Japan)',
    },
    /** The estimate panel: only the inputs the instrument's budget model needs, said plainly. */
    estimate: {
      intro:
        'The budget engine costs this activity from its instrument’s budget model in D4.2. Fill in what the model counts; the destination and the nights come from the activity.',
      noFigure:
        'D4.2 gives no figure for this instrument: the estimate only lists what its cost depends on. Add its lines by hand with “Add planned line”.',
      label: {
        units: 'Number',
        months: 'Months',
        issues: 'Newsletter issues',
        entities: 'Participating organisations',
        travellers: 'Travellers per mission',
        nights: 'Nights away per mission',
        destination: 'Destination country',
      },
      hint: {
        units: (one: string, many: string) => `How many ${many}: the budget counts per ${one}.`,
        unitsGeneric: 'How many the activity has: the budget counts per unit.',
        months: (output: string | null) =>
          output
            ? `How many months it runs, one ${output} a month: the staff days count per month.`
            : 'How many months it runs: the staff days count per month.',
        issues: 'How many issues: one a month.',
        entities: 'How many organisations take part: the fee is counted per organisation.',
        travellers: (typical: { min: number; max: number; who: string } | null) =>
          typical
            ? `How many people travel on each mission (D4.2 counts ${typical.min === typical.max ? typical.min : `${typical.min}–${typical.max}`} ${typical.who}).`
            : 'How many people travel on each mission.',
        nights: 'Nights away on each mission, 0 for a day trip: accommodation and meals count per night.',
        nightsFromDates: (nights: number) =>
          `The activity’s dates give ${nights} ${nights === 1 ? 'night' : 'nights'}.`,
        destination: 'Where the travellers go: travel, accommodation and meals are costed at its rates.',
        destinationFromActivity: 'Filled in from the activity’s country.',
      },
      missing: {
        units: (many: string | null) => (many ? `Give the number of ${many}.` : 'Give the number.'),
        months: 'Give the number of months.',
        issues: 'Give the number of issues.',
        entities: 'Give the number of participating organisations.',
        travellers: 'Give the number of travellers on each mission.',
        nights: 'Give the nights away on each mission (0 for a day trip).',
        destination: 'Choose the country the travellers go to.',
      },
      unknownCountry: 'is not a country: choose one from the list',
      wholeNumber: (min: number, max: number) =>
        `must be a whole number from ${min.toLocaleString('en')} to ${max.toLocaleString('en')}`,
      loading: 'Loading the instrument’s budget model…',
    },
    /** The signed-out forms' errors, in words (no status code). */
    authErrors: {
      unreachable: 'The Hub could not be reached. Check your connection and try again.',
      tooManyAttempts: 'Too many attempts: wait a few minutes, then try again.',
      serverFault: 'The Hub could not answer just now. Try again in a moment.',
      refused: 'The Hub refused this request. Reload the page and try again.',
    },
    /** The plan page's tabs under its budget. */
    planTabs: {
      label: 'Parts of the plan',
      timeline: 'Timeline',
      instruments: (n: number) => `Instruments (${n})`,
      kpis: 'KPI targets',
    },
  },
} as const;
