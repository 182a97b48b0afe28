// Creates the MapLibre map: loads MapLibre (a large module, so only on demand), fetches the
// site's own TopoJSON, builds the offline style and resolves once the style has loaded.
// The returned map (and a way to pin markers to it) is handed to the MapController, the only
// code that drives it.
import type { FeatureCollection } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import fontUrl from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import type { Manifest } from '$lib/content/types';
import type { MapLike, Pin } from './controller.svelte';
import { MIN_ZOOM } from './camera';
import { buildStyle, type MapData } from './style';

async function fetchTopology(url: string): Promise<Topology> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

/** Decodes one object of a topology as a FeatureCollection. */
function collection(topology: Topology, name: string): FeatureCollection {
  const object = topology.objects[name];
  if (!object) throw new Error(`topology has no object "${name}"`);
  const decoded = feature(topology, object);
  return decoded.type === 'FeatureCollection' ? decoded : { type: 'FeatureCollection', features: [decoded] };
}

/** Fetches and decodes the world, the basemap's detail patches and every data layer. */
export async function loadMapData({ basemap, layers }: Manifest): Promise<MapData> {
  const [world, details, layerTopologies] = await Promise.all([
    fetchTopology('/data/world.topo.json'),
    Promise.all(basemap.details.map((id) => fetchTopology(`/data/${id}.topo.json`))),
    Promise.all(layers.map((l) => fetchTopology(l.file)))
  ]);
  return {
    countries: collection(world, 'countries'),
    borders: collection(world, 'borders'),
    countryLabels: collection(world, 'labels'),
    details: details.map((t, i) => ({
      id: basemap.details[i],
      water: collection(t, 'frame'),
      land: collection(t, 'land'),
      borders: collection(t, 'borders')
    })),
    layers: Object.fromEntries(layers.map((l, i) => [l.id, collection(layerTopologies[i], l.id)])),
    credit: basemap.credit.attribution
  };
}

export async function openMap(container: HTMLElement, manifest: Manifest): Promise<{ map: MapLike; pin: Pin }> {
  const [maplibre, worker, data] = await Promise.all([
    import('maplibre-gl'),
    import('maplibre-gl/dist/maplibre-gl-worker.mjs?url'),
    loadMapData(manifest),
    import('maplibre-gl/dist/maplibre-gl.css')
  ]);
  maplibre.setWorkerUrl(worker.default);
  const map = new maplibre.Map({
    container,
    style: buildStyle(data, manifest.layers, new URL(fontUrl, location.href).href),
    // While reading, wheel and one-finger swipes scroll the page; the controller lifts this
    // when the reader explores.
    cooperativeGestures: true,
    attributionControl: { compact: true },
    fadeDuration: 0,
    // Views near the pole need zoom below 0: MapLibre's globe scales with the latitude.
    minZoom: MIN_ZOOM
  });
  // Shown only while exploring (see StoryMap's styles).
  map.addControl(new maplibre.NavigationControl({ visualizePitch: true }), 'bottom-right');
  map.addControl(new maplibre.ScaleControl({ unit: 'metric' }), 'bottom-right');
  await map.once('load');
  // One Marker per button for its whole life: a Marker adds listeners to its element that
  // remove() leaves, so a button pinned again reuses its Marker.
  const markers = new WeakMap<HTMLElement, InstanceType<typeof maplibre.Marker>>();
  const pin: Pin = (element, lngLat) => {
    const marker = markers.get(element) ?? new maplibre.Marker({ element });
    markers.set(element, marker);
    return marker.setLngLat(lngLat).addTo(map);
  };
  return { map, pin };
}
