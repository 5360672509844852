/**
 * Spanish UI strings of the coordinators' dashboard and the KPI drill-down (issue 5), spread into
 * `es`. Glossary: see `es.ts`.
 */
import type { enDashboard } from './en-dashboard.ts';
import type { Messages } from './types.ts';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const esDashboard: Pick<Messages, keyof typeof enDashboard> = {
  dashboard: {
    title: 'Panel de control',
    intro:
      'Cómo avanza el programa en el periodo: actividades, KPI frente a sus metas, gasto y en qué se ha gastado.',
    funderReport: 'Informe para el financiador',
    loading: 'Cargando el panel de control…',
    filters: 'Periodo y mercado',
    period: 'Periodo',
    presets: {
      thisYear: 'Este año',
      lastYear: 'El año pasado',
      last12Months: 'Últimos 12 meses',
    },
    custom: 'Personalizado',
    from: 'Desde',
    to: 'Hasta',
    apply: 'Aplicar',
    periodInvalid: 'debe ser igual o posterior a «Desde» y menos de 10 años después',
    market: 'Mercado',
    anyMarket: 'Todos los mercados',
    showing: (from: string, to: string) => `Actividades que empiezan entre ${from} y ${to}`,
    // a. Headline figures
    headline: 'En el periodo',
    activities: 'Actividades',
    activitiesHint: 'Abrir el calendario al inicio del periodo',
    held: 'Actividades realizadas',
    present: 'Participantes presentes',
    actualCosts: 'Costes reales',
    plannedOf: (planned: string) => `de ${planned} previstos`,
    plannedHint: 'Ver los totales previstos por fuente de financiación',
    drillHint: (what: string) => `Mostrar los registros que hay detrás de ${what}`,
    kpiLoadError: 'No se han podido cargar los KPI',
    // b. KPIs
    kpis: 'KPI: meta frente a valor real',
    kpiGrouping: 'Agrupar los KPI',
    byPhase: 'Por fase',
    byInstrument: 'Por instrumento',
    groupActivities: (n: number) => plural(n, 'actividad', 'actividades'),
    progressChart: (group: string) => `Avance hacia las metas: ${group}`,
    kpiTableCaption: (group: string) => `KPI de ${group}: meta, valor real y avance`,
    columns: { kpi: 'KPI', target: 'Meta', actual: 'Real', progress: 'Avance' },
    progressColumn: 'Avance (%)',
    targetLine: 'Meta',
    noTarget: '—',
    noValue: '—',
    texts: 'Resultados cualitativos',
    noTexts: 'Todavía no hay texto registrado.',
    textBy: (activity: string, date: string) => `${activity}, ${date}`,
    noTargetsInGroup:
      'Todavía no hay metas aquí: fíjelas en el plan o en sus actividades para ver el avance.',
    noKpiGroups:
      'Todavía no hay actividades en este periodo: planifique actividades (Mercados → un plan → Añadir actividad) para ver aquí sus KPI.',
    // c. Budget burn
    burn: 'Ejecución del presupuesto por fuente de financiación',
    burnPlanned: (source: string) => `${source}: previsto`,
    burnMonth: 'Mes',
    burnPlannedRow: 'Total previsto',
    noBurn:
      'Todavía no hay importes previstos ni gastados en este periodo: añada líneas de presupuesto y registre los costes reales en las actividades.',
    burnLoadError: 'No se ha podido cargar la ejecución del presupuesto',
    // d. World map
    map: 'Mercados objetivo en el mapa',
    mapChart: (measure: string) => `Mercados objetivo por ${measure.toLowerCase()}`,
    colourBy: 'Colorear por',
    mapActivities: 'Actividades',
    mapMarket: 'Mercado',
    mapCountry: 'País',
    mapLegend: 'Leyenda',
    mapNothing: 'Sin valor',
    noMarkets: 'Todavía no hay mercados objetivo: añada uno en Mercados para verlo en el mapa.',
    // e. Upcoming
    upcoming: 'Próximas actividades',
    upcomingCaption: 'Las próximas actividades, por fecha de inicio',
    upcomingColumns: {
      activity: 'Actividad',
      dates: 'Fechas',
      instrument: 'Instrumento',
      market: 'Mercado',
      status: 'Estado',
    },
    standalone: 'Independiente',
    noUpcoming: 'No hay próximas actividades: añada una a un plan o planifique una actividad independiente.',
    upcomingLoadError: 'No se han podido cargar las próximas actividades',
    calendarLink: 'Abrir el calendario',
  },
  kpiRecords: {
    title: 'Registros de KPI',
    breadcrumb: 'Panel de control',
    loading: 'Cargando los registros…',
    loadError: 'No se han podido cargar los registros',
    howMade: 'Cómo se obtiene esta cifra',
    entered: 'Introducido a mano en cada actividad (valores de KPI).',
    total: 'Total',
    count: (n: number) => plural(n, 'registro', 'registros'),
    scope: (from: string, to: string) => `Actividades que empiezan entre ${from} y ${to}`,
    anyPeriod: 'Todos los periodos',
    caption: (label: string) => `Los registros que hay detrás de ${label}`,
    columns: {
      type: 'Tipo',
      activity: 'Actividad',
      date: 'Fecha',
      description: 'Descripción',
      value: 'Valor',
    },
    type: {
      participant: 'Participante',
      activity: 'Actividad',
      cost_line: 'Línea de coste',
      stage_change: 'Cambio de etapa',
      meeting: 'Reunión B2B',
      request: 'Solicitud de reunión',
      response: 'Respuesta a una encuesta',
      entry: 'Valor de KPI',
      interaction: 'Interacción',
      project: 'Proyecto colaborativo',
      project_partner: 'Organización de la red en un proyecto',
    },
    loadMore: 'Cargar más',
    shown: (shown: number, total: number) => `${shown} de ${total} mostrados`,
    empty: 'No hay registros detrás de esta cifra en el periodo.',
    missingKpi: 'No se ha elegido ningún KPI: abra los registros desde una cifra del panel de control.',
    back: 'Volver al panel de control',
  },
};
