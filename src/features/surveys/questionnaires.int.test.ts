import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/databases.ts';
import { Factory } from '../../../test/support/factories.ts';
import { SurveyRows, smallReadinessDefinition } from '../../../test/support/survey-factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { defaultReadinessQuestionnaire } from '../../domain/surveys/default-readiness.ts';
import type { QuestionnaireDefinition } from '../../domain/surveys/types.ts';

type Headers = Record<string, string>;
type Problem = { errors?: { field: string; message: string }[]; detail?: string };

describe.each(testDialects())('questionnaires API on %s', (kind) => {
  let t: TestApp;
  let factory: Factory;
  let rows: SurveyRows;
  let slug: string;
  let workspaceId: string;
  let coordinator: Headers;
  const url = (path = '') => `/api/v1/workspaces/${slug}/surveys/questionnaires${path}`;
  const call = (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    path: string,
    payload?: object,
    headers = coordinator,
  ) => t.app.inject({ method, url: url(path), headers, ...(payload ? { payload } : {}) });
  const count = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('survey_questionnaire')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('workspace_id', '=', workspaceId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const fields = (body: Problem) => (body.errors ?? []).map((e) => e.field);

  beforeAll(async () => {
    t = await startTestApp(kind);
    factory = new Factory(t.database.db);
    rows = new SurveyRows(t.database.db);
  });
  beforeEach(async () => {
    const workspace = await factory.workspace();
    slug = workspace.slug;
    workspaceId = workspace.id;
    coordinator = (await factory.memberWithToken(workspaceId, 'coordinator')).headers;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('creates, reads, lists, edits, duplicates, archives, restores and deletes a questionnaire, all audited', async () => {
    const definition = smallReadinessDefinition();
    const created = await call('POST', '', {
      name: 'Readiness 2026',
      kind: 'readiness',
      description: 'Once a year',
      definition,
    });
    expect(created.statusCode).toBe(201);
    const q = created.json();
    expect(q).toMatchObject({
      name: 'Readiness 2026',
      kind: 'readiness',
      status: 'active',
      isDefault: false,
      currentVersion: 0,
      waveCount: 0,
      questionCount: 8,
      languages: ['en', 'fr'],
      version: 1,
      versions: [],
      canManage: true,
    });
    expect(q.definition).toEqual(definition);

    const got = await call('GET', `/${q.id}`);
    expect(got.json()).toEqual(q);

    // Edit: name and definition (one question fewer), with the version read.
    const edited: QuestionnaireDefinition = structuredClone(definition);
    edited.sections[1]?.questions.pop();
    const patched = await call('PATCH', `/${q.id}`, { version: 1, name: 'Readiness', definition: edited });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ name: 'Readiness', version: 2, questionCount: 7 });

    // A stale version: 409 naming it, nothing changed.
    const stale = await call('PATCH', `/${q.id}`, { version: 1, name: 'Lost' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().detail).toMatch(/version 2, you sent 1/);
    expect((await call('GET', `/${q.id}`)).json().name).toBe('Readiness');

    const copy = await call('POST', `/${q.id}/duplicate`, {});
    expect(copy.statusCode).toBe(201);
    expect(copy.json()).toMatchObject({ name: 'Copy of Readiness', questionCount: 7, isDefault: false });
    expect(copy.json().definition).toEqual(edited);

    const archived = await call('POST', `/${q.id}/archive`, { version: 2 });
    expect(archived.json()).toMatchObject({ status: 'archived', version: 3 });
    const listArchived = await call('GET', '?status=archived');
    expect(listArchived.json().items.map((i: { id: string }) => i.id)).toEqual([q.id]);
    const restored = await call('POST', `/${q.id}/restore`, { version: 3 });
    expect(restored.json()).toMatchObject({ status: 'active', version: 4 });

    const gone = await call('DELETE', `/${copy.json().id}?version=1`);
    expect(gone.statusCode).toBe(204);
    expect((await call('GET', `/${copy.json().id}`)).statusCode).toBe(404);
    expect(await count()).toBe(1);

    const audit = await t.database.db
      .selectFrom('audit_event')
      .select(['entity_type', 'action', 'changes'])
      .where('workspace_id', '=', workspaceId)
      .orderBy('id')
      .execute();
    expect(audit.map((e) => `${e.entity_type}:${e.action}`)).toEqual([
      'survey_questionnaire:create',
      'survey_questionnaire:update',
      'survey_questionnaire:create',
      'survey_questionnaire:update',
      'survey_questionnaire:update',
      'survey_questionnaire:delete',
    ]);
    expect(JSON.parse(String(audit[1]?.changes))).toMatchObject({
      name: ['Readiness 2026', 'Readiness'],
      definition: ['2 sections, 8 questions (en, fr)', '2 sections, 7 questions (en, fr)'],
    });
  });

  it('starts a questionnaire without a definition from one question, and lists with filters and a cursor', async () => {
    const general = await call('POST', '', { name: 'Satisfaction', kind: 'general' });
    expect(general.statusCode).toBe(201);
    expect(general.json()).toMatchObject({ questionCount: 1, languages: ['en'], description: '' });
    const readiness = await call('POST', '', { name: 'Alpha readiness', kind: 'readiness' });
    expect(readiness.json().definition.sections[0].questions[0]).toMatchObject({
      type: 'scale',
      dimension: 'engagement',
    });
    await call('POST', '', { name: 'Market study Japan', kind: 'market' });
    const used = await rows.questionnaire(workspaceId, { name: 'Zulu readiness' });
    await rows.wave(workspaceId, used.id);
    await rows.wave(workspaceId, used.id);

    const first = await call('GET', '?limit=2');
    expect(first.json()).toMatchObject({ total: 4, hasDefault: false, canManage: true });
    expect(first.json().items.map((i: { name: string }) => i.name)).toEqual([
      'Alpha readiness',
      'Market study Japan',
    ]);
    const second = await call('GET', `?limit=2&cursor=${first.json().nextCursor}`);
    expect(second.json().items.map((i: { name: string }) => i.name)).toEqual([
      'Satisfaction',
      'Zulu readiness',
    ]);
    expect(second.json().items[1]).toMatchObject({ waveCount: 2, currentVersion: 2 });
    expect(second.json().nextCursor).toBeNull();

    const readinessOnly = await call('GET', '?kind=readiness&q=ZULU');
    expect(readinessOnly.json()).toMatchObject({ total: 1, items: [{ name: 'Zulu readiness' }] });

    // Its versions, with the waves that used them.
    const detail = (await call('GET', `/${used.id}`)).json();
    expect(detail.versions.map((v: { number: number }) => v.number)).toEqual([2, 1]);
    expect(detail.versions[0].waves).toHaveLength(1);
    const version = await call('GET', `/${used.id}/versions/1`);
    expect(version.statusCode).toBe(200);
    expect(version.json()).toMatchObject({ questionnaireId: used.id, number: 1 });
    expect(version.json().definition).toEqual(smallReadinessDefinition());
    expect((await call('GET', `/${used.id}/versions/3`)).statusCode).toBe(404);

    // A questionnaire a wave used cannot be deleted: 409 saying why.
    const refused = await call('DELETE', `/${used.id}?version=${detail.version}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toMatch(/is used by 2 waves .*archive it instead/);
    expect(await count()).toBe(4);
  });

  it("adds the Hub's default readiness questionnaire once", async () => {
    const added = await call('POST', '', { fromDefault: true });
    expect(added.statusCode).toBe(201);
    const expected = defaultReadinessQuestionnaire();
    expect(added.json()).toMatchObject({
      kind: 'readiness',
      isDefault: true,
      name: expected.name,
      description: expected.description,
    });
    expect(added.json().definition).toEqual(expected.definition);
    const stored = await t.database.db
      .selectFrom('survey_questionnaire')
      .selectAll()
      .where('id', '=', added.json().id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(stored.definition)).toEqual(expected.definition);
    expect((await call('GET', '')).json().hasDefault).toBe(true);

    const again = await call('POST', '', { fromDefault: true });
    expect(again.statusCode).toBe(409);
    expect(await count()).toBe(1);
    // A copy of the default is no default.
    const copy = await call('POST', `/${added.json().id}/duplicate`, { name: 'Our readiness' });
    expect(copy.json()).toMatchObject({ name: 'Our readiness', isDefault: false });
  });

  it('refuses bad definitions with 400 naming each field, nothing written', async () => {
    const empty = await call('POST', '', {
      name: 'Empty',
      kind: 'general',
      definition: { languages: ['en'], sections: [] },
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(empty.json().errors).toEqual([
      { field: 'body.definition.sections', message: 'must hold at least one question' },
    ]);

    const later = smallReadinessDefinition();
    const first = later.sections[0]?.questions[0];
    if (first) first.showIf = { question: 'commitment', atLeast: 3 };
    const laterAnswer = await call('POST', '', { name: 'Later', kind: 'readiness', definition: later });
    expect(laterAnswer.statusCode).toBe(400);
    expect(laterAnswer.json().errors).toEqual([
      {
        field: 'body.definition.sections.0.questions.0.showIf.question',
        message: '"commitment" comes later: a condition must be on an earlier question',
      },
    ]);

    const missing = smallReadinessDefinition();
    const last = missing.sections[1]?.questions[0];
    if (last) last.showIf = { question: 'ghost', anyOf: ['yes'] };
    const missingAnswer = await call('POST', '', { name: 'Missing', kind: 'readiness', definition: missing });
    expect(fields(missingAnswer.json())).toEqual(['body.definition.sections.1.questions.0.showIf.question']);

    // Shape errors (zod): an unknown type, an unknown language, a field too many.
    const shape = await call('POST', '', {
      name: 'Shape',
      kind: 'general',
      definition: {
        languages: ['en', 'xx'],
        sections: [
          { key: 's', title: { en: 'S' }, questions: [{ key: 'q', type: 'essay', label: { en: 'Q' } }] },
        ],
      },
    });
    expect(shape.statusCode).toBe(400);
    expect(fields(shape.json())).toEqual(
      expect.arrayContaining(['body.definition.languages.1', 'body.definition.sections.0.questions.0.type']),
    );
    const noName = await call('POST', '', { description: 'No name, no kind' });
    expect(fields(noName.json())).toEqual(['body.name', 'body.kind']);
    const mixed = await call('POST', '', { fromDefault: true, name: 'Mine' });
    expect(fields(mixed.json())).toEqual(['body.name']);
    expect(await count()).toBe(0);

    // An edit is validated whole too: nothing changes.
    const q = (
      await call('POST', '', { name: 'Fine', kind: 'readiness', definition: smallReadinessDefinition() })
    ).json();
    const noScore = smallReadinessDefinition();
    for (const section of noScore.sections)
      for (const question of section.questions) delete question.dimension;
    const refused = await call('PATCH', `/${q.id}`, { version: 1, name: 'Renamed', definition: noScore });
    expect(refused.statusCode).toBe(400);
    expect(fields(refused.json())).toEqual(['body.definition.sections']);
    expect((await call('GET', `/${q.id}`)).json()).toMatchObject({ name: 'Fine', version: 1 });
    expect(await count()).toBe(1);
  });

  it('lets staff read, coordinators and any cluster manager write, and hides other workspaces', async () => {
    const clusterId = (await factory.cluster(workspaceId)).id;
    const manager = (await factory.memberWithToken(workspaceId, 'cluster_manager', clusterId)).headers;
    const viewer = (await factory.memberWithToken(workspaceId, 'viewer')).headers;
    const organisationId = (await factory.organisation(workspaceId, clusterId)).id;
    const member = (await factory.memberWithToken(workspaceId, 'member', null, organisationId)).headers;

    const made = await call('POST', '', { name: 'By a manager', kind: 'general' }, manager);
    expect(made.statusCode).toBe(201);
    expect(made.json().canManage).toBe(true);
    const id = made.json().id;
    expect((await call('PATCH', `/${id}`, { version: 1, name: 'Coordinated' })).statusCode).toBe(200);

    const read = await call('GET', `/${id}`, undefined, viewer);
    expect(read.statusCode).toBe(200);
    expect(read.json().canManage).toBe(false);
    expect((await call('GET', '', undefined, viewer)).json().canManage).toBe(false);
    expect((await call('PATCH', `/${id}`, { version: 2, name: 'No' }, viewer)).statusCode).toBe(403);
    expect((await call('GET', '', undefined, member)).statusCode).toBe(403);
    expect((await call('POST', '', { name: 'No', kind: 'general' }, member)).statusCode).toBe(403);

    // Another workspace's questionnaire is not found, whatever the action.
    const other = await factory.workspace();
    const foreign = await rows.questionnaire(other.id);
    expect((await call('GET', `/${foreign.id}`)).statusCode).toBe(404);
    expect((await call('PATCH', `/${foreign.id}`, { version: 1, name: 'Mine' })).statusCode).toBe(404);
    expect((await call('POST', `/${foreign.id}/duplicate`, {})).statusCode).toBe(404);
    expect((await call('POST', `/${foreign.id}/archive`, { version: 1 })).statusCode).toBe(404);
    expect((await call('DELETE', `/${foreign.id}?version=1`)).statusCode).toBe(404);
    expect((await call('GET', `/${foreign.id}/versions/1`)).statusCode).toBe(404);
    expect(await count()).toBe(1);
  });
});
