import { describe, expect, it } from 'vitest';
import { OrganisationDuplicateIndex, PersonDuplicateIndex } from './import-duplicates.ts';

describe('OrganisationDuplicateIndex', () => {
  const index = () =>
    new OrganisationDuplicateIndex([
      {
        id: 'o1',
        name: 'Orbitech S.L.',
        normalisedName: 'orbitech',
        country: 'ES',
        registrationId: 'ESB123',
      },
    ]);

  it('finds a stored organisation by registration id first, then by name in the same country', () => {
    expect(index().find({ name: 'Other', country: 'FR', registrationId: 'esb-123' })).toEqual({
      id: 'o1',
      name: 'Orbitech S.L.',
      reason: 'registration id',
    });
    expect(index().find({ name: 'ORBITECH', country: 'ES', registrationId: null })).toMatchObject({
      reason: 'name and country',
    });
    expect(index().find({ name: 'Orbitech', country: 'PT', registrationId: null })).toBeNull();
  });

  it('finds an earlier row of the same file', () => {
    const duplicates = index();
    duplicates.addRow({ name: 'New Space', country: 'BE', registrationId: 'BE1' }, 3);
    expect(duplicates.find({ name: 'NEW SPACE SA', country: 'BE', registrationId: null })).toEqual({
      id: null,
      name: 'New Space',
      reason: 'same file',
      row: 3,
    });
    expect(duplicates.find({ name: 'Renamed', country: 'DE', registrationId: 'be 1' })).toMatchObject({
      row: 3,
    });
  });
});

describe('PersonDuplicateIndex', () => {
  it('compares e-mails lower-cased, in the workspace and in the file; no e-mail is never a duplicate', () => {
    const duplicates = new PersonDuplicateIndex([{ id: 'p1', name: 'Ana', email: 'ana@x.example' }]);
    expect(duplicates.find({ email: 'ANA@x.example' })).toEqual({ id: 'p1', name: 'Ana', reason: 'e-mail' });
    duplicates.addRow({ name: 'Ben', email: 'Ben@x.example' }, 1);
    expect(duplicates.find({ email: 'ben@X.example' })).toMatchObject({ reason: 'same file', row: 1 });
    expect(duplicates.find({ email: null })).toBeNull();
  });
});
