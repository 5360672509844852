/** Greek strings of issue 23 (market surveys) (first draft; to be reviewed by a native speaker). */
import type { enMarketSurveys } from './en-market-surveys.ts';
import type { Messages } from './types.ts';

export const elMarketSurveys: Pick<Messages, keyof typeof enMarketSurveys> = {
  marketSurveys: {
    title: 'Έρευνες αγοράς',
    findingsTitle: 'Ευρήματα ερευνών αγοράς',
    findingsIntro:
      'Ό,τι έδειξαν οι έρευνες αγοράς, η έρευνα γραφείου και οι επισκέψεις για αυτή την αγορά, από το πιο πρόσφατο.',
    loading: 'Φόρτωση ευρημάτων…',
    loadError: 'Δεν ήταν δυνατή η φόρτωση των ευρημάτων.',
    emptyTitle: 'Δεν υπάρχουν ακόμη ευρήματα',
    emptyBodyEditor:
      'Προσθέστε ό,τι σας έμαθε για αυτή την αγορά μια έρευνα αγοράς, μια έρευνα γραφείου ή μια επίσκεψη.',
    emptyBodyReader: 'Όταν η σύμπραξη μάθει κάτι για αυτή την αγορά, θα εμφανιστεί εδώ.',
    add: 'Προσθήκη ευρήματος',
    addTitle: 'Προσθήκη ευρήματος',
    editTitle: 'Επεξεργασία ευρήματος',
    edit: (title) => `Επεξεργασία «${title}»`,
    remove: (title) => `Διαγραφή «${title}»`,
    editShort: 'Επεξεργασία',
    removeShort: 'Διαγραφή',
    deleteTitle: 'Διαγραφή αυτού του ευρήματος;',
    deleteBody: (title) =>
      `Το «${title}» θα αφαιρεθεί από τον φάκελο της αγοράς. Το αρχείο ελέγχου διατηρεί καταγραφή του.`,
    deleteConfirm: 'Διαγραφή ευρήματος',
    deleteFailed: 'Δεν ήταν δυνατή η διαγραφή του ευρήματος.',
    saveFailed: 'Δεν ήταν δυνατή η αποθήκευση του ευρήματος.',
    conflictBody:
      'Κάποιος άλλαξε αυτό το εύρημα αφού το ανοίξατε. Φορτώστε το ξανά και επαναλάβετε την αλλαγή σας.',
    fieldTitle: 'Τίτλος',
    fieldBody: 'Τι διαπιστώθηκε',
    fieldBodyHint: 'Απλό κείμενο· οι αλλαγές γραμμής διατηρούνται.',
    fieldWave: 'Από την έρευνα αγοράς',
    fieldWaveHint:
      'Ένα από τα κύματα έρευνας αυτής της αγοράς· αφήστε το κενό για έρευνα γραφείου ή επίσκεψη.',
    noWave: 'Κανένα: έρευνα γραφείου ή επίσκεψη',
    noWaves: 'Αυτή η αγορά δεν έχει ακόμη κύμα έρευνας.',
    create: 'Προσθήκη του ευρήματος',
    save: 'Αποθήκευση ευρήματος',
    titleRequired: 'Δώστε τίτλο στο εύρημα',
    tooLong: (max) => `Έως ${max} χαρακτήρες`,
    fromWave: 'Από την έρευνα',
    fromElsewhere: 'Έρευνα γραφείου ή επίσκεψη',
    added: (date) => `Προστέθηκε στις ${date}`,
    addedBy: (name, date) => `Προστέθηκε από ${name} στις ${date}`,
    showMore: 'Περισσότερα ευρήματα',
    count: (shown, total) => `${shown} από ${total} ευρήματα`,
  },
};
