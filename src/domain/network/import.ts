/**
 * Importing the network from CSV/XLSX through the registry's import wizard (issue 21): the target
 * fields of the two network kinds, their column names in the Hub's six languages, the suggested
 * mapping, and one row turned into values (labels or codes for the vocabularies) with the problems
 * found, by field. Duplicates are the registry's rules: normalised name in the same country and
 * the website's domain for organisations, the e-mail for people. Pure: no I/O.
 */
import type { Language } from '../i18n/types.ts';
import { normaliseOrganisationName } from '../registry/duplicates.ts';
import { cellText, type RowError, splitList } from '../registry/import-conversion.ts';
import { normaliseHeader } from '../registry/import-fields.ts';
import { codeOf, REGISTRY_VOCABULARIES, type Vocabulary } from '../registry/types.ts';
import {
  CONSENT_BASES,
  CONSENT_BASIS_LABELS,
  type ConsentBasis,
  NETWORK_ORGANISATION_TYPE_LABELS,
  NETWORK_ORGANISATION_TYPES,
  type NetworkOrganisationType,
} from './types.ts';
import { websiteDomain } from './website.ts';

export const NETWORK_ORGANISATION_IMPORT_FIELDS = [
  'name',
  'type',
  'country',
  'city',
  'website',
  'spaceSegments',
  'melca',
  'tags',
  'notes',
  'ownerCluster',
] as const;
export type NetworkOrganisationImportField = (typeof NETWORK_ORGANISATION_IMPORT_FIELDS)[number];

export const NETWORK_PERSON_IMPORT_FIELDS = [
  'name',
  'email',
  'phone',
  'roleTitle',
  'language',
  'organisation',
  'consentBasis',
  'consentOn',
  'consentSource',
  'notes',
] as const;
export type NetworkPersonImportField = (typeof NETWORK_PERSON_IMPORT_FIELDS)[number];

type Headers<F extends string> = Record<Language, Partial<Record<F, readonly string[]>>>;

