import { describe, expect, it } from 'vitest';
// The server's own header recognition: the "not imported" file must map itself when uploaded again.
import { suggestMapping } from '../../../../src/domain/registry/import-fields.ts';
import type { ImportResultDto } from '../../api/types.ts';
import {
  buildImportRows,
  EXPORT_HEADERS,
  fieldsOf,
  hasProblem,
  ignoredColumns,
  notImportedTable,
  pageOf,
  reviewRows,
  rowValues,
  unmappedRequired,
  withColumn,
  withFix,
} from './import-rows.ts';

const file = [
  ['Orbitech', 'BSN', 'sme', 'BE', 'note 1'],
  ['Stellar Labs', 'BSN', 'sme', 'XX', 'note 2'],
  ['Nadir', 'VOC', 'university', 'PL', 'note 3'],
];
const mapping = { name: 0, cluster: 1, type: 2, country: 3, city: null };

describe('rowValues', () => {
  it('reads each mapped field from its column and leaves unmapped fields out', () => {
    expect(rowValues(file[0] ?? [], 0, mapping, new Map())).toEqual({
      name: 'Orbitech',
      cluster: 'BSN',
      type: 'sme',
      country: 'BE',
    });
  });

  it('puts the fixes of that row over the file, also for a field no column feeds', () => {
    const fixes = new Map([[1, { country: 'ES', city: 'Madrid' }]]);
    expect(rowValues(file[1] ?? [], 1, mapping, fixes)).toEqual({
      name: 'Stellar Labs',
      cluster: 'BSN',
      type: 'sme',
      country: 'ES',
      city: 'Madrid',
    });
    expect(rowValues(file[0] ?? [], 0, mapping, fixes).country).toBe('BE');
  });

  it('reads a column beyond a short row as empty', () => {
    expect(rowValues(['Only a name'], 0, { name: 0, country: 3 }, new Map())).toEqual({
      name: 'Only a name',
      country: '',
    });
  });
});

describe('buildImportRows', () => {
  it('leaves skipped rows out and remembers the file row of each row sent', () => {
    const built = buildImportRows(file, mapping, new Map(), new Set([1]));
    expect(built.rows.map((r) => r.name)).toEqual(['Orbitech', 'Nadir']);
    expect(built.sourceRows).toEqual([0, 2]);
  });
});

describe('withFix', () => {
  it('keeps only the values that differ from the file', () => {
    const fixes = withFix(new Map(), 1, file[1] ?? [], mapping, {
      name: 'Stellar Labs',
      country: 'ES',
      city: '',
    });
    expect(fixes.get(1)).toEqual({ country: 'ES' });
  });

  it('forgets the row when the edit is undone', () => {
    const fixed = withFix(new Map(), 1, file[1] ?? [], mapping, { country: 'ES' });
    const undone = withFix(fixed, 1, file[1] ?? [], mapping, { country: 'XX' });
    expect(undone.has(1)).toBe(false);
    expect(fixed.get(1)).toEqual({ country: 'ES' });
  });
});

describe('the mapping', () => {
  it('names the required fields no column feeds', () => {
    expect(unmappedRequired('organisations', { name: 0, cluster: null, country: 2 })).toEqual([
      'cluster',
      'type',
    ]);
    expect(unmappedRequired('people', { name: 0 })).toEqual([]);
  });

  it('lists the columns that feed no field', () => {
    expect(ignoredColumns(5, mapping)).toEqual([4]);
  });

  it('moves a column to the field it is chosen for, so one column feeds one field', () => {
    expect(withColumn({ name: 0, city: 4, country: 3 }, 'country', 4)).toEqual({
      name: 0,
      city: null,
      country: 4,
    });
    expect(withColumn({ name: 0, city: 4 }, 'city', null)).toEqual({ name: 0, city: null });
  });
});

describe('reviewRows', () => {
  const result: ImportResultDto = {
    dryRun: true,
    total: 3,
    valid: 1,
    invalid: 1,
    duplicates: 1,
    created: 0,
    rows: [
      { index: 0, status: 'valid', errors: [] },
      { index: 1, status: 'invalid', errors: [{ field: 'country', message: 'unknown country' }] },
      {
        index: 2,
        status: 'duplicate',
        errors: [],
        duplicateOf: { id: null, name: 'Orbitech', reason: 'same file', row: 0 },
      },
    ],
  };

  it('gives every file row its verdict, skipped rows included, and maps "same file" rows back', () => {
    const reviewed = reviewRows(result, [0, 2, 3], 4);
    expect(reviewed.map((r) => r.status)).toEqual(['valid', 'skipped', 'invalid', 'duplicate']);
    expect(reviewed[2]?.errors).toEqual([{ field: 'country', message: 'unknown country' }]);
    expect(reviewed[3]?.duplicateOf).toEqual({ id: null, name: 'Orbitech', reason: 'same file', row: 0 });
    expect(reviewed.filter(hasProblem).map((r) => r.row)).toEqual([2, 3]);
  });
});

describe('notImportedTable', () => {
  it('lists the rows not imported under the export headers with their fixes and the reason', () => {
    const reviewed = [
      { row: 0, status: 'created' as const, errors: [] },
      { row: 1, status: 'invalid' as const, errors: [{ field: 'country', message: 'unknown' }] },
      { row: 2, status: 'skipped' as const, errors: [] },
    ];
    const fixes = new Map([[1, { country: 'YY' }]]);
    const table = notImportedTable('organisations', reviewed, file, mapping, fixes, 'Problem', (r) =>
      r.status === 'skipped' ? 'skipped' : r.errors.map((e) => `${e.field}: ${e.message}`).join('; '),
    );
    expect(table).toHaveLength(3);
    expect(table[0]?.slice(0, 5)).toEqual(['Name', 'Cluster', 'Type', 'Size', 'Country']);
    expect(table[0]?.at(-1)).toBe('Problem');
    expect(table[1]?.slice(0, 5)).toEqual(['Stellar Labs', 'BSN', 'sme', '', 'YY']);
    expect(table[1]?.at(-1)).toBe('country: unknown');
    expect(table[2]?.[0]).toBe('Nadir');
    expect(table[2]?.at(-1)).toBe('skipped');
  });

  it('uses headers the server maps back to the same fields', () => {
    for (const kind of ['organisations', 'people'] as const) {
      const fields = fieldsOf(kind);
      const headers = fields.map((field) => EXPORT_HEADERS[kind][field] ?? field);
      const suggested: Record<string, number | null> =
        kind === 'organisations' ? suggestMapping(headers, kind) : suggestMapping(headers, kind);
      expect(suggested).toEqual(Object.fromEntries(fields.map((field, i) => [field, i])));
    }
  });
});

describe('pageOf', () => {
  it('cuts a page and keeps the page number in range', () => {
    const items = Array.from({ length: 120 }, (_, i) => i);
    expect(pageOf(items, 2, 50)).toEqual({ items: items.slice(50, 100), pages: 3 });
    expect(pageOf(items, 9, 50).items).toEqual(items.slice(100));
    expect(pageOf([], 1, 50)).toEqual({ items: [], pages: 1 });
  });
});
