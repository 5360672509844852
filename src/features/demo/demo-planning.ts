import { addDays, daysBetween } from '../../domain/dates.ts';
import type {
  ActivityStatus,
  EstimateParameters,
  FundingSource,
  MarketPriority,
  MarketStatus,
} from '../../domain/planning/types.ts';
import { seededRandom } from '../../domain/random.ts';

/**
 * The demo consortium's programme: five target markets, one two-year plan each, and activities of
 * the D4.2 instruments spread over the plans, dated around "today" so a fresh install shows done
 * activities with actual costs, confirmed ones coming up, and planned ones later. Pure and
 * deterministic for one `today` (a PRNG with a fixed seed); `seed-demo.ts` writes it.
 */

export interface DemoMarket {
  name: string;
  country: string;
  city: string;
  segments: string[];
  priority: MarketPriority;
  status: MarketStatus;
  ownerCluster: string;
  rationale: string;
  findings: string;
  /** The local partners met there, in their own script (the reports print them: decision 0024). */
  localPartners?: string;
}

export interface DemoPlan {
  market: number;
  name: string;
  startsOn: string;
  endsOn: string;
  budgetCapEur: number;
  status: 'draft' | 'approved' | 'active' | 'closed';
  instruments: { key: string; rationale: string }[];
}

export interface DemoActivity {
  plan: number;
  instrumentKey: string;
  title: string;
  startsOn: string;
  endsOn: string;
  city: string;
  country: string;
  cluster: string;
  status: ActivityStatus;
  outcomeNotes: string;
  parameters: EstimateParameters;
  fundingSource: FundingSource;
  /** Manual planned lines for instruments whose D4.2 model gives no figure (EUR). */
  extraPlanned: {
    category: 'stand_room_rental' | 'travel' | 'marketing_material' | 'external_services';
    description: string;
    amountEur: number;
  }[];
  /** How many member organisations interested in the market take part. */
  participants: number;
}

const MARKETS: DemoMarket[] = [
  {
    name: 'China — Earth observation downstream',
    country: 'CN',
    city: 'Shanghai',
    segments: ['earth_observation', 'downstream_applications'],
    priority: 'high',
    status: 'active',
    ownerCluster: 'OVS',
    rationale:
      'Fast-growing demand for EO-based agriculture and city services; members hold proven products.',
    findings: '',
    localPartners: '中国航天科技集团 (CASC) · 航天宏图 (PIESAT)',
  },
  {
    name: 'United Arab Emirates — satcom and ground segment',
    country: 'AE',
    city: 'Abu Dhabi',
    segments: ['satcom', 'ground_segment'],
    priority: 'high',
    status: 'active',
    ownerCluster: 'TSD',
    rationale: 'National space programmes buying ground stations and satcom terminals; open to EU suppliers.',
    findings: '',
  },
  {
    name: 'Canada — in-orbit services',
    country: 'CA',
    city: 'Montreal',
    segments: ['in_orbit_services', 'space_science'],
    priority: 'medium',
    status: 'active',
    ownerCluster: 'BSN',
    rationale:
      'Strong robotics and in-orbit servicing ecosystem; EU–Canada cooperation agreement eases access.',
    findings: '',
  },
  {
    name: 'Colombia — navigation for agriculture',
    country: 'CO',
    city: 'Bogotá',
    segments: ['navigation', 'downstream_applications'],
    priority: 'medium',
    status: 'exploring',
    ownerCluster: 'MSH',
    rationale: 'Precision agriculture needs GNSS services; Spanish-speaking members can lead.',
    findings: '',
  },
  {
    name: 'Chile — astronomy and space science',
    country: 'CL',
    city: 'Santiago',
    segments: ['space_science', 'ground_segment'],
    priority: 'low',
    status: 'exploring',
    ownerCluster: 'PSA',
    rationale: 'World-class observatories; niche for instrument makers and data-processing SMEs.',
    findings: '',
  },
];

