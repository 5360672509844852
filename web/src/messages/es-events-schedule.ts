/** Spanish strings of an event's scheduling tab (first draft; to be reviewed by a native speaker). */
import type { enEventsSchedule } from './en-events-schedule.ts';
import type { Messages } from './types.ts';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const esEventsSchedule: Pick<Messages, keyof typeof enEventsSchedule> = {
  eventSchedule: {
    title: 'Planificación',
    organisersOnly: 'Solo los organizadores del evento planifican sus reuniones.',
    loading: 'Cargando la planificación',
    loadFailed: 'No se pudo cargar la planificación',
    capacity: {
      title: 'Capacidad',
      requests: (n: number) =>
        plural(n, 'solicitud aceptada por colocar', 'solicitudes aceptadas por colocar'),
      room: (tables: number, slots: number, capacity: number) =>
        `${plural(tables, 'mesa', 'mesas')} × ${plural(slots, 'franja', 'franjas')} = ${plural(capacity, 'reunión', 'reuniones')} como máximo`,
      participants: (n: number) => plural(n, 'participante aprobado', 'participantes aprobados'),
      fits: 'Contando, todas las solicitudes aceptadas caben.',
      over: 'No caben todas las solicitudes aceptadas: el planificador coloca primero las de mayor prioridad.',
      timeZone: (zone: string) => `Horas en ${zone}`,
    },
    publication: {
      published: (when: string, revision: number) => `Publicado el ${when} (revisión de agendas ${revision})`,
      notPublished: 'Aún no publicado: los participantes no ven sus agendas.',
      rescheduleNeeded: (unscheduled: number, cancelled: number) =>
        `Desde la publicación: ${plural(unscheduled, 'solicitud aceptada sin reunión', 'solicitudes aceptadas sin reunión')}, ${plural(cancelled, 'reunión cancelada', 'reuniones canceladas')}. Lance una replanificación: las reuniones publicadas se quedan donde están.`,
      stale: (parts: string) =>
        `Cambiado desde la ejecución aplicada: ${parts}. Vuelva a ejecutar el planificador antes de publicar.`,
      publish: 'Publicar la planificación',
      publishTitle: '¿Publicar la planificación?',
      publishBody: (n: number) =>
        `${plural(n, 'reunión', 'reuniones')} pasan a las agendas de los participantes. Los cambios posteriores se hacen con una replanificación, que mantiene las reuniones publicadas.`,
      publishConfirm: 'Publicar',
      publishFailed: 'No se pudo publicar la planificación',
      publishedNow: 'La planificación está publicada.',
    },
    run: {
      title: 'Ejecutar el planificador',
      mode: 'Qué planificar',
      modes: {
        full: 'Toda la planificación',
        reschedule: 'Replanificar (reuniones publicadas mantenidas, mínimos cambios)',
      } as Record<string, string>,
      timeLimit: 'Tiempo límite (segundos)',
      timeLimitHint:
        'De 5 a 300. El planificador se detiene en el límite con la mejor planificación encontrada.',
      timeLimitInvalid: 'Indique un número entero de segundos entre 5 y 300',
      start: 'Ejecutar el planificador',
      startFailed: 'No se pudo iniciar la ejecución',
      running: 'En curso',
      queued: 'Esperando al planificador',
      progress: 'Progreso de la ejecución del planificador',
    },
    result: {
      title: 'Última ejecución',
      status: {
        optimal: 'Óptima: el mínimo de pausas, demostrado',
        feasible: 'Una planificación, con una cota inferior demostrada de pausas',
        infeasible: 'No existe ninguna planificación',
        unknown: 'No se encontró planificación dentro del tiempo límite',
      } as Record<string, string>,
      runStatus: {
        queued: 'En cola',
        running: 'En curso',
        done: 'Lista para revisar',
        failed: 'Fallida',
        applied: 'Aplicada',
        discarded: 'Descartada',
      } as Record<string, string>,
      placed: (placed: number, requested: number) => `${placed} de ${requested} reuniones colocadas`,
      breaks: (breaks: number, bound: number) => `Pausas: ${breaks} (cota inferior demostrada ${bound})`,
      waits: (n: number) =>
        `${plural(n, 'franja de espera', 'franjas de espera')} entre reuniones dentro de las sesiones`,
      seconds: (s: string) => `${s} s`,
      unplacedTitle: 'Solicitudes no colocadas',
      unplacedNone: 'Todas las solicitudes aceptadas están colocadas.',
      breaksTitle: 'Franjas de espera por participante',
      breaksNone: 'Ningún participante espera entre dos reuniones.',
      more: (n: number) => `y ${n} más`,
      differenceTitle: 'Diferencia con la planificación actual',
      difference: (added: number, moved: number, removed: number, unchanged: number) =>
        `${added} añadidas, ${moved} movidas, ${removed} eliminadas, ${unchanged} sin cambios`,
      kind: { added: 'Añadida', moved: 'Movida', removed: 'Eliminada' } as Record<string, string>,
      stale: (parts: string) =>
        `Cambiado desde esta ejecución: ${parts}. Ya no puede aplicarse; vuelva a ejecutar.`,
      apply: 'Aplicar esta planificación',
      applyTitle: '¿Aplicar esta planificación?',
      applyBody:
        'La planificación actual se sustituye por la de esta ejecución: las reuniones añadidas se crean, las movidas cambian de franja o mesa, las eliminadas se borran. Las reuniones publicadas que se mueven aparecen en la siguiente revisión de las agendas.',
      applyConfirm: 'Aplicar',
      applyFailed: 'No se pudo aplicar la ejecución',
      discard: 'Descartar',
      discardTitle: '¿Descartar esta ejecución?',
      discardBody: 'Su resultado queda en el historial pero ya no puede aplicarse.',
      discardConfirm: 'Descartar',
      discardFailed: 'No se pudo descartar la ejecución',
    },
    meetings: {
      title: 'Planificación actual',
      empty: 'Aún no hay reuniones planificadas.',
      when: 'Cuándo',
      table: 'Mesa',
      between: 'Participantes',
      status: 'Estado',
      published: 'Publicada',
      draft: 'No publicada',
      noTable: 'Sin mesa',
      statuses: {
        scheduled: 'Planificada',
        held: 'Celebrada',
        no_show: 'Ausencia',
        cancelled: 'Cancelada',
      } as Record<string, string>,
      shown: (shown: number, total: number) => `${shown} de ${total} reuniones`,
      showMore: 'Mostrar más',
    },
    history: {
      title: 'Historial de ejecuciones',
      empty: 'Aún no hay ejecuciones.',
      started: 'Iniciada',
      mode: 'Modo',
      status: 'Estado',
      result: 'Resultado',
      open: 'Mostrar',
    },
  },
};
