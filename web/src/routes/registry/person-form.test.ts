import { describe, expect, it } from 'vitest';
import type { PersonDto } from '../../api/types.ts';
import {
  emptyPersonForm,
  personBodyOf,
  personPatchOf,
  personValuesOf,
  validatePerson,
} from './person-form.ts';

const person: PersonDto = {
  id: 'p1',
  organisationId: 'o1',
  name: 'Anna Kowalska',
  email: 'anna@example.org',
  phone: null,
  roleTitle: 'CEO',
  consent: true,
  consentAt: '2026-01-01T00:00:00.000Z',
  version: 2,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('validatePerson', () => {
  it('needs only a name', () => {
    expect(validatePerson({ ...emptyPersonForm(), name: 'Anna' })).toEqual({});
    expect(validatePerson(emptyPersonForm()).name).toBe('is required');
  });

  it('refuses malformed e-mails and phones', () => {
    const errors = validatePerson({ ...emptyPersonForm(), name: 'Anna', email: 'anna@', phone: 'call me' });
    expect(Object.keys(errors).sort()).toEqual(['email', 'phone']);
    expect(validatePerson({ ...emptyPersonForm(), name: 'Anna', phone: '+32 (16) 123-456' })).toEqual({});
  });
});

describe('person bodies', () => {
  it('sends blanks as null and the e-mail lower-cased', () => {
    expect(personBodyOf({ ...emptyPersonForm('o1'), name: ' Anna ', email: 'Anna@Example.org' })).toEqual({
      name: 'Anna',
      organisationId: 'o1',
      roleTitle: null,
      email: 'anna@example.org',
      phone: null,
      consent: false,
    });
  });

  it('sends only the changed fields with the version read', () => {
    const values = personValuesOf(person);
    expect(personPatchOf(person, values)).toEqual({ version: 2 });
    expect(personPatchOf(person, { ...values, organisationId: '', consent: false })).toEqual({
      version: 2,
      organisationId: null,
      consent: false,
    });
  });
});
