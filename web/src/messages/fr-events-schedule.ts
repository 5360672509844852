/** French strings of an event's scheduling tab (first draft; to be reviewed by a native speaker). */
import type { enEventsSchedule } from './en-events-schedule.ts';
import type { Messages } from './types.ts';

const plural = (n: number, one: string, many: string) => `${n} ${n <= 1 ? one : many}`;

export const frEventsSchedule: Pick<Messages, keyof typeof enEventsSchedule> = {
  eventSchedule: {
    title: 'Planification',
    organisersOnly: 'Seuls les organisateurs de l’événement planifient ses rendez-vous.',
    loading: 'Chargement du planning',
    loadFailed: 'Le planning n’a pas pu être chargé',
    capacity: {
      title: 'Capacité',
      requests: (n: number) => plural(n, 'demande acceptée à placer', 'demandes acceptées à placer'),
      room: (tables: number, slots: number, capacity: number) =>
        `${plural(tables, 'table', 'tables')} × ${plural(slots, 'créneau', 'créneaux')} = ${plural(capacity, 'rendez-vous', 'rendez-vous')} au plus`,
      participants: (n: number) => plural(n, 'participant approuvé', 'participants approuvés'),
      fits: 'Au simple décompte, toutes les demandes acceptées peuvent être placées.',
      over: 'Toutes les demandes acceptées ne peuvent pas être placées : le planificateur place d’abord les plus hautes priorités.',
      timeZone: (zone: string) => `Heures en ${zone}`,
    },
    publication: {
      published: (when: string, revision: number) => `Publié le ${when} (révision des agendas ${revision})`,
      notPublished: 'Pas encore publié : les participants ne voient pas leurs agendas.',
      rescheduleNeeded: (unscheduled: number, cancelled: number) =>
        `Depuis la publication: ${plural(unscheduled, 'demande acceptée sans rendez-vous', 'demandes acceptées sans rendez-vous')}, ${plural(cancelled, 'rendez-vous annulé', 'rendez-vous annulés')}. Lancez une replanification : les rendez-vous publiés restent en place.`,
      stale: (parts: string) =>
        `Modifié depuis l’exécution appliquée: ${parts}. Relancez le planificateur avant de publier.`,
      publish: 'Publier le planning',
      publishTitle: 'Publier le planning ?',
      publishBody: (n: number) =>
        `${plural(n, 'rendez-vous', 'rendez-vous')} entrent dans les agendas des participants. Les changements ultérieurs passent par une replanification, qui garde les rendez-vous publiés en place.`,
      publishConfirm: 'Publier',
      publishFailed: 'Le planning n’a pas pu être publié',
      publishedNow: 'Le planning est publié.',
    },
    run: {
      title: 'Lancer le planificateur',
      mode: 'Que planifier',
      modes: {
        full: 'Tout le planning',
        reschedule: 'Replanifier (rendez-vous publiés gardés, le moins de changements)',
      } as Record<string, string>,
      timeLimit: 'Durée maximale (secondes)',
      timeLimitHint: 'De 5 à 300. Le planificateur s’arrête à la limite avec le meilleur planning trouvé.',
      timeLimitInvalid: 'Indiquez un nombre entier de secondes entre 5 et 300',
      start: 'Lancer le planificateur',
      startFailed: 'L’exécution n’a pas pu démarrer',
      running: 'En cours',
      queued: 'En attente du planificateur',
      progress: 'Avancement de l’exécution du planificateur',
    },
    result: {
      title: 'Dernière exécution',
      status: {
        optimal: 'Optimal : le moins de pauses, prouvé',
        feasible: 'Un planning, avec une borne inférieure prouvée sur les pauses',
        infeasible: 'Aucun planning n’existe',
        unknown: 'Aucun planning trouvé dans le temps imparti',
      } as Record<string, string>,
      runStatus: {
        queued: 'En file',
        running: 'En cours',
        done: 'Prêt à examiner',
        failed: 'Échec',
        applied: 'Appliqué',
        discarded: 'Écarté',
      } as Record<string, string>,
      placed: (placed: number, requested: number) => `${placed} sur ${requested} rendez-vous placés`,
      breaks: (breaks: number, bound: number) => `Pauses: ${breaks} (borne inférieure prouvée ${bound})`,
      waits: (n: number) =>
        `${plural(n, 'créneau d’attente', 'créneaux d’attente')} entre rendez-vous dans les sessions`,
      seconds: (s: string) => `${s} s`,
      unplacedTitle: 'Demandes non placées',
      unplacedNone: 'Toutes les demandes acceptées sont placées.',
      breaksTitle: 'Créneaux d’attente par participant',
      breaksNone: 'Aucun participant n’attend entre deux rendez-vous.',
      more: (n: number) => `et ${n} de plus`,
      differenceTitle: 'Différence avec le planning actuel',
      difference: (added: number, moved: number, removed: number, unchanged: number) =>
        `${added} ajoutés, ${moved} déplacés, ${removed} supprimés, ${unchanged} inchangés`,
      kind: { added: 'Ajouté', moved: 'Déplacé', removed: 'Supprimé' } as Record<string, string>,
      stale: (parts: string) =>
        `Modifié depuis cette exécution: ${parts}. Elle ne peut plus être appliquée ; relancez.`,
      apply: 'Appliquer ce planning',
      applyTitle: 'Appliquer ce planning ?',
      applyBody:
        'Le planning actuel est remplacé par celui de cette exécution : les rendez-vous ajoutés sont créés, les déplacés changent de créneau ou de table, les supprimés sont effacés. Les rendez-vous publiés déplacés apparaissent dans la prochaine révision des agendas.',
      applyConfirm: 'Appliquer',
      applyFailed: 'L’exécution n’a pas pu être appliquée',
      discard: 'Écarter',
      discardTitle: 'Écarter cette exécution ?',
      discardBody: 'Son résultat reste dans l’historique mais ne peut plus être appliqué.',
      discardConfirm: 'Écarter',
      discardFailed: 'L’exécution n’a pas pu être écartée',
    },
    meetings: {
      title: 'Planning actuel',
      empty: 'Aucun rendez-vous planifié pour l’instant.',
      when: 'Quand',
      table: 'Table',
      between: 'Participants',
      status: 'Statut',
      published: 'Publié',
      draft: 'Non publié',
      noTable: 'Sans table',
      statuses: { scheduled: 'Planifié', held: 'Tenu', no_show: 'Absence', cancelled: 'Annulé' } as Record<
        string,
        string
      >,
      shown: (shown: number, total: number) => `${shown} sur ${total} rendez-vous`,
      showMore: 'Afficher plus',
    },
    history: {
      title: 'Historique des exécutions',
      empty: 'Aucune exécution pour l’instant.',
      started: 'Lancée',
      mode: 'Mode',
      status: 'Statut',
      result: 'Résultat',
      open: 'Afficher',
    },
  },
};
