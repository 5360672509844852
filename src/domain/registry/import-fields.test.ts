import { describe, expect, it } from 'vitest';
import {
  headerLanguages,
  normaliseHeader,
  ORGANISATION_HEADERS,
  ORGANISATION_HEADERS_BY_LANGUAGE,
  ORGANISATION_IMPORT_FIELDS,
  PERSON_HEADERS,
  PERSON_HEADERS_BY_LANGUAGE,
  PERSON_IMPORT_FIELDS,
  suggestMapping,
} from './import-fields.ts';

describe('suggestMapping', () => {
  it('maps synonyms of organisation fields, case, accents and punctuation ignored', () => {
    const mapping = suggestMapping(
      ['Company', 'VAT', ' country ', 'Clúster', 'Segments', 'Notes'],
      'organisations',
    );
    expect(mapping).toMatchObject({
      name: 0,
      registrationId: 1,
      country: 2,
      cluster: 3,
      spaceSegments: 4,
      city: null,
      offers: null,
    });
  });

  it('maps e-mail spellings and the organisation of a person', () => {
    expect(suggestMapping(['Full name', 'E-Mail', 'Company'], 'people')).toMatchObject({
      name: 0,
      email: 1,
      organisation: 2,
      phone: null,
    });
    expect(suggestMapping(['Email address'], 'people').email).toBe(0);
  });

  it('prefers the better synonym and uses each column once', () => {
    // "Organisation ID" is the export's column; the name column beside it stays unmapped.
    const mapping = suggestMapping(['Organisation', 'Organisation ID'], 'people');
    expect(mapping.organisation).toBe(1);
    // "Name" is the organisation's name; "Company" then maps to nothing else.
    expect(suggestMapping(['Company', 'Name'], 'organisations').name).toBe(1);
  });

  it('recognises every header the export writes', () => {
    const orgHeaders = ORGANISATION_IMPORT_FIELDS.map((field) => ORGANISATION_HEADERS[field][0] as string);
    const orgMapping = suggestMapping(['ID', ...orgHeaders], 'organisations');
    ORGANISATION_IMPORT_FIELDS.forEach((field, i) => {
      expect(orgMapping[field], field).toBe(i + 1);
    });
    const personHeaders = PERSON_IMPORT_FIELDS.map((field) => PERSON_HEADERS[field][0] as string);
    const personMapping = suggestMapping(personHeaders, 'people');
    PERSON_IMPORT_FIELDS.forEach((field, i) => {
      expect(personMapping[field], field).toBe(i);
    });
  });

  it('normalises headers', () => {
    expect(normaliseHeader(' E-Mail ')).toBe('e mail');
    expect(normaliseHeader('Organización_ID')).toBe('organizacion id');
  });
});

describe('suggestMapping in the consortium’s languages', () => {
  const organisations = (headers: string[]) => suggestMapping(headers, 'organisations');
  const people = (headers: string[]) => suggestMapping(headers, 'people');

  it('French', () => {
    expect(organisations(['Nom', 'Pays', 'Ville', 'Site web', 'N° TVA', 'Taille', 'Pôle'])).toMatchObject({
      name: 0,
      country: 1,
      city: 2,
      website: 3,
      registrationId: 4,
      size: 5,
      cluster: 6,
    });
    expect(people(['NOM ET PRÉNOM', 'Courriel', 'Téléphone', 'Fonction', 'Entreprise'])).toMatchObject({
      name: 0,
      email: 1,
      phone: 2,
      roleTitle: 3,
      organisation: 4,
    });
  });

  it('Spanish', () => {
    expect(
      organisations(['Nombre', 'País', 'Ciudad', 'Sitio web', 'NIF', 'Tamaño', 'Demandas']),
    ).toMatchObject({
      name: 0,
      country: 1,
      city: 2,
      website: 3,
      registrationId: 4,
      size: 5,
      requests: 6,
    });
    expect(people(['Nombre y apellidos', 'Correo electrónico', 'Teléfono', 'Cargo'])).toMatchObject({
      name: 0,
      email: 1,
      phone: 2,
      roleTitle: 3,
    });
  });

  it('Italian', () => {
    expect(
      organisations(['Ragione sociale', 'Paese', 'Città', 'Sito web', 'Partita IVA', 'Offerte']),
    ).toMatchObject({
      name: 0,
      country: 1,
      city: 2,
      website: 3,
      registrationId: 4,
      offers: 5,
    });
    expect(people(['Nome e cognome', 'E-mail', 'Cellulare', 'Ruolo', 'Consenso'])).toMatchObject({
      name: 0,
      email: 1,
      phone: 2,
      roleTitle: 3,
      consent: 4,
    });
  });

  it('Greek, accents and case ignored', () => {
    expect(
      organisations(['ΕΠΩΝΥΜΙΑ', 'Χώρα', 'ΠΟΛΗ', 'Ιστοσελίδα', 'Α.Φ.Μ.', 'Μέγεθος', 'Τύπος']),
    ).toMatchObject({
      name: 0,
      country: 1,
      city: 2,
      website: 3,
      registrationId: 4,
      size: 5,
      type: 6,
    });
    expect(people(['Ονοματεπώνυμο', 'Τηλέφωνο', 'Θέση', 'Συγκατάθεση', 'Φορέας'])).toMatchObject({
      name: 0,
      phone: 1,
      roleTitle: 2,
      consent: 3,
      organisation: 4,
    });
  });

  it('Polish', () => {
    expect(
      organisations(['Nazwa', 'Kraj', 'Miasto', 'Strona WWW', 'NIP', 'Wielkość', 'Segmenty']),
    ).toMatchObject({
      name: 0,
      country: 1,
      city: 2,
      website: 3,
      registrationId: 4,
      size: 5,
      spaceSegments: 6,
    });
    expect(people(['Imię i nazwisko', 'Adres e-mail', 'Telefon', 'Stanowisko', 'Zgoda RODO'])).toMatchObject({
      name: 0,
      email: 1,
      phone: 2,
      roleTitle: 3,
      consent: 4,
    });
  });

  it('gives no column name two fields, in any language', () => {
    for (const [kind, english, byLanguage] of [
      ['organisations', ORGANISATION_HEADERS, ORGANISATION_HEADERS_BY_LANGUAGE],
      ['people', PERSON_HEADERS, PERSON_HEADERS_BY_LANGUAGE],
    ] as const) {
      const fieldOf = new Map<string, string>();
      for (const table of [english, ...Object.values(byLanguage)] as Partial<
        Record<string, readonly string[]>
      >[]) {
        for (const [field, names] of Object.entries(table)) {
          for (const name of names ?? []) {
            const key = normaliseHeader(name);
            expect(fieldOf.get(key) ?? field, `${kind}: "${name}"`).toBe(field);
            fieldOf.set(key, field);
          }
        }
      }
    }
  });

  it('tells the languages of a header line', () => {
    expect(headerLanguages('Nom;Pays;Ville;Site web')).toMatchObject({ fr: 4 });
    expect(headerLanguages('Nazwa;Kraj;Miasto').pl).toBe(3);
    expect(headerLanguages('"Επωνυμία","Χώρα"').el).toBe(2);
    expect(headerLanguages('Foo;Bar')).toEqual({});
  });
});
