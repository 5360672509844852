import { describe, expect, it } from 'vitest';
import { createdText, fieldLabels, importTitle, lineOf, rowProblem } from './row-problem.ts';

describe('rowProblem', () => {
  it('names each field with an error by its label', () => {
    const row = {
      row: 3,
      status: 'invalid' as const,
      errors: [
        { field: 'country', message: 'unknown country code "XX"' },
        { field: 'type', message: 'is required' },
      ],
    };
    expect(rowProblem('organisations', row)).toBe('Country: unknown country code "XX"; Type: is required');
  });

  it('says what a duplicate duplicates: a stored record, or an earlier line of the file', () => {
    expect(
      rowProblem('organisations', {
        row: 1,
        status: 'duplicate',
        errors: [],
        duplicateOf: { id: 'o1', name: 'Orbitech', reason: 'name and country' },
      }),
    ).toBe('Same name and country as Orbitech');
    expect(
      rowProblem('people', {
        row: 4,
        status: 'duplicate',
        errors: [],
        duplicateOf: { id: null, name: 'Ana', reason: 'same file', row: 0 },
      }),
    ).toBe('Duplicates row 2 of the file');
  });

  it('numbers rows as the spreadsheet does (header on line 1)', () => {
    expect(lineOf(0)).toBe(2);
  });

  it('names the network kinds’ fields, title and result from the network messages', () => {
    const row = {
      row: 0,
      status: 'invalid' as const,
      errors: [
        { field: 'consentOn', message: 'is required when the basis is consent' },
        { field: 'organisation', message: 'is not of your cluster' },
      ],
    };
    expect(rowProblem('networkPeople', row)).toBe(
      'Consent date: is required when the basis is consent; Organisation: is not of your cluster',
    );
    expect(fieldLabels('networkOrganisations').ownerCluster).toBe('Owner cluster');
    expect(importTitle('networkPeople')).toBe('Import network people');
    expect(importTitle('organisations')).toBe('Import member organisations');
    expect(createdText(1, 'networkOrganisations')).toBe('1 network organisation imported.');
  });
});
