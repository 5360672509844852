import { InvalidInputError } from '../errors.ts';
import { COUNTRY_REFERENCE_POINTS } from './country-coordinates.ts';
import { formatEur } from './money.ts';
import type { TravelRate } from './types.ts';

/**
 * The Hub's DEFAULT travel rates, before a workspace edits its own (docs/budget-estimates.md):
 * travel per traveller from the EU's travel unit costs by distance band, the distance taken
 * between the capitals of the origin and destination countries; accommodation and subsistence from
 * three round cost levels of the Hub's own. Pure.
 */

/** Where the travel unit costs come from; quoted in every default's `basis`. */
export const TRAVEL_UNIT_COST_SOURCE = 'Erasmus+ Programme Guide 2021, travel unit costs (standard travel)';

export interface DistanceBand {
  minKm: number;
  /** null for the open last band (8,000 km and more). */
  maxKm: number | null;
  /** Contribution per traveller for the return trip, EUR. */
  travelEur: number;
  label: string;
}

/**
 * The Erasmus+ travel unit costs per participant (return trip), by the one-way distance, as
 * published in the Programme Guide 2021 (mobility projects, "Travel", standard travel). Later
 * editions changed the amounts: these are defaults to check and edit, not the current scale.
 */
export const TRAVEL_DISTANCE_BANDS: readonly DistanceBand[] = [
  { minKm: 10, maxKm: 99, travelEur: 23, label: '10–99 km' },
  { minKm: 100, maxKm: 499, travelEur: 180, label: '100–499 km' },
  { minKm: 500, maxKm: 1999, travelEur: 275, label: '500–1,999 km' },
  { minKm: 2000, maxKm: 2999, travelEur: 360, label: '2,000–2,999 km' },
  { minKm: 3000, maxKm: 3999, travelEur: 530, label: '3,000–3,999 km' },
  { minKm: 4000, maxKm: 7999, travelEur: 820, label: '4,000–7,999 km' },
  { minKm: 8000, maxKm: null, travelEur: 1500, label: '8,000 km and more' },
];

export type CostLevel = 'high' | 'medium' | 'low';

/** The Hub's own round figures per night and per day, EUR: not a published scale. */
export const COST_LEVELS: Record<
  CostLevel,
  { accommodationPerNightEur: number; subsistencePerDayEur: number }
> = {
  high: { accommodationPerNightEur: 180, subsistencePerDayEur: 80 },
  medium: { accommodationPerNightEur: 130, subsistencePerDayEur: 60 },
  low: { accommodationPerNightEur: 100, subsistencePerDayEur: 45 },
};

/** Destinations of the high and medium levels; every other country is `low`. */
const HIGH_COST = new Set(
  'AE AU BM CA CH DK FI FO GB GG GL HK IE IL IM IS JE JP KR KW KY LI LU MC MO NO NZ QA SE SG US'.split(' '),
);
const MEDIUM_COST = new Set(
  'AD AR AT BE BG BH BR CL CN CY CZ DE EE ES FR GR HR HU IT LT LV MT MX NL OM PL PT RO SA SI SK SM TR TW UY VA ZA'.split(
    ' ',
  ),
);

export function costLevel(country: string): CostLevel {
  if (HIGH_COST.has(country)) return 'high';
  return MEDIUM_COST.has(country) ? 'medium' : 'low';
}

export interface GeoPoint {
  /** Degrees north. */
  lat: number;
  /** Degrees east. */
  lon: number;
}

/** Mean Earth radius (IUGG), km. */
const EARTH_RADIUS_KM = 6371.0088;

/**
 * Great-circle distance in km between two points (haversine formula).
 *
 * @example distanceKm({ lat: 50.9, lon: 4.4 }, { lat: 35.7, lon: 139.7 }) // ≈ 9,460 (Brussels–Tokyo)
 */
export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The distance band of a one-way distance, rounded to the nearest whole km first (99.4 km is in
 * 10–99 km, 99.5 km in 100–499 km). Under 10 km (the same city, or two capitals that coincide)
 * counts in the lowest band: the guide pays nothing there, but a trip still costs something.
 *
 * @throws RangeError for a negative or non-finite distance.
 */
export function distanceBand(km: number): DistanceBand {
  if (!Number.isFinite(km) || km < 0) throw new RangeError(`not a distance: ${km}`);
  const whole = Math.round(km);
  const band = TRAVEL_DISTANCE_BANDS.findLast((b) => whole >= b.minKm) ?? TRAVEL_DISTANCE_BANDS[0];
  return band as DistanceBand;
}

/** A country's reference point (its capital), or undefined for a code the Hub does not know. */
export function countryReferencePoint(country: string): (GeoPoint & { capital: string }) | undefined {
  const entry = Object.hasOwn(COUNTRY_REFERENCE_POINTS, country)
    ? COUNTRY_REFERENCE_POINTS[country]
    : undefined;
  return entry === undefined ? undefined : { capital: entry[0], lat: entry[1], lon: entry[2] };
}

/**
 * The Hub's default travel rate from an origin (the responsible cluster's country) to a
 * destination country, labelled `isDefault: true` with its `basis`. Distances run between the two
 * countries' capitals; the origin's city is not located (it does not change the band for trips
 * abroad in most cases, and the workspace edits the rate where it does).
 *
 * @throws InvalidInputError naming `origin.country` or `destination` for a code the Hub does not know.
 */
export function defaultTravelRate(
  origin: { country: string; city?: string },
  destination: string,
): TravelRate {
  const from = countryReferencePoint(origin.country);
  const to = countryReferencePoint(destination);
  const errors = [
    ...(from === undefined
      ? [
          {
            field: 'origin.country',
            message: `"${origin.country}" is not an ISO 3166-1 alpha-2 country code`,
          },
        ]
      : []),
    ...(to === undefined
      ? [{ field: 'destination', message: `"${destination}" is not an ISO 3166-1 alpha-2 country code` }]
      : []),
  ];
  if (from === undefined || to === undefined) {
    throw new InvalidInputError('Unknown country for a travel rate', errors);
  }
  const km = distanceKm(from, to);
  const band = distanceBand(km);
  const level = costLevel(destination);
  const { accommodationPerNightEur, subsistencePerDayEur } = COST_LEVELS[level];
  const route =
    origin.country === destination
      ? `within ${destination} (${to.capital}): lowest band`
      : `${from.capital} (${origin.country}) – ${to.capital} (${destination}) ≈ ${Math.round(km).toLocaleString('en-US')} km between capitals`;
  return {
    country: destination,
    travelCents: band.travelEur * 100,
    accommodationPerNightCents: accommodationPerNightEur * 100,
    subsistencePerDayCents: subsistencePerDayEur * 100,
    isDefault: true,
    basis:
      `Hub default, to check and edit: travel ${formatEur(band.travelEur * 100)} EUR = ${TRAVEL_UNIT_COST_SOURCE}, ` +
      `band ${band.label} (${route}); accommodation ${accommodationPerNightEur} EUR a night and ` +
      `subsistence ${subsistencePerDayEur} EUR a day = the Hub's ${level}-cost level`,
  };
}
