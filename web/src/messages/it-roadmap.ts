/** Italian strings of issue 23 (roadmap) (first draft; to be reviewed by a native speaker). */
import type { enRoadmap } from './en-roadmap.ts';
import type { Messages } from './types.ts';

export const itRoadmap: Pick<Messages, keyof typeof enRoadmap> = {
  roadmap: {
    title: 'Roadmap consigliata',
    intro:
      'Gli strumenti e le quantità con il maggior valore atteso per questo mercato entro il tetto di budget, per fase, con il motivo di ogni scelta.',
    budget: 'Tetto di budget',
    budgetSlider: 'Cursore del tetto di budget',
    budgetEur: 'Tetto di budget (EUR)',
    budgetRange: 'Indicate un tetto maggiore di zero, al massimo 10.000.000',
    from: 'Dal',
    to: 'Al',
    loading: 'Calcolo della raccomandazione…',
    updating: 'Aggiornamento…',
    loadError: 'Non è stato possibile calcolare la raccomandazione',
    noMembers:
      "Nessun membro è ancora interessato a questo mercato: non c'è nulla da consigliare. Aggiungete prima il paese ai mercati di interesse dei membri.",
    nothingFits: 'Nulla rientra in questo tetto: alzatelo per vedere una raccomandazione.',
    chosen: 'Strumenti consigliati',
    rejected: 'Esclusi',
    instrument: 'Strumento',
    phase: 'Fase',
    quantity: 'Quantità',
    cost: 'Costo',
    why: 'Perché',
    expectedKpis: 'KPI attesi',
    budgetLines: 'Voci di budget',
    assumedCost: 'Costo ipotizzato: il D4.2 non dà cifre',
    fromHistory: 'Valori dalle vostre attività passate',
    fromCatalogue: 'Valori predefiniti del catalogo',
    total: (cost: string, cap: string) => `${cost} su ${cap}`,
    totalLabel: 'Totale rispetto al tetto',
    expectedValue: (value: string) => `Valore atteso: ${value} punti`,
    proofOptimal: (states: string, ms: string) =>
      `Ottimo dimostrato: nessun'altra scelta entro il tetto ha un valore atteso maggiore (${states} scelte parziali confrontate in ${ms} ms).`,
    facts: (members: string, contacts: string, partners: string) =>
      `${members} membri interessati · ${contacts} contatti sul posto · ${partners} partner sul posto`,
    notReady: 'La maggior parte dei membri interessati non è ancora pronta: prima gli strumenti preparatori.',
    quantityUnits: {
      units: (n: string) => `${n} unità`,
      months: (n: string) => `${n} mesi`,
      entities: (n: string) => `${n} soggetti`,
    },
    reasons: {
      best_value_per_euro: 'Miglior valore per euro',
      prepares_members: 'Prepara i membri non ancora pronti',
      opens_the_way: (names: string) => `Apre la strada a ${names}`,
      max_quantity: 'Quanti ne servono nel periodo',
      diminishing_returns: 'Di più renderebbe meno di quanto costa (rendimenti decrescenti)',
      budget_limit: 'Di più supererebbe il tetto',
      over_budget: 'Fuori budget',
      members_not_ready: 'Membri non pronti',
      no_partners_there: 'Ancora nessun partner sul posto',
      needs_contacts_first: 'Servono prima dei contatti',
      needs_interested_members: 'Servono membri interessati',
      needs_earlier_phase: 'Serve prima uno strumento della fase precedente',
      lower_value_per_euro: (name: string) => `Minor valore per euro di ${name}`,
      no_units_in_period: 'Non rientra nel periodo',
    },
    accept: 'Accetta in un piano',
    acceptTitle: 'Accetta la raccomandazione in un piano',
    acceptBody: (activities: string, cost: string) =>
      `Viene creato un piano in bozza su questo mercato con gli strumenti consigliati, attività datate nel periodo e le loro voci di budget stimate (${activities} strumenti, ${cost}).`,
    planName: 'Nome del piano',
    defaultPlanName: (market: string, year: string) => `${market} ${year} (consigliato)`,
    create: 'Crea il piano',
    cancel: 'Annulla',
    acceptFailed: 'Non è stato possibile creare il piano',
    nameRequired: 'Date un nome al piano',
  },
};
