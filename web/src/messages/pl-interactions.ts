/** Polish strings of the interactions with the network (first draft; to be reviewed by a Polish-speaking partner). */
import type { enInteractions } from './en-interactions.ts';
import type { Messages } from './types.ts';

/** Polish plural: 1, 2–4 (not 12–14), otherwise. */
const pl = (n: number, one: string, few: string, many: string) => {
  if (n === 1) return `${n} ${one}`;
  const mod10 = n % 10;
  const mod100 = n % 100;
  return `${n} ${mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14) ? few : many}`;
};

export const plInteractions: Pick<Messages, keyof typeof enInteractions> = {
  interactions: {
    networkSection: 'Sieć',
    nav: 'Interakcje',
    kind: {
      meeting: 'Spotkanie',
      call: 'Rozmowa telefoniczna',
      email: 'E-mail',
      visit: 'Wizyta',
      event_encounter: 'Spotkanie na wydarzeniu',
      introduction: 'Przedstawienie',
    },
    timeline: {
      title: 'Interakcje',
      loading: 'Wczytywanie interakcji…',
      loadError: 'Nie udało się wczytać interakcji.',
      empty: 'Nie zapisano jeszcze żadnej interakcji.',
      loadMore: 'Wczytaj więcej',
      shown: (shown, total) => `${shown} z ${total}`,
      at: (activity) => `podczas: ${activity}`,
      by: (who) => `zapisał(a): ${who}`,
      with: (who) => `z: ${who}`,
      nextStep: 'Następny krok',
      due: (day) => `do ${day}`,
      owner: (who) => `odpowiada: ${who}`,
      done: 'Zrobione',
      markDone: 'Oznacz jako zrobione',
      markDoneOf: (step) => `Oznacz następny krok „${step}” jako zrobiony`,
      doneOn: (day) => `zrobione ${day}`,
      doneFailed: 'Nie udało się oznaczyć następnego kroku.',
      logHere: 'Zapisz tu interakcję',
      delete: 'Usuń',
      deleteOf: (organisation, day) => `Usuń interakcję z ${organisation} z dnia ${day}`,
      deleteTitle: 'Usunąć tę interakcję?',
      deleteBody: 'Zniknie z osi czasu i z KPI, w których się liczy. Tego nie można cofnąć.',
      deleteFailed: 'Nie udało się usunąć interakcji.',
    },
    quick: {
      title: 'Zapisz interakcję',
      intro: 'Zapisz, kogo spotkałeś, póki pamiętasz. Wymagana jest tylko organizacja.',
      kind: 'Jaki rodzaj interakcji?',
      organisation: 'Organizacja',
      newOrganisation: 'Nowa organizacja',
      newOrganisationTitle: 'Nowa organizacja w sieci',
      organisationName: 'Nazwa',
      organisationType: 'Typ',
      organisationCountry: 'Kraj',
      useExisting: 'Wybierz istniejącą organizację',
      person: 'Osoba (opcjonalnie)',
      newPerson: 'Nowa osoba',
      newPersonTitle: 'Nowa osoba z tej organizacji',
      personName: 'Imię i nazwisko',
      personEmail: 'E-mail (opcjonalnie)',
      noPerson: 'Bez osoby',
      occurredOn: 'Dzień',
      activity: 'Gdzie (działanie)',
      activityHint: 'Działania wokół dzisiejszego dnia; KPI liczą tam interakcję.',
      noActivity: 'Bez działania',
      notes: 'Notatki',
      nextStep: 'Następny krok (opcjonalnie)',
      nextStepDueOn: 'Termin',
      save: 'Zapisz',
      saving: 'Zapisywanie…',
      saved: 'Interakcja zapisana.',
      saveFailed: 'Nie udało się zapisać interakcji: sprawdź zaznaczone pola.',
      logAnother: 'Zapisz kolejną',
      openActivity: 'Wróć do działania',
      openList: 'Wszystkie interakcje',
      required: 'Wymagane',
      chooseOrganisation: 'Wybierz organizację lub dodaj nową',
      forbidden: 'Twoja rola nie pozwala zapisywać interakcji.',
    },
    list: {
      title: 'Interakcje',
      intro: 'Każde spotkanie, rozmowa, wizyta i kontakt z siecią, od najnowszych.',
      add: 'Zapisz interakcję',
      kind: 'Rodzaj',
      anyKind: 'Wszystkie rodzaje',
      from: 'Od',
      to: 'Do',
      myOpenSteps: 'Moje otwarte następne kroki',
      count: (n) => pl(n, 'interakcja', 'interakcje', 'interakcji'),
      noMatch: 'Żadna interakcja nie pasuje do tych filtrów.',
      clear: 'Wyczyść filtry',
    },
  },
};
