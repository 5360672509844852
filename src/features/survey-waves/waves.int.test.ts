import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/databases.ts';
import { Factory } from '../../../test/support/factories.ts';
import { newNetworkPerson } from '../../../test/support/network-factories.ts';
import { type ReceivedMail, startSmtpServer, type TestSmtpServer } from '../../../test/support/smtp.ts';
import { readinessAnswers, SurveyRows } from '../../../test/support/survey-factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { hashSecret } from '../auth/secrets.ts';
import { BackgroundTasks } from '../mail/background.ts';
import { createMailer } from '../mail/create-mailer.ts';
import { SurveyTickService } from './tick.ts';

const PUBLIC_URL = 'http://hub.example.test';
type Headers = Record<string, string>;

function tokenOf(mail: ReceivedMail): string {
  const match = new RegExp(`${PUBLIC_URL}/survey#([A-Za-z0-9_-]+)`).exec(mail.text);
  if (!match?.[1]) throw new Error(`no survey link in:\n${mail.text}`);
  return match[1];
}

describe.each(testDialects())('survey waves and answering on %s', (kind) => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let factory: Factory;
  let surveys: SurveyRows;
  let slug: string;
  let workspaceId: string;
  let clusterId: string;
  let coordinator: Headers;
  let questionnaireId: string;
  let people: { fr: string; en: string; noConsent: string; noEmail: string };
  const background = new BackgroundTasks((error) => {
    throw error;
  });
  const api = (path = '') => `/api/v1/workspaces/${slug}/surveys/waves${path}`;
  const fields = (body: string) =>
    ((JSON.parse(body).errors ?? []) as { field: string }[]).map((e) => e.field);
  let n = 0;

  const createWave = async (overrides: Record<string, unknown> = {}) => {
    const res = await t.app.inject({
      method: 'POST',
      url: api(),
      headers: coordinator,
      payload: {
        questionnaireId,
        name: `Readiness ${++n}`,
        audience: { kind: 'members', clusterIds: [clusterId] },
        defaultLanguage: 'fr',
        ...overrides,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number; status: string };
  };
  const send = async (wave: { id: string; version: number }) => {
    const res = await t.app.inject({
      method: 'POST',
      url: api(`/${wave.id}/send`),
      headers: coordinator,
      payload: { version: wave.version },
    });
    expect(res.statusCode, res.body).toBe(200);
    await background.idle();
    return res.json();
  };
  const mailTo = (email: string, subject: string) =>
    smtp.waitFor((m) => m.to.includes(email) && m.subject.includes(subject));
  const publicSurvey = (token: string, method: 'GET' | 'PUT' | 'POST' = 'GET', payload?: object) =>
    t.app.inject({
      method,
      url: `/api/v1/public/surveys/${token}${method === 'PUT' ? '/draft' : method === 'POST' ? '/submit' : ''}`,
      ...(payload ? { payload } : {}),
      remoteAddress: `10.1.${n % 250}.${Math.floor(Math.random() * 250)}`,
    });

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp(kind, {
      mail: { smtpUrl: smtp.url, from: 'SPACE2ID Hub <hub@example.test>', publicUrl: PUBLIC_URL },
      background,
    });
    factory = new Factory(t.database.db);
    surveys = new SurveyRows(t.database.db);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });
  beforeEach(async () => {
    const ws = await factory.workspace();
    slug = ws.slug;
    workspaceId = ws.id;
    clusterId = (await factory.cluster(workspaceId)).id;
    const other = (await factory.cluster(workspaceId)).id;
    coordinator = (await factory.memberWithToken(workspaceId, 'coordinator')).headers;
    const org = await factory.organisation(workspaceId, clusterId);
    const otherOrg = await factory.organisation(workspaceId, other);
    const person = (email: string | null, consent: 0 | 1, organisationId = org.id) =>
      factory.person(workspaceId, organisationId, {
        email,
        consent,
        consent_at: consent ? '2026-01-01' : null,
      });
    const tag = `${kind}-${workspaceId.slice(-6)}`;
    people = {
      fr: `ana-${tag}@member.example`,
      en: `ben-${tag}@member.example`,
      noConsent: `cy-${tag}@member.example`,
      noEmail: '',
    };
    await person(people.fr, 1);
    await person(people.en, 1);
    await person(people.noConsent, 0);
    await person(null, 1);
    await person(`other-${tag}@member.example`, 1, otherOrg.id);
    questionnaireId = (await surveys.questionnaire(workspaceId)).id;
  });

  it('previews the audience with the excluded and their reason', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: api('/audience-preview'),
      headers: coordinator,
      payload: { kind: 'members', clusterIds: [clusterId] },
    });
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json();
    expect(preview.invited).toBe(2);
    expect(preview.excluded).toBe(2);
    expect(preview.people.map((p: { excluded: string | null }) => p.excluded).sort()).toEqual([
      'no_consent',
      'no_email',
      null,
      null,
    ]);
    const options = await t.app.inject({
      method: 'GET',
      url: api('/questionnaire-options'),
      headers: coordinator,
    });
    expect(options.json().items).toEqual([
      expect.objectContaining({
        id: questionnaireId,
        kind: 'readiness',
        languages: ['en', 'fr'],
        questionCount: 8,
      }),
    ]);
    const wrong = await t.app.inject({
      method: 'POST',
      url: api('/audience-preview'),
      headers: coordinator,
      payload: { kind: 'members', networkPersonIds: ['x'] },
    });
    expect(wrong.statusCode).toBe(400);
    expect(fields(wrong.body)).toEqual(['body.networkPersonIds']);
  });

  it('previews a network audience by country, leaving out people without a consent basis', async () => {
    const tag = `${kind}-${workspaceId.slice(-6)}`;
    const org = await t.database.db
      .insertInto('network_organisation')
      .values({
        id: `no-${tag}`,
        workspace_id: workspaceId,
        owner_cluster_id: null,
        name: 'Tokyo Orbital',
        normalised_name: `tokyo orbital ${tag}`,
        type: 'company',
        country: 'JP',
        city: null,
        website: null,
        website_domain: null,
        space_segments: '[]',
        melca: '[]',
        tags: '[]',
        notes: '',
        created_at: '2026-01-01T00:00:00.000Z',
        updated_at: '2026-01-01T00:00:00.000Z',
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await newNetworkPerson(t.database.db, workspaceId, {
      organisation_id: org.id,
      email: `jp-${tag}@orbit.example`,
    });
    await newNetworkPerson(t.database.db, workspaceId, {
      organisation_id: org.id,
      email: `jp2-${tag}@orbit.example`,
      consent_basis: null,
    });
    await newNetworkPerson(t.database.db, workspaceId, { email: `nowhere-${tag}@orbit.example` });
    const res = await t.app.inject({
      method: 'POST',
      url: api('/audience-preview'),
      headers: coordinator,
      payload: { kind: 'network', countries: ['JP'] },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ invited: 1, excluded: 1 });
    expect(res.json().people[1].excluded).toBe('no_consent');
  });

  it('sends a wave: freezes the questionnaire, invites those with e-mail and consent, mails hashed links', async () => {
    const draft = await createWave();
    expect(draft.status).toBe('draft');
    const sent = await send(draft);
    expect(sent.status).toBe('open');
    expect(sent.questionnaireVersion).toBe(1);
    expect(sent.progress.invited).toBe(2);
    const mail = await mailTo(people.fr, 'Votre avis');
    expect(mail.text).toContain('Bonjour');
    const token = tokenOf(mail);
    const invitations = await t.database.db
      .selectFrom('survey_invitation')
      .selectAll()
      .where('wave_id', '=', draft.id)
      .execute();
    expect(invitations.map((i) => i.email).sort()).toEqual([people.en, people.fr].sort());
    expect(invitations.every((i) => i.sent_at !== null)).toBe(true);
    // Only the hash is stored, never the token.
    expect(invitations.some((i) => i.token_hash === hashSecret(token))).toBe(true);
    expect(JSON.stringify(invitations)).not.toContain(token);
    // Nobody without consent was mailed.
    expect(smtp.messages.some((m) => m.to.includes(people.noConsent))).toBe(false);
    // A second wave of the unchanged questionnaire keeps version 1.
    const again = await send(await createWave());
    expect(again.questionnaireVersion).toBe(1);
    // Sending twice is refused.
    const twice = await t.app.inject({
      method: 'POST',
      url: api(`/${draft.id}/send`),
      headers: coordinator,
      payload: { version: sent.version },
    });
    expect(twice.statusCode).toBe(409);
  });

  it('refuses a wave to people without consent or e-mail only, and writes nothing', async () => {
    const draft = await createWave({
      audience: { kind: 'members', clusterIds: [clusterId], countries: ['JP'] },
    });
    const res = await t.app.inject({
      method: 'POST',
      url: api(`/${draft.id}/send`),
      headers: coordinator,
      payload: { version: draft.version },
    });
    expect(res.statusCode).toBe(400);
    expect(fields(res.body)).toEqual(['audience']);
    const wave = await t.database.db
      .selectFrom('survey_wave')
      .selectAll()
      .where('id', '=', draft.id)
      .executeTakeFirstOrThrow();
    expect(wave.status).toBe('draft');
    const count = await t.database.db
      .selectFrom('survey_invitation')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('wave_id', '=', draft.id)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('answers through a link: opened, partial save, wrong types refused, submit scored, reused link 409', async () => {
    const draft = await createWave();
    await send(draft);
    const token = tokenOf(await mailTo(people.fr, 'Votre avis'));

    const opened = await publicSurvey(token);
    expect(opened.statusCode, opened.body).toBe(200);
    const body = opened.json();
    expect(body.state).toBe('open');
    expect(body.language).toBe('fr');
    expect(body.languages).toEqual(['en', 'fr']);
    expect(body.definition.sections).toHaveLength(2);
    expect(body.answers).toEqual({});

    const wrong = await publicSurvey(token, 'PUT', {
      answers: { plan: 'maybe', offer_fit: 9, target: 'UK' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(fields(wrong.body).sort()).toEqual([
      'body.answers.offer_fit',
      'body.answers.plan',
      'body.answers.target',
    ]);

    const partial = await publicSurvey(token, 'PUT', {
      answers: { plan: 'yes', offer_fit: 4 },
      language: 'en',
    });
    expect(partial.statusCode, partial.body).toBe(200);
    const reopened = (await publicSurvey(token)).json();
    expect(reopened.answers).toEqual({ plan: 'yes', offer_fit: 4 });
    expect(reopened.language).toBe('en');

    const missing = await publicSurvey(token, 'POST', { answers: { plan: 'yes' } });
    expect(missing.statusCode).toBe(400);
    expect(fields(missing.body)).toContain('body.answers.commitment');

    const progress = (
      await t.app.inject({ method: 'GET', url: api(`/${draft.id}`), headers: coordinator })
    ).json();
    expect(progress.progress).toMatchObject({ invited: 2, sent: 2, opened: 1, started: 1, completed: 0 });

    const submitted = await publicSurvey(token, 'POST', { answers: readinessAnswers(4), language: 'fr' });
    expect(submitted.statusCode, submitted.body).toBe(201);
    // 7 of 8 shown questions: the free text was left empty.
    expect(submitted.json().completeness).toBe(0.875);
    const response = await t.database.db
      .selectFrom('survey_response')
      .selectAll()
      .where('wave_id', '=', draft.id)
      .executeTakeFirstOrThrow();
    expect(response.invitation_id).not.toBeNull();
    expect(response.organisation_id).not.toBeNull();
    expect(response.stage).toBe('mid');
    expect(Number(response.readiness_score)).toBeGreaterThan(0);
    const invitation = await t.database.db
      .selectFrom('survey_invitation')
      .selectAll()
      .where('id', '=', response.invitation_id as string)
      .executeTakeFirstOrThrow();
    expect(invitation.completed_at).not.toBeNull();
    expect(invitation.draft_answers).toBeNull();

    expect((await publicSurvey(token, 'POST', { answers: readinessAnswers(4) })).statusCode).toBe(409);
    expect((await publicSurvey(token, 'PUT', { answers: {} })).statusCode).toBe(409);
    expect((await publicSurvey(token)).json()).toMatchObject({ state: 'completed', definition: null });

    const detail = (
      await t.app.inject({ method: 'GET', url: api(`/${draft.id}`), headers: coordinator })
    ).json();
    expect(detail.progress.completed).toBe(1);
    expect(detail.respondents.map((r: { progress: string }) => r.progress).sort()).toEqual([
      'completed',
      'sent',
    ]);
  });

  it('keeps an anonymous wave anonymous: nothing links the response to its respondent', async () => {
    const draft = await createWave({ anonymous: true });
    await send(draft);
    const token = tokenOf(await mailTo(people.en, 'Votre avis'));
    expect((await publicSurvey(token, 'POST', { answers: readinessAnswers(2) })).statusCode).toBe(201);
    const response = await t.database.db
      .selectFrom('survey_response')
      .selectAll()
      .where('wave_id', '=', draft.id)
      .executeTakeFirstOrThrow();
    expect(response).toMatchObject({
      invitation_id: null,
      organisation_id: null,
      network_organisation_id: null,
    });
    const audit = await t.database.db
      .selectFrom('audit_event')
      .selectAll()
      .where('entity_id', '=', response.id)
      .executeTakeFirstOrThrow();
    expect(audit.changes).not.toContain(people.en);
    const detail = (
      await t.app.inject({ method: 'GET', url: api(`/${draft.id}`), headers: coordinator })
    ).json();
    expect(detail.respondents).toBeNull();
    expect(detail.progress.completed).toBe(1);
  });

  it('answers 404 to an unknown link and 409 to a closed wave; a link answers only its own wave', async () => {
    const unknown = await publicSurvey('A'.repeat(32));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).not.toContain('survey_invitation');

    const otherWs = await factory.workspace();
    const otherQ = await surveys.questionnaire(otherWs.id);
    const otherWave = await surveys.wave(otherWs.id, otherQ.id, { name: 'Other workspace wave' });
    const { token: otherToken } = await surveys.invitation(otherWs.id, otherWave.id);
    expect((await publicSurvey(otherToken)).json().waveName).toBe('Other workspace wave');
    // Another workspace's wave is not found by this workspace's staff.
    expect(
      (await t.app.inject({ method: 'GET', url: api(`/${otherWave.id}`), headers: coordinator })).statusCode,
    ).toBe(404);

    const draft = await createWave();
    const sent = await send(draft);
    const token = tokenOf(await mailTo(people.en, 'Votre avis'));
    const closed = await t.app.inject({
      method: 'POST',
      url: api(`/${draft.id}/close`),
      headers: coordinator,
      payload: { version: sent.version },
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect((await publicSurvey(token, 'PUT', { answers: { plan: 'no' } })).statusCode).toBe(409);
    expect((await publicSurvey(token, 'POST', { answers: readinessAnswers(1) })).statusCode).toBe(409);
    expect((await publicSurvey(token)).json().state).toBe('closed');
  });

  it('edits a draft with its version, refuses a wrong activity, and keeps other clusters out', async () => {
    const draft = await createWave();
    const edited = await t.app.inject({
      method: 'PATCH',
      url: api(`/${draft.id}`),
      headers: coordinator,
      payload: { version: draft.version, name: 'Renamed', reminderAfterDays: 3 },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      name: 'Renamed',
      reminderAfterDays: 3,
      version: draft.version + 1,
    });
    const stale = await t.app.inject({
      method: 'PATCH',
      url: api(`/${draft.id}`),
      headers: coordinator,
      payload: { version: draft.version, name: 'Again' },
    });
    expect(stale.statusCode).toBe(409);

    const visits = await factory.activity(workspaceId, null, { instrument: 'study-visits' });
    const wrong = await t.app.inject({
      method: 'POST',
      url: api(),
      headers: coordinator,
      payload: { questionnaireId, name: 'x', audience: { kind: 'members' }, activityId: visits.id },
    });
    expect(wrong.statusCode).toBe(400);
    expect(fields(wrong.body)).toEqual(['body.activityId']);
    const survey = await factory.activity(workspaceId, null, { instrument: '1.1.6', cluster_id: clusterId });
    const manager = (await factory.memberWithToken(workspaceId, 'cluster_manager', clusterId)).headers;
    const ok = await t.app.inject({
      method: 'POST',
      url: api(),
      headers: manager,
      payload: { questionnaireId, name: 'Validation', audience: { kind: 'members' }, activityId: survey.id },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().clusterId).toBe(clusterId);
    const otherManager = (
      await factory.memberWithToken(workspaceId, 'cluster_manager', (await factory.cluster(workspaceId)).id)
    ).headers;
    const refused = await t.app.inject({
      method: 'PATCH',
      url: api(`/${ok.json().id}`),
      headers: otherManager,
      payload: { version: 1, name: 'Mine now' },
    });
    expect(refused.statusCode).toBe(403);
    const viewer = (await factory.memberWithToken(workspaceId, 'viewer')).headers;
    expect((await t.app.inject({ method: 'GET', url: api(), headers: viewer })).json().total).toBe(2);

    const deleted = await t.app.inject({
      method: 'DELETE',
      url: api(`/${draft.id}?version=${draft.version + 1}`),
      headers: coordinator,
    });
    expect(deleted.statusCode).toBe(204);
  });

  it('reminds by hand with a new link, and the tick closes and reminds once, idempotently', async () => {
    const draft = await createWave({ reminderAfterDays: 2, closesAt: '2099-01-01T00:00:00Z' });
    await send(draft);
    const first = tokenOf(await mailTo(people.fr, 'Votre avis'));
    expect((await publicSurvey(first, 'PUT', { answers: { plan: 'partly' } })).statusCode).toBe(200);

    const reminded = await t.app.inject({
      method: 'POST',
      url: api(`/${draft.id}/remind`),
      headers: coordinator,
    });
    expect(reminded.statusCode, reminded.body).toBe(200);
    expect(reminded.json().reminded).toBe(2);
    const second = tokenOf(await mailTo(people.fr, 'Rappel'));
    expect((await publicSurvey(first)).statusCode).toBe(404);
    expect((await publicSurvey(second)).json().answers).toEqual({ plan: 'partly' });

    // The automatic reminder: a third wave, sent "three days ago".
    const auto = await createWave({ reminderAfterDays: 2, closesAt: '2099-01-01T00:00:00Z' });
    await send(auto);
    const mailer = createMailer(
      { smtpUrl: smtp.url, from: 'Hub <hub@example.test>', publicUrl: PUBLIC_URL },
      t.database.db,
    );
    const tick = new SurveyTickService({ db: t.database.db, mailer, publicUrl: PUBLIC_URL });
    const inThreeDays = new Date(Date.now() + 3 * 86_400_000);
    const run = await tick.tick(inThreeDays);
    // Those of the hand-reminded wave were reminded already: only the new wave's two.
    expect(run.reminded).toBeGreaterThanOrEqual(2);
    const again = await tick.tick(inThreeDays);
    expect(again).toEqual({ closed: 0, reminded: 0 });

    // Closing after closes_at.
    const past = await tick.tick(new Date('2099-01-02T00:00:00Z'));
    expect(past.closed).toBeGreaterThanOrEqual(2);
    const wave = await t.database.db
      .selectFrom('survey_wave')
      .selectAll()
      .where('id', '=', auto.id)
      .executeTakeFirstOrThrow();
    expect(wave.status).toBe('closed');
    expect((await tick.tick(new Date('2099-01-02T00:00:00Z'))).closed).toBe(0);
    await mailer.close();
  });
});
