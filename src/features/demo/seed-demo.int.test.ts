import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/databases.ts';
import { signIn } from '../../../test/support/factories.ts';
import { InteractionRows } from '../../../test/support/interactions-factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { seedDemo } from '../../app/seed-demo.ts';
import { defaultReadinessQuestionnaire } from '../../domain/surveys/default-readiness.ts';
import { scoreReadiness } from '../../domain/surveys/readiness.ts';
import type { QuestionnaireDefinition } from '../../domain/surveys/types.ts';
import { EventRefReader } from '../b2b-events/event-ref.ts';
import { DEMO_PASSWORD, DEMO_WORKSPACE_SLUG } from './seed-demo.ts';
import { DEMO_EVENTS } from './seed-demo-events.ts';
import { DEMO_CUSTOM_INSTRUMENT } from './seed-demo-instruments.ts';
import { DEMO_INTERACTIONS, seedDemoInteractions } from './seed-demo-interactions.ts';
import { DEMO_PIPELINE_STAGES } from './seed-demo-pipeline.ts';
import { DEMO_SURVEYS } from './seed-demo-surveys.ts';

describe.each(testDialects())('demo workspace on %s', (kind) => {
  let t: TestApp;
  /** The accounts `seedDemo` reports, which the start log prints (`space2id serve`). */
  let printed: { email: string; role: string }[] = [];
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('is created on an empty database: 8 clusters in 6 countries and users who can sign in', async () => {
    const result = await seedDemo(t.database.db);
    expect(result.created).toBe(true);
    printed = result.users;
    const coordinator = result.users.find((u) => u.role === 'coordinator');
    const { cookie } = await signIn(t.app, coordinator?.email ?? '', DEMO_PASSWORD);
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${DEMO_WORKSPACE_SLUG}/clusters`,
      headers: { cookie },
    });
    const clusters = res.json().items as { country: string }[];
    expect(clusters).toHaveLength(8);
    expect(new Set(clusters.map((c) => c.country)).size).toBe(6);
    const settings = await t.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${DEMO_WORKSPACE_SLUG}/settings`,
      headers: { cookie },
    });
    expect(settings.json()).toMatchObject({
      currency: 'EUR',
      timeZone: 'Europe/Brussels',
      languages: ['en', 'fr', 'es', 'it', 'el', 'pl'],
      fiscalYearStartMonth: 1,
    });
    // The demo coordinator is not the instance operator.
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
    expect(me.json().operator).toBe(false);
  });

  it('has its accounts, as the start log prints them, in the README’s quick start', async () => {
    expect(printed.length).toBeGreaterThanOrEqual(4);
    const readme = readFileSync(path.resolve(import.meta.dirname, '../../../README.md'), 'utf8');
    const quickStart = readme.slice(
      readme.indexOf('## Quick start'),
      readme.indexOf('\n## ', readme.indexOf('## Quick start') + 1),
    );
    expect(quickStart).toContain(DEMO_PASSWORD);
    for (const { email, role } of printed) expect(quickStart, `${email} (${role})`).toContain(`\`${email}\``);
  });

  it('has about 60 member organisations over the 8 clusters, about 80 people, and a member who edits its own', async () => {
    const db = t.database.db;
    const organisations = await db.selectFrom('organisation').selectAll().execute();
    expect(organisations.length).toBeGreaterThanOrEqual(55);
    expect(new Set(organisations.map((o) => o.cluster_id)).size).toBe(8);
    const markets = new Set(organisations.flatMap((o) => JSON.parse(o.target_market_interests) as string[]));
    expect(
      [...markets].every((m) => ['CN', 'AE', 'CA', 'CO', 'CL', 'JP', 'US', 'BR', 'IN'].includes(m)),
    ).toBe(true);
    expect(new Set(organisations.map((o) => o.type)).size).toBeGreaterThanOrEqual(3);
    const people = await db.selectFrom('person').selectAll().execute();
    expect(people.length).toBeGreaterThanOrEqual(75);
    expect(people.every((p) => p.email === null || /@[a-z0-9.-]+\.example$/.test(p.email))).toBe(true);

    const { cookie, csrfToken } = await signIn(t.app, 'member@demo.space2id.example', DEMO_PASSWORD);
    const base = `/api/v1/workspaces/${DEMO_WORKSPACE_SLUG}/organisations`;
    const list = await t.app.inject({ method: 'GET', url: `${base}?limit=200`, headers: { cookie } });
    expect(list.json().items).toHaveLength(organisations.length);
    const membership = await db
      .selectFrom('membership')
      .innerJoin('app_user', 'app_user.id', 'membership.user_id')
      .select('membership.organisation_id')
      .where('app_user.email', '=', 'member@demo.space2id.example')
      .executeTakeFirstOrThrow();
    const own = organisations.find((o) => o.id === membership.organisation_id);
    const other = organisations.find((o) => o.id !== membership.organisation_id);
    if (!own || !other) throw new Error('the demo member has no organisation');
    const edit = (id: string, version: number) =>
      t.app.inject({
        method: 'PATCH',
        url: `${base}/${id}`,
        headers: { cookie, 'x-csrf-token': csrfToken },
        payload: { version, offers: 'Edited by the demo member' },
      });
    expect((await edit(own.id, own.version)).statusCode).toBe(200);
    expect((await edit(other.id, other.version)).statusCode).toBe(403);
  });

  it('has a network of about 150 organisations of every type and 300 people in the five markets, mostly with consent', async () => {
    const db = t.database.db;
    const organisations = await db.selectFrom('network_organisation').selectAll().execute();
    expect(organisations.length).toBeGreaterThanOrEqual(140);
    expect(organisations.length).toBeLessThanOrEqual(160);
    expect(new Set(organisations.map((o) => o.country))).toEqual(new Set(['CN', 'AE', 'CA', 'CO', 'CL']));
    expect(new Set(organisations.map((o) => o.type)).size).toBe(9);
    expect(
      organisations.every(
        (o) => o.website === null || /^https:\/\/www\.[a-z0-9.-]+\.example$/.test(o.website),
      ),
    ).toBe(true);
    const people = await db.selectFrom('network_person').selectAll().execute();
    expect(people.length).toBeGreaterThanOrEqual(280);
    expect(people.every((p) => p.email === null || /@[a-z0-9.-]+\.example$/.test(p.email))).toBe(true);
    const bases = people.map((p) => p.consent_basis);
    expect(bases.filter((b) => b === 'consent').length / people.length).toBeGreaterThan(0.6);
    expect(bases.filter((b) => b === 'legitimate_interest').length).toBeGreaterThan(0);
    expect(bases.filter((b) => b === null).length).toBeGreaterThan(0);
    const { cookie } = await signIn(t.app, 'viewer@demo.space2id.example', DEMO_PASSWORD);
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${DEMO_WORKSPACE_SLUG}/network/organisations?country=CL&limit=5`,
      headers: { cookie },
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBe(organisations.filter((o) => o.country === 'CL').length);
  });

  it('has one custom instrument, the training adapted to 6 days, planned once and estimated from its model', async () => {
    const { cookie } = await signIn(t.app, 'coordinator@demo.space2id.example', DEMO_PASSWORD);
    const base = `/api/v1/workspaces/${DEMO_WORKSPACE_SLUG}`;
    const get = async (path: string) =>
      (await t.app.inject({ method: 'GET', url: `${base}${path}`, headers: { cookie } })).json();
    const custom = (await get('/instruments')).items.filter((i: { origin: string }) => i.origin === 'custom');
    expect(custom).toHaveLength(1);
    expect(custom[0]).toMatchObject({
      key: DEMO_CUSTOM_INSTRUMENT.key,
      basedOn: 'training-to-go-international',
      budget: { items: [{ kind: 'effort_days_per_unit', days: 6 }] },
    });
    const activities = (await get(`/activities?instrumentKey=${DEMO_CUSTOM_INSTRUMENT.key}`)).items;
    expect(activities).toHaveLength(1);
    const lines = await t.database.db
      .selectFrom('cost_line')
      .select('effort_centidays')
      .where('activity_id', '=', activities[0].id)
      .execute();
    expect(lines.map((l) => Number(l.effort_centidays))).toEqual([600]);
  });

  it('has a costed programme: 5 target markets, a two-year plan each, 30–60 activities with planned and actual costs', async () => {
    const { cookie } = await signIn(t.app, 'coordinator@demo.space2id.example', DEMO_PASSWORD);
    const get = async (path: string) => {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/v1/workspaces/${DEMO_WORKSPACE_SLUG}${path}`,
        headers: { cookie },
      });
      expect(res.statusCode).toBe(200);
      return res.json();
    };
    const markets = (await get('/markets')).items as { country: string; planCount: number }[];
    expect(markets.map((m) => m.country).sort()).toEqual(['AE', 'CA', 'CL', 'CN', 'CO']);
    expect(markets.every((m) => m.planCount === 1)).toBe(true);
    const activities = (await get('/activities?limit=500')).items as {
      status: string;
      instrumentKey: string;
    }[];
    expect(activities.length).toBeGreaterThanOrEqual(30);
    expect(activities.length).toBeLessThanOrEqual(60);
    expect(new Set(activities.map((a) => a.instrumentKey)).size).toBeGreaterThanOrEqual(6);
    const rollup = await get('/budget/rollup?groupBy=market');
    expect(rollup.groups).toHaveLength(5);
    expect(rollup.totals.plannedEur).toBeGreaterThan(100_000);
    expect(rollup.totals.actualEur).toBeGreaterThan(0);
    const studyVisit = await t.database.db
      .selectFrom('cost_line')
      .innerJoin('activity', 'activity.id', 'cost_line.activity_id')
      .select(['cost_line.formula', 'cost_line.category'])
      .where('activity.title', 'like', 'Study visit%')
      .where('cost_line.category', '=', 'travel')
      .executeTakeFirstOrThrow();
    expect(studyVisit.formula).toMatch(/travellers? × .* EUR travel = /);
  });

  it('has KPI targets and evidence: attendance, entered values and the figures derived from them', async () => {
    const { cookie } = await signIn(t.app, 'coordinator@demo.space2id.example', DEMO_PASSWORD);
    const get = async (path: string) => {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/v1/workspaces/${DEMO_WORKSPACE_SLUG}${path}`,
        headers: { cookie },
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const [all] = (await get('/kpis/rollup')).groups;
    const hub = (key: string) =>
      all.kpis.find(
        (k: { kpiKey: string; instrumentId: string | null }) => k.kpiKey === key && k.instrumentId === null,
      );
    const present = await t.database.db
      .selectFrom('activity_participant')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('attendance', '=', 'present')
      .executeTakeFirstOrThrow();
    expect(Number(present.n)).toBeGreaterThan(0);
    expect(hub('present_participants')).toMatchObject({ actual: Number(present.n) });
    expect(hub('present_participants').target).toBeGreaterThan(Number(present.n));
    expect(hub('held_activities').actual).toBeGreaterThan(0);
    expect(hub('held_activities').target).toBeGreaterThan(hub('held_activities').actual);
    const entered = all.kpis.filter(
      (k: { source: string; actual: number | null }) => k.source === 'entered' && k.actual !== null,
    );
    expect(entered.length).toBeGreaterThanOrEqual(3);
    const texts = all.kpis.flatMap((k: { texts: unknown[] }) => k.texts);
    expect(texts.length).toBeGreaterThan(0);
    const records = await get('/kpis/records?kpiKey=present_participants&limit=1');
    expect(records.total).toBe(Number(present.n));
  });

  it("shows on its member's page the activities it took part in and a history of who changed what", async () => {
    const { cookie } = await signIn(t.app, 'member@demo.space2id.example', DEMO_PASSWORD);
    const own = await t.database.db
      .selectFrom('membership')
      .innerJoin('app_user', 'app_user.id', 'membership.user_id')
      .select('membership.organisation_id')
      .where('app_user.email', '=', 'member@demo.space2id.example')
      .executeTakeFirstOrThrow();
    const base = `/api/v1/workspaces/${DEMO_WORKSPACE_SLUG}/organisations/${own.organisation_id}`;
    const activities = (
      await t.app.inject({ method: 'GET', url: `${base}/activities`, headers: { cookie } })
    ).json();
    expect(activities.total).toBeGreaterThanOrEqual(3);
    expect(activities.items[0].participation.length).toBeGreaterThanOrEqual(1);
    const history = (
      await t.app.inject({ method: 'GET', url: `${base}/history`, headers: { cookie } })
    ).json();
    const events = history.items.map((e: { entityType: string; action: string; actor: string }) =>
      [e.entityType, e.action, e.actor].join(' '),
    );
    // The member's own edit (this test file's member edits it too), its creation, and its people's.
    expect(events).toContain('organisation update Mia Member');
    expect(events).toContain('organisation create Clara Coordinator');
    expect(events).toContain('person create Clara Coordinator');
  });

  it('has about 600 interactions at its activities once the network is there, their KPIs computed', async () => {
    const db = t.database.db;
    const workspace = await db
      .selectFrom('workspace')
      .select('id')
      .where('slug', '=', DEMO_WORKSPACE_SLUG)
      .executeTakeFirstOrThrow();
    const count = async () =>
      Number(
        (
          await db
            .selectFrom('interaction')
            .where('workspace_id', '=', workspace.id)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    // The network's organisations are seeded by the registry's part: without them, no interaction.
    const already = await count();
    const organisations = await db
      .selectFrom('network_organisation')
      .select('id')
      .where('workspace_id', '=', workspace.id)
      .execute();
    if (organisations.length === 0) {
      expect(already).toBe(0);
      const rows = new InteractionRows(db);
      const markets = await db
        .selectFrom('target_market')
        .select('country')
        .where('workspace_id', '=', workspace.id)
        .execute();
      for (let i = 0; i < 150; i++) {
        const organisation = await rows.networkOrganisation(workspace.id, {
          country: markets[i % markets.length]?.country ?? 'JP',
        });
        await rows.networkPerson(workspace.id, organisation.id);
        await rows.networkPerson(workspace.id, organisation.id);
      }
      expect(await seedDemoInteractions(db, workspace.id)).toBe(DEMO_INTERACTIONS);
    }
    expect(await count()).toBeGreaterThanOrEqual(550);
    const interactions = await db
      .selectFrom('interaction')
      .leftJoin('activity', 'activity.id', 'interaction.activity_id')
      .leftJoin('membership', (join) =>
        join
          .onRef('membership.user_id', '=', 'interaction.next_step_owner_user_id')
          .onRef('membership.workspace_id', '=', 'interaction.workspace_id'),
      )
      .select([
        'interaction.occurred_on',
        'interaction.activity_id',
        'interaction.next_step',
        'interaction.next_step_done_at',
        'activity.starts_on',
        'activity.ends_on',
        'membership.role as owner_role',
      ])
      .where('interaction.workspace_id', '=', workspace.id)
      .execute();
    // Dated within their activity's days; some without an activity; open next steps owned by staff.
    for (const row of interactions.filter((r) => r.activity_id)) {
      expect(row.occurred_on >= (row.starts_on ?? '')).toBe(true);
      expect(row.occurred_on <= (row.ends_on ?? '')).toBe(true);
    }
    expect(interactions.filter((r) => !r.activity_id).length).toBeGreaterThan(20);
    const open = interactions.filter((r) => r.next_step && !r.next_step_done_at);
    expect(open.length).toBeGreaterThan(10);
    expect(new Set(open.map((r) => r.owner_role))).toEqual(new Set(['coordinator', 'cluster_manager']));
    // The KPIs they prove were computed as they were written: new contacts at the trade fairs.
    const newContacts = await db
      .selectFrom('kpi_actual')
      .select((eb) => eb.fn.sum<number>('value').as('n'))
      .where('workspace_id', '=', workspace.id)
      .where('kpi_key', 'in', ['new_contacts', 'contacts_mapped', 'meetings'])
      .executeTakeFirstOrThrow();
    expect(Number(newContacts.n)).toBeGreaterThan(0);
  });

  it('has 20 collaborative projects across statuses, with partners, counted by the project KPIs of their activities', async () => {
    const db = t.database.db;
    const projects = await db.selectFrom('project').select(['id', 'status', 'activity_id']).execute();
    expect(projects).toHaveLength(20);
    expect(new Set(projects.map((p) => p.status))).toEqual(
      new Set(['idea', 'proposal', 'funded', 'running', 'completed', 'rejected']),
    );
    expect(projects.filter((p) => p.activity_id !== null).length).toBeGreaterThanOrEqual(10);
    const partnerKinds = await db
      .selectFrom('project_partner')
      .select([
        (eb) => eb.fn.count<number>('cluster_id').as('clusters'),
        (eb) => eb.fn.count<number>('organisation_id').as('members'),
      ])
      .executeTakeFirstOrThrow();
    expect(Number(partnerKinds.clusters)).toBe(20);
    expect(Number(partnerKinds.members)).toBeGreaterThan(0);
    // Each of the four instruments has an activity the projects came from, and its KPIs count them.
    const values = await db
      .selectFrom('kpi_actual')
      .select(['kpi_key', (eb) => eb.fn.sum<number>('value').as('total')])
      .where('kpi_key', 'in', [
        'common_projects_completed',
        'new_opportunities_discovered',
        'collaborative_projects_labelled',
        'collaborative_projects_common_label',
      ])
      .groupBy('kpi_key')
      .execute();
    const byKey = new Map(values.map((v) => [v.kpi_key, Number(v.total)]));
    expect(byKey.get('new_opportunities_discovered')).toBeGreaterThan(0);
    expect(byKey.get('collaborative_projects_labelled')).toBeGreaterThan(0);
    expect(byKey.get('collaborative_projects_common_label')).toBeGreaterThan(0);
  });

  it('has a partnership pipeline at every stage whose changes count in the KPIs of its activities', async () => {
    const db = t.database.db;
    const relationships = await db.selectFrom('relationship').selectAll().execute();
    expect(relationships.length).toBeGreaterThanOrEqual(100);
    expect(new Set(relationships.map((r) => r.stage))).toEqual(
      new Set(DEMO_PIPELINE_STAGES.map(([stage]) => stage)),
    );
    const changes = await db.selectFrom('relationship_stage_change').selectAll().execute();
    expect(changes.length).toBeGreaterThan(relationships.length * 2);
    // Every history runs forward in time, and its last change is the relationship's stage.
    for (const relationship of relationships) {
      const own = changes
        .filter((c) => c.relationship_id === relationship.id)
        .sort((a, b) => a.changed_on.localeCompare(b.changed_on) || a.id.localeCompare(b.id));
      expect(own[0]?.from_stage).toBeNull();
      expect(own[0]?.changed_on).toBe(relationship.started_on);
      expect(own.at(-1)?.to_stage).toBe(relationship.stage);
    }
    // The trade fairs held count new partners, the study visits potential partners.
    const derived = await db
      .selectFrom('kpi_actual')
      .select(['kpi_key', (eb) => eb.fn.sum<number | string>('value').as('total')])
      .where('kpi_key', 'in', ['new_partners', 'potential_partners_estimated', 'collaborations_sustained'])
      .groupBy('kpi_key')
      .execute();
    const totals = Object.fromEntries(derived.map((row) => [row.kpi_key, Number(row.total)]));
    console.log(
      'TOTALS',
      JSON.stringify(totals),
      JSON.stringify(
        await db
          .selectFrom('relationship_stage_change as c')
          .innerJoin('activity as a', 'a.id', 'c.activity_id')
          .innerJoin('instrument as i', 'i.id', 'a.instrument_id')
          .select(['i.key', 'c.to_stage', (eb) => eb.fn.countAll().as('n')])
          .groupBy(['i.key', 'c.to_stage'])
          .execute(),
      ),
    );
    expect(totals.new_partners).toBeGreaterThan(0);
    expect(totals.potential_partners_estimated).toBeGreaterThan(0);
    expect(totals.collaborations_sustained).toBeGreaterThan(0);
  });

  it('has a past B2B event with its meetings, follow-ups and network evidence, and an upcoming one open for requests', async () => {
    const db = t.database.db;
    const events = await db
      .selectFrom('b2b_event as e')
      .innerJoin('activity as a', 'a.id', 'e.activity_id')
      .innerJoin('instrument as i', 'i.id', 'a.instrument_id')
      .select(['e.id', 'e.status', 'e.published_at', 'e.activity_id', 'a.starts_on', 'i.code'])
      .orderBy('a.starts_on')
      .execute();
    expect(events).toHaveLength(2);
    const [past, upcoming] = events as [(typeof events)[number], (typeof events)[number]];
    const today = new Date().toISOString().slice(0, 10);
    expect(past).toMatchObject({ status: 'closed', code: '1.2.1' });
    expect(past.published_at).not.toBeNull();
    expect(past.starts_on < today).toBe(true);
    expect(upcoming).toMatchObject({ status: 'open', code: '1.2.1', published_at: null });
    expect(upcoming.starts_on > today).toBe(true);

    const participants = await db
      .selectFrom('b2b_participant')
      .selectAll()
      .where('event_id', '=', past.id)
      .execute();
    expect(participants).toHaveLength(DEMO_EVENTS.past.participants);
    expect(participants.every((p) => p.status === 'approved' && p.checked_in_at !== null)).toBe(true);
    expect(new Set(participants.map((p) => (p.organisation_id ? 'member' : 'network')))).toEqual(
      new Set(['member', 'network']),
    );
    expect(new Set(participants.map((p) => p.source)).size).toBeGreaterThan(1);
    const requests = await db.selectFrom('b2b_request').selectAll().where('event_id', '=', past.id).execute();
    const accepted = requests.filter((r) => r.status === 'accepted');
    expect(accepted.length).toBeGreaterThanOrEqual(55);
    expect(requests.some((r) => r.status === 'declined')).toBe(true);

    // Every accepted request placed, nobody and no table twice in a slot, every slot one of the event's.
    const meetings = await db.selectFrom('b2b_meeting').selectAll().where('event_id', '=', past.id).execute();
    expect(meetings.length).toBe(accepted.length);
    const slots = new Set(
      (await new EventRefReader(db).slots({ id: past.id, slotMinutes: 30, timeZone: 'Europe/Brussels' })).map(
        (s) => s.startsAt,
      ),
    );
    const seen = new Set<string>();
    const requestById = new Map(requests.map((r) => [r.id, r]));
    for (const meeting of meetings) {
      expect(slots.has(meeting.slot_starts_at)).toBe(true);
      expect(meeting.published).toBe(1);
      const request = requestById.get(meeting.request_id);
      for (const key of [request?.from_participant_id, request?.to_participant_id, meeting.table_id]) {
        const at = `${key}@${meeting.slot_starts_at}`;
        expect(seen.has(at), at).toBe(false);
        seen.add(at);
      }
    }
    const byStatus = (status: string) => meetings.filter((m) => m.status === status).length;
    expect(byStatus('held')).toBeGreaterThan(meetings.length * 0.8);
    expect(byStatus('no_show')).toBeGreaterThan(0);
    expect(byStatus('cancelled')).toBeGreaterThan(0);
    const feedback = await db.selectFrom('b2b_meeting_feedback').selectAll().execute();
    const held = new Set(meetings.filter((m) => m.status === 'held').map((m) => m.id));
    expect(feedback.length).toBeGreaterThan(20);
    expect(feedback.every((f) => held.has(f.meeting_id))).toBe(true);

    // Held meetings of a member with a network organisation: an interaction at the event, and a
    // relationship met there (a potential partner after a proposal or partnership follow-up).
    const linked = meetings.filter((m) => m.interaction_id !== null);
    expect(linked.length).toBeGreaterThan(10);
    const interactions = await db
      .selectFrom('interaction')
      .selectAll()
      .where(
        'id',
        'in',
        linked.map((m) => m.interaction_id as string),
      )
      .execute();
    expect(
      interactions.every((i) => i.kind === 'event_encounter' && i.activity_id === past.activity_id),
    ).toBe(true);
    const changes = await db
      .selectFrom('relationship_stage_change')
      .select(['to_stage'])
      .where('activity_id', '=', past.activity_id)
      .execute();
    expect(changes.some((c) => c.to_stage === 'met')).toBe(true);
    expect(changes.some((c) => c.to_stage === 'potential_partner')).toBe(true);

    const upcomingParticipants = await db
      .selectFrom('b2b_participant')
      .selectAll()
      .where('event_id', '=', upcoming.id)
      .execute();
    expect(upcomingParticipants).toHaveLength(DEMO_EVENTS.upcoming.participants);
    const upcomingRequests = await db
      .selectFrom('b2b_request')
      .select('status')
      .where('event_id', '=', upcoming.id)
      .execute();
    expect(new Set(upcomingRequests.map((r) => r.status))).toEqual(new Set(['pending', 'accepted']));
    expect(
      await db.selectFrom('b2b_meeting').select('id').where('event_id', '=', upcoming.id).execute(),
    ).toHaveLength(0);

    // The demo member is registered in the upcoming event and sees it as its own.
    const { cookie } = await signIn(t.app, 'member@demo.space2id.example', DEMO_PASSWORD);
    const seen2 = await t.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${DEMO_WORKSPACE_SLUG}/events/${upcoming.id}`,
      headers: { cookie },
    });
    expect(seen2.statusCode).toBe(200);
    expect(seen2.json().me.participantId).not.toBeNull();
    expect(seen2.json().slots.length).toBeGreaterThan(0);
  });

  it('has two readiness waves a year apart whose stages move, and a market survey with findings (issue 23)', async () => {
    const db = t.database.db;
    const workspace = await db
      .selectFrom('workspace')
      .select('id')
      .where('slug', '=', DEMO_WORKSPACE_SLUG)
      .executeTakeFirstOrThrow();
    const questionnaire = await db
      .selectFrom('survey_questionnaire')
      .selectAll()
      .where('workspace_id', '=', workspace.id)
      .where('is_default', '=', 1)
      .executeTakeFirstOrThrow();
    const definition = JSON.parse(questionnaire.definition) as QuestionnaireDefinition;
    expect(definition).toEqual(defaultReadinessQuestionnaire().definition);

    const waves = await db
      .selectFrom('survey_wave as w')
      .innerJoin('activity as a', 'a.id', 'w.activity_id')
      .innerJoin('instrument as i', 'i.id', 'a.instrument_id')
      .select(['w.id', 'w.status', 'w.opened_at', 'i.key as instrument'])
      .where('w.questionnaire_id', '=', questionnaire.id)
      .orderBy('w.opened_at')
      .execute();
    expect(waves).toHaveLength(DEMO_SURVEYS.readiness.length);
    expect(waves.map((w) => [w.status, w.instrument])).toEqual([
      ['closed', 'validation-surveys'],
      ['closed', 'validation-surveys'],
    ]);
    const days = (Date.parse(waves[1]?.opened_at ?? '') - Date.parse(waves[0]?.opened_at ?? '')) / 86_400_000;
    expect(days).toBeGreaterThan(330);
    expect(days).toBeLessThan(400);

    const stagesOf = async (waveId: string) => {
      const rows = await db
        .selectFrom('survey_response')
        .select(['organisation_id', 'answers', 'stage', 'readiness_score'])
        .where('wave_id', '=', waveId)
        .execute();
      for (const row of rows) {
        // Scored at submission as the scoring rules say.
        const score = scoreReadiness(definition, JSON.parse(row.answers));
        expect([row.stage, Number(row.readiness_score)]).toEqual([score.stage, score.total]);
      }
      return new Map(rows.map((row) => [row.organisation_id as string, row.stage as string]));
    };
    const first = await stagesOf(waves[0]?.id ?? '');
    const second = await stagesOf(waves[1]?.id ?? '');
    expect(first.size).toBeGreaterThan(25);
    expect(second.size).toBeGreaterThan(first.size * 0.9);
    expect(new Set(first.values()).size).toBeGreaterThanOrEqual(3);
    const both = [...first.keys()].filter((id) => second.has(id));
    expect(both.length).toBeGreaterThan(15);
    const moved = both.filter((id) => first.get(id) !== second.get(id));
    expect(moved.length).toBeGreaterThan(both.length / 5);
    const completed = await db
      .selectFrom('survey_invitation')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('wave_id', '=', waves[1]?.id ?? '')
      .where('completed_at', 'is not', null)
      .executeTakeFirstOrThrow();
    expect(Number(completed.n)).toBe(second.size);

    // The market survey: network respondents of the market's country and two findings in its dossier.
    const marketWave = await db
      .selectFrom('survey_wave as w')
      .innerJoin('survey_questionnaire as q', 'q.id', 'w.questionnaire_id')
      .innerJoin('target_market as m', 'm.id', 'w.market_id')
      .select(['w.id', 'w.activity_id', 'm.id as market_id', 'm.country'])
      .where('w.workspace_id', '=', workspace.id)
      .where('q.kind', '=', 'market')
      .executeTakeFirstOrThrow();
    const respondents = await db
      .selectFrom('survey_response as r')
      .innerJoin('network_organisation as o', 'o.id', 'r.network_organisation_id')
      .select(['o.country', 'o.type'])
      .where('r.wave_id', '=', marketWave.id)
      .execute();
    expect(respondents).toHaveLength(DEMO_SURVEYS.marketCompleted);
    expect(new Set(respondents.map((r) => r.country))).toEqual(new Set([marketWave.country]));
    const { cookie } = await signIn(t.app, 'coordinator@demo.space2id.example', DEMO_PASSWORD);
    const get = (url: string) =>
      t.app.inject({
        method: 'GET',
        url: `/api/v1/workspaces/${DEMO_WORKSPACE_SLUG}${url}`,
        headers: { cookie },
      });
    const findings = (await get(`/markets/${marketWave.market_id}/findings`)).json();
    expect(findings.total).toBe(2);
    expect(findings.items.every((f: { waveId: string }) => f.waveId === marketWave.id)).toBe(true);
    const kpis = (await get(`/activities/${marketWave.activity_id}/kpis`)).json().items;
    expect(kpis.find((k: { kpiKey: string }) => k.kpiKey === 'stakeholder_diversity')?.actual).toBe(
      new Set(respondents.map((r) => r.type)).size,
    );
  });

  it('is never created again, nor on a database that has workspaces', async () => {
    expect((await seedDemo(t.database.db)).created).toBe(false);
    const workspaces = await t.database.db.selectFrom('workspace').select('id').execute();
    expect(workspaces).toHaveLength(1);
  });
});
