/** Greek strings of an event's scheduling tab (first draft; to be reviewed by a native speaker). */
import type { enEventsSchedule } from './en-events-schedule.ts';
import type { Messages } from './types.ts';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const elEventsSchedule: Pick<Messages, keyof typeof enEventsSchedule> = {
  eventSchedule: {
    title: 'Προγραμματισμός',
    organisersOnly: 'Μόνο οι διοργανωτές της εκδήλωσης προγραμματίζουν τις συναντήσεις της.',
    loading: 'Φόρτωση του προγράμματος',
    loadFailed: 'Δεν ήταν δυνατή η φόρτωση του προγράμματος',
    capacity: {
      title: 'Χωρητικότητα',
      requests: (n: number) =>
        plural(n, 'αποδεκτό αίτημα προς τοποθέτηση', 'αποδεκτά αιτήματα προς τοποθέτηση'),
      room: (tables: number, slots: number, capacity: number) =>
        `${plural(tables, 'τραπέζι', 'τραπέζια')} × ${plural(slots, 'χρονοθυρίδα', 'χρονοθυρίδες')} = ${plural(capacity, 'συνάντηση', 'συναντήσεις')} το πολύ`,
      participants: (n: number) => plural(n, 'εγκεκριμένος συμμετέχων', 'εγκεκριμένοι συμμετέχοντες'),
      fits: 'Με απλή καταμέτρηση, όλα τα αποδεκτά αιτήματα χωρούν.',
      over: 'Δεν χωρούν όλα τα αποδεκτά αιτήματα: ο προγραμματιστής τοποθετεί πρώτα τις υψηλότερες προτεραιότητες.',
      timeZone: (zone: string) => `Ώρες σε ${zone}`,
    },
    publication: {
      published: (when: string, revision: number) =>
        `Δημοσιεύτηκε στις ${when} (αναθεώρηση ατζέντας ${revision})`,
      notPublished: 'Δεν έχει δημοσιευτεί ακόμη: οι συμμετέχοντες δεν βλέπουν τις ατζέντες τους.',
      rescheduleNeeded: (unscheduled: number, cancelled: number) =>
        `Από τη δημοσίευση: ${plural(unscheduled, 'αποδεκτό αίτημα χωρίς συνάντηση', 'αποδεκτά αιτήματα χωρίς συνάντηση')}, ${plural(cancelled, 'ακυρωμένη συνάντηση', 'ακυρωμένες συναντήσεις')}. Εκτελέστε επαναπρογραμματισμό: οι δημοσιευμένες συναντήσεις μένουν στη θέση τους.`,
      stale: (parts: string) =>
        `Άλλαξε από την εφαρμοσμένη εκτέλεση: ${parts}. Εκτελέστε ξανά τον προγραμματιστή πριν από τη δημοσίευση.`,
      publish: 'Δημοσίευση του προγράμματος',
      publishTitle: 'Δημοσίευση του προγράμματος;',
      publishBody: (n: number) =>
        `${plural(n, 'συνάντηση', 'συναντήσεις')} μπαίνουν στις ατζέντες των συμμετεχόντων. Οι μεταγενέστερες αλλαγές γίνονται με επαναπρογραμματισμό, που κρατά τις δημοσιευμένες συναντήσεις.`,
      publishConfirm: 'Δημοσίευση',
      publishFailed: 'Δεν ήταν δυνατή η δημοσίευση του προγράμματος',
      publishedNow: 'Το πρόγραμμα δημοσιεύτηκε.',
    },
    run: {
      title: 'Εκτέλεση του προγραμματιστή',
      mode: 'Τι θα προγραμματιστεί',
      modes: {
        full: 'Όλο το πρόγραμμα',
        reschedule: 'Επαναπρογραμματισμός (οι δημοσιευμένες μένουν, ελάχιστες αλλαγές)',
      } as Record<string, string>,
      timeLimit: 'Χρονικό όριο (δευτερόλεπτα)',
      timeLimitHint: 'Από 5 έως 300. Ο προγραμματιστής σταματά στο όριο με το καλύτερο πρόγραμμα που βρήκε.',
      timeLimitInvalid: 'Δώστε ακέραιο αριθμό δευτερολέπτων από 5 έως 300',
      start: 'Εκτέλεση του προγραμματιστή',
      startFailed: 'Δεν ήταν δυνατή η έναρξη της εκτέλεσης',
      running: 'Σε εξέλιξη',
      queued: 'Αναμονή για τον προγραμματιστή',
      progress: 'Πρόοδος της εκτέλεσης του προγραμματιστή',
    },
    result: {
      title: 'Τελευταία εκτέλεση',
      status: {
        optimal: 'Βέλτιστο: τα λιγότερα κενά, αποδεδειγμένα',
        feasible: 'Ένα πρόγραμμα, με αποδεδειγμένο κάτω όριο κενών',
        infeasible: 'Δεν υπάρχει πρόγραμμα',
        unknown: 'Δεν βρέθηκε πρόγραμμα εντός του χρονικού ορίου',
      } as Record<string, string>,
      runStatus: {
        queued: 'Σε αναμονή',
        running: 'Σε εξέλιξη',
        done: 'Έτοιμο για έλεγχο',
        failed: 'Απέτυχε',
        applied: 'Εφαρμόστηκε',
        discarded: 'Απορρίφθηκε',
      } as Record<string, string>,
      placed: (placed: number, requested: number) => `${placed} από ${requested} συναντήσεις τοποθετήθηκαν`,
      breaks: (breaks: number, bound: number) => `Κενά: ${breaks} (αποδεδειγμένο κάτω όριο ${bound})`,
      waits: (n: number) =>
        `${plural(n, 'χρονοθυρίδα αναμονής', 'χρονοθυρίδες αναμονής')} ανάμεσα σε συναντήσεις μέσα στις συνεδρίες`,
      seconds: (s: string) => `${s} s`,
      unplacedTitle: 'Αιτήματα που δεν τοποθετήθηκαν',
      unplacedNone: 'Όλα τα αποδεκτά αιτήματα τοποθετήθηκαν.',
      breaksTitle: 'Χρονοθυρίδες αναμονής ανά συμμετέχοντα',
      breaksNone: 'Κανείς συμμετέχων δεν περιμένει ανάμεσα σε δύο συναντήσεις.',
      more: (n: number) => `και ${n} ακόμη`,
      differenceTitle: 'Διαφορά από το τρέχον πρόγραμμα',
      difference: (added: number, moved: number, removed: number, unchanged: number) =>
        `${added} προστέθηκαν, ${moved} μετακινήθηκαν, ${removed} αφαιρέθηκαν, ${unchanged} αμετάβλητες`,
      kind: { added: 'Προστέθηκε', moved: 'Μετακινήθηκε', removed: 'Αφαιρέθηκε' } as Record<string, string>,
      stale: (parts: string) =>
        `Άλλαξε από αυτή την εκτέλεση: ${parts}. Δεν μπορεί πλέον να εφαρμοστεί· εκτελέστε ξανά.`,
      apply: 'Εφαρμογή αυτού του προγράμματος',
      applyTitle: 'Εφαρμογή αυτού του προγράμματος;',
      applyBody:
        'Το τρέχον πρόγραμμα αντικαθίσταται από αυτό της εκτέλεσης: οι νέες συναντήσεις δημιουργούνται, όσες μετακινούνται αλλάζουν χρονοθυρίδα ή τραπέζι, όσες αφαιρούνται διαγράφονται. Οι δημοσιευμένες που μετακινούνται εμφανίζονται στην επόμενη αναθεώρηση των ατζεντών.',
      applyConfirm: 'Εφαρμογή',
      applyFailed: 'Δεν ήταν δυνατή η εφαρμογή της εκτέλεσης',
      discard: 'Απόρριψη',
      discardTitle: 'Απόρριψη αυτής της εκτέλεσης;',
      discardBody: 'Το αποτέλεσμά της μένει στο ιστορικό αλλά δεν μπορεί πλέον να εφαρμοστεί.',
      discardConfirm: 'Απόρριψη',
      discardFailed: 'Δεν ήταν δυνατή η απόρριψη της εκτέλεσης',
    },
    meetings: {
      title: 'Τρέχον πρόγραμμα',
      empty: 'Δεν έχει προγραμματιστεί ακόμη καμία συνάντηση.',
      when: 'Πότε',
      table: 'Τραπέζι',
      between: 'Συμμετέχοντες',
      status: 'Κατάσταση',
      published: 'Δημοσιευμένη',
      draft: 'Μη δημοσιευμένη',
      noTable: 'Χωρίς τραπέζι',
      statuses: {
        scheduled: 'Προγραμματισμένη',
        held: 'Πραγματοποιήθηκε',
        no_show: 'Απουσία',
        cancelled: 'Ακυρώθηκε',
      } as Record<string, string>,
      shown: (shown: number, total: number) => `${shown} από ${total} συναντήσεις`,
      showMore: 'Περισσότερα',
    },
    history: {
      title: 'Ιστορικό εκτελέσεων',
      empty: 'Καμία εκτέλεση ακόμη.',
      started: 'Έναρξη',
      mode: 'Τρόπος',
      status: 'Κατάσταση',
      result: 'Αποτέλεσμα',
      open: 'Προβολή',
    },
  },
};
