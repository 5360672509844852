/**
 * The registry's vocabularies — organisation types and sizes, space segments, cross-sector (MELCA)
 * fields, export experience — with their display labels, in display order: the one list the API's
 * schemas, the import, the exports, the audit log and the web app all read (the web app imports it
 * at run time through `web/src/api/vocabulary.ts`). Codes stay in the API; people see the labels.
 * Pure data and two small look-ups, no I/O.
 */

export const ORGANISATION_TYPES = ['sme', 'large_company', 'rd_centre', 'university', 'other'] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];
export const ORGANISATION_TYPE_LABELS: Record<OrganisationType, string> = {
  sme: 'SME',
  large_company: 'Large company',
  rd_centre: 'R&D centre',
  university: 'University',
  other: 'Other',
};

export const ORGANISATION_SIZES = ['micro', 'small', 'medium', 'large'] as const;
export type OrganisationSize = (typeof ORGANISATION_SIZES)[number];
export const ORGANISATION_SIZE_LABELS: Record<OrganisationSize, string> = {
  micro: 'Micro (under 10 staff)',
  small: 'Small (10–49 staff)',
  medium: 'Medium (50–249 staff)',
  large: 'Large (250 staff or more)',
};

export const SPACE_SEGMENTS = [
  'earth_observation',
  'satcom',
  'navigation',
  'launch',
  'ground_segment',
  'downstream_applications',
  'space_science',
  'in_orbit_services',
] as const;
export type SpaceSegment = (typeof SPACE_SEGMENTS)[number];
export const SPACE_SEGMENT_LABELS: Record<SpaceSegment, string> = {
  earth_observation: 'Earth observation',
  satcom: 'Satellite communications',
  navigation: 'Navigation',
  launch: 'Launch',
  ground_segment: 'Ground segment',
  downstream_applications: 'Downstream applications',
  space_science: 'Space science',
  in_orbit_services: 'In-orbit services',
};

export const MELCA_FIELDS = [
  'mobility',
  'energy',
  'logistics',
  'creative_industries',
  'agriculture',
] as const;
export type MelcaField = (typeof MELCA_FIELDS)[number];
export const MELCA_FIELD_LABELS: Record<MelcaField, string> = {
  mobility: 'Mobility',
  energy: 'Energy',
  logistics: 'Logistics',
  creative_industries: 'Creative industries',
  agriculture: 'Agriculture',
};

export const EXPORT_EXPERIENCE = ['none', 'occasional', 'regular', 'established'] as const;
export type ExportExperience = (typeof EXPORT_EXPERIENCE)[number];
export const EXPORT_EXPERIENCE_LABELS: Record<ExportExperience, string> = {
  none: 'No export experience',
  occasional: 'Occasional exports',
  regular: 'Regular exports',
  established: 'Established exporter',
};

/** One vocabulary: its codes in display order, their labels, and other names people use for them. */
export interface Vocabulary<C extends string = string> {
  codes: readonly C[];
  labels: Record<C, string>;
  /** Other words for a code, e.g. "Occasional exporter" or "EO" (matched like labels). */
  aliases?: Partial<Record<C, readonly string[]>>;
}

