/**
 * Polish UI strings of the workspace's own instruments (issue 20, item 2). A machine-made
 * first draft: to be reviewed by a native-speaking member of the consortium before release.
 */
import type { enInstrumentsCustom } from './en-instruments-custom.ts';
import type { Messages } from './types.ts';

/** Polish: 1; 2–4 (but not 12–14); 5 and more. */
const plural = (n: number, one: string, few: string, many: string) => {
  const tens = n % 100;
  const units = n % 10;
  const form = n === 1 ? one : units >= 2 && units <= 4 && (tens < 12 || tens > 14) ? few : many;
  return `${n} ${form}`;
};

export const plInstrumentsCustom: Pick<Messages, keyof typeof enInstrumentsCustom> = {
  customInstruments: {
    groupTitle: 'Własne instrumenty Twojej przestrzeni',
    groupIntro:
      'Dostosowane kopie instrumentów D4.2 i własne instrumenty. Oryginały D4.2 pozostają punktem odniesienia.',
    groupCount: (n: number) => plural(n, 'własny instrument', 'własne instrumenty', 'własnych instrumentów'),
    badge: 'Własny',
    optionLabel: (name: string) => `${name} (własny)`,
    basedOn: (name: string) => `Na podstawie ${name}`,
    madeFromNothing: 'Utworzony w Twojej przestrzeni',
    copyToAdapt: 'Skopiuj, aby dostosować',
    copyHint: 'Tworzy wersję tego instrumentu dla Twojej przestrzeni, aby zmienić jego model budżetu i KPI.',
    copying: 'Kopiowanie…',
    copyFailed: 'Nie udało się skopiować instrumentu',
    editorTitle: (name: string) => `Dostosuj: ${name}`,
    tabs: {
      edit: 'Edytuj',
      differences: 'Różnice względem D4.2',
    },
    back: 'Powrót do katalogu',
    name: 'Nazwa',
    phase: 'Faza',
    description: 'Opis',
    benefits: 'Cel i korzyści',
    benefitsHint: 'Jeden w wierszu.',
    businessModel: 'Model biznesowy',
    fundingSources: 'Źródła finansowania',
    budgetText: 'Szacunek budżetu słownie',
    budgetItems: 'Model budżetu',
    budgetItemsHint: 'Pozycje, które czyta silnik szacowania. Wzór poniżej zmienia się w trakcie pisania.',
    addItem: 'Dodaj pozycję',
    removeItem: (n: number) => `Usuń pozycję ${n}`,
    itemKind: 'Rodzaj pozycji',
    itemKinds: {
      effort_days_per_unit: 'Dni pracy na jednostkę',
      recurring_days_per_month: 'Dni pracy na miesiąc',
      travellers_per_mission: 'Podróżni na misję',
      fee_per_entity: 'Opłata od podmiotu uczestniczącego',
      min_days_per_unit: 'Minimalna liczba dni spotkań na jednostkę',
      additional_effort: 'Dodatkowy nakład bez liczby',
      cost_categories: 'Objęte kategorie kosztów',
      depends_on: 'Od czego zależy koszt',
      note: 'Uwaga',
    },
    days: 'Dni',
    unit: 'Liczone na',
    noUnit: 'Bez produktu',
    minTravellers: 'Podróżni, co najmniej',
    maxTravellers: 'Podróżni, najwyżej',
    who: 'Kto',
    when: 'Kiedy',
    amountEur: 'Kwota (EUR)',
    orderOfMagnitude: 'Tylko rząd wielkości',
    includes: 'Wliczone w opłatę',
    categories: 'Kategorie',
    factors: 'Czynniki',
    factorsHint: 'Jeden w wierszu.',
    noteText: 'Tekst',
    source: 'Sformułowanie źródłowe (opcjonalnie)',
    formulaPreview: 'Podgląd wzoru',
    formulaInvalid: 'Popraw zaznaczone pozycje, aby zobaczyć wzór.',
    kpis: 'KPI',
    kpisHint: 'Co mierzy instrument. Reguła wylicza KPI z rekordów; bez reguły wpisuje się go ręcznie.',
    addKpi: 'Dodaj KPI',
    removeKpi: (label: string) => `Usuń KPI ${label || 'bez etykiety'}`,
    kpiKey: 'Klucz',
    kpiKeyHint: 'Małe litery, cyfry i _.',
    kpiLabel: 'Etykieta',
    kpiKind: 'Rodzaj',
    kpiUnit: 'Jednostka',
    kpiRule: 'Wyliczane przez',
    enteredByHand: 'Wpisywane ręcznie',
    save: 'Zapisz zmiany',
    saving: 'Zapisywanie…',
    saved: 'Zmiany zapisane',
    saveFailed: 'Nie udało się zapisać zmian',
    stale: 'Ktoś w międzyczasie zmienił ten instrument: wczytaj go ponownie i edytuj jeszcze raz.',
    delete: 'Usuń instrument',
    deleteConfirm: (name: string) =>
      `Usunąć ${name}? Żadne działanie ani plan nie mogą go już używać; tego nie można cofnąć.`,
    deleteFailed: 'Nie udało się usunąć instrumentu',
    readOnly: 'Tylko koordynatorzy i menedżerowie klastrów dostosowują instrumenty.',
    differencesIntro: (name: string) => `Co ten instrument zmienia względem oryginału D4.2, ${name}.`,
    noReference: 'Ten instrument utworzono od zera: nie ma oryginału D4.2 do porównania.',
    noDifferences: 'Brak różnic: ta kopia to nadal oryginał D4.2.',
    differenceCount: (n: number) => plural(n, 'różnica', 'różnice', 'różnic'),
    fields: {
      name: 'Nazwa',
      phase: 'Faza',
      description: 'Opis',
      benefits: 'Cel i korzyści',
      businessModel: 'Model biznesowy',
      fundingSources: 'Źródła finansowania',
      budgetText: 'Szacunek budżetu słownie',
    },
    changes: {
      added: 'Dodano',
      removed: 'Usunięto',
      changed: 'Zmieniono',
    },
    budgetItemAt: (n: number) => `Pozycja budżetu ${n}`,
    kpiNamed: (label: string) => `KPI „${label}”`,
    reference: 'D4.2',
    custom: 'Twój',
    none: '—',
    loadError: 'Nie udało się wczytać instrumentu',
  },
};
