import { describe, expect, it } from 'vitest';
import {
  normaliseHeader,
  ORGANISATION_HEADERS,
  ORGANISATION_IMPORT_FIELDS,
  PERSON_HEADERS,
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
