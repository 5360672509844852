import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { unwrapRing, worldGeoJson } from './world-geo.ts';

const atlas = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve('world-atlas/countries-110m.json'), 'utf8'),
);

describe('the world map shapes', () => {
  const geo = worldGeoJson(atlas);
  const names = geo.features.map((f) => f.properties.name);

  it('names each country by its ISO numeric code, as the map data does', () => {
    expect(names).toContain('392'); // Japan
    expect(names).toContain('152'); // Chile
    expect(names).toContain('036'); // Australia
    expect(new Set(names).size).toBe(names.length);
  });

  it('keeps the shapes without a code under their name, and leaves Antarctica out', () => {
    expect(names).toContain('Kosovo');
    expect(names).not.toContain('010');
    expect(geo.features.length).toBeGreaterThan(170);
    expect(geo.features.every((f) => f.type === 'Feature' && f.geometry !== null)).toBe(true);
  });

  it('draws no ring across the whole map: those crossing the antimeridian are unwrapped', () => {
    const jumps = geo.features.flatMap((f) => {
      const polygons =
        f.geometry.type === 'Polygon'
          ? [f.geometry.coordinates]
          : f.geometry.type === 'MultiPolygon'
            ? f.geometry.coordinates
            : [];
      return polygons
        .flat()
        .filter((ring) =>
          ring.some((p, i) => i > 0 && Math.abs((p[0] ?? 0) - (ring[i - 1]?.[0] ?? 0)) > 180),
        );
    });
    expect(jumps).toEqual([]);
    expect(
      unwrapRing([
        [179, 60],
        [-179, 61],
        [-178, 62],
        [179, 60],
      ]),
    ).toEqual([
      [179, 60],
      [181, 61],
      [182, 62],
      [179, 60],
    ]);
    expect(
      unwrapRing([
        [10, 1],
        [20, 2],
        [10, 1],
      ]),
    ).toEqual([
      [10, 1],
      [20, 2],
      [10, 1],
    ]);
  });
});
