/** Polish UI strings of the funder reports page (see en-reports.ts; glossary in pl.ts). */
import type { enReports } from './en-reports.ts';
import type { Messages } from './types.ts';

export const plReports: Pick<Messages, keyof typeof enReports> = {
  reports: {
    title: 'Raporty dla grantodawcy',
    intro:
      'Raport za okres: podsumowanie, wskaźniki KPI względem celów, budżet według źródła finansowania i kategorii kosztów oraz lista działań. Powstaje w tle; możesz opuścić tę stronę i wrócić później.',
    forbiddenTitle: 'Raporty dla grantodawcy są dostępne dla ról, które widzą budżety',
    formTitle: 'Nowy raport',
    from: 'Od',
    to: 'Do',
    format: 'Format',
    formats: { pdf: 'PDF', xlsx: 'Excel (XLSX)' },
    formatDescriptions: {
      pdf: 'Do czytania i wysyłania: okładka, tabele i wykresy.',
      xlsx: 'Do dalszej pracy: jeden arkusz na sekcję, liczby jako liczby.',
    },
    generate: 'Utwórz raport',
    generating: 'Uruchamianie…',
    required: 'Podaj datę',
    invalidDate: 'Podaj datę w formacie RRRR-MM-DD',
    toBeforeFrom: 'Nie może być wcześniejsza niż „Od”',
    tooLong: 'Raport obejmuje najwyżej 10 lat',
    startFailed: 'Nie udało się uruchomić raportu',
    listTitle: 'Raporty',
    listCaption: 'Raporty tej przestrzeni roboczej, najnowsze na górze',
    loading: 'Wczytywanie raportów…',
    loadError: 'Nie udało się wczytać raportów',
    emptyTitle: 'Brak raportów',
    emptyBody: 'Wybierz powyżej okres i format, a następnie kliknij „Utwórz raport”.',
    requested: 'Zamówiono',
    period: 'Okres',
    status: 'Stan',
    progress: 'Postęp',
    file: 'Plik',
    periodText: (from: string, to: string) => `od ${from} do ${to}`,
    statuses: {
      queued: 'W kolejce',
      running: 'W trakcie',
      succeeded: 'Gotowy',
      failed: 'Nieudany',
    },
    progressLabel: (period: string) => `Postęp raportu za okres ${period}`,
    download: (format: string) => `Pobierz ${format}`,
    downloadLabel: (visible: string, name: string) => `${visible}: ${name}`,
    failedBecause: (error: string) => `Nieudany: ${error}`,
    loadMore: 'Pokaż starsze raporty',
  },
};
