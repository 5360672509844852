/** French "Back up and move" strings (machine-made first draft; to be reviewed by a French-speaking partner). */
import type { enArchive } from './en-archive.ts';
import type { Messages } from './types.ts';

/** French: 0 and 1 take the singular. */
const one = (n: number) => n <= 1;

export const frArchive: Pick<Messages, keyof typeof enArchive> = {
  archive: {
    nav: 'Sauvegarder et déplacer',
    title: 'Sauvegarder et déplacer',
    intro:
      'Enregistrez tout l’espace de travail dans un seul fichier d’archive, déplacez-le dans un espace vide d’un autre Hub, ou remettez à une organisation membre une copie de ses propres données.',
    forbiddenTitle: 'Seuls les coordinateurs peuvent sauvegarder et déplacer un espace de travail',
    exportTitle: 'Exporter l’espace de travail',
    exportBody:
      'Tous les enregistrements et fichiers de cet espace, dans un seul fichier ZIP. Il est préparé en arrière-plan ; vous pouvez quitter cette page et revenir.',
    exportButton: 'Exporter l’espace de travail',
    exportStarting: 'Démarrage…',
    exportFailed: 'L’export n’a pas pu démarrer',
    gdprTitle: 'Les données d’une organisation',
    gdprBody:
      'Pour une demande de portabilité : l’organisation, ses personnes, leur participation aux activités et les modifications qui les concernent.',
    gdprOrganisation: 'Organisation membre',
    gdprButton: 'Exporter les données de cette organisation',
    gdprRequired: 'Choisissez d’abord une organisation',
    jobsTitle: 'Exports',
    jobsCaption: 'Exports de cet espace, du plus récent au plus ancien',
    jobsEmpty: 'Aucun export pour l’instant.',
    requested: 'Demandé',
    content: 'Contenu',
    wholeWorkspace: 'Tout l’espace',
    oneOrganisation: 'Une organisation',
    status: 'Statut',
    progress: 'Avancement',
    file: 'Fichier',
    statuses: { queued: 'En attente', running: 'En cours', succeeded: 'Prêt', failed: 'Échec' },
    progressLabel: (when: string) => `Avancement de l’export demandé le ${when}`,
    download: 'Télécharger',
    downloadLabel: (name: string) => `Télécharger ${name}`,
    failedBecause: (reason: string) => `Échec : ${reason}`,
    importTitle: 'Importer une archive dans cet espace',
    importBody:
      'Uniquement dans un espace sans enregistrements. Tout est importé, ou rien. Chacun retrouve son compte par son adresse e-mail ; les nouveaux venus choisissent un mot de passe avec « Mot de passe oublié ».',
    importNotEmpty: 'Cet espace contient déjà des enregistrements : une archive ne peut pas y être importée.',
    chooseFile: 'Fichier d’archive (ZIP)',
    checking: 'Vérification de l’archive…',
    checkFailed: 'Cette archive ne peut pas être importée',
    summaryTitle: 'Ce qui sera importé',
    summaryFrom: (name: string, when: string) => `De « ${name} », exporté le ${when}`,
    table: 'Enregistrements',
    rows: 'Nombre',
    accounts: (n: number) => (one(n) ? `${n} personne avec un compte` : `${n} personnes avec un compte`),
    files: (n: number) => (one(n) ? `${n} fichier` : `${n} fichiers`),
    importButton: 'Importer',
    importing: 'Import en cours… cela peut prendre quelques minutes pour un grand espace.',
    importFailed: 'L’archive n’a pas été importée ; rien n’a été modifié',
    importDone: (rows: number) =>
      one(rows) ? `${rows} enregistrement importé.` : `${rows} enregistrements importés.`,
    usersCreated: (n: number) =>
      one(n)
        ? `${n} nouveau compte a été créé ; son titulaire choisit un mot de passe avec « Mot de passe oublié ».`
        : `${n} nouveaux comptes ont été créés ; leurs titulaires choisissent un mot de passe avec « Mot de passe oublié ».`,
    tables: {
      cluster: 'Clusters',
      organisation: 'Organisations membres',
      person: 'Personnes',
      target_market: 'Marchés cibles',
      instrument: 'Instruments personnalisés',
      instrument_kpi: 'KPI des instruments personnalisés',
      travel_rate: 'Tarifs de déplacement',
      plan: 'Plans',
      plan_instrument: 'Instruments des plans',
      activity: 'Activités',
      activity_participant: 'Participations',
      cost_line: 'Lignes de coûts',
      kpi_target: 'Objectifs de KPI',
      kpi_entry: 'Valeurs de KPI saisies',
      kpi_actual: 'Valeurs de KPI calculées',
      membership: 'Adhésions',
      invitation: 'Invitations',
      saved_view: 'Vues enregistrées',
      audit_event: 'Entrées du journal d’audit',
      job: 'Rapports et exports',
      job_file: 'Fichiers de rapports',
    },
    otherTable: 'Autres enregistrements',
  },
};
