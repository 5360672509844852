import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import type { Actor } from '../../domain/access/policy.ts';
import {
  type CONSENT_BASES,
  NETWORK_ORGANISATION_TYPES,
  type NetworkOrganisationType,
} from '../../domain/network/types.ts';
import { websiteDomain } from '../../domain/network/website.ts';
import { seededRandom } from '../../domain/random.ts';
import { normaliseOrganisationName } from '../../domain/registry/duplicates.ts';
import { MELCA_FIELDS, SPACE_SEGMENTS } from '../../domain/registry/types.ts';
import { AuditRepository, diff } from '../audit/repository.ts';
import {
  NetworkOrganisationRepository,
  type NetworkOrganisationValues,
  NetworkPersonRepository,
  type NetworkPersonValues,
} from '../network-registry/repository.ts';
import { NETWORK_ORGANISATION_RECORD, NETWORK_PERSON_RECORD } from '../network-registry/service.ts';

/**
 * The demo's network (issue 21, item 8): about 150 organisations abroad and 300 of their people in
 * the five demo markets' countries (China, the Emirates, Canada, Colombia, Chile), of every type,
 * with invented but plausible names, cities, example.* websites, segments and tags; people with
 * roles, e-mails, languages and mostly a consent. Deterministic: the same network on every start.
 */
const MARKETS: Record<
  string,
  { cities: string[]; languages: string[]; first: string[]; last: string[]; stems: string[] }
