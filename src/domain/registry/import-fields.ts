/**
 * The target fields of a registry import, the column headers of the export, and the suggested
 * mapping of a file's headers to those fields. Pure: no I/O.
 *
 * The export writes each field under its `header`; `suggestMapping` recognises those headers (and
 * common synonyms), so an exported file imports again without manual mapping.
 */

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

/**
 * A header as compared: lower-case, no accents, punctuation as single spaces.
 *
 * @example
 * normaliseHeader(' E-Mail '); // 'e mail'
 */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
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
  const synonyms: Record<string, readonly string[]> =
    kind === 'organisations' ? ORGANISATION_HEADERS : PERSON_HEADERS;
  const normalised = headers.map(normaliseHeader);
  // Candidate pairs ranked by synonym position, so exact export headers are taken first.
  const candidates: Array<{ field: string; column: number; rank: number }> = [];
  for (const [field, names] of Object.entries(synonyms)) {
    names.forEach((name, rank) => {
      const wanted = normaliseHeader(name);
      normalised.forEach((header, column) => {
        if (header === wanted) candidates.push({ field, column, rank });
      });
    });
  }
  candidates.sort((a, b) => a.rank - b.rank || a.column - b.column);
  const mapping: Record<string, number | null> = Object.fromEntries(
    Object.keys(synonyms).map((f) => [f, null]),
  );
  const usedColumns = new Set<number>();
  for (const { field, column } of candidates) {
    if (mapping[field] !== null || usedColumns.has(column)) continue;
    mapping[field] = column;
    usedColumns.add(column);
  }
  return mapping;
}
