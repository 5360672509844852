/**
 * Italian UI strings of the forms (issue 18), spread into `it`. Glossary: see `it.ts`.
 */
import type { enForms } from './en-forms.ts';
import type { Messages } from './types.ts';

export const itForms: Pick<Messages, keyof typeof enForms> = {
  forms: {
    number: {
      negative: 'non deve essere negativo',
      whole: 'deve essere un numero intero',
      notANumber: 'deve essere un numero',
    },
    country: {
      hint: 'Due lettere, ad es. BE per il Belgio o JP per il Giappone',
      unknown: 'non è un codice di paese: due lettere come BE (Belgio) o JP (Giappone)',
    },
    estimate: {
      intro:
        'Il motore di budget calcola il costo di questa attività dal modello di budget del suo strumento nel D4.2. Compila ciò che il modello conta; la destinazione e le notti vengono dall’attività.',
      noFigure:
        'Il D4.2 non dà alcuna cifra per questo strumento: la stima elenca solo ciò da cui dipende il costo. Aggiungi le sue voci a mano con «Aggiungi voce prevista».',
      label: {
        units: 'Numero',
        months: 'Mesi',
        issues: 'Numeri della newsletter',
        entities: 'Organizzazioni partecipanti',
        travellers: 'Viaggiatori per missione',
        nights: 'Notti fuori per missione',
        destination: 'Paese di destinazione',
      },
      hint: {
        units: (one: string, many: string) => `Quanti (${many}): il budget conta per ${one}.`,
        unitsGeneric: 'Quante unità ha l’attività: il budget conta per unità.',
        months: (output: string | null) =>
          output
            ? `Quanti mesi dura, 1 ${output} al mese: le giornate di personale si contano per mese.`
            : 'Quanti mesi dura: le giornate di personale si contano per mese.',
        issues: 'Quanti numeri: uno al mese.',
        entities: 'Quante organizzazioni partecipano: la quota si conta per organizzazione.',
        travellers: (typical: { min: number; max: number; who: string } | null) =>
          typical
            ? `Quante persone viaggiano per ogni missione (il D4.2 conta ${typical.min === typical.max ? typical.min : `${typical.min}–${typical.max}`} ${typical.who}).`
            : 'Quante persone viaggiano per ogni missione.',
        nights:
          'Notti fuori per ogni missione, 0 per un viaggio in giornata: alloggio e pasti si contano per notte.',
        nightsFromDates: (nights: number) =>
          `Le date dell’attività danno ${nights} ${nights === 1 ? 'notte' : 'notti'}.`,
        destination: 'Dove vanno i viaggiatori: viaggio, alloggio e pasti sono calcolati con le sue tariffe.',
        destinationFromActivity: 'Ripreso dal paese dell’attività.',
      },
      missing: {
        units: (many: string | null) => (many ? `Indica il numero di ${many}.` : 'Indica il numero.'),
        months: 'Indica il numero di mesi.',
        issues: 'Indica il numero di uscite della newsletter.',
        entities: 'Indica il numero di organizzazioni partecipanti.',
        travellers: 'Indica il numero di viaggiatori per ogni missione.',
        nights: 'Indica le notti fuori per ogni missione (0 per un viaggio in giornata).',
        destination: 'Scegli il paese in cui vanno i viaggiatori.',
      },
      unknownCountry: 'non è un paese: scegline uno dall’elenco',
      wholeNumber: (min: number, max: number) =>
        `deve essere un numero intero da ${min.toLocaleString('it')} a ${max.toLocaleString('it')}`,
      loading: 'Caricamento del modello di budget dello strumento…',
    },
    authErrors: {
      unreachable: 'Impossibile raggiungere l’Hub. Controlla la connessione e riprova.',
      tooManyAttempts: 'Troppi tentativi: attendi qualche minuto, poi riprova.',
      serverFault: 'L’Hub non ha potuto rispondere in questo momento. Riprova tra poco.',
      refused: 'L’Hub ha rifiutato questa richiesta. Ricarica la pagina e riprova.',
    },
    planTabs: {
      label: 'Parti del piano',
      timeline: 'Cronoprogramma',
      instruments: (n: number) => `Strumenti (${n})`,
      kpis: 'Obiettivi dei KPI',
    },
  },
};