interface Template {
  instrumentKey: string;
  title: (m: DemoMarket) => string;
  /** Days the activity lasts (1 = a single day). */
  days: number;
  /** true: at home (the cluster's city); false: in the market. */
  atHome: boolean;
  parameters: (m: DemoMarket, r: () => number) => EstimateParameters;
  fundingSource: FundingSource;
  extraPlanned?: DemoActivity['extraPlanned'];
  participants: number;
}

const TEMPLATES: Template[] = [
  {
    instrumentKey: 'training-to-go-international',
    title: (m) => `Export readiness training for ${countryLabel(m)}`,
    days: 2,
    atHome: true,
    parameters: () => ({ units: 2 }),
    fundingSource: 'eu_programme',
    participants: 6,
  },
  {
    instrumentKey: 'branding-toolkits',
    title: (m) => `Branding toolkit for ${countryLabel(m)}`,
    days: 40,
    atHome: true,
    parameters: () => ({ units: 1 }),
    fundingSource: 'cluster',
    participants: 4,
  },
  {
    instrumentKey: 'study-visits',
    title: (m) => `Study visit to ${m.city}`,
    days: 5,
    atHome: false,
    parameters: (m, r) => ({
      units: 1,
      travellers: 2 + Math.floor(r() * 2),
      nights: 4,
      destination: m.country,
    }),
    fundingSource: 'eu_programme',
    participants: 3,
  },
  {
    instrumentKey: 'newsletter',
    title: (m) => `Market newsletter: ${countryLabel(m)}`,
    days: 365,
    atHome: true,
    parameters: () => ({ months: 12 }),
    fundingSource: 'cluster',
    participants: 0,
  },
  {
    instrumentKey: 'matchmaking-events',
    title: (m) => `B2B matchmaking in ${m.city}${m.localPartners ? ` with ${m.localPartners}` : ''}`,
    days: 2,
    atHome: false,
    parameters: (_m, r) => ({ entities: 5 + Math.floor(r() * 4) }),
    fundingSource: 'member_self_funding',
    participants: 5,
  },
  {
    instrumentKey: 'trade-fairs',
    title: (m) => `Partnership stand at a space fair in ${m.city}`,
    days: 4,
    atHome: false,
    parameters: () => ({}),
    fundingSource: 'national_regional',
    extraPlanned: [
      { category: 'stand_room_rental', description: 'Shared stand, 36 m²', amountEur: 14_400 },
      { category: 'travel', description: 'Travel and stay of two cluster staff', amountEur: 5_200 },
      { category: 'marketing_material', description: 'Brochures and roll-ups', amountEur: 1_800 },
    ],
    participants: 5,
  },
  {
    instrumentKey: 'mentoring-follow-up',
    title: (m) => `Mentoring of members entering ${countryLabel(m)}`,
    days: 365,
    atHome: true,
    parameters: () => ({ months: 12 }),
    fundingSource: 'eu_programme',
    participants: 3,
  },
  {
    instrumentKey: 'market-surveys-study',
    title: (m) => `Market study: ${countryLabel(m)}`,
    days: 60,
    atHome: true,
    parameters: () => ({}),
    fundingSource: 'eu_programme',
    extraPlanned: [
      { category: 'external_services', description: 'Local consultancy desk research', amountEur: 9_500 },
    ],
    participants: 0,
  },
];

/** Which templates each market's plan uses, in order over the two years. */
const PLAN_TEMPLATES: number[][] = [
  [0, 7, 1, 2, 3, 4, 5, 6, 4, 2],
  [0, 1, 2, 4, 5, 6, 3, 4, 2],
  [7, 0, 2, 3, 4, 6, 5, 2],
  [7, 0, 1, 2, 4, 3, 6],
  [7, 0, 2, 3, 4, 5],
];

const CAPS_EUR = [180_000, 150_000, 110_000, 90_000, 60_000];

