/** Polish UI strings of the forms (see en-forms.ts; glossary in pl.ts). */
import type { enForms } from './en-forms.ts';
import type { Messages } from './types.ts';

const rules = new Intl.PluralRules('pl');
const form = (n: number, one: string, few: string, many: string) => {
  const category = rules.select(n);
  return category === 'one' ? one : category === 'few' ? few : many;
};

export const plForms: Pick<Messages, keyof typeof enForms> = {
  forms: {
    number: {
      negative: 'nie może być ujemne',
      whole: 'musi być liczbą całkowitą',
      notANumber: 'musi być liczbą',
    },
    country: {
      hint: 'Dwie litery, np. PL dla Polski lub JP dla Japonii',
      unknown: 'nie jest kodem kraju: dwie litery, np. PL (Polska) lub JP (Japonia)',
    },
    estimate: {
      intro:
        'Silnik budżetu wycenia to działanie na podstawie modelu budżetu jego instrumentu z D4.2. Uzupełnij to, co liczy model; cel podróży i noclegi pochodzą z działania.',
      noFigure:
        'D4.2 nie podaje kwoty dla tego instrumentu: szacunek wymienia tylko, od czego zależy jego koszt. Dodaj pozycje ręcznie przyciskiem „Dodaj pozycję planowaną”.',
      label: {
        units: 'Liczba',
        months: 'Miesiące',
        issues: 'Wydania newslettera',
        entities: 'Uczestniczące organizacje',
        travellers: 'Podróżni na misję',
        nights: 'Noclegi na misję',
        destination: 'Kraj docelowy',
      },
      hint: {
        units: (one: string, many: string) => `Ile (${many}): budżet liczy się za każdą jednostkę (${one}).`,
        unitsGeneric: 'Ile jednostek ma działanie: budżet liczy się za jednostkę.',
        months: (output: string | null) =>
          output
            ? `Ile miesięcy trwa, jedno (${output}) na miesiąc: dni pracy personelu liczą się za miesiąc.`
            : 'Ile miesięcy trwa: dni pracy personelu liczą się za miesiąc.',
        issues: 'Ile wydań: jedno na miesiąc.',
        entities: 'Ile organizacji uczestniczy: opłata liczy się za organizację.',
        travellers: (typical: { min: number; max: number; who: string } | null) =>
          typical
            ? `Ile osób podróżuje na każdą misję (D4.2 przyjmuje ${typical.min === typical.max ? typical.min : `${typical.min}–${typical.max}`}: ${typical.who}).`
            : 'Ile osób podróżuje na każdą misję.',
        nights:
          'Noclegi na każdą misję, 0 dla wyjazdu jednodniowego: zakwaterowanie i posiłki liczą się za noc.',
        nightsFromDates: (nights: number) =>
          `Z dat działania wynika ${nights} ${form(nights, 'nocleg', 'noclegi', 'noclegów')}.`,
        destination:
          'Dokąd jadą podróżni: podróż, zakwaterowanie i posiłki wycenia się według stawek tego kraju.',
        destinationFromActivity: 'Uzupełniono na podstawie kraju działania.',
      },
      missing: {
        units: (many: string | null) => (many ? `Podaj liczbę (${many}).` : 'Podaj liczbę.'),
        months: 'Podaj liczbę miesięcy.',
        issues: 'Podaj liczbę wydań.',
        entities: 'Podaj liczbę uczestniczących organizacji.',
        travellers: 'Podaj liczbę podróżnych na każdą misję.',
        nights: 'Podaj liczbę noclegów na każdą misję (0 dla wyjazdu jednodniowego).',
        destination: 'Wybierz kraj, do którego jadą podróżni.',
      },
      unknownCountry: 'nie jest krajem: wybierz kraj z listy',
      wholeNumber: (min: number, max: number) =>
        `musi być liczbą całkowitą od ${min.toLocaleString('pl')} do ${max.toLocaleString('pl')}`,
      loading: 'Wczytywanie modelu budżetu instrumentu…',
    },
    authErrors: {
      unreachable: 'Nie udało się połączyć z Hubem. Sprawdź połączenie i spróbuj ponownie.',
      tooManyAttempts: 'Zbyt wiele prób: odczekaj kilka minut i spróbuj ponownie.',
      serverFault: 'Hub nie mógł teraz odpowiedzieć. Spróbuj ponownie za chwilę.',
      refused: 'Hub odrzucił to żądanie. Odśwież stronę i spróbuj ponownie.',
    },
    planTabs: {
      label: 'Części planu',
      timeline: 'Harmonogram',
      instruments: (n: number) => `Instrumenty (${n})`,
      kpis: 'Cele KPI',
    },
  },
};
