/**
 * The target fields of a registry import, the column headers of the export, and the suggested
 * mapping of a file's headers to those fields. Pure: no I/O.
 *
 * The export writes each field under its `header`; `suggestMapping` recognises those headers (and
 * common synonyms), so an exported file imports again without manual mapping.
 */
import type { Language } from '../i18n/types.ts';

export const ORGANISATION_IMPORT_FIELDS = [
  'name',
  'cluster',
  'type',
  'size',
  'country',
  'city',
  'website',
  'registrationId',
  'spaceSegments',
  'melca',
  'offers',
  'offerTags',
  'requests',
  'requestTags',
  'targetMarketInterests',
  'exportExperience',
] as const;
export type OrganisationImportField = (typeof ORGANISATION_IMPORT_FIELDS)[number];

export const PERSON_IMPORT_FIELDS = [
  'name',
  'email',
  'phone',
  'roleTitle',
  'consent',
  'organisation',
] as const;
export type PersonImportField = (typeof PERSON_IMPORT_FIELDS)[number];

export type ImportKind = 'organisations' | 'people';

/**
 * Per field: the export's header first, then synonyms, best first (compared after
 * `normaliseHeader`). A header that matches an earlier synonym of a field wins over a later one.
 */
export const ORGANISATION_HEADERS: Record<OrganisationImportField, readonly string[]> = {
  name: [
    'Name',
    'Organisation',
    'Organisation name',
    'Organization',
    'Organization name',
    'Company',
    'Company name',
    'Member',
    'Legal name',
  ],
  cluster: ['Cluster', 'Cluster ID', 'Cluster name', 'Partner cluster'],
  type: ['Type', 'Organisation type', 'Organization type', 'Category'],
  size: ['Size', 'Company size'],
  country: ['Country', 'Country code', 'Nation'],
  city: ['City', 'Town', 'Location'],
  website: ['Website', 'Web site', 'Web', 'URL', 'Homepage', 'Site'],
  registrationId: [
    'Registration ID',
    'VAT',
    'VAT number',
    'VAT ID',
    'Registration number',
    'Company number',
    'Tax ID',
  ],
  spaceSegments: ['Space segments', 'Segments', 'Segment', 'Space segment'],
  melca: ['MELCA', 'Cross-sector fields', 'Cross sector'],
  offers: ['Offers', 'Offer', 'What we offer'],
  offerTags: ['Offer tags'],
  requests: ['Requests', 'Request', 'Looking for', 'Needs'],
  requestTags: ['Request tags'],
  targetMarketInterests: ['Target markets', 'Target market interests', 'Target countries', 'Markets'],
  exportExperience: ['Export experience', 'Export'],
};

export const PERSON_HEADERS: Record<PersonImportField, readonly string[]> = {
  name: ['Name', 'Full name', 'Person', 'Contact', 'Contact name'],
  email: ['E-mail', 'Email', 'Email address', 'E-mail address', 'Mail'],
  phone: ['Phone', 'Telephone', 'Phone number', 'Tel', 'Mobile'],
  roleTitle: ['Role', 'Role title', 'Job title', 'Title', 'Position', 'Function'],
  consent: ['Consent', 'Agreed to be contacted', 'GDPR consent', 'Opt-in'],
  organisation: [
    'Organisation ID',
    'Organization ID',
    'Organisation',
    'Organization',
    'Company',
    'Organisation registration ID',
    'VAT',
  ],
};

/** The languages whose column names are recognised besides English (the export's). */
export type HeaderLanguage = Exclude<Language, 'en'>;

/**
 * Column names Excel users of each consortium language write, per field, best first (compared
 * after `normaliseHeader`, so case and accents do not matter). Ranked with the English lists: a
 * header matching an earlier synonym of a field wins over a later one, whatever the language.
 */
export const ORGANISATION_HEADERS_BY_LANGUAGE: Record<
  HeaderLanguage,
  Partial<Record<OrganisationImportField, readonly string[]>>
