// Creates the MapLibre map: loads MapLibre (a large module, so only on demand), fetches the
// site's own TopoJSON (the basemap, and the data layers of the first views: the others when a view
// needs them), builds the offline style and resolves once the style has loaded (where WebGL is
// drawn in software, once the first view has been drawn in steps: software-start.ts).
// The returned map (and a way to pin markers to it) is handed to the MapController, the only
// code that drives it.
import type { GeoJSONSource } from 'maplibre-gl';
import type { Topology } from 'topojson-specification';
import { base } from '$app/paths';
import fontUrl from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import type { LayerInfo, Manifest, MapView } from '$lib/content/types';
import { MIN_ZOOM } from './camera';
import { drawCutsWhole } from './whole-frames';
import { cutSteps, drawInSteps, gpuFinished, hideForSteps } from './software-start';
import { loadLayer, loadMapData } from './map-data';
import type { Theme } from '$lib/theme/tokens';
import { buildStyle, litFilters, themePaint, type MapData } from './style';
import { frameCamera, MAP_INSETS, NARROW_MEDIA, PHONE_INSETS, subjectPoints } from './framing';
import { anchorExpression, anchorOrders, labelSetting } from './label-anchors';
import { cutLabels } from './label-fit';
import type { LineWidth } from './label-text';
import { LAYER_DRAWINGS, type TextMark } from './layer-kinds';
import { overlayLines } from './route-overlay';
import { i18n } from '$lib/i18n/t';
import type { Frame, MapHelpers, MapLike, Need, Pin } from './controller.svelte';

async function fetchTopology(url: string): Promise<Topology> {
	const response = await fetch(base + url);
	if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
	return response.json();
}

/** Software renderers, as WebGL names them (WEBGL_debug_renderer_info). */
const SOFTWARE = /SwiftShader|llvmpipe|softpipe|Basic Render|Software/i;

/** How this browser draws WebGL2, which MapLibre 6 needs: on its GPU, in software (a flight would
 *  come at a few frames a second: the renderer is a known software one, or the browser reports a
 *  major performance caveat), or not at all. */
function webGL2(): 'gpu' | 'software' | null {
	const probe = (failIfMajorPerformanceCaveat: boolean) => {
		try {
			const gl = document
				.createElement('canvas')
				.getContext('webgl2', { failIfMajorPerformanceCaveat });
			if (!gl) return null;
			const info = gl.getExtension('WEBGL_debug_renderer_info');
			const renderer = String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : '');
			gl.getExtension('WEBGL_lose_context')?.loseContext(); // give the test context back at once
			return SOFTWARE.test(renderer) ? 'software' : 'gpu';
		} catch {
			return null;
		}
	};
	return probe(true) ?? (probe(false) && 'software');
}

/** A line's width in the map's label font, measured by the browser (the stills measure the same
 *  file with fontkit, label-text.ts). */
async function measurer(fontUrl: string): Promise<LineWidth> {
	const face = new FontFace('Map labels', `url(${fontUrl})`);
	document.fonts.add(await face.load());
	const context = new OffscreenCanvas(1, 1).getContext('2d')!;
	return (line, { size, letterSpacing = 0 }) => {
		context.font = `${size}px "Map labels"`;
		return (
			context.measureText(line).width + Math.max(0, [...line].length - 1) * letterSpacing * size
		);
	};
}

/** frameCamera for this data, and how the view's names are set for that camera (label-anchors.ts,
 *  label-fit.ts), remembered per view and box size (a view is framed again only when the box
 *  changes). The controls take one band along the bottom in the narrow layout (and embeds). */
function framer(data: MapData, layers: LayerInfo[], width: LineWidth): Frame {
	const known = new Map<string, ReturnType<Frame>>();
	return (view, box) => {
		const narrow = matchMedia(NARROW_MEDIA).matches;
		const key = `${view.id} ${box.width}x${box.height} ${narrow}`;
		if (!known.has(key)) {
			const insets = narrow ? PHONE_INSETS : MAP_INSETS;
			const camera = frameCamera(view, box, subjectPoints(view, data), insets);
			const setting = labelSetting({ view, layers, data, camera, box, insets, width });
			const { orders, hidden } = anchorOrders(setting);
			const anchors = layers.flatMap((layer) => {
				const mark = LAYER_DRAWINGS[layer.kind].marks.find(
					(m) => m.mark === 'text' && m.placement === 'beside'
				) as TextMark | undefined;
				if (!mark) return [];
				// Both name layers (style.ts): the view's highlighted names are drawn in -lit.
				const value = anchorExpression(orders, mark.offset ?? 0);
				return [`${layer.id}:label`, `${layer.id}:label-lit`].map((id) => ({ layer: id, value }));
			});
			const cut = cutLabels(setting);
			known.set(key, {
				camera,
				labels: {
					anchors,
					hidden: [
						...cut.map(({ source, id }) => ({ source, id })),
						...layers.flatMap((l) =>
							l.features.filter((f) => hidden.has(f.id)).map((f) => ({ source: l.id, id: f.id }))
						)
					]
				}
			});
		}
		return known.get(key)!;
	};
}

