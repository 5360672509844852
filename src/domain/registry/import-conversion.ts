/**
 * Turns one row of an import (field → text cell, as the client mapped it) into the input of the
 * create use case, before that input is validated by the same zod schema as the create endpoint.
 * Only what text cannot say directly is done here: lists from separated text, vocabulary labels
 * to codes, yes/no to booleans, a cluster or organisation named instead of identified. Pure.
 */
import { normaliseOrganisationName, normaliseRegistrationId } from './duplicates.ts';
import type { OrganisationImportField, PersonImportField } from './import-fields.ts';
import { codeOf, REGISTRY_VOCABULARIES, type RegistryVocabulary, type Vocabulary } from './types.ts';

/** One problem of one row, by import field (`cluster`, `email`, `spaceSegments`…). */
export interface RowError {
  field: string;
  message: string;
}

/** What conversion produced: the create input (still unvalidated) and the problems found so far. */
export interface Converted {
  input: Record<string, unknown>;
  errors: RowError[];
}

export type ImportRow<F extends string> = Partial<Record<F, string | null>>;

/**
 * A cell's text: trimmed, '' for nothing, and without the `'` an export puts before a leading
 * `=`, `+`, `-`, `@`, tab or CR (see `neutraliseFormula`), so an exported file imports unchanged.
 */
