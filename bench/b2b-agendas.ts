import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createServices } from '../src/app/services.ts';
import { openDatabase } from '../src/db/database.ts';
import { newId, nowIso } from '../src/db/ids.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { pairKey } from '../src/domain/matchmaking/types.ts';
import { EventRefReader } from '../src/features/b2b-events/event-ref.ts';
import { seedCatalogue } from '../src/features/instruments/seed.ts';
import { B2bRows } from '../test/support/b2b-factories.ts';
import { Factory } from '../test/support/factories.ts';
import { formatSpread, writeResult } from './lib/report.ts';
import { numberArg } from './lib/setup.ts';

/**
 * `npm run bench -- b2b-agendas [--participants N] [--runs N] [--combined-only]`: the agenda PDFs of every approved
 * participant of an event (issue 22 figure: 300 participants in under 20 s), through the agenda
 * service, on a fresh SQLite file: 300 participants, 13 rounds of meetings in which everyone meets
 * someone (1,950 meetings, ~13 per participant, 150 tables), each with a profile. Two measures,
 * each `--runs` times: every agenda in one PDF (`GET agendas.pdf`), and one PDF per participant
 * (as `GET agenda.pdf` for each). `--combined-only` measures the first alone (minutes shorter), into
 * `b2b-agendas-combined.md`.
 */

const TARGET_SECONDS = 20;
const ROUNDS = 13;

