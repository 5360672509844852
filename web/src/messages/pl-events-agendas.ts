/** Polish strings of the agendas of B2B events (first draft; to be reviewed by a native speaker). */
import type { enEventAgendas } from './en-events-agendas.ts';
import type { Messages } from './types.ts';

export const plEventAgendas: Pick<Messages, keyof typeof enEventAgendas> = {
  eventAgendas: {
    myTitle: 'Mój harmonogram',
    notRegistered: 'Twoja organizacja nie jest zarejestrowana na to wydarzenie.',
    emptyTitle: 'Brak harmonogramu',
    emptyBeforePublication: 'Twój harmonogram pojawi się, gdy organizatorzy opublikują plan spotkań.',
    emptyNoMeeting: 'Nie masz zaplanowanych spotkań.',
    timesIn: (zone: string) => `Godziny w strefie ${zone}`,
    meetingCount: (n: number) =>
      `${n} ${n === 1 ? 'spotkanie' : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 10 || n % 100 >= 20) ? 'spotkania' : 'spotkań'}`,
    status: {
      scheduled: 'Zaplanowane',
      held: 'Odbyte',
      no_show: 'Nieobecność',
      cancelled: 'Odwołane',
    },
    table: (number: number, name: string) =>
      name === `Table ${number}` ? `Stół ${number}` : `Stół ${number} · ${name}`,
    online: 'Online',
    videoLink: 'Dołącz do wideorozmowy',
    meetingWith: (name: string) => `Spotkanie z ${name}`,
    showProfile: (name: string) => `Profil: ${name}`,
    profile: {
      description: 'O firmie',
      offers: 'Oferuje',
      lookingFor: 'Szuka',
      representatives: 'Przedstawiciele',
      website: 'Strona internetowa',
      tags: 'Tagi',
    },
    downloadPdf: 'Pobierz PDF',
    downloadIcs: 'Pobierz .ics',
    downloadFailed: 'Nie udało się pobrać pliku. Spróbuj ponownie.',
    subscribeTitle: 'Subskrybuj w kalendarzu',
    subscribeBody:
      'Dodaj ten adres jako subskrypcję w aplikacji kalendarza: śledzi każdą zmianę harmonogramu. Zachowaj go dla siebie: każdy, kto go ma, może czytać Twój harmonogram.',
    showFeed: 'Pokaż adres subskrypcji',
    feedLabel: 'Adres subskrypcji kalendarza',
    copy: 'Kopiuj',
    copied: 'Skopiowano',
    openInCalendar: 'Otwórz w kalendarzu',
    revoke: 'Unieważnij link',
    revokeTitle: 'Unieważnić adres subskrypcji?',
    revokeBody:
      'Kalendarze subskrybujące obecny adres natychmiast przestają się aktualizować. Tworzony jest nowy adres.',
    revoked: 'Stary adres już nie działa. Zasubskrybuj ponownie nowy.',
    checkInTitle: 'Kod rejestracji',
    checkInBody: 'Pokaż ten kod w punkcie rejestracji.',
    checkInAlt: 'Kod QR rejestracji',
    tabTitle: 'Harmonogramy',
    notPublished: 'Plan spotkań nie jest jeszcze opublikowany: do tego czasu harmonogramy są puste.',
    participantsTitle: 'Harmonogramy uczestników',
    noParticipants: 'Brak zatwierdzonych uczestników.',
    participant: 'Uczestnik',
    country: 'Kraj',
    meetings: 'Spotkania',
    files: 'Pliki',
    pdfOf: (name: string) => `Harmonogram PDF: ${name}`,
    icsOf: (name: string) => `Plik kalendarza: ${name}`,
    printTitle: 'Do druku',
    allAgendasPdf: 'Wszystkie harmonogramy (PDF)',
    gridPdf: 'Siatka wydarzenia (PDF)',
    tableCardsPdf: 'Karty stołów (PDF)',
    gridTitle: 'Siatka wydarzenia',
    gridAlt:
      'Siatka wydarzenia: przedziały czasowe w wierszach, stoły w kolumnach, dwóch uczestników każdego spotkania',
    mailsTitle: 'Wysyłka harmonogramów',
    mailsBody:
      'Każdy zatwierdzony uczestnik otrzymuje harmonogram e-mailem, z załączonym plikiem kalendarza i adresem subskrypcji.',
    sendMails: 'Wyślij harmonogramy e-mailem',
    mailsRunning: (percent: number) => `Wysyłanie… ${percent}%`,
    mailsDone: (message: string) => message,
    mailsFailed: (error: string) => `Nie udało się wysłać wiadomości: ${error}`,
  },
};
