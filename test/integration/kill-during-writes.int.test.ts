import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/db/database.ts';
import { createTestDatabase, type TestDatabase, testDialects } from '../support/databases.ts';
import { Factory } from '../support/factories.ts';
import { type HubProcess, startHubProcess } from '../support/hub-process.ts';

/**
 * Issue 19: the Hub acknowledges a write only once it is durable. A burst of creates (clusters,
 * organisations, cost lines) runs against `space2id serve` in its own process, which is killed
 * with SIGKILL in the middle of it; restarted on the same database, it must hold every write it
 * answered 201 (and each one's audit event: the same transaction).
 */
const WORKERS = 12;
/** Acknowledged writes after which the process is killed (the burst is still running then). */
const KILL_AFTER = 100;

type Kind = 'cluster' | 'organisation' | 'cost_line';

describe.each(testDialects())('kill -9 during a write burst on %s', (kind) => {
  let testDatabase: TestDatabase;
  let database: Database;
  let hub: HubProcess | undefined;
  let headers: Record<string, string>;
  let base = '';
  let clusterId = '';
  let activityId = '';
  const acknowledged: { kind: Kind; id: string }[] = [];
  let failedInFlight = 0;
  let sent = 0;

  beforeAll(async () => {
    testDatabase = await createTestDatabase(kind);
    // serve migrates and seeds the new database; the test then reads and writes the same one.
    hub = await startHubProcess(testDatabase.url);
    database = openDatabase(testDatabase.url);
    const factory = new Factory(database.db);
    const workspace = await factory.workspace();
    headers = {
      ...(await factory.memberWithToken(workspace.id, 'coordinator')).headers,
      'content-type': 'application/json',
    };
    base = `/api/v1/workspaces/${workspace.slug}`;
    const post = async (url: string, body: object) => {
      const res = await fetch(`${hub?.url}${base}${url}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
      });
      if (res.status !== 201) throw new Error(`${url}: ${res.status} ${await res.text()}`);
      return (await res.json()) as { id: string };
    };
    clusterId = (
      await post('/clusters', {
        name: 'Home',
        shortName: 'HOME',
        country: 'BE',
        city: 'Gent',
        dayRateEur: 450,
      })
    ).id;
    activityId = (
      await post('/activities', {
        instrumentKey: 'study-visits',
        title: 'Mission',
        startsOn: '2026-04-13',
        endsOn: '2026-04-17',
        clusterId,
      })
    ).id;

    const requestFor = (n: number): { kind: Kind; url: string; body: object } => {
      switch (n % 3) {
        case 0:
          return {
            kind: 'cluster',
            url: '/clusters',
            body: { name: `Burst ${n}`, shortName: `B${n}`, country: 'FR', city: 'Lyon', dayRateEur: 400 },
          };
        case 1:
          return {
            kind: 'organisation',
            url: '/organisations',
            body: { clusterId, name: `Burst member ${n}`, type: 'sme', country: 'FR' },
          };
        default:
          return {
            kind: 'cost_line',
            url: `/activities/${activityId}/cost-lines`,
            body: {
              kind: 'planned',
              category: 'travel',
              fundingSource: 'cluster',
              description: `Line ${n}`,
              amountEur: n,
            },
          };
      }
    };
    let next = 0;
    let killed: Promise<void> | undefined;
    let failure: unknown;
    const worker = async () => {
      while (!killed && !failure) {
        const { kind: written, url, body } = requestFor(next++);
        sent++;
        try {
          const res = await fetch(`${hub?.url}${base}${url}`, {
            method: 'POST',
            headers,
            body: JSON.stringify(body),
          });
          const answer = res.status === 201 ? ((await res.json()) as { id?: string }) : undefined;
          if (answer?.id) acknowledged.push({ kind: written, id: answer.id });
          else if (!killed) failure ??= new Error(`${url}: ${res.status} ${await res.text()}`);
        } catch (error) {
          if (!killed) failure ??= error;
          else failedInFlight++;
        }
        if (acknowledged.length >= KILL_AFTER && !killed) killed = hub?.kill9();
      }
    };
    await Promise.all(Array.from({ length: WORKERS }, worker));
    await killed;
    if (failure) throw failure;
  }, 120_000);

  afterAll(async () => {
    await hub?.stop();
    await database?.close();
    await testDatabase?.drop();
  });

  it('was killed in the middle of the burst', () => {
    expect(hub?.child.signalCode).toBe('SIGKILL');
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER);
    // Requests were still on their way when the process died.
    expect(failedInFlight).toBeGreaterThan(0);
    expect(sent).toBeGreaterThan(acknowledged.length);
  });

  it('holds every acknowledged write after a restart on the same database, with its audit event', async () => {
    hub = await startHubProcess(testDatabase.url);
    const missing: string[] = [];
    const lines = (await (
      await fetch(`${hub.url}${base}/activities/${activityId}/cost-lines`, { headers })
    ).json()) as {
      items: { id: string }[];
    };
    const lineIds = new Set(lines.items.map((l) => l.id));
    for (const { kind: written, id } of acknowledged) {
      if (written === 'cost_line') {
        if (!lineIds.has(id)) missing.push(`cost line ${id}`);
        continue;
      }
      const path = written === 'cluster' ? 'clusters' : 'organisations';
      const res = await fetch(`${hub.url}${base}/${path}/${id}`, { headers });
      if (res.status !== 200) missing.push(`${written} ${id}: ${res.status}`);
    }
    expect(missing).toEqual([]);
    const audited = await database.db
      .selectFrom('audit_event')
      .select('entity_id')
      .where(
        'entity_id',
        'in',
        acknowledged.map((a) => a.id),
      )
      .where('action', '=', 'create')
      .execute();
    expect(new Set(audited.map((a) => a.entity_id)).size).toBe(acknowledged.length);
    const stored = await database.db
      .selectFrom('audit_event')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', 'create')
      .where('entity_type', 'in', ['cluster', 'organisation', 'cost_line'])
      .executeTakeFirstOrThrow();
    console.info(
      `kill -9 on ${kind}: ${sent} creates sent by ${WORKERS} clients, ${acknowledged.length} acknowledged and all found after the restart; ${failedInFlight} cut off by the kill; ${Number(stored.n) - 1 - acknowledged.length} written but never acknowledged`,
    );
  });

  it('keeps a sound database: nothing half-written', async () => {
    if (kind === 'sqlite') {
      const { rows } = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(database.db);
      expect(rows).toEqual([{ integrity_check: 'ok' }]);
    }
    // Every record written in the burst has its audit event, acknowledged or not (one transaction).
    for (const table of ['cluster', 'organisation', 'cost_line'] as const) {
      const orphans = await database.db
        .selectFrom(table)
        .select('id')
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('audit_event').select('id').whereRef('audit_event.entity_id', '=', `${table}.id`),
            ),
          ),
        )
        .execute();
      expect(orphans, table).toEqual([]);
    }
  });
});
