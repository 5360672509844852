import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/databases.ts';
import { Factory } from '../../../test/support/factories.ts';
import { InteractionRows } from '../../../test/support/interactions-factories.ts';
import { PlanningRows } from '../../../test/support/planning-rows.ts';
import { pdfText, readWorkbook, sheetRows } from '../../../test/support/report-files.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { newId, nowIso } from '../../db/ids.ts';
import { refreshKpiActuals } from '../kpis/actuals.ts';

/**
 * Funder reports through the API: started as a job, worked in the background, read back from the
 * stored file (PDF text with pdf-parse, XLSX cells with exceljs).
 *
 * | activity                   | plan (market)  | dates                 | status    | planned                          | actual                |
 * |----------------------------|----------------|-----------------------|-----------|----------------------------------|-----------------------|
 * | Tokyo study visit          | Japan 2026     | 2026-03-10..12        | done      | travel 1,000 EU, staff 500 CL    | travel 640.50 EU      |
 * | Santiago matchmaking       | —              | 2026-05-10..11        | planned   | fee 2,000 CL                     | —                     |
 * | Cancelled webinar          | Japan 2026     | 2026-09-01            | cancelled | travel 300 EU (left out)         | travel 50 EU          |
 * | Last year's mission        | Japan 2026     | 2025-06-01..03        | done      | travel 9,999 EU                  | —                     |
 *
 * 2026 totals: planned 3,500 EUR (EU 1,000, cluster 2,500), actual 690.50 EUR (EU 690.50).
 * KPIs of the Tokyo visit: 2 organisations present of 3 (target 4), contacts mapped 6 (interactions; plan target
 * 10 for study visits), a remark on the market.
 */
