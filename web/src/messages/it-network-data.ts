import type { enNetworkData } from './en-network-data.ts';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Italian UI strings of the network's imports, vCards and personal data (see en-network-data.ts). */
export const itNetworkData: typeof enNetworkData = {
  networkData: {
    networkSection: 'Rete',
    nav: 'Importazione e dati personali',
    title: 'Importazione della rete e dati personali',
    intro:
      'Importa organizzazioni e persone della rete da un foglio di calcolo o da vCard, scarica vCard e rispondi alla richiesta di una persona di vedere o cancellare i propri dati.',
    importOrganisations: 'Importa organizzazioni della rete',
    importPeople: 'Importa persone della rete',
    personTitle: 'I dati di una persona',
    personHint: 'Scegli una persona della rete per scaricarne la vCard, esportarne o cancellarne i dati.',
    kinds: { networkOrganisations: 'Organizzazioni della rete', networkPeople: 'Persone della rete' },
    titleOf: {
      networkOrganisations: 'Importa organizzazioni della rete',
      networkPeople: 'Importa persone della rete',
    },
    created: (n, kind) =>
      kind === 'networkOrganisations'
        ? `${count(n, 'organizzazione della rete importata', 'organizzazioni della rete importate')}.`
        : `${count(n, 'persona della rete importata', 'persone della rete importate')}.`,
    backToNetwork: 'Importazione della rete e dati personali',
    fields: {
      networkOrganisations: {
        name: 'Nome',
        type: 'Tipo',
        country: 'Paese',
        city: 'Città',
        website: 'Sito web',
        spaceSegments: 'Segmenti spaziali',
        melca: 'Settori MELCA',
        tags: 'Tag',
        notes: 'Note',
        ownerCluster: 'Cluster responsabile',
      },
      networkPeople: {
        name: 'Nome',
        email: 'E-mail',
        phone: 'Telefono',
        roleTitle: 'Ruolo',
        language: 'Lingua',
        organisation: 'Organizzazione',
        consentBasis: 'Base giuridica',
        consentOn: 'Data del consenso',
        consentSource: 'Origine del consenso',
        notes: 'Note',
      },
    },
    vcards: {
      download: 'Scarica vCard',
      downloadTitle: 'Scarica tutte le persone della rete come vCard (.vcf)',
      import: 'Importa vCard',
      drawerTitle: 'Importa vCard',
      intro:
        'Un file .vcf di una rubrica (vCard 3.0 o 4.0, UTF-8, al massimo 1 MB e 5.000 schede). Nulla viene salvato prima dell’importazione che segue la verifica.',
      chooseFile: 'Scegli un file .vcf',
      noFile: 'Nessun file scelto',
      tooBig: 'Il file supera 1 MB. Dividilo in file più piccoli.',
      country: 'Paese delle nuove organizzazioni',
      countryHint:
        'Le organizzazioni nominate nelle schede che non sono ancora nella rete vengono create in questo paese.',
      onDuplicate: 'Una scheda con l’e-mail di una persona registrata',
      skip: 'Saltarla',
      update: 'Aggiornare la persona',
      check: 'Verifica le schede',
      checking: 'Verifica in corso…',
      checkFailed: 'Non è stato possibile verificare il file',
      summary: (create, update, skip, invalid) =>
        `${create} da creare, ${update} da aggiornare, ${count(skip, 'saltata', 'saltate')}, ${invalid} con errori`,
      cardsCaption: 'Le schede del file e cosa ne fa l’importazione',
      name: 'Nome',
      email: 'E-mail',
      organisation: 'Organizzazione',
      action: 'Azione',
      problems: 'Problemi',
      newOrganisation: 'nuova',
      actions: { create: 'Crea', update: 'Aggiorna', skip: 'Salta (duplicato)', invalid: 'Non importata' },
      importCards: (n) => `Importa ${count(n, 'scheda', 'schede')}`,
      importing: 'Importazione…',
      importFailed: 'L’importazione non è riuscita; nulla è stato salvato',
      imported: (created, updated) =>
        `${count(created, 'persona creata', 'persone create')}, ${updated} aggiornata/e.`,
      close: 'Chiudi',
    },
    panel: {
      title: 'Dati personali',
      downloadVCard: 'Scarica vCard',
      exportData: 'Esporta i dati personali',
      exportHint: 'Tutto ciò che è conservato su questa persona, come file JSON (richiesta di accesso GDPR).',
      erase: 'Cancella questa persona',
      eraseTitle: 'Cancellare questa persona?',
      eraseWarning:
        'Il nome diventa «Persona cancellata» e i dati di contatto, le note e il consenso vengono eliminati, anche dal registro di controllo. Le interazioni restano, quindi i conteggi non cambiano. Non si può annullare.',
      eraseConfirm: (name) => `Digita «${name}» per confermare`,
      eraseMismatch: 'Non è il nome della persona',
      eraseButton: 'Cancella',
      cancel: 'Annulla',
      erased: 'Questa persona è stata cancellata: resta solo la scheda anonimizzata.',
      erasedDone: 'La persona è stata cancellata.',
      eraseFailed: 'Non è stato possibile cancellare la persona',
      coordinatorsOnly: 'Solo i coordinatori esportano o cancellano i dati di una persona.',
    },
  },
};
