/**
 * Italian UI strings of the coordinators' dashboard and the KPI drill-down (issue 5), spread into
 * `it`. Glossary: see `it.ts`.
 */
import type { enDashboard } from './en-dashboard.ts';
import type { Messages } from './types.ts';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const itDashboard: Pick<Messages, keyof typeof enDashboard> = {
  dashboard: {
    title: 'Cruscotto',
    intro:
      'Come procede il programma nel periodo: attività, KPI rispetto ai loro obiettivi, spesa e dove è stata sostenuta.',
    funderReport: 'Rapporto per il finanziatore',
    loading: 'Caricamento del cruscotto…',
    filters: 'Periodo e mercato',
    period: 'Periodo',
    presets: {
      thisYear: 'Quest’anno',
      lastYear: 'L’anno scorso',
      last12Months: 'Ultimi 12 mesi',
    },
    custom: 'Personalizzato',
    from: 'Dal',
    to: 'Al',
    apply: 'Applica',
    periodInvalid: 'deve essere uguale o successiva a «Dal» e meno di 10 anni dopo',
    market: 'Mercato',
    anyMarket: 'Tutti i mercati',
    showing: (from: string, to: string) => `Attività che iniziano tra il ${from} e il ${to}`,
    // a. Headline figures
    headline: 'Nel periodo',
    activities: 'Attività',
    activitiesHint: 'Apri il calendario all’inizio del periodo',
    held: 'Attività svolte',
    present: 'Partecipanti presenti',
    actualCosts: 'Costi effettivi',
    plannedOf: (planned: string) => `su ${planned} previsti`,
    plannedHint: 'Vedi i totali previsti per fonte di finanziamento',
    drillHint: (what: string) => `Mostra i dati alla base di ${what}`,
    kpiLoadError: 'Impossibile caricare i KPI',
    // b. KPIs
    kpis: 'KPI: obiettivo e valore effettivo',
    kpiGrouping: 'Raggruppa i KPI',
    byPhase: 'Per fase',
    byInstrument: 'Per strumento',
    groupActivities: (n: number) => `${n} attività`,
    progressChart: (group: string) => `Avanzamento verso gli obiettivi: ${group}`,
    kpiTableCaption: (group: string) => `KPI di ${group}: obiettivo, valore effettivo e avanzamento`,
    columns: { kpi: 'KPI', target: 'Obiettivo', actual: 'Effettivo', progress: 'Avanzamento' },
    progressColumn: 'Avanzamento (%)',
    targetLine: 'Obiettivo',
    noTarget: '—',
    noValue: '—',
    texts: 'Risultati qualitativi',
    noTexts: 'Ancora nessun testo registrato.',
    textBy: (activity: string, date: string) => `${activity}, ${date}`,
    noTargetsInGroup:
      'Ancora nessun obiettivo qui: fissali nel piano o nelle sue attività per vedere l’avanzamento.',
    noKpiGroups:
      'Ancora nessuna attività in questo periodo: pianifica delle attività (Mercati → un piano → Aggiungi attività) per vederne qui i KPI.',
    // c. Budget burn
    burn: 'Utilizzo del budget per fonte di finanziamento',
    burnPlanned: (source: string) => `${source}: previsto`,
    burnMonth: 'Mese',
    burnPlannedRow: 'Totale previsto',
    noBurn:
      'Ancora nessun importo previsto o speso in questo periodo: aggiungi voci di budget e registra i costi effettivi nelle attività.',
    burnLoadError: 'Impossibile caricare l’utilizzo del budget',
    // d. World map
    map: 'Mercati obiettivo sulla mappa',
    mapChart: (measure: string) => `Mercati obiettivo per ${measure.toLowerCase()}`,
    colourBy: 'Colora per',
    mapActivities: 'Attività',
    mapMarket: 'Mercato',
    mapCountry: 'Paese',
    mapLegend: 'Legenda',
    mapNothing: 'Nessun valore',
    noMarkets: 'Ancora nessun mercato obiettivo: aggiungine uno in Mercati per vederlo sulla mappa.',
    // e. Upcoming
    upcoming: 'Prossime attività',
    upcomingCaption: 'Le prossime attività, per data di inizio',
    upcomingColumns: {
      activity: 'Attività',
      dates: 'Date',
      instrument: 'Strumento',
      market: 'Mercato',
      status: 'Stato',
    },
    standalone: 'Autonoma',
    noUpcoming: 'Nessuna attività in programma: aggiungine una a un piano o pianifica un’attività autonoma.',
    upcomingLoadError: 'Impossibile caricare le prossime attività',
    calendarLink: 'Apri il calendario',
  },
  kpiRecords: {
    title: 'Dati dei KPI',
    breadcrumb: 'Cruscotto',
    loading: 'Caricamento dei dati…',
    loadError: 'Impossibile caricare i dati',
    howMade: 'Come si ottiene questo numero',
    entered: 'Inserito a mano in ogni attività (valori dei KPI).',
    total: 'Totale',
    count: (n: number) => plural(n, 'dato', 'dati'),
    scope: (from: string, to: string) => `Attività che iniziano tra il ${from} e il ${to}`,
    anyPeriod: 'Tutti i periodi',
    caption: (label: string) => `I dati alla base di ${label}`,
    columns: {
      type: 'Tipo',
      activity: 'Attività',
      date: 'Data',
      description: 'Descrizione',
      value: 'Valore',
    },
    type: {
      participant: 'Partecipante',
      activity: 'Attività',
      cost_line: 'Voce di costo',
      stage_change: 'Cambio di fase',
      meeting: 'Incontro B2B',
      request: 'Richiesta di incontro',
      response: 'Risposta a un sondaggio',
      entry: 'Valore di KPI',
      interaction: 'Interazione',
      project: 'Progetto collaborativo',
      project_partner: 'Organizzazione della rete in un progetto',
    },
    loadMore: 'Carica altri',
    shown: (shown: number, total: number) => `${shown} di ${total} mostrati`,
    empty: 'Nessun dato alla base di questo numero nel periodo.',
    missingKpi: 'Nessun KPI scelto: apri i dati da un numero del cruscotto.',
    back: 'Torna al cruscotto',
  },
};
