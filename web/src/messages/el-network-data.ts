import type { enNetworkData } from './en-network-data.ts';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Greek UI strings of the network's imports, vCards and personal data (see en-network-data.ts). */
export const elNetworkData: typeof enNetworkData = {
  networkData: {
    networkSection: 'Δίκτυο',
    nav: 'Εισαγωγή και προσωπικά δεδομένα',
    title: 'Εισαγωγή δικτύου και προσωπικά δεδομένα',
    intro:
      'Εισαγάγετε οργανισμούς και πρόσωπα του δικτύου από υπολογιστικό φύλλο ή από vCard, κατεβάστε vCard και απαντήστε στο αίτημα ενός προσώπου να δει ή να διαγράψει τα δεδομένα του.',
    importOrganisations: 'Εισαγωγή οργανισμών δικτύου',
    importPeople: 'Εισαγωγή προσώπων δικτύου',
    personTitle: 'Τα δεδομένα ενός προσώπου',
    personHint:
      'Επιλέξτε ένα πρόσωπο του δικτύου για να κατεβάσετε την vCard του, να εξαγάγετε ή να διαγράψετε τα δεδομένα του.',
    kinds: { networkOrganisations: 'Οργανισμοί δικτύου', networkPeople: 'Πρόσωπα δικτύου' },
    titleOf: {
      networkOrganisations: 'Εισαγωγή οργανισμών δικτύου',
      networkPeople: 'Εισαγωγή προσώπων δικτύου',
    },
    created: (n, kind) =>
      kind === 'networkOrganisations'
        ? `Εισήχθησαν ${count(n, 'οργανισμός δικτύου', 'οργανισμοί δικτύου')}.`
        : `Εισήχθησαν ${count(n, 'πρόσωπο δικτύου', 'πρόσωπα δικτύου')}.`,
    backToNetwork: 'Εισαγωγή δικτύου και προσωπικά δεδομένα',
    fields: {
      networkOrganisations: {
        name: 'Επωνυμία',
        type: 'Τύπος',
        country: 'Χώρα',
        city: 'Πόλη',
        website: 'Ιστότοπος',
        spaceSegments: 'Διαστημικοί τομείς',
        melca: 'Πεδία MELCA',
        tags: 'Ετικέτες',
        notes: 'Σημειώσεις',
        ownerCluster: 'Υπεύθυνο σύμπλεγμα',
      },
      networkPeople: {
        name: 'Ονοματεπώνυμο',
        email: 'E-mail',
        phone: 'Τηλέφωνο',
        roleTitle: 'Θέση',
        language: 'Γλώσσα',
        organisation: 'Οργανισμός',
        consentBasis: 'Νομική βάση',
        consentOn: 'Ημερομηνία συγκατάθεσης',
        consentSource: 'Πηγή συγκατάθεσης',
        notes: 'Σημειώσεις',
      },
    },
    vcards: {
      download: 'Λήψη vCard',
      downloadTitle: 'Λήψη όλων των προσώπων του δικτύου ως vCard (.vcf)',
      import: 'Εισαγωγή vCard',
      drawerTitle: 'Εισαγωγή vCard',
      intro:
        'Ένα αρχείο .vcf από βιβλίο διευθύνσεων (vCard 3.0 ή 4.0, UTF-8, έως 1 MB και 5.000 κάρτες). Τίποτα δεν αποθηκεύεται πριν από την εισαγωγή μετά τον έλεγχο.',
      chooseFile: 'Επιλογή αρχείου .vcf',
      noFile: 'Δεν επιλέχθηκε αρχείο',
      tooBig: 'Το αρχείο υπερβαίνει το 1 MB. Χωρίστε το σε μικρότερα αρχεία.',
      country: 'Χώρα των νέων οργανισμών',
      countryHint:
        'Οι οργανισμοί των καρτών που δεν υπάρχουν ακόμη στο δίκτυο δημιουργούνται σε αυτή τη χώρα.',
      onDuplicate: 'Κάρτα με το e-mail καταχωρισμένου προσώπου',
      skip: 'Παράλειψη',
      update: 'Ενημέρωση του προσώπου',
      check: 'Έλεγχος των καρτών',
      checking: 'Έλεγχος…',
      checkFailed: 'Δεν ήταν δυνατός ο έλεγχος του αρχείου',
      summary: (create, update, skip, invalid) =>
        `${create} προς δημιουργία, ${update} προς ενημέρωση, ${skip} παραλείπονται, ${invalid} με σφάλματα`,
      cardsCaption: 'Οι κάρτες του αρχείου και τι κάνει η εισαγωγή με την καθεμία',
      name: 'Όνομα',
      email: 'E-mail',
      organisation: 'Οργανισμός',
      action: 'Ενέργεια',
      problems: 'Προβλήματα',
      newOrganisation: 'νέος',
      actions: {
        create: 'Δημιουργία',
        update: 'Ενημέρωση',
        skip: 'Παράλειψη (διπλότυπο)',
        invalid: 'Δεν εισάγεται',
      },
      importCards: (n) => `Εισαγωγή ${count(n, 'κάρτας', 'καρτών')}`,
      importing: 'Εισαγωγή…',
      importFailed: 'Η εισαγωγή απέτυχε· δεν αποθηκεύτηκε τίποτα',
      imported: (created, updated) =>
        `Δημιουργήθηκαν ${count(created, 'πρόσωπο', 'πρόσωπα')}, ενημερώθηκαν ${updated}.`,
      close: 'Κλείσιμο',
    },
    panel: {
      title: 'Προσωπικά δεδομένα',
      downloadVCard: 'Λήψη vCard',
      exportData: 'Εξαγωγή προσωπικών δεδομένων',
      exportHint: 'Ό,τι τηρείται για αυτό το πρόσωπο, ως αρχείο JSON (αίτημα πρόσβασης ΓΚΠΔ).',
      erase: 'Διαγραφή αυτού του προσώπου',
      eraseTitle: 'Διαγραφή αυτού του προσώπου;',
      eraseWarning:
        'Το όνομα γίνεται «Διαγραμμένο πρόσωπο» και τα στοιχεία επικοινωνίας, οι σημειώσεις και η συγκατάθεση διαγράφονται, και από το αρχείο ελέγχου. Οι αλληλεπιδράσεις μένουν, άρα οι μετρήσεις δεν αλλάζουν. Δεν αναιρείται.',
      eraseConfirm: (name) => `Πληκτρολογήστε «${name}» για επιβεβαίωση`,
      eraseMismatch: 'Δεν είναι το όνομα του προσώπου',
      eraseButton: 'Διαγραφή',
      cancel: 'Ακύρωση',
      erased: 'Το πρόσωπο διαγράφηκε: διατηρείται μόνο η ανωνυμοποιημένη εγγραφή.',
      erasedDone: 'Το πρόσωπο διαγράφηκε.',
      eraseFailed: 'Δεν ήταν δυνατή η διαγραφή του προσώπου',
      coordinatorsOnly: 'Μόνο οι συντονιστές εξάγουν ή διαγράφουν τα δεδομένα ενός προσώπου.',
    },
  },
};
