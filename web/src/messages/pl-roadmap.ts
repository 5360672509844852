/** Polish strings of issue 23 (roadmap) (first draft; to be reviewed by a native speaker). */
import type { enRoadmap } from './en-roadmap.ts';
import type { Messages } from './types.ts';

export const plRoadmap: Pick<Messages, keyof typeof enRoadmap> = {
  roadmap: {
    title: 'Zalecana mapa drogowa',
    intro:
      'Instrumenty i ich liczby o największej oczekiwanej wartości dla tego rynku w limicie budżetu, według faz, z uzasadnieniem każdego wyboru.',
    budget: 'Limit budżetu',
    budgetSlider: 'Suwak limitu budżetu',
    budgetEur: 'Limit budżetu (EUR)',
    budgetRange: 'Podaj limit większy od zera, najwyżej 10 000 000',
    from: 'Od',
    to: 'Do',
    loading: 'Obliczanie rekomendacji…',
    updating: 'Aktualizowanie…',
    loadError: 'Nie udało się obliczyć rekomendacji',
    noMembers:
      'Żaden członek nie jest jeszcze zainteresowany tym rynkiem: nie ma czego rekomendować. Najpierw dodaj kraj do rynków docelowych członków.',
    nothingFits: 'Nic nie mieści się w tym limicie: podnieś go, aby zobaczyć rekomendację.',
    chosen: 'Zalecane instrumenty',
    rejected: 'Pominięte',
    instrument: 'Instrument',
    phase: 'Faza',
    quantity: 'Liczba',
    cost: 'Koszt',
    why: 'Dlaczego',
    expectedKpis: 'Oczekiwane KPI',
    budgetLines: 'Pozycje budżetu',
    assumedCost: 'Koszt przyjęty: D4.2 nie podaje kwoty',
    fromHistory: 'Wartości z waszych wcześniejszych działań',
    fromCatalogue: 'Domyślne wartości katalogu',
    total: (cost: string, cap: string) => `${cost} z ${cap}`,
    totalLabel: 'Suma względem limitu',
    expectedValue: (value: string) => `Oczekiwana wartość: ${value} pkt`,
    proofOptimal: (states: string, ms: string) =>
      `Udowodnione optimum: żaden inny wybór w limicie nie ma większej oczekiwanej wartości (porównano ${states} częściowych wyborów w ${ms} ms).`,
    facts: (members: string, contacts: string, partners: string) =>
      `Zainteresowani członkowie: ${members} · kontakty na miejscu: ${contacts} · partnerzy na miejscu: ${partners}`,
    notReady:
      'Większość zainteresowanych członków nie jest jeszcze gotowa: najpierw instrumenty przygotowawcze.',
    quantityUnits: {
      units: (n: string) => `jednostki: ${n}`,
      months: (n: string) => `miesiące: ${n}`,
      entities: (n: string) => `podmioty: ${n}`,
    },
    reasons: {
      best_value_per_euro: 'Najlepsza wartość na euro',
      prepares_members: 'Przygotowuje członków, którzy nie są jeszcze gotowi',
      opens_the_way: (names: string) => `Otwiera drogę dla: ${names}`,
      max_quantity: 'Tyle, ile ma sens w tym okresie',
      diminishing_returns: 'Więcej dałoby mniej, niż kosztuje (malejące przychody)',
      budget_limit: 'Więcej przekroczyłoby limit',
      over_budget: 'Poza budżetem',
      members_not_ready: 'Członkowie niegotowi',
      no_partners_there: 'Brak jeszcze partnerów na miejscu',
      needs_contacts_first: 'Najpierw potrzebne są kontakty',
      needs_interested_members: 'Potrzebni są zainteresowani członkowie',
      needs_earlier_phase: 'Najpierw potrzebny jest instrument wcześniejszej fazy',
      lower_value_per_euro: (name: string) => `Mniejsza wartość na euro niż ${name}`,
      no_units_in_period: 'Nie mieści się w okresie',
    },
    accept: 'Przyjmij do planu',
    acceptTitle: 'Przyjmij rekomendację do planu',
    acceptBody: (activities: string, cost: string) =>
      `Na tym rynku powstaje szkic planu z zalecanymi instrumentami, datowanymi działaniami w okresie i ich szacowanymi pozycjami budżetu (instrumenty: ${activities}, ${cost}).`,
    planName: 'Nazwa planu',
    defaultPlanName: (market: string, year: string) => `${market} ${year} (zalecany)`,
    create: 'Utwórz plan',
    cancel: 'Anuluj',
    acceptFailed: 'Nie udało się utworzyć planu',
    nameRequired: 'Nadaj planowi nazwę',
  },
};
