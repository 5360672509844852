/** Spanish strings of issue 23 (roadmap) (first draft; to be reviewed by a native speaker). */
import type { enRoadmap } from './en-roadmap.ts';
import type { Messages } from './types.ts';

export const esRoadmap: Pick<Messages, keyof typeof enRoadmap> = {
  roadmap: {
    title: 'Hoja de ruta recomendada',
    intro:
      'Los instrumentos y cantidades con el mayor valor esperado para este mercado dentro del tope presupuestario, por fases, con el motivo de cada elección.',
    budget: 'Tope presupuestario',
    budgetSlider: 'Control del tope presupuestario',
    budgetEur: 'Tope presupuestario (EUR)',
    budgetRange: 'Indique un tope mayor que cero, como máximo 10.000.000',
    from: 'Desde',
    to: 'Hasta',
    loading: 'Calculando la recomendación…',
    updating: 'Actualizando…',
    loadError: 'No se pudo calcular la recomendación',
    noMembers:
      'Ningún miembro está interesado todavía en este mercado: no hay nada que recomendar. Añada primero el país a los mercados de interés de los miembros.',
    nothingFits: 'Nada cabe en este tope: súbalo para ver una recomendación.',
    chosen: 'Instrumentos recomendados',
    rejected: 'Descartados',
    instrument: 'Instrumento',
    phase: 'Fase',
    quantity: 'Cantidad',
    cost: 'Coste',
    why: 'Por qué',
    expectedKpis: 'KPI esperados',
    budgetLines: 'Líneas presupuestarias',
    assumedCost: 'Coste supuesto: el D4.2 no da cifra',
    fromHistory: 'Valores de sus actividades pasadas',
    fromCatalogue: 'Valores por defecto del catálogo',
    total: (cost: string, cap: string) => `${cost} de ${cap}`,
    totalLabel: 'Total frente al tope',
    expectedValue: (value: string) => `Valor esperado: ${value} puntos`,
    proofOptimal: (states: string, ms: string) =>
      `Óptimo demostrado: ninguna otra elección dentro del tope tiene mayor valor esperado (${states} elecciones parciales comparadas en ${ms} ms).`,
    facts: (members: string, contacts: string, partners: string) =>
      `${members} miembros interesados · ${contacts} contactos allí · ${partners} socios allí`,
    notReady:
      'La mayoría de los miembros interesados aún no están preparados: primero los instrumentos preparatorios.',
    quantityUnits: {
      units: (n: string) => `${n} unidades`,
      months: (n: string) => `${n} meses`,
      entities: (n: string) => `${n} entidades`,
    },
    reasons: {
      best_value_per_euro: 'Mejor valor por euro',
      prepares_members: 'Prepara a los miembros que aún no están preparados',
      opens_the_way: (names: string) => `Abre el camino a ${names}`,
      max_quantity: 'Tantos como tienen sentido en el periodo',
      diminishing_returns: 'Más aportaría menos de lo que cuesta (rendimientos decrecientes)',
      budget_limit: 'Más superaría el tope',
      over_budget: 'Fuera de presupuesto',
      members_not_ready: 'Miembros no preparados',
      no_partners_there: 'Aún no hay socios allí',
      needs_contacts_first: 'Primero hacen falta contactos',
      needs_interested_members: 'Hacen falta miembros interesados',
      needs_earlier_phase: 'Primero hace falta un instrumento de la fase anterior',
      lower_value_per_euro: (name: string) => `Menor valor por euro que ${name}`,
      no_units_in_period: 'No cabe en el periodo',
    },
    accept: 'Aceptar en un plan',
    acceptTitle: 'Aceptar la recomendación en un plan',
    acceptBody: (activities: string, cost: string) =>
      `Se crea un plan borrador en este mercado con los instrumentos recomendados, actividades fechadas a lo largo del periodo y sus líneas presupuestarias estimadas (${activities} instrumentos, ${cost}).`,
    planName: 'Nombre del plan',
    defaultPlanName: (market: string, year: string) => `${market} ${year} (recomendado)`,
    create: 'Crear el plan',
    cancel: 'Cancelar',
    acceptFailed: 'No se pudo crear el plan',
    nameRequired: 'Dé un nombre al plan',
  },
};
