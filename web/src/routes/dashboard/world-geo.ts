/**
 * The world's country shapes for the map, loaded on first use only: the map section imports this
 * module dynamically, which keeps world-atlas's TopoJSON, topojson-client and ECharts' map chart
 * out of the main bundle and out of the dashboard's own chunk. Regions are named by their ISO 3166-1 numeric code, as `world-map.ts` colours them.
 */
import { MapChart } from 'echarts/charts';
import { registerMap, use } from 'echarts/core';
import type { FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import atlas from 'world-atlas/countries-110m.json';
import { WORLD_MAP } from './world-map.ts';

type WorldTopology = Topology<{ countries: GeometryCollection<{ name: string }> }>;

/** Antarctica: a wide empty band at the bottom of the map, never a target market. */
const LEFT_OUT = new Set(['010']);

/**
 * world-atlas's countries as GeoJSON named by numeric code (`name`, which ECharts matches data
 * against); the few shapes without a code (N. Cyprus, Somaliland, Kosovo) keep their English
 * name, so they are drawn but never coloured.
 */
export function worldGeoJson(topology: WorldTopology) {
  const countries = feature(topology, topology.objects.countries);
  return {
    type: 'FeatureCollection',
    features: countries.features
      .filter((country) => !LEFT_OUT.has(String(country.id)))
      .map((country) => ({
        type: 'Feature',
        geometry: unwrapped(country.geometry),
        properties: { name: country.id === undefined ? country.properties.name : String(country.id) },
      })),
  } as FeatureCollection<Geometry, { name: string }>;
}

type Ring = number[][];

/**
 * A ring crossing the antimeridian (Russia's Chukotka, Fiji) jumps from 180° to -180°, which a
 * flat map draws as a line across the world: its western points move east past 180° instead.
 */
export function unwrapRing(ring: Ring): Ring {
  const crosses = ring.some((point, i) => i > 0 && Math.abs((point[0] ?? 0) - (ring[i - 1]?.[0] ?? 0)) > 180);
  return crosses ? ring.map(([lon = 0, lat = 0]) => [lon < 0 ? lon + 360 : lon, lat]) : ring;
}

function unwrapped(geometry: Geometry): Geometry {
  if (geometry.type === 'Polygon') return { ...geometry, coordinates: geometry.coordinates.map(unwrapRing) };
  if (geometry.type === 'MultiPolygon') {
    return { ...geometry, coordinates: geometry.coordinates.map((polygon) => polygon.map(unwrapRing)) };
  }
  return geometry;
}

let registered = false;

/**
 * Registers the world's shapes with ECharts once. Async so callers treat it as the loading step
 * it is (this module itself arrives by dynamic import).
 */
export async function loadWorldMap(): Promise<void> {
  if (registered) return;
  use([MapChart]);
  // ECharts declares its own GeoJSON type; the standard one is the same shape.
  registerMap(WORLD_MAP, worldGeoJson(atlas as unknown as WorldTopology) as never);
  registered = true;
}