export function cellText(value: string | null | undefined): string {
  const text = (value ?? '').trim();
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

/**
 * The items of a list cell: separated by `;`, or by `,` when the cell has no `;` (so a tag may
 * hold a comma when the list uses semicolons). Empty items are dropped.
 *
 * @example
 * splitList('satcom; launch'); // ['satcom', 'launch']
 * splitList('BE,FR'); // ['BE', 'FR']
 */
export function splitList(text: string): string[] {
  const separator = text.includes(';') ? ';' : ',';
  return text
    .split(separator)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/**
 * A vocabulary value as its code: the code itself or the label the app shows, in any case, with
 * or without accents ("Occasional exports", "OCCASIONAL", "occasional" → `occasional`); undefined
 * when it names no value of the vocabulary.
 */
export function vocabularyCode(vocabulary: RegistryVocabulary, text: string): string | undefined {
  return codeOf(REGISTRY_VOCABULARIES[vocabulary] as Vocabulary, text);
}

/** `"startup" is not a type: use SME, Large company, R&D centre, University or Other` (labels, as shown). */
function unknownValue(vocabulary: RegistryVocabulary, texts: readonly string[]): string {
  const { codes, labels } = REGISTRY_VOCABULARIES[vocabulary] as Vocabulary;
  const names = codes.map((code) => labels[code] ?? code);
  const list = `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
  const what = texts.map((text) => `"${text}"`).join(', ');
  return `${what} ${texts.length === 1 ? 'is' : 'are'} not ${VOCABULARY_NOUNS[vocabulary]}: use ${list} (labels or codes, any case)`;
}

const VOCABULARY_NOUNS: Record<RegistryVocabulary, string> = {
  type: 'an organisation type',
  size: 'a size',
  spaceSegments: 'a space segment',
  melca: 'a MELCA field',
  exportExperience: 'an export experience',
};

const TRUE_WORDS = new Set(['yes', 'y', 'true', '1', 'x', 'ja', 'oui', 'si', 'sí', 'on']);
const FALSE_WORDS = new Set(['no', 'n', 'false', '0', 'nein', 'non', 'off']);

/** yes/no, true/false, 1/0 (and a few languages' yes/no) as a boolean; undefined when unclear. */
export function parseYesNo(text: string): boolean | undefined {
  const word = text.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return undefined;
}

export interface ClusterKey {
  id: string;
  name: string;
  shortName: string;
}

/** Finds a cluster of the workspace by id, short name or name (case and accents ignored). */
export class ClusterLookup {
  private readonly byId = new Map<string, ClusterKey>();
  private readonly byLabel = new Map<string, ClusterKey[]>();

  constructor(clusters: readonly ClusterKey[]) {
    for (const cluster of clusters) {
      this.byId.set(cluster.id, cluster);
      for (const label of new Set([labelKey(cluster.shortName), labelKey(cluster.name)])) {
        this.byLabel.set(label, [...(this.byLabel.get(label) ?? []), cluster]);
      }
    }
  }

  /** The cluster's id, or a message saying why the text names none. */
  resolve(text: string): { id: string } | { error: string } {
    const byId = this.byId.get(text);
    if (byId) return { id: byId.id };
    const matches = this.byLabel.get(labelKey(text)) ?? [];
    if (matches.length === 1 && matches[0]) return { id: matches[0].id };
    if (matches.length > 1) return { error: `"${text}" matches several clusters; use the cluster id` };
    return { error: `no cluster "${text}" in this workspace (give its id, short name or name)` };
  }
}

function labelKey(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

export interface OrganisationKey {
  id: string;
  name: string;
  /** As stored (see `normaliseOrganisationName`). */
  normalisedName: string;
  country: string;
  /** As stored (see `normaliseRegistrationId`). */
  registrationId: string | null;
  clusterId: string;
}

/** Finds an organisation of the workspace by id, registration id or name. */
export class OrganisationLookup {
  private readonly byId = new Map<string, OrganisationKey>();
  private readonly byRegistration = new Map<string, OrganisationKey>();
  private readonly byName = new Map<string, OrganisationKey[]>();

  constructor(organisations: Iterable<OrganisationKey>) {
    for (const organisation of organisations) {
      this.byId.set(organisation.id, organisation);
      if (organisation.registrationId) {
        this.byRegistration.set(normaliseRegistrationId(organisation.registrationId), organisation);
      }
      const list = this.byName.get(organisation.normalisedName);
      if (list) list.push(organisation);
      else this.byName.set(organisation.normalisedName, [organisation]);
    }
  }

  resolve(text: string): { organisation: OrganisationKey } | { error: string } {
    const found = this.byId.get(text) ?? this.byRegistration.get(normaliseRegistrationId(text));
    if (found) return { organisation: found };
    const matches = this.byName.get(normaliseOrganisationName(text)) ?? [];
    if (matches.length === 1 && matches[0]) return { organisation: matches[0] };
    if (matches.length > 1) {
      return { error: `"${text}" matches several organisations; use the id or the registration id` };
    }
    return { error: `no organisation "${text}" in this workspace (give its id, registration id or name)` };
  }
}

const ORGANISATION_TEXT_FIELDS = [
  'name',
  'country',
  'city',
  'website',
  'registrationId',
  'offers',
  'requests',
] as const;
const ORGANISATION_CODE_FIELDS = ['type', 'size', 'exportExperience'] as const;
const ORGANISATION_CODE_LISTS = ['spaceSegments', 'melca'] as const;

/**
 * The create input of an organisation from a row. Empty cells are left out, so the create
 * schema's defaults apply (and a missing required field is reported by validation). Vocabulary
 * cells take the labels the app shows or the codes, in any case; anything else is a row error
 * naming the values allowed.
 *
 * @example
 * convertOrganisationRow({ name: 'Orbitech', cluster: 'GSA', country: 'es', type: 'SME' }, clusters);
 * // { input: { name: 'Orbitech', clusterId: 'c1', country: 'ES', type: 'sme' }, errors: [] }
 */
export function convertOrganisationRow(
  row: ImportRow<OrganisationImportField>,
  clusters: ClusterLookup,
): Converted {
  const input: Record<string, unknown> = {};
  const errors: RowError[] = [];
  for (const field of ORGANISATION_TEXT_FIELDS) {
    const text = cellText(row[field]);
    if (text !== '') input[field] = field === 'country' ? text.toUpperCase() : text;
  }
  for (const field of ORGANISATION_CODE_FIELDS) {
    const text = cellText(row[field]);
    if (text === '') continue;
    const code = vocabularyCode(field, text);
    if (code) input[field] = code;
    else errors.push({ field, message: unknownValue(field, [text]) });
  }
  for (const field of ORGANISATION_CODE_LISTS) {
    const text = cellText(row[field]);
    if (text === '') continue;
    const items = splitList(text);
    const unknown = items.filter((item) => vocabularyCode(field, item) === undefined);
    if (unknown.length > 0) errors.push({ field, message: unknownValue(field, unknown) });
    else input[field] = items.map((item) => vocabularyCode(field, item));
  }
  const lists = {
    offerTags: (item: string) => item,
    requestTags: (item: string) => item,
    targetMarketInterests: (item: string) => item.toUpperCase(),
  } as const;
  for (const [field, convert] of Object.entries(lists)) {
    const text = cellText(row[field as keyof typeof lists]);
    if (text !== '') input[field] = splitList(text).map(convert);
  }
  const cluster = cellText(row.cluster);
  if (cluster === '') {
    errors.push({ field: 'cluster', message: 'is required (the cluster id, short name or name)' });
  } else {
    const found = clusters.resolve(cluster);
    if ('id' in found) input.clusterId = found.id;
    else errors.push({ field: 'cluster', message: found.error });
  }
  return { input, errors };
}

/** The create input of a person from a row, and the organisation it names (for the access check). */
export function convertPersonRow(
  row: ImportRow<PersonImportField>,
  organisations: OrganisationLookup,
): Converted & { organisation: OrganisationKey | null } {
  const input: Record<string, unknown> = {};
  const errors: RowError[] = [];
  for (const field of ['name', 'email', 'phone', 'roleTitle'] as const) {
    const text = cellText(row[field]);
    if (text !== '') input[field] = text;
  }
  const consent = cellText(row.consent);
  if (consent !== '') {
    const value = parseYesNo(consent);
    if (value === undefined)
      errors.push({ field: 'consent', message: 'must be yes or no (or true/false, 1/0)' });
    else input.consent = value;
  }
  let organisation: OrganisationKey | null = null;
  const named = cellText(row.organisation);
  if (named !== '') {
    const found = organisations.resolve(named);
    if ('organisation' in found) {
      organisation = found.organisation;
      input.organisationId = found.organisation.id;
    } else {
      errors.push({ field: 'organisation', message: found.error });
    }
  }
  return { input, errors, organisation };
}

/**
 * A text cell made safe for spreadsheet programs (OWASP CSV injection advice): a leading `=`,
 * `+`, `-`, `@`, tab or CR gets a `'` before it, so the cell is shown as text, never evaluated.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
