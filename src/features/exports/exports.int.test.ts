import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/databases.ts';
import { Factory } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FORMULA = "=cmd|' /C calc'!A0";

describe.each(testDialects())('registry export on %s', (kind) => {
  let t: TestApp;
  let factory: Factory;
  let coordinator: { headers: Record<string, string> };
  let home: { slug: string; id: string };
  let clusterId: string;
  const api = (slug: string, path: string) => `/api/v1/workspaces/${slug}${path}`;
  const download = (slug: string, path: string) =>
    t.app.inject({ method: 'GET', url: api(slug, path), headers: coordinator.headers });
  const csvRows = (body: string): string[][] => parse(body, { bom: true });
  const xlsxRows = async (body: Buffer) => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(body as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    return sheet;
  };
  /** Parse a file through the API and send its rows through the suggested mapping. */
  const reimport = async (
    slug: string,
    file: string | Buffer,
    type: string,
    what: 'organisations' | 'people',
    dryRun: boolean,
  ) => {
    const parsed = await t.app.inject({
      method: 'POST',
      url: api(slug, '/imports/parse'),
      headers: { ...coordinator.headers, 'content-type': type },
      payload: file,
    });
    expect(parsed.statusCode, parsed.body).toBe(200);
    const { rows, suggestedMapping } = parsed.json();
    const mapping = suggestedMapping[what] as Record<string, number | null>;
    const mapped = (rows as string[][]).map((cells) =>
      Object.fromEntries(
        Object.entries(mapping)
          .filter((entry): entry is [string, number] => entry[1] !== null)
          .map(([field, column]) => [field, cells[column] ?? null]),
      ),
    );
    const res = await t.app.inject({
      method: 'POST',
      url: api(slug, `/imports/${what}`),
      headers: coordinator.headers,
      payload: { rows: mapped, dryRun },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const listOrganisations = async (slug: string) =>
    (await download(slug, '/organisations?limit=200')).json().items as Record<string, unknown>[];
  const comparable = (items: Record<string, unknown>[]) =>
    items
      .map(({ id: _i, clusterId: _c, createdAt: _cr, updatedAt: _u, version: _v, ...rest }) => rest)
      .sort((a, b) => String(a.name).localeCompare(String(b.name)));

  beforeAll(async () => {
    t = await startTestApp(kind);
    factory = new Factory(t.database.db);
  });
  beforeEach(async () => {
    const workspace = await factory.workspace();
    home = { slug: workspace.slug, id: workspace.id };
    clusterId = (await factory.cluster(workspace.id, { short_name: 'GSC' })).id;
    coordinator = await factory.memberWithToken(workspace.id, 'coordinator');
    const organisations = [
      {
        name: 'Órbita Ingeniería, S.L.',
        type: 'sme',
        size: 'small',
        country: 'ES',
        city: 'Madrid',
        website: 'https://orbita.example',
        registrationId: 'ESB12345678',
        spaceSegments: ['earth_observation', 'ground_segment'],
        melca: ['agriculture'],
        offers: 'Crop monitoring, "Sentinel-2" data\nand more',
        offerTags: ['crop monitoring', 'sentinel-2'],
        requests: 'Distributors',
        requestTags: ['distribution'],
        targetMarketInterests: ['CL', 'CO'],
        exportExperience: 'occasional',
      },
      { name: FORMULA, type: 'other', country: 'BE', offers: '+SUM(A1)', requests: '-1+2', city: '@evil' },
    ];
    for (const organisation of organisations) {
      const res = await t.app.inject({
        method: 'POST',
        url: api(home.slug, '/organisations'),
        headers: coordinator.headers,
        payload: { clusterId, ...organisation },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it('exports CSV with a BOM, an attachment name and neutralised formulas', async () => {
    const res = await download(home.slug, '/organisations/export?format=csv');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      new RegExp(`^attachment; filename="organisations-${home.slug}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`),
    );
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const [headers, ...rows] = csvRows(res.body);
    expect(headers).toEqual([
      'ID',
      'Name',
      'Cluster',
      'Type',
      'Size',
      'Country',
      'City',
      'Website',
      'Registration ID',
      'Space segments',
      'MELCA',
      'Offers',
      'Offer tags',
      'Requests',
      'Request tags',
      'Target markets',
      'Export experience',
    ]);
    const byName = new Map(rows.map((row) => [row[1], row]));
    expect(byName.get('Órbita Ingeniería, S.L.')).toEqual([
      expect.any(String),
      'Órbita Ingeniería, S.L.',
      'GSC',
      'SME',
      'Small (10–49 staff)',
      'ES',
      'Madrid',
      'https://orbita.example',
      'ESB12345678',
      'Earth observation; Ground segment',
      'Agriculture',
      'Crop monitoring, "Sentinel-2" data\nand more',
      'crop monitoring; sentinel-2',
      'Distributors',
      'distribution',
      'CL; CO',
      'Occasional exports',
    ]);
    const hostile = byName.get(`'${FORMULA}`);
    expect(hostile).toBeDefined();
    expect(hostile?.[6]).toBe("'@evil");
    expect(hostile?.[11]).toBe("'+SUM(A1)");
    expect(hostile?.[13]).toBe("'-1+2");
  });

  it('writes the API codes instead of the labels when asked (values=codes)', async () => {
    const res = await download(home.slug, '/organisations/export?format=csv&values=codes&q=orbita');
    expect(res.statusCode, res.body).toBe(200);
    const [, row] = csvRows(res.body);
    expect([row?.[3], row?.[4], row?.[9], row?.[10], row?.[16]]).toEqual([
      'sme',
      'small',
      'earth_observation; ground_segment',
      'agriculture',
      'occasional',
    ]);
    expect((await download(home.slug, '/organisations/export?values=names')).statusCode).toBe(400);
  });

  it('round-trips the codes too', async () => {
    const csv = (await download(home.slug, '/organisations/export?format=csv&values=codes')).body;
    const result = await reimport(home.slug, csv, 'text/csv', 'organisations', true);
    expect(result).toMatchObject({ total: 2, valid: 0, invalid: 0, duplicates: 2 });
  });

  it('exports XLSX with a bold header and formulas as plain text cells', async () => {
    const res = await download(home.slug, '/organisations/export?format=xlsx');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toMatch(/filename="organisations-.*\.xlsx"/);
    const sheet = await xlsxRows(res.rawPayload);
    expect(sheet.getRow(1).getCell(2).value).toBe('Name');
    expect(sheet.getRow(1).getCell(2).font?.bold).toBe(true);
    const cells: ExcelJS.Cell[] = [];
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        cells.push(cell);
      });
    });
    const hostile = cells.find((cell) => cell.value === FORMULA);
    expect(hostile?.type).toBe(ExcelJS.ValueType.String);
    expect(hostile?.formula).toBeUndefined();
    expect(cells.some((cell) => cell.type === ExcelJS.ValueType.Formula)).toBe(false);
    expect(cells.find((cell) => cell.value === '+SUM(A1)')?.type).toBe(ExcelJS.ValueType.String);
  });

  it('applies the list filters', async () => {
    const res = await download(home.slug, '/organisations/export?country=ES&q=orbita');
    const rows = csvRows(res.body);
    expect(rows.map((row) => row[1])).toEqual(['Name', 'Órbita Ingeniería, S.L.']);
    expect((await download(home.slug, '/organisations/export?format=pdf')).statusCode).toBe(400);
  });

  it('round-trips: an exported CSV imports into another workspace with the suggested mapping, unchanged', async () => {
    const csv = (await download(home.slug, '/organisations/export?format=csv')).body;
    const other = await factory.workspace();
    await factory.cluster(other.id, { short_name: 'GSC' });
    await factory.addMember(other.id, (await memberOf(home.id)).user_id, 'coordinator');
    const result = await reimport(other.slug, csv, 'text/csv', 'organisations', false);
    expect(result).toMatchObject({ total: 2, created: 2, invalid: 0, duplicates: 0 });
    expect(comparable(await listOrganisations(other.slug))).toEqual(
      comparable(await listOrganisations(home.slug)),
    );
  });

  it('round-trips XLSX: imported into the same workspace every row is a duplicate', async () => {
    const file = (await download(home.slug, '/organisations/export?format=xlsx')).rawPayload;
    const result = await reimport(home.slug, file, XLSX, 'organisations', true);
    expect(result).toMatchObject({ total: 2, valid: 0, invalid: 0, duplicates: 2 });
  });

  it('exports people and imports them again after they were removed', async () => {
    const organisation = await factory.organisation(home.id, clusterId, { name: 'People Org' });
    for (const [name, email, phone, consent] of [
      ['Ana', 'ana@x.example', '+34 600 000 000', true],
      ['Ben', null, null, false],
    ] as const) {
      const res = await t.app.inject({
        method: 'POST',
        url: api(home.slug, '/people'),
        headers: coordinator.headers,
        payload: { organisationId: organisation.id, name, email, phone, roleTitle: 'CEO', consent },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const res = await download(home.slug, `/people/export?format=csv&organisation=${organisation.id}`);
    expect(res.headers['content-disposition']).toMatch(/filename="people-.*\.csv"/);
    const [headers, ...rows] = csvRows(res.body);
    expect(headers).toEqual([
      'ID',
      'Name',
      'E-mail',
      'Phone',
      'Role',
      'Consent',
      'Organisation ID',
      'Organisation',
    ]);
    expect(rows.map((row) => row.slice(1))).toEqual([
      ['Ana', 'ana@x.example', "'+34 600 000 000", 'CEO', 'yes', organisation.id, 'People Org'],
      ['Ben', '', '', 'CEO', 'no', organisation.id, 'People Org'],
    ]);
    const before = (await download(home.slug, '/people')).json().items as Record<string, unknown>[];
    await t.database.db.deleteFrom('person').where('workspace_id', '=', home.id).execute();
    const result = await reimport(home.slug, res.body, 'text/csv', 'people', false);
    expect(result).toMatchObject({ created: 2, invalid: 0 });
    const after = (await download(home.slug, '/people')).json().items as Record<string, unknown>[];
    const strip = (items: Record<string, unknown>[]) =>
      items.map(({ id: _i, createdAt: _c, updatedAt: _u, consentAt: _a, ...rest }) => rest);
    expect(strip(after)).toEqual(strip(before));

    const xlsx = await download(home.slug, '/people/export?format=xlsx');
    const sheet = await xlsxRows(xlsx.rawPayload);
    expect(sheet.getRow(2).getCell(4).value).toBe('+34 600 000 000');
  });

  async function memberOf(workspaceId: string) {
    return t.database.db
      .selectFrom('membership')
      .select('user_id')
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirstOrThrow();
  }
});
