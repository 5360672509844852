import type { enNetworkData } from './en-network-data.ts';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** French UI strings of the network's imports, vCards and personal data (see en-network-data.ts). */
export const frNetworkData: typeof enNetworkData = {
  networkData: {
    networkSection: 'Réseau',
    nav: 'Import et données personnelles',
    title: 'Import du réseau et données personnelles',
    intro:
      'Importez des organisations et des personnes du réseau depuis un tableur ou des vCards, téléchargez des vCards, et répondez à la demande d’une personne de consulter ou d’effacer ses données.',
    importOrganisations: 'Importer des organisations du réseau',
    importPeople: 'Importer des personnes du réseau',
    personTitle: 'Les données d’une personne',
    personHint:
      'Choisissez une personne du réseau pour télécharger sa vCard, exporter ou effacer ses données.',
    kinds: { networkOrganisations: 'Organisations du réseau', networkPeople: 'Personnes du réseau' },
    titleOf: {
      networkOrganisations: 'Importer des organisations du réseau',
      networkPeople: 'Importer des personnes du réseau',
    },
    created: (n, kind) =>
      kind === 'networkOrganisations'
        ? `${count(n, 'organisation du réseau importée', 'organisations du réseau importées')}.`
        : `${count(n, 'personne du réseau importée', 'personnes du réseau importées')}.`,
    backToNetwork: 'Import du réseau et données personnelles',
    fields: {
      networkOrganisations: {
        name: 'Nom',
        type: 'Type',
        country: 'Pays',
        city: 'Ville',
        website: 'Site web',
        spaceSegments: 'Segments spatiaux',
        melca: 'Domaines MELCA',
        tags: 'Mots-clés',
        notes: 'Notes',
        ownerCluster: 'Pôle responsable',
      },
      networkPeople: {
        name: 'Nom',
        email: 'E-mail',
        phone: 'Téléphone',
        roleTitle: 'Fonction',
        language: 'Langue',
        organisation: 'Organisation',
        consentBasis: 'Base légale',
        consentOn: 'Date du consentement',
        consentSource: 'Source du consentement',
        notes: 'Notes',
      },
    },
    vcards: {
      download: 'Télécharger les vCards',
      downloadTitle: 'Télécharger toutes les personnes du réseau en vCards (.vcf)',
      import: 'Importer des vCards',
      drawerTitle: 'Importer des vCards',
      intro:
        'Un fichier .vcf d’un carnet d’adresses (vCard 3.0 ou 4.0, UTF-8, au plus 1 Mo et 5 000 cartes). Rien n’est enregistré avant l’import qui suit la vérification.',
      chooseFile: 'Choisir un fichier .vcf',
      noFile: 'Aucun fichier choisi',
      tooBig: 'Le fichier dépasse 1 Mo. Divisez-le en fichiers plus petits.',
      country: 'Pays des nouvelles organisations',
      countryHint:
        'Les organisations nommées sur les cartes qui ne sont pas encore dans le réseau sont créées dans ce pays.',
      onDuplicate: 'Une carte avec l’e-mail d’une personne enregistrée',
      skip: 'L’ignorer',
      update: 'Mettre la personne à jour',
      check: 'Vérifier les cartes',
      checking: 'Vérification…',
      checkFailed: 'Le fichier n’a pas pu être vérifié',
      summary: (create, update, skip, invalid) =>
        `${create} à créer, ${update} à mettre à jour, ${count(skip, 'ignorée', 'ignorées')}, ${invalid} avec erreurs`,
      cardsCaption: 'Les cartes du fichier et ce que l’import en fait',
      name: 'Nom',
      email: 'E-mail',
      organisation: 'Organisation',
      action: 'Action',
      problems: 'Problèmes',
      newOrganisation: 'nouvelle',
      actions: {
        create: 'Créer',
        update: 'Mettre à jour',
        skip: 'Ignorer (doublon)',
        invalid: 'Non importée',
      },
      importCards: (n) => `Importer ${count(n, 'carte', 'cartes')}`,
      importing: 'Import…',
      importFailed: 'L’import a échoué ; rien n’a été enregistré',
      imported: (created, updated) =>
        `${count(created, 'personne créée', 'personnes créées')}, ${updated} mise(s) à jour.`,
      close: 'Fermer',
    },
    panel: {
      title: 'Données personnelles',
      downloadVCard: 'Télécharger la vCard',
      exportData: 'Exporter les données personnelles',
      exportHint: 'Tout ce qui est conservé sur cette personne, en fichier JSON (demande d’accès RGPD).',
      erase: 'Effacer cette personne',
      eraseTitle: 'Effacer cette personne ?',
      eraseWarning:
        'Son nom devient « Personne effacée » et ses coordonnées, notes et consentement sont supprimés, y compris du journal d’audit. Les interactions restent, les comptages ne changent pas. C’est irréversible.',
      eraseConfirm: (name) => `Tapez « ${name} » pour confirmer`,
      eraseMismatch: 'Ce n’est pas le nom de la personne',
      eraseButton: 'Effacer',
      cancel: 'Annuler',
      erased: 'Cette personne a été effacée : seule la fiche anonymisée est conservée.',
      erasedDone: 'La personne a été effacée.',
      eraseFailed: 'La personne n’a pas pu être effacée',
      coordinatorsOnly: 'Seuls les coordinateurs exportent ou effacent les données d’une personne.',
    },
  },
};