/** Column names per language, best first (compared after `normaliseHeader`: case and accents ignored). */
export const NETWORK_ORGANISATION_HEADERS: Headers<NetworkOrganisationImportField> = {
  en: {
    name: ['Name', 'Organisation', 'Organisation name', 'Organization', 'Organization name', 'Company'],
    type: ['Type', 'Organisation type', 'Organization type', 'Category'],
    country: ['Country', 'Country code'],
    city: ['City', 'Town', 'Location'],
    website: ['Website', 'Web site', 'Web', 'URL', 'Homepage'],
    spaceSegments: ['Space segments', 'Segments', 'Segment'],
    melca: ['MELCA', 'Cross-sector fields'],
    tags: ['Tags', 'Keywords', 'Labels'],
    notes: ['Notes', 'Note', 'Comments', 'Remarks'],
    ownerCluster: ['Owner cluster', 'Cluster', 'Owner'],
  },
  fr: {
    name: ['Nom', 'Nom de l’organisation', 'Organisation', 'Raison sociale', 'Entreprise', 'Société'],
    type: ['Type', 'Type d’organisation', 'Catégorie'],
    country: ['Pays', 'Code pays'],
    city: ['Ville', 'Localité'],
    website: ['Site web', 'Site Internet', 'Site'],
    spaceSegments: ['Segments spatiaux', 'Segments'],
    melca: ['Domaines transversaux'],
    tags: ['Mots-clés', 'Étiquettes'],
    notes: ['Notes', 'Remarques', 'Commentaires'],
    ownerCluster: ['Pôle responsable', 'Cluster responsable', 'Pôle'],
  },
  es: {
    name: ['Nombre', 'Nombre de la organización', 'Organización', 'Empresa', 'Entidad'],
    type: ['Tipo', 'Tipo de organización', 'Categoría'],
    country: ['País', 'Código de país'],
    city: ['Ciudad', 'Localidad'],
    website: ['Sitio web', 'Página web'],
    spaceSegments: ['Segmentos espaciales', 'Segmentos'],
    melca: ['Campos transversales'],
    tags: ['Etiquetas', 'Palabras clave'],
    notes: ['Notas', 'Observaciones', 'Comentarios'],
    ownerCluster: ['Clúster responsable', 'Clúster'],
  },
  it: {
    name: ['Nome', 'Nome dell’organizzazione', 'Organizzazione', 'Azienda', 'Ente'],
    type: ['Tipo', 'Tipologia', 'Categoria'],
    country: ['Paese', 'Nazione', 'Codice paese'],
    city: ['Città', 'Comune', 'Località'],
    website: ['Sito web', 'Sito internet', 'Sito'],
    spaceSegments: ['Segmenti spaziali', 'Segmenti'],
    melca: ['Settori trasversali'],
    tags: ['Tag', 'Parole chiave', 'Etichette'],
    notes: ['Note', 'Osservazioni', 'Commenti'],
    ownerCluster: ['Cluster responsabile', 'Distretto'],
  },
  el: {
    name: ['Επωνυμία', 'Όνομα', 'Ονομασία', 'Οργανισμός', 'Εταιρεία'],
    type: ['Τύπος', 'Είδος', 'Κατηγορία'],
    country: ['Χώρα', 'Κωδικός χώρας'],
    city: ['Πόλη', 'Τοποθεσία'],
    website: ['Ιστότοπος', 'Ιστοσελίδα'],
    spaceSegments: ['Διαστημικοί τομείς', 'Τομείς'],
    melca: ['Διατομεακά πεδία'],
    tags: ['Ετικέτες', 'Λέξεις-κλειδιά'],
    notes: ['Σημειώσεις', 'Παρατηρήσεις', 'Σχόλια'],
    ownerCluster: ['Υπεύθυνο σύμπλεγμα', 'Σύμπλεγμα'],
  },
  pl: {
    name: ['Nazwa', 'Nazwa organizacji', 'Organizacja', 'Firma', 'Instytucja'],
    type: ['Typ', 'Rodzaj', 'Kategoria'],
    country: ['Kraj', 'Państwo', 'Kod kraju'],
    city: ['Miasto', 'Miejscowość'],
    website: ['Strona internetowa', 'Strona WWW', 'WWW'],
    spaceSegments: ['Segmenty kosmiczne', 'Segmenty'],
    melca: ['Obszary międzysektorowe'],
    tags: ['Tagi', 'Słowa kluczowe', 'Etykiety'],
    notes: ['Notatki', 'Uwagi', 'Komentarze'],
    ownerCluster: ['Klaster odpowiedzialny', 'Klaster'],
  },
};

