/**
 * The world's country shapes for the map, loaded on first use only (a dynamic import of this
 * module keeps world-atlas's TopoJSON, topojson-client and ECharts' map chart out of the main
 * bundle). Regions are named by their ISO 3166-1 numeric code, as `world-map.ts` colours them.
 */
import { MapChart } from 'echarts/charts';
import { registerMap, use } from 'echarts/core';
import type { FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
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
        geometry: country.geometry,
        properties: { name: country.id === undefined ? country.properties.name : String(country.id) },
      })),
  } as FeatureCollection<Geometry, { name: string }>;
}

let loading: Promise<void> | undefined;

/** Registers the world's shapes with ECharts once; every later call returns the same promise. */
export function loadWorldMap(): Promise<void> {
  loading ??= import('world-atlas/countries-110m.json').then((atlas) => {
    use([MapChart]);
    // ECharts declares its own GeoJSON type; the standard one is the same shape.
    registerMap(WORLD_MAP, worldGeoJson(atlas.default as unknown as WorldTopology) as never);
  });
  return loading;
}
