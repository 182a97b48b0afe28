// Creates the MapLibre map: loads MapLibre (a large module, so only on demand), fetches the
// site's own TopoJSON, builds the offline style and resolves once the style has loaded.
// The returned map (and a way to pin markers to it) is handed to the MapController, the only
// code that drives it.
import type { Topology } from 'topojson-specification';
import { base } from '$app/paths';
import fontUrl from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import type { Manifest } from '$lib/content/types';
import type { MapLike, Pin } from './controller.svelte';
import { MIN_ZOOM } from './camera';
import { loadMapData } from './map-data';
import type { Theme } from '$lib/theme/tokens';
import { buildStyle, themePaint, type MapData } from './style';
import { frameCamera, subjectPoints } from './framing';
import type { Frame } from './controller.svelte';

async function fetchTopology(url: string): Promise<Topology> {
	const response = await fetch(base + url);
	if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
	return response.json();
}

/** Whether this browser can draw the live map (MapLibre 6 needs WebGL2). */
function hasWebGL2(): boolean {
	try {
		const gl = document.createElement('canvas').getContext('webgl2');
		gl?.getExtension('WEBGL_lose_context')?.loseContext(); // give the test context back at once
		return !!gl;
	} catch {
		return false;
	}
}

/** frameCamera for this data, remembered per view and box size (a view is framed again only
 *  when the box changes). */
function framer(data: MapData): Frame {
	const known = new Map<string, ReturnType<Frame>>();
	return (view, box) => {
		const key = `${view.id} ${box.width}x${box.height}`;
		if (!known.has(key)) known.set(key, frameCamera(view, box, subjectPoints(view, data)));
		return known.get(key)!;
	};
}

export async function openMap(
	container: HTMLElement,
	manifest: Manifest,
	theme: Theme
): Promise<{
	map: MapLike;
	pin: Pin;
	frame: Frame;
	paint: (theme: Theme) => ReturnType<typeof themePaint>;
}> {
	if (!hasWebGL2()) throw new Error('WebGL2 is not available');
	const [maplibre, worker, data] = await Promise.all([
		import('maplibre-gl'),
		import('maplibre-gl/dist/maplibre-gl-worker.mjs?url'),
		loadMapData(manifest, fetchTopology),
		import('maplibre-gl/dist/maplibre-gl.css')
	]);
	maplibre.setWorkerUrl(worker.default);
	const map = new maplibre.Map({
		container,
		style: buildStyle(data, manifest.layers, new URL(fontUrl, location.href).href, theme),
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
	// MapLibre makes its canvas a second region named "Map"; the map box is the one region (StoryMap),
	// and the canvas the surface the keyboard pans and zooms.
	map.getCanvas().setAttribute('role', 'application');
	map.getCanvas().setAttribute('aria-label', 'Map: arrow keys pan, plus and minus zoom');
	await map.once('load');
	// One Marker per button for its whole life: a Marker adds listeners to its element that
	// remove() leaves, so a button pinned again reuses its Marker.
	const markers = new WeakMap<HTMLElement, InstanceType<typeof maplibre.Marker>>();
	const pin: Pin = (element, lngLat) => {
		const marker = markers.get(element) ?? new maplibre.Marker({ element });
		markers.set(element, marker);
		return marker.setLngLat(lngLat).addTo(map);
	};
	// A page that asks for it before loading (the end-to-end tests, through an init script) can
	// query what MapLibre has drawn: window.__storyMaps lists the live maps.
	const probe = window as { __storyMaps?: unknown[] };
	if (probe.__storyMaps) probe.__storyMaps.push(map);
	return {
		map,
		pin,
		frame: framer(data),
		paint: (t) => themePaint(data, manifest.layers, t)
	};
}
