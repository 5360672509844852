import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors.ts';
import { COUNTRY_REFERENCE_POINTS } from './country-coordinates.ts';
import {
  COST_LEVELS,
  countryReferencePoint,
  defaultTravelRate,
  distanceBand,
  distanceKm,
  TRAVEL_DISTANCE_BANDS,
} from './travel-rates.ts';

describe('distanceKm', () => {
  it('puts Brussels and Tokyo about 9,400 km apart (within 2%)', () => {
    const brussels = { lat: 50.85, lon: 4.35 };
    const tokyo = { lat: 35.68, lon: 139.69 };
    expect(Math.abs(distanceKm(brussels, tokyo) - 9400) / 9400).toBeLessThan(0.02);
    const fromTable = distanceKm(
      countryReferencePoint('BE') as { lat: number; lon: number },
      countryReferencePoint('JP') as { lat: number; lon: number },
    );
    expect(Math.abs(fromTable - 9400) / 9400).toBeLessThan(0.02);
  });

  it('is zero for one point, symmetric, and a quarter of the meridian from the equator to a pole', () => {
    const a = { lat: 40.4, lon: -3.7 };
    const b = { lat: -33.4, lon: -70.7 };
    expect(distanceKm(a, a)).toBe(0);
    expect(distanceKm(a, b)).toBeCloseTo(distanceKm(b, a), 9);
    // π/2 × 6,371.0088 km
    expect(distanceKm({ lat: 0, lon: 0 }, { lat: 90, lon: 0 })).toBeCloseTo(10_007.54, 1);
    // Across the antimeridian: Suva to Apia is about 1,150 km, not most of the way round the Earth.
    expect(distanceKm({ lat: -18.1, lon: 178.4 }, { lat: -13.8, lon: -171.8 })).toBeLessThan(1200);
  });
});

