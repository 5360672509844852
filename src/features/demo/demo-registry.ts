import { seededRandom } from '../../domain/random.ts';
import { normaliseOrganisationName } from '../../domain/registry/duplicates.ts';
import type { OrganisationValues } from '../organisations/repository.ts';
import {
  EXPORT_EXPERIENCE,
  MELCA_FIELDS,
  ORGANISATION_SIZES,
  SPACE_SEGMENTS,
  type SpaceSegment,
} from '../organisations/schema.ts';
import type { PersonValues } from '../people/repository.ts';

/**
 * The demo consortium's member organisations and people: invented names, generated from word
 * lists by a PRNG with a fixed seed, so every fresh install shows the same registry.
 */

const DEMO_TARGET_MARKETS = ['CN', 'AE', 'CA', 'CO', 'CL', 'JP', 'US', 'BR', 'IN'] as const;

const NAME_STARTS = [
  'Astra',
  'Orbi',
  'Helio',
  'Nova',
  'Stella',
  'Terra',
  'Aether',
  'Geo',
  'Lumen',
  'Vega',
  'Sirius',
  'Polaris',
  'Cosmo',
  'Zenith',
  'Quasar',
  'Altair',
  'Meridian',
  'Perigee',
  'Apogee',
  'Corona',
];
const NAME_ENDS = [
  'Dynamics',
  'Systems',
  'Labs',
  'Analytics',
  'Robotics',
  'Telecom',
  'Navigation',
  'Sensing',
  'Propulsion',
  'Geomatics',
  'Photonics',
  'Data',
  'Space',
  'Orbital',
  'Instruments',
];
const LEGAL_FORM: Record<string, string> = {
  BE: 'SRL',
  FR: 'SAS',
  GR: 'IKE',
  IT: 'S.r.l.',
  PL: 'Sp. z o.o.',
  ES: 'S.L.',
};
const RESEARCH_NAMES = [
  'Institute for Space Applications',
  'Centre for Orbital Research',
  'Space Systems Laboratory',
  'Remote Sensing Institute',
  'Aerospace Technology Centre',
];

const OFFERS: Record<SpaceSegment, { text: string; tags: string[] }> = {
  earth_observation: {
    text: 'Satellite image processing and change detection',
    tags: ['image processing', 'change detection'],
  },
  satcom: {
    text: 'Ka-band terminals and satellite connectivity for remote sites',
    tags: ['ka-band', 'connectivity'],
  },
  navigation: { text: 'High-accuracy GNSS positioning and timing', tags: ['gnss', 'precise positioning'] },
  launch: {
    text: 'Launch brokerage and payload integration',
    tags: ['launch services', 'payload integration'],
  },
  ground_segment: {
    text: 'Ground station software and antenna operations',
    tags: ['ground station', 'mission control'],
  },
  downstream_applications: {
    text: 'Web applications turning space data into decisions',
    tags: ['saas', 'dashboards'],
  },
  space_science: {
    text: 'Scientific instruments and calibration services',
    tags: ['instruments', 'calibration'],
  },
  in_orbit_services: {
    text: 'In-orbit inspection and debris-removal concepts',
    tags: ['inspection', 'debris removal'],
  },
};
const REQUESTS = [
  { text: 'Distribution partners in the target market', tags: ['distributors'] },
  { text: 'Pilot customers among public agencies', tags: ['pilot customers', 'public sector'] },
  { text: 'Co-development partners for a joint project', tags: ['co-development'] },
  { text: 'Investors for a seed or series A round', tags: ['investment'] },
  { text: 'Local system integrators', tags: ['integrators'] },
  { text: 'Access to ground stations abroad', tags: ['ground stations'] },
];

const FIRST_NAMES = [
  'Ana',
  'Luca',
  'Sofia',
  'Jan',
  'Eleni',
  'Marc',
  'Zofia',
  'Pablo',
  'Chiara',
  'Nikos',
  'Camille',
  'Piotr',
  'Lucía',
  'Thomas',
  'Giulia',
  'Katarzyna',
  'Dimitris',
  'Élodie',
  'Javier',
  'Lotte',
];
const LAST_NAMES = [
  'Peeters',
  'Rossi',
  'García',
  'Nowak',
  'Papadopoulos',
  'Martin',
  'Bianchi',
  'Kowalski',
  'López',
  'Dubois',
  'Janssens',
  'Georgiou',
  'Ricci',
  'Wiśniewska',
  'Moreau',
  'Fernández',
];
const ROLE_TITLES = [
  'CEO',
  'CTO',
  'Business developer',
  'Export manager',
  'Project manager',
  'Head of sales',
];

