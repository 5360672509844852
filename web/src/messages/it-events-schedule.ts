/** Italian strings of an event's scheduling tab (first draft; to be reviewed by a native speaker). */
import type { enEventsSchedule } from './en-events-schedule.ts';
import type { Messages } from './types.ts';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const itEventsSchedule: Pick<Messages, keyof typeof enEventsSchedule> = {
  eventSchedule: {
    title: 'Pianificazione',
    organisersOnly: 'Solo gli organizzatori dell’evento pianificano i suoi incontri.',
    loading: 'Caricamento della pianificazione',
    loadFailed: 'Impossibile caricare la pianificazione',
    capacity: {
      title: 'Capacità',
      requests: (n: number) =>
        plural(n, 'richiesta accettata da collocare', 'richieste accettate da collocare'),
      room: (tables: number, slots: number, capacity: number) =>
        `${plural(tables, 'tavolo', 'tavoli')} × ${plural(slots, 'fascia', 'fasce')} = ${plural(capacity, 'incontro', 'incontri')} al massimo`,
      participants: (n: number) => plural(n, 'partecipante approvato', 'partecipanti approvati'),
      fits: 'Contando, tutte le richieste accettate possono essere collocate.',
      over: 'Non tutte le richieste accettate possono essere collocate: il pianificatore colloca prima le priorità più alte.',
      timeZone: (zone: string) => `Orari in ${zone}`,
    },
    publication: {
      published: (when: string, revision: number) =>
        `Pubblicato il ${when} (revisione delle agende ${revision})`,
      notPublished: 'Non ancora pubblicato: i partecipanti non vedono le loro agende.',
      rescheduleNeeded: (unscheduled: number, cancelled: number) =>
        `Dalla pubblicazione: ${plural(unscheduled, 'richiesta accettata senza incontro', 'richieste accettate senza incontro')}, ${plural(cancelled, 'incontro annullato', 'incontri annullati')}. Avviate una ripianificazione: gli incontri pubblicati restano dove sono.`,
      stale: (parts: string) =>
        `Cambiato dall’esecuzione applicata: ${parts}. Rieseguite il pianificatore prima di pubblicare.`,
      publish: 'Pubblica la pianificazione',
      publishTitle: 'Pubblicare la pianificazione?',
      publishBody: (n: number) =>
        `${plural(n, 'incontro', 'incontri')} entrano nelle agende dei partecipanti. Le modifiche successive passano da una ripianificazione, che mantiene gli incontri pubblicati.`,
      publishConfirm: 'Pubblica',
      publishFailed: 'Impossibile pubblicare la pianificazione',
      publishedNow: 'La pianificazione è pubblicata.',
    },
    run: {
      title: 'Esegui il pianificatore',
      mode: 'Cosa pianificare',
      modes: {
        full: 'Tutta la pianificazione',
        reschedule: 'Ripianifica (incontri pubblicati mantenuti, meno modifiche)',
      } as Record<string, string>,
      timeLimit: 'Tempo massimo (secondi)',
      timeLimitHint:
        'Da 5 a 300. Il pianificatore si ferma al limite con la migliore pianificazione trovata.',
      timeLimitInvalid: 'Indicate un numero intero di secondi tra 5 e 300',
      start: 'Esegui il pianificatore',
      startFailed: 'Impossibile avviare l’esecuzione',
      running: 'In corso',
      queued: 'In attesa del pianificatore',
      progress: 'Avanzamento dell’esecuzione del pianificatore',
    },
    result: {
      title: 'Ultima esecuzione',
      status: {
        optimal: 'Ottimale: il minimo di pause, dimostrato',
        feasible: 'Una pianificazione, con un limite inferiore dimostrato sulle pause',
        infeasible: 'Non esiste alcuna pianificazione',
        unknown: 'Nessuna pianificazione trovata nel tempo massimo',
      } as Record<string, string>,
      runStatus: {
        queued: 'In coda',
        running: 'In corso',
        done: 'Pronta da esaminare',
        failed: 'Non riuscita',
        applied: 'Applicata',
        discarded: 'Scartata',
      } as Record<string, string>,
      placed: (placed: number, requested: number) => `${placed} su ${requested} incontri collocati`,
      breaks: (breaks: number, bound: number) => `Pause: ${breaks} (limite inferiore dimostrato ${bound})`,
      waits: (n: number) => `${plural(n, 'fascia di attesa', 'fasce di attesa')} tra incontri nelle sessioni`,
      seconds: (s: string) => `${s} s`,
      unplacedTitle: 'Richieste non collocate',
      unplacedNone: 'Tutte le richieste accettate sono collocate.',
      breaksTitle: 'Fasce di attesa per partecipante',
      breaksNone: 'Nessun partecipante attende tra due incontri.',
      more: (n: number) => `e altri ${n}`,
      differenceTitle: 'Differenza con la pianificazione attuale',
      difference: (added: number, moved: number, removed: number, unchanged: number) =>
        `${added} aggiunti, ${moved} spostati, ${removed} rimossi, ${unchanged} invariati`,
      kind: { added: 'Aggiunto', moved: 'Spostato', removed: 'Rimosso' } as Record<string, string>,
      stale: (parts: string) =>
        `Cambiato da questa esecuzione: ${parts}. Non può più essere applicata; rieseguite.`,
      apply: 'Applica questa pianificazione',
      applyTitle: 'Applicare questa pianificazione?',
      applyBody:
        'La pianificazione attuale è sostituita da quella di questa esecuzione: gli incontri aggiunti sono creati, quelli spostati cambiano fascia o tavolo, quelli rimossi sono eliminati. Gli incontri pubblicati spostati compaiono nella prossima revisione delle agende.',
      applyConfirm: 'Applica',
      applyFailed: 'Impossibile applicare l’esecuzione',
      discard: 'Scarta',
      discardTitle: 'Scartare questa esecuzione?',
      discardBody: 'Il suo risultato resta nella cronologia ma non può più essere applicato.',
      discardConfirm: 'Scarta',
      discardFailed: 'Impossibile scartare l’esecuzione',
    },
    meetings: {
      title: 'Pianificazione attuale',
      empty: 'Nessun incontro ancora pianificato.',
      when: 'Quando',
      table: 'Tavolo',
      between: 'Partecipanti',
      status: 'Stato',
      published: 'Pubblicato',
      draft: 'Non pubblicato',
      noTable: 'Senza tavolo',
      statuses: {
        scheduled: 'Pianificato',
        held: 'Svolto',
        no_show: 'Assenza',
        cancelled: 'Annullato',
      } as Record<string, string>,
      shown: (shown: number, total: number) => `${shown} su ${total} incontri`,
      showMore: 'Mostra altri',
    },
    history: {
      title: 'Cronologia delle esecuzioni',
      empty: 'Ancora nessuna esecuzione.',
      started: 'Avviata',
      mode: 'Modalità',
      status: 'Stato',
      result: 'Risultato',
      open: 'Mostra',
    },
  },
};