export async function main(args: string[]): Promise<void> {
  const participantCount = numberArg(args, '--participants', 300);
  const runs = numberArg(args, '--runs', 3);
  const combinedOnly = args.includes('--combined-only');
  const loadavg = os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'space2id-bench-agendas-'));
  const database = openDatabase(path.join(dir, 'bench.db'));
  try {
    const db = database.db;
    await migrateToLatest(db);
    await seedCatalogue(db);
    const services = createServices({ db, mail: { publicUrl: 'https://hub.example.test' } });
    const factory = new Factory(db);
    const b2b = new B2bRows(db);
    const workspace = await factory.workspace('Bench consortium');
    const activity = await factory.activity(workspace.id, null, {
      instrument: '1.2.1',
      title: 'Space Days Bench',
    });
    const event = await b2b.event(workspace.id, activity.id, {
      venue: 'Palais des Congrès, Bruxelles',
      published_at: nowIso(),
      agenda_revision: 1,
    });
    await b2b.session(event.id, { day: '2026-03-10', start_time: '09:00', end_time: '16:00' });
    const tables = await b2b.tables(event.id, participantCount / 2);
    const ids: string[] = [];
    for (let i = 0; i < participantCount; i++) {
      const p = await b2b.participant(workspace.id, event.id, {
        name: `Company ${i + 1} ${i % 3 === 0 ? 'Łódź Space' : i % 3 === 1 ? 'Ελληνική Διαστημική' : 'Orbital'}`,
        country: ['PL', 'GR', 'BE', 'FR', 'IT'][i % 5] as string,
        city: 'Somewhere',
        description:
          'We design and build small satellites and their ground segment, and sell data services. '.repeat(3),
        offers: 'Satellite platforms; ground stations; Earth observation data processing.',
        looking_for:
          'Launch partners, distributors in new markets, and investors for our next constellation.',
      });
      ids.push(p.id);
    }
    // Round robin (circle method): each round pairs everyone once, on distinct tables.
    const now = nowIso();
    const requests: { id: string; from: string; to: string; round: number; table: string }[] = [];
    const ring = [...ids];
    for (let round = 0; round < ROUNDS; round++) {
      for (let k = 0; k < ring.length / 2; k++) {
        requests.push({
          id: newId(),
          from: ring[k] as string,
          to: ring[ring.length - 1 - k] as string,
          round,
          table: tables[k]?.id as string,
        });
      }
      ring.splice(1, 0, ring.pop() as string);
    }
    for (let start = 0; start < requests.length; start += 200) {
      const chunk = requests.slice(start, start + 200);
      await db
        .insertInto('b2b_request')
        .values(
          chunk.map((r) => ({
            id: r.id,
            workspace_id: workspace.id,
            event_id: event.id,
            from_participant_id: r.from,
            to_participant_id: r.to,
            pair_key: pairKey(r.from, r.to),
            meeting_type: 'b2b' as const,
            status: 'accepted' as const,
            origin: 'participant' as const,
            created_at: now,
            updated_at: now,
          })),
        )
        .execute();
      await db
        .insertInto('b2b_meeting')
        .values(
          chunk.map((r) => {
            const startsAt = Date.parse('2026-03-10T08:00:00.000Z') + r.round * 30 * 60_000;
            return {
              id: newId(),
              workspace_id: workspace.id,
              event_id: event.id,
              request_id: r.id,
              slot_starts_at: new Date(startsAt).toISOString(),
              slot_ends_at: new Date(startsAt + 30 * 60_000).toISOString(),
              table_id: r.table,
              published: 1,
              created_at: now,
              updated_at: now,
            };
          }),
        )
        .execute();
    }
    const ref = await new EventRefReader(db).find(workspace.id, event.id);
    const agendas = services.agendas;

    const combined: number[] = [];
    const separate: number[] = [];
    let combinedBytes = 0;
    let separateBytes = 0;
    for (let run = 0; run < runs; run++) {
      let started = performance.now();
      const file = await agendas.allAgendasPdfOf(ref);
      combined.push((performance.now() - started) / 1000);
      combinedBytes = file.content.length;
      if (combinedOnly) {
        console.log(`run ${run + 1}: one PDF ${combined.at(-1)?.toFixed(1)} s`);
        continue;
      }
      started = performance.now();
      const all = await agendas.loadAll(ref);
      let bytes = 0;
      for (const agenda of all) bytes += (await agendas.pdfOf(agenda)).content.length;
      separate.push((performance.now() - started) / 1000);
      separateBytes = bytes;
      console.log(
        `run ${run + 1}: one PDF ${combined.at(-1)?.toFixed(1)} s, ${all.length} PDFs ${separate.at(-1)?.toFixed(1)} s`,
      );
    }
    await services.close();
    const body = `
An event of ${participantCount} approved participants with a profile each, ${requests.length.toLocaleString('en')} meetings
(${ROUNDS} rounds of 30 minutes in which everyone meets someone: ${ROUNDS} meetings per participant) on ${tables.length} tables,
on a fresh SQLite file, through \`AgendaService\` (reading the agendas, the QR codes, drawing with pdfkit and the Noto fonts).
Target (issue 22): the agenda PDFs of all ${participantCount} participants in under ${TARGET_SECONDS} s. Load average when the run
started: ${loadavg} (\`cat /proc/loadavg\`; ${os.cpus().length} cores, shared with other work).

Seconds, median (range) of ${runs} runs:

| Measure | Time | Output |
| --- | --- | --- |
| Every agenda in one PDF (\`GET agendas.pdf\`) | ${formatSpread(combined)} | ${(combinedBytes / 2 ** 20).toFixed(1)} MiB |
${
  combinedOnly
    ? ''
    : `| One PDF per participant (${participantCount} × \`GET agenda.pdf\`) | ${formatSpread(separate)} | ${(separateBytes / 2 ** 20).toFixed(1)} MiB in all |\n`
}
Target met in ${combined.filter((s) => s < TARGET_SECONDS).length} of ${runs} runs (every agenda in one PDF).
`;
    const name = `b2b-agendas${participantCount === 300 ? '' : `-${participantCount}`}${combinedOnly ? '-combined' : ''}`;
    console.log(
      `\nwritten ${writeResult(name, 'B2B event agendas: the PDFs of every participant', body, `npm run bench -- b2b-agendas --runs ${runs}${combinedOnly ? ' --combined-only' : ''}`)}`,
    );
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
