import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/databases.ts';
import { Factory } from '../../../test/support/factories.ts';
import { SurveyRows } from '../../../test/support/survey-factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

type Headers = { headers: Record<string, string> };

describe.each(testDialects())('market findings API on %s', (kind) => {
  let t: TestApp;
  let factory: Factory;
  let surveys: SurveyRows;
  let slug: string;
  let workspaceId: string;
  let clusterId: string;
  let marketId: string;
  let coordinator: Headers;
  const url = (path = '', market = marketId) =>
    `/api/v1/workspaces/${slug}/markets/${market}/findings${path}`;

  beforeAll(async () => {
    t = await startTestApp(kind);
    factory = new Factory(t.database.db);
    surveys = new SurveyRows(t.database.db);
  });
  beforeEach(async () => {
    const workspace = await factory.workspace();
    slug = workspace.slug;
    workspaceId = workspace.id;
    clusterId = (await factory.cluster(workspaceId)).id;
    marketId = (await factory.market(workspaceId, { owner_cluster_id: clusterId, country: 'JP' })).id;
    coordinator = await factory.memberWithToken(workspaceId, 'coordinator');
  });
  afterAll(async () => {
    await t?.close();
  });

  async function marketWave(market: string | null = marketId) {
    const questionnaire = await surveys.questionnaire(workspaceId, { kind: 'market' });
    return surveys.wave(workspaceId, questionnaire.id, { market_id: market, name: 'Japan EO survey' });
  }

  async function findingRows(): Promise<number> {
    const row = await t.database.db
      .selectFrom('market_finding')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async function auditOf(id: string) {
    return t.database.db
      .selectFrom('audit_event')
      .select(['action', 'entity_type', 'changes'])
      .where('entity_id', '=', id)
      .orderBy('id')
      .execute();
  }

  it('adds, lists newest first, edits and deletes findings, naming their wave, each audited', async () => {
    const wave = await marketWave();
    const first = await t.app.inject({
      method: 'POST',
      url: url(),
      headers: coordinator.headers,
      payload: {
        title: '  Integrators look for EO data partners  ',
        body: 'Three of five said so.',
        waveId: wave.id,
      },
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      marketId,
      waveId: wave.id,
      waveName: 'Japan EO survey',
      title: 'Integrators look for EO data partners',
      body: 'Three of five said so.',
      authorName: 'A coordinator',
      version: 1,
    });
    const second = await t.app.inject({
      method: 'POST',
      url: url(),
      headers: coordinator.headers,
      payload: { title: 'Certification takes a year' },
    });
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json()).toMatchObject({ waveId: null, waveName: null, body: '' });

    const list = await t.app.inject({ method: 'GET', url: url(), headers: coordinator.headers });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({
      items: [{ id: second.json().id }, { id: first.json().id }],
      nextCursor: null,
      total: 2,
      canEdit: true,
      waves: [{ id: wave.id, name: 'Japan EO survey', status: 'open' }],
    });
    const ofWave = (
      await t.app.inject({ method: 'GET', url: url(`?waveId=${wave.id}`), headers: coordinator.headers })
    ).json();
    expect(ofWave.items.map((f: { id: string }) => f.id)).toEqual([first.json().id]);
    expect(ofWave.total).toBe(1);

    const edited = await t.app.inject({
      method: 'PATCH',
      url: url(`/${first.json().id}`),
      headers: coordinator.headers,
      payload: { version: 1, title: 'Integrators want EO data partners', waveId: null },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      title: 'Integrators want EO data partners',
      waveId: null,
      version: 2,
    });

    const stale = await t.app.inject({
      method: 'PATCH',
      url: url(`/${first.json().id}`),
      headers: coordinator.headers,
      payload: { version: 1, title: 'Late edit' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    expect(stale.json().detail).toContain('version 2');

    const staleDelete = await t.app.inject({
      method: 'DELETE',
      url: url(`/${first.json().id}?version=1`),
      headers: coordinator.headers,
    });
    expect(staleDelete.statusCode).toBe(409);
    const deleted = await t.app.inject({
      method: 'DELETE',
      url: url(`/${first.json().id}?version=2`),
      headers: coordinator.headers,
    });
    expect(deleted.statusCode).toBe(204);
    expect(
      (await t.app.inject({ method: 'GET', url: url(`/${first.json().id}`), headers: coordinator.headers }))
        .statusCode,
    ).toBe(404);
    expect(await findingRows()).toBe(1);

    const history = await auditOf(first.json().id);
    expect(history.map((e) => [e.action, e.entity_type])).toEqual([
      ['create', 'market_finding'],
      ['update', 'market_finding'],
      ['delete', 'market_finding'],
    ]);
    expect(JSON.parse(history[0]?.changes ?? '{}')).toMatchObject({
      market_id: [null, marketId],
      wave_id: [null, wave.id],
    });
  });

  it('pages with a cursor, newest first', async () => {
    for (const title of ['One', 'Two', 'Three']) {
      const res = await t.app.inject({
        method: 'POST',
        url: url(),
        headers: coordinator.headers,
        payload: { title },
      });
      expect(res.statusCode).toBe(201);
    }
    const first = (
      await t.app.inject({ method: 'GET', url: url('?limit=2'), headers: coordinator.headers })
    ).json();
    expect(first.items.map((f: { title: string }) => f.title)).toEqual(['Three', 'Two']);
    expect(first.total).toBe(3);
    const next = (
      await t.app.inject({
        method: 'GET',
        url: url(`?limit=2&cursor=${first.nextCursor}`),
        headers: coordinator.headers,
      })
    ).json();
    expect(next.items.map((f: { title: string }) => f.title)).toEqual(['One']);
    expect(next.nextCursor).toBeNull();
    const bad = await t.app.inject({
      method: 'GET',
      url: url('?cursor=nonsense!'),
      headers: coordinator.headers,
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('query.cursor');
  });

  it('refuses bad input with a 4xx naming the field, writing nothing', async () => {
    const otherWorkspace = await factory.workspace();
    const foreignQuestionnaire = await surveys.questionnaire(otherWorkspace.id, { kind: 'market' });
    const foreignWave = await surveys.wave(otherWorkspace.id, foreignQuestionnaire.id);
    const readinessWave = await surveys.wave(workspaceId, (await surveys.questionnaire(workspaceId)).id);
    const otherMarket = await factory.market(workspaceId, { country: 'US' });
    const otherMarketsWave = await marketWave(otherMarket.id);

    const cases: [unknown, number, string][] = [
      [{ title: '   ' }, 400, 'body.title'],
      [{}, 400, 'body.title'],
      [{ title: 'x'.repeat(301) }, 400, 'body.title'],
      [{ title: 'Ok', body: 'x'.repeat(10_001) }, 400, 'body.body'],
      [{ title: 'Ok', waveId: 42 }, 400, 'body.waveId'],
      [{ title: 'Ok', extra: true }, 400, 'extra'],
      [{ title: 'Ok', waveId: foreignWave.id }, 404, 'body.waveId'],
      [{ title: 'Ok', waveId: readinessWave.id }, 400, 'body.waveId'],
      [{ title: 'Ok', waveId: otherMarketsWave.id }, 400, 'body.waveId'],
    ];
    for (const [payload, status, field] of cases) {
      const res = await t.app.inject({
        method: 'POST',
        url: url(),
        headers: coordinator.headers,
        payload: payload as object,
      });
      expect(res.statusCode, JSON.stringify(payload)).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body, JSON.stringify(payload)).toContain(field);
    }
    const notJson = await t.app.inject({
      method: 'POST',
      url: url(),
      headers: { ...coordinator.headers, 'content-type': 'application/json' },
      payload: '{"title":',
    });
    expect(notJson.statusCode).toBe(400);
    expect(await findingRows()).toBe(0);

    const created = (
      await t.app.inject({
        method: 'POST',
        url: url(),
        headers: coordinator.headers,
        payload: { title: 'Kept' },
      })
    ).json();
    for (const [payload, field] of [
      [{ title: 'No version' }, 'body.version'],
      [{ version: 0 }, 'body.version'],
      [{ version: 1, title: '' }, 'body.title'],
      [{ version: 1, waveId: readinessWave.id }, 'body.waveId'],
    ] as const) {
      const res = await t.app.inject({
        method: 'PATCH',
        url: url(`/${created.id}`),
        headers: coordinator.headers,
        payload,
      });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.body).toContain(field);
    }
    const bad = await t.app.inject({
      method: 'DELETE',
      url: url(`/${created.id}?version=x`),
      headers: coordinator.headers,
    });
    expect(bad.statusCode).toBe(400);
    const after = (
      await t.app.inject({ method: 'GET', url: url(`/${created.id}`), headers: coordinator.headers })
    ).json();
    expect(after).toMatchObject({ title: 'Kept', version: 1 });
  });

  it('lets readers read and only the market’s managers write; another workspace’s ids are not found', async () => {
    const created = (
      await t.app.inject({
        method: 'POST',
        url: url(),
        headers: coordinator.headers,
        payload: { title: 'Seen by all' },
      })
    ).json();
    const viewer = await factory.memberWithToken(workspaceId, 'viewer');
    const ownManager = await factory.memberWithToken(workspaceId, 'cluster_manager', clusterId);
    const otherCluster = (await factory.cluster(workspaceId)).id;
    const otherManager = await factory.memberWithToken(workspaceId, 'cluster_manager', otherCluster);

    const viewed = await t.app.inject({ method: 'GET', url: url(), headers: viewer.headers });
    expect(viewed.statusCode).toBe(200);
    expect(viewed.json()).toMatchObject({ total: 1, canEdit: false });
    expect(
      (await t.app.inject({ method: 'POST', url: url(), headers: viewer.headers, payload: { title: 'No' } }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: url(),
          headers: otherManager.headers,
          payload: { title: 'No' },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await t.app.inject({ method: 'GET', url: url(), headers: otherManager.headers })).json().canEdit,
    ).toBe(false);
    const byOwn = await t.app.inject({
      method: 'PATCH',
      url: url(`/${created.id}`),
      headers: ownManager.headers,
      payload: { version: 1, body: 'Added by the cluster manager' },
    });
    expect(byOwn.statusCode, byOwn.body).toBe(200);

    // Another workspace: its market and findings are not found, and nothing of ours is shown.
    const other = await factory.workspace();
    const otherCoordinator = await factory.memberWithToken(other.id, 'coordinator');
    const otherUrl = `/api/v1/workspaces/${other.slug}/markets/${marketId}/findings`;
    expect(
      (await t.app.inject({ method: 'GET', url: otherUrl, headers: otherCoordinator.headers })).statusCode,
    ).toBe(404);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `${otherUrl}/${created.id}`,
          headers: otherCoordinator.headers,
        })
      ).statusCode,
    ).toBe(404);
    // A finding id under another market of the same workspace is not found either.
    const otherMarket = await factory.market(workspaceId, { country: 'US' });
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: url(`/${created.id}`, otherMarket.id),
          headers: coordinator.headers,
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await t.app.inject({
          method: 'DELETE',
          url: url(`/${created.id}?version=2`, otherMarket.id),
          headers: coordinator.headers,
        })
      ).statusCode,
    ).toBe(404);
    expect(await findingRows()).toBe(1);
  });
});
