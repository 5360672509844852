/** Polish UI strings of the lists and the global search (see en-lists.ts; glossary in pl.ts). */
import type { enLists } from './en-lists.ts';
import type { Messages } from './types.ts';

const rules = new Intl.PluralRules('pl');
const plural = (n: number, one: string, few: string, many: string) => {
  const category = rules.select(n);
  return `${n} ${category === 'one' ? one : category === 'few' ? few : many}`;
};

/**
 * The nouns' three Polish forms, keyed by the singular the shared `[one, many]` pair carries
 * (`lists.shown` takes that pair; Polish needs the "few" form besides).
 */
const NOUN_FORMS: Record<string, readonly [string, string, string]> = {
  organizacja: ['organizacja', 'organizacje', 'organizacji'],
  osoba: ['osoba', 'osoby', 'osób'],
  rynek: ['rynek', 'rynki', 'rynków'],
  działanie: ['działanie', 'działania', 'działań'],
  zmiana: ['zmiana', 'zmiany', 'zmian'],
};
const counted = (n: number, [one, many]: readonly [string, string]) => {
  const [single, few, lots] = NOUN_FORMS[one] ?? [one, many, many];
  return plural(n, single, few, lots);
};

export const plLists: Pick<Messages, keyof typeof enLists> = {
  lists: {
    sortBy: (column: string) => `Sortuj według: ${column.toLowerCase()}`,
    shown: (shown: number, total: number, noun: readonly [string, string]) =>
      // "25 z 132 osób": after "z" the genitive plural, whatever the number.
      shown < total
        ? `${shown} z ${total} ${(NOUN_FORMS[noun[0]] ?? noun)[2] ?? noun[1]}`
        : counted(total, noun),
    nouns: {
      organisations: ['organizacja', 'organizacji'],
      people: ['osoba', 'osób'],
      markets: ['rynek', 'rynków'],
      activities: ['działanie', 'działań'],
      events: ['zmiana', 'zmian'],
    },
    views: 'Zapisane widoki',
    viewNamed: (name: string) => `Widok: ${name}`,
    yourViews: 'Twoje zapisane widoki',
    noViews: 'Brak zapisanych widoków',
    viewsLoadError: 'Nie udało się wczytać Twoich widoków',
    saveView: 'Zapisz bieżące filtry i sortowanie…',
    manageViews: 'Zmień nazwę lub usuń widoki…',
    saveTitle: 'Zapisz ten widok',
    saveIntro:
      'Zapisuje filtry i sortowanie tej listy pod nazwą, tylko dla Ciebie. Twoje widoki są dostępne w każdej przeglądarce, w której się zalogujesz.',
    viewName: 'Nazwa widoku',
    viewNamePlaceholder: 'np. Hiszpańskie MŚP',
    save: 'Zapisz widok',
    saveFailed: 'Nie udało się zapisać widoku',
    nameRequired: 'Podaj nazwę',
    nameTooLong: (max: number) => `Najwyżej ${plural(max, 'znak', 'znaki', 'znaków')}`,
    manageTitle: 'Twoje zapisane widoki',
    rename: 'Zmień nazwę',
    renameLabel: (name: string) => `Zmień nazwę widoku ${name}`,
    newName: (name: string) => `Nowa nazwa widoku „${name}”`,
    renameFailed: 'Nie udało się zmienić nazwy widoku',
    delete: 'Usuń',
    deleteLabel: (name: string) => `Usuń widok ${name}`,
    deleteBody: (name: string) =>
      `Usunąć widok „${name}”? Usuwane są tylko zapisane filtry; rekordy na liście pozostają bez zmian.`,
    deleteConfirm: 'Usuń widok',
    deleteFailed: 'Nie udało się usunąć widoku',
  },
  globalSearch: {
    open: 'Szukaj w przestrzeni roboczej (Ctrl+K)',
    placeholder: 'Szukaj…',
    title: (workspace: string) => `Szukaj w: ${workspace}`,
    inputLabel: 'Szukaj członków, osób, rynków, planów i działań',
    inputPlaceholder: 'Nazwa członka, osoby, rynku, planu lub działania',
    results: 'Wyniki',
    hint: 'Wpisz nazwę, adres e-mail lub kod kraju.',
    failed: 'Wyszukiwanie nie powiodło się: spróbuj ponownie.',
    searching: 'Wyszukiwanie…',
    close: 'Zamknij wyszukiwanie',
    nothing: (q: string) => `Nic nie nazywa się „${q}”.`,
    found: (n: number) =>
      `${plural(n, 'wynik', 'wyniki', 'wyników')}: ↑ i ↓, aby wybrać, Enter, aby otworzyć.`,
    keyboardHelp: 'Strzałki w górę i w dół przechodzą między wynikami; Enter otwiera wybrany; Escape zamyka.',
    kinds: {
      organisation: 'Członkowie',
      person: 'Osoby',
      market: 'Rynki',
      plan: 'Plany',
      activity: 'Działania',
    },
    seeAll: {
      organisation: (q: string) => `Wszyscy członkowie pasujący do „${q}”`,
      person: (q: string) => `Wszystkie osoby pasujące do „${q}”`,
      market: (q: string) => `Wszystkie rynki pasujące do „${q}”`,
      plan: (q: string) => `Wszystkie plany pasujące do „${q}”`,
      activity: (q: string) => `Wszystkie działania pasujące do „${q}”`,
    },
  },
  activityList: {
    nav: 'Działania',
    title: 'Działania',
    intro: (workspace: string) =>
      `Każde działanie przestrzeni ${workspace}: w ramach planu lub samodzielne. Filtruj i sortuj listę; adres ją zachowuje, więc można ją udostępnić lub zapisać jako widok.`,
    add: 'Dodaj działanie',
    filters: 'Filtry',
    search: 'Szukaj',
    searchPlaceholder: 'Tytuł',
    clearSearch: 'Wyczyść wyszukiwanie',
    status: 'Stan',
    anyStatus: 'Dowolny stan',
    market: 'Rynek',
    anyMarket: 'Dowolny rynek',
    instrument: 'Instrument',
    anyInstrument: 'Dowolny instrument',
    cluster: 'Klaster odpowiedzialny',
    anyCluster: 'Dowolny klaster',
    loading: 'Wczytywanie działań…',
    loadError: 'Nie udało się wczytać działań',
    emptyTitle: 'Brak działań',
    emptyBody:
      'Zaplanuj działanie z planu, z katalogu („Zaplanuj ten instrument”) lub przyciskiem „Dodaj działanie”.',
    emptyFilteredTitle: 'Brak pasujących działań',
    emptyFilteredBody: 'Żadne działanie nie pasuje do wyszukiwania i filtrów.',
    clearFilters: 'Wyczyść wyszukiwanie i filtry',
    tableCaption: 'Działania',
  },
  memberPage: {
    activities: 'Działania',
    activitiesLoading: 'Wczytywanie działań…',
    activitiesLoadError: 'Nie udało się wczytać działań',
    noActivities: 'Ta organizacja nie wzięła jeszcze udziału w żadnym działaniu.',
    activitiesCaption: (name: string) => `Działania z udziałem: ${name}, najnowsze na górze`,
    history: 'Historia',
    historyIntro: 'Kto i co zmienił w tej organizacji, najnowsze na górze.',
    historyLoading: 'Wczytywanie historii…',
    historyLoadError: 'Nie udało się wczytać historii',
    noHistory:
      'Brak zarejestrowanych zmian (organizacja zaimportowana z pliku ma swój import w dzienniku zmian).',
    activitiesCount: (n: number) => plural(n, 'działanie', 'działania', 'działań'),
    activitiesIntro: 'Gdzie organizacja wzięła udział, sama lub przez swoje osoby, najnowsze na górze.',
    activity: 'Działanie',
    dates: 'Daty',
    market: 'Rynek',
    standalone: 'Samodzielne (bez planu)',
    status: 'Stan',
    tookPartAs: 'Udział jako',
    itself: 'Organizacja',
    participation: (who: string, role: string, attendance: string) => `${who}: ${role} · ${attendance}`,
    loadMore: 'Wczytaj więcej',
    historyCaption: (name: string) => `Zmiany w: ${name} i jej osobach, najnowsze na górze`,
    someone: 'Usunięty użytkownik',
    historyEntry: (action: string, type: string, name: string) => `${action}: ${type.toLowerCase()} ${name}`,
    deleted: 'od tego czasu usunięte',
    entityTypes: { organisation: 'Organizacja', person: 'Osoba' },
  },
  instrumentUsage: {
    title: (workspace: string) => `W przestrzeni ${workspace}`,
    workspace: 'Przestrzeń robocza',
    plan: 'Zaplanuj ten instrument',
    loadError: 'Nie udało się wczytać informacji, gdzie instrument jest używany.',
    plans: (n: number) => `Używany w: ${plural(n, 'plan', 'plany', 'planów')}`,
    noPlans: 'Żaden plan go jeszcze nie używa.',
    morePlans: (n: number) =>
      `i ${plural(n, 'kolejny plan', 'kolejne plany', 'kolejnych planów')} (zobacz rynki)`,
    activities: (n: number) => plural(n, 'działanie', 'działania', 'działań'),
    noActivities: 'Brak działań z tym instrumentem.',
    allActivities: (n: number) => `Wszystkie działania tego instrumentu (${n})`,
    sectionTitle: 'Gdzie jest używany',
    intro:
      'Plany, które wybrały ten instrument lub zawierają jego działanie, oraz jego działania w Twojej przestrzeni roboczej.',
    plansCaption: (name: string) => `Plany używające: ${name}`,
    latestActivities: 'Najnowsze działania',
    planTitle: (name: string) => `Zaplanuj: ${name}`,
    planIntro:
      'Wybierz plan, do którego należy nowe działanie, albo zaplanuj je samodzielnie. Formularz otworzy się z tym instrumentem.',
    planField: 'Plan',
    planPlaceholder: 'Wybierz plan',
    standalone: 'Bez planu: działanie samodzielne',
    plansUsing: 'Plany, które go używają',
    otherPlans: 'Inne plany',
    plansLoadError: 'Nie udało się wczytać planów',
    newPlanHint: 'Potrzebujesz nowego planu? Plany dodaje się na stronie rynku:',
    markets: 'Przejdź do rynków',
    openForm: 'Otwórz formularz',
    cancel: 'Anuluj',
  },
};
