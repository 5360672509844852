import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { type AgendaCalendar, agendaCalendar, escapeText, foldLine } from './icalendar.ts';

const calendar = (over: Partial<AgendaCalendar> = {}): AgendaCalendar => ({
  name: 'Space Days 2026 — Orbital Ltd',
  timeZone: 'Europe/Brussels',
  revision: 3,
  stamp: new Date('2026-02-01T10:00:00Z'),
  meetings: [
    {
      id: 'm-summer',
      startsAt: '2026-07-01T07:00:00.000Z',
      endsAt: '2026-07-01T07:30:00.000Z',
      status: 'scheduled',
      counterpartName: 'Łódź Space, Sp. z o.o.',
      location: 'Table 7 (Window), Palais des Congrès',
      videoUrl: null,
      description: 'Offers: ground stations; antennas. Looking for: a launch partner.',
    },
    {
      id: 'm-winter',
      startsAt: '2026-01-15T08:00:00.000Z',
      endsAt: '2026-01-15T08:30:00.000Z',
      status: 'cancelled',
      counterpartName: 'Ελληνική Διαστημική',
      location: null,
      videoUrl: 'https://meet.example.test/room-1',
      description: `${'Satellite data for agriculture, forestry and fisheries. '.repeat(6)}`,
    },
  ],
  ...over,
});

/** Parses the text with ical.js, registering its VTIMEZONE so TZID times convert. */
function parse(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  for (const vtimezone of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtimezone);
  const events = root.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
  return { root, events };
}

describe('agenda iCalendar', () => {
  it('parses back with ical.js: times in UTC for Brussels in summer (UTC+2) and winter (UTC+1)', () => {
    const { root, events } = parse(agendaCalendar(calendar()));
    expect(root.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(root.getFirstPropertyValue('x-wr-calname')).toBe('Space Days 2026 — Orbital Ltd');
    expect(root.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/Brussels');
    const [summer, winter] = events;
    expect(summer?.uid).toBe('m-summer@space2id-hub');
    expect(summer?.startDate.zone?.tzid).toBe('Europe/Brussels');
    expect(summer?.startDate.hour).toBe(9);
    expect(summer?.startDate.toJSDate().toISOString()).toBe('2026-07-01T07:00:00.000Z');
    expect(summer?.endDate.toJSDate().toISOString()).toBe('2026-07-01T07:30:00.000Z');
    expect(winter?.startDate.hour).toBe(9);
    expect(winter?.startDate.toJSDate().toISOString()).toBe('2026-01-15T08:00:00.000Z');
  });

  it('carries the table in LOCATION, the counterpart in SUMMARY, the revision in SEQUENCE', () => {
    const { events } = parse(agendaCalendar(calendar()));
    const [summer, winter] = events;
    expect(summer?.summary).toBe('Meeting with Łódź Space, Sp. z o.o.');
    expect(summer?.location).toBe('Table 7 (Window), Palais des Congrès');
    expect(summer?.description).toContain('Looking for: a launch partner.');
    expect(summer?.sequence).toBe(3);
    expect(summer?.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(winter?.location).toBe('https://meet.example.test/room-1');
  });

  it('keeps a cancelled meeting as STATUS:CANCELLED', () => {
    const { events } = parse(agendaCalendar(calendar()));
    expect(events[1]?.component.getFirstPropertyValue('status')).toBe('CANCELLED');
  });

  it('folds lines at 75 octets with CRLF, never inside a character, and unfolds to the same text', () => {
    const text = agendaCalendar(calendar());
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    for (const line of text.split('\r\n'))
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(text).toContain('\r\n ');
    const { events } = parse(text);
    expect(events[1]?.description).toBe(calendar().meetings[1]?.description);
    expect(events[1]?.summary).toBe('Meeting with Ελληνική Διαστημική');
    const greek = foldLine(`SUMMARY:${'Δ'.repeat(80)}`);
    for (const line of greek.split('\r\n'))
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(greek.replace(/\r\n /g, '')).toBe(`SUMMARY:${'Δ'.repeat(80)}`);
  });

  it('writes UTC times without a VTIMEZONE for a UTC event', () => {
    const text = agendaCalendar(calendar({ timeZone: 'UTC' }));
    expect(text).not.toContain('BEGIN:VTIMEZONE');
    expect(text).toContain('DTSTART:20260701T070000Z');
    expect(parse(text).events[0]?.startDate.toJSDate().toISOString()).toBe('2026-07-01T07:00:00.000Z');
  });

  it('escapes commas, semicolons, backslashes and newlines', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
  });
});
