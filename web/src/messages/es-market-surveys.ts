/** Spanish strings of issue 23 (market surveys) (first draft; to be reviewed by a native speaker). */
import type { enMarketSurveys } from './en-market-surveys.ts';
import type { Messages } from './types.ts';

export const esMarketSurveys: Pick<Messages, keyof typeof enMarketSurveys> = {
  marketSurveys: {
    title: 'Estudios de mercado',
    findingsTitle: 'Hallazgos de los estudios de mercado',
    findingsIntro:
      'Lo que las encuestas de mercado, la investigación documental y las visitas revelaron sobre este mercado, de lo más reciente a lo más antiguo.',
    loading: 'Cargando los hallazgos…',
    loadError: 'No se pudieron cargar los hallazgos.',
    emptyTitle: 'Todavía no hay hallazgos',
    emptyBodyEditor:
      'Añada lo que una encuesta de mercado, una investigación documental o una visita le enseñó sobre este mercado.',
    emptyBodyReader: 'Cuando la asociación aprenda algo sobre este mercado, aparecerá aquí.',
    add: 'Añadir un hallazgo',
    addTitle: 'Añadir un hallazgo',
    editTitle: 'Editar el hallazgo',
    edit: (title) => `Editar «${title}»`,
    remove: (title) => `Eliminar «${title}»`,
    editShort: 'Editar',
    removeShort: 'Eliminar',
    deleteTitle: '¿Eliminar este hallazgo?',
    deleteBody: (title) =>
      `«${title}» se retirará del dosier del mercado. El registro de auditoría conserva constancia de ello.`,
    deleteConfirm: 'Eliminar el hallazgo',
    deleteFailed: 'No se pudo eliminar el hallazgo.',
    saveFailed: 'No se pudo guardar el hallazgo.',
    conflictBody:
      'Alguien modificó este hallazgo después de que usted lo abriera. Vuelva a cargarlo y repita su cambio.',
    fieldTitle: 'Título',
    fieldBody: 'Qué se encontró',
    fieldBodyHint: 'Texto sin formato; se conservan los saltos de línea.',
    fieldWave: 'De la encuesta de mercado',
    fieldWaveHint:
      'Una de las oleadas de encuesta de este mercado; déjelo vacío para una investigación documental o una visita.',
    noWave: 'Ninguna: investigación documental o visita',
    noWaves: 'Este mercado aún no tiene ninguna oleada de encuesta.',
    create: 'Añadir el hallazgo',
    save: 'Guardar el hallazgo',
    titleRequired: 'Dé un título al hallazgo',
    tooLong: (max) => `${max} caracteres como máximo`,
    fromWave: 'De la encuesta',
    fromElsewhere: 'Investigación documental o visita',
    added: (date) => `Añadido el ${date}`,
    addedBy: (name, date) => `Añadido por ${name} el ${date}`,
    showMore: 'Mostrar más hallazgos',
    count: (shown, total) => `${shown} de ${total} hallazgos`,
  },
};
