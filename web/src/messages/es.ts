/**
 * Spanish UI strings (issue 20, item 4): the same tree as `en.ts`, typed by `Messages` so a missing
 * or extra key does not compile. Machine-made first draft, written with care; to be reviewed by a
 * native speaker (see the note of issue 20).
 *
 * Glossary (use the same word everywhere):
 * - cluster → clúster (pl. clústeres)
 * - member → miembro; member organisation → organización miembro
 * - workspace → espacio de trabajo
 * - activity → actividad
 * - plan → plan (pl. planes)
 * - target market → mercado objetivo (pl. mercados objetivo)
 * - instrument → instrumento
 * - KPI → KPI (invariable: «los KPI»)
 * - budget → presupuesto
 * - cost line → línea de coste
 * - funding source → fuente de financiación
 * - coordinator → coordinador
 * - cluster manager → gestor de clúster
 * - viewer → observador
 * - mentor → mentor
 * - dashboard → panel de control
 * - funder report → informe para el financiador
 * - saved view → vista guardada
 * Not translated: the D4.2 catalogue's own text (it comes from the API), product names, ISO codes,
 * e-mail addresses. Quotation marks: « ».
 */

import { esArchive } from './es-archive.ts';
import { esDashboard } from './es-dashboard.ts';
import { esEvents } from './es-events.ts';
import { esEventAgendas } from './es-events-agendas.ts';
import { esEventsDay } from './es-events-day.ts';
import { esEventsMarketplace } from './es-events-marketplace.ts';
import { esEventsRegistration } from './es-events-registration.ts';
import { esEventsSchedule } from './es-events-schedule.ts';
import { esForms } from './es-forms.ts';
import { esImportLanguages } from './es-import-languages.ts';
import { esInstrumentsCustom } from './es-instruments-custom.ts';
import { esInteractions } from './es-interactions.ts';
import { esKpis } from './es-kpis.ts';
import { esLanguages } from './es-languages.ts';
import { esLists } from './es-lists.ts';
import { esMarketSurveys } from './es-market-surveys.ts';
import { esNetwork } from './es-network.ts';
import { esNetworkData } from './es-network-data.ts';
import { esNetworkHealth } from './es-network-health.ts';
import { esPipeline } from './es-pipeline.ts';
import { esPlanning } from './es-planning.ts';
import { esProjects } from './es-projects.ts';
import { esReadiness } from './es-readiness.ts';
import { esReports } from './es-reports.ts';
import { esRoadmap } from './es-roadmap.ts';
import { esSurveyWaves } from './es-survey-waves.ts';
import { esSurveys } from './es-surveys.ts';
import { esWorkspaces } from './es-workspaces.ts';
import type { Messages } from './types.ts';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const ORGANISATION_TYPE = {
  sme: 'Pyme',
  large_company: 'Gran empresa',
  rd_centre: 'Centro de I+D',
  university: 'Universidad',
  other: 'Otro',
};
const SPACE_SEGMENT = {
  earth_observation: 'Observación de la Tierra',
  satcom: 'Comunicaciones por satélite',
  navigation: 'Navegación',
  launch: 'Lanzadores',
  ground_segment: 'Segmento terreno',
  downstream_applications: 'Aplicaciones downstream',
  space_science: 'Ciencias del espacio',
  in_orbit_services: 'Servicios en órbita',
};
const MELCA_FIELD = {
  mobility: 'Movilidad',
  energy: 'Energía',
  logistics: 'Logística',
  creative_industries: 'Industrias creativas',
  agriculture: 'Agricultura',
};
const EXPORT_EXPERIENCE = {
  none: 'Sin experiencia exportadora',
  occasional: 'Exportaciones ocasionales',
  regular: 'Exportaciones regulares',
  established: 'Exportador consolidado',
};

