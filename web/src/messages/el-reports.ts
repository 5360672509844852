/** Greek UI strings of the funder reports page (see en-reports.ts; glossary in el.ts). */
import type { enReports } from './en-reports.ts';
import type { Messages } from './types.ts';

export const elReports: Pick<Messages, keyof typeof enReports> = {
  reports: {
    title: 'Εκθέσεις χρηματοδότη',
    intro:
      'Μια έκθεση για μια περίοδο: η σύνοψη, τα KPI έναντι των στόχων τους, ο προϋπολογισμός ανά πηγή χρηματοδότησης και κατηγορία κόστους και η λίστα των δράσεων. Συντάσσεται στο παρασκήνιο· μπορείτε να φύγετε από αυτή τη σελίδα και να επιστρέψετε.',
    forbiddenTitle: 'Οι εκθέσεις χρηματοδότη είναι για ρόλους που βλέπουν τους προϋπολογισμούς',
    formTitle: 'Νέα έκθεση',
    from: 'Από',
    to: 'Έως',
    format: 'Μορφή',
    formats: { pdf: 'PDF', xlsx: 'Excel (XLSX)' },
    formatDescriptions: {
      pdf: 'Για ανάγνωση και αποστολή: εξώφυλλο, πίνακες και γραφήματα.',
      xlsx: 'Για επεξεργασία: ένα φύλλο ανά ενότητα, οι αριθμοί ως αριθμοί.',
    },
    generate: 'Σύνταξη έκθεσης',
    generating: 'Έναρξη…',
    required: 'Εισαγάγετε ημερομηνία',
    invalidDate: 'Εισαγάγετε ημερομηνία ως ΕΕΕΕ-ΜΜ-ΗΗ',
    toBeforeFrom: 'Δεν πρέπει να είναι πριν από το «Από»',
    tooLong: 'Μια έκθεση καλύπτει έως 10 χρόνια',
    startFailed: 'Δεν ήταν δυνατή η έναρξη της έκθεσης',
    listTitle: 'Εκθέσεις',
    listCaption: 'Εκθέσεις αυτού του χώρου εργασίας, πρώτα οι νεότερες',
    loading: 'Φόρτωση εκθέσεων…',
    loadError: 'Δεν ήταν δυνατή η φόρτωση των εκθέσεων',
    emptyTitle: 'Δεν υπάρχουν ακόμη εκθέσεις',
    emptyBody: 'Επιλέξτε παραπάνω μια περίοδο και μια μορφή και πατήστε «Σύνταξη έκθεσης».',
    requested: 'Ζητήθηκε',
    period: 'Περίοδος',
    status: 'Κατάσταση',
    progress: 'Πρόοδος',
    file: 'Αρχείο',
    periodText: (from: string, to: string) => `${from} έως ${to}`,
    statuses: {
      queued: 'Σε αναμονή',
      running: 'Σε εξέλιξη',
      succeeded: 'Έτοιμη',
      failed: 'Απέτυχε',
    },
    progressLabel: (period: string) => `Πρόοδος της έκθεσης για ${period}`,
    download: (format: string) => `Λήψη ${format}`,
    downloadLabel: (visible: string, name: string) => `${visible}: ${name}`,
    failedBecause: (error: string) => `Απέτυχε: ${error}`,
    loadMore: 'Εμφάνιση παλαιότερων εκθέσεων',
  },
};
