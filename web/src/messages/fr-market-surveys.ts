/** French strings of issue 23 (market surveys) (first draft; to be reviewed by a native speaker). */
import type { enMarketSurveys } from './en-market-surveys.ts';
import type { Messages } from './types.ts';

export const frMarketSurveys: Pick<Messages, keyof typeof enMarketSurveys> = {
  marketSurveys: {
    title: 'Études de marché',
    findingsTitle: 'Constats des études de marché',
    findingsIntro:
      'Ce que les enquêtes de marché, les recherches documentaires et les visites ont appris sur ce marché, du plus récent au plus ancien.',
    loading: 'Chargement des constats…',
    loadError: 'Les constats n’ont pas pu être chargés.',
    emptyTitle: 'Aucun constat pour l’instant',
    emptyBodyEditor:
      'Ajoutez ce qu’une enquête de marché, une recherche documentaire ou une visite vous a appris sur ce marché.',
    emptyBodyReader: 'Quand le partenariat apprendra quelque chose sur ce marché, cela apparaîtra ici.',
    add: 'Ajouter un constat',
    addTitle: 'Ajouter un constat',
    editTitle: 'Modifier le constat',
    edit: (title) => `Modifier « ${title} »`,
    remove: (title) => `Supprimer « ${title} »`,
    editShort: 'Modifier',
    removeShort: 'Supprimer',
    deleteTitle: 'Supprimer ce constat ?',
    deleteBody: (title) =>
      `« ${title} » sera retiré du dossier du marché. Le journal d’audit en garde la trace.`,
    deleteConfirm: 'Supprimer le constat',
    deleteFailed: 'Le constat n’a pas pu être supprimé.',
    saveFailed: 'Le constat n’a pas pu être enregistré.',
    conflictBody:
      'Quelqu’un a modifié ce constat depuis que vous l’avez ouvert. Rechargez-le, puis refaites votre modification.',
    fieldTitle: 'Titre',
    fieldBody: 'Ce qui a été constaté',
    fieldBodyHint: 'Texte brut ; les retours à la ligne sont conservés.',
    fieldWave: 'Issu de l’enquête de marché',
    fieldWaveHint:
      'Une des vagues d’enquête de ce marché ; laissez vide pour une recherche documentaire ou une visite.',
    noWave: 'Aucune : recherche documentaire ou visite',
    noWaves: 'Ce marché n’a encore aucune vague d’enquête.',
    create: 'Ajouter le constat',
    save: 'Enregistrer le constat',
    titleRequired: 'Donnez un titre au constat',
    tooLong: (max) => `${max} caractères au plus`,
    fromWave: 'Issu de l’enquête',
    fromElsewhere: 'Recherche documentaire ou visite',
    added: (date) => `Ajouté le ${date}`,
    addedBy: (name, date) => `Ajouté par ${name} le ${date}`,
    showMore: 'Afficher plus de constats',
    count: (shown, total) => `${shown} constats sur ${total}`,
  },
};