export const es: Messages = {
  app: {
    name: 'SPACE2ID Hub',
    tagline: 'Herramienta de internacionalización',
    skipToContent: 'Ir al contenido principal',
    mainNavigation: 'Principal',
    toggleNavigation: 'Mostrar u ocultar la navegación',
    documentTitle: (page: string) => `${page} · SPACE2ID Hub`,
  },
  nav: {
    programme: 'Programa',
    catalogue: 'Catálogo de instrumentos',
    developers: 'Desarrolladores',
    apiReference: 'Referencia de la API',
    workspace: 'Espacio de trabajo',
    clusters: 'Clústeres',
    audit: 'Registro de auditoría',
    members: 'Miembros',
    people: 'Personas',
    users: 'Usuarios',
    markets: 'Mercados',
    calendar: 'Calendario',
    dashboard: 'Panel de control',
    reports: 'Informes',
    switchWorkspace: 'Cambiar de espacio de trabajo',
  },
  roles: {
    coordinator: 'Coordinador',
    cluster_manager: 'Gestor de clúster',
    member: 'Miembro',
    mentor: 'Mentor',
    viewer: 'Observador',
  },
  session: {
    signIn: 'Iniciar sesión',
    accountMenu: (name: string) => `Menú de la cuenta de ${name}`,
    apiTokens: 'Tokens de API',
    signOut: 'Cerrar sesión',
    signOutEverywhere: 'Cerrar sesión en todas partes',
    signOutEverywhereTitle: '¿Cerrar sesión en todas partes?',
    signOutEverywhereBody:
      'Se cierran todas las sesiones de su cuenta: en este navegador y en cualquier otro dispositivo. ' +
      'Los tokens personales de API siguen funcionando; revóquelos en la página de tokens de API.',
    signOutEverywhereConfirm: 'Cerrar sesión en todas partes',
    signedOutTitle: 'Ha cerrado la sesión',
    cancel: 'Cancelar',
  },
  signIn: {
    title: 'Iniciar sesión',
    intro:
      'Inicie sesión para trabajar en el espacio de trabajo de su consorcio. El catálogo de instrumentos sigue abierto a todo el mundo.',
    email: 'Correo electrónico',
    password: 'Contraseña',
    submit: 'Iniciar sesión',
    submitting: 'Iniciando sesión…',
    failed: 'No se ha podido iniciar sesión',
    emailRequired: 'Introduzca su dirección de correo electrónico',
    emailInvalid: 'Introduzca una dirección de correo electrónico como nombre@example.org',
    passwordRequired: 'Introduzca su contraseña',
    returnNotice: 'Inicie sesión para continuar a la página solicitada.',
    forgotPassword: '¿Ha olvidado su contraseña?',
    noWorkspace:
      'Su cuenta todavía no es miembro de ningún espacio de trabajo. Pida una invitación a un coordinador.',
  },

  notFound: {
    title: 'Página no encontrada',
    body: 'No hay ninguna página en esta dirección. Puede que se haya movido o que el enlace esté mal escrito.',
    backToCatalogue: 'Ir al catálogo de instrumentos',
  },
  common: {
    forbidden: 'Su rol no permite hacerlo.',
    close: 'Cerrar',
    cancel: 'Cancelar',
    save: 'Guardar',
    loadMore: 'Cargar más',
    retry: 'Reintentar',
    errorTitle: 'Se ha producido un error',
    loading: 'Cargando…',
    none: '—',
    yes: 'sí',
    no: 'no',
  },
  catalogue: {
    title: 'Catálogo de instrumentos',
    intro:
      'El conjunto de instrumentos de internacionalización del entregable 4.2 de SPACE2ID, agrupados en tres fases. ' +
      'Elija los instrumentos adecuados para un mercado objetivo y planifíquelos como actividades.',
    filterLabel: 'Filtrar instrumentos',
    filterPlaceholder: 'Buscar por nombre o descripción',
    filterDescription:
      'Muestra los instrumentos cuyo nombre o descripción contiene todas las palabras que escriba.',
    clearFilter: 'Borrar el filtro',
    instrumentCount: (n: number) => plural(n, 'instrumento', 'instrumentos'),
    loading: 'Cargando instrumentos…',
    loadError: 'No se ha podido cargar el catálogo de instrumentos',
    emptyTitle: 'Ningún instrumento coincide con el filtro',
    emptyBody: (query: string) => `Nada en el catálogo menciona «${query}» en su nombre o descripción.`,
    emptyColumn: 'No hay instrumentos que coincidan en esta fase.',
    phaseCount: (n: number) => plural(n, 'instrumento', 'instrumentos'),
    kpiCount: (n: number) => `${n} KPI`,
    fundingSources: 'Fuentes de financiación',
    budget: 'Presupuesto',
    openInstrument: (name: string) => `Abrir ${name}`,
  },
  instrument: {
    breadcrumb: 'Ruta de navegación',
    loading: 'Cargando el instrumento…',
    loadError: 'No se ha podido cargar el instrumento',
    notFoundTitle: 'Instrumento no encontrado',
    notFoundBody: (key: string) => `No hay ningún instrumento con la clave «${key}».`,
    backToCatalogue: 'Volver al catálogo de instrumentos',
    origin: { 'd4.2': 'Original del D4.2', custom: 'Instrumento propio' },
    summary: 'Resumen',
    phase: 'Fase',
    kpis: 'KPI',
    description: 'Descripción',
    benefits: 'Finalidad y beneficios',
    businessModel: 'Modelo de negocio',
    fundingSources: 'Fuentes de financiación',
    noFundingSources: 'No se indica ninguna fuente de financiación.',
    budget: 'Estimación del presupuesto',
    budgetFormula: 'Fórmula del presupuesto',
    budgetFormulaHint:
      'Se estima por actividad a partir de la tarifa diaria del clúster, los viajeros y el destino.',
    budgetItems: 'Modelo de presupuesto',
    noBudgetItems: 'El modelo de presupuesto no tiene partidas estructuradas.',
    seedText: 'Texto del D4.2',
    seedTextCite: 'Entregable 4.2 de SPACE2ID, estimación del presupuesto',
    source: 'Fuente',
    kpiTable: (name: string) => `KPI de ${name}`,
    kpiLabel: 'KPI',
    kpiKind: 'Tipo',
    kpiUnit: 'Unidad',
    noKpis: 'Este instrumento no define ningún KPI.',
  },
  clusters: {
    title: 'Clústeres',
    intro: (workspace: string) =>
      `Los clústeres socios de ${workspace}, con la tarifa diaria que utilizan las estimaciones de presupuesto.`,
    search: 'Buscar',
    searchPlaceholder: 'Nombre o nombre corto',
    clearSearch: 'Borrar la búsqueda',
    country: 'País',
    anyCountry: 'Todos los países',
    add: 'Añadir clúster',
    tableCaption: 'Clústeres socios',
    shortName: 'Nombre corto',
    name: 'Nombre',
    city: 'Ciudad',
    dayRate: 'Tarifa diaria',
    website: 'Sitio web',
    edit: (name: string) => `Editar ${name}`,
    count: (n: number, more: boolean) =>
      `${plural(n, 'clúster', 'clústeres')}${more ? (n === 1 ? ' mostrado' : ' mostrados') : ''}`,
    loading: 'Cargando clústeres…',
    loadError: 'No se han podido cargar los clústeres',
    emptyTitle: 'Todavía no hay clústeres',
    emptyBody: 'Este espacio de trabajo todavía no tiene clústeres socios.',
    emptyFilteredTitle: 'Ningún clúster coincide',
    emptyFilteredBody: 'Ningún clúster coincide con la búsqueda y el país elegidos.',
    clearFilters: 'Borrar la búsqueda y el país',
    addTitle: 'Añadir un clúster',
    editTitle: (name: string) => `Editar ${name}`,
    create: 'Añadir clúster',
    save: 'Guardar cambios',
    saved: 'Guardado',
    fieldRequired: 'es obligatorio',
    shortNameHint: 'Hasta 30 caracteres, único en el espacio de trabajo, p. ej. BSN',
    countryFormat: 'debe tener dos letras mayúsculas, p. ej. BE',
    dayRateHint: 'EUR por día de personal, de 0 a 10.000',
    dayRateRange: 'debe estar entre 0 y 10.000 EUR',
    dayRateCents: 'debe tener como máximo dos decimales',
    websiteHint: 'Opcional, empieza por https://',
    websiteInvalid: 'debe ser una dirección web que empiece por http:// o https://',
    tooLong: (max: number) => `debe tener como máximo ${max} caracteres`,
    conflictTitle: 'Otra persona lo ha modificado: vuelva a cargar',
    conflictBody:
      'Alguien guardó este clúster después de que usted lo abriera. Vuelva a cargar para ver su versión y aplique de nuevo su cambio.',
    reload: 'Volver a cargar',
    saveFailed: 'No se ha podido guardar el clúster',
    delete: 'Eliminar clúster',
    deleteHint: 'Un clúster se puede eliminar cuando ya no lo gestiona ningún usuario.',
    deleteTitle: (name: string) => `¿Eliminar ${name}?`,
    deleteBody: (name: string) =>
      `${name} se eliminará del espacio de trabajo. El registro de auditoría conserva constancia. Esta acción no se puede deshacer.`,
    deleteConfirm: (shortName: string) => `Eliminar ${shortName}`,
    deleteFailed: 'No se ha podido eliminar el clúster',
    readOnly: 'Puede ver este clúster, pero su rol no le permite editarlo.',
  },
  audit: {
    title: 'Registro de auditoría',
    intro:
      'Todos los cambios de este espacio de trabajo: quién los hizo, cuándo y qué cambió. Los más recientes primero.',
    tableCaption: 'Eventos de auditoría, los más recientes primero',
    when: 'Cuándo',
    who: 'Quién',
    action: 'Acción',
    entity: 'Registro',
    changes: 'Cambios',
    actions: { create: 'Creación', update: 'Modificación', delete: 'Eliminación' },
    unknownActor: 'Sistema',
    loading: 'Cargando el registro de auditoría…',
    loadError: 'No se ha podido cargar el registro de auditoría',
    emptyTitle: 'Todavía no hay cambios registrados',
    emptyBody: 'Aquí aparecerán los cambios de los clústeres y de otros registros.',
    forbiddenTitle: 'Solo para coordinadores',
    noChanges: 'No ha cambiado ningún campo',
  },
  tokens: {
    title: 'Tokens de API',
    intro:
      'Los tokens personales de API permiten que sus scripts llamen a la API REST del Hub en su nombre: envíe uno como «Authorization: Bearer <token>». ' +
      'Un token puede hacer todo lo que usted puede hacer.',
    createTitle: 'Crear un token',
    name: 'Nombre',
    namePlaceholder: 'p. ej. Exportación mensual de KPI',
    nameRequired: 'Dé un nombre al token',
    expiry: 'Caduca al cabo de (días)',
    expiryHint: 'De 1 a 3650 días',
    expiryRange: 'debe ser un número entero de días entre 1 y 3650',
    create: 'Crear token',
    createFailed: 'No se ha podido crear el token',
    secretTitle: (name: string) => `Su nuevo token «${name}»`,
    secretWarning:
      'Cópielo ahora: es la única vez que el Hub lo muestra. Guárdelo como si fuera una contraseña.',
    secretLabel: 'Secreto del token',
    copy: 'Copiar',
    copied: 'Copiado',
    done: 'Ya lo he guardado',
    listTitle: 'Sus tokens',
    tableCaption: 'Sus tokens de API activos',
    created: 'Creado',
    expires: 'Caduca',
    lastUsed: 'Último uso',
    never: 'Nunca',
    noExpiry: 'Sin caducidad',
    revoke: 'Revocar',
    revokeLabel: (name: string) => `Revocar ${name}`,
    revokeTitle: (name: string) => `¿Revocar «${name}»?`,
    revokeBody:
      'A partir de ahora, los scripts que usen este token recibirán un 401. Esta acción no se puede deshacer.',
    revokeConfirm: 'Revocar token',
    revokeFailed: 'No se ha podido revocar el token',
    loading: 'Cargando tokens…',
    loadError: 'No se han podido cargar sus tokens de API',
    emptyTitle: 'No hay tokens de API',
    emptyBody: 'Cree uno arriba para llamar a la API desde un script.',
  },
  registry: {
    organisationType: ORGANISATION_TYPE,
    organisationSize: {
      micro: 'Micro (menos de 10 empleados)',
      small: 'Pequeña (10–49 empleados)',
      medium: 'Mediana (50–249 empleados)',
      large: 'Grande (250 empleados o más)',
    },
    spaceSegment: SPACE_SEGMENT,
    melca: MELCA_FIELD,
    exportExperience: EXPORT_EXPERIENCE,
    fieldRequired: 'es obligatorio',
    tooLong: (max: number) => `debe tener como máximo ${max} caracteres`,
    websiteInvalid: 'debe ser una dirección web que empiece por http:// o https://',
    conflictTitle: 'Otra persona lo ha modificado: vuelva a cargar',
    reload: 'Volver a cargar',
    pageSize: 'Filas por página',
    loadMore: 'Cargar más',
  },
  members: {
    title: 'Miembros',
    intro: (workspace: string) =>
      `Las organizaciones miembro de los clústeres socios de ${workspace}: qué ofrecen, qué buscan y adónde quieren ir.`,
    search: 'Buscar',
    searchPlaceholder: 'Nombre de la organización',
    searchHint: 'No se tienen en cuenta las mayúsculas, los acentos ni la forma jurídica.',
    clearSearch: 'Borrar la búsqueda',
    cluster: 'Clúster',
    anyCluster: 'Todos los clústeres',
    country: 'País',
    anyCountry: 'Todos los países',
    segment: 'Segmento espacial',
    anySegment: 'Todos los segmentos',
    type: 'Tipo',
    anyType: 'Todos los tipos',
    filters: 'Filtrar miembros',
    add: 'Añadir miembro',
    tableCaption: 'Organizaciones miembro',
    name: 'Nombre',
    segments: 'Segmentos espaciales',
    size: 'Tamaño',
    count: (n: number, more: boolean) =>
      more
        ? `${n} ${n === 1 ? 'mostrada' : 'mostradas'}, hay más por cargar`
        : plural(n, 'organización', 'organizaciones'),
    loading: 'Cargando miembros…',
    loadError: 'No se han podido cargar los miembros',
    emptyTitle: 'Todavía no hay miembros',
    emptyBody: 'Este espacio de trabajo todavía no tiene organizaciones miembro.',
    emptyFilteredTitle: 'Ningún miembro coincide',
    emptyFilteredBody: 'Ninguna organización coincide con la búsqueda y los filtros elegidos.',
    clearFilters: 'Borrar la búsqueda y los filtros',
    moreSegments: (n: number) => `+${n} más`,
    import: 'Importar',
  },
  exports: {
    label: 'Descargar la lista',
    csv: 'CSV',
    xlsx: 'XLSX',
    csvTitle: 'Descargar la lista en CSV, con la búsqueda y los filtros actuales',
    xlsxTitle: 'Descargar la lista como libro de Excel (XLSX), con la búsqueda y los filtros actuales',
  },
  imports: {
    title: 'Importar',
    titleOf: (kind: 'organisations' | 'people') =>
      kind === 'organisations' ? 'Importar organizaciones miembro' : 'Importar personas',
    intro:
      'Añada muchos registros a la vez desde una hoja de cálculo. No se guarda nada hasta el último paso; las filas con problemas se pueden corregir aquí u omitir.',
    back: 'Atrás',
    backToMembers: 'Miembros',
    backToPeople: 'Personas',
    steps: 'Pasos de la importación',
    stepUpload: 'Subir',
    stepUploadHint: 'Archivo CSV o Excel',
    stepMap: 'Asignar columnas',
    stepMapHint: 'Qué columna es cada campo',
    stepCheck: 'Comprobar',
    stepCheckHint: 'Corregir u omitir filas',
    stepImport: 'Importar',
    stepImportHint: 'Guardar las filas válidas',
    // Upload
    kind: '¿Qué va a importar?',
    kindOrganisations: 'Organizaciones miembro',
    kindPeople: 'Personas',
    file: 'Archivo',
    chooseFile: 'Elegir un archivo',
    dropHere: 'Suelte aquí un archivo CSV o XLSX, o elija uno',
    fileHint:
      'CSV (UTF-8) o Excel (.xlsx, primera hoja); la primera fila contiene los nombres de las columnas. Como máximo 20 MB y 50.000 filas.',
    encodingHint:
      'Desde Excel, guarde como «CSV UTF-8»: el formato antiguo «CSV (delimitado por comas)» se rechaza.',
    wrongType: 'Elija un archivo .csv o .xlsx.',
    tooBig: 'El archivo ocupa más de 20 MB. Divídalo en archivos más pequeños.',
    reading: (name: string) => `Leyendo ${name}…`,
    readFailed: 'No se ha podido leer el archivo',
    // Mapping
    fileSummary: (name: string, rows: number, columns: number) =>
      `${name}: ${plural(rows, 'fila', 'filas')}, ${plural(columns, 'columna', 'columnas')}`,
    chooseAnother: 'Elegir otro archivo',
    mappingTitle: 'Asignar las columnas',
    mappingIntro:
      'Cada campo del Hub se lee de una columna de su archivo. Las columnas se han asociado por su nombre; compruébelas.',
    fieldColumn: (field: string) => `Columna para ${field}`,
    noColumn: 'No se importa',
    required: 'obligatorio',
    requiredMissing: (fields: string) =>
      `No se ha elegido ninguna columna para ${fields}: todas las filas se marcarán como no válidas hasta que elija una o corrija las filas.`,
    ignored: 'Columnas que no se importan',
    noneIgnored: 'Se importan todas las columnas del archivo.',
    sample: 'Las primeras filas del archivo',
    sampleCaption: (n: number) =>
      n === 1 ? 'La primera fila del archivo' : `Las primeras ${n} filas del archivo`,
    check: 'Comprobar las filas',
    // Check
    checking: 'Comprobando las filas…',
    checkFailed: 'No se han podido comprobar las filas',
    counts: 'Resultado de la comprobación',
    total: 'Filas',
    valid: 'Listas para importar',
    invalid: 'Con errores',
    duplicates: 'Duplicadas',
    skipped: 'Omitidas',
    onlyProblems: 'Solo las filas con problemas',
    rowsCaption: 'Filas del archivo y resultado de su comprobación',
    rowNumber: 'Fila',
    rowNumberHint: 'Fila del archivo (el encabezado es la fila 1)',
    status: 'Estado',
    name: 'Nombre',
    problems: 'Problemas',
    actions: 'Acciones',
    statusLabel: {
      valid: 'Válida',
      invalid: 'No válida',
      duplicate: 'Duplicada',
      created: 'Importada',
      skipped: 'Omitida',
    },
    duplicateOf: (reason: string) => `Mismo valor de ${reason} que`,
    duplicateOfRow: (row: number) => `Duplica la fila ${row} del archivo`,
    fix: (row: number) => `Corregir la fila ${row}`,
    skip: (row: number) => `Omitir la fila ${row}`,
    include: (row: number) => `Incluir la fila ${row}`,
    fixShort: 'Corregir',
    skipShort: 'Omitir',
    includeShort: 'Incluir',
    fixTitle: (row: number) => `Corregir la fila ${row}`,
    fixIntro: 'Cambie los valores para esta importación; su archivo no se modifica.',
    applyFix: 'Aplicar y volver a comprobar',
    cancel: 'Cancelar',
    fixed: 'editada',
    noProblems: 'Ninguna fila tiene problemas.',
    page: 'Páginas de filas',
    recheck: 'Volver a comprobar',
    importRows: (n: number) => `Importar ${plural(n, 'fila válida', 'filas válidas')}`,
    importNothing: 'Ninguna fila está lista para importar: corrija u omita las filas con errores.',
    importNote: (problems: number) =>
      problems === 0
        ? 'Se importarán todas las filas.'
        : problems === 1
          ? '1 fila con problemas u omitida no se importará; podrá descargarla después.'
          : `${problems} filas con problemas u omitidas no se importarán; podrá descargarlas después.`,
    importing: 'Importando…',
    importFailed: 'La importación ha fallado; no se ha guardado nada',
    // Result
    doneTitle: 'Importación terminada',
    created: (n: number, kind: 'organisations' | 'people') =>
      kind === 'organisations'
        ? n === 1
          ? '1 organización importada.'
          : `${n} organizaciones importadas.`
        : n === 1
          ? '1 persona importada.'
          : `${n} personas importadas.`,
    notImported: (n: number) => (n === 1 ? '1 fila no se ha importado:' : `${n} filas no se han importado:`),
    allImported: 'Se han importado todas las filas.',
    moreNotImported: (n: number) => `…y ${n} más, en la descarga.`,
    downloadNotImported: 'Descargar las filas no importadas (CSV)',
    notImportedFile: (kind: 'organisations' | 'people') =>
      kind === 'organisations' ? 'organizaciones-no-importadas.csv' : 'personas-no-importadas.csv',
    problemColumn: 'Problema de importación',
    skippedByYou: 'omitida',
    goToMembers: 'Ir a los miembros',
    goToPeople: 'Ir a las personas',
    importAnother: 'Importar otro archivo',
    leaveWarning: '¿Salir de la importación? Se perderán el archivo y sus cambios.',
    forbiddenTitle: 'Solo para coordinadores y gestores de clúster',
    fields: {
      organisations: {
        name: 'Nombre',
        cluster: 'Clúster',
        type: 'Tipo',
        size: 'Tamaño',
        country: 'País',
        city: 'Ciudad',
        website: 'Sitio web',
        registrationId: 'Número de registro o de IVA',
        spaceSegments: 'Segmentos espaciales',
        melca: 'Ámbitos MELCA',
        offers: 'Ofertas',
        offerTags: 'Etiquetas de oferta',
        requests: 'Demandas',
        requestTags: 'Etiquetas de demanda',
        targetMarketInterests: 'Mercados objetivo',
        exportExperience: 'Experiencia exportadora',
      },
      people: {
        name: 'Nombre',
        email: 'Correo electrónico',
        phone: 'Teléfono',
        roleTitle: 'Cargo',
        consent: 'Consentimiento',
        organisation: 'Organización',
      },
    },
    fieldHints: {
      cluster: 'Id, nombre corto o nombre del clúster',
      // The import reads the English labels and the codes only: the hints name the values a file may
      // hold, so they stay in English, introduced in Spanish.
      type: 'En inglés: SME, Large company, R&D centre, University u Other',
      size: 'En inglés: Micro, Small, Medium o Large',
      country: 'Código ISO, como BE',
      spaceSegments:
        'En inglés: Earth observation, Satellite communications, Navigation, Launch, Ground segment, Downstream applications, Space science, In-orbit services; separados por ;',
      melca: 'En inglés: Mobility, Energy, Logistics, Creative industries, Agriculture; separados por ;',
      exportExperience:
        'En inglés: No export experience, Occasional exports, Regular exports, Established exporter',
      organisation: 'Id, número de registro o nombre',
      consent: 'sí o no',
    },
  },
  member: {
    breadcrumb: 'Ruta de navegación',
    backToMembers: 'Miembros',
    loading: 'Cargando la organización…',
    loadError: 'No se ha podido cargar la organización',
    notFoundTitle: 'Organización no encontrada',
    notFoundBody: 'Ninguna organización miembro tiene esta dirección. Puede que se haya eliminado.',
    edit: 'Editar',
    delete: 'Eliminar',
    profile: 'Perfil',
    type: 'Tipo',
    size: 'Tamaño',
    country: 'País',
    city: 'Ciudad',
    website: 'Sitio web',
    registrationId: 'Número de registro o de IVA',
    exportExperience: 'Experiencia exportadora',
    cluster: 'Clúster',
    sectors: 'Sectores',
    spaceSegments: 'Segmentos espaciales',
    melca: 'Ámbitos intersectoriales (MELCA)',
    offers: 'Ofertas',
    requests: 'Demandas',
    tags: 'Etiquetas',
    targetMarkets: 'Mercados objetivo de interés',
    noneGiven: 'No se indica ninguno',
    notDescribed: 'Todavía sin descripción.',
    people: 'Personas',
    peopleCount: (n: number) => plural(n, 'persona', 'personas'),
    peopleCaption: (name: string) => `Personas de ${name}`,
    noPeople: 'Todavía no hay personas registradas en esta organización.',
    addPerson: 'Añadir persona',
    updated: (when: string) => `Última modificación: ${when}`,
    readOnly: 'Puede ver esta organización, pero su rol no le permite editarla.',
    // Form
    addTitle: 'Añadir una organización miembro',
    editTitle: (name: string) => `Editar ${name}`,
    create: 'Añadir miembro',
    save: 'Guardar cambios',
    sectionIdentity: 'Organización',
    sectionSectors: 'Sectores',
    sectionOffers: 'Ofertas y demandas',
    sectionMarkets: 'Mercados',
    namePlaceholder: 'p. ej. Orbital Optics SA',
    clusterPlaceholder: 'Elija un clúster socio',
    sizePlaceholder: 'Sin indicar',
    countryHint: 'Dónde tiene su sede la organización',
    websiteHint: 'Opcional, empieza por https://',
    registrationIdHint: 'Opcional; único en el espacio de trabajo (los duplicados se rechazan)',
    registrationIdFormat: 'solo puede contener letras, cifras, espacios, puntos, guiones y barras (2–50)',
    offersHint: 'Lo que ofrece la organización: productos, servicios, conocimientos',
    requestsHint: 'Lo que busca: socios, proveedores, clientes, inversores',
    offerTags: 'Etiquetas de oferta',
    requestTags: 'Etiquetas de demanda',
    tagsHint: 'Pulse Intro después de cada etiqueta; como máximo 20, de 40 caracteres cada una',
    tagsTooMany: 'como máximo 20 etiquetas',
    tagTooLong: 'cada etiqueta, como máximo 40 caracteres',
    targetMarketsHint: 'Países en los que la organización quiere entrar',
    pickSome: 'Elija los que quiera',
    saveFailed: 'No se ha podido guardar la organización',
    conflictBody:
      'Alguien guardó esta organización después de que usted la abriera. Vuelva a cargar para ver su versión y aplique de nuevo su cambio.',
    deleteTitle: (name: string) => `¿Eliminar ${name}?`,
    deleteBody: (name: string) =>
      `${name} se eliminará del registro. El registro de auditoría conserva constancia. Esta acción no se puede deshacer.`,
    deletePeople: (n: number) =>
      n === 0
        ? 'No tiene personas registradas.'
        : n === 1
          ? 'Su persona registrada se queda en el registro, sin organización.'
          : `Sus ${n} personas registradas se quedan en el registro, sin organización.`,
    deleteConfirm: 'Eliminar organización',
    deleteFailed: 'No se ha podido eliminar la organización',
  },
  people: {
    title: 'Personas',
    intro:
      'Contactos de las organizaciones miembro. Solo se puede contactar con las personas que han dado su consentimiento.',
    search: 'Buscar',
    searchPlaceholder: 'Nombre o correo electrónico',
    clearSearch: 'Borrar la búsqueda',
    organisation: 'Organización',
    anyOrganisation: 'Todas las organizaciones',
    noOrganisation: 'Sin organización',
    add: 'Añadir persona',
    tableCaption: 'Personas',
    name: 'Nombre',
    roleTitle: 'Cargo',
    email: 'Correo electrónico',
    phone: 'Teléfono',
    consent: 'Consentimiento',
    consentGiven: 'Consentimiento dado',
    consentGivenOn: (when: string) => `Dado el ${when}`,
    consentMissing: 'Sin consentimiento',
    actions: 'Acciones',
    edit: (name: string) => `Editar ${name}`,
    count: (n: number, more: boolean) =>
      more
        ? `${n} ${n === 1 ? 'mostrada' : 'mostradas'}, hay más por cargar`
        : plural(n, 'persona', 'personas'),
    loading: 'Cargando personas…',
    loadError: 'No se han podido cargar las personas',
    emptyTitle: 'Todavía no hay personas',
    emptyBody: 'Este espacio de trabajo todavía no tiene personas registradas.',
    emptyFilteredTitle: 'Ninguna persona coincide',
    emptyFilteredBody: 'Ninguna persona coincide con la búsqueda y la organización elegidas.',
    clearFilters: 'Borrar la búsqueda y la organización',
    import: 'Importar',
    // Form
    addTitle: 'Añadir una persona',
    editTitle: (name: string) => `Editar ${name}`,
    create: 'Añadir persona',
    save: 'Guardar cambios',
    organisationHint: 'Opcional: la organización miembro para la que trabaja esta persona',
    emailHint: 'Opcional; único en el espacio de trabajo',
    emailInvalid: 'debe ser una dirección de correo electrónico como nombre@example.org',
    phoneHint: 'Opcional, p. ej. +32 16 123 456',
    phoneInvalid: 'solo puede contener cifras, espacios, + ( ) . - / (de 3 a 40 caracteres)',
    consentLabel: 'Acepta que se le contacte y que figure en la lista',
    consentHint: 'Registre el consentimiento solo si la persona lo ha dado (RGPD).',
    saveFailed: 'No se ha podido guardar la persona',
    conflictBody:
      'Alguien guardó esta persona después de que usted la abriera. Vuelva a cargar para ver su versión y aplique de nuevo su cambio.',
    delete: 'Eliminar persona',
    deleteTitle: (name: string) => `¿Eliminar a ${name}?`,
    deleteBody: (name: string) =>
      `${name} se eliminará del registro junto con sus datos de contacto. El registro de auditoría conserva constancia. Esta acción no se puede deshacer.`,
    deleteConfirm: 'Eliminar persona',
    deleteFailed: 'No se ha podido eliminar la persona',
  },
  users: {
    title: 'Usuarios e invitaciones',
    intro:
      'Quién pertenece a este espacio de trabajo y con qué rol. Invite a personas por correo electrónico: cada invitación otorga un rol; el enlace funciona una sola vez, durante 7 días.',
    membersTitle: 'Miembros',
    membersCaption: 'Miembros del espacio de trabajo',
    membersLoading: 'Cargando miembros…',
    membersLoadError: 'No se han podido cargar los miembros',
    membersEmpty: 'Ningún miembro coincide.',
    search: 'Buscar miembros',
    searchPlaceholder: 'Nombre o correo electrónico',
    roleFilter: 'Rol',
    allRoles: 'Todos los roles',
    joined: 'Fecha de alta',
    loadMore: 'Cargar más',
    you: 'usted',
    changeRole: 'Cambiar el rol',
    changeRoleLabel: (name: string) => `Cambiar el rol de ${name}`,
    changeRoleTitle: (name: string) => `Cambiar el rol de ${name}`,
    save: 'Guardar el rol',
    changeFailed: 'No se ha podido cambiar el rol',
    changed: (name: string) => `Se ha cambiado el rol de ${name}.`,
    conflict: 'No guardado',
    remove: 'Quitar',
    removeLabel: (name: string) => `Quitar a ${name} del espacio de trabajo`,
    removeTitle: (name: string) => `¿Quitar a ${name} del espacio de trabajo?`,
    removeBody:
      'Pierde el acceso a este espacio de trabajo de inmediato; su cuenta y sus otros espacios de trabajo se mantienen. Sus cambios anteriores siguen en el registro de auditoría.',
    removeFailed: 'No se ha podido quitar al miembro',
    removed: (name: string) => `${name} ya no forma parte del espacio de trabajo.`,
    forbiddenTitle: 'Solo para coordinadores',
    invite: 'Invitar a alguien',
    inviteTitle: 'Invitar a alguien',
    name: 'Nombre',
    email: 'Correo electrónico',
    role: 'Rol',
    cluster: 'Clúster',
    clusterHint: 'El clúster que gestiona esta persona',
    organisation: 'Organización',
    organisationHint: 'Opcional: la organización miembro que esta persona puede editar',
    roleHints: {
      coordinator: 'Todo el espacio de trabajo, incluidos los usuarios y el registro de auditoría',
      cluster_manager: 'Su clúster, sus miembros y sus personas',
      member: 'El perfil y las personas de su propia organización',
      mentor: 'Acceso de lectura, para acompañar a los miembros asignados',
      viewer: 'Solo lectura, p. ej. el responsable de un financiador',
    },
    send: 'Enviar la invitación',
    sent: (email: string) => `Invitación enviada a ${email}.`,
    sendFailed: 'No se ha podido enviar la invitación',
    emailInvalid: 'debe ser una dirección de correo electrónico como nombre@example.org',
    pendingTitle: 'Invitaciones pendientes',
    pendingCaption: 'Invitaciones pendientes',
    invitedBy: 'Invitado por',
    expires: 'Caduca',
    scope: 'Clúster u organización',
    noPending: 'No hay invitaciones pendientes.',
    loading: 'Cargando invitaciones…',
    loadError: 'No se han podido cargar las invitaciones',
    withdraw: 'Retirar',
    withdrawLabel: (email: string) => `Retirar la invitación de ${email}`,
    withdrawTitle: (email: string) => `¿Retirar la invitación de ${email}?`,
    withdrawBody:
      'Su enlace deja de funcionar de inmediato. Más adelante puede volver a invitar a la misma dirección.',
    withdrawFailed: 'No se ha podido retirar la invitación',
    membersNote:
      'Las invitaciones aceptadas se convierten en miembros del espacio de trabajo; sus cambios aparecen en el registro de auditoría con su correo electrónico.',
    outboxTitle: 'Bandeja de salida de desarrollo',
    outboxIntro:
      'No hay ningún servidor SMTP configurado, así que el Hub guarda aquí sus correos en lugar de enviarlos. Abra un enlace para actuar como destinatario (en una ventana privada o después de cerrar la sesión).',
    outboxRaw: 'La bandeja de salida en JSON',
    outboxEmpty: 'Todavía no hay correos.',
    outboxTo: (to: string) => `Para ${to}`,
    outboxOpen: 'Abrir el enlace',
    outboxLoadError: 'No se ha podido cargar la bandeja de salida',
  },
  invitation: {
    title: 'Acepte su invitación',
    loading: 'Leyendo la invitación…',
    invites: (inviter: string, workspace: string, role: string) =>
      `${inviter} le invita a ${workspace} con el rol de ${role}.`,
    someone: 'Un coordinador',
    forEmail: (email: string) => `La invitación es para ${email}.`,
    newAccountIntro: 'Elija su nombre y una contraseña para crear su cuenta.',
    existingAccountIntro:
      'Este correo electrónico ya tiene una cuenta: introduzca su contraseña actual para añadirle el espacio de trabajo.',
    currentPassword: 'Contraseña actual',
    email: 'Correo electrónico',
    name: 'Su nombre',
    nameHint: 'Opcional: si no, se usa el nombre de la invitación',
    password: 'Contraseña',
    passwordRepeat: 'Repita la contraseña',
    passwordMismatch: 'Las dos contraseñas no coinciden',
    passwordRequired: 'Introduzca una contraseña',
    submit: 'Aceptar e iniciar sesión',
    failed: 'No se ha podido aceptar la invitación',
    wrongPassword:
      'Este correo electrónico ya tiene una cuenta y la contraseña no es la actual. Introduzca esa contraseña o restablézcala antes.',
    alreadyMember: 'Ya es miembro de este espacio de trabajo: inicie sesión.',
    invalidTitle: 'Este enlace de invitación no funciona',
    invalidBody:
      'No es válido, ya se ha utilizado, se ha retirado o ha caducado. Pida uno nuevo al coordinador que le invitó.',
    missingToken:
      'El enlace no contiene ningún token de invitación. Vuelva a abrir el enlace desde el correo de invitación.',
    goToSignIn: 'Ir al inicio de sesión',
  },
  passwordReset: {
    requestTitle: '¿Ha olvidado su contraseña?',
    requestIntro:
      'Introduzca la dirección de correo electrónico de su cuenta. Si existe una cuenta con ella, le enviaremos un enlace para elegir una contraseña nueva.',
    email: 'Correo electrónico',
    emailRequired: 'Introduzca su dirección de correo electrónico',
    emailInvalid: 'Introduzca una dirección de correo electrónico como nombre@example.org',
    send: 'Enviar el enlace',
    requested:
      'Si alguna cuenta usa este correo electrónico, le llegará un enlace para elegir una contraseña nueva. Funciona una sola vez, durante una hora.',
    requestFailed: 'No se ha podido enviar la solicitud',
    backToSignIn: 'Volver al inicio de sesión',
    title: 'Elija una contraseña nueva',
    intro: 'Al elegir una contraseña nueva se cierra su sesión en todos los dispositivos.',
    password: 'Contraseña nueva',
    passwordRepeat: 'Repita la contraseña nueva',
    passwordMismatch: 'Las dos contraseñas no coinciden',
    submit: 'Establecer la contraseña nueva',
    failed: 'No se ha podido cambiar la contraseña',
    done: 'Su contraseña se ha cambiado. Inicie sesión con ella.',
    doneTitle: 'Contraseña cambiada',
    invalidTitle: 'Este enlace ya no funciona',
    invalidBody: 'No es válido, ya se ha utilizado o ha caducado (los enlaces funcionan durante una hora).',
    askAgain: 'Pedir un enlace nuevo',
    missingToken:
      'El enlace no contiene ningún token de restablecimiento. Vuelva a abrir el enlace desde el correo.',
  },
  passwordStrength: {
    label: 'Seguridad de la contraseña',
    tooShort: (min: number, n: number) => `Demasiado corta: ${n} de al menos ${min} caracteres`,
    weak: 'Débil: añada más palabras, cifras o símbolos',
    fair: 'Aceptable: cuanto más larga, más segura',
    strong: 'Segura',
  },
  phaseShort: {
    preparatory: 'Preparación',
    leads: 'Contactos y nuevos negocios',
    sustain: 'Mejora y consolidación',
  },
  kpiKind: {
    count: 'Recuento',
    money: 'Importe',
    percent: 'Porcentaje',
    rating: 'Valoración',
    text: 'Texto cualitativo',
  },
  charts: {
    chart: 'Gráfico',
    table: 'Tabla',
    viewAs: (title: string) => `Mostrar ${title} como`,
    downloadCsv: 'Descargar CSV',
  },
  budgetItem: {
    kind: {
      effort_days_per_unit: 'Dedicación de personal',
      recurring_days_per_month: 'Dedicación periódica',
      travellers_per_mission: 'Viajeros',
      fee_per_entity: 'Cuota de participación',
      min_days_per_unit: 'Duración mínima',
      additional_effort: 'Dedicación adicional',
      cost_categories: 'Costes que cubrir',
      depends_on: 'Depende de',
      note: 'Nota',
    },
    days: (n: number) => plural(n, 'día', 'días'),
    effortPerUnit: (days: string, unit: string) => `${days} de trabajo del personal del clúster por ${unit}`,
    recurringPerMonth: (days: string) => `${days} de trabajo del personal del clúster al mes`,
    recurringProduces: (unit: string) => `1 ${unit} al mes`,
    travellers: (min: number, max: number, who: string) =>
      min === max ? `${min} ${who} por misión` : `${min}–${max} ${who} por misión`,
    feePerEntity: (amount: string) => `${amount} por entidad participante`,
    orderOfMagnitude: 'orden de magnitud',
    includes: 'Incluye',
    minDaysPerUnit: (days: string, unit: string) => `Al menos ${days} por ${unit}`,
    additionalEffort: (who: string, when: string) => `Dedicación de ${who}, ${when}`,
  },
  ...esPlanning,
  ...esKpis,
  ...esDashboard,
  ...esReports,
  ...esForms,
  ...esLists,
  ...esImportLanguages,
  ...esLanguages,
  ...esArchive,
  ...esPipeline,
  ...esNetwork,
  ...esNetworkData,
  ...esInteractions,
  ...esNetworkHealth,
  ...esProjects,
  ...esEvents,
  ...esEventsSchedule,
  ...esEventAgendas,
  ...esEventsDay,
  ...esEventsRegistration,
  ...esEventsMarketplace,
  ...esWorkspaces,
  ...esInstrumentsCustom,
  ...esSurveys,
  ...esSurveyWaves,
  ...esReadiness,
  ...esRoadmap,
  ...esMarketSurveys,
};

/** The figures' strings (en-figures.ts) are a tree of their own; the loader applies them too. */
export { esFigures } from './es-figures.ts';
