/**
 * Italian UI strings of the funder reports page (issue 5), spread into `it`. Glossary: see `it.ts`.
 */
import type { enReports } from './en-reports.ts';
import type { Messages } from './types.ts';

export const itReports: Pick<Messages, keyof typeof enReports> = {
  reports: {
    title: 'Rapporti per il finanziatore',
    intro:
      'Un rapporto su un periodo: la sintesi, i KPI rispetto ai loro obiettivi, il budget per fonte di finanziamento e categoria di costo, e l’elenco delle attività. Viene generato in background; puoi lasciare questa pagina e tornare più tardi.',
    forbiddenTitle: 'I rapporti per il finanziatore sono riservati ai ruoli che vedono i budget',
    formTitle: 'Nuovo rapporto',
    from: 'Dal',
    to: 'Al',
    format: 'Formato',
    formats: { pdf: 'PDF', xlsx: 'Excel (XLSX)' },
    formatDescriptions: {
      pdf: 'Da leggere e inviare: copertina, tabelle e grafici.',
      xlsx: 'Su cui lavorare: un foglio per sezione, i numeri come numeri.',
    },
    generate: 'Genera il rapporto',
    generating: 'Avvio…',
    required: 'Inserisci una data',
    invalidDate: 'Inserisci una data nel formato AAAA-MM-GG',
    toBeforeFrom: 'Non deve essere precedente a «Dal»',
    tooLong: 'Un rapporto copre al massimo 10 anni',
    startFailed: 'Impossibile avviare il rapporto',
    listTitle: 'Rapporti',
    listCaption: 'Rapporti di questo spazio di lavoro, dal più recente',
    loading: 'Caricamento dei rapporti…',
    loadError: 'Impossibile caricare i rapporti',
    emptyTitle: 'Ancora nessun rapporto',
    emptyBody: 'Scegli un periodo e un formato qui sopra, poi «Genera il rapporto».',
    requested: 'Richiesto',
    period: 'Periodo',
    status: 'Stato',
    progress: 'Avanzamento',
    file: 'File',
    periodText: (from: string, to: string) => `Dal ${from} al ${to}`,
    statuses: {
      queued: 'In attesa',
      running: 'In corso',
      succeeded: 'Pronto',
      failed: 'Non riuscito',
    },
    progressLabel: (period: string) => `Avanzamento del rapporto per ${period}`,
    download: (format: string) => `Scarica ${format}`,
    downloadLabel: (visible: string, name: string) => `${visible}: ${name}`,
    failedBecause: (error: string) => `Non riuscito: ${error}`,
    loadMore: 'Mostra i rapporti precedenti',
  },
};