/** Fetches the data layers asked for that the map does not have yet, and gives them to the map
 *  (each file once, however often it is asked for while on its way). */
function layerFetcher(
	layers: LayerInfo[],
	data: MapData,
	source: (id: string) => GeoJSONSource | undefined
): Need {
	const fetching = new Map<string, Promise<void>>();
	const fetchLayer = (layer: LayerInfo) =>
		loadLayer(layer, fetchTopology)
			.then((features) => {
				data.layers[layer.id] = features;
				source(layer.id)?.setData(features);
			})
			.finally(() => fetching.delete(layer.id));
	return (ids) => {
		const missing = layers.filter((l) => ids.includes(l.id) && !data.layers[l.id]);
		if (!missing.length) return null;
		return Promise.all(
			missing.map((l) => fetching.get(l.id) ?? fetching.set(l.id, fetchLayer(l)).get(l.id)!)
		).then(() => {});
	};
}

/** The live map in `container`, at the first of `first` (the view being read, and the next),
 *  with their data layers fetched before it shows (the others are fetched when a view needs them).
 *  `progress` is told of each stage done (the data, the style, each step drawn). */
export async function openMap(
	container: HTMLElement,
	manifest: Manifest,
	theme: Theme,
	first: MapView[],
	progress: () => void = () => {}
): Promise<{
	map: MapLike;
	pin: Pin;
	helpers: Required<MapHelpers>;
	paint: (theme: Theme) => ReturnType<typeof themePaint>;
	/** WebGL is drawn in software here: views should change by cuts. */
	software: boolean;
}> {
	const webgl = webGL2();
	if (!webgl) throw new Error('WebGL2 is not available');
	const fontHref = new URL(fontUrl, location.href).href;
	const [maplibre, worker, data, width] = await Promise.all([
		import('maplibre-gl'),
		import('maplibre-gl/dist/maplibre-gl-worker.mjs?url'),
		loadMapData(
			manifest,
			fetchTopology,
			first.flatMap((v) => v.layers)
		),
		measurer(fontHref),
		import('maplibre-gl/dist/maplibre-gl.css')
	]);
	progress();
	maplibre.setWorkerUrl(worker.default);
	const frame = framer(data, manifest.layers, width);
	const box = { width: container.clientWidth, height: container.clientHeight };
	// Created at the first view's camera: its tiles, and its projection's shaders, are drawn first.
	const start = first.length ? frame(first[0], box).camera : {};
	const style = buildStyle(data, manifest.layers, fontHref, theme);
	const steps = webgl === 'software' ? hideForSteps(style, first[0]) : [];
	const map = new maplibre.Map({
		container,
		style,
		...start,
		// While reading, wheel and one-finger swipes scroll the page; the controller lifts this
		// when the reader explores.
		cooperativeGestures: true,
		attributionControl: { compact: true },
		// Its controls' titles and gesture hints in the story's language.
		locale: i18n.maplibreLocale(),
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
	map.getCanvas().setAttribute('aria-label', i18n.t('map.canvas'));
	await map.once('load');
	progress();
	await drawInSteps(map, steps, progress);
	// In software, every frame costs: a cut's view is drawn once its tiles are in.
	if (webgl === 'software') drawCutsWhole(map);
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
		helpers: {
			frame,
			litFilters: (highlight) => litFilters(manifest.layers, highlight),
			drawOver: (shown, camera, box) =>
				overlayLines(shown, manifest.layers, data, camera, box, width),
			need: layerFetcher(manifest.layers, data, (id) => map.getSource<GeoJSONSource>(id)),
			drawn: () => gpuFinished(map.getCanvas().getContext('webgl2')),
			stepIn: cutSteps(map, start)
		},
		paint: (t) => themePaint(data, manifest.layers, t),
		software: webgl === 'software'
	};
}