> = {
  fr: {
    name: [
      'Nom',
      'Nom de l’organisation',
      'Organisation',
      'Raison sociale',
      'Entreprise',
      'Société',
      'Dénomination',
    ],
    cluster: ['Cluster', 'Pôle', 'Pôle de compétitivité', 'Grappe'],
    type: ['Type', 'Type d’organisation', 'Catégorie'],
    size: ['Taille', 'Taille de l’entreprise', 'Effectif'],
    country: ['Pays', 'Code pays'],
    city: ['Ville', 'Localité', 'Commune'],
    website: ['Site web', 'Site Internet', 'Site'],
    registrationId: [
      'Numéro de TVA',
      'TVA',
      'N° TVA',
      'SIREN',
      'SIRET',
      'Numéro d’entreprise',
      'Numéro d’immatriculation',
    ],
    spaceSegments: ['Segments spatiaux', 'Segments', 'Segment'],
    melca: ['MELCA', 'Domaines transversaux'],
    offers: ['Offres', 'Offre', 'Ce que nous offrons'],
    offerTags: ['Mots-clés de l’offre', 'Étiquettes de l’offre'],
    requests: ['Demandes', 'Demande', 'Besoins', 'Recherche'],
    requestTags: ['Mots-clés de la demande', 'Étiquettes de la demande'],
    targetMarketInterests: ['Marchés cibles', 'Pays cibles', 'Marchés'],
    exportExperience: ['Expérience à l’export', 'Expérience export', 'Export'],
  },
  es: {
    name: ['Nombre', 'Nombre de la organización', 'Organización', 'Empresa', 'Razón social', 'Entidad'],
    cluster: ['Clúster', 'Agrupación', 'Clúster socio'],
    type: ['Tipo', 'Tipo de organización', 'Categoría'],
    size: ['Tamaño', 'Tamaño de la empresa'],
    country: ['País', 'Código de país'],
    city: ['Ciudad', 'Localidad', 'Municipio'],
    website: ['Sitio web', 'Página web', 'Web'],
    registrationId: ['NIF', 'CIF', 'Número de IVA', 'IVA', 'Número de registro', 'Identificación fiscal'],
    spaceSegments: ['Segmentos espaciales', 'Segmentos', 'Segmento'],
    melca: ['MELCA', 'Campos transversales'],
    offers: ['Ofertas', 'Oferta', 'Qué ofrecemos'],
    offerTags: ['Etiquetas de oferta'],
    requests: ['Demandas', 'Demanda', 'Solicitudes', 'Necesidades', 'Buscamos'],
    requestTags: ['Etiquetas de demanda'],
    targetMarketInterests: ['Mercados objetivo', 'Países objetivo', 'Mercados'],
    exportExperience: ['Experiencia exportadora', 'Experiencia en exportación', 'Exportación'],
  },
  it: {
    name: [
      'Nome',
      'Nome dell’organizzazione',
      'Organizzazione',
      'Azienda',
      'Impresa',
      'Ragione sociale',
      'Denominazione',
    ],
    cluster: ['Cluster', 'Distretto', 'Cluster partner'],
    type: ['Tipo', 'Tipologia', 'Tipo di organizzazione', 'Categoria'],
    size: ['Dimensione', 'Dimensioni', 'Dimensione aziendale'],
    country: ['Paese', 'Nazione', 'Codice paese'],
    city: ['Città', 'Comune', 'Località'],
    website: ['Sito web', 'Sito internet', 'Sito'],
    registrationId: ['Partita IVA', 'P. IVA', 'Codice fiscale', 'Numero di registrazione', 'IVA'],
    spaceSegments: ['Segmenti spaziali', 'Segmenti', 'Segmento'],
    melca: ['MELCA', 'Settori trasversali'],
    offers: ['Offerte', 'Offerta', 'Cosa offriamo'],
    offerTags: ['Tag dell’offerta', 'Tag offerta'],
    requests: ['Richieste', 'Richiesta', 'Domanda', 'Cerchiamo', 'Esigenze'],
    requestTags: ['Tag della richiesta', 'Tag richiesta'],
    targetMarketInterests: ['Mercati obiettivo', 'Mercati target', 'Paesi obiettivo', 'Mercati'],
    exportExperience: ['Esperienza nell’export', 'Esperienza di esportazione', 'Export'],
  },
  el: {
    name: ['Επωνυμία', 'Όνομα', 'Ονομασία', 'Οργανισμός', 'Εταιρεία', 'Επωνυμία οργανισμού'],
    cluster: ['Σύμπλεγμα', 'Cluster', 'Σύμπλεγμα επιχειρήσεων', 'Συστάδα'],
    type: ['Τύπος', 'Είδος', 'Κατηγορία', 'Τύπος οργανισμού'],
    size: ['Μέγεθος', 'Μέγεθος επιχείρησης'],
    country: ['Χώρα', 'Κωδικός χώρας'],
    city: ['Πόλη', 'Τοποθεσία', 'Έδρα'],
    website: ['Ιστότοπος', 'Ιστοσελίδα', 'Διαδικτυακός τόπος'],
    registrationId: ['ΑΦΜ', 'Α.Φ.Μ.', 'Αριθμός ΓΕΜΗ', 'ΓΕΜΗ', 'Αριθμός μητρώου', 'Αριθμός ΦΠΑ', 'ΦΠΑ'],
    spaceSegments: ['Διαστημικοί τομείς', 'Τομείς', 'Τομέας'],
    melca: ['MELCA', 'Διατομεακά πεδία'],
    offers: ['Προσφορές', 'Προσφορά', 'Τι προσφέρουμε'],
    offerTags: ['Ετικέτες προσφοράς'],
    requests: ['Αιτήματα', 'Ζήτηση', 'Ανάγκες', 'Τι αναζητούμε'],
    requestTags: ['Ετικέτες αιτημάτων'],
    targetMarketInterests: ['Αγορές-στόχοι', 'Αγορές στόχου', 'Χώρες-στόχοι', 'Αγορές'],
    exportExperience: ['Εξαγωγική εμπειρία', 'Εμπειρία εξαγωγών'],
  },
  pl: {
    name: ['Nazwa', 'Nazwa organizacji', 'Nazwa firmy', 'Organizacja', 'Firma', 'Przedsiębiorstwo'],
    cluster: ['Klaster', 'Klaster partnerski'],
    type: ['Typ', 'Rodzaj', 'Typ organizacji', 'Kategoria'],
    size: ['Wielkość', 'Wielkość firmy', 'Wielkość przedsiębiorstwa', 'Rozmiar'],
    country: ['Kraj', 'Państwo', 'Kod kraju'],
    city: ['Miasto', 'Miejscowość', 'Lokalizacja'],
    website: ['Strona internetowa', 'Strona WWW', 'WWW', 'Witryna'],
    registrationId: ['NIP', 'REGON', 'KRS', 'Numer NIP', 'Numer VAT', 'Numer rejestrowy'],
    spaceSegments: ['Segmenty kosmiczne', 'Segmenty', 'Segment'],
    melca: ['MELCA', 'Obszary międzysektorowe'],
    offers: ['Oferta', 'Oferty', 'Co oferujemy'],
    offerTags: ['Tagi oferty'],
    requests: ['Zapotrzebowanie', 'Potrzeby', 'Zapytania', 'Czego szukamy'],
    requestTags: ['Tagi zapotrzebowania'],
    targetMarketInterests: ['Rynki docelowe', 'Kraje docelowe', 'Rynki'],
    exportExperience: ['Doświadczenie eksportowe', 'Doświadczenie w eksporcie', 'Eksport'],
  },
};

