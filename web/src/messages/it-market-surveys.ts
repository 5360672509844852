/** Italian strings of issue 23 (market surveys) (first draft; to be reviewed by a native speaker). */
import type { enMarketSurveys } from './en-market-surveys.ts';
import type { Messages } from './types.ts';

export const itMarketSurveys: Pick<Messages, keyof typeof enMarketSurveys> = {
  marketSurveys: {
    title: 'Studi di mercato',
    findingsTitle: 'Risultati degli studi di mercato',
    findingsIntro:
      'Ciò che indagini di mercato, ricerche documentali e visite hanno rivelato su questo mercato, dal più recente.',
    loading: 'Caricamento dei risultati…',
    loadError: 'Non è stato possibile caricare i risultati.',
    emptyTitle: 'Ancora nessun risultato',
    emptyBodyEditor:
      'Aggiungi ciò che un’indagine di mercato, una ricerca documentale o una visita ti ha insegnato su questo mercato.',
    emptyBodyReader: 'Quando il partenariato imparerà qualcosa su questo mercato, apparirà qui.',
    add: 'Aggiungi un risultato',
    addTitle: 'Aggiungi un risultato',
    editTitle: 'Modifica il risultato',
    edit: (title) => `Modifica «${title}»`,
    remove: (title) => `Elimina «${title}»`,
    editShort: 'Modifica',
    removeShort: 'Elimina',
    deleteTitle: 'Eliminare questo risultato?',
    deleteBody: (title) =>
      `«${title}» sarà tolto dal dossier del mercato. Il registro di audit ne conserva traccia.`,
    deleteConfirm: 'Elimina il risultato',
    deleteFailed: 'Non è stato possibile eliminare il risultato.',
    saveFailed: 'Non è stato possibile salvare il risultato.',
    conflictBody:
      'Qualcuno ha modificato questo risultato dopo che lo hai aperto. Ricaricalo, poi ripeti la modifica.',
    fieldTitle: 'Titolo',
    fieldBody: 'Che cosa è emerso',
    fieldBodyHint: 'Testo semplice; gli a capo vengono mantenuti.',
    fieldWave: 'Dall’indagine di mercato',
    fieldWaveHint:
      'Una delle ondate d’indagine di questo mercato; lascia vuoto per una ricerca documentale o una visita.',
    noWave: 'Nessuna: ricerca documentale o visita',
    noWaves: 'Questo mercato non ha ancora ondate d’indagine.',
    create: 'Aggiungi il risultato',
    save: 'Salva il risultato',
    titleRequired: 'Dai un titolo al risultato',
    tooLong: (max) => `Al massimo ${max} caratteri`,
    fromWave: 'Dall’indagine',
    fromElsewhere: 'Ricerca documentale o visita',
    added: (date) => `Aggiunto il ${date}`,
    addedBy: (name, date) => `Aggiunto da ${name} il ${date}`,
    showMore: 'Mostra altri risultati',
    count: (shown, total) => `${shown} di ${total} risultati`,
  },
};
