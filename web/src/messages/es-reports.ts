/**
 * Spanish UI strings of the funder reports page (issue 5), spread into `es`. Glossary: see `es.ts`.
 */
import type { enReports } from './en-reports.ts';
import type { Messages } from './types.ts';

export const esReports: Pick<Messages, keyof typeof enReports> = {
  reports: {
    title: 'Informes para el financiador',
    intro:
      'Un informe de un periodo: el resumen, los KPI frente a sus metas, el presupuesto por fuente de financiación y categoría de coste, y la lista de actividades. Se genera en segundo plano; puede salir de esta página y volver más tarde.',
    forbiddenTitle: 'Los informes para el financiador son para los roles que ven los presupuestos',
    formTitle: 'Nuevo informe',
    from: 'Desde',
    to: 'Hasta',
    format: 'Formato',
    formats: { pdf: 'PDF', xlsx: 'Excel (XLSX)' },
    formatDescriptions: {
      pdf: 'Para leer y enviar: portada, tablas y gráficos.',
      xlsx: 'Para trabajar con él: una hoja por sección, los números como números.',
    },
    generate: 'Generar el informe',
    generating: 'Iniciando…',
    required: 'Introduzca una fecha',
    invalidDate: 'Introduzca una fecha con el formato AAAA-MM-DD',
    toBeforeFrom: 'No debe ser anterior a «Desde»',
    tooLong: 'Un informe abarca como máximo 10 años',
    startFailed: 'No se ha podido iniciar el informe',
    listTitle: 'Informes',
    listCaption: 'Informes de este espacio de trabajo, los más recientes primero',
    loading: 'Cargando informes…',
    loadError: 'No se han podido cargar los informes',
    emptyTitle: 'Todavía no hay informes',
    emptyBody: 'Elija un periodo y un formato arriba y pulse «Generar el informe».',
    requested: 'Solicitado',
    period: 'Periodo',
    status: 'Estado',
    progress: 'Progreso',
    file: 'Archivo',
    periodText: (from: string, to: string) => `Del ${from} al ${to}`,
    statuses: {
      queued: 'En espera',
      running: 'En curso',
      succeeded: 'Listo',
      failed: 'Fallido',
    },
    progressLabel: (period: string) => `Progreso del informe de ${period}`,
    download: (format: string) => `Descargar ${format}`,
    downloadLabel: (visible: string, name: string) => `${visible}: ${name}`,
    failedBecause: (error: string) => `Fallido: ${error}`,
    loadMore: 'Mostrar informes anteriores',
  },
};
