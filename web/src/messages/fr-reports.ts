/** French UI strings of the funder reports page (machine-made first draft; to be reviewed by a French-speaking partner). */
import type { enReports } from './en-reports.ts';
import type { Messages } from './types.ts';

export const frReports: Pick<Messages, keyof typeof enReports> = {
  reports: {
    title: 'Rapports aux financeurs',
    intro:
      'Un rapport pour une période : la synthèse, les KPI par rapport à leurs objectifs, le budget par source de financement et par catégorie de coûts, et la liste des activités. Il est produit en arrière-plan ; vous pouvez quitter cette page et y revenir.',
    forbiddenTitle: 'Les rapports aux financeurs sont réservés aux rôles qui voient les budgets',
    formTitle: 'Nouveau rapport',
    from: 'Du',
    to: 'Au',
    format: 'Format',
    formats: { pdf: 'PDF', xlsx: 'Excel (XLSX)' },
    formatDescriptions: {
      pdf: 'Pour lire et envoyer : couverture, tableaux et graphiques.',
      xlsx: 'Pour travailler : une feuille par section, les nombres comme nombres.',
    },
    generate: 'Produire le rapport',
    generating: 'Démarrage…',
    required: 'Saisissez une date',
    invalidDate: 'Saisissez une date au format AAAA-MM-JJ',
    toBeforeFrom: 'Ne doit pas précéder la date de début',
    tooLong: 'Un rapport couvre au plus 10 ans',
    startFailed: 'Le rapport n’a pas pu être lancé',
    listTitle: 'Rapports',
    listCaption: 'Rapports de cet espace de travail, du plus récent au plus ancien',
    loading: 'Chargement des rapports…',
    loadError: 'Les rapports n’ont pas pu être chargés',
    emptyTitle: 'Aucun rapport pour l’instant',
    emptyBody: 'Choisissez une période et un format ci-dessus, puis Produire le rapport.',
    requested: 'Demandé le',
    period: 'Période',
    status: 'Statut',
    progress: 'Avancement',
    file: 'Fichier',
    periodText: (from, to) => `du ${from} au ${to}`,
    statuses: {
      queued: 'En attente',
      running: 'En cours',
      succeeded: 'Prêt',
      failed: 'Échec',
    },
    progressLabel: (period) => `Avancement du rapport ${period}`,
    download: (format) => `Télécharger ${format}`,
    downloadLabel: (visible, name) => `${visible} : ${name}`,
    failedBecause: (error) => `Échec : ${error}`,
    loadMore: 'Afficher les rapports plus anciens',
  },
};
