/**
 * vCards (RFC 6350, and the vCard 3.0 of RFC 2426 that most address books still write) of network
 * people: one or many cards written from people, and cards read back into what a person holds.
 * Parsing and writing (escaping, line folding, structured values) are ical.js's; this module maps
 * properties to the person's fields and enforces the import's limits. Pure: no I/O.
 *
 * Mapped: FN (or N when FN is empty), N, ORG (its first component: the organisation's name),
 * TITLE, EMAIL (the first), TEL (the first), LANG (v4; its primary language subtag), NOTE.
 */
import ICAL from 'ical.js';
import { InvalidInputError, TooLargeError } from '../errors.ts';

/** Largest vCard upload: 1 MB. */
export const MAX_VCARD_BYTES = 1024 * 1024;
/** Most cards in one upload. */
export const MAX_VCARDS = 5000;
/** Longest physical line of an upload (folded lines are 75 octets; this leaves room for careless writers). */
export const MAX_VCARD_LINE_CHARS = 10_000;

/** Field bounds, as the person's columns are bounded by the API. */
const FIELD_MAX = { name: 200, email: 254, phone: 50, roleTitle: 200, notes: 10_000, organisationName: 200 };

/** What a card says about a person, and what a card is written from. */
export interface VCardPerson {
  name: string;
  email: string | null;
  phone: string | null;
  roleTitle: string | null;
  /** ISO 639-1 (or any primary language subtag). */
  language: string | null;
  notes: string;
  organisationName: string | null;
}

/** A card read from an upload: its place in the file, its version, the person it describes. */
export interface ReadCard extends VCardPerson {
  /** 0-based place of the card in the file. */
  index: number;
  version: '3.0' | '4.0';
  /** Problems that keep this card from being imported (e.g. no name); empty when it can be. */
  errors: Array<{ field: string; message: string }>;
}

/** One card (vCard 4.0) of a person, CRLF line ends, long lines folded (ical.js: 75 characters). */
export function writeVCard(person: VCardPerson): string {
  const card = new ICAL.Component('vcard');
  card.updatePropertyWithValue('version', '4.0');
  card.updatePropertyWithValue('fn', person.name);
  const n = new ICAL.Property('n', card);
  n.setValue(structuredName(person.name));
  card.addProperty(n);
  if (person.organisationName) {
    const org = new ICAL.Property('org', card);
    org.setValue([person.organisationName]);
    card.addProperty(org);
  }
  if (person.roleTitle) card.updatePropertyWithValue('title', person.roleTitle);
  if (person.email) card.updatePropertyWithValue('email', person.email);
  if (person.phone) {
    const tel = new ICAL.Property('tel', card);
    tel.setParameter('value', 'text');
    tel.setValue(person.phone);
    card.addProperty(tel);
  }
  if (person.language) card.updatePropertyWithValue('lang', person.language);
  if (person.notes) card.updatePropertyWithValue('note', person.notes);
  return `${card.toString()}\r\n`;
}

/** Many cards, one after the other (a .vcf file). */
export function writeVCards(people: Iterable<VCardPerson>): string {
  let text = '';
  for (const person of people) text += writeVCard(person);
  return text;
}

/**
 * N from a display name: the last word as the family name, the rest as the given names. A guess
 * that address books only use to sort; FN stays the name shown.
 */
function structuredName(name: string): string[] {
  const words = name.trim().split(/\s+/);
  const family = words.length > 1 ? (words.pop() ?? '') : '';
  return [family, words.join(' '), '', '', ''];
}

/**
 * The cards of an upload. Refuses (nothing read) a file over 1 MB or with more than 5,000 cards
 * (TooLargeError, 413), a file that is not UTF-8, a line over 10,000 characters or text that is
 * not vCards (InvalidInputError naming `body`). Cards without a name are returned with an error.
 */