export const REGISTRY_VOCABULARIES = {
  type: {
    codes: ORGANISATION_TYPES,
    labels: ORGANISATION_TYPE_LABELS,
    aliases: {
      large_company: ['Large', 'Large enterprise'],
      rd_centre: ['R&D center', 'R & D centre', 'Research centre', 'Research center', 'RTO'],
      sme: ['Small and medium-sized enterprise', 'Small or medium enterprise'],
    },
  } satisfies Vocabulary<OrganisationType>,
  size: {
    codes: ORGANISATION_SIZES,
    labels: ORGANISATION_SIZE_LABELS,
  } satisfies Vocabulary<OrganisationSize>,
  spaceSegments: {
    codes: SPACE_SEGMENTS,
    labels: SPACE_SEGMENT_LABELS,
    aliases: {
      earth_observation: ['EO'],
      satcom: ['Satcom', 'Satellite communication', 'Telecommunications'],
      navigation: ['GNSS', 'Satellite navigation'],
      in_orbit_services: ['In-orbit servicing'],
      downstream_applications: ['Downstream'],
    },
  } satisfies Vocabulary<SpaceSegment>,
  melca: {
    codes: MELCA_FIELDS,
    labels: MELCA_FIELD_LABELS,
  } satisfies Vocabulary<MelcaField>,
  exportExperience: {
    codes: EXPORT_EXPERIENCE,
    labels: EXPORT_EXPERIENCE_LABELS,
    aliases: {
      none: ['None', 'No exports', 'Non-exporter'],
      occasional: ['Occasional exporter'],
      regular: ['Regular exporter'],
      established: ['Established exports'],
    },
  } satisfies Vocabulary<ExportExperience>,
} as const;

export type RegistryVocabulary = keyof typeof REGISTRY_VOCABULARIES;

/**
 * A word as a look-up key: lower case, no accents, `&` dropped, every run of other characters one
 * `_` ("R&D centre" → `rd_centre`, "Small (10–49 staff)" → `small_10_49_staff`).
 */
export function vocabularyKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

const lookups = new Map<Vocabulary, Map<string, string>>();

/** Every key a code is known by: the code, its label, the label before a bracket, its aliases. */
function lookupOf(vocabulary: Vocabulary): Map<string, string> {
  let lookup = lookups.get(vocabulary);
  if (lookup) return lookup;
  lookup = new Map();
  for (const code of vocabulary.codes) {
    const label = vocabulary.labels[code] ?? code;
    const names = [code, label, label.replace(/\s*\(.*\)\s*$/, ''), ...(vocabulary.aliases?.[code] ?? [])];
    for (const name of names) {
      const key = vocabularyKey(name);
      if (key !== '' && !lookup.has(key)) lookup.set(key, code);
    }
  }
  lookups.set(vocabulary, lookup);
  return lookup;
}

/**
 * The code a person's text names in a vocabulary — its code or its label, in any case, with or
 * without accents and punctuation — or undefined when it names none.
 *
 * @example
 * codeOf(REGISTRY_VOCABULARIES.exportExperience, 'Occasional exports'); // 'occasional'
 * codeOf(REGISTRY_VOCABULARIES.size, 'SMALL'); // 'small'
 * codeOf(REGISTRY_VOCABULARIES.spaceSegments, 'earth_observation'); // 'earth_observation'
 */
export function codeOf<C extends string>(vocabulary: Vocabulary<C>, text: string): C | undefined {
  return lookupOf(vocabulary as Vocabulary).get(vocabularyKey(text)) as C | undefined;
}

/** A code's label, or the text itself when it is no code of the vocabulary (free text). */
export function labelOf(vocabulary: Vocabulary, code: string): string {
  return (vocabulary.labels as Record<string, string>)[code] ?? code;
}

/**
 * A target market's segment as the Hub stores it: the code of the space segment or MELCA field the
 * text names (label or code, any case), else the text as typed — markets may name segments of
 * their own ("Disaster monitoring").
 *
 * @example marketSegmentCode('Earth Observation') // 'earth_observation'
 */
export function marketSegmentCode(text: string): string {
  return (
    codeOf(REGISTRY_VOCABULARIES.spaceSegments, text) ?? codeOf(REGISTRY_VOCABULARIES.melca, text) ?? text
  );
}

/** A target market's segment as people read it: the vocabulary's label, or the text of its own. */
export function marketSegmentLabel(segment: string): string {
  const vocabulary =
    segment in SPACE_SEGMENT_LABELS ? REGISTRY_VOCABULARIES.spaceSegments : REGISTRY_VOCABULARIES.melca;
  return labelOf(vocabulary, segment);
}
