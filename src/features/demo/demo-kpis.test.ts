import { describe, expect, it } from 'vitest';
import { demoKpis } from './demo-kpis.ts';
import { demoPlanning } from './demo-planning.ts';

describe('demoKpis', () => {
  const programme = demoPlanning('2026-12-04');
  const { targets, entries, attendance } = demoKpis(programme.plans, programme.activities);

  it('should give every plan a target of the activities it will hold (cancelled ones left out)', () => {
    const planTargets = targets.filter((t) => t.plan !== undefined);
    expect(planTargets).toHaveLength(programme.plans.length);
    for (const target of planTargets) {
      const held = programme.activities.filter((a) => a.plan === target.plan && a.status !== 'cancelled');
      expect(target).toMatchObject({ instrumentKey: null, kpiKey: 'held_activities', value: held.length });
    }
  });

  it('should enter values only for done activities and only for KPIs no rule derives', () => {
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) {
      expect(programme.activities[entry.activity]?.status).toBe('done');
      expect(['trainings', 'participants', 'members_participating']).not.toContain(entry.kpiKey);
    }
  });

  it('should keep one participant in four or more away, and nobody else', () => {
    for (const { activity, present } of attendance) {
      const expected = programme.activities[activity]?.participants ?? 0;
      expect(present).toBe(expected >= 4 ? expected - 1 : expected);
    }
  });

  it('should be the same on every run', () => {
    expect(demoKpis(programme.plans, programme.activities)).toEqual({ targets, entries, attendance });
  });
});
