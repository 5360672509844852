import { D42_INSTRUMENTS } from '../../domain/catalogue/instruments.ts';
import type { KpiDefinition } from '../../domain/catalogue/types.ts';
import { seededRandom } from '../../domain/random.ts';
import { ruleFor } from '../kpis/rules/index.ts';
import type { DemoActivity, DemoPlan } from './demo-planning.ts';

/**
 * The demo programme's KPI targets and evidence (pure; written by `seed-demo-kpis.ts`): each
 * activity gets a target for its count, rating and percentage KPIs and for the participants
 * expected, each plan a target of activities held; done activities get their attendance (one
 * participant in four or more stays away) and the values a coordinator would enter after the
 * event, landing around the target (60–130 %), so the dashboard shows KPIs both met and behind.
 */

export interface DemoTarget {
  /** Index into the programme's activities, or into its plans for a plan target. */
  activity?: number;
  plan?: number;
  /** Plan targets: the instrument; null for a Hub-wide KPI. */
  instrumentKey?: string | null;
  kpiKey: string;
  value: number;
}

export interface DemoEntry {
  activity: number;
  kpiKey: string;
  value: number | string;
  comment: string;
}

export interface DemoAttendance {
  activity: number;
  /** How many of the activity's participants were there (the others stayed away). */
  present: number;
}

/** What a typical activity aims at, per KPI (counts); 5 when not listed. */
const TYPICAL: Record<string, number> = {
  trainings: 1,
  promotional_material_shared: 300,
  social_media_website_analytics: 2_500,
  contacts_mapped: 20,
  potential_partners_estimated: 6,
  subscribers: 150,
  contacts: 30,
  communication_initiatives: 4,
  products_sold: 2,
  new_contacts: 25,
  new_partners: 3,
  people_informed_about_products: 400,
  collaborations_sustained: 3,
  common_projects_completed: 1,
  stakeholder_diversity: 4,
};

const TEXTS: Record<string, string[]> = {
  remarks_on_visited_market: [
    'Integrators want European suppliers with flight heritage; export licences are the first question asked.',
    'Strong interest in ground-segment services; a local partner is needed for public tenders.',
    'Agencies favour joint proposals with a local university; follow-up visit recommended next year.',
  ],
  new_knowledge_acquired: [
    'Procurement runs through two prime contractors; certification (AS9100) is expected from all suppliers.',
    'Downstream demand is led by agriculture and insurance; prices are 20–30 % below European levels.',
  ],
};

const COMMENTS = [
  'From the post-event survey',
  'Reported by the cluster manager',
  'Counted from the follow-up e-mails',
];

const kpisOf = new Map<string, readonly KpiDefinition[]>(D42_INSTRUMENTS.map((i) => [i.key, i.kpis]));

export function demoKpis(
  plans: readonly DemoPlan[],
  activities: readonly DemoActivity[],
): { targets: DemoTarget[]; entries: DemoEntry[]; attendance: DemoAttendance[] } {
  const random = seededRandom(55);
  const targets: DemoTarget[] = [];
  const entries: DemoEntry[] = [];
  const attendance: DemoAttendance[] = [];

  plans.forEach((_, plan) => {
    const held = activities.filter((a) => a.plan === plan && a.status !== 'cancelled').length;
    if (held > 0) targets.push({ plan, instrumentKey: null, kpiKey: 'held_activities', value: held });
  });

  activities.forEach((activity, index) => {
    if (activity.status === 'cancelled') return;
    const done = activity.status === 'done';
    if (activity.participants > 0) {
      targets.push({ activity: index, kpiKey: 'present_participants', value: activity.participants });
      if (done) {
        const absent = activity.participants >= 4 ? 1 : 0;
        attendance.push({ activity: index, present: activity.participants - absent });
      }
    }
    for (const kpi of kpisOf.get(activity.instrumentKey) ?? []) {
      const derived = ruleFor(activity.instrumentKey, kpi.key) !== undefined;
      const target = targetOf(kpi);
      if (target !== null) targets.push({ activity: index, kpiKey: kpi.key, value: target });
      if (!done || derived) continue;
      const value = enteredValue(kpi, target, random);
      entries.push({
        activity: index,
        kpiKey: kpi.key,
        value,
        comment: COMMENTS[index % COMMENTS.length] as string,
      });
    }
  });
  return { targets, entries, attendance };
}

function targetOf(kpi: KpiDefinition): number | null {
  switch (kpi.kind) {
    case 'count':
      return TYPICAL[kpi.key] ?? 5;
    case 'rating':
      return 4;
    case 'percent':
      return 60;
    case 'money':
      return 50_000;
    case 'text':
      return null;
  }
}

function enteredValue(kpi: KpiDefinition, target: number | null, random: () => number): number | string {
  if (kpi.kind === 'text') {
    const texts = TEXTS[kpi.key] ?? ['Held as planned; notes in the activity’s outcome.'];
    return texts[Math.floor(random() * texts.length)] as string;
  }
  if (kpi.kind === 'rating') return Math.round((3 + random() * 2) * 2) / 2;
  if (kpi.kind === 'percent') return Math.round(40 + random() * 50);
  const value = (target ?? 5) * (0.6 + random() * 0.7);
  return kpi.kind === 'money' ? Math.round(value * 100) / 100 : Math.max(0, Math.round(value));
}
