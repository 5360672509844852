import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { B2bRows } from '../../../test/support/b2b-factories.ts';
import { testDialects } from '../../../test/support/databases.ts';
import { Factory } from '../../../test/support/factories.ts';
import { type ReceivedMail, startSmtpServer, type TestSmtpServer } from '../../../test/support/smtp.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { REGISTRATION_RATE } from '../../domain/matchmaking/registration.ts';
import { BackgroundTasks } from '../mail/background.ts';

const PUBLIC_URL = 'http://hub.example.test';
type Headers = Record<string, string>;

/** The `#token` of the first `${PUBLIC_URL}${path}#…` link in a mail. */
function hashToken(mail: ReceivedMail, path: string): string {
  const match = new RegExp(`${PUBLIC_URL}${path}#([A-Za-z0-9_-]+)`).exec(mail.text);
  if (!match?.[1]) throw new Error(`no ${path} link in:\n${mail.text}`);
  return match[1];
}

describe.each(testDialects())('B2B event registration on %s', (kind) => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let factory: Factory;
  let rows: B2bRows;
  let workspaceSlug: string;
  let workspaceId: string;
  let clusterId: string;
  let coordinator: Headers;
  let event: Awaited<ReturnType<B2bRows['event']>>;
  let slotStarts: string[];
  const background = new BackgroundTasks((error) => {
    throw error;
  });
  const ev = (path = '') => `/api/v1/workspaces/${workspaceSlug}/events/${event.id}${path}`;
  const fields = (body: string) =>
    ((JSON.parse(body).errors ?? []) as { field: string }[]).map((e) => e.field);
  let n = 0;
  const registration = (overrides: Record<string, unknown> = {}) => {
    n++;
    const email = `contact-${n}-${kind}@orbit${n}.example`;
    return {
      profile: {
        name: `Orbit Works ${n}`,
        country: 'JP',
        offers: 'Star trackers',
        lookingFor: 'Integrators',
        tags: ['optics'],
        spaceSegments: ['navigation'],
        targetMarkets: ['BE'],
        meetingTypes: ['b2b'],
      },
      representatives: [{ name: 'Aiko Tanaka', email, role: 'CEO' }],
      unavailable: [] as string[],
      contactName: 'Aiko Tanaka',
      contactEmail: email,
      consent: true,
      networkConsent: true,
      ...overrides,
    };
  };
  const register = (body: object, slug = event.public_slug, remoteAddress = '127.0.0.1') =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/public/events/${slug}/registrations`,
      payload: body,
      remoteAddress,
    });
  const participantCount = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('b2b_participant')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('event_id', '=', event.id)
          .executeTakeFirstOrThrow()
      ).n,
    );

  /** Registers publicly and confirms by the mailed link: the portal token. */
  async function registerAndConfirm(body = registration()) {
    expect((await register(body)).statusCode).toBe(202);
    const mail = await smtp.waitFor(
      (m) => m.to.includes(body.contactEmail) && m.subject.startsWith('Confirm your registration'),
    );
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/event-registrations/confirm',
      payload: { token: hashToken(mail, '/events/confirm') },
    });
    expect(res.statusCode, res.body).toBe(200);
    return { body, confirmed: res.json() as { accessToken: string; status: string; eventTitle: string } };
  }

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp(kind, {
      mail: { smtpUrl: smtp.url, from: 'SPACE2ID Hub <hub@example.test>', publicUrl: PUBLIC_URL },
      background,
    });
    factory = new Factory(t.database.db);
    rows = new B2bRows(t.database.db);
  });
  beforeEach(async () => {
    const ws = await factory.workspace();
    workspaceSlug = ws.slug;
    workspaceId = ws.id;
    clusterId = (await factory.cluster(workspaceId)).id;
    coordinator = (await factory.memberWithToken(workspaceId, 'coordinator')).headers;
    const activity = await factory.activity(workspaceId, null, {
      instrument: '1.2.1',
      cluster_id: clusterId,
    });
    event = await rows.event(workspaceId, activity.id, { max_representatives: 2 });
    await rows.session(event.id);
    const page = await t.app.inject({ method: 'GET', url: `/api/v1/public/events/${event.public_slug}` });
    expect(page.statusCode, page.body).toBe(200);
    slotStarts = (page.json().slots as { startsAt: string }[]).map((s) => s.startsAt);
  });
  afterAll(async () => {
    await background.idle();
    await t?.close();
    await smtp?.close();
  });

  it('shows the public page without participants, and 404 for a draft or unknown slug', async () => {
    await rows.participant(workspaceId, event.id, { name: 'Secret Participant' });
    const page = await t.app.inject({ method: 'GET', url: `/api/v1/public/events/${event.public_slug}` });
    expect(page.json()).toMatchObject({
      registrationOpen: true,
      maxRepresentatives: 2,
      timeZone: 'Europe/Brussels',
    });
    expect(slotStarts).toHaveLength(6);
    expect(page.body).not.toContain('Secret Participant');
    const draftActivity = await factory.activity(workspaceId, null, { instrument: '1.2.1' });
    const draft = await rows.event(workspaceId, draftActivity.id, { status: 'draft' });
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/public/events/${draft.public_slug}` })).statusCode,
    ).toBe(404);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/public/events/no-such-slug' })).statusCode,
    ).toBe(404);
  });

  it('registers, confirms by the mailed link, signs in to the portal and edits, with manual approval', async () => {
    const body = registration({ unavailable: [slotStarts[0]] });
    const { confirmed } = await registerAndConfirm(body);
    expect(confirmed.status).toBe('pending');
    const portal = { 'x-participant-token': confirmed.accessToken };
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/event-portal/me', headers: portal });
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json().participant).toMatchObject({
      status: 'pending',
      source: 'public',
      contactEmail: body.contactEmail,
      unavailable: [slotStarts[0]],
      networkConsent: true,
    });
    expect(me.json().event.slots).toHaveLength(6);
    // The event link was mailed too.
    const linkMail = await smtp.waitFor(
      (m) => m.to.includes(body.contactEmail) && m.subject.startsWith('Your link'),
    );
    expect(hashToken(linkMail, '/events/access')).toBe(confirmed.accessToken);
    // The confirmation link works once.
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/event-registrations/confirm',
      payload: { token: 'evc_unknown-token-unknown-token' },
    });
    expect(again.statusCode).toBe(400);
    expect(fields(again.body)).toEqual(['body.token']);

    const edit = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/event-portal/me',
      headers: portal,
      payload: {
        version: me.json().participant.version,
        profile: { offers: 'Star trackers and sun sensors' },
        unavailable: [slotStarts[1], slotStarts[2]],
      },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json().participant).toMatchObject({
      offers: 'Star trackers and sun sensors',
      unavailable: [slotStarts[1], slotStarts[2]],
    });
    const stale = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/event-portal/me',
      headers: portal,
      payload: { version: me.json().participant.version, profile: { offers: 'x' } },
    });
    expect(stale.statusCode).toBe(409);
    const badSlot = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/event-portal/me',
      headers: portal,
      payload: { version: edit.json().participant.version, unavailable: ['2030-01-01T10:00:00Z'] },
    });
    expect(badSlot.statusCode).toBe(400);
    expect(fields(badSlot.body)).toEqual(['body.unavailable.0']);

    // Registering again with the same e-mail: the same answer, a fresh link by mail, no second row.
    const before = await participantCount();
    expect((await register(registration({ contactEmail: body.contactEmail }))).statusCode).toBe(202);
    await background.idle();
    expect(await participantCount()).toBe(before);
    // The old link was replaced by the fresh one.
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/event-portal/me', headers: portal })).statusCode,
    ).toBe(401);

    // Lost my link: always 202; a fresh link to a confirmed registrant.
    const lost = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/event-access',
      payload: { slug: event.public_slug, email: body.contactEmail },
    });
    expect(lost.statusCode).toBe(202);
    const nobody = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/event-access',
      payload: { slug: event.public_slug, email: 'nobody@nowhere.example' },
    });
    expect(nobody.statusCode).toBe(202);
    expect(nobody.json()).toEqual(lost.json());
    await background.idle();
    const fresh = smtp.messages
      .filter((m) => m.to.includes(body.contactEmail) && m.subject.startsWith('Your link'))
      .at(-1);
    const freshToken = hashToken(fresh as ReceivedMail, '/events/access');
    const meAgain = await t.app.inject({
      method: 'GET',
      url: '/api/v1/event-portal/me',
      headers: { 'x-participant-token': freshToken },
    });
    expect(meAgain.statusCode).toBe(200);

    // Cancelling signs out of the event.
    const cancel = await t.app.inject({
      method: 'POST',
      url: '/api/v1/event-portal/me/cancel',
      headers: { 'x-participant-token': freshToken },
      payload: { version: meAgain.json().participant.version },
    });
    expect(cancel.statusCode, cancel.body).toBe(204);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/v1/event-portal/me',
          headers: { 'x-participant-token': freshToken },
        })
      ).statusCode,
    ).toBe(401);
  });

  it('approval of a consenting outside participant creates network rows (reusing a known person), mails the decision', async () => {
    const { body } = await registerAndConfirm();
    const participant = (
      await t.app.inject({ method: 'GET', url: ev('/participants?status=pending'), headers: coordinator })
    ).json();
    expect(participant.countsByStatus.pending).toBe(1);
    const p = participant.items[0];
    const res = await t.app.inject({
      method: 'POST',
      url: ev(`/participants/${p.id}/decision`),
      headers: coordinator,
      payload: { decision: 'approve', version: p.version },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('approved');
    expect(res.json().networkOrganisationId).not.toBeNull();
    expect(res.json().representatives[0].networkPersonId).not.toBeNull();
    const org = await t.database.db
      .selectFrom('network_organisation')
      .selectAll()
      .where('id', '=', res.json().networkOrganisationId)
      .executeTakeFirstOrThrow();
    expect(org).toMatchObject({ name: body.profile.name, country: 'JP', owner_cluster_id: clusterId });
    const person = await t.database.db
      .selectFrom('network_person')
      .selectAll()
      .where('email', '=', body.contactEmail)
      .executeTakeFirstOrThrow();
    expect(person).toMatchObject({ consent_basis: 'consent', organisation_id: org.id });
    expect(person.consent_source).toContain('B2B event');
    const mail = await smtp.waitFor(
      (m) => m.to.includes(body.contactEmail) && m.subject.includes('is approved'),
    );
    expect(mail.text).toContain(`${PUBLIC_URL}/events/access#`);
    const audited = await t.database.db
      .selectFrom('audit_event')
      .select('entity_type')
      .where('workspace_id', '=', workspaceId)
      .execute();
    expect(audited.map((a) => a.entity_type)).toEqual(
      expect.arrayContaining(['b2b_participant', 'network_organisation', 'network_person']),
    );

    // A second registrant of the same organisation (same name and country) reuses it.
    const second = await registerAndConfirm(
      registration({ profile: { ...body.profile, meetingTypes: ['b2b'] }, networkConsent: true }),
    );
    const list = (
      await t.app.inject({ method: 'GET', url: ev('/participants?status=pending'), headers: coordinator })
    ).json();
    const q = list.items[0];
    const approved = await t.app.inject({
      method: 'POST',
      url: ev(`/participants/${q.id}/decision`),
      headers: coordinator,
      payload: { decision: 'approve', version: q.version },
    });
    expect(second.confirmed.status).toBe('pending');
    expect(approved.json().networkOrganisationId).toBe(org.id);
  });

  it('approval without network consent creates no network rows; rejection signs out and mails the reason', async () => {
    const { body, confirmed } = await registerAndConfirm(registration({ networkConsent: false }));
    const networkBefore = await t.database.db
      .selectFrom('network_organisation')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirstOrThrow();
    const [p] = (await t.app.inject({ method: 'GET', url: ev('/participants'), headers: coordinator })).json()
      .items;
    const approve = await t.app.inject({
      method: 'POST',
      url: ev(`/participants/${p.id}/decision`),
      headers: coordinator,
      payload: { decision: 'approve', version: p.version },
    });
    expect(approve.json()).toMatchObject({ status: 'approved', networkOrganisationId: null });
    const networkAfter = await t.database.db
      .selectFrom('network_organisation')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirstOrThrow();
    expect(Number(networkAfter.n)).toBe(Number(networkBefore.n));

    const reject = await t.app.inject({
      method: 'POST',
      url: ev(`/participants/${p.id}/decision`),
      headers: coordinator,
      payload: { decision: 'reject', reason: 'Not in the space sector', version: approve.json().version },
    });
    expect(reject.statusCode, reject.body).toBe(200);
    expect(reject.json()).toMatchObject({ status: 'rejected', decisionReason: 'Not in the space sector' });
    const mail = await smtp.waitFor(
      (m) => m.to.includes(body.contactEmail) && m.text.includes('Not in the space sector'),
    );
    expect(mail.subject).toContain('Your registration');
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/v1/event-portal/me',
          headers: { 'x-participant-token': confirmed.accessToken },
        })
      ).statusCode,
    ).toBe(401);
    // A decision on an unconfirmed registrant is a 409.
    expect((await register(registration())).statusCode).toBe(202);
    const unconfirmed = (
      await t.app.inject({ method: 'GET', url: ev('/participants?status=unconfirmed'), headers: coordinator })
    ).json().items[0];
    const early = await t.app.inject({
      method: 'POST',
      url: ev(`/participants/${unconfirmed.id}/decision`),
      headers: coordinator,
      payload: { decision: 'approve', version: unconfirmed.version },
    });
    expect(early.statusCode).toBe(409);
  });

  it('automatic approval approves on confirmation', async () => {
    await t.database.db
      .updateTable('b2b_event')
      .set({ approval: 'automatic' })
      .where('id', '=', event.id)
      .execute();
    const { confirmed } = await registerAndConfirm();
    expect(confirmed.status).toBe('approved');
  });

  it('lets a member register its organisation with its registry profile prefilled', async () => {
    const org = await factory.organisation(workspaceId, clusterId, {
      name: 'Brussels Orbital',
      offers: 'Thermal testing',
      requests: 'Launch partners',
      offer_tags: '["thermal"]',
      space_segments: '["launch"]',
      target_market_interests: '["JP"]',
    });
    await factory.person(workspaceId, org.id, {
      name: 'Marie Dupont',
      email: `marie-${kind}@orbital.example`,
    });
    const member = (await factory.memberWithToken(workspaceId, 'member', null, org.id)).headers;
    const draft = await t.app.inject({ method: 'GET', url: ev('/registration/draft'), headers: member });
    expect(draft.statusCode, draft.body).toBe(200);
    const d = draft.json();
    expect(d.profile).toMatchObject({
      name: 'Brussels Orbital',
      offers: 'Thermal testing',
      lookingFor: 'Launch partners',
      tags: ['thermal'],
      spaceSegments: ['launch'],
      targetMarkets: ['JP'],
    });
    expect(d.representatives).toEqual([
      expect.objectContaining({ name: 'Marie Dupont', email: `marie-${kind}@orbital.example` }),
    ]);
    expect(d.participant).toBeNull();
    const res = await t.app.inject({
      method: 'POST',
      url: ev('/registration'),
      headers: member,
      payload: {
        organisationId: org.id,
        profile: d.profile,
        representatives: d.representatives.map(({ personId: _p, ...r }: { personId: string }) => r),
        unavailable: [slotStarts[5]],
        contactName: d.contactName,
        contactEmail: d.contactEmail,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ source: 'member', status: 'pending', organisationId: org.id });
    expect(res.json().representatives[0].personId).not.toBeNull();
    // Its own registration: read and edit; another member cannot see it.
    const own = await t.app.inject({
      method: 'GET',
      url: ev(`/participants/${res.json().id}`),
      headers: member,
    });
    expect(own.statusCode).toBe(200);
    const otherOrg = await factory.organisation(workspaceId, clusterId);
    const other = (await factory.memberWithToken(workspaceId, 'member', null, otherOrg.id)).headers;
    expect(
      (await t.app.inject({ method: 'GET', url: ev(`/participants/${res.json().id}`), headers: other }))
        .statusCode,
    ).toBe(403);
    expect(
      (await t.app.inject({ method: 'GET', url: ev('/participants'), headers: member })).statusCode,
    ).toBe(403);
    const twice = await t.app.inject({
      method: 'POST',
      url: ev('/registration'),
      headers: member,
      payload: {
        organisationId: org.id,
        contactName: 'M',
        profile: d.profile,
        representatives: [{ name: 'M', email: 'm@orbital.example' }],
        contactEmail: 'other@orbital.example',
      },
    });
    expect(twice.statusCode).toBe(409);
    // Registering another member's organisation is refused.
    const foreign = await t.app.inject({
      method: 'POST',
      url: ev('/registration'),
      headers: other,
      payload: {
        organisationId: org.id,
        profile: d.profile,
        representatives: [{ name: 'M', email: 'm2@orbital.example' }],
        contactName: 'M',
        contactEmail: 'm2@orbital.example',
      },
    });
    expect(foreign.statusCode).toBe(403);
  });

  it('lets an organiser add a participant directly, approved', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: ev('/participants'),
      headers: coordinator,
      payload: {
        profile: { name: 'Kyoto Launch', country: 'JP' },
        representatives: [{ name: 'Ken', email: 'ken@kyoto.example' }],
        contactName: 'Ken',
        contactEmail: 'ken@kyoto.example',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'approved', source: 'organiser' });
  });

  it('refuses bad registrations with the field named, writing nothing', async () => {
    const before = await participantCount();
    const broken = await register(registration({ contactEmail: 'not-an-email' }));
    expect(broken.statusCode).toBe(400);
    expect(fields(broken.body)).toContain('body.contactEmail');
    const tooMany = await register(
      registration({
        representatives: [
          { name: 'A', email: 'a@x.example' },
          { name: 'B', email: 'b@x.example' },
          { name: 'C', email: 'c@x.example' },
        ],
      }),
    );
    expect(tooMany.statusCode).toBe(400);
    expect(fields(tooMany.body)).toEqual(['body.representatives']);
    const slot = await register(registration({ unavailable: [slotStarts[0], '2026-03-10T08:10:00.000Z'] }));
    expect(slot.statusCode).toBe(400);
    expect(fields(slot.body)).toEqual(['body.unavailable.1']);
    const noConsent = await register(registration({ consent: false }));
    expect(noConsent.statusCode).toBe(400);
    expect(fields(noConsent.body)).toContain('body.consent');
    // A 1 MB profile: a field over its limit (400), or the whole body over the limit (413).
    const big = registration();
    const longDescription = await register({
      ...big,
      profile: { ...big.profile, description: 'x'.repeat(1_000_000) },
    });
    expect(longDescription.statusCode).toBe(400);
    expect(fields(longDescription.body)).toContain('body.profile.description');
    const huge = await register({ ...big, profile: { ...big.profile, description: 'x'.repeat(1_100_000) } });
    expect(huge.statusCode).toBe(413);
    // Closed registration.
    await t.database.db
      .updateTable('b2b_event')
      .set({ registration_closes_at: '2020-01-01T00:00:00.000Z' })
      .where('id', '=', event.id)
      .execute();
    const closed = await register(registration());
    expect(closed.statusCode).toBe(409);
    expect(closed.headers['content-type']).toContain('application/problem+json');
    expect(await participantCount()).toBe(before);
  });

  it('refuses wrong portal tokens, and an event link reaches only its own event', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/event-portal/me' })).statusCode).toBe(401);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/v1/event-portal/me',
          headers: { 'x-participant-token': 'evt_wrong-token-wrong-token-wrong' },
        })
      ).statusCode,
    ).toBe(401);
    const mine = await rows.participant(workspaceId, event.id, { name: 'Mine' });
    const otherActivity = await factory.activity(workspaceId, null, { instrument: '1.2.1' });
    const other = await rows.event(workspaceId, otherActivity.id);
    await rows.participant(workspaceId, other.id, { name: 'Theirs' });
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/event-portal/me',
      headers: mine.portalHeaders,
    });
    expect(me.json().event.id).toBe(event.id);
    expect(me.body).not.toContain('Theirs');
    // The portal token is no workspace credential.
    expect(
      (await t.app.inject({ method: 'GET', url: ev('/participants'), headers: mine.portalHeaders }))
        .statusCode,
    ).toBe(401);
    // Revoked (replaced) token.
    await t.database.db
      .updateTable('b2b_participant')
      .set({ access_token_hash: null })
      .where('id', '=', mine.id)
      .execute();
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/event-portal/me', headers: mine.portalHeaders }))
        .statusCode,
    ).toBe(401);
  });

  it('imports participants from CSV and requests from XLSX: preview, errors, then commit', async () => {
    const csv = [
      'Name,Country,Contact name,Contact email,Offers,Tags,Representatives',
      'Nagoya Sat,JP,Yuki,yuki@nagoya.example,Buses,bus;power,Yuki <yuki@nagoya.example>; Jun <jun@nagoya.example>',
      'Leuven Optics,BE,Anna,anna@leuven.example,Lenses,,',
      'Broken,XX,Bob,bob-at-nowhere,,,',
    ].join('\n');
    const upload = (body: Buffer | string, query: string, type = 'text/csv') =>
      t.app.inject({
        method: 'POST',
        url: ev(`/imports?${query}`),
        headers: { ...coordinator, 'content-type': type },
        payload: body,
      });
    const preview = await upload(csv, 'kind=participants');
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({ rowCount: 3, committed: false, created: 0 });
    expect(
      preview.json().errors.map((e: { line: number; column: string }) => `${e.line}:${e.column}`),
    ).toEqual(expect.arrayContaining(['4:country', '4:contact_email']));
    const refused = await upload(csv, 'kind=participants&commit=true');
    expect(refused.statusCode).toBe(400);
    expect(await participantCount()).toBe(0);
    const good = csv.split('\n').slice(0, 3).join('\n');
    const committed = await upload(good, 'kind=participants&commit=true');
    expect(committed.statusCode, committed.body).toBe(200);
    expect(committed.json()).toMatchObject({ created: 2, errors: [] });
    const list = (
      await t.app.inject({ method: 'GET', url: ev('/participants?source=import'), headers: coordinator })
    ).json();
    expect(list.total).toBe(2);
    expect(list.items.find((p: { name: string }) => p.name === 'Nagoya Sat').representatives).toHaveLength(2);
    expect(list.items.every((p: { status: string }) => p.status === 'approved')).toBe(true);

    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Requests');
    sheet.addRow(['From', 'To', 'Status', 'Message']);
    sheet.addRow(['yuki@nagoya.example', 'Leuven Optics', 'accepted', 'Lenses for our bus']);
    const xlsx = Buffer.from(await book.xlsx.writeBuffer());
    const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const badBook = new ExcelJS.Workbook();
    const badSheet = badBook.addWorksheet('Requests');
    badSheet.addRow(['From', 'To', 'Status']);
    badSheet.addRow(['yuki@nagoya.example', 'yuki@nagoya.example', 'accepted']);
    badSheet.addRow(['nobody@x.example', 'Leuven Optics', 'maybe']);
    const bad = await upload(Buffer.from(await badBook.xlsx.writeBuffer()), 'kind=requests', type);
    expect(bad.json().errors.map((e: { line: number; column: string }) => `${e.line}:${e.column}`)).toEqual([
      '2:to',
      '3:from',
      '3:status',
    ]);
    const requests = await upload(xlsx, 'kind=requests&commit=true', type);
    expect(requests.statusCode, requests.body).toBe(200);
    expect(requests.json().created).toBe(1);
    const stored = await t.database.db
      .selectFrom('b2b_request')
      .selectAll()
      .where('event_id', '=', event.id)
      .execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ status: 'accepted', origin: 'import', message: 'Lenses for our bus' });
    // The same pair again: a live request exists.
    const again = await upload(xlsx, 'kind=requests', type);
    expect(again.json().errors).toEqual([expect.objectContaining({ line: 2, column: 'to' })]);
  });

  it('rate-limits registrations per client address and e-mail, not globally', async () => {
    const body = registration();
    const answers: number[] = [];
    for (let i = 0; i <= REGISTRATION_RATE.max; i++)
      answers.push((await register(body, event.public_slug, '198.51.100.7')).statusCode);
    expect(answers.slice(0, REGISTRATION_RATE.max).every((s) => s === 202)).toBe(true);
    expect(answers.at(-1)).toBe(429);
    // Another address (or another e-mail) still gets through.
    expect((await register(body, event.public_slug, '198.51.100.8')).statusCode).toBe(202);
    await background.idle();
  });
});
