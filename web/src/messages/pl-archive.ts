/** Polish "Back up and move" strings (machine-made first draft; to be reviewed by a Polish-speaking partner). */
import type { enArchive } from './en-archive.ts';
import type { Messages } from './types.ts';

/** Polish plural: 1; 2–4 (except 12–14); 5+ (and 0). */
function plural(n: number, one: string, few: string, many: string): string {
  if (n === 1) return one;
  const tens = n % 100;
  const units = n % 10;
  return units >= 2 && units <= 4 && (tens < 12 || tens > 14) ? few : many;
}

export const plArchive: Pick<Messages, keyof typeof enArchive> = {
  archive: {
    nav: 'Kopia i przeniesienie',
    title: 'Kopia i przeniesienie',
    intro:
      'Zapisz cały obszar roboczy w jednym pliku archiwum, przenieś go do pustego obszaru innego Hubu albo przekaż organizacji członkowskiej kopię jej własnych danych.',
    forbiddenTitle: 'Tylko koordynatorzy mogą kopiować i przenosić obszar roboczy',
    exportTitle: 'Eksport obszaru roboczego',
    exportBody:
      'Wszystkie rekordy i pliki tego obszaru w jednym pliku ZIP. Jest przygotowywany w tle; możesz opuścić tę stronę i wrócić.',
    exportButton: 'Eksportuj obszar roboczy',
    exportStarting: 'Uruchamianie…',
    exportFailed: 'Nie udało się uruchomić eksportu',
    gdprTitle: 'Dane jednej organizacji',
    gdprBody:
      'Na potrzeby wniosku o przeniesienie danych: organizacja, jej osoby, ich udział w działaniach i dotyczące ich zmiany.',
    gdprOrganisation: 'Organizacja członkowska',
    gdprButton: 'Eksportuj dane tej organizacji',
    gdprRequired: 'Najpierw wybierz organizację',
    jobsTitle: 'Eksporty',
    jobsCaption: 'Eksporty tego obszaru, od najnowszego',
    jobsEmpty: 'Nie ma jeszcze eksportów.',
    requested: 'Zlecono',
    content: 'Zawartość',
    wholeWorkspace: 'Cały obszar',
    oneOrganisation: 'Jedna organizacja',
    status: 'Stan',
    progress: 'Postęp',
    file: 'Plik',
    statuses: { queued: 'Oczekuje', running: 'W toku', succeeded: 'Gotowy', failed: 'Niepowodzenie' },
    progressLabel: (when: string) => `Postęp eksportu zleconego ${when}`,
    download: 'Pobierz',
    downloadLabel: (name: string) => `Pobierz ${name}`,
    failedBecause: (reason: string) => `Niepowodzenie: ${reason}`,
    importTitle: 'Import archiwum do tego obszaru',
    importBody:
      'Tylko do obszaru bez rekordów. Importowane jest wszystko albo nic. Każdy odzyskuje konto po adresie e-mail; osoby nowe w tym Hubie ustawiają hasło przez „Nie pamiętam hasła”.',
    importNotEmpty: 'Ten obszar ma już rekordy, więc nie można do niego zaimportować archiwum.',
    chooseFile: 'Plik archiwum (ZIP)',
    checking: 'Sprawdzanie archiwum…',
    checkFailed: 'Tego archiwum nie można zaimportować',
    summaryTitle: 'Co zostanie zaimportowane',
    summaryFrom: (name: string, when: string) => `Z „${name}”, wyeksportowano ${when}`,
    table: 'Rekordy',
    rows: 'Liczba',
    accounts: (n: number) => `${n} ${plural(n, 'osoba z kontem', 'osoby z kontem', 'osób z kontem')}`,
    files: (n: number) => `${n} ${plural(n, 'plik', 'pliki', 'plików')}`,
    importButton: 'Importuj',
    importing: 'Importowanie… dla dużego obszaru może potrwać kilka minut.',
    importFailed: 'Archiwum nie zostało zaimportowane; nic nie zmieniono',
    importDone: (rows: number) => `Zaimportowano ${rows} ${plural(rows, 'rekord', 'rekordy', 'rekordów')}.`,
    usersCreated: (n: number) =>
      `Utworzono ${n} ${plural(n, 'nowe konto', 'nowe konta', 'nowych kont')}; ${n === 1 ? 'jego właściciel ustawia' : 'ich właściciele ustawiają'} hasło przez „Nie pamiętam hasła”.`,
    tables: {
      cluster: 'Klastry',
      organisation: 'Organizacje członkowskie',
      person: 'Osoby',
      target_market: 'Rynki docelowe',
      instrument: 'Własne instrumenty',
      instrument_kpi: 'KPI własnych instrumentów',
      travel_rate: 'Stawki podróży',
      plan: 'Plany',
      plan_instrument: 'Instrumenty w planach',
      activity: 'Działania',
      activity_participant: 'Udziały',
      cost_line: 'Pozycje kosztów',
      kpi_target: 'Cele KPI',
      kpi_entry: 'Wprowadzone wartości KPI',
      kpi_actual: 'Obliczone wartości KPI',
      membership: 'Członkostwa',
      invitation: 'Zaproszenia',
      saved_view: 'Zapisane widoki',
      audit_event: 'Wpisy dziennika zmian',
      job: 'Raporty i eksporty',
      job_file: 'Pliki raportów',
    },
    otherTable: 'Inne rekordy',
  },
};
