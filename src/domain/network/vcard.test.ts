import { describe, expect, it } from 'vitest';
import { InvalidInputError, TooLargeError } from '../errors.ts';
import {
  MAX_VCARD_LINE_CHARS,
  MAX_VCARDS,
  readVCards,
  type VCardPerson,
  writeVCard,
  writeVCards,
} from './vcard.ts';

const jorg: VCardPerson = {
  name: 'Jörg Müller-Łukasiewicz',
  email: 'jorg@orbit.de',
  phone: '+49 30 1234 567',
  roleTitle: 'CTO; space, ground',
  language: 'de',
  notes: 'Met at Space Tech Expo.\nWants a call, in March; not before.',
  organisationName: 'Orbit; Labs, GmbH',
};

describe('writeVCard and readVCards', () => {
  it('writes a vCard 4.0 that reads back to the same person (round trip)', () => {
    const text = writeVCard(jorg);
    expect(text.startsWith('BEGIN:VCARD\r\nVERSION:4.0\r\n')).toBe(true);
    expect(text.endsWith('END:VCARD\r\n')).toBe(true);
    const [card, ...rest] = readVCards(Buffer.from(text, 'utf8'));
    expect(rest).toEqual([]);
    expect(card).toEqual({ ...jorg, index: 0, version: '4.0', errors: [] });
  });

  it('round-trips many cards, and a card with only a name', () => {
    const ana: VCardPerson = {
      name: 'Ana',
      email: null,
      phone: null,
      roleTitle: null,
      language: null,
      notes: '',
      organisationName: null,
    };
    const cards = readVCards(
      writeVCards([jorg, ana, { ...jorg, name: 'Ζωή Παπαδοπούλου', email: 'zoi@ex.gr' }]),
    );
    expect(cards.map((card) => card.name)).toEqual([jorg.name, 'Ana', 'Ζωή Παπαδοπούλου']);
    expect(cards[1]).toEqual({ ...ana, index: 1, version: '4.0', errors: [] });
    expect(cards[2]?.email).toBe('zoi@ex.gr');
  });

  it('folds long lines (75 characters, then a continuation line starting with a space)', () => {
    const text = writeVCard({ ...jorg, notes: 'x'.repeat(500) });
    const lines = text.split('\r\n');
    expect(lines.filter((line) => line.startsWith(' ')).length).toBeGreaterThanOrEqual(6);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(76);
    expect(readVCards(text)[0]?.notes).toBe('x'.repeat(500));
  });

  it('reads a vCard 3.0 with N only, a structured ORG, typed EMAIL and TEL, LF line ends', () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'N:Dupont;Marie;Claire;Dr.;',
      'ORG:CNES;Direction de l\\, innovation',
      'TITLE:Head of partnerships',
      'EMAIL;TYPE=INTERNET,WORK:Marie.Dupont@CNES.fr',
      'EMAIL:other@cnes.fr',
      'TEL;TYPE=WORK,VOICE:+33 5 61 00 00 00',
      'NOTE:Prefers French',
      'END:VCARD',
      '',
    ].join('\n');
    expect(readVCards(text)).toEqual([
      {
        index: 0,
        version: '3.0',
        name: 'Dr. Marie Claire Dupont',
        email: 'marie.dupont@cnes.fr',
        phone: '+33 5 61 00 00 00',
        roleTitle: 'Head of partnerships',
        language: null,
        notes: 'Prefers French',
        organisationName: 'CNES',
        errors: [],
      },
    ]);
  });

  it('reads LANG of a vCard 4.0 as its primary subtag, and a tel: URI as the number', () => {
    const text =
      'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ana\r\nLANG;PREF=1:es-ES\r\nTEL;VALUE=uri:tel:+34-91-000\r\nEND:VCARD\r\n';
    const [card] = readVCards(text);
    expect(card?.language).toBe('es');
    expect(card?.phone).toBe('+34-91-000');
  });

  it('returns a card without a name or with a broken e-mail with errors naming the field', () => {
    const text =
      'BEGIN:VCARD\r\nVERSION:4.0\r\nEMAIL:a@b.eu\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:4.0\r\nFN:X\r\nEMAIL:not-an-address\r\nEND:VCARD\r\n';
    const cards = readVCards(text);
    expect(cards[0]?.errors).toEqual([{ field: 'name', message: 'is missing (no FN or N)' }]);
    expect(cards[1]?.errors.map((e) => e.field)).toEqual(['email']);
  });

  it('refuses text that is not UTF-8, naming the body', () => {
    const latin1 = Buffer.from('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:J\xf6rg\r\nEND:VCARD\r\n', 'latin1');
    expect(() => readVCards(latin1)).toThrow(InvalidInputError);
    expect(() => readVCards(latin1)).toThrow(/not UTF-8/);
  });

  it('refuses over 1 MB (413), too many cards (413), a line over the limit and a non-vCard (400)', () => {
    expect(() => readVCards('x'.repeat(1024 * 1024 + 1))).toThrow(TooLargeError);
    const card = 'BEGIN:VCARD\nVERSION:4.0\nFN:A\nEND:VCARD\n';
    expect(() => readVCards(card.repeat(MAX_VCARDS + 1))).toThrow(/over the limit of 5000 cards/);
    expect(() => readVCards(`BEGIN:VCARD\nNOTE:${'y'.repeat(MAX_VCARD_LINE_CHARS)}\nEND:VCARD\n`)).toThrow(
      /Line 2 is longer/,
    );
    expect(() => readVCards('hello world')).toThrow(/no vCard/);
    expect(() => readVCards('BEGIN:VCARD\r\nFN:x\r\n')).toThrow(/not a valid vCard file/);
  });
});
