import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId, nowIso } from '../../src/db/ids.ts';
import { AUDIT_RECORD_TYPE_ORDER } from '../../src/features/audit/repository.ts';
import { encodeCursor } from '../../src/http/list-params.ts';
import { testDialects } from '../support/databases.ts';
import { Factory } from '../support/factories.ts';
import { PlanningRows } from '../support/planning-rows.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

/**
 * The sorted lists (issue 18): every sort key in both directions, read two rows a page, must give
 * the order the rows' values give (ties by id), with the total of all matching rows on every page;
 * another workspace's rows are never listed nor counted.
 */
type Row = { id: string } & Record<string, unknown>;

/** Ascending by `key` then id, as the SQL orders (byte order of text, numbers as numbers). */
function expectedOrder(rows: Row[], key: (row: Row) => string | number, desc: boolean): string[] {
  const sorted = [...rows].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    if (x !== y) return x < y ? -1 : 1;
    return a.id < b.id ? -1 : 1;
  });
  return (desc ? sorted.reverse() : sorted).map((row) => row.id);
}

describe.each(testDialects())('sorted lists with totals on %s', (kind) => {
  let t: TestApp;
  let factory: Factory;
  let planning: PlanningRows;
  let slug: string;
  let workspaceId: string;
  let headers: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp(kind);
    factory = new Factory(t.database.db);
    planning = new PlanningRows(t.database.db);
    const workspace = await factory.workspace();
    slug = workspace.slug;
    workspaceId = workspace.id;
    headers = (await factory.memberWithToken(workspaceId, 'viewer')).headers;
    // Another workspace's records, which must never show.
    const other = await factory.workspace('Elsewhere');
    const otherCluster = await factory.cluster(other.id, { short_name: 'AAA' });
    const otherOrganisation = await factory.organisation(other.id, otherCluster.id, { name: 'Aardvark' });
    await factory.person(other.id, otherOrganisation.id, { name: 'Aaron' });
    await factory.market(other.id, { name: 'Aa market' });
    await planning.activityRow(other.id, { title: 'Aa activity' });
  });
  afterAll(async () => {
    await t?.close();
  });

  async function get(path: string) {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/workspaces/${slug}${path}`, headers });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: Row[]; nextCursor: string | null; total: number };
  }

  /** Every page of the list, two rows at a time; each page must carry the same total. */
  async function walk(path: string, sort: string, total: number): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | null = null;
    const separator = path.includes('?') ? '&' : '?';
    do {
      const page = await get(
        `${path}${separator}sort=${sort}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(page.total).toBe(total);
      expect(page.items.length).toBeLessThanOrEqual(2);
      ids.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    return ids;
  }

  async function expectSorted(
    path: string,
    keys: Record<string, (row: Row) => string | number>,
    rows: Row[],
  ) {
    for (const [key, value] of Object.entries(keys)) {
      for (const desc of [false, true]) {
        const sort = desc ? `-${key}` : key;
        expect(await walk(path, sort, rows.length), `${path} sort=${sort}`).toEqual(
          expectedOrder(rows, value, desc),
        );
      }
    }
  }

  it('sorts the member organisations by every key, across pages, with the total', async () => {
    const clusters = {
      zed: await factory.cluster(workspaceId, { short_name: 'ZED' }),
      bee: await factory.cluster(workspaceId, { short_name: 'BEE' }),
    };
    const rows: Row[] = [];
    const specs = [
      ['orbital dynamics', 'sme', 'FR', clusters.zed, '2026-01-05T10:00:00.000Z'],
      ['Astra Labs', 'university', 'BE', clusters.bee, '2026-01-03T10:00:00.000Z'],
      ['zenith space', 'sme', 'ES', clusters.bee, '2026-01-04T10:00:00.000Z'],
      ['Bravo Satcom', 'rd_centre', 'BE', clusters.zed, '2026-01-01T10:00:00.000Z'],
      ['Centauri', 'large_company', 'IT', clusters.zed, '2026-01-02T10:00:00.000Z'],
    ] as const;
    for (const [name, type, country, cluster, updatedAt] of specs) {
      const row = await factory.organisation(workspaceId, cluster.id, { name, type, country });
      await t.database.db
        .updateTable('organisation')
        .set({ updated_at: updatedAt })
        .where('id', '=', row.id)
        .execute();
      rows.push({ ...row, updated_at: updatedAt, cluster: cluster.short_name });
    }
    await expectSorted(
      '/organisations',
      {
        createdAt: (r) => r.id,
        updatedAt: (r) => r.updated_at as string,
        name: (r) => r.normalised_name as string,
        type: (r) => r.type as string,
        country: (r) => r.country as string,
        cluster: (r) => r.cluster as string,
      },
      rows,
    );
    // Filters narrow the total; the default order is the creation order.
    const belgians = await get('/organisations?country=BE');
    expect(belgians.total).toBe(2);
    expect(belgians.items.map((r) => r.name)).toEqual(['Astra Labs', 'Bravo Satcom']);
    const byName = await get('/organisations?sort=name&limit=2');
    expect(byName.items.map((r) => r.name)).toEqual(['Astra Labs', 'Bravo Satcom']);
  });

  it('sorts people, markets and activities by every key, across pages, with the total', async () => {
    const organisation = await factory.organisation(workspaceId, (await factory.cluster(workspaceId)).id);
    const people: Row[] = [];
    for (const [name, email] of [
      ['maria Lopez', 'maria@example.test'],
      ['Anna Berg', null],
      ['Zoe Quinn', 'a.zoe@example.test'],
      ['bob Stone', 'bob@example.test'],
    ] as const) {
      people.push(await factory.person(workspaceId, organisation.id, { name, email }));
    }
    await expectSorted(
      '/people',
      {
        createdAt: (r) => r.id,
        name: (r) => (r.name as string).toLowerCase(),
        email: (r) => (r.email as string | null) ?? '',
      },
      people,
    );

    const markets: Row[] = [];
    for (const [name, country, priority, status] of [
      ['japan', 'JP', 'low', 'active'],
      ['Canada', 'CA', 'high', 'closed'],
      ['Chile', 'CL', 'medium', 'exploring'],
      ['UAE', 'AE', 'high', 'paused'],
    ] as const) {
      markets.push(await factory.market(workspaceId, { name, country, priority, status }));
    }
    const firstMarket = markets[0] as Row;
    await factory.plan(workspaceId, firstMarket.id);
    await factory.plan(workspaceId, firstMarket.id);
    await factory.plan(workspaceId, (markets[2] as Row).id);
    const planCounts = new Map([
      [firstMarket.id, 2],
      [(markets[2] as Row).id, 1],
    ]);
    const rank = (list: readonly string[]) => (value: unknown) => list.indexOf(value as string);
    await expectSorted(
      '/markets',
      {
        createdAt: (r) => r.id,
        name: (r) => (r.name as string).toLowerCase(),
        country: (r) => r.country as string,
        priority: (r) => rank(['high', 'medium', 'low'])(r.priority),
        status: (r) => rank(['exploring', 'active', 'paused', 'closed'])(r.status),
        plans: (r) => planCounts.get(r.id) ?? 0,
      },
      markets,
    );

    const plan = await factory.plan(workspaceId, firstMarket.id, { name: 'Japan 2026' });
    const activities: Row[] = [];
    for (const [title, startsOn, endsOn, status, instrumentKey, planId] of [
      ['Tokyo visit', '2026-03-10', '2026-03-12', 'done', 'study-visits', plan.id],
      ['b2b forum', '2026-03-10', '2026-03-10', 'planned', 'matchmaking-events', null],
      ['Annual training', '2026-01-20', '2026-04-01', 'cancelled', 'training-to-go-international', null],
      ['Newsletter', '2026-05-01', '2026-05-31', 'confirmed', 'newsletter', plan.id],
    ] as const) {
      const row = await planning.activityRow(workspaceId, {
        title,
        starts_on: startsOn,
        ends_on: endsOn,
        status,
        instrumentKey,
        plan_id: planId,
      });
      const instrument = await t.database.db
        .selectFrom('instrument')
        .select('code')
        .where('id', '=', row.instrument_id)
        .executeTakeFirstOrThrow();
      activities.push({ ...row, code: instrument.code, planName: planId ? 'japan 2026' : '' });
    }
    await expectSorted(
      '/activities',
      {
        startsOn: (r) => r.starts_on as string,
        endsOn: (r) => r.ends_on as string,
        title: (r) => (r.title as string).toLowerCase(),
        instrument: (r) => r.code as string,
        plan: (r) => r.planName as string,
        status: (r) => rank(['planned', 'confirmed', 'done', 'cancelled'])(r.status),
        createdAt: (r) => r.id,
      },
      activities,
    );
    const searched = await get('/activities?q=TOKYO');
    expect(searched).toMatchObject({ total: 1, items: [{ title: 'Tokyo visit' }] });
  });

  it('sorts the audit log by when, who, record type and action, across pages, with the total', async () => {
    // A workspace of its own, so only these entries are in its log.
    const workspace = await factory.workspace('Audited');
    const coordinator = await factory.memberWithToken(workspace.id, 'coordinator');
    const named = async (name: string) => {
      const member = await factory.memberWithToken(workspace.id, 'viewer');
      await t.database.db.updateTable('app_user').set({ name }).where('id', '=', member.user.id).execute();
      return member.user.id;
    };
    const actors = { zoe: await named('zoe Quinn'), anna: await named('Anna Berg'), hub: null };
    const specs = [
      [actors.zoe, 'update', 'market'],
      [actors.anna, 'create', 'cost_line'],
      [actors.hub, 'delete', 'activity'],
      [actors.zoe, 'create', 'organisation'],
      [actors.anna, 'delete', 'market'],
      [actors.anna, 'update', 'some_new_kind'],
      [actors.hub, 'create', 'cluster'],
    ] as const;
    for (const [actor, action, entityType] of specs) {
      // One by one: ids are UUIDv7, so each entry's id is later than the one before.
      await t.database.db
        .insertInto('audit_event')
        .values({
          id: newId(),
          workspace_id: workspace.id,
          actor_user_id: actor,
          action,
          entity_type: entityType,
          entity_id: newId(),
          changes: '{}',
          created_at: nowIso(),
        })
        .execute();
    }
    const stored = await t.database.db
      .selectFrom('audit_event')
      .leftJoin('app_user', 'app_user.id', 'audit_event.actor_user_id')
      .select(['audit_event.id', 'action', 'entity_type', 'app_user.name'])
      .where('audit_event.workspace_id', '=', workspace.id)
      .execute();
    const rows: Row[] = stored.map((row) => ({ ...row }));
    expect(rows).toHaveLength(specs.length);
    const typeRank = (type: string) => {
      const rank = (AUDIT_RECORD_TYPE_ORDER as readonly string[]).indexOf(type);
      return rank >= 0 ? String(rank).padStart(2, '0') : `99 ${type}`;
    };
    const asCoordinator = async (query: string) => {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/v1/workspaces/${workspace.slug}/audit${query}`,
        headers: coordinator.headers,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { items: Row[]; nextCursor: string | null; total: number };
    };
    const walkAudit = async (sort: string, filter = '') => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await asCoordinator(
          `?sort=${sort}&limit=2${filter}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        seen.push(...page.items.map((item) => item.id));
        expect(page.items.length).toBeLessThanOrEqual(2);
        expect(page.total).toBe(filter ? rows.filter((r) => r.action === 'create').length : rows.length);
        cursor = page.nextCursor;
      } while (cursor);
      return seen;
    };
    const at = (r: Row) => r.id;
    const actor = (r: Row) => ((r.name as string | null) ?? '').toLowerCase();
    const keys: Record<string, (row: Row) => string | number> = {
      at,
      actor,
      entityType: (r) => typeRank(r.entity_type as string),
      action: (r) => ['create', 'update', 'delete'].indexOf(r.action as string),
    };
    for (const [key, value] of Object.entries(keys)) {
      for (const desc of [false, true]) {
        const sort = desc ? `-${key}` : key;
        expect(await walkAudit(sort), `audit sort=${sort}`).toEqual(expectedOrder(rows, value, desc));
      }
    }
    // The default is newest first; a filter narrows the total, and the order holds within it.
    const newest = await asCoordinator('?limit=3');
    expect(newest.items.map((item) => item.id)).toEqual(expectedOrder(rows, at, true).slice(0, 3));
    expect(newest.total).toBe(rows.length);
    const creates = rows.filter((r) => r.action === 'create');
    expect(await walkAudit('actor', '&action=create')).toEqual(expectedOrder(creates, actor, false));
    // What the sort by record type shows: the labels' order, the unknown kind after them.
    const byType = await asCoordinator('?sort=entityType');
    expect(byType.items.map((item) => item.entityType)).toEqual([
      'activity',
      'cost_line',
      'cluster',
      'organisation',
      'market',
      'market',
      'some_new_kind',
    ]);
  });

  it.each([
    ['an unknown sort key', '/organisations?sort=size', 'query.sort'],
    ['a sort of another list', '/people?sort=country', 'query.sort'],
    ['a cursor that is not one', '/markets?cursor=abc%25', 'query.cursor'],
    [
      'a cursor of another order',
      `/activities?sort=title&cursor=${encodeCursor('startsOn', { value: '2026-01-01', id: 'x' })}`,
      'query.cursor',
    ],
    [
      'a cursor of another order (people)',
      `/people?cursor=${encodeCursor('-name', { value: 'a', id: 'x' })}`,
      'query.cursor',
    ],
    ['a search longer than 100 characters', `/activities?q=${'a'.repeat(101)}`, 'query.q'],
    ['an audit sort that is not one', '/audit?sort=name', 'query.sort'],
    [
      'an audit cursor of another order',
      `/audit?sort=actor&cursor=${encodeCursor('-at', { value: 'x', id: 'x' })}`,
      'query.cursor',
    ],
  ])('answers 400 naming the field for %s', async (_label, path, field) => {
    const coordinator = await factory.memberWithToken(workspaceId, 'coordinator');
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${slug}${path}`,
      headers: coordinator.headers,
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  });
});