> = {
  CN: {
    cities: ['Beijing', 'Shanghai', 'Shenzhen', 'Xi’an', 'Chengdu', 'Wuhan'],
    languages: ['zh', 'zh', 'en'],
    first: ['Wei', 'Li', 'Ming', 'Xiao', 'Jing', 'Hao', 'Yan', 'Lei', 'Fang', 'Jun'],
    last: ['Zhang', 'Wang', 'Chen', 'Liu', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou', 'Sun'],
    stems: ['Huaxing', 'Tianhe', 'Changfeng', 'Xingchen', 'Beidou', 'Longmen', 'Zhiyuan', 'Kunpeng'],
  },
  AE: {
    cities: ['Dubai', 'Abu Dhabi', 'Sharjah', 'Al Ain'],
    languages: ['ar', 'en', 'en'],
    first: ['Ahmed', 'Fatima', 'Omar', 'Mariam', 'Khalid', 'Aisha', 'Rashid', 'Noura', 'Saeed', 'Hessa'],
    last: ['Al Mansoori', 'Al Suwaidi', 'Al Hashimi', 'Al Falasi', 'Al Nuaimi', 'Al Ketbi', 'Al Marri'],
    stems: ['Falcon', 'Oasis', 'Dhow', 'Najm', 'Sahra', 'Rimal', 'Qamar', 'Burj'],
  },
  CA: {
    cities: ['Montréal', 'Toronto', 'Ottawa', 'Vancouver', 'Calgary', 'Halifax'],
    languages: ['en', 'en', 'fr'],
    first: [
      'Émilie',
      'Jean-François',
      'Sarah',
      'Liam',
      'Chloé',
      'Noah',
      'Maya',
      'Olivier',
      'Hannah',
      'Ethan',
    ],
    last: ['Tremblay', 'Gagnon', 'Roy', 'Smith', 'Brown', 'Côté', 'Wilson', 'Bouchard', 'MacDonald', 'Lee'],
    stems: ['Maple', 'Aurora', 'Northern', 'Laurentian', 'Polaris', 'Boreal', 'Cascade', 'Arctic'],
  },
  CO: {
    cities: ['Bogotá', 'Medellín', 'Cali', 'Barranquilla', 'Bucaramanga'],
    languages: ['es', 'es', 'en'],
    first: [
      'Valentina',
      'Santiago',
      'Camila',
      'Andrés',
      'Daniela',
      'Juan Pablo',
      'Laura',
      'Felipe',
      'Isabela',
      'Carlos',
    ],
    last: [
      'Rodríguez',
      'Gómez',
      'Martínez',
      'Restrepo',
      'Vargas',
      'Ramírez',
      'Ospina',
      'Castaño',
      'Jaramillo',
    ],
    stems: ['Cóndor', 'Andina', 'Orquídea', 'Caribe', 'Esmeralda', 'Sierra', 'Macondo', 'Páramo'],
  },
  CL: {
    cities: ['Santiago', 'Valparaíso', 'Antofagasta', 'Concepción', 'La Serena'],
    languages: ['es', 'es', 'en'],
    first: [
      'Sofía',
      'Matías',
      'Catalina',
      'Benjamín',
      'Javiera',
      'Tomás',
      'Francisca',
      'Diego',
      'Antonia',
      'Vicente',
    ],
    last: [
      'González',
      'Muñoz',
      'Rojas',
      'Díaz',
      'Soto',
      'Contreras',
      'Silva',
      'Sepúlveda',
      'Morales',
      'Fuentes',
    ],
    stems: ['Atacama', 'Austral', 'Cordillera', 'Pacífico', 'Licancabur', 'Paranal', 'Tololo', 'Aconcagua'],
  },
};

/** How an organisation of each type is named: a stem, the country's or the city's name. */
const NAMES: Record<NetworkOrganisationType, (stem: string, city: string, country: string) => string> = {
  cluster: (stem, city) => `${stem} Aerospace Cluster ${city}`,
  agency: (stem, _city, country) => `${country} Space Promotion Agency (${stem} office)`,
  chamber_of_commerce: (stem, city) => `${city} Chamber of Commerce and Industry — ${stem} desk`,
  embassy_or_consulate: (stem, city) => `European Trade Section ${city} (${stem} house)`,
  company: (stem) => `${stem} Orbital Systems`,
  research_or_university: (stem, city) => `${stem} Institute of Space Technology, ${city}`,
  investor: (stem) => `${stem} Frontier Ventures`,
  association: (stem, _city, country) => `${country} Satellite Operators Association (${stem})`,
  other: (stem, city) => `${stem} Innovation Park ${city}`,
};
const COUNTRY_NAMES: Record<string, string> = {
  CN: 'China',
  AE: 'Emirates',
  CA: 'Canada',
  CO: 'Colombia',
  CL: 'Chile',
};
const ROLES = [
  'Business development manager',
  'Head of international relations',
  'Programme officer',
  'Chief executive officer',
  'Trade commissioner',
  'Research director',
  'Investment associate',
  'Partnerships lead',
  'Technical director',
];
const TAGS = [
  'fair 2026',
  'matchmaking',
  'new space',
  'supplier',
  'distributor',
  'R&D partner',
  'investor',
  'soft landing',
  'roadshow',
];
const SOURCES = [
  'Business card at the trade fair stand',
  'Matchmaking platform of the roadshow',
  'Introduction by the embassy',
  'Contact form on our website',
  'Study visit attendance list',
];

const pick = <T>(random: () => number, list: readonly T[]): T =>
  list[Math.floor(random() * list.length)] as T;
const slug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export interface DemoNetwork {
  organisations: (NetworkOrganisationValues & { key: string })[];
  people: (NetworkPersonValues & { organisationKey: string })[];
}

/** The demo network as values (pure): 30 organisations and 60 people per market country. */
export function demoNetwork(clusterIds: readonly string[], today: string): DemoNetwork {
  const random = seededRandom(2104);
  const organisations: DemoNetwork['organisations'] = [];
  const people: DemoNetwork['people'] = [];
  const emails = new Set<string>();
  const year = Number(today.slice(0, 4));
  for (const [country, market] of Object.entries(MARKETS)) {
    for (let i = 0; i < 30; i++) {
      const type = NETWORK_ORGANISATION_TYPES[
        i % NETWORK_ORGANISATION_TYPES.length
      ] as NetworkOrganisationType;
      const stem = market.stems[
        Math.floor(i / NETWORK_ORGANISATION_TYPES.length) % market.stems.length
      ] as string;
      const stemIndex = Math.floor(i / (NETWORK_ORGANISATION_TYPES.length * market.stems.length));
      const city = market.cities[i % market.cities.length] as string;
      const name = NAMES[type](
        stemIndex > 0 ? `${stem} ${stemIndex + 1}` : stem,
        city,
        COUNTRY_NAMES[country] as string,
      );
      const domain = `${slug(stem)}-${slug(type).slice(0, 8)}-${country.toLowerCase()}${i}.example`;
      const website = random() < 0.85 ? `https://www.${domain}` : null;
      const segments = SPACE_SEGMENTS.filter(() => random() < 0.25);
      const melca = MELCA_FIELDS.filter(() => random() < 0.15);
      const tags = [...new Set([pick(random, TAGS), ...(random() < 0.5 ? [pick(random, TAGS)] : [])])];
      const key = `${country}-${i}`;
      organisations.push({
        key,
        owner_cluster_id:
          random() < 0.15 ? null : (clusterIds[(i + country.charCodeAt(0)) % clusterIds.length] ?? null),
        name,
        normalised_name: normaliseOrganisationName(name),
        type,
        country,
        city,
        website,
        website_domain: websiteDomain(website),
        space_segments: JSON.stringify(segments),
        melca: JSON.stringify(melca),
        tags: JSON.stringify(tags),
        notes:
          random() < 0.3
            ? `Met through the ${COUNTRY_NAMES[country]} programme; follow up after the next mission.`
            : '',
      });
      for (let j = 0; j < 2; j++) {
        const first = pick(random, market.first);
        const last = pick(random, market.last);
        let email = `${slug(first)}.${slug(last)}@${domain}`;
        for (let n = 2; emails.has(email); n++) email = `${slug(first)}.${slug(last)}${n}@${domain}`;
        emails.add(email);
        const draw = random();
        const basis = draw < 0.75 ? 'consent' : draw < 0.93 ? 'legitimate_interest' : null;
        const month = String(1 + Math.floor(random() * 11)).padStart(2, '0');
        const day = String(1 + Math.floor(random() * 27)).padStart(2, '0');
        people.push({
          organisationKey: key,
          organisation_id: null,
          name: `${first} ${last}`,
          role_title: pick(random, ROLES),
          email: random() < 0.92 ? email : null,
          phone:
            random() < 0.6
              ? `+${country === 'CA' ? '1' : country === 'CN' ? '86' : country === 'AE' ? '971' : country === 'CO' ? '57' : '56'} ${String(Math.floor(random() * 1e8)).padStart(8, '0')}`
              : null,
          language: pick(random, market.languages),
          consent_basis: basis satisfies (typeof CONSENT_BASES)[number] | null,
          consent_on: basis ? `${year - 1}-${month}-${day}` : null,
          consent_source: basis ? pick(random, SOURCES) : null,
          notes: '',
          erased_at: null,
        });
      }
    }
  }
  return { organisations, people };
}

/**
 * Writes the demo network through its repositories, with an audit "create" for each record as the
 * coordinator entered it. Reads the demo's clusters from the database.
 */
export async function seedDemoNetwork(services: { db: Kysely<DB> }, coordinator: Actor): Promise<void> {
  const { db } = services;
  const clusters = await db
    .selectFrom('cluster')
    .select('id')
    .where('workspace_id', '=', coordinator.workspaceId)
    .orderBy('short_name')
    .execute();
  const network = demoNetwork(
    clusters.map((c) => c.id),
    new Date().toISOString().slice(0, 10),
  );
  await writeTransaction(db, async (trx) => {
    const organisations = new NetworkOrganisationRepository(trx);
    const people = new NetworkPersonRepository(trx);
    const ids = new Map<string, string>();
    const entries: Parameters<AuditRepository['recordMany']>[0] = [];
    for (const { key, ...values } of network.organisations) {
      const row = await organisations.create(coordinator.workspaceId, values);
      ids.set(key, row.id);
      entries.push({
        workspaceId: coordinator.workspaceId,
        actorUserId: coordinator.userId,
        action: 'create',
        entityType: NETWORK_ORGANISATION_RECORD,
        entityId: row.id,
        changes: diff({}, values),
      });
    }
    for (const { organisationKey, ...person } of network.people) {
      const values = { ...person, organisation_id: ids.get(organisationKey) ?? null };
      const row = await people.create(coordinator.workspaceId, values);
      entries.push({
        workspaceId: coordinator.workspaceId,
        actorUserId: coordinator.userId,
        action: 'create',
        entityType: NETWORK_PERSON_RECORD,
        entityId: row.id,
        changes: diff({}, values),
      });
    }
    await new AuditRepository(trx).recordMany(entries);
  });
}
