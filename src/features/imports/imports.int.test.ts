import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { testDialects } from '../../../test/support/databases.ts';
import { encodeSingleByte } from '../../../test/support/encodings.ts';
import { Factory } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { ImportRepository } from './repository.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An XLSX workbook built with exceljs: the first sheet holds `rows` (cells as exceljs values). */
async function workbook(rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Members');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A one-entry ZIP whose single part inflates to `size` zero bytes: a small zip bomb. */
function zipBomb(size: number): Buffer {
  const data = deflateRawSync(Buffer.alloc(size), { level: 9 });
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(100, 22); // the declared size lies
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(100, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(0, 42);
  const centralOffset = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

describe.each(testDialects())('registry import on %s', (kind) => {
  let t: TestApp;
  let factory: Factory;
  let slug: string;
  let workspaceId: string;
  let cluster: { id: string; short_name: string; name: string };
  let otherCluster: { id: string; short_name: string };
  let coordinator: { headers: Record<string, string> };
  const url = (path: string) => `/api/v1/workspaces/${slug}${path}`;
  const upload = (body: string | Buffer, contentType = 'text/csv', headers = coordinator.headers) =>
    t.app.inject({
      method: 'POST',
      url: url('/imports/parse'),
      headers: { ...headers, 'content-type': contentType },
      payload: body,
    });
  const importRows = (
    what: 'organisations' | 'people',
    rows: object[],
    dryRun: boolean,
    headers = coordinator.headers,
  ) => t.app.inject({ method: 'POST', url: url(`/imports/${what}`), headers, payload: { rows, dryRun } });
  const count = async (table: 'organisation' | 'person' | 'audit_event') =>
    Number(
      (
        await t.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('workspace_id', '=', workspaceId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  /** Rows as the client sends them: the parsed cells through the suggested mapping. */
  const mapped = (
    parsed: { rows: string[][]; suggestedMapping: Record<string, Record<string, number | null>> },
    what: 'organisations' | 'people',
  ) =>
    parsed.rows.map((cells) =>
      Object.fromEntries(
        Object.entries(parsed.suggestedMapping[what] ?? {})
          .filter((entry): entry is [string, number] => entry[1] !== null)
          .map(([field, column]) => [field, cells[column] ?? null]),
      ),
    );

  beforeAll(async () => {
    t = await startTestApp(kind);
    factory = new Factory(t.database.db);
  });
  beforeEach(async () => {
    const workspace = await factory.workspace();
    slug = workspace.slug;
    workspaceId = workspace.id;
    cluster = await factory.cluster(workspaceId, { name: 'Galicia Space Cluster', short_name: 'GSC' });
    otherCluster = await factory.cluster(workspaceId, { short_name: 'OTHER' });
    coordinator = await factory.memberWithToken(workspaceId, 'coordinator');
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('parse', () => {
    it('reads a CSV with semicolons and a BOM, and suggests the mapping from synonyms', async () => {
      const csv = '\uFEFFCompany;VAT;Country;Cluster;E-mail;Notes\nÓrbita SL;ESB123;ES;GSC;a@b.example;x\n';
      const res = await upload(csv);
      expect(res.statusCode, res.body).toBe(200);
      const parsed = res.json();
      expect(parsed).toMatchObject({
        format: 'csv',
        headers: ['Company', 'VAT', 'Country', 'Cluster', 'E-mail', 'Notes'],
        rows: [['Órbita SL', 'ESB123', 'ES', 'GSC', 'a@b.example', 'x']],
        rowCount: 1,
      });
      expect(parsed.suggestedMapping.organisations).toMatchObject({
        name: 0,
        registrationId: 1,
        country: 2,
        cluster: 3,
        city: null,
      });
      expect(parsed.suggestedMapping.people).toMatchObject({ email: 4, organisation: 0, name: null });
    });

    it('reads tab-separated UTF-16 with a BOM, and pads short rows', async () => {
      const text = 'Name\tCountry\tCity\nOrbitech\tES\nAstra\tBE\tLiège\n';
      const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
      const res = await upload(bytes);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().rows).toEqual([
        ['Orbitech', 'ES', ''],
        ['Astra', 'BE', 'Liège'],
      ]);
    });

    it('reads the first worksheet of an XLSX: formulas as their text, dates as ISO dates, numbers as text', async () => {
      const file = await workbook([
        ['Name', 'Country', 'Founded', 'Staff'],
        [
          { formula: "cmd|' /C calc'!A0" } as ExcelJS.CellFormulaValue,
          'ES',
          new Date(Date.UTC(2019, 4, 7)),
          42,
        ],
        ['=1+1', 'BE', null, 3.5],
      ]);
      const res = await upload(file, XLSX);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        format: 'xlsx',
        headers: ['Name', 'Country', 'Founded', 'Staff'],
        rows: [
          ["=cmd|' /C calc'!A0", 'ES', '2019-05-07', '42'],
          ['=1+1', 'BE', '', '3.5'],
        ],
      });
    });

    it('reads only the first worksheet, and a filled-down formula as its stored value', async () => {
      const book = new ExcelJS.Workbook();
      const first = book.addWorksheet('First');
      first.addRow(['Name', 'Total']);
      first.getCell('A2').value = 'Orbitech';
      first.getCell('B2').value = { formula: 'LEN(A2)', result: 8 } as ExcelJS.CellFormulaValue;
      first.getCell('A3').value = 'Astra';
      first.getCell('B3').value = { sharedFormula: 'B2', result: 5 } as unknown as ExcelJS.CellValue;
      book.addWorksheet('Second').addRow(['Ignored', 'Sheet']);
      const res = await upload(Buffer.from(await book.xlsx.writeBuffer()), XLSX);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        headers: ['Name', 'Total'],
        rows: [
          ['Orbitech', '=LEN(A2)'],
          ['Astra', '5'],
        ],
      });
    });

    it('answers 400 to an XLSX with an empty first sheet, a header only, or no readable workbook inside the ZIP', async () => {
      const empty = new ExcelJS.Workbook();
      empty.addWorksheet('Empty');
      const cases: Array<[Buffer, RegExp]> = [
        [Buffer.from(await empty.xlsx.writeBuffer()), /empty/],
        [await workbook([['Name', 'Country']]), /no data rows/],
        [zipBomb(1_000), /not a readable XLSX workbook|no worksheet/],
      ];
      for (const [file, detail] of cases) {
        const res = await upload(file, XLSX);
        expect(res.statusCode, res.body).toBe(400);
        expect(res.json().detail).toMatch(detail);
      }
    });

    it('refuses an XLSX of 50,001 data rows naming the limit', async () => {
      const rows: ExcelJS.CellValue[][] = [['Name']];
      for (let i = 0; i <= 50_000; i++) rows.push([`Org ${i}`]);
      const res = await upload(await workbook(rows), XLSX);
      expect(res.statusCode).toBe(413);
      expect(res.json().detail).toContain('50,000');
    });

    it('reads the CSV files Excel writes in the consortium’s locales, saying how it read them', async () => {
      const cases: Array<[string, Buffer, string, string, string, string]> = [
        // [what, bytes, encoding, delimiter, first header, first cell]
        [
          'French, Windows-1252, semicolons',
          encodeSingleByte(
            'Nom;Pays;Ville;Site web\nSociété Générale Spatiale;FR;Liège;https://sgs.example\n',
            'windows-1252',
          ),
          'windows-1252',
          ';',
          'Nom',
          'Société Générale Spatiale',
        ],
        [
          'Polish, Windows-1250, semicolons',
          encodeSingleByte('Nazwa;Kraj;Miasto\nZakłady Łódź;PL;Łódź\n', 'windows-1250'),
          'windows-1250',
          ';',
          'Nazwa',
          'Zakłady Łódź',
        ],
        [
          'Polish, ISO-8859-2, tabs',
          encodeSingleByte('Nazwa\tKraj\tMiasto\nŚląskie Zakłady\tPL\tGdańsk\n', 'iso-8859-2'),
          'iso-8859-2',
          '\t',
          'Nazwa',
          'Śląskie Zakłady',
        ],
        [
          'Greek, Windows-1253, semicolons',
          encodeSingleByte('Επωνυμία;Χώρα;Πόλη\nΔιαστημική Αθήνα;GR;Αθήνα\n', 'windows-1253'),
          'windows-1253',
          ';',
          'Επωνυμία',
          'Διαστημική Αθήνα',
        ],
        [
          'Greek, ISO-8859-7, commas',
          encodeSingleByte('Επωνυμία,Χώρα,Πόλη\nΆλφα Διάστημα,GR,Άργος\n', 'iso-8859-7'),
          'iso-8859-7',
          ',',
          'Επωνυμία',
          'Άλφα Διάστημα',
        ],
        [
          'Spanish, UTF-8 with BOM',
          Buffer.from('\uFEFFNombre,País\nAeroespacial Peña,ES\n'),
          'utf-8',
          ',',
          'Nombre',
          'Aeroespacial Peña',
        ],
        [
          'Italian, UTF-16 LE with BOM, tabs',
          Buffer.concat([
            Buffer.from([0xff, 0xfe]),
            Buffer.from('Nome\tPaese\nSocietà Forlì\tIT\n', 'utf16le'),
          ]),
          'utf-16le',
          '\t',
          'Nome',
          'Società Forlì',
        ],
      ];
      for (const [what, bytes, encoding, delimiter, header, cell] of cases) {
        const res = await upload(bytes);
        expect(res.statusCode, `${what}: ${res.body}`).toBe(200);
        const body = res.json();
        expect(body, what).toMatchObject({ format: 'csv', encoding, delimiter });
        expect(body.encodingGuessed, what).toBe(!encoding.startsWith('utf'));
        expect(body.headers[0], what).toBe(header);
        expect(body.rows[0][0], what).toBe(cell);
        expect(body.suggestedMapping.organisations, what).toMatchObject({ name: 0, country: 1 });
      }
    });

    it('reads a CSV in the encoding the user chose, and refuses an unknown one', async () => {
      const bytes = encodeSingleByte('Nazwa;Kraj\nZakłady Łódź;PL\n', 'windows-1250');
      const chosen = await t.app.inject({
        method: 'POST',
        url: url('/imports/parse?encoding=windows-1252'),
        headers: { ...coordinator.headers, 'content-type': 'text/csv' },
        payload: bytes,
      });
      expect(chosen.statusCode, chosen.body).toBe(200);
      expect(chosen.json()).toMatchObject({ encoding: 'windows-1252', encodingGuessed: false });
      expect(chosen.json().rows[0][0]).toBe('Zak³ady £ódŸ');
      const unknown = await t.app.inject({
        method: 'POST',
        url: url('/imports/parse?encoding=koi8-r'),
        headers: { ...coordinator.headers, 'content-type': 'text/csv' },
        payload: bytes,
      });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.headers['content-type']).toContain('application/problem+json');
      expect(unknown.body).toContain('encoding');
    });

    it('says nothing of an encoding for an XLSX workbook', async () => {
      const res = await upload(
        await workbook([
          ['Nom', 'Pays'],
          ['Société Générale', 'FR'],
        ]),
        XLSX,
      );
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        format: 'xlsx',
        encoding: null,
        delimiter: null,
        encodingGuessed: false,
      });
      expect(res.json().suggestedMapping.organisations).toMatchObject({ name: 0, country: 1 });
    });

    it.each([
      ['an empty file', Buffer.alloc(0), 'text/csv', /empty/],
      ['a header only', Buffer.from('Name,Country\n'), 'text/csv', /no data rows/],
      [
        'binary garbage',
        Buffer.from([0x01, 0x02, 0x00, 0x03, 0x04, 0x00, 0x05, 0x06, 0x00, 0x07]),
        'text/csv',
        /binary/,
      ],
      ['an unclosed quote', Buffer.from('Name,Country\n"Orbitech,ES\n'), 'text/csv', /not readable as CSV/],
      [
        'a ragged row',
        Buffer.from('Name,Country\nOrbitech,ES,extra,more\n'),
        'text/csv',
        /Line 2 has a value in column 3/,
      ],
      ['an XLSX that is not a ZIP', Buffer.from('Name,Country\nOrbitech,ES\n'), XLSX, /not an XLSX workbook/],
      [
        'a damaged ZIP',
        Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 7)]),
        XLSX,
        /damaged/,
      ],
      ['a zip bomb', zipBomb(300 * 1024 * 1024), XLSX, /zip bomb/],
      [
        'a cell over 10,000 characters',
        Buffer.from(`Name,Country\n${'x'.repeat(10_001)},ES\n`),
        'text/csv',
        /at most 10,000/,
      ],
    ])('answers 400 to %s, never 500', async (_name, body, type, detail) => {
      const res = await upload(body, type);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().detail).toMatch(detail);
    });

    it('answers 415 to another content type and 413 to a file over 20 MB', async () => {
      const json = await t.app.inject({
        method: 'POST',
        url: url('/imports/parse'),
        headers: coordinator.headers,
        payload: { rows: [] },
      });
      expect(json.statusCode).toBe(415);
      const big = await upload(Buffer.alloc(21 * 1024 * 1024, 0x41));
      expect(big.statusCode).toBe(413);
      expect(big.headers['content-type']).toContain('application/problem+json');
    });

    it('accepts 50,000 data rows and refuses 50,001 naming the limit', async () => {
      const lines = (n: number) => {
        const out = ['Name,Country,Cluster'];
        for (let i = 0; i < n; i++) out.push(`Org ${i},BE,GSC`);
        return `${out.join('\n')}\n`;
      };
      const ok = await upload(lines(50_000));
      expect(ok.statusCode).toBe(200);
      expect(ok.json().rowCount).toBe(50_000);
      const tooMany = await upload(lines(50_001));
      expect(tooMany.statusCode).toBe(413);
      expect(tooMany.json().detail).toContain('50,000');
    });

    it('is refused to roles that may not import (403) and in another workspace (404)', async () => {
      const viewer = await factory.memberWithToken(workspaceId, 'viewer');
      expect((await upload('Name\nX\n', 'text/csv', viewer.headers)).statusCode).toBe(403);
      const other = await factory.workspace();
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/workspaces/${other.slug}/imports/parse`,
        headers: { ...coordinator.headers, 'content-type': 'text/csv' },
        payload: 'Name\nX\n',
      });
      expect(res.statusCode).toBe(404);
    });
  });

  describe('organisations', () => {
    const orbita = {
      name: 'Órbita Ingeniería, S.L.',
      cluster: 'GSC',
      type: 'SME',
      country: 'es',
      registrationId: 'ESB12345678',
      spaceSegments: 'Earth observation; ground segment',
      targetMarketInterests: 'cl, co',
      offerTags: 'crop monitoring;sentinel-2',
      website: 'https://orbita.example',
    };

    it('imports a CSV end to end: parse, suggested mapping, dry run, commit', async () => {
      const csv = [
        'Name,Cluster,Type,Country,Registration ID,Space segments,Target markets,Notes',
        `"Órbita Ingeniería, S.L.",GSC,sme,ES,ESB12345678,"earth_observation; satcom","CL; CO",ignored`,
        `Astra Belgium,${cluster.name},R&D centre,BE,,launch,,also ignored`,
      ].join('\r\n');
      const parsed = (await upload(csv)).json();
      const rows = mapped(parsed, 'organisations');
      expect(rows[0]).not.toHaveProperty('Notes');

      const dry = await importRows('organisations', rows, true);
      expect(dry.statusCode, dry.body).toBe(200);
      expect(dry.json()).toMatchObject({
        dryRun: true,
        total: 2,
        valid: 2,
        invalid: 0,
        duplicates: 0,
        created: 0,
      });
      expect(await count('organisation')).toBe(0);
      expect(await count('audit_event')).toBe(0);

      const done = await importRows('organisations', rows, false);
      expect(done.json()).toMatchObject({ dryRun: false, total: 2, valid: 2, created: 2 });
      expect(done.json().rows.map((r: { status: string }) => r.status)).toEqual(['created', 'created']);
      const stored = await t.database.db
        .selectFrom('organisation')
        .select([
          'name',
          'normalised_name',
          'cluster_id',
          'type',
          'space_segments',
          'target_market_interests',
        ])
        .where('workspace_id', '=', workspaceId)
        .orderBy('name')
        .execute();
      expect(stored).toEqual([
        {
          name: 'Astra Belgium',
          normalised_name: 'astra belgium',
          cluster_id: cluster.id,
          type: 'rd_centre',
          space_segments: '["launch"]',
          target_market_interests: '[]',
        },
        {
          name: 'Órbita Ingeniería, S.L.',
          normalised_name: 'orbita ingenieria',
          cluster_id: cluster.id,
          type: 'sme',
          space_segments: '["earth_observation","satcom"]',
          target_market_interests: '["CL","CO"]',
        },
      ]);
      const audit = await t.database.db
        .selectFrom('audit_event')
        .select(['entity_type', 'changes'])
        .where('workspace_id', '=', workspaceId)
        .execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]?.entity_type).toBe('organisation_import');
      expect(JSON.parse(audit[0]?.changes ?? '{}')).toMatchObject({
        created: [null, 2],
        kind: [null, 'organisations'],
      });
    });

    it('imports an XLSX built with exceljs, keeping a formula as text', async () => {
      const file = await workbook([
        ['Organisation', 'Cluster', 'Type', 'Country', 'Offers'],
        ['Formula Corp', 'GSC', 'sme', 'FR', { formula: "cmd|' /C calc'!A0" } as ExcelJS.CellFormulaValue],
        ['Plain Corp', cluster.id, 'university', 'IT', 'Teaching'],
      ]);
      const parsed = (await upload(file, XLSX)).json();
      const res = await importRows('organisations', mapped(parsed, 'organisations'), false);
      expect(res.json()).toMatchObject({ created: 2, invalid: 0 });
      const formula = await t.database.db
        .selectFrom('organisation')
        .select('offers')
        .where('name', '=', 'Formula Corp')
        .executeTakeFirstOrThrow();
      expect(formula.offers).toBe("=cmd|' /C calc'!A0");
    });

    it('commits only the valid rows and reports each invalid one by field', async () => {
      const res = await importRows(
        'organisations',
        [
          orbita,
          { ...orbita, name: 'Bad Segment', registrationId: null, spaceSegments: 'satcom; underwater' },
          { ...orbita, name: 'No Country', registrationId: null, country: '' },
          { ...orbita, name: 'Bad Type', registrationId: null, type: 'startup', website: 'not a url' },
          { ...orbita, name: 'Bad Consent-free', registrationId: null, cluster: 'Nowhere' },
        ],
        false,
      );
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ total: 5, valid: 1, invalid: 4, duplicates: 0, created: 1 });
      expect(body.rows[0]).toEqual({ index: 0, status: 'created', errors: [] });
      expect(body.rows[1].errors).toEqual([
        { field: 'spaceSegments', message: expect.stringContaining('"underwater"') },
      ]);
      expect(body.rows[2].errors).toEqual([{ field: 'country', message: 'is required' }]);
      expect(body.rows[3].errors.map((e: { field: string }) => e.field).sort()).toEqual(['type', 'website']);
      expect(body.rows[4].errors).toEqual([
        { field: 'cluster', message: expect.stringContaining('no cluster "Nowhere"') },
      ]);
      expect(await count('organisation')).toBe(1);
    });

    it('reports a country name instead of a code as a row error, not a 500', async () => {
      const res = await importRows('organisations', [{ ...orbita, country: 'Atlantis' }], true);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().rows[0].errors).toEqual([
        { field: 'country', message: expect.stringContaining('ISO 3166-1 alpha-2') },
      ]);
    });

    it('reports duplicates against the workspace and within the file', async () => {
      await factory.organisation(workspaceId, cluster.id, {
        name: 'Stored Space',
        normalised_name: 'stored space',
        country: 'BE',
        registration_id: 'BE0123456789',
      });
      const res = await importRows(
        'organisations',
        [
          {
            name: 'Other Name',
            cluster: 'GSC',
            type: 'sme',
            country: 'FR',
            registrationId: 'BE 0123.456.789',
          },
          { name: 'STORED SPACE S.A.', cluster: 'GSC', type: 'sme', country: 'BE' },
          { name: 'New One', cluster: 'GSC', type: 'sme', country: 'ES' },
          { name: 'New One SL', cluster: 'GSC', type: 'sme', country: 'ES' },
          { name: 'New One', cluster: 'GSC', type: 'sme', country: 'PT' },
        ],
        true,
      );
      const body = res.json();
      expect(body).toMatchObject({ valid: 2, duplicates: 3, invalid: 0 });
      expect(body.rows[0].duplicateOf).toMatchObject({ name: 'Stored Space', reason: 'registration id' });
      expect(body.rows[1].duplicateOf).toMatchObject({ name: 'Stored Space', reason: 'name and country' });
      expect(body.rows[2].status).toBe('valid');
      expect(body.rows[3]).toMatchObject({
        status: 'duplicate',
        duplicateOf: { id: null, name: 'New One', reason: 'same file', row: 2 },
      });
      expect(body.rows[4].status).toBe('valid');
    });

    it("treats another workspace's cluster id as a row error", async () => {
      const elsewhere = await factory.workspace();
      const foreign = await factory.cluster(elsewhere.id);
      const res = await importRows('organisations', [{ ...orbita, cluster: foreign.id }], false);
      expect(res.json().rows[0].errors).toEqual([
        { field: 'cluster', message: expect.stringContaining('no cluster') },
      ]);
      expect(await count('organisation')).toBe(0);
    });

    it("gives a cluster manager row errors for another cluster's rows", async () => {
      const manager = await factory.memberWithToken(workspaceId, 'cluster_manager', cluster.id);
      const res = await importRows(
        'organisations',
        [orbita, { ...orbita, name: 'Elsewhere', registrationId: null, cluster: otherCluster.short_name }],
        false,
        manager.headers,
      );
      expect(res.json()).toMatchObject({ created: 1, invalid: 1 });
      expect(res.json().rows[1].errors).toEqual([{ field: 'cluster', message: 'not your cluster' }]);
    });

    it('marks every row invalid, naming the field, when a required column is not mapped', async () => {
      const res = await importRows(
        'organisations',
        [
          { name: 'A', type: 'sme' },
          { name: 'B', type: 'sme' },
        ],
        true,
      );
      for (const row of res.json().rows) {
        expect(row.errors).toEqual([
          { field: 'cluster', message: expect.stringContaining('is required') },
          { field: 'country', message: 'is required' },
        ]);
      }
    });

    it('answers 400 to malformed JSON, wrong types and unknown fields, writing nothing', async () => {
      const malformed = await t.app.inject({
        method: 'POST',
        url: url('/imports/organisations'),
        headers: { ...coordinator.headers, 'content-type': 'application/json' },
        payload: '{"rows": [',
      });
      expect(malformed.statusCode).toBe(400);
      expect((await importRows('organisations', [{ name: 42 }], false)).statusCode).toBe(400);
      expect((await importRows('organisations', [{ nonsense: 'x' }], false)).statusCode).toBe(400);
      const nul = await importRows('organisations', [{ ...orbita, city: 'Ma\u0000drid' }], false);
      expect(nul.statusCode).toBe(400);
      expect(nul.json().errors).toEqual([
        { field: 'body.rows.0.city', message: expect.stringContaining('NUL') },
      ]);
      const tooLong = await importRows('organisations', [{ ...orbita, offers: 'x'.repeat(10_001) }], true);
      expect(tooLong.statusCode).toBe(400);
      const noDryRun = await t.app.inject({
        method: 'POST',
        url: url('/imports/organisations'),
        headers: coordinator.headers,
        payload: { rows: [orbita] },
      });
      expect(noDryRun.statusCode).toBe(400);
      expect(noDryRun.json().errors).toEqual([{ field: 'body.dryRun', message: expect.any(String) }]);
      expect(await count('organisation')).toBe(0);
    });

    it('writes nothing, not even the first batches, when the commit fails half-way', async () => {
      const original = ImportRepository.prototype.insertOrganisations;
      const spy = vi
        .spyOn(ImportRepository.prototype, 'insertOrganisations')
        .mockImplementation(async function (this: ImportRepository, id, values) {
          await original.call(this, id, values.slice(0, 1_000));
          throw new Error('simulated failure after two batches');
        });
      try {
        const rows = Array.from({ length: 1_200 }, (_, i) => ({
          name: `Batch ${i}`,
          cluster: 'GSC',
          type: 'sme',
          country: 'BE',
        }));
        const res = await importRows('organisations', rows, false);
        expect(res.statusCode).toBe(500);
        expect(spy).toHaveBeenCalledOnce();
      } finally {
        spy.mockRestore();
      }
      expect(await count('organisation')).toBe(0);
      expect(await count('audit_event')).toBe(0);
    });

    it('answers 409 and writes nothing when another request saved one of the rows meanwhile', async () => {
      // What a lost race looks like from inside the commit: a row's key is taken when it is inserted.
      const original = ImportRepository.prototype.insertOrganisations;
      const spy = vi
        .spyOn(ImportRepository.prototype, 'insertOrganisations')
        .mockImplementation(async function (this: ImportRepository, id, values) {
          await original.call(this, id, values);
          await original.call(this, id, values.slice(-1));
        });
      try {
        const rows = Array.from({ length: 3 }, (_, i) => ({
          name: `Taken ${i}`,
          cluster: 'GSC',
          type: 'sme',
          country: 'BE',
        }));
        const res = await importRows('organisations', rows, false);
        expect(res.statusCode).toBe(409);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.json().detail).toMatch(/nothing was imported\. Run the dry run again/);
      } finally {
        spy.mockRestore();
      }
      expect(await count('organisation')).toBe(0);
      expect(await count('audit_event')).toBe(0);
    });

    it('inserts more rows than one batch holds', async () => {
      const rows = Array.from({ length: 1_201 }, (_, i) => ({
        name: `Batch ${i}`,
        cluster: 'GSC',
        type: 'sme',
        country: 'BE',
        registrationId: `REG${i}`,
      }));
      expect((await importRows('organisations', rows, false)).json()).toMatchObject({ created: 1_201 });
      expect(await count('organisation')).toBe(1_201);
    });
  });

  describe('people', () => {
    it('imports people by organisation name, registration id or id, with e-mail errors and duplicates', async () => {
      const orbita = await factory.organisation(workspaceId, cluster.id, {
        name: 'Orbita',
        normalised_name: 'orbita',
        registration_id: 'ESB1',
      });
      await factory.person(workspaceId, orbita.id, { email: 'taken@orbita.example' });
      const res = await importRows(
        'people',
        [
          { name: 'Ana', email: 'Ana@Orbita.example', organisation: 'Orbita', consent: 'yes' },
          { name: 'Ben', email: 'ben@orbita', organisation: 'ESB1' },
          { name: 'Cleo', email: 'taken@orbita.example', organisation: orbita.id },
          { name: 'Dan', email: 'ana@orbita.example', organisation: orbita.id },
          { name: 'Eve', email: 'eve@orbita.example', organisation: 'Nowhere Ltd', consent: 'maybe' },
          { name: 'Fay', phone: '+34 600 000 000', organisation: 'esb1', consent: 'no' },
        ],
        false,
      );
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ total: 6, created: 2, invalid: 2, duplicates: 2 });
      expect(body.rows[1].errors).toEqual([{ field: 'email', message: expect.any(String) }]);
      expect(body.rows[2].duplicateOf).toMatchObject({ reason: 'e-mail' });
      expect(body.rows[3].duplicateOf).toMatchObject({ reason: 'same file', row: 0 });
      expect(body.rows[4].errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'consent',
        'organisation',
      ]);
      const stored = await t.database.db
        .selectFrom('person')
        .select(['name', 'email', 'consent', 'organisation_id'])
        .where('workspace_id', '=', workspaceId)
        .where('name', 'in', ['Ana', 'Fay'])
        .orderBy('name')
        .execute();
      expect(stored).toEqual([
        { name: 'Ana', email: 'ana@orbita.example', consent: 1, organisation_id: orbita.id },
        { name: 'Fay', email: null, consent: 0, organisation_id: orbita.id },
      ]);
    });

    it('answers 409 and writes nothing when another request took one of the e-mails meanwhile', async () => {
      const original = ImportRepository.prototype.insertPeople;
      const spy = vi.spyOn(ImportRepository.prototype, 'insertPeople').mockImplementation(async function (
        this: ImportRepository,
        id,
        values,
      ) {
        await original.call(this, id, values);
        await original.call(this, id, values.slice(0, 1));
      });
      try {
        const res = await importRows(
          'people',
          [
            { name: 'Ana', email: 'ana@orbita.example' },
            { name: 'Ben', email: 'ben@orbita.example' },
          ],
          false,
        );
        expect(res.statusCode).toBe(409);
        expect(res.json().detail).toMatch(/Run the dry run again/);
      } finally {
        spy.mockRestore();
      }
      expect(await count('person')).toBe(0);
      expect(await count('audit_event')).toBe(0);
    });

    it("gives a cluster manager row errors for people of another cluster's organisations", async () => {
      const own = await factory.organisation(workspaceId, cluster.id);
      const foreign = await factory.organisation(workspaceId, otherCluster.id);
      const manager = await factory.memberWithToken(workspaceId, 'cluster_manager', cluster.id);
      const res = await importRows(
        'people',
        [
          { name: 'Mine', organisation: own.id },
          { name: 'Theirs', organisation: foreign.id },
          { name: 'Nobody' },
        ],
        false,
        manager.headers,
      );
      expect(res.json()).toMatchObject({ created: 1, invalid: 2 });
      expect(res.json().rows[1].errors).toEqual([{ field: 'organisation', message: 'not of your cluster' }]);
    });
  });
});
