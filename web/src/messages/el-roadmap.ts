/** Greek strings of issue 23 (roadmap) (first draft; to be reviewed by a native speaker). */
import type { enRoadmap } from './en-roadmap.ts';
import type { Messages } from './types.ts';

export const elRoadmap: Pick<Messages, keyof typeof enRoadmap> = {
  roadmap: {
    title: 'Προτεινόμενος οδικός χάρτης',
    intro:
      'Τα μέσα και οι ποσότητες με τη μεγαλύτερη αναμενόμενη αξία για αυτή την αγορά εντός του ανώτατου προϋπολογισμού, ανά φάση, με την αιτία κάθε επιλογής.',
    budget: 'Ανώτατος προϋπολογισμός',
    budgetSlider: 'Ρυθμιστής ανώτατου προϋπολογισμού',
    budgetEur: 'Ανώτατος προϋπολογισμός (EUR)',
    budgetRange: 'Δώστε όριο μεγαλύτερο από το μηδέν, έως 10.000.000',
    from: 'Από',
    to: 'Έως',
    loading: 'Υπολογισμός της πρότασης…',
    updating: 'Ενημέρωση…',
    loadError: 'Η πρόταση δεν μπόρεσε να υπολογιστεί',
    noMembers:
      'Κανένα μέλος δεν ενδιαφέρεται ακόμη για αυτή την αγορά: δεν υπάρχει τίποτα να προταθεί. Προσθέστε πρώτα τη χώρα στις αγορές-στόχους των μελών.',
    nothingFits: 'Τίποτα δεν χωρά σε αυτό το όριο: αυξήστε το για να δείτε μια πρόταση.',
    chosen: 'Προτεινόμενα μέσα',
    rejected: 'Εκτός',
    instrument: 'Μέσο',
    phase: 'Φάση',
    quantity: 'Ποσότητα',
    cost: 'Κόστος',
    why: 'Γιατί',
    expectedKpis: 'Αναμενόμενοι KPI',
    budgetLines: 'Γραμμές προϋπολογισμού',
    assumedCost: 'Εκτιμώμενο κόστος: το D4.2 δεν δίνει ποσό',
    fromHistory: 'Τιμές από τις προηγούμενες δραστηριότητές σας',
    fromCatalogue: 'Προεπιλεγμένες τιμές του καταλόγου',
    total: (cost: string, cap: string) => `${cost} από ${cap}`,
    totalLabel: 'Σύνολο έναντι του ορίου',
    expectedValue: (value: string) => `Αναμενόμενη αξία: ${value} μονάδες`,
    proofOptimal: (states: string, ms: string) =>
      `Αποδεδειγμένα βέλτιστο: καμία άλλη επιλογή εντός του ορίου δεν έχει μεγαλύτερη αναμενόμενη αξία (${states} μερικές επιλογές συγκρίθηκαν σε ${ms} ms).`,
    facts: (members: string, contacts: string, partners: string) =>
      `${members} ενδιαφερόμενα μέλη · ${contacts} επαφές εκεί · ${partners} εταίροι εκεί`,
    notReady: 'Τα περισσότερα ενδιαφερόμενα μέλη δεν είναι ακόμη έτοιμα: πρώτα τα προπαρασκευαστικά μέσα.',
    quantityUnits: {
      units: (n: string) => `${n} μονάδες`,
      months: (n: string) => `${n} μήνες`,
      entities: (n: string) => `${n} φορείς`,
    },
    reasons: {
      best_value_per_euro: 'Καλύτερη αξία ανά ευρώ',
      prepares_members: 'Προετοιμάζει μέλη που δεν είναι ακόμη έτοιμα',
      opens_the_way: (names: string) => `Ανοίγει τον δρόμο για ${names}`,
      max_quantity: 'Όσα έχουν νόημα στην περίοδο',
      diminishing_returns: 'Περισσότερα θα απέδιδαν λιγότερα από όσα κοστίζουν (φθίνουσες αποδόσεις)',
      budget_limit: 'Περισσότερα θα ξεπερνούσαν το όριο',
      over_budget: 'Εκτός προϋπολογισμού',
      members_not_ready: 'Μέλη μη έτοιμα',
      no_partners_there: 'Δεν υπάρχουν ακόμη εταίροι εκεί',
      needs_contacts_first: 'Χρειάζονται πρώτα επαφές',
      needs_interested_members: 'Χρειάζονται ενδιαφερόμενα μέλη',
      needs_earlier_phase: 'Χρειάζεται πρώτα ένα μέσο της προηγούμενης φάσης',
      lower_value_per_euro: (name: string) => `Μικρότερη αξία ανά ευρώ από ${name}`,
      no_units_in_period: 'Δεν χωρά στην περίοδο',
    },
    accept: 'Αποδοχή σε σχέδιο',
    acceptTitle: 'Αποδοχή της πρότασης σε σχέδιο',
    acceptBody: (activities: string, cost: string) =>
      `Δημιουργείται πρόχειρο σχέδιο σε αυτή την αγορά με τα προτεινόμενα μέσα, χρονολογημένες δραστηριότητες στην περίοδο και τις εκτιμώμενες γραμμές προϋπολογισμού τους (${activities} μέσα, ${cost}).`,
    planName: 'Όνομα σχεδίου',
    defaultPlanName: (market: string, year: string) => `${market} ${year} (προτεινόμενο)`,
    create: 'Δημιουργία σχεδίου',
    cancel: 'Ακύρωση',
    acceptFailed: 'Το σχέδιο δεν μπόρεσε να δημιουργηθεί',
    nameRequired: 'Δώστε όνομα στο σχέδιο',
  },
};
