import { performance } from 'node:perf_hooks';
import { buildApp } from '../src/app/build-app.ts';
import { openDatabase } from '../src/db/database.ts';
import { newId, nowIso } from '../src/db/ids.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { seedCatalogue } from '../src/features/instruments/seed.ts';
import { BackgroundTasks } from '../src/features/mail/background.ts';
import { percentile, summarize, writeResult } from './lib/report.ts';
import { freshDatabase, numberArg } from './lib/setup.ts';

/**
 * `npm run bench -- b2b-registrations [--count N] [--seconds S]`: N public registrations (default
 * 200) spread evenly over S seconds (default 60) to one open event on a fresh SQLite file, through
 * the whole HTTP stack (`app.inject`, the shared rate-limit store, the confirmation mail to the
 * database outbox after the answer). The rate limit is per client source and e-mail, so each
 * registration comes from its own address (`remoteAddress` 10.x.y.z, as many registrants behind
 * their own connections would). Target (issue 22): 200 a minute without an error.
 */
export async function main(args: string[]): Promise<void> {
  const count = numberArg(args, '--count', 200);
  const seconds = numberArg(args, '--seconds', 60, false);
  const target = await freshDatabase('sqlite', 'registrations');
  const database = openDatabase(target.url);
  const background = new BackgroundTasks((error) => console.error('background task failed', error));
  try {
    await migrateToLatest(database.db);
    await seedCatalogue(database.db);
    const app = await buildApp({ database, background });
    const db = database.db;
    const now = nowIso();
    const workspaceId = newId();
    await db
      .insertInto('workspace')
      .values({ id: workspaceId, slug: 'bench', name: 'Bench consortium', created_at: now, updated_at: now })
      .execute();
    const instrument = await db
      .selectFrom('instrument')
      .select('id')
      .where('code', '=', '1.2.1')
      .where('workspace_id', 'is', null)
      .executeTakeFirstOrThrow();
    const activityId = newId();
    await db
      .insertInto('activity')
      .values({
        id: activityId,
        workspace_id: workspaceId,
        plan_id: null,
        instrument_id: instrument.id,
        title: 'Bench matchmaking',
        starts_on: '2027-03-10',
        ends_on: '2027-03-10',
        city: null,
        country: null,
        cluster_id: null,
        status: 'planned',
        outcome_notes: '',
        estimate_parameters: '{}',
        created_at: now,
        updated_at: now,
      })
      .execute();
    const eventId = newId();
    await db
      .insertInto('b2b_event')
      .values({
        id: eventId,
        workspace_id: workspaceId,
        activity_id: activityId,
        public_slug: 'bench-registrations',
        time_zone: 'Europe/Brussels',
        format: 'in_person',
        slot_minutes: 30,
        status: 'open',
        created_at: now,
        updated_at: now,
      })
      .execute();
    await db
      .insertInto('b2b_session')
      .values({
        id: newId(),
        event_id: eventId,
        name: 'Morning',
        day: '2027-03-10',
        start_time: '09:00',
        end_time: '12:00',
        breaks: '[]',
        created_at: now,
      })
      .execute();

    const latencies: number[] = [];
    const statuses = new Map<number, number>();
    const interval = (seconds * 1000) / count;
    const started = performance.now();
    const pending: Promise<void>[] = [];
    for (let i = 0; i < count; i++) {
      const due = started + i * interval;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const email = `contact-${i}@company${i}.example`;
      const t0 = performance.now();
      pending.push(
        app
          .inject({
            method: 'POST',
            url: '/api/v1/public/events/bench-registrations/registrations',
            remoteAddress: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
            payload: {
              profile: {
                name: `Company ${i}`,
                country: 'JP',
                offers: 'Star trackers, reaction wheels and on-board computers',
                lookingFor: 'System integrators in Europe',
                tags: ['optics', 'aocs'],
                meetingTypes: ['b2b'],
              },
              representatives: [
                { name: `Rep ${i}`, email, role: 'CEO' },
                { name: `Second ${i}`, email: `second-${i}@company${i}.example`, role: 'CTO' },
              ],
              contactName: `Rep ${i}`,
              contactEmail: email,
              consent: true,
              networkConsent: i % 2 === 0,
            },
          })
          .then((res) => {
            latencies.push(performance.now() - t0);
            statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
          }),
      );
    }
    await Promise.all(pending);
    const elapsed = (performance.now() - started) / 1000;
    await background.idle();
    const stored = await db
      .selectFrom('b2b_participant')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('event_id', '=', eventId)
      .executeTakeFirstOrThrow();
    const mails = await db
      .selectFrom('mail_outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    await app.close();
    const spread = summarize(latencies);
    const errors = [...statuses.entries()].filter(([s]) => s !== 202).reduce((n, [, c]) => n + c, 0);
    const body = [
      `${count} registrations sent evenly over ${seconds} s (${((count / elapsed) * 60).toFixed(0)} a minute achieved), each from its own client address (the limit is ${'per address and e-mail'}).`,
      '',
      '| Figure | Value |',
      '| --- | --- |',
      `| Answers | ${[...statuses.entries()].map(([s, c]) => `${c} × ${s}`).join(', ')} |`,
      `| Errors (anything but 202) | ${errors} |`,
      `| Registrations stored | ${Number(stored.n)} |`,
      `| Confirmation mails in the outbox | ${Number(mails.n)} |`,
      `| Latency min / median / p95 / max | ${spread.min.toFixed(1)} / ${spread.median.toFixed(1)} / ${percentile(latencies, 0.95).toFixed(1)} / ${spread.max.toFixed(1)} ms |`,
      '',
      `Target (issue 22): 200 public registrations a minute on SQLite without an error — ${errors === 0 && Number(stored.n) === count ? 'met' : 'NOT met'}.`,
    ].join('\n');
    console.log(body);
    console.log(
      `\nwritten ${writeResult('b2b-registrations', 'B2B events: public registrations a minute on SQLite', body, `npm run bench -- b2b-registrations --count ${count} --seconds ${seconds}`)}`,
    );
  } finally {
    await database.close();
    await target.drop();
  }
}