/** The whole demo programme for a fresh install on `today` (`YYYY-MM-DD`). */
export function demoPlanning(today: string): {
  markets: DemoMarket[];
  plans: DemoPlan[];
  activities: DemoActivity[];
} {
  const random = seededRandom(4_2);
  const year = Number(today.slice(0, 4));
  // Two years: the current one and the next, so half the programme is behind, half ahead.
  const startsOn = `${year}-01-01`;
  const endsOn = `${year + 1}-12-31`;
  const plans: DemoPlan[] = MARKETS.map((market, index) => ({
    market: index,
    name: `${countryLabel(market)} ${year}–${year + 1}`,
    startsOn,
    endsOn,
    budgetCapEur: CAPS_EUR[index] ?? 50_000,
    status: market.status === 'active' ? 'active' : 'approved',
    instruments: [
      ...new Set((PLAN_TEMPLATES[index] ?? []).map((t) => TEMPLATES[t]?.instrumentKey ?? '')),
    ].map((key) => ({ key, rationale: RATIONALES[key] ?? '' })),
  }));

  const activities: DemoActivity[] = [];
  const span = daysBetween(startsOn, endsOn) + 1;
  MARKETS.forEach((market, planIndex) => {
    const templates = PLAN_TEMPLATES[planIndex] ?? [];
    templates.forEach((templateIndex, order) => {
      const template = TEMPLATES[templateIndex] as Template;
      // Spread evenly over the plan, a few weeks of jitter, always inside the period.
      const slot = Math.floor(((order + 0.2 + random() * 0.6) / templates.length) * span);
      const start = addDays(startsOn, Math.min(slot, span - template.days));
      const end = addDays(start, template.days - 1);
      const status: ActivityStatus =
        end < today ? 'done' : start <= addDays(today, 60) ? 'confirmed' : 'planned';
      activities.push({
        plan: planIndex,
        instrumentKey: template.instrumentKey,
        title: template.title(market),
        startsOn: start,
        endsOn: end > endsOn ? endsOn : end,
        city: template.atHome ? '' : market.city,
        country: template.atHome ? '' : market.country,
        cluster: market.ownerCluster,
        status,
        outcomeNotes: status === 'done' ? (OUTCOMES[template.instrumentKey] ?? 'Held as planned.') : '',
        parameters: template.parameters(market, random),
        fundingSource: template.fundingSource,
        extraPlanned: template.extraPlanned ?? [],
        participants: template.participants,
      });
    });
  });
  // One cancelled activity, as real programmes have: the last planned trade fair.
  const cancelled = activities.findLast((a) => a.instrumentKey === 'trade-fairs' && a.status === 'planned');
  if (cancelled) {
    cancelled.status = 'cancelled';
    cancelled.outcomeNotes = 'Cancelled: the fair moved to the following year.';
  }
  return { markets: MARKETS, plans, activities };
}

/** How far actual spending lands from the plan for a done activity: 80–115 %. */
export function demoActualFactor(random: () => number): number {
  return 0.8 + random() * 0.35;
}

const RATIONALES: Record<string, string> = {
  'training-to-go-international': 'Members new to the market learn its rules before any mission.',
  'branding-toolkits': 'One consistent partnership brand for the market.',
  'study-visits': 'See the market and meet its agencies before bringing members.',
  newsletter: 'Keep members informed of tenders and events every month.',
  'matchmaking-events': 'Meet pre-qualified buyers in two days.',
  'trade-fairs': 'Visibility at the market’s main space fair.',
  'mentoring-follow-up': 'Turn first contacts into contracts.',
  'market-surveys-study': 'Confirm demand and competitors before committing.',
};

const OUTCOMES: Record<string, string> = {
  'training-to-go-international': 'Twelve people from six members trained; slides shared.',
  'branding-toolkits': 'Toolkit delivered: brochure, slide deck and web page.',
  'study-visits': 'Met the space agency and two integrators; follow-up calls planned.',
  'matchmaking-events': 'Forty meetings held; six members report promising leads.',
  'trade-fairs': 'Stand visited by about 300 people; 45 qualified contacts.',
  'market-surveys-study': 'Study delivered; three segments ranked by potential.',
};

function countryLabel(market: DemoMarket): string {
  return market.name.split(' — ')[0] ?? market.country;
}