export const NETWORK_PERSON_HEADERS: Headers<NetworkPersonImportField> = {
  en: {
    name: ['Name', 'Full name', 'Person', 'Contact', 'Contact name'],
    email: ['E-mail', 'Email', 'Email address', 'E-mail address', 'Mail'],
    phone: ['Phone', 'Telephone', 'Phone number', 'Tel', 'Mobile'],
    roleTitle: ['Role', 'Role title', 'Job title', 'Title', 'Position', 'Function'],
    language: ['Language', 'Preferred language', 'Lang'],
    organisation: ['Organisation', 'Organization', 'Company', 'Organisation name', 'Employer'],
    consentBasis: ['Consent basis', 'Legal basis', 'GDPR basis', 'Consent'],
    consentOn: ['Consent date', 'Consent given on', 'Consented on'],
    consentSource: ['Consent source', 'Source', 'Where met'],
    notes: ['Notes', 'Note', 'Comments', 'Remarks'],
  },
  fr: {
    name: ['Nom', 'Nom complet', 'Prénom et nom', 'Nom et prénom', 'Personne', 'Contact'],
    email: ['Courriel', 'Adresse e-mail', 'Adresse électronique', 'Mél'],
    phone: ['Téléphone', 'Tél', 'Portable'],
    roleTitle: ['Fonction', 'Poste', 'Titre', 'Rôle'],
    language: ['Langue', 'Langue préférée'],
    organisation: ['Organisation', 'Entreprise', 'Société', 'Structure'],
    consentBasis: ['Base légale', 'Base du consentement', 'Consentement'],
    consentOn: ['Date du consentement'],
    consentSource: ['Source du consentement', 'Source', 'Provenance'],
    notes: ['Notes', 'Remarques', 'Commentaires'],
  },
  es: {
    name: ['Nombre', 'Nombre completo', 'Nombre y apellidos', 'Contacto', 'Persona'],
    email: ['Correo electrónico', 'Correo', 'Dirección de correo'],
    phone: ['Teléfono', 'Móvil'],
    roleTitle: ['Cargo', 'Puesto', 'Función', 'Rol'],
    language: ['Idioma', 'Lengua'],
    organisation: ['Organización', 'Empresa', 'Entidad'],
    consentBasis: ['Base jurídica', 'Base legal', 'Consentimiento'],
    consentOn: ['Fecha del consentimiento'],
    consentSource: ['Origen del consentimiento', 'Origen', 'Fuente'],
    notes: ['Notas', 'Observaciones', 'Comentarios'],
  },
  it: {
    name: ['Nome', 'Nome e cognome', 'Nome completo', 'Contatto', 'Referente'],
    email: ['Indirizzo e-mail', 'Posta elettronica'],
    phone: ['Telefono', 'Cellulare'],
    roleTitle: ['Ruolo', 'Qualifica', 'Funzione', 'Posizione'],
    language: ['Lingua', 'Lingua preferita'],
    organisation: ['Organizzazione', 'Azienda', 'Impresa', 'Ente'],
    consentBasis: ['Base giuridica', 'Base del consenso', 'Consenso'],
    consentOn: ['Data del consenso'],
    consentSource: ['Origine del consenso', 'Origine', 'Fonte'],
    notes: ['Note', 'Osservazioni', 'Commenti'],
  },
  el: {
    name: ['Ονοματεπώνυμο', 'Όνομα', 'Επαφή', 'Πρόσωπο'],
    email: ['Ηλεκτρονικό ταχυδρομείο', 'Διεύθυνση email'],
    phone: ['Τηλέφωνο', 'Κινητό'],
    roleTitle: ['Θέση', 'Ρόλος', 'Ιδιότητα'],
    language: ['Γλώσσα'],
    organisation: ['Οργανισμός', 'Εταιρεία', 'Φορέας'],
    consentBasis: ['Νομική βάση', 'Συγκατάθεση'],
    consentOn: ['Ημερομηνία συγκατάθεσης'],
    consentSource: ['Πηγή συγκατάθεσης', 'Πηγή'],
    notes: ['Σημειώσεις', 'Παρατηρήσεις', 'Σχόλια'],
  },
  pl: {
    name: ['Imię i nazwisko', 'Nazwisko', 'Osoba', 'Osoba kontaktowa', 'Kontakt'],
    email: ['Adres e-mail', 'Poczta'],
    phone: ['Telefon', 'Numer telefonu', 'Komórka'],
    roleTitle: ['Stanowisko', 'Funkcja', 'Rola'],
    language: ['Język'],
    organisation: ['Organizacja', 'Firma', 'Instytucja'],
    consentBasis: ['Podstawa prawna', 'Zgoda'],
    consentOn: ['Data zgody'],
    consentSource: ['Źródło zgody', 'Źródło'],
    notes: ['Notatki', 'Uwagi', 'Komentarze'],
  },
};

/**
 * The column each field most likely comes from: for each field the header matching its earliest
 * synonym (English first on a tie), each column feeding at most one field.
 *
 * @example
 * suggestNetworkMapping(['Nom', 'Pays'], NETWORK_ORGANISATION_IMPORT_FIELDS, NETWORK_ORGANISATION_HEADERS);
 * // { name: 0, country: 1, type: null, … }
 */
export function suggestNetworkMapping<F extends string>(
  headers: readonly string[],
  fields: readonly F[],
  synonyms: Headers<F>,
): Record<F, number | null> {
  const normalised = headers.map(normaliseHeader);
  const candidates: Array<{ field: F; column: number; rank: number }> = [];
  for (const [language, table] of Object.entries(synonyms) as Array<
    [Language, Partial<Record<F, readonly string[]>>]
  >) {
    for (const field of fields) {
      (table[field] ?? []).forEach((name, rank) => {
        const key = normaliseHeader(name);
        normalised.forEach((header, column) => {
          if (header === key) candidates.push({ field, column, rank: language === 'en' ? rank : rank + 0.5 });
        });
      });
    }
  }
  candidates.sort((a, b) => a.rank - b.rank || a.column - b.column);
  const mapping = Object.fromEntries(fields.map((field) => [field, null])) as Record<F, number | null>;
  const used = new Set<number>();
  for (const { field, column } of candidates) {
    if (mapping[field] !== null || used.has(column)) continue;
    mapping[field] = column;
    used.add(column);
  }
  return mapping;
}