describe.each(testDialects())('funder reports on %s', (kind) => {
  let t: TestApp;
  let slug: string;
  let workspaceId: string;
  let headers: Record<string, string>;
  let foreign: { slug: string; headers: Record<string, string>; jobId: string };
  const base = () => `/api/v1/workspaces/${slug}`;

  const startReport = async (body: object, as = headers) => {
    const res = await t.app.inject({ method: 'POST', url: `${base()}/reports`, headers: as, payload: body });
    return res;
  };
  /** Starts a report, waits for the worker, and returns the finished job and its file. */
  const generate = async (body: { from: string; to: string; format: 'pdf' | 'xlsx'; marketId?: string }) => {
    const started = await startReport(body);
    expect(started.statusCode, started.body).toBe(202);
    await t.app.jobs.idle();
    const job = (
      await t.app.inject({ method: 'GET', url: `${base()}/jobs/${started.json().job.id}`, headers })
    ).json();
    expect(job.status, job.error).toBe('succeeded');
    const file = await t.app.inject({ method: 'GET', url: job.file.url, headers });
    expect(file.statusCode).toBe(200);
    return { job, file, content: file.rawPayload };
  };

  beforeAll(async () => {
    // The worker looks for jobs when told (no poll during the tests: rows inserted here stay queued).
    t = await startTestApp(kind, { jobs: { pollMs: 600_000 } });
    const factory = new Factory(t.database.db);
    const rows = new PlanningRows(t.database.db);
    const workspace = await factory.workspace('Orbit Partners');
    slug = workspace.slug;
    workspaceId = workspace.id;
    headers = (await factory.memberWithToken(workspaceId, 'coordinator')).headers;
    const japan = await rows.marketRow(workspaceId, { name: 'Japan' });
    const plan = await rows.planRow(workspaceId, { market_id: japan.id, name: 'Japan 2026' });
    const tokyo = await rows.activityRow(workspaceId, {
      plan_id: plan.id,
      title: 'Tokyo study visit',
      instrumentKey: 'study-visits',
      starts_on: '2026-03-10',
      ends_on: '2026-03-12',
      status: 'done',
    });
    await rows.costLineRow(workspaceId, tokyo.id, { amount_cents: 100_000 });
    await rows.costLineRow(workspaceId, tokyo.id, {
      category: 'staff',
      funding_source: 'cluster',
      amount_cents: 50_000,
    });
    await rows.costLineRow(workspaceId, tokyo.id, {
      kind: 'actual',
      amount_cents: 64_050,
      incurred_on: '2026-03-10',
    });
    const santiago = await rows.activityRow(workspaceId, {
      title: 'Santiago matchmaking',
      instrumentKey: 'matchmaking-events',
      starts_on: '2026-05-10',
      ends_on: '2026-05-11',
    });
    await rows.costLineRow(workspaceId, santiago.id, {
      category: 'participation_fee',
      funding_source: 'cluster',
      amount_cents: 200_000,
    });
    const cancelled = await rows.activityRow(workspaceId, {
      plan_id: plan.id,
      title: 'Cancelled webinar',
      starts_on: '2026-09-01',
      ends_on: '2026-09-01',
      status: 'cancelled',
    });
    await rows.costLineRow(workspaceId, cancelled.id, { amount_cents: 30_000 });
    await rows.costLineRow(workspaceId, cancelled.id, {
      kind: 'actual',
      amount_cents: 5_000,
      incurred_on: '2026-08-20',
    });
    const lastYear = await rows.activityRow(workspaceId, {
      plan_id: plan.id,
      title: "Last year's mission",
      starts_on: '2025-06-01',
      ends_on: '2025-06-03',
      status: 'done',
    });
    await rows.costLineRow(workspaceId, lastYear.id, { amount_cents: 999_900 });

    // KPIs of the Tokyo visit: 2 of 4 participants present (an activity target), 6 contacts mapped
    // against the plan's 10 for study visits, and a remark.
    const cluster = await factory.cluster(workspaceId);
    for (const attendance of ['present', 'present', 'absent'] as const) {
      const organisation = await factory.organisation(workspaceId, cluster.id);
      await rows.participantRow(tokyo.id, { organisation_id: organisation.id, attendance });
    }
    await rows.kpiTargetRow(workspaceId, {
      activity_id: tokyo.id,
      kpi_key: 'present_participants',
      value: 4,
    });
    const studyVisits = await t.database.db
      .selectFrom('instrument')
      .select('id')
      .where('key', '=', 'study-visits')
      .where('workspace_id', 'is', null)
      .executeTakeFirstOrThrow();
    await rows.kpiTargetRow(workspaceId, {
      plan_id: plan.id,
      instrument_id: studyVisits.id,
      kpi_key: 'contacts_mapped',
      value: 10,
    });
    // Contacts mapped come from the interactions: six network organisations met at the visit.
    const network = new InteractionRows(t.database.db);
    for (let i = 0; i < 6; i++) {
      const counterpart = await network.networkOrganisation(workspaceId);
      await network.interaction(workspaceId, counterpart.id, {
        activity_id: tokyo.id,
        occurred_on: '2026-03-11',
      });
    }
    await rows.kpiEntryRow(workspaceId, tokyo.id, {
      kpi_key: 'remarks_on_visited_market',
      value_text: 'Strong demand for CubeSat parts',
      recorded_on: '2026-03-12',
    });
    // The writing use cases refresh derived values; rows written straight to the tables need it here.
    await refreshKpiActuals(t.database.db, [tokyo.id, santiago.id, cancelled.id, lastYear.id]);

    const other = await factory.workspace('Elsewhere');
    const otherHeaders = (await factory.memberWithToken(other.id, 'coordinator')).headers;
    const otherJob = await t.app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${other.slug}/reports`,
      headers: otherHeaders,
      payload: { from: '2026-01-01', to: '2026-12-31', format: 'xlsx' },
    });
    foreign = { slug: other.slug, headers: otherHeaders, jobId: otherJob.json().job.id };
    await t.app.jobs.idle();
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('POST /reports', () => {
    it('answers 202 with the queued job, which the worker then finishes with a file', async () => {
      const started = await startReport({ from: '2026-01-01', to: '2026-12-31', format: 'pdf' });
      expect(started.statusCode, started.body).toBe(202);
      const { job } = started.json();
      expect(job).toMatchObject({
        kind: 'report',
        status: 'queued',
        progress: 0,
        params: { from: '2026-01-01', to: '2026-12-31', format: 'pdf' },
        error: null,
        startedAt: null,
        finishedAt: null,
        file: null,
      });
      await t.app.jobs.idle();
      const res = await t.app.inject({ method: 'GET', url: `${base()}/jobs/${job.id}`, headers });
      expect(res.statusCode).toBe(200);
      const done = res.json();
      expect(done).toMatchObject({
        id: job.id,
        status: 'succeeded',
        progress: 1,
        message: 'Done: 3 activities',
      });
      expect(done.startedAt).not.toBeNull();
      expect(done.finishedAt >= done.startedAt).toBe(true);
      expect(done.file).toEqual({
        name: `funder-report-${slug}-2026-01-01-to-2026-12-31.pdf`,
        size: expect.any(Number),
        contentType: 'application/pdf',
        url: `/api/v1/workspaces/${slug}/jobs/${job.id}/file`,
      });
      const audit = await t.database.db
        .selectFrom('audit_event')
        .select(['action', 'entity_type', 'changes'])
        .where('entity_id', '=', job.id)
        .execute();
      expect(audit).toEqual([
        {
          action: 'create',
          entity_type: 'job',
          changes: JSON.stringify({
            kind: [null, 'report'],
            from: [null, '2026-01-01'],
            to: [null, '2026-12-31'],
            format: [null, 'pdf'],
            // The requester has chosen no language: the report is in English.
            language: [null, 'en'],
          }),
        },
      ]);
    });

    it.each([
      [{ from: '2026-12-31', to: '2026-01-01', format: 'pdf' }, 'body.to', /must not be before from/],
      [{ from: '2026-01-01', to: '2036-01-01', format: 'pdf' }, 'body.to', /at most 10 years after from/],
      [{ from: '2026-02-30', to: '2026-12-31', format: 'pdf' }, 'body.from', /not a calendar date/],
      [{ from: '01/01/2026', to: '2026-12-31', format: 'pdf' }, 'body.from', /YYYY-MM-DD/],
      [{ from: '2026-01-01', to: '2026-12-31', format: 'docx' }, 'body.format', /pdf|xlsx/],
      [{ from: '2026-01-01', format: 'pdf' }, 'body.to', /.+/],
      [{ from: '2026-01-01', to: '2026-12-31', format: 'pdf', extra: 1 }, 'body', /extra/],
    ])('refuses %j with 400 naming %s, and queues nothing', async (body, field, message) => {
      const before = await t.database.db.selectFrom('job').select('id').execute();
      const res = await startReport(body);
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const error = res.json().errors.find((e: { field: string }) => e.field === field);
      expect(error, res.body).toBeDefined();
      expect(error.message).toMatch(message);
      expect(await t.database.db.selectFrom('job').select('id').execute()).toEqual(before);
    });

    it('accepts a period of exactly 10 years', async () => {
      const res = await startReport({ from: '2024-02-29', to: '2034-02-28', format: 'xlsx' });
      expect(res.statusCode, res.body).toBe(202);
      await t.app.jobs.idle();
    });

    it('refuses a member, who may not see budgets (403), and writes nothing', async () => {
      const factory = new Factory(t.database.db);
      const member = await factory.memberWithToken(workspaceId, 'member');
      const before = await t.database.db.selectFrom('job').select('id').execute();
      const res = await startReport({ from: '2026-01-01', to: '2026-12-31', format: 'pdf' }, member.headers);
      expect(res.statusCode).toBe(403);
      expect(await t.database.db.selectFrom('job').select('id').execute()).toEqual(before);
    });
  });

  describe('the PDF', () => {
    it('has the cover, the summary, the budget and the activities of the period', async () => {
      const { file, content } = await generate({ from: '2026-01-01', to: '2026-12-31', format: 'pdf' });
      expect(file.headers['content-type']).toBe('application/pdf');
      expect(file.headers['content-disposition']).toBe(
        `attachment; filename="funder-report-${slug}-2026-01-01-to-2026-12-31.pdf"; filename*=UTF-8''funder-report-${slug}-2026-01-01-to-2026-12-31.pdf`,
      );
      expect(content.subarray(0, 5).toString()).toBe('%PDF-');
      const text = await pdfText(content);
      expect(text).toContain('Funder report');
      expect(text).toContain('Orbit Partners');
      expect(text).toContain('Period: 1 January 2026 – 31 December 2026');
      expect(text).toMatch(/Activities starting in the period\s+3/);
      expect(text).toMatch(/Planned budget \(EUR\)\s+3,500\.00/);
      expect(text).toMatch(/Actual costs \(EUR\)\s+690\.50/);
      // Budget by funding source: EU programme 1,000 planned (the cancelled 300 left out), 690.50 actual.
      expect(text).toMatch(/EU programme\s+1,000\.00\s+690\.50\s+69%/);
      expect(text).toMatch(/Cluster\s+2,500\.00\s+0\.00\s+0%/);
      expect(text).toMatch(/Total\s+3,500\.00\s+690\.50\s+20%/);
      expect(text).toMatch(/Staff effort\s+500\.00\s+0\.00/);
      // KPIs against targets, per instrument, with the chart of progress.
      expect(text).toMatch(/Activities held \(KPI\)\s+1\b/);
      expect(text).toMatch(/Participants present \(KPI\)\s+2\b/);
      expect(text).toContain('KPI progress per instrument');
      expect(text).toContain('1.1.3 Study Visits (1 activity)');
      expect(text).toMatch(/Participants present\s+records\s+4 participants\s+2 participants\s+50%/);
      expect(text).toMatch(/Number of contacts mapped\s+records\s+10 contacts\s+6 contacts\s+60%/);
      expect(text).toMatch(/Remarks on visited market\s+entered\s+–\s+1 entry, below\s+–/);
      expect(text).toContain('• Strong demand for CubeSat parts (Tokyo study visit, 2026-03-12)');
      expect(text).toContain('Tokyo study visit');
      expect(text).toContain('Santiago matchmaking');
      expect(text).toContain('Cancelled webinar');
      expect(text).not.toContain("Last year's mission");
      expect(text).toMatch(/Page 1 of \d+/);
      expect(text).not.toContain('No activities in this period');
    });

    it('narrowed to a market names it and counts only its plans’ activities', async () => {
      const japan = await t.database.db
        .selectFrom('target_market')
        .select('id')
        .where('workspace_id', '=', workspaceId)
        .where('name', '=', 'Japan')
        .executeTakeFirstOrThrow();
      const { job, content } = await generate({
        from: '2026-01-01',
        to: '2026-12-31',
        format: 'pdf',
        marketId: japan.id,
      });
      expect(job.params).toEqual({
        from: '2026-01-01',
        to: '2026-12-31',
        format: 'pdf',
        language: 'en',
        marketId: japan.id,
      });
      expect(job.file.name).toBe(`funder-report-${slug}-japan-2026-01-01-to-2026-12-31.pdf`);
      const text = await pdfText(content);
      expect(text).toContain('Market: Japan');
      // The Tokyo visit and the cancelled webinar; the standalone Santiago matchmaking is not Japan's.
      expect(text).toMatch(/Activities starting in the period\s+2/);
      expect(text).toMatch(/Actual costs \(EUR\)\s+690\.50/);
      expect(text).not.toContain('Santiago matchmaking');
    });

    it('refuses a market of another workspace, naming body.marketId', async () => {
      const res = await startReport({
        from: '2026-01-01',
        to: '2026-12-31',
        format: 'pdf',
        marketId: 'nope',
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors).toEqual([
        { field: 'body.marketId', message: 'is not a market of this workspace' },
      ]);
    });

    it('of an empty period is a valid report that says so plainly', async () => {
      const { content } = await generate({ from: '2030-01-01', to: '2030-12-31', format: 'pdf' });
      const text = await pdfText(content);
      expect(text).toContain('Period: 1 January 2030 – 31 December 2030');
      expect(text).toContain('No activities in this period');
      expect(text).toMatch(/Activities starting in the period\s+0/);
    });
  });

  describe('the XLSX', () => {
    it('has one sheet per section, numbers as numbers, totals equal to the budget roll-up', async () => {
      const { file, content } = await generate({ from: '2026-01-01', to: '2026-12-31', format: 'xlsx' });
      expect(file.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      const workbook = await readWorkbook(content);
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
        'Summary',
        'KPIs',
        'Budget by funding source',
        'Budget by category',
        'Activities',
      ]);
      for (const sheet of workbook.worksheets) {
        expect(sheet.getRow(1).font?.bold, sheet.name).toBe(true);
        expect(sheet.views[0], sheet.name).toMatchObject({ state: 'frozen', ySplit: 1 });
      }

      const summary = new Map(sheetRows(workbook, 'Summary').map(([label, value]) => [label, value]));
      expect(summary.get('Workspace')).toBe('Orbit Partners');
      expect(summary.get('Period from')).toEqual(new Date('2026-01-01T00:00:00Z'));
      expect(summary.get('Activities starting in the period')).toBe(3);
      expect(summary.get('Planned budget')).toBe(3500);
      expect(summary.get('Actual costs')).toBe(690.5);

      expect(summary.get('Activities held (KPI)')).toBe(1);
      expect(summary.get('Participants present (KPI)')).toBe(2);

      const kpis = sheetRows(workbook, 'KPIs');
      const kpi = (label: string) =>
        kpis.find((row) => row[0] === '1.1.3 Study Visits' && row[2] === label)?.slice(0, 9);
      expect(kpi('Participants present')).toEqual([
        '1.1.3 Study Visits',
        1,
        'Participants present',
        'Count',
        'participants',
        'From records',
        4,
        2,
        0.5,
      ]);
      expect(kpi('Number of contacts mapped')?.slice(6)).toEqual([10, 6, 0.6]);
      const remarks = kpis.find((row) => row[2] === 'Remarks on visited market');
      expect(remarks?.[9]).toBe('Strong demand for CubeSat parts (Tokyo study visit, 2026-03-12)');
      expect(workbook.getWorksheet('KPIs')?.getCell('I2').numFmt).toBe('0%');

      const rollup = async (groupBy: string) =>
        (
          await t.app.inject({
            method: 'GET',
            url: `${base()}/budget/rollup?groupBy=${groupBy}&from=2026-01-01&to=2026-12-31&activities=starting`,
            headers,
          })
        ).json();
      for (const [sheet, groupBy] of [
        ['Budget by funding source', 'fundingSource'],
        ['Budget by category', 'category'],
      ] as const) {
        const expected = await rollup(groupBy);
        const rows = sheetRows(workbook, sheet);
        expect(rows.at(-1)?.slice(0, 3)).toEqual([
          'Total',
          expected.totals.plannedEur,
          expected.totals.actualEur,
        ]);
        expect(rows.slice(0, -1).map((row) => row.slice(0, 3))).toEqual(
          expected.groups.map((g: { label: string; plannedEur: number; actualEur: number }) => [
            g.label,
            g.plannedEur,
            g.actualEur,
          ]),
        );
      }
      const fundingSources = workbook.getWorksheet('Budget by funding source');
      expect(fundingSources?.getCell('B2').numFmt).toContain('EUR');
      expect(fundingSources?.getCell('D2').numFmt).toBe('0%');

      const activities = sheetRows(workbook, 'Activities');
      expect(activities.map((row) => row[0])).toEqual([
        'Tokyo study visit',
        'Santiago matchmaking',
        'Cancelled webinar',
      ]);
      expect(activities[0]).toEqual([
        'Tokyo study visit',
        '1.1.3 Study Visits',
        'Japan',
        new Date('2026-03-10T00:00:00Z'),
        new Date('2026-03-12T00:00:00Z'),
        'Done',
        1500,
        640.5,
      ]);
      expect(activities[1]?.[2]).toBe('Standalone');
      expect(workbook.getWorksheet('Activities')?.getCell('G2').numFmt).toContain('EUR');
    });

    it('of an empty period is a valid workbook that says so plainly', async () => {
      const { content } = await generate({ from: '2030-01-01', to: '2030-12-31', format: 'xlsx' });
      const workbook = await readWorkbook(content);
      const summary = new Map(sheetRows(workbook, 'Summary').map(([label, value]) => [label, value]));
      expect(summary.get('Note')).toBe('No activities in this period');
      expect(summary.get('Activities starting in the period')).toBe(0);
      expect(sheetRows(workbook, 'Activities')).toEqual([['No activities in this period']]);
      expect(sheetRows(workbook, 'Budget by funding source')).toEqual([['Total', 0, 0]]);
    });
  });

  describe('GET /jobs', () => {
    it('lists the workspace’s report jobs newest first, page by page', async () => {
      const first = await t.app.inject({ method: 'GET', url: `${base()}/jobs?kind=report&limit=2`, headers });
      expect(first.statusCode).toBe(200);
      const page1 = first.json();
      expect(page1.items).toHaveLength(2);
      expect(page1.nextCursor).toBe(page1.items[1].id);
      const second = await t.app.inject({
        method: 'GET',
        url: `${base()}/jobs?kind=report&limit=100&cursor=${page1.nextCursor}`,
        headers,
      });
      const all = [...page1.items, ...second.json().items];
      const ids = all.map((job: { id: string }) => job.id);
      expect(ids).toEqual([...ids].sort().reverse());
      const created = all.map((job: { createdAt: string }) => job.createdAt);
      expect(created).toEqual([...created].sort().reverse());
      expect(ids).not.toContain(foreign.jobId);
      expect(second.json().nextCursor).toBeNull();
    });

    it.each([
      ['kind=mail', 'query.kind'],
      ['limit=0', 'query.limit'],
      ['limit=101', 'query.limit'],
      ['limit=ten', 'query.limit'],
    ])('refuses ?%s with 400 naming %s', async (query, field) => {
      const res = await t.app.inject({ method: 'GET', url: `${base()}/jobs?${query}`, headers });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    });
  });

  describe('GET /jobs/:id and its file and events', () => {
    it("answers 404 for another workspace's job, its file and its events", async () => {
      for (const suffix of ['', '/file', '/events']) {
        const res = await t.app.inject({
          method: 'GET',
          url: `${base()}/jobs/${foreign.jobId}${suffix}`,
          headers,
        });
        expect(res.statusCode, suffix).toBe(404);
        expect(res.json().errors).toEqual([{ field: 'params.id', message: expect.any(String) }]);
      }
      const own = await t.app.inject({
        method: 'GET',
        url: `/api/v1/workspaces/${foreign.slug}/jobs/${foreign.jobId}`,
        headers: foreign.headers,
      });
      expect(own.json().status).toBe('succeeded');
    });

    it('answers 404 for the file of a job that has none yet, naming params.id', async () => {
      const id = await queuedJob();
      const res = await t.app.inject({ method: 'GET', url: `${base()}/jobs/${id}/file`, headers });
      expect(res.statusCode).toBe(404);
      expect(res.json().errors[0].field).toBe('params.id');
      await t.database.db.deleteFrom('job').where('id', '=', id).execute();
    });

    it('streams a finished job as one server-sent event, then ends', async () => {
      const { job } = await generate({ from: '2026-01-01', to: '2026-03-31', format: 'xlsx' });
      const res = await t.app.inject({ method: 'GET', url: `${base()}/jobs/${job.id}/events`, headers });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
      const events = res.body.split('\n\n').filter((chunk) => chunk.startsWith('event: job'));
      expect(events).toHaveLength(1);
      const data = JSON.parse(events[0]?.split('\ndata: ')[1] ?? '{}');
      expect(data).toMatchObject({ id: job.id, status: 'succeeded', progress: 1 });
    });

    it('fails a report whose creator is no longer a member, saying so', async () => {
      const id = await queuedJob();
      t.app.jobs.notify();
      await t.app.jobs.idle();
      const res = await t.app.inject({ method: 'GET', url: `${base()}/jobs/${id}`, headers });
      expect(res.json()).toMatchObject({
        status: 'failed',
        error: 'The person who asked for this report is no longer a member of the workspace.',
        file: null,
      });
    });
  });

  /** A queued report job without a creator, straight into the table. */
  async function queuedJob(): Promise<string> {
    const id = newId();
    await t.database.db
      .insertInto('job')
      .values({
        id,
        workspace_id: workspaceId,
        kind: 'report',
        status: 'queued',
        progress: 0,
        message: '',
        params: JSON.stringify({ from: '2026-01-01', to: '2026-12-31', format: 'pdf' }),
        error: null,
        created_by: null,
        created_at: nowIso(),
        started_at: null,
        finished_at: null,
      })
      .execute();
    return id;
  }
});
