import { describe, expect, it } from 'vitest';
import { pdfText } from '../../../test/support/report-files.ts';
import type { Agenda } from './agenda.ts';
import { eventGridSvg } from './grid.ts';
import { renderAgendasPdf, renderTableCardsPdf } from './pdf.ts';

const agenda = (over: Partial<Agenda> = {}): Agenda => ({
  event: {
    id: 'e1',
    title: 'Space Days Kraków',
    timeZone: 'Europe/Warsaw',
    format: 'in_person',
    venue: 'ICE Kraków',
    publishedAt: '2026-03-01T10:00:00.000Z',
    agendaRevision: 2,
  },
  participant: { id: 'p1', name: 'Żuraw Orbital', status: 'approved' },
  published: true,
  meetings: [
    {
      id: 'm1',
      startsAt: '2026-03-10T08:00:00.000Z',
      endsAt: '2026-03-10T08:30:00.000Z',
      day: '2026-03-10',
      startTime: '09:00',
      endTime: '09:30',
      status: 'scheduled',
      table: { number: 4, name: 'Table 4' },
      videoLink: null,
      counterpart: {
        id: 'p2',
        name: 'Ελληνική Διαστημική',
        country: 'GR',
        city: 'Αθήνα',
        website: null,
        organisationType: 'company',
        description: 'Small satellites for maritime surveillance.',
        offers: 'AIS payloads',
        lookingFor: 'Launch partners',
        tags: [],
        representatives: [{ name: 'Νίκος Παπαδόπουλος', roleTitle: 'CEO' }],
      },
    },
    {
      id: 'm2',
      startsAt: '2026-03-10T08:30:00.000Z',
      endsAt: '2026-03-10T09:00:00.000Z',
      day: '2026-03-10',
      startTime: '09:30',
      endTime: '10:00',
      status: 'cancelled',
      table: null,
      videoLink: 'https://meet.example.test/r1',
      counterpart: {
        id: 'p3',
        name: 'Société Spatiale',
        country: 'FR',
        city: null,
        website: null,
        organisationType: 'company',
        description: '',
        offers: '',
        lookingFor: '',
        tags: [],
        representatives: [],
      },
    },
  ],
  checkInUrl: 'https://hub.example.test/w/ws/events/e1/check-in/abc',
  checkInQrSvg: '',
  ...over,
});

// PDF rendering parses the Noto fonts: seconds on a loaded machine.
describe('agenda files', { timeout: 60_000 }, () => {
  it("renders the agenda PDF with local times, tables, the counterpart's profile in Greek and Polish letters", async () => {
    const text = await pdfText(await renderAgendasPdf('Agendas', [agenda()]));
    expect(text).toContain('Space Days Kraków');
    expect(text).toContain('Agenda of Żuraw Orbital');
    expect(text).toContain('09:00–09:30');
    expect(text).toContain('Ελληνική Διαστημική');
    expect(text).toContain('Table 4');
    expect(text).toContain('Offers: AIS payloads');
    expect(text).toContain('Looking for: Launch partners');
    expect(text).toContain('Νίκος Παπαδόπουλος (CEO)');
    expect(text).toContain('Cancelled');
    expect(text).toContain('Video: https://meet.example.test/r1');
    expect(text).toContain('Times in Europe/Warsaw');
  });

  it('says the agenda comes with the publication when the schedule is not published', async () => {
    const text = await pdfText(
      await renderAgendasPdf('Agendas', [agenda({ published: false, meetings: [] })]),
    );
    expect(text).toContain('The agenda appears when the organisers publish the schedule.');
  });

  it('prints one card per table with its number and reserved participant', async () => {
    const text = await pdfText(
      await renderTableCardsPdf('Space Days', [
        { number: 1, name: 'Window', reservedFor: null },
        { number: 2, name: 'Table 2', reservedFor: 'Ελληνική Διαστημική' },
      ]),
    );
    expect(text).toContain('Window');
    expect(text).toContain('Reserved for Ελληνική Διαστημική');
  });

  it('draws the grid: slots down, tables across, both names in a cell, an Online column, cancelled left out', () => {
    const grid = eventGridSvg({
      title: 'Space <Days>',
      timeZone: 'Europe/Brussels',
      slots: [{ startsAt: '2026-03-10T08:00:00.000Z' }, { startsAt: '2026-03-10T08:30:00.000Z' }],
      tables: [{ id: 't1', number: 1, name: 'Table 1' }],
      meetings: [
        { startsAt: '2026-03-10T08:00:00.000Z', tableId: 't1', names: ['A & Co', 'B'], cancelled: false },
        { startsAt: '2026-03-10T08:30:00.000Z', tableId: null, names: ['C', 'D'], cancelled: false },
        { startsAt: '2026-03-10T08:30:00.000Z', tableId: 't1', names: ['Gone', 'Away'], cancelled: true },
      ],
    });
    expect(grid.svg).toContain('Space &lt;Days&gt;');
    expect(grid.svg).toContain('A &amp; Co');
    expect(grid.svg).toContain('>Online<');
    expect(grid.svg).toContain('03-10 09:00');
    expect(grid.svg).toContain('>09:30<');
    expect(grid.svg).not.toContain('Gone');
  });
});