const TYPE_VOCABULARY: Vocabulary<NetworkOrganisationType> = {
  codes: NETWORK_ORGANISATION_TYPES,
  labels: NETWORK_ORGANISATION_TYPE_LABELS,
  aliases: {
    embassy_or_consulate: ['Embassy', 'Consulate'],
    research_or_university: ['University', 'Research centre', 'Research center', 'RTO'],
    chamber_of_commerce: ['Chamber', 'CCI'],
    investor: ['VC', 'Venture capital', 'Fund'],
  },
};

const CONSENT_VOCABULARY: Vocabulary<ConsentBasis> = {
  codes: CONSENT_BASES,
  labels: CONSENT_BASIS_LABELS,
  aliases: { consent: ['Consent', 'Yes', 'Opt-in'], legitimate_interest: ['Legitimate'] },
};

function listOf(vocabulary: Vocabulary): string {
  const names = vocabulary.codes.map((code) => (vocabulary.labels as Record<string, string>)[code] ?? code);
  return `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

/** A network organisation read from a row, before access and duplicate checks. */
export interface NetworkOrganisationRowValues {
  name: string;
  normalisedName: string;
  type: NetworkOrganisationType;
  country: string;
  city: string | null;
  website: string | null;
  websiteDomain: string | null;
  spaceSegments: string[];
  melca: string[];
  tags: string[];
  notes: string;
  /** The cluster as the row names it (id, short name or name), '' when not given. */
  ownerCluster: string;
}

type Row<F extends string> = Partial<Record<F, string | null>>;

/**
 * One organisation row as values and errors by field. A type must be given (label or code); the
 * country is an ISO code checked by the caller (`isCountry`); a website without a scheme gets
 * `https://`.
 */
export function convertNetworkOrganisationRow(
  row: Row<NetworkOrganisationImportField>,
  isCountry: (code: string) => boolean,
): { values: NetworkOrganisationRowValues | null; errors: RowError[] } {
  const errors: RowError[] = [];
  const name = cellText(row.name);
  if (name === '') errors.push({ field: 'name', message: 'is required' });
  else if (name.length > 200) errors.push({ field: 'name', message: 'is longer than 200 characters' });
  const typeText = cellText(row.type);
  const type = typeText === '' ? undefined : codeOf(TYPE_VOCABULARY, typeText);
  if (typeText === '') errors.push({ field: 'type', message: `is required: ${listOf(TYPE_VOCABULARY)}` });
  else if (!type) {
    errors.push({ field: 'type', message: `"${typeText}" is not a type: use ${listOf(TYPE_VOCABULARY)}` });
  }
  const country = cellText(row.country).toUpperCase();
  if (country === '') errors.push({ field: 'country', message: 'is required (ISO 3166-1 code, e.g. "FR")' });
  else if (!isCountry(country)) {
    errors.push({ field: 'country', message: `"${country}" is not an ISO 3166-1 country code` });
  }
  const city = cellText(row.city) || null;
  if (city && city.length > 100) errors.push({ field: 'city', message: 'is longer than 100 characters' });
  let website: string | null = cellText(row.website) || null;
  let domain: string | null = null;
  if (website) {
    if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(website)) website = `https://${website}`;
    domain = websiteDomain(website);
    if (!domain || website.length > 500) {
      errors.push({ field: 'website', message: `"${cellText(row.website)}" is not a web address` });
    }
  }
  const spaceSegments = codes(
    row.spaceSegments,
    REGISTRY_VOCABULARIES.spaceSegments as Vocabulary,
    'spaceSegments',
    'a space segment',
    errors,
  );
  const melca = codes(row.melca, REGISTRY_VOCABULARIES.melca as Vocabulary, 'melca', 'a MELCA field', errors);
  const tags = [...new Set(splitList(cellText(row.tags)))];
  if (tags.length > 20 || tags.some((tag) => tag.length > 40)) {
    errors.push({ field: 'tags', message: 'at most 20 tags of at most 40 characters' });
  }
  const notes = cellText(row.notes);
  if (notes.length > 10_000) errors.push({ field: 'notes', message: 'is longer than 10,000 characters' });
  if (errors.length > 0 || !type) return { values: null, errors };
  return {
    values: {
      name,
      normalisedName: normaliseOrganisationName(name),
      type,
      country,
      city,
      website,
      websiteDomain: domain,
      spaceSegments,
      melca,
      tags,
      notes,
      ownerCluster: cellText(row.ownerCluster),
    },
    errors,
  };
}

