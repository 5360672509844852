import type { enNetworkData } from './en-network-data.ts';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Spanish UI strings of the network's imports, vCards and personal data (see en-network-data.ts). */
export const esNetworkData: typeof enNetworkData = {
  networkData: {
    networkSection: 'Red',
    nav: 'Importación y datos personales',
    title: 'Importación de la red y datos personales',
    intro:
      'Importe organizaciones y personas de la red desde una hoja de cálculo o desde vCards, descargue vCards y atienda la solicitud de una persona de ver o borrar sus datos.',
    importOrganisations: 'Importar organizaciones de la red',
    importPeople: 'Importar personas de la red',
    personTitle: 'Los datos de una persona',
    personHint: 'Elija una persona de la red para descargar su vCard, exportar o borrar sus datos.',
    kinds: { networkOrganisations: 'Organizaciones de la red', networkPeople: 'Personas de la red' },
    titleOf: {
      networkOrganisations: 'Importar organizaciones de la red',
      networkPeople: 'Importar personas de la red',
    },
    created: (n, kind) =>
      kind === 'networkOrganisations'
        ? `${count(n, 'organización de la red importada', 'organizaciones de la red importadas')}.`
        : `${count(n, 'persona de la red importada', 'personas de la red importadas')}.`,
    backToNetwork: 'Importación de la red y datos personales',
    fields: {
      networkOrganisations: {
        name: 'Nombre',
        type: 'Tipo',
        country: 'País',
        city: 'Ciudad',
        website: 'Sitio web',
        spaceSegments: 'Segmentos espaciales',
        melca: 'Campos MELCA',
        tags: 'Etiquetas',
        notes: 'Notas',
        ownerCluster: 'Clúster responsable',
      },
      networkPeople: {
        name: 'Nombre',
        email: 'Correo electrónico',
        phone: 'Teléfono',
        roleTitle: 'Cargo',
        language: 'Idioma',
        organisation: 'Organización',
        consentBasis: 'Base jurídica',
        consentOn: 'Fecha del consentimiento',
        consentSource: 'Origen del consentimiento',
        notes: 'Notas',
      },
    },
    vcards: {
      download: 'Descargar vCards',
      downloadTitle: 'Descargar todas las personas de la red como vCards (.vcf)',
      import: 'Importar vCards',
      drawerTitle: 'Importar vCards',
      intro:
        'Un archivo .vcf de una libreta de direcciones (vCard 3.0 o 4.0, UTF-8, como máximo 1 MB y 5.000 tarjetas). No se guarda nada hasta importar tras la comprobación.',
      chooseFile: 'Elegir un archivo .vcf',
      noFile: 'Ningún archivo elegido',
      tooBig: 'El archivo supera 1 MB. Divídalo en archivos más pequeños.',
      country: 'País de las organizaciones nuevas',
      countryHint:
        'Las organizaciones nombradas en las tarjetas que aún no están en la red se crean en este país.',
      onDuplicate: 'Una tarjeta con el correo de una persona registrada',
      skip: 'Omitirla',
      update: 'Actualizar la persona',
      check: 'Comprobar las tarjetas',
      checking: 'Comprobando…',
      checkFailed: 'No se pudo comprobar el archivo',
      summary: (create, update, skip, invalid) =>
        `${create} por crear, ${update} por actualizar, ${count(skip, 'omitida', 'omitidas')}, ${invalid} con errores`,
      cardsCaption: 'Las tarjetas del archivo y lo que la importación hace con cada una',
      name: 'Nombre',
      email: 'Correo electrónico',
      organisation: 'Organización',
      action: 'Acción',
      problems: 'Problemas',
      newOrganisation: 'nueva',
      actions: { create: 'Crear', update: 'Actualizar', skip: 'Omitir (duplicada)', invalid: 'No importada' },
      importCards: (n) => `Importar ${count(n, 'tarjeta', 'tarjetas')}`,
      importing: 'Importando…',
      importFailed: 'La importación falló; no se guardó nada',
      imported: (created, updated) =>
        `${count(created, 'persona creada', 'personas creadas')}, ${updated} actualizada(s).`,
      close: 'Cerrar',
    },
    panel: {
      title: 'Datos personales',
      downloadVCard: 'Descargar vCard',
      exportData: 'Exportar datos personales',
      exportHint: 'Todo lo que se guarda sobre esta persona, como archivo JSON (solicitud de acceso RGPD).',
      erase: 'Borrar a esta persona',
      eraseTitle: '¿Borrar a esta persona?',
      eraseWarning:
        'Su nombre pasa a ser «Persona borrada» y sus datos de contacto, notas y consentimiento se eliminan, también del registro de auditoría. Las interacciones se conservan, así que los recuentos no cambian. No se puede deshacer.',
      eraseConfirm: (name) => `Escriba «${name}» para confirmar`,
      eraseMismatch: 'No es el nombre de la persona',
      eraseButton: 'Borrar',
      cancel: 'Cancelar',
      erased: 'Esta persona fue borrada: solo se conserva el registro anonimizado.',
      erasedDone: 'La persona se ha borrado.',
      eraseFailed: 'No se pudo borrar a la persona',
      coordinatorsOnly: 'Solo los coordinadores exportan o borran los datos de una persona.',
    },
  },
};