/** The slug of a name for invented e-mail domains: ASCII, lower-case, dashes. */
function slugOf(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ł/g, 'l')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export interface DemoCluster {
  short_name: string;
  country: string;
  city: string;
}

export interface DemoOrganisation {
  clusterShortName: string;
  values: Omit<OrganisationValues, 'cluster_id'>;
}

export interface DemoPerson {
  /** Index into the organisations. */
  organisation: number;
  values: Omit<PersonValues, 'organisation_id'>;
}

/**
 * About 60 organisations spread over the clusters and about 80 people, the same on every call.
 *
 * @example
 * const { organisations, people } = demoRegistry(DEMO_CLUSTERS, '2026-01-01T00:00:00.000Z');
 */
export function demoRegistry(
  clusters: readonly DemoCluster[],
  now: string,
  counts = { organisations: 60, people: 80 },
): { organisations: DemoOrganisation[]; people: DemoPerson[] } {
  const random = seededRandom(20_260_101);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const some = <T>(list: readonly T[], min: number, max: number): T[] => {
    const count = min + Math.floor(random() * (max - min + 1));
    const pool = [...list];
    const chosen: T[] = [];
    while (chosen.length < count && pool.length > 0)
      chosen.push(pool.splice(Math.floor(random() * pool.length), 1)[0] as T);
    return chosen;
  };

  const organisations: DemoOrganisation[] = [];
  const usedNames = new Set<string>();
  for (let i = 0; i < counts.organisations; i++) {
    const cluster = clusters[i % clusters.length] as DemoCluster;
    const research = i % 10 === 7;
    let base = '';
    do {
      base = research ? `${pick(RESEARCH_NAMES)} ${cluster.city}` : `${pick(NAME_STARTS)} ${pick(NAME_ENDS)}`;
    } while (usedNames.has(normaliseOrganisationName(base)));
    usedNames.add(normaliseOrganisationName(base));
    const name = research ? base : `${base} ${LEGAL_FORM[cluster.country] ?? 'Ltd'}`;
    const segments = some(SPACE_SEGMENTS, 1, 3);
    const request = pick(REQUESTS);
    const type = research
      ? i % 20 === 7
        ? 'university'
        : 'rd_centre'
      : i % 9 === 4
        ? 'large_company'
        : 'sme';
    organisations.push({
      clusterShortName: cluster.short_name,
      values: {
        name,
        normalised_name: normaliseOrganisationName(name),
        type,
        size: type === 'large_company' ? 'large' : pick(ORGANISATION_SIZES.slice(0, 3)),
        country: cluster.country,
        city: cluster.city,
        website: `https://www.${slugOf(base)}.example`,
        registration_id: `${cluster.country}${String(100_000_000 + i * 7_919).padStart(10, '0')}`,
        space_segments: JSON.stringify(segments),
        melca: JSON.stringify(some(MELCA_FIELDS, 0, 2)),
        offers: segments.map((segment) => OFFERS[segment].text).join('. '),
        offer_tags: JSON.stringify(segments.flatMap((segment) => OFFERS[segment].tags)),
        requests: request.text,
        request_tags: JSON.stringify(request.tags),
        target_market_interests: JSON.stringify(some(DEMO_TARGET_MARKETS, 1, 3)),
        export_experience: pick(EXPORT_EXPERIENCE),
      },
    });
  }

  const people: DemoPerson[] = [];
  const usedEmails = new Set<string>();
  for (let i = 0; i < counts.people; i++) {
    // Every organisation gets one person, then the rest go to the first ones again.
    const organisation = i % organisations.length;
    const domain = slugOf((organisations[organisation] as DemoOrganisation).values.name.replace(/ \S+$/, ''));
    let first = '';
    let last = '';
    let email = '';
    do {
      first = pick(FIRST_NAMES);
      last = pick(LAST_NAMES);
      email = `${slugOf(first)}.${slugOf(last)}@${domain}.example`;
    } while (usedEmails.has(email));
    usedEmails.add(email);
    const consent = random() < 0.8;
    people.push({
      organisation,
      values: {
        name: `${first} ${last}`,
        email,
        phone: `+${30 + (i % 20)} ${String(600_000_000 + i * 1_337).slice(0, 9)}`,
        role_title: pick(ROLE_TITLES),
        consent: consent ? 1 : 0,
        consent_at: consent ? now : null,
      },
    });
  }
  return { organisations, people };
}