function codes(
  cell: string | null | undefined,
  vocabulary: Vocabulary,
  field: string,
  noun: string,
  errors: RowError[],
): string[] {
  const items = splitList(cellText(cell));
  const unknown = items.filter((item) => codeOf(vocabulary, item) === undefined);
  if (unknown.length > 0) {
    errors.push({
      field,
      message: `${unknown.map((item) => `"${item}"`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not ${noun}: use ${listOf(vocabulary)} (labels or codes)`,
    });
    return [];
  }
  return [...new Set(items.map((item) => codeOf(vocabulary, item) as string))];
}

/** A network person read from a row, before the organisation is found and duplicates checked. */
export interface NetworkPersonRowValues {
  name: string;
  email: string | null;
  phone: string | null;
  roleTitle: string | null;
  language: string | null;
  /** The organisation as the row names it (id or name), '' when not given. */
  organisation: string;
  consentBasis: ConsentBasis | null;
  consentOn: string | null;
  consentSource: string | null;
  notes: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** One person row as values and errors by field. Consent "consent" needs its day (YYYY-MM-DD). */
export function convertNetworkPersonRow(
  row: Row<NetworkPersonImportField>,
  isDay: (text: string) => boolean,
): { values: NetworkPersonRowValues | null; errors: RowError[] } {
  const errors: RowError[] = [];
  const text = (field: NetworkPersonImportField, max: number): string | null => {
    const value = cellText(row[field]);
    if (value.length > max) errors.push({ field, message: `is longer than ${max} characters` });
    return value === '' ? null : value;
  };
  const name = text('name', 200);
  if (name === null) errors.push({ field: 'name', message: 'is required' });
  const email = text('email', 254)?.toLowerCase() ?? null;
  if (email !== null && !EMAIL.test(email)) {
    errors.push({ field: 'email', message: `"${email}" is not an e-mail address` });
  }
  const phone = text('phone', 50);
  const roleTitle = text('roleTitle', 200);
  const languageText = text('language', 20);
  const language = languageText?.toLowerCase().split(/[-_]/)[0] ?? null;
  if (languageText !== null && !/^[a-z]{2}$/.test(language ?? '')) {
    errors.push({
      field: 'language',
      message: `"${languageText}" is not an ISO 639-1 language code (e.g. "fr")`,
    });
  }
  const basisText = cellText(row.consentBasis);
  const consentBasis = basisText === '' ? null : (codeOf(CONSENT_VOCABULARY, basisText) ?? null);
  if (basisText !== '' && consentBasis === null) {
    errors.push({
      field: 'consentBasis',
      message: `"${basisText}" is not a consent basis: use ${listOf(CONSENT_VOCABULARY)}`,
    });
  }
  const consentOn = cellText(row.consentOn) || null;
  if (consentOn !== null && !isDay(consentOn)) {
    errors.push({ field: 'consentOn', message: `"${consentOn}" is not a date written YYYY-MM-DD` });
  }
  if (consentBasis === 'consent' && consentOn === null) {
    errors.push({
      field: 'consentOn',
      message: 'is required when the basis is consent (the day it was given)',
    });
  }
  const consentSource = text('consentSource', 200);
  const notes = text('notes', 10_000) ?? '';
  const organisation = text('organisation', 200) ?? '';
  if (errors.length > 0 || name === null) return { values: null, errors };
  return {
    values: {
      name,
      email,
      phone,
      roleTitle,
      language,
      organisation,
      consentBasis,
      consentOn,
      consentSource,
      notes,
    },
    errors,
  };
}
