import { describe, expect, it } from 'vitest';
import type { SearchResultDto } from '../api/types.ts';
import { allHitsTarget, hitCount, hitTarget, searchSections } from './search-results.ts';

const hit = (id: string, label: string, organisationId: string | null = null) => ({
  id,
  label,
  detail: `detail of ${label}`,
  organisationId,
});

const result: SearchResultDto = {
  q: 'orb',
  groups: [
    { kind: 'organisation', items: [hit('o1', 'Orbita'), hit('o2', 'NewOrbit')], more: true },
    { kind: 'person', items: [hit('p1', 'Ines', 'o1'), hit('p2', 'Zed')], more: false },
    { kind: 'market', items: [], more: false },
    { kind: 'plan', items: [hit('pl1', 'Orbit 2026')], more: true },
    { kind: 'activity', items: [hit('a1', 'Orbit forum')], more: false },
  ],
};

describe('searchSections', () => {
  const sections = searchSections('demo', result);

  it('keeps the kinds that found something, in order, labelled in words', () => {
    expect(sections.map((s) => [s.kind, s.label])).toEqual([
      ['organisation', 'Members'],
      ['person', 'People'],
      ['plan', 'Plans'],
      ['activity', 'Activities'],
    ]);
  });

  it('adds a "see all" line where more match and a list can show them', () => {
    const members = sections[0]?.entries ?? [];
    expect(members.map((e) => [e.label, e.more])).toEqual([
      ['Orbita', false],
      ['NewOrbit', false],
      ['All members matching “orb”', true],
    ]);
    expect(members[2]?.target).toEqual({
      to: '/w/$workspace/members',
      params: { workspace: 'demo' },
      search: { q: 'orb' },
    });
    // Plans have no list of their own: no "see all" line.
    expect(sections[2]?.entries.map((e) => e.more)).toEqual([false]);
  });

  it('gives every entry a unique key and counts records, not "see all" lines', () => {
    const keys = sections.flatMap((s) => s.entries.map((e) => e.key));
    expect(new Set(keys).size).toBe(keys.length);
    expect(hitCount(sections)).toBe(6);
  });
});

describe('hitTarget', () => {
  it("opens a record's page; a person's is their organisation's page, else the people list", () => {
    expect(hitTarget('demo', 'organisation', hit('o1', 'Orbita'))).toEqual({
      to: '/w/$workspace/members/$id',
      params: { workspace: 'demo', id: 'o1' },
    });
    expect(hitTarget('demo', 'person', hit('p1', 'Ines', 'o1'))).toEqual({
      to: '/w/$workspace/members/$id',
      params: { workspace: 'demo', id: 'o1' },
    });
    expect(hitTarget('demo', 'person', hit('p2', 'Zed'))).toEqual({
      to: '/w/$workspace/people',
      params: { workspace: 'demo' },
      search: { q: 'Zed' },
    });
    expect(hitTarget('demo', 'market', hit('m1', 'Japan'))).toMatchObject({ params: { marketId: 'm1' } });
    expect(hitTarget('demo', 'plan', hit('pl1', 'Plan'))).toMatchObject({ params: { planId: 'pl1' } });
    expect(hitTarget('demo', 'activity', hit('a1', 'Forum'))).toMatchObject({
      params: { activityId: 'a1' },
    });
  });

  it('has no list of every plan', () => {
    expect(allHitsTarget('demo', 'plan', 'x')).toBeNull();
    expect(allHitsTarget('demo', 'activity', 'x')).toMatchObject({ to: '/w/$workspace/activities' });
  });
});
