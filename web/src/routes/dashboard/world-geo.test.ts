import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { worldGeoJson } from './world-geo.ts';

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
});
