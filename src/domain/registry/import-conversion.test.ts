import { describe, expect, it } from 'vitest';
import {
  ClusterLookup,
  cellText,
  convertOrganisationRow,
  convertPersonRow,
  neutraliseFormula,
  OrganisationLookup,
  parseYesNo,
  splitList,
  vocabularyCode,
} from './import-conversion.ts';

const clusters = new ClusterLookup([
  { id: 'c1', name: 'Galicia Space Cluster', shortName: 'GSC' },
  { id: 'c2', name: 'Aerospace Valley', shortName: 'AV' },
  { id: 'c3', name: 'AV', shortName: 'AV2' },
]);
const organisations = new OrganisationLookup([
  {
    id: 'o1',
    name: 'Órbita S.L.',
    normalisedName: 'orbita',
    country: 'ES',
    registrationId: 'ESB123',
    clusterId: 'c1',
  },
  { id: 'o2', name: 'Twin', normalisedName: 'twin', country: 'ES', registrationId: null, clusterId: 'c1' },
  { id: 'o3', name: 'Twin', normalisedName: 'twin', country: 'FR', registrationId: null, clusterId: 'c2' },
]);

describe('import conversion', () => {
  it('splits lists on semicolons, or on commas when there is no semicolon', () => {
    expect(splitList('satcom; launch ;')).toEqual(['satcom', 'launch']);
    expect(splitList('BE,FR')).toEqual(['BE', 'FR']);
    expect(splitList('drones, small; big')).toEqual(['drones, small', 'big']);
    expect(splitList('')).toEqual([]);
  });

  it('takes the labels the app shows and the codes, in any case, as vocabulary codes', () => {
    expect(vocabularyCode('type', 'R&D centre')).toBe('rd_centre');
    expect(vocabularyCode('type', ' Large company ')).toBe('large_company');
    expect(vocabularyCode('type', 'SME')).toBe('sme');
    expect(vocabularyCode('type', 'LARGE_COMPANY')).toBe('large_company');
    expect(vocabularyCode('spaceSegments', 'Earth Observation')).toBe('earth_observation');
    expect(vocabularyCode('spaceSegments', 'Satellite communications')).toBe('satcom');
    // Each label of the app, as shown, and its code.
    expect(vocabularyCode('exportExperience', 'Occasional exports')).toBe('occasional');
    expect(vocabularyCode('exportExperience', 'Occasional exporter')).toBe('occasional');
    expect(vocabularyCode('exportExperience', 'occasional')).toBe('occasional');
    expect(vocabularyCode('size', 'Small (10–49 staff)')).toBe('small');
    expect(vocabularyCode('size', 'small')).toBe('small');
    expect(vocabularyCode('melca', 'creative industries')).toBe('creative_industries');
    expect(vocabularyCode('type', 'startup')).toBeUndefined();
  });

  it('names the allowed labels when a vocabulary cell names none', () => {
    const { input, errors } = convertOrganisationRow(
      { name: 'X', cluster: 'GSC', type: 'startup', spaceSegments: 'satcom; underwater; lunar' },
      clusters,
    );
    expect(input.type).toBeUndefined();
    expect(input.spaceSegments).toBeUndefined();
    expect(errors).toEqual([
      {
        field: 'type',
        message:
          '"startup" is not an organisation type: use SME, Large company, R&D centre, University or Other (labels or codes, any case)',
      },
      {
        field: 'spaceSegments',
        message: expect.stringMatching(
          /^"underwater", "lunar" are not a space segment: use Earth observation, /,
        ),
      },
    ]);
  });

  it('reads yes/no in several spellings and nothing else', () => {
    expect(['yes', 'Y', 'TRUE', '1', 'oui'].map(parseYesNo)).toEqual([true, true, true, true, true]);
    expect(['no', 'N', 'false', '0'].map(parseYesNo)).toEqual([false, false, false, false]);
    expect(parseYesNo('maybe')).toBeUndefined();
  });

  it("undoes the export's formula guard and nothing else", () => {
    expect(cellText("'=SUM(A1)")).toBe('=SUM(A1)');
    expect(cellText("'+32 2 123")).toBe('+32 2 123');
    expect(cellText("'quoted'")).toBe("'quoted'");
    expect(cellText(null)).toBe('');
    expect(neutraliseFormula('=1+1')).toBe("'=1+1");
    expect(neutraliseFormula('-5')).toBe("'-5");
    expect(neutraliseFormula('@SUM')).toBe("'@SUM");
    expect(neutraliseFormula('\tx')).toBe("'\tx");
    expect(neutraliseFormula('Plain')).toBe('Plain');
    for (const text of ['=A1', '+1', '-1', '@x', '\rx', 'text'])
      expect(cellText(neutraliseFormula(text))).toBe(text);
  });

  it('finds clusters by id, short name or name, and says when a name is ambiguous', () => {
    expect(clusters.resolve('c2')).toEqual({ id: 'c2' });
    expect(clusters.resolve('gsc')).toEqual({ id: 'c1' });
    expect(clusters.resolve('galicia space CLUSTER')).toEqual({ id: 'c1' });
    expect(clusters.resolve('AV')).toEqual({ error: expect.stringContaining('several clusters') });
    expect(clusters.resolve('Nowhere')).toEqual({ error: expect.stringContaining('no cluster "Nowhere"') });
  });

  it('converts an organisation row, leaving empty cells out so defaults apply', () => {
    const { input, errors } = convertOrganisationRow(
      {
        name: ' Órbita ',
        cluster: 'GSC',
        type: 'SME',
        country: 'es',
        city: '',
        spaceSegments: 'Earth observation; SatCom',
        targetMarketInterests: 'cl, co',
        offerTags: 'a;b',
        website: null,
      },
      clusters,
    );
    expect(errors).toEqual([]);
    expect(input).toEqual({
      name: 'Órbita',
      clusterId: 'c1',
      type: 'sme',
      country: 'ES',
      spaceSegments: ['earth_observation', 'satcom'],
      targetMarketInterests: ['CL', 'CO'],
      offerTags: ['a', 'b'],
    });
  });

  it('reports a missing or unknown cluster as a row error', () => {
    expect(convertOrganisationRow({ name: 'X' }, clusters).errors).toEqual([
      { field: 'cluster', message: expect.stringContaining('is required') },
    ]);
    expect(convertOrganisationRow({ name: 'X', cluster: 'Mars' }, clusters).errors).toEqual([
      { field: 'cluster', message: expect.stringContaining('no cluster "Mars"') },
    ]);
  });

  it('converts a person row, finding the organisation by id, registration id or name', () => {
    expect(
      convertPersonRow({ name: 'Ana', organisation: 'o2', consent: 'yes' }, organisations),
    ).toMatchObject({
      input: { name: 'Ana', organisationId: 'o2', consent: true },
      errors: [],
      organisation: { id: 'o2', clusterId: 'c1' },
    });
    expect(
      convertPersonRow({ name: 'Ana', organisation: 'esb-123' }, organisations).input.organisationId,
    ).toBe('o1');
    expect(
      convertPersonRow({ name: 'Ana', organisation: 'ORBITA SL' }, organisations).input.organisationId,
    ).toBe('o1');
    expect(
      convertPersonRow({ name: 'Ana', organisation: 'Twin', consent: 'perhaps' }, organisations).errors,
    ).toEqual([
      { field: 'consent', message: expect.any(String) },
      { field: 'organisation', message: expect.stringContaining('several organisations') },
    ]);
    expect(convertPersonRow({ name: 'Ana' }, organisations)).toMatchObject({
      input: { name: 'Ana' },
      organisation: null,
    });
  });
});