describe('distanceBand', () => {
  it.each([
    [0, '10–99 km', 23],
    [9.4, '10–99 km', 23],
    [10, '10–99 km', 23],
    [99, '10–99 km', 23],
    [99.49, '10–99 km', 23],
    [99.5, '100–499 km', 180],
    [100, '100–499 km', 180],
    [499, '100–499 km', 180],
    [500, '500–1,999 km', 275],
    [1999, '500–1,999 km', 275],
    [2000, '2,000–2,999 km', 360],
    [2999, '2,000–2,999 km', 360],
    [3000, '3,000–3,999 km', 530],
    [3999, '3,000–3,999 km', 530],
    [4000, '4,000–7,999 km', 820],
    [7999, '4,000–7,999 km', 820],
    [7999.5, '8,000 km and more', 1500],
    [8000, '8,000 km and more', 1500],
    [20_000, '8,000 km and more', 1500],
  ])('puts %s km in the %s band (%s EUR)', (km, label, eur) => {
    expect(distanceBand(km)).toMatchObject({ label, travelEur: eur });
  });

  it('rejects a negative or non-finite distance', () => {
    expect(() => distanceBand(-1)).toThrow(RangeError);
    expect(() => distanceBand(Number.NaN)).toThrow(RangeError);
    expect(() => distanceBand(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('has seven bands that follow each other without a gap', () => {
    expect(TRAVEL_DISTANCE_BANDS).toHaveLength(7);
    for (let i = 1; i < TRAVEL_DISTANCE_BANDS.length; i++) {
      expect(TRAVEL_DISTANCE_BANDS[i]?.minKm).toBe((TRAVEL_DISTANCE_BANDS[i - 1]?.maxKm ?? Number.NaN) + 1);
    }
  });
});

describe('defaultTravelRate', () => {
  it('prices Brussels to Tokyo in the 8,000 km band at the high-cost level, labelled a default', () => {
    const rate = defaultTravelRate({ country: 'BE', city: 'Liège' }, 'JP');
    expect(rate).toEqual({
      country: 'JP',
      travelCents: 150_000,
      accommodationPerNightCents: 18_000,
      subsistencePerDayCents: 8_000,
      isDefault: true,
      basis: expect.any(String),
    });
    expect(rate.basis).toContain('Hub default, to check and edit: travel 1,500 EUR');
    expect(rate.basis).toContain('Erasmus+ Programme Guide 2021');
    expect(rate.basis).toContain('band 8,000 km and more (Brussels (BE) – Tokyo (JP) ≈ 9,');
    expect(rate.basis).toContain(
      "accommodation 180 EUR a night and subsistence 80 EUR a day = the Hub's high-cost level",
    );
  });

  it('prices Paris to Berlin (about 880 km) in the 500–1,999 km band at the medium level', () => {
    expect(defaultTravelRate({ country: 'FR' }, 'DE')).toMatchObject({
      travelCents: 27_500,
      accommodationPerNightCents: 13_000,
      subsistencePerDayCents: 6_000,
    });
  });

  it('prices a country without a listed level at the low level', () => {
    // Brussels–Bogotá is about 8,800 km.
    expect(defaultTravelRate({ country: 'BE' }, 'CO')).toMatchObject({
      travelCents: 150_000,
      accommodationPerNightCents: COST_LEVELS.low.accommodationPerNightEur * 100,
      subsistencePerDayCents: COST_LEVELS.low.subsistencePerDayEur * 100,
    });
  });

  it('puts a trip within the origin country in the lowest band', () => {
    const rate = defaultTravelRate({ country: 'ES' }, 'ES');
    expect(rate.travelCents).toBe(2_300);
    expect(rate.basis).toContain('within ES (Madrid): lowest band');
  });

  it('gives a rate for every country the Hub knows', () => {
    for (const code of Object.keys(COUNTRY_REFERENCE_POINTS)) {
      const rate = defaultTravelRate({ country: 'BE' }, code);
      expect(rate.country).toBe(code);
      expect(rate.travelCents).toBeGreaterThan(0);
    }
  });

  it('names the destination or the origin it does not know', () => {
    const fields = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidInputError);
        return (error as InvalidInputError).errors.map((e) => e.field);
      }
      throw new Error('expected an InvalidInputError');
    };
    expect(fields(() => defaultTravelRate({ country: 'BE' }, 'XX'))).toEqual(['destination']);
    // ICU still names the withdrawn "UK"; ISO 3166-1 uses GB.
    expect(fields(() => defaultTravelRate({ country: 'BE' }, 'UK'))).toEqual(['destination']);
    expect(fields(() => defaultTravelRate({ country: 'BE' }, 'jp'))).toEqual(['destination']);
    expect(fields(() => defaultTravelRate({ country: 'toString' }, 'JP'))).toEqual(['origin.country']);
    expect(fields(() => defaultTravelRate({ country: 'ZZ' }, 'QQ'))).toEqual([
      'origin.country',
      'destination',
    ]);
  });
});

describe('the table of reference points', () => {
  /** Codes ICU names that are not current ISO 3166-1 countries: withdrawn, reserved or groupings. */
  const NOT_ISO = new Set(
    'AC AN BU CP CQ CS DD DG DY EA EU EZ FX HV IC NH QO RH SU TA TP UK UN VD XA XB YD YU ZR ZZ'.split(' '),
  );

  it('holds exactly the ISO 3166-1 alpha-2 countries ICU knows, plus XK (Kosovo)', () => {
    const names = new Intl.DisplayNames(['en'], { type: 'region' });
    const known: string[] = [];
    for (let a = 65; a <= 90; a++) {
      for (let b = 65; b <= 90; b++) {
        const code = String.fromCharCode(a, b);
        if (names.of(code) !== code && !NOT_ISO.has(code)) known.push(code);
      }
    }
    expect(Object.keys(COUNTRY_REFERENCE_POINTS).sort()).toEqual(known);
    expect(known).toHaveLength(250);
  });

  it('has latitudes and longitudes in range, rounded to 0.1°', () => {
    for (const [code, [capital, lat, lon]] of Object.entries(COUNTRY_REFERENCE_POINTS)) {
      expect(capital, code).not.toBe('');
      expect(Math.abs(lat), code).toBeLessThanOrEqual(90);
      expect(Math.abs(lon), code).toBeLessThanOrEqual(180);
      expect(Math.round(lat * 10) / 10, code).toBe(lat);
      expect(Math.round(lon * 10) / 10, code).toBe(lon);
    }
  });
});