export function readVCards(bytes: Uint8Array | string): ReadCard[] {
  const size = typeof bytes === 'string' ? Buffer.byteLength(bytes, 'utf8') : bytes.byteLength;
  if (size > MAX_VCARD_BYTES) {
    throw new TooLargeError(`The vCard file is over the limit of 1 MB (${MAX_VCARD_BYTES} bytes).`);
  }
  const text = typeof bytes === 'string' ? bytes : decodeUtf8(bytes);
  const body = text.replace(/^\uFEFF/, '');
  if (body.includes('\u0000'))
    throw invalidBody('The file contains NUL characters: it is not a vCard text file.');
  const lines = body.split(/\r\n|\n|\r/);
  const longLine = lines.findIndex((line) => line.length > MAX_VCARD_LINE_CHARS);
  if (longLine !== -1) {
    throw invalidBody(
      `Line ${longLine + 1} is longer than the limit of ${MAX_VCARD_LINE_CHARS} characters: vCard lines are folded at 75 octets.`,
    );
  }
  const begins = lines.filter((line) => /^BEGIN:VCARD\s*$/i.test(line)).length;
  if (begins === 0) throw invalidBody('The file holds no vCard (no "BEGIN:VCARD" line).');
  if (begins > MAX_VCARDS) {
    throw new TooLargeError(`The file holds ${begins} vCards, over the limit of ${MAX_VCARDS} cards.`);
  }
  let parsed: unknown;
  try {
    parsed = ICAL.parse(lines.filter((line) => line.trim() !== '').join('\r\n'));
  } catch (error) {
    throw invalidBody(`The file is not a valid vCard file: ${(error as Error).message}.`);
  }
  const jcards = (Array.isArray(parsed) && Array.isArray(parsed[0]) ? parsed : [parsed]) as unknown[];
  return jcards.map((jcard, index) => {
    const component = new ICAL.Component(jcard as unknown[]);
    if (component.name !== 'vcard') {
      return {
        ...emptyPerson(),
        index,
        version: '4.0',
        errors: [{ field: 'card', message: `is a ${component.name}, not a vCard` }],
      };
    }
    return readCard(component, index);
  });
}

function emptyPerson(): VCardPerson {
  return {
    name: '',
    email: null,
    phone: null,
    roleTitle: null,
    language: null,
    notes: '',
    organisationName: null,
  };
}

function readCard(card: ICAL.Component, index: number): ReadCard {
  const version = String(card.getFirstPropertyValue('version') ?? '') === '3.0' ? '3.0' : '4.0';
  const errors: ReadCard['errors'] = [];
  const n = card.getFirstPropertyValue('n');
  const nameFromN = Array.isArray(n)
    ? [n[3], n[1], n[2], n[0], n[4]]
        .map((part) => textOf(part))
        .filter((part) => part !== '')
        .join(' ')
    : textOf(n);
  const name = textOf(card.getFirstPropertyValue('fn')) || nameFromN;
  if (name === '') errors.push({ field: 'name', message: 'is missing (no FN or N)' });
  const orgValue = card.getFirstPropertyValue('org');
  const organisationName = textOf(Array.isArray(orgValue) ? orgValue[0] : orgValue) || null;
  const email =
    textOf(card.getFirstPropertyValue('email'))
      .replace(/^mailto:/i, '')
      .toLowerCase() || null;
  if (email !== null && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    errors.push({ field: 'email', message: `"${email}" is not an e-mail address` });
  }
  const phone = textOf(card.getFirstPropertyValue('tel')).replace(/^tel:/i, '') || null;
  const lang = textOf(card.getFirstPropertyValue('lang')).toLowerCase().split(/[-_]/)[0] ?? '';
  const person: VCardPerson = {
    name,
    email,
    phone,
    roleTitle: textOf(card.getFirstPropertyValue('title')) || null,
    language: /^[a-z]{2,3}$/.test(lang) ? lang : null,
    notes: textOf(card.getFirstPropertyValue('note')),
    organisationName,
  };
  for (const [field, max] of Object.entries(FIELD_MAX) as Array<[keyof typeof FIELD_MAX, number]>) {
    const value = person[field];
    if (typeof value === 'string' && value.length > max) {
      errors.push({ field, message: `is longer than ${max} characters` });
    }
  }
  return { ...person, index, version, errors };
}

function textOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value))
    return value
      .map(textOf)
      .filter((part) => part !== '')
      .join(' ');
  return String(value).trim();
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw invalidBody(
      'The file is not UTF-8 text: vCards must be UTF-8 (save or export them again as UTF-8, the default of vCard 4.0).',
    );
  }
}

function invalidBody(message: string): InvalidInputError {
  return new InvalidInputError(message, [{ field: 'body', message }]);
}
