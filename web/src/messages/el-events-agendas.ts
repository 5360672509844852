/** Greek strings of the agendas of B2B events (first draft; to be reviewed by a native speaker). */
import type { enEventAgendas } from './en-events-agendas.ts';
import type { Messages } from './types.ts';

export const elEventAgendas: Pick<Messages, keyof typeof enEventAgendas> = {
  eventAgendas: {
    myTitle: 'Το πρόγραμμά μου',
    notRegistered: 'Ο οργανισμός σας δεν είναι εγγεγραμμένος σε αυτή την εκδήλωση.',
    emptyTitle: 'Δεν υπάρχει ακόμη πρόγραμμα',
    emptyBeforePublication:
      'Το πρόγραμμά σας εμφανίζεται όταν οι διοργανωτές δημοσιεύσουν το χρονοδιάγραμμα.',
    emptyNoMeeting: 'Δεν έχει προγραμματιστεί καμία συνάντηση για εσάς.',
    timesIn: (zone: string) => `Ώρες σε ${zone}`,
    meetingCount: (n: number) => `${n} ${n === 1 ? 'συνάντηση' : 'συναντήσεις'}`,
    status: {
      scheduled: 'Προγραμματισμένη',
      held: 'Πραγματοποιήθηκε',
      no_show: 'Απουσία',
      cancelled: 'Ακυρώθηκε',
    },
    table: (number: number, name: string) =>
      name === `Table ${number}` ? `Τραπέζι ${number}` : `Τραπέζι ${number} · ${name}`,
    online: 'Διαδικτυακά',
    videoLink: 'Συμμετοχή στη βιντεοκλήση',
    meetingWith: (name: string) => `Συνάντηση με ${name}`,
    showProfile: (name: string) => `Προφίλ του ${name}`,
    profile: {
      description: 'Σχετικά',
      offers: 'Προσφέρει',
      lookingFor: 'Αναζητά',
      representatives: 'Εκπρόσωποι',
      website: 'Ιστότοπος',
      tags: 'Ετικέτες',
    },
    downloadPdf: 'Λήψη PDF',
    downloadIcs: 'Λήψη .ics',
    downloadFailed: 'Η λήψη του αρχείου απέτυχε. Δοκιμάστε ξανά.',
    subscribeTitle: 'Συνδρομή στο ημερολόγιό σας',
    subscribeBody:
      'Προσθέστε αυτή τη διεύθυνση ως συνδρομή στην εφαρμογή ημερολογίου σας: ακολουθεί κάθε αλλαγή του προγράμματός σας. Κρατήστε την ιδιωτική: όποιος την έχει μπορεί να διαβάσει το πρόγραμμά σας.',
    showFeed: 'Εμφάνιση της διεύθυνσης συνδρομής',
    feedLabel: 'Διεύθυνση συνδρομής ημερολογίου',
    copy: 'Αντιγραφή',
    copied: 'Αντιγράφηκε',
    openInCalendar: 'Άνοιγμα στο ημερολόγιο',
    revoke: 'Ανάκληση συνδέσμου',
    revokeTitle: 'Ανάκληση της διεύθυνσης συνδρομής;',
    revokeBody:
      'Τα ημερολόγια που είναι συνδρομητές στην τρέχουσα διεύθυνση σταματούν αμέσως να ενημερώνονται. Δημιουργείται νέα διεύθυνση.',
    revoked: 'Η παλιά διεύθυνση δεν λειτουργεί πλέον. Εγγραφείτε ξανά με τη νέα.',
    checkInTitle: 'Κωδικός check-in',
    checkInBody: 'Δείξτε αυτόν τον κωδικό στην υποδοχή.',
    checkInAlt: 'Κωδικός QR check-in',
    tabTitle: 'Προγράμματα',
    notPublished: 'Το χρονοδιάγραμμα δεν έχει δημοσιευτεί ακόμη: τα προγράμματα είναι κενά μέχρι τότε.',
    participantsTitle: 'Προγράμματα συμμετεχόντων',
    noParticipants: 'Δεν υπάρχει ακόμη εγκεκριμένος συμμετέχων.',
    participant: 'Συμμετέχων',
    country: 'Χώρα',
    meetings: 'Συναντήσεις',
    files: 'Αρχεία',
    pdfOf: (name: string) => `PDF προγράμματος του ${name}`,
    icsOf: (name: string) => `Αρχείο ημερολογίου του ${name}`,
    printTitle: 'Για εκτύπωση',
    allAgendasPdf: 'Όλα τα προγράμματα (PDF)',
    gridPdf: 'Πλέγμα εκδήλωσης (PDF)',
    tableCardsPdf: 'Κάρτες τραπεζιών (PDF)',
    gridTitle: 'Πλέγμα εκδήλωσης',
    gridAlt:
      'Το πλέγμα της εκδήλωσης: χρονοθυρίδες σε γραμμές, τραπέζια σε στήλες, οι δύο συμμετέχοντες κάθε συνάντησης',
    mailsTitle: 'Αποστολή προγραμμάτων',
    mailsBody:
      'Κάθε εγκεκριμένος συμμετέχων λαμβάνει το πρόγραμμά του με e-mail, με συνημμένο το αρχείο ημερολογίου και τη διεύθυνση συνδρομής του.',
    sendMails: 'Αποστολή προγραμμάτων με e-mail',
    mailsRunning: (percent: number) => `Αποστολή… ${percent}%`,
    mailsDone: (message: string) => message,
    mailsFailed: (error: string) => `Η αποστολή των e-mail απέτυχε: ${error}`,
  },
};
