/** French strings of issue 23 (roadmap) (first draft; to be reviewed by a native speaker). */
import type { enRoadmap } from './en-roadmap.ts';
import type { Messages } from './types.ts';

export const frRoadmap: Pick<Messages, keyof typeof enRoadmap> = {
  roadmap: {
    title: 'Feuille de route recommandée',
    intro:
      'Les instruments et quantités qui apportent la plus grande valeur attendue pour ce marché dans le plafond budgétaire, par phase, avec la raison de chaque choix.',
    budget: 'Plafond budgétaire',
    budgetSlider: 'Curseur du plafond budgétaire',
    budgetEur: 'Plafond budgétaire (EUR)',
    budgetRange: 'Indiquez un plafond supérieur à zéro, au plus 10 000 000',
    from: 'Du',
    to: 'Au',
    loading: 'Calcul de la recommandation…',
    updating: 'Mise à jour…',
    loadError: "La recommandation n'a pas pu être calculée",
    noMembers:
      "Aucun membre ne s'intéresse encore à ce marché : il n'y a rien à recommander. Ajoutez d'abord le pays aux marchés cibles des membres.",
    nothingFits: 'Rien ne tient dans ce plafond : augmentez-le pour voir une recommandation.',
    chosen: 'Instruments recommandés',
    rejected: 'Écartés',
    instrument: 'Instrument',
    phase: 'Phase',
    quantity: 'Quantité',
    cost: 'Coût',
    why: 'Pourquoi',
    expectedKpis: 'KPI attendus',
    budgetLines: 'Lignes budgétaires',
    assumedCost: 'Coût supposé : la D4.2 ne donne pas de chiffre',
    fromHistory: 'Valeurs tirées de vos activités passées',
    fromCatalogue: 'Valeurs par défaut du catalogue',
    total: (cost: string, cap: string) => `${cost} sur ${cap}`,
    totalLabel: 'Total par rapport au plafond',
    expectedValue: (value: string) => `Valeur attendue : ${value} points`,
    proofOptimal: (states: string, ms: string) =>
      `Optimum prouvé : aucun autre choix dans le plafond n'a une plus grande valeur attendue (${states} choix partiels comparés en ${ms} ms).`,
    facts: (members: string, contacts: string, partners: string) =>
      `${members} membres intéressés · ${contacts} contacts sur place · ${partners} partenaires sur place`,
    notReady:
      'La plupart des membres intéressés ne sont pas encore prêts : les instruments préparatoires passent en premier.',
    quantityUnits: {
      units: (n: string) => `${n} unités`,
      months: (n: string) => `${n} mois`,
      entities: (n: string) => `${n} entités`,
    },
    reasons: {
      best_value_per_euro: 'Meilleure valeur par euro',
      prepares_members: 'Prépare les membres qui ne sont pas encore prêts',
      opens_the_way: (names: string) => `Ouvre la voie à ${names}`,
      max_quantity: 'Autant que la période le justifie',
      diminishing_returns: 'Davantage rapporterait moins que son coût (rendements décroissants)',
      budget_limit: 'Davantage dépasserait le plafond',
      over_budget: 'Hors budget',
      members_not_ready: 'Membres pas prêts',
      no_partners_there: 'Pas encore de partenaires sur place',
      needs_contacts_first: "Il faut d'abord des contacts",
      needs_interested_members: 'Il faut des membres intéressés',
      needs_earlier_phase: "Il faut d'abord un instrument de la phase précédente",
      lower_value_per_euro: (name: string) => `Moins de valeur par euro que ${name}`,
      no_units_in_period: 'Ne tient pas dans la période',
    },
    accept: 'Intégrer dans un plan',
    acceptTitle: 'Intégrer la recommandation dans un plan',
    acceptBody: (activities: string, cost: string) =>
      `Un plan brouillon est créé sur ce marché avec les instruments recommandés, des activités datées sur la période et leurs lignes budgétaires estimées (${activities} instruments, ${cost}).`,
    planName: 'Nom du plan',
    defaultPlanName: (market: string, year: string) => `${market} ${year} (recommandé)`,
    create: 'Créer le plan',
    cancel: 'Annuler',
    acceptFailed: "Le plan n'a pas pu être créé",
    nameRequired: 'Donnez un nom au plan',
  },
};
