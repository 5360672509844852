/** Polish strings of an event's scheduling tab (first draft; to be reviewed by a native speaker). */
import type { enEventsSchedule } from './en-events-schedule.ts';
import type { Messages } from './types.ts';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const plEventsSchedule: Pick<Messages, keyof typeof enEventsSchedule> = {
  eventSchedule: {
    title: 'Harmonogram',
    organisersOnly: 'Tylko organizatorzy wydarzenia planują jego spotkania.',
    loading: 'Wczytywanie harmonogramu',
    loadFailed: 'Nie udało się wczytać harmonogramu',
    capacity: {
      title: 'Pojemność',
      requests: (n: number) =>
        plural(n, 'zaakceptowana prośba do umieszczenia', 'zaakceptowane prośby do umieszczenia'),
      room: (tables: number, slots: number, capacity: number) =>
        `${plural(tables, 'stolik', 'stoliki')} × ${plural(slots, 'przedział', 'przedziały')} = ${plural(capacity, 'spotkanie', 'spotkania')} najwyżej`,
      participants: (n: number) => plural(n, 'zatwierdzony uczestnik', 'zatwierdzeni uczestnicy'),
      fits: 'Licząc, wszystkie zaakceptowane prośby się mieszczą.',
      over: 'Nie wszystkie zaakceptowane prośby się mieszczą: planista najpierw umieszcza najwyższe priorytety.',
      timeZone: (zone: string) => `Godziny w strefie ${zone}`,
    },
    publication: {
      published: (when: string, revision: number) => `Opublikowano ${when} (wersja agend ${revision})`,
      notPublished: 'Jeszcze nieopublikowany: uczestnicy nie widzą swoich agend.',
      rescheduleNeeded: (unscheduled: number, cancelled: number) =>
        `Od publikacji: ${plural(unscheduled, 'zaakceptowana prośba bez spotkania', 'zaakceptowane prośby bez spotkania')}, ${plural(cancelled, 'odwołane spotkanie', 'odwołane spotkania')}. Uruchom ponowne planowanie: opublikowane spotkania zostają na miejscu.`,
      stale: (parts: string) =>
        `Zmieniono od zastosowanego przebiegu: ${parts}. Uruchom planistę ponownie przed publikacją.`,
      publish: 'Opublikuj harmonogram',
      publishTitle: 'Opublikować harmonogram?',
      publishBody: (n: number) =>
        `${plural(n, 'spotkanie', 'spotkania')} trafia do agend uczestników. Późniejsze zmiany wprowadza ponowne planowanie, które zachowuje opublikowane spotkania.`,
      publishConfirm: 'Opublikuj',
      publishFailed: 'Nie udało się opublikować harmonogramu',
      publishedNow: 'Harmonogram jest opublikowany.',
    },
    run: {
      title: 'Uruchom planistę',
      mode: 'Co zaplanować',
      modes: {
        full: 'Cały harmonogram',
        reschedule: 'Ponowne planowanie (opublikowane zostają, najmniej zmian)',
      } as Record<string, string>,
      timeLimit: 'Limit czasu (sekundy)',
      timeLimitHint:
        'Od 5 do 300. Planista zatrzymuje się na limicie z najlepszym znalezionym harmonogramem.',
      timeLimitInvalid: 'Podaj całkowitą liczbę sekund od 5 do 300',
      start: 'Uruchom planistę',
      startFailed: 'Nie udało się uruchomić przebiegu',
      running: 'W toku',
      queued: 'Oczekiwanie na planistę',
      progress: 'Postęp przebiegu planisty',
    },
    result: {
      title: 'Ostatni przebieg',
      status: {
        optimal: 'Optymalny: najmniej przerw, udowodnione',
        feasible: 'Harmonogram z udowodnionym dolnym ograniczeniem przerw',
        infeasible: 'Żaden harmonogram nie istnieje',
        unknown: 'Nie znaleziono harmonogramu w limicie czasu',
      } as Record<string, string>,
      runStatus: {
        queued: 'W kolejce',
        running: 'W toku',
        done: 'Gotowy do przeglądu',
        failed: 'Nieudany',
        applied: 'Zastosowany',
        discarded: 'Odrzucony',
      } as Record<string, string>,
      placed: (placed: number, requested: number) => `${placed} z ${requested} spotkań umieszczonych`,
      breaks: (breaks: number, bound: number) =>
        `Przerwy: ${breaks} (udowodnione dolne ograniczenie ${bound})`,
      waits: (n: number) =>
        `${plural(n, 'przedział oczekiwania', 'przedziały oczekiwania')} między spotkaniami w sesjach`,
      seconds: (s: string) => `${s} s`,
      unplacedTitle: 'Nieumieszczone prośby',
      unplacedNone: 'Wszystkie zaakceptowane prośby są umieszczone.',
      breaksTitle: 'Przedziały oczekiwania na uczestnika',
      breaksNone: 'Żaden uczestnik nie czeka między dwoma spotkaniami.',
      more: (n: number) => `i ${n} więcej`,
      differenceTitle: 'Różnica względem obecnego harmonogramu',
      difference: (added: number, moved: number, removed: number, unchanged: number) =>
        `dodane: ${added}, przeniesione: ${moved}, usunięte: ${removed}, bez zmian: ${unchanged}`,
      kind: { added: 'Dodane', moved: 'Przeniesione', removed: 'Usunięte' } as Record<string, string>,
      stale: (parts: string) =>
        `Zmieniono od tego przebiegu: ${parts}. Nie można go już zastosować; uruchom ponownie.`,
      apply: 'Zastosuj ten harmonogram',
      applyTitle: 'Zastosować ten harmonogram?',
      applyBody:
        'Obecny harmonogram zostaje zastąpiony harmonogramem tego przebiegu: dodane spotkania są tworzone, przeniesione zmieniają przedział lub stolik, usunięte są kasowane. Przeniesione opublikowane spotkania pojawiają się w następnej wersji agend.',
      applyConfirm: 'Zastosuj',
      applyFailed: 'Nie udało się zastosować przebiegu',
      discard: 'Odrzuć',
      discardTitle: 'Odrzucić ten przebieg?',
      discardBody: 'Jego wynik zostaje w historii, ale nie można go już zastosować.',
      discardConfirm: 'Odrzuć',
      discardFailed: 'Nie udało się odrzucić przebiegu',
    },
    meetings: {
      title: 'Obecny harmonogram',
      empty: 'Nie zaplanowano jeszcze żadnego spotkania.',
      when: 'Kiedy',
      table: 'Stolik',
      between: 'Uczestnicy',
      status: 'Status',
      published: 'Opublikowane',
      draft: 'Nieopublikowane',
      noTable: 'Bez stolika',
      statuses: {
        scheduled: 'Zaplanowane',
        held: 'Odbyte',
        no_show: 'Nieobecność',
        cancelled: 'Odwołane',
      } as Record<string, string>,
      shown: (shown: number, total: number) => `${shown} z ${total} spotkań`,
      showMore: 'Pokaż więcej',
    },
    history: {
      title: 'Historia przebiegów',
      empty: 'Brak przebiegów.',
      started: 'Rozpoczęty',
      mode: 'Tryb',
      status: 'Status',
      result: 'Wynik',
      open: 'Pokaż',
    },
  },
};
