/**
 * English UI strings of the network's data in and out (issue 21, helper A2): the two network kinds
 * of the import wizard, vCards of network people, and a person's GDPR requests. Spread into `en`
 * so pages read `messages.networkData.…`.
 */
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const enNetworkData = {
  networkData: {
    networkSection: 'Network',
    nav: 'Import and personal data',
    title: 'Network import and personal data',
    intro:
      'Bring network organisations and people in from a spreadsheet or from vCards, download vCards, and answer a person’s request to see or erase their data.',
    importOrganisations: 'Import network organisations',
    importPeople: 'Import network people',
    personTitle: 'A person’s data',
    personHint: 'Choose a network person to download their vCard, export or erase their data.',
    kinds: { networkOrganisations: 'Network organisations', networkPeople: 'Network people' },
    titleOf: { networkOrganisations: 'Import network organisations', networkPeople: 'Import network people' },
    created: (n: number, kind: 'networkOrganisations' | 'networkPeople') =>
      kind === 'networkOrganisations'
        ? `${count(n, 'network organisation', 'network organisations')} imported.`
        : `${count(n, 'network person', 'network people')} imported.`,
    backToNetwork: 'Network import and personal data',
    fields: {
      networkOrganisations: {
        name: 'Name',
        type: 'Type',
        country: 'Country',
        city: 'City',
        website: 'Website',
        spaceSegments: 'Space segments',
        melca: 'MELCA fields',
        tags: 'Tags',
        notes: 'Notes',
        ownerCluster: 'Owner cluster',
      },
      networkPeople: {
        name: 'Name',
        email: 'E-mail',
        phone: 'Phone',
        roleTitle: 'Role',
        language: 'Language',
        organisation: 'Organisation',
        consentBasis: 'Consent basis',
        consentOn: 'Consent date',
        consentSource: 'Consent source',
        notes: 'Notes',
      },
    },
    vcards: {
      download: 'Download vCards',
      downloadTitle: 'Download every network person as vCards (.vcf)',
      import: 'Import vCards',
      drawerTitle: 'Import vCards',
      intro:
        'A .vcf file from an address book (vCard 3.0 or 4.0, UTF-8, at most 1 MB and 5,000 cards). Nothing is saved until you import after the check.',
      chooseFile: 'Choose a .vcf file',
      noFile: 'No file chosen',
      tooBig: 'The file is larger than 1 MB. Split it into smaller files.',
      country: 'Country of new organisations',
      countryHint:
        'Organisations named on the cards that are not in the network yet are created in this country.',
      onDuplicate: 'A card with the e-mail of a recorded person',
      skip: 'Skip it',
      update: 'Update the person',
      check: 'Check the cards',
      checking: 'Checking…',
      checkFailed: 'The file could not be checked',
      summary: (create: number, update: number, skip: number, invalid: number) =>
        `${count(create, 'to create', 'to create')}, ${update} to update, ${count(skip, 'skipped', 'skipped')}, ${invalid} with errors`,
      cardsCaption: 'The cards of the file and what the import does with each',
      name: 'Name',
      email: 'E-mail',
      organisation: 'Organisation',
      action: 'Action',
      problems: 'Problems',
      newOrganisation: 'new',
      actions: { create: 'Create', update: 'Update', skip: 'Skip (duplicate)', invalid: 'Not imported' },
      importCards: (n: number) => `Import ${count(n, 'card', 'cards')}`,
      importing: 'Importing…',
      importFailed: 'The import failed; nothing was saved',
      imported: (created: number, updated: number) =>
        `${count(created, 'person', 'people')} created, ${updated} updated.`,
      close: 'Close',
    },
    panel: {
      title: 'Personal data',
      downloadVCard: 'Download vCard',
      exportData: 'Export personal data',
      exportHint: 'Everything held about this person, as a JSON file (GDPR access request).',
      erase: 'Erase this person',
      eraseTitle: 'Erase this person?',
      eraseWarning:
        'Their name becomes “Erased person” and their contact data, notes and consent are deleted, also from the audit log. Interactions stay, so counts do not change. This cannot be undone.',
      eraseConfirm: (name: string) => `Type “${name}” to confirm`,
      eraseMismatch: 'This is not the person’s name',
      eraseButton: 'Erase',
      cancel: 'Cancel',
      erased: 'This person was erased: only the anonymised record is kept.',
      erasedDone: 'The person was erased.',
      eraseFailed: 'The person could not be erased',
      coordinatorsOnly: 'Only coordinators export or erase a person’s data.',
    },
  },
};
