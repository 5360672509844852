// replaced by the budget-engine branch: a placeholder with the agreed signature, so the activities
// and budgets API can be built and tested before the distance-band defaults land.
import { InvalidInputError } from '../errors.ts';
import type { TravelRate } from './types.ts';

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** EU, EEA, Switzerland and the United Kingdom: "Europe" for the placeholder's three bands. */
const EUROPE = new Set(
  'AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK IS LI NO CH GB'.split(
    ' ',
  ),
);

/**
 * The Hub's default travel costs from a cluster's home to a destination country.
 * Placeholder: three flat bands (same country, Europe, elsewhere), labelled as such in `basis`.
 *
 * @throws InvalidInputError (field `destination`) for a code that is not an ISO 3166-1 country.
 * @example defaultTravelRate({ country: 'BE' }, 'JP').travelCents // 120_000
 */
export function defaultTravelRate(
  origin: { country: string; city?: string },
  destination: string,
): TravelRate {
  if (
    !/^[A-Z]{2}$/.test(destination) ||
    destination === 'ZZ' ||
    regionNames.of(destination) === destination
  ) {
    throw new InvalidInputError(`"${destination}" is not an ISO 3166-1 country code`, [
      { field: 'destination', message: 'is not an ISO 3166-1 country code' },
    ]);
  }
  const band =
    destination === origin.country
      ? { name: 'same country', travel: 15_000, night: 10_000, day: 5_000 }
      : EUROPE.has(destination) && EUROPE.has(origin.country)
        ? { name: 'within Europe', travel: 35_000, night: 12_000, day: 6_000 }
        : { name: 'outside Europe', travel: 120_000, night: 15_000, day: 7_000 };
  return {
    country: destination,
    travelCents: band.travel,
    accommodationPerNightCents: band.night,
    subsistencePerDayCents: band.day,
    isDefault: true,
    basis: `Placeholder flat rate (${band.name})`,
  };
}