export const PERSON_HEADERS_BY_LANGUAGE: Record<
  HeaderLanguage,
  Partial<Record<PersonImportField, readonly string[]>>
> = {
  fr: {
    name: ['Nom', 'Nom complet', 'Prénom et nom', 'Nom et prénom', 'Personne'],
    email: ['E-mail', 'Courriel', 'Adresse e-mail', 'Adresse électronique', 'Mél'],
    phone: ['Téléphone', 'Tél', 'Numéro de téléphone', 'Portable'],
    roleTitle: ['Fonction', 'Poste', 'Titre', 'Rôle', 'Intitulé du poste'],
    consent: ['Consentement', 'Consentement RGPD', 'Accord'],
    organisation: ['Organisation', 'Entreprise', 'Société', 'Structure'],
  },
  es: {
    name: ['Nombre', 'Nombre completo', 'Nombre y apellidos', 'Contacto', 'Persona'],
    email: ['Correo electrónico', 'Correo', 'Dirección de correo'],
    phone: ['Teléfono', 'Móvil', 'Número de teléfono'],
    roleTitle: ['Cargo', 'Puesto', 'Función', 'Rol'],
    consent: ['Consentimiento', 'Consentimiento RGPD'],
    organisation: ['Organización', 'Empresa', 'Entidad'],
  },
  it: {
    name: ['Nome', 'Nome e cognome', 'Nome completo', 'Contatto', 'Referente', 'Persona'],
    email: ['E-mail', 'Indirizzo e-mail', 'Posta elettronica'],
    phone: ['Telefono', 'Cellulare', 'Numero di telefono'],
    roleTitle: ['Ruolo', 'Qualifica', 'Funzione', 'Posizione', 'Incarico'],
    consent: ['Consenso', 'Consenso privacy', 'Consenso GDPR'],
    organisation: ['Organizzazione', 'Azienda', 'Impresa', 'Ente'],
  },
  el: {
    name: ['Ονοματεπώνυμο', 'Όνομα', 'Επαφή', 'Πρόσωπο'],
    email: ['Ηλεκτρονικό ταχυδρομείο', 'Διεύθυνση email', 'Email'],
    phone: ['Τηλέφωνο', 'Τηλ.', 'Κινητό'],
    roleTitle: ['Θέση', 'Ρόλος', 'Ιδιότητα', 'Τίτλος'],
    consent: ['Συγκατάθεση', 'Συναίνεση'],
    organisation: ['Οργανισμός', 'Εταιρεία', 'Φορέας'],
  },
  pl: {
    name: ['Imię i nazwisko', 'Nazwisko', 'Osoba', 'Osoba kontaktowa', 'Kontakt'],
    email: ['E-mail', 'Adres e-mail', 'Poczta'],
    phone: ['Telefon', 'Numer telefonu', 'Nr telefonu', 'Komórka'],
    roleTitle: ['Stanowisko', 'Funkcja', 'Rola'],
    consent: ['Zgoda', 'Zgoda RODO', 'Zgoda na kontakt'],
    organisation: ['Organizacja', 'Firma', 'Instytucja'],
  },
};

