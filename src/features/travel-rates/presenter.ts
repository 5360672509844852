import { toEur } from '../../domain/planning/money.ts';
import type { TravelRate } from '../../domain/planning/types.ts';
import type { TravelRateRow } from './repository.ts';
import type { TravelRateDto } from './schema.ts';

/** A stored row as the engine's TravelRate (an edited rate: not a default, no basis). */
export function travelRateOfRow(row: TravelRateRow): TravelRate {
  return {
    country: row.country,
    travelCents: row.travel_cents,
    accommodationPerNightCents: row.accommodation_per_night_cents,
    subsistencePerDayCents: row.subsistence_per_day_cents,
    isDefault: false,
    basis: null,
  };
}

/** `version`: the stored row's, or null for a default. */
export function presentTravelRate(rate: TravelRate, version: number | null): TravelRateDto {
  return {
    country: rate.country,
    travelEur: toEur(rate.travelCents),
    accommodationPerNightEur: toEur(rate.accommodationPerNightCents),
    subsistencePerDayEur: toEur(rate.subsistencePerDayCents),
    isDefault: rate.isDefault,
    basis: rate.basis,
    version,
  };
}
