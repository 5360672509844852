/**
 * Spanish UI strings of the forms (issue 18), spread into `es`. Glossary: see `es.ts`.
 */
import type { enForms } from './en-forms.ts';
import type { Messages } from './types.ts';

export const esForms: Pick<Messages, keyof typeof enForms> = {
  forms: {
    number: {
      negative: 'no debe ser negativo',
      whole: 'debe ser un número entero',
      notANumber: 'debe ser un número',
    },
    country: {
      hint: 'Dos letras, p. ej. BE para Bélgica o JP para Japón',
      unknown: 'no es un código de país: dos letras como BE (Bélgica) o JP (Japón)',
    },
    estimate: {
      intro:
        'El motor de presupuestos calcula el coste de esta actividad a partir del modelo de presupuesto de su instrumento en el D4.2. Rellene lo que cuenta el modelo; el destino y las noches se toman de la actividad.',
      noFigure:
        'El D4.2 no da ninguna cifra para este instrumento: la estimación solo enumera aquello de lo que depende su coste. Añada sus líneas a mano con «Añadir línea prevista».',
      label: {
        units: 'Número',
        months: 'Meses',
        issues: 'Números del boletín',
        entities: 'Organizaciones participantes',
        travellers: 'Viajeros por misión',
        nights: 'Noches fuera por misión',
        destination: 'País de destino',
      },
      hint: {
        units: (one: string, many: string) => `Cuántos (${many}): el presupuesto cuenta por ${one}.`,
        unitsGeneric: 'Cuántas unidades tiene la actividad: el presupuesto cuenta por unidad.',
        months: (output: string | null) =>
          output
            ? `Cuántos meses dura, 1 ${output} al mes: los días de personal se cuentan por mes.`
            : 'Cuántos meses dura: los días de personal se cuentan por mes.',
        issues: 'Cuántos números: uno al mes.',
        entities: 'Cuántas organizaciones participan: la cuota se cuenta por organización.',
        travellers: (typical: { min: number; max: number; who: string } | null) =>
          typical
            ? `Cuántas personas viajan en cada misión (el D4.2 cuenta ${typical.min === typical.max ? typical.min : `${typical.min}–${typical.max}`} ${typical.who}).`
            : 'Cuántas personas viajan en cada misión.',
        nights:
          'Noches fuera en cada misión, 0 para un viaje de ida y vuelta en el día: el alojamiento y las comidas se cuentan por noche.',
        nightsFromDates: (nights: number) =>
          `Las fechas de la actividad suman ${nights} ${nights === 1 ? 'noche' : 'noches'}.`,
        destination:
          'Adónde van los viajeros: el viaje, el alojamiento y las comidas se calculan con sus tarifas.',
        destinationFromActivity: 'Tomado del país de la actividad.',
      },
      missing: {
        units: (many: string | null) => (many ? `Indique el número de ${many}.` : 'Indique el número.'),
        months: 'Indique el número de meses.',
        issues: 'Indique el número de números del boletín.',
        entities: 'Indique el número de organizaciones participantes.',
        travellers: 'Indique el número de viajeros en cada misión.',
        nights: 'Indique las noches fuera en cada misión (0 para un viaje en el día).',
        destination: 'Elija el país al que van los viajeros.',
      },
      unknownCountry: 'no es un país: elija uno de la lista',
      wholeNumber: (min: number, max: number) =>
        `debe ser un número entero entre ${min.toLocaleString('es')} y ${max.toLocaleString('es')}`,
      loading: 'Cargando el modelo de presupuesto del instrumento…',
    },
    authErrors: {
      unreachable: 'No se ha podido conectar con el Hub. Compruebe su conexión e inténtelo de nuevo.',
      tooManyAttempts: 'Demasiados intentos: espere unos minutos e inténtelo de nuevo.',
      serverFault: 'El Hub no ha podido responder en este momento. Inténtelo de nuevo en un instante.',
      refused: 'El Hub ha rechazado esta solicitud. Vuelva a cargar la página e inténtelo de nuevo.',
    },
    planTabs: {
      label: 'Partes del plan',
      timeline: 'Cronograma',
      instruments: (n: number) => `Instrumentos (${n})`,
      kpis: 'Metas de los KPI',
    },
  },
};