/** Every language's synonyms of each field, English first; a name's rank is its place in its language's list. */
function synonymsOf(
  kind: ImportKind,
): Array<{ field: string; language: Language; name: string; rank: number }> {
  const english: Record<string, readonly string[]> =
    kind === 'organisations' ? ORGANISATION_HEADERS : PERSON_HEADERS;
  const byLanguage: Record<HeaderLanguage, Partial<Record<string, readonly string[]>>> = kind ===
  'organisations'
    ? ORGANISATION_HEADERS_BY_LANGUAGE
    : PERSON_HEADERS_BY_LANGUAGE;
  const entries: Array<{ field: string; language: Language; name: string; rank: number }> = [];
  const add = (language: Language, table: Partial<Record<string, readonly string[]>>) => {
    for (const [field, names] of Object.entries(table)) {
      names?.forEach((name, rank) => {
        // English (the export's headers) first on a tie.
        entries.push({
          field,
          language,
          name: normaliseHeader(name),
          rank: language === 'en' ? rank : rank + 0.5,
        });
      });
    }
  };
  add('en', english);
  for (const language of Object.keys(byLanguage) as HeaderLanguage[]) add(language, byLanguage[language]);
  return entries;
}

const SYNONYMS = { organisations: synonymsOf('organisations'), people: synonymsOf('people') };

/**
 * How many cells of a header line are known column names of each language (either kind), for
 * guessing a file's code page: Polish headers hint at Windows-1250, Greek ones at Windows-1253.
 *
 * @example
 * headerLanguages('Nom;Pays;Ville').fr; // 3
 */
export function headerLanguages(headerLine: string): Partial<Record<Language, number>> {
  const counts: Partial<Record<Language, number>> = {};
  const cells = new Set(headerLine.split(/[,;\t]/).map((cell) => normaliseHeader(cell.replace(/"/g, ''))));
  for (const cell of cells) {
    if (cell === '') continue;
    const languages = new Set<Language>();
    for (const entry of [...SYNONYMS.organisations, ...SYNONYMS.people]) {
      if (entry.name === cell) languages.add(entry.language);
    }
    for (const language of languages) counts[language] = (counts[language] ?? 0) + 1;
  }
  return counts;
}

/**
 * A header as compared: lower-case, no accents (Latin and Greek: NFKD without combining marks),
 * Greek final sigma as sigma, punctuation as single spaces.
 *
 * @example
 * normaliseHeader(' E-Mail '); // 'e mail'
 * normaliseHeader('ΧΏΡΑ') === normaliseHeader('Χώρα'); // true
 */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ς/g, 'σ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Field → 0-based column index in the file, or null when no header fits. */
export type ColumnMapping<F extends string> = Record<F, number | null>;

/**
 * The column each field most likely comes from. Each column feeds at most one field; for each
 * field the header matching its earliest synonym wins, and the first such column on a tie.
 *
 * @example
 * suggestMapping(['Company', 'VAT', 'Country'], 'organisations');
 * // { name: 0, registrationId: 1, country: 2, cluster: null, … }
 */
export function suggestMapping(
  headers: readonly string[],
  kind: 'organisations',
): ColumnMapping<OrganisationImportField>;
export function suggestMapping(headers: readonly string[], kind: 'people'): ColumnMapping<PersonImportField>;
export function suggestMapping(headers: readonly string[], kind: ImportKind): ColumnMapping<string> {
  const normalised = headers.map(normaliseHeader);
  // Candidate pairs ranked by synonym position, so exact export headers are taken first.
  const candidates: Array<{ field: string; column: number; rank: number }> = [];
  for (const { field, name, rank } of SYNONYMS[kind]) {
    normalised.forEach((header, column) => {
      if (header === name) candidates.push({ field, column, rank });
    });
  }
  candidates.sort((a, b) => a.rank - b.rank || a.column - b.column);
  const mapping: Record<string, number | null> = Object.fromEntries(
    (kind === 'organisations' ? ORGANISATION_IMPORT_FIELDS : PERSON_IMPORT_FIELDS).map((f) => [f, null]),
  );
  const usedColumns = new Set<number>();
  for (const { field, column } of candidates) {
    if (mapping[field] !== null || usedColumns.has(column)) continue;
    mapping[field] = column;
    usedColumns.add(column);
  }
  return mapping;
}
