/**
 * Duplicate detection for member organisations, shared by the API (refuses a duplicate on create
 * and edit) and the CSV/XLSX import (reports duplicates per row). Pure: no I/O.
 */

/**
 * Legal-form suffixes dropped from the end of a name (after accents and dots are removed and the
 * name is lower-cased): "Orbitech S.L." and "ORBITECH" are the same organisation. Multi-word forms
 * are listed as their words.
 */
const LEGAL_SUFFIXES: readonly string[][] = [
  ['sp', 'z', 'oo'],
  ['s', 'de', 'rl'],
  ['gmbh', 'co', 'kg'],
  ['co', 'kg'],
  ['co', 'ltd'],
  ...[
    'sa',
    'sas',
    'sasu',
    'sarl',
    'eurl',
    'sl',
    'slu',
    'sll',
    'sau',
    'gmbh',
    'ag',
    'kg',
    'kgaa',
    'ug',
    'ev',
    'ltd',
    'limited',
    'llc',
    'llp',
    'lp',
    'inc',
    'incorporated',
    'corp',
    'corporation',
    'plc',
    'bv',
    'nv',
    'bvba',
    'sprl',
    'srl',
    'srls',
    'spa',
    'sapa',
    'scarl',
    'sro',
    'as',
    'aps',
    'ab',
    'oy',
    'oyj',
    'ae',
    'ike',
    'oe',
    'ee',
    'epe',
    'kft',
    'zrt',
    'doo',
    'se',
    'sca',
    'scs',
    'co',
    'company',
  ].map((word) => [word]),
];

/**
 * The name as compared for search and duplicates: lower-case, without accents, punctuation or a
 * trailing legal form, single spaces.
 *
 * @example
 * normaliseOrganisationName('Órbita Ingeniería, S.L.'); // 'orbita ingenieria'
 * normaliseOrganisationName('Space-Tech GmbH & Co. KG'); // 'space tech'
 */
export function normaliseOrganisationName(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/ł/g, 'l')
    // Dots join abbreviations ("s.l." → "sl") rather than split them.
    .replace(/[.'’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((word) => word !== '');
  let end = words.length;
  let stripped = true;
  while (stripped) {
    stripped = false;
    for (const suffix of LEGAL_SUFFIXES) {
      // Keep at least one word: a company called "SA" is still named.
      if (end - suffix.length < 1) continue;
      if (suffix.every((word, i) => words[end - suffix.length + i] === word)) {
        end -= suffix.length;
        stripped = true;
        break;
      }
    }
  }
  return words.slice(0, end).join(' ');
}

/** What duplicate detection looks at. */
export interface OrganisationIdentity {
  name: string;
  /** ISO 3166-1 alpha-2 */
  country: string;
  registrationId?: string | null;
}

export type DuplicateReason = 'registration_id' | 'name_and_country';

export interface OrganisationDuplicate<T> {
  existing: T;
  reason: DuplicateReason;
}

/** Registration ids compared without spaces, dots or dashes and in capitals ("BE 0123.456.789" = "BE0123456789"). */
export function normaliseRegistrationId(id: string): string {
  return id.replace(/[\s.\-/]/g, '').toUpperCase();
}

/**
 * The existing organisations that `candidate` duplicates: the same registration id, or the same
 * normalised name in the same country. A registration-id match is reported first and only once.
 *
 * @example
 * findDuplicateOrganisations(
 *   { name: 'Orbitech SL', country: 'ES' },
 *   [{ id: 'o1', name: 'ORBITECH, S.L.', country: 'ES' }],
 * ); // [{ existing: { id: 'o1', … }, reason: 'name_and_country' }]
 */
export function findDuplicateOrganisations<T extends OrganisationIdentity>(
  candidate: OrganisationIdentity,
  existing: readonly T[],
): OrganisationDuplicate<T>[] {
  const registration = candidate.registrationId ? normaliseRegistrationId(candidate.registrationId) : '';
  const name = normaliseOrganisationName(candidate.name);
  const found: OrganisationDuplicate<T>[] = [];
  for (const other of existing) {
    if (
      registration !== '' &&
      other.registrationId &&
      normaliseRegistrationId(other.registrationId) === registration
    ) {
      found.push({ existing: other, reason: 'registration_id' });
    } else if (
      name !== '' &&
      other.country === candidate.country &&
      normaliseOrganisationName(other.name) === name
    ) {
      found.push({ existing: other, reason: 'name_and_country' });
    }
  }
  return found.sort((a, b) => (a.reason === b.reason ? 0 : a.reason === 'registration_id' ? -1 : 1));
}
