/* eslint-disable svelte/prefer-svelte-reactivity -- its sets are replaced whole in $state.raw, never mutated, and its maps are private bookkeeping that nothing renders */
// The one place that drives the map. Sections only say which view they want (`show`); the
// controller works out what changed (layers, highlights, camera) and applies that, flying or
// jumping. Exploring is a mode of the same controller: the reader's own gestures move the camera,
// every layer can be looked at, and the story's views wait until the reader returns.
// State is exposed as runes so the map's view can write the data-* contract attributes and the
// place markers (buttons in its markup, pinned to the map with `pin`).
import type { Camera, FeatureInfo, LayerInfo, MapView } from '$lib/content/types';
import { fitZoom, formatCamera, sameCamera } from './camera';
import type { OverlayLine } from './route-overlay';
import type { Steps } from './software-start';
import { diffView } from './view-diff';

interface CameraOptions {
	center: [number, number];
	zoom: number;
	bearing: number;
	pitch: number;
}

/** The part of a MapLibre map the controller uses; tests pass a fake with the same methods. */
export interface MapLike {
	getContainer(): HTMLElement;
	getStyle(): { layers: { id: string }[] };
	setLayoutProperty(layer: string, name: 'visibility', value: 'visible' | 'none'): unknown;
	setLayoutProperty(layer: string, name: 'text-variable-anchor-offset', value: unknown): unknown;
	setFeatureState(
		feature: { source: string; id: string },
		state: { highlight: boolean } | { cut: boolean }
	): void;
	setPaintProperty(layer: string, name: string, value: unknown): unknown;
	setFilter(layer: string, filter: unknown): unknown;
	flyTo(options: CameraOptions & { duration: number; essential: boolean }): unknown;
	jumpTo(options: CameraOptions): unknown;
	getCenter(): { lng: number; lat: number };
	getZoom(): number;
	getBearing(): number;
	getPitch(): number;
	project(lngLat: [number, number]): { x: number; y: number };
	queryRenderedFeatures(
		box: [[number, number], [number, number]],
		options: { layers: string[] }
	): { properties: Record<string, unknown> }[];
	on(
		event:
			| 'move'
			| 'moveend'
			| 'render'
			| 'resize'
			| 'idle'
			| 'webglcontextlost'
			| 'webglcontextrestored',
		listener: () => void
	): unknown;
	on(event: 'movestart', listener: (e: { originalEvent?: unknown }) => void): unknown;
	on(event: 'click', listener: (e: { point: { x: number; y: number } }) => void): unknown;
	/** While reading, wheel and one-finger swipes scroll the page (ctrl/⌘+wheel, two fingers move the map). */
	cooperativeGestures: { enable(): void; disable(): void };
	remove(): void;
}

/** How a view's names are set in a box: each layer's anchors (label-anchors.ts), and the names
 *  with no room, hidden (label-fit.ts, label-anchors.ts). */
export interface LabelPlan {
	anchors: { layer: string; value: unknown }[];
	hidden: { source: string; id: string }[];
}

/** The camera of a view in a map box of `box`'s size (framing.ts's frameCamera, with the data),
 *  and how its names are set there. */
export type Frame = (
	view: MapView,
	box: { width: number; height: number }
) => { camera: Camera; labels: LabelPlan };

/** The lines drawn over the map for the data layers shown, for a camera in a box
 *  (route-overlay.ts, with the map's data). */
export type DrawOver = (
	shown: string[],
	camera: Camera,
	box: { width: number; height: number }
) => OverlayLine[];

/** Makes sure the map has the data of these layers (open-map fetches a layer when a view first
 *  needs it): null when it has them all, else a promise that they have been given to the map. */
export type Need = (layerIds: string[]) => Promise<void> | null;

/** What open-map adds to the map for the controller: framing, the overlay, the highlighted
 *  names' filters and the layers' data (each optional, for tests on a bare map). */
export interface MapHelpers {
	frame?: Frame;
	drawOver?: DrawOver;
	litFilters?: (highlight: string[]) => { layer: string; filter: unknown }[];
	need?: Need;
	/** Resolves once the GPU has finished what the map drew (software-start.ts): the map is shown
	 *  then, at first and after a cut, so that the page never waits for a frame it shows. */
	drawn?: () => Promise<void>;
	/** For a cut to `camera`: null, or the map's layers hidden and shown again a few at a time
	 *  (software-start.ts, where the cut would build shaders). */
	stepIn?: (camera: Camera) => Steps | null;
}

/** Pins an element (a feature's button) to a position on the map until `remove` is called. */
export type Pin = (element: HTMLElement, lngLat: [number, number]) => { remove(): void };

/** A feature marked on the map by a button, and where the button is pinned. */
export interface Marker {
	feature: FeatureInfo;
	at: [number, number];
}

export type MapState = 'loading' | 'ready' | 'fallback';
/** Why the live map is not shown (state 'fallback'): it cannot be had here, it is slow to come,
 *  or its WebGL context was lost. */
export type Problem = 'unavailable' | 'slow' | 'lost';
export type Mode = 'story' | 'explore';
export type Motion = 'fly' | 'jump';

/** How long a flight between two views takes, in ms. */
export const FLIGHT_MS = 1600;
/** A flight is drawn only where it can be watched: when its first frames come further apart than
 *  this (under 20 frames a second, as where WebGL is drawn in software and each frame holds the
 *  page for ~100 ms), it ends at its view at once, and the moves that follow are cuts. */
export const SLOW_FRAME_MS = 50;
/** How many frame intervals of a flight are judged (the median), after its first frame. */
export const JUDGED_FRAMES = 4;

export interface ControllerOptions {
	/** Called when the reader clicks a feature on the map itself. */
	onActivate?: (feature: FeatureInfo) => void;
	/** Called when exploring begins (by a button or by a gesture of the reader's). */
	onExplore?: () => void;
	/** Keep cooperative gestures while exploring too (an embedded map must never take its host
	 *  page's scroll). */
	alwaysCooperative?: boolean;
}

/** Pixels around a click within which a line counts as clicked. */
const CLICK_SLOP = 6;
/** The least distance between two shown markers' centres, in px: 44 px buttons that overlap by
 *  less than 10 px still leave each more than the 24 × 24 px a target needs (WCAG 2.5.8). */
const MARKER_GAP = 34;
/** Beyond this arc from the map's centre a place is on the far side of the globe (or at its rim). */
const FAR_SIDE_DEG = 85;
/** The arc between two [lng, lat] points, in degrees. */
function arcDegrees([lng1, lat1]: [number, number], [lng2, lat2]: [number, number]): number {
	const r = Math.PI / 180;
	const cos =
		Math.sin(lat1 * r) * Math.sin(lat2 * r) +
		Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.cos((lng2 - lng1) * r);
	return Math.acos(Math.min(1, Math.max(-1, cos))) / r;
}

/** A layer of features the reader can open (not the map's own labels, which name, not mark). */
const isFeatureLayer = (l: LayerInfo) => l.kind !== 'labels';

export class MapController {
	/** loading → ready once the live map has drawn the view; fallback (the still stays) when it
	 *  cannot be had, is slow to come or has lost its WebGL context; back to ready when it comes. */
	state = $state<MapState>('loading');
	/** Why the state is fallback. */
	problem = $state<Problem | null>(null);
	/** story: the map follows the sections; explore: the reader moves it. */
	mode = $state<Mode>('story');
	/** Section id of the view last applied: the `data-view` attribute. */
	sectionId = $state<string | null>(null);
	/** The camera when it last came to rest: the `data-camera` attribute. */
	camera = $state('');
	/** The camera when it last came to rest, as numbers (for the share URL). */
	settled = $state.raw<Camera | null>(null);
	/** Whether the camera is moving (a flight, a cut, or the reader's gesture) or the map is still
	 *  drawing where it came to rest: the `data-moving` attribute. */
	moving = $state(false);
	/** Views change by cuts, not flights: flights would be too slow to watch here (WebGL drawn in
	 *  software, or frames found to come slowly, SLOW_FRAME_MS). */
	byCuts = $state(false);
	/** A cut is being drawn out of sight, until the GPU has finished it: the page shows the view's
	 *  still meanwhile (a frame the page shows while SwiftShader draws it holds the page). */
	cutting = $state(false);
	/** The features marked on the map: the view's highlighted places, or every feature while exploring. */
	markers = $state.raw<Marker[]>([]);
	/** Whether a point of the map's box (CSS px) lies under one of the page's controls drawn over
	 *  the map: a marker there is hidden. Set by the view that draws the controls. */
	covered: ((x: number, y: number) => boolean) | null = null;
	/** Ids of the marked features inside the map's box (the others' buttons are hidden). */
	onscreen = $state.raw<ReadonlySet<string>>(new Set());
	/** The lines drawn over the map (route-overlay.ts), for the camera of the moment. */
	overlay = $state.raw<OverlayLine[]>([]);

	#map: MapLike | null = null;
	#pin: Pin | null = null;
	#layers: LayerInfo[];
	#options: ControllerOptions;
	#applied: MapView | null = null;
	#wanted: { sectionId: string; view: MapView } | null = null;
	/** The view the reader comes to next: its layers are fetched once the wanted view's are in. */
	#ahead: MapView | null = null;
	#exploreFrom: Camera | null = null;
	/** Waiting for the map to finish drawing the view before it is shown (ready). */
	#drawing = false;
	/** The WebGL context is lost: MapLibre has no style until it is restored, so nothing may touch it. */
	#lost = false;
	/** The context is back and MapLibre is loading its style again. */
	#restoring = false;
	/** The flight under way (its view's camera, and its frames' times) until it is judged. */
	#flight: { camera: Camera; frames: number[] } | null = null;
	/** Cuts made, to know which one a finished drawing was for. */
	#cuts = 0;
	/** The layers of the cut under way being shown in steps (helpers.stepIn). */
	#steps: Steps | null = null;
	/** The camera of the last jump, until a frame has been drawn there (#jump). */
	#jumped: Camera | null = null;
	/** Framing, the overlay, the highlighted names' filters and the layers' data (open-map). */
	#helpers: MapHelpers = {};
	/** The data layers shown now (the overlay's). */
	#shown = new Set<string>();
	/** The anchors set on each layer of names, and the names hidden (#setLabels). */
	#anchors = new Map<string, string>();
	#hidden = new Map<string, { source: string; id: string }>();
	/** The colours last asked for (`paint`). */
	#paint: { id: string; paint: Record<string, unknown> }[] | null = null;
	/** The style's layer ids of each data layer (`<layer id>:<part>`), read once: getStyle()
	 *  serialises the whole style, too much to do at every view change. */
	#parts = new Map<string, string[]>();

	constructor(layers: LayerInfo[], options: ControllerOptions = {}) {
		this.#layers = layers;
		this.#options = options;
	}

	/** Takes over a map whose style has loaded, and shows the view (or explores) as asked meanwhile.
	 *  `pin` pins the markers' buttons to it. */
	attach(map: MapLike, pin: Pin, helpers: MapHelpers = {}) {
		this.#map = map;
		this.#pin = pin;
		this.#helpers = helpers;
		map.on('move', () => {
			this.#redrawOverlay();
			this.#judgeFlight();
		});
		map.on('movestart', (e) => {
			this.moving = true;
			// A gesture of the reader's own (drag, ctrl+wheel, two fingers, arrow keys) starts exploring.
			if (e.originalEvent) this.explore();
		});
		map.on('moveend', () => {
			this.#flight = null;
			this.settled = this.#readCamera();
			this.camera = formatCamera(this.settled);
			this.#updateOnscreen();
		});
		map.on('click', (e) => this.#click(e.point));
		map.on('render', () => {
			const camera = this.#jumped;
			this.#jumped = null;
			if (camera && !sameCamera(camera, this.#readCamera())) map.jumpTo(camera);
		});
		// A new box size changes the fitted zoom: jump to the current view again.
		map.on('resize', () => this.mode === 'story' && this.#applyCamera('jump'));
		// The map is shown once it has drawn the view (its first 'idle' after being asked to).
		map.on('idle', () => {
			// Drawn where the camera came to rest: what is on screen is the view.
			this.moving = false;
			if (this.#restoring) {
				// The restored style has loaded and drawn: now the current view, afresh.
				this.#restoring = false;
				this.#lost = false;
				this.#applied = null;
				// A change of theme while the context was lost, or the theme it had: applied again.
				if (this.#paint) this.paint(this.#paint);
				this.#begin(null);
				return;
			}
			if (this.#drawing && (this.mode === 'explore' || this.#applied)) {
				// (In the story, not before the view is applied: it may wait for its layers' data.)
				this.#drawing = false;
				this.#afterDrawn(map, () => {
					this.state = 'ready';
					this.problem = null;
				});
			}
			if (this.cutting && !this.#steps) {
				const cut = this.#cuts;
				this.#afterDrawn(map, () => cut === this.#cuts && (this.cutting = false));
			}
		});
		map.on('webglcontextlost', () => {
			this.#lost = true;
			this.#drawing = false;
			this.fail('lost');
		});
		// MapLibre rebuilds its style from a snapshot (without the highlights), loading it anew.
		map.on('webglcontextrestored', () => (this.#restoring = true));
		this.#begin(this.#exploreFrom);
	}

	/** Runs `fn` once the GPU has finished what `map` drew (helpers.drawn; at once without it),
	 *  unless the map has gone or lost its context meanwhile. */
	#afterDrawn(map: MapLike, fn: () => void) {
		const run = () => this.#map === map && !this.#lost && fn();
		const drawn = this.#helpers.drawn?.();
		if (drawn) drawn.then(run);
		else run();
	}

	/** Draws the view asked for (or explores, from `camera` if given), then shows the map when that
	 *  is drawn. */
	#begin(camera: Camera | null) {
		const ids = this.#map!.getStyle().layers.map((l) => l.id);
		this.#parts = new Map(
			this.#layers.map((l) => [l.id, ids.filter((id) => id.startsWith(`${l.id}:`))])
		);
		this.#drawing = true;
		this.cutting = false;
		if (this.mode === 'explore') this.#startExploring(camera);
		else this.#apply('jump');
	}

	/** The live map cannot be shown (for `problem`): the page shows the still with a note. It
	 *  comes back when the map draws again (a slow load that ends, a restored context). */
	fail(problem: Problem) {
		this.state = 'fallback';
		this.problem = problem;
	}

	/** Shows `view` for section `sectionId`. Safe to call often: the latest call always wins, and
	 *  calls before the map is ready, or while exploring, are remembered and applied later.
	 *  `ahead` is the view the reader comes to next: its layers are fetched ahead. */
	show(sectionId: string, view: MapView, motion: Motion, ahead: MapView | null = null) {
		const shown = this.mode === 'story' && this.sectionId === sectionId && this.#applied === view;
		this.#wanted = { sectionId, view };
		this.#ahead = ahead;
		if (this.mode === 'story' && !shown) this.#apply(motion);
	}

	/** Lets the reader move the map, optionally starting at `camera` (a shared link). */
	explore(camera: Camera | null = null) {
		if (this.mode === 'explore' && !camera) return;
		if (this.mode === 'story') this.#options.onExplore?.();
		this.mode = 'explore';
		this.#exploreFrom = camera;
		if (this.#map) this.#startExploring(camera);
	}

	/** Back to the story: the map returns to the section's view and follows the sections again. */
	returnToStory(motion: Motion) {
		if (this.mode === 'story') return;
		this.mode = 'story';
		this.#map?.cooperativeGestures.enable();
		// Exploring showed every layer: diff from that, so highlights are cleared as usual.
		if (this.#applied) this.#applied = { ...this.#applied, layers: this.#layers.map((l) => l.id) };
		this.#apply(motion);
	}

	/** Sets every paint property given, by layer (the colours of another theme: style.ts's
	 *  themePaint). Visibility and highlights stay as they are. */
	paint(layers: { id: string; paint: Record<string, unknown> }[]) {
		this.#paint = layers;
		const map = this.#map;
		if (!map || this.#lost) return;
		for (const { id, paint } of layers)
			for (const [name, value] of Object.entries(paint)) map.setPaintProperty(id, name, value);
	}

	/** MapLibre's own controls over the map (zoom buttons, scale, credit): markers keep clear. */
	ownControls(): Element[] {
		const box = this.#map?.getContainer();
		return box
			? [
					...box.querySelectorAll(
						'.maplibregl-ctrl-bottom-right .maplibregl-ctrl, .maplibregl-ctrl-attrib'
					)
				]
			: [];
	}

	/** An attachment that pins a marker's button to `at` on the map, and unpins it when removed. */
	pin(at: [number, number]) {
		return (element: HTMLElement) => {
			const pinned = this.#pin?.(element, at);
			return () => pinned?.remove();
		};
	}

	/** Lets go of the map (the view that showed it is gone); a later `attach` starts afresh. */
	destroy() {
		this.#map?.remove();
		this.#map = null;
		this.#pin = null;
		this.#applied = null;
		this.#drawing = this.#lost = this.#restoring = this.moving = this.cutting = false;
		this.#steps = null;
		this.markers = [];
		this.onscreen = new Set();
		this.state = 'loading';
		this.problem = null;
	}

	#startExploring(camera: Camera | null) {
		const map = this.#map;
		if (!map || this.#lost) return;
		if (!this.#options.alwaysCooperative) map.cooperativeGestures.disable();
		this.cutting = false;
		// Every layer is shown; those not fetched yet appear as they arrive.
		this.#helpers.need?.(this.#layers.map((l) => l.id))?.catch(() => this.fail('unavailable'));
		for (const layer of this.#layers) this.#setVisible(layer.id, true);
		this.#placeMarkers(this.#features());
		if (camera) this.#jump(camera);
	}

	#apply(motion: Motion) {
		const map = this.#map;
		const wanted = this.#wanted;
		if (!map || !wanted || this.#lost) return;
		// A view is framed and shown once its layers' data is on the map; then the next view's
		// is fetched. Meanwhile the map shows the view before (the latest view asked for wins).
		const need = this.#helpers.need;
		const fetching = need?.(wanted.view.layers);
		if (fetching)
			return void fetching.then(
				() =>
					this.mode === 'story' &&
					this.#wanted === wanted &&
					this.#map === map &&
					this.#apply(motion),
				() => this.#map === map && this.fail('unavailable')
			);
		// (A failed fetch ahead is tried again when its view is wanted.)
		if (this.#ahead) need?.(this.#ahead.layers)?.catch(() => {});
		const change = diffView(
			this.#applied,
			wanted.view,
			this.#layers.map((l) => l.id)
		);
		change.hide.forEach((id) => this.#setVisible(id, false));
		change.show.forEach((id) => this.#setVisible(id, true));
		const setLit = (featureId: string, highlight: boolean) => {
			for (const layer of this.#layers)
				if (layer.features.some((f) => f.id === featureId))
					map.setFeatureState({ source: layer.id, id: featureId }, { highlight });
		};
		change.unhighlight.forEach((id) => setLit(id, false));
		change.highlight.forEach((id) => setLit(id, true));
		if (change.highlight.length || change.unhighlight.length)
			this.#namesFirst(wanted.view.highlight);
		this.#applied = wanted.view;
		this.sectionId = wanted.sectionId;
		// While reading, only the view's highlighted places carry a marker.
		const shown = this.#layers.flatMap((l) =>
			wanted.view.layers.includes(l.id) ? l.features : []
		);
		this.#placeMarkers(shown.filter((f) => f.point && wanted.view.highlight.includes(f.id)));
		this.#applyCamera(motion);
	}

	/** The highlighted features' names are placed before the others' (in a layer of names above
	 *  all the others, which MapLibre places first in every tile; litFilters in style.ts), so that
	 *  they win every collision. */
	#namesFirst(highlight: string[]) {
		const map = this.#map!;
		for (const { layer, filter } of this.#helpers.litFilters?.(highlight) ?? [])
			map.setFilter(layer, filter);
	}

	#setVisible(layerId: string, visible: boolean) {
		const map = this.#map!;
		this.#endSteps();
		if (visible) this.#shown.add(layerId);
		else this.#shown.delete(layerId);
		this.#redrawOverlay();
		for (const id of this.#parts.get(layerId) ?? [])
			map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
	}

	/** A cut still being shown in steps is shown whole at once (before the map is changed again). */
	#endSteps() {
		this.#steps?.finish();
		this.#steps = null;
	}

	#applyCamera(motion: Motion) {
		const map = this.#map;
		const view = this.#applied;
		if (!map || !view || this.#lost) return;
		const box = { width: map.getContainer().clientWidth, height: map.getContainer().clientHeight };
		const framed = this.#helpers.frame?.(view, box);
		const camera = framed?.camera ?? {
			...view.camera,
			zoom: fitZoom(view.camera.zoom, box.width, box.height)
		};
		if (framed) this.#setLabels(framed.labels);
		if (motion === 'fly' && !this.byCuts) {
			map.flyTo({ ...camera, duration: FLIGHT_MS, essential: true });
			this.#flight = { camera, frames: [] };
			return;
		}
		if (this.byCuts) {
			// (Before the map is first shown too: a view the reader moved on to meanwhile keeps it
			// out of sight until it is drawn.)
			this.cutting = true;
			this.#endSteps();
			const cut = ++this.#cuts;
			const steps = this.#helpers.stepIn?.(camera);
			if (steps) {
				this.#steps = steps;
				void steps.done.then((whole) => {
					if (!whole || cut !== this.#cuts || this.#map !== map || this.#lost) return;
					this.#steps = null;
					this.cutting = false;
				});
			}
		}
		this.#jump(camera);
	}

	/** Jumps to `camera`. MapLibre's globe constrains a camera as the projection of the zoom it
	 *  leaves would (above zoom 11, Mercator's: a low zoom's latitude clamped to the equator); the
	 *  first frame drawn switches the projection, and the camera is set again there if it was moved. */
	#jump(camera: Camera) {
		this.#jumped = camera;
		this.#map!.jumpTo(camera);
	}

	/** Views change by cuts from now on (byCuts). */
	cutsOnly() {
		this.byCuts = true;
	}

	/** Times a flight's frames (SLOW_FRAME_MS): too slow to watch, it becomes a cut. */
	#judgeFlight() {
		const flight = this.#flight;
		if (!flight) return;
		flight.frames.push(performance.now());
		if (flight.frames.length < JUDGED_FRAMES + 2) return;
		this.#flight = null;
		const gaps = flight.frames
			.slice(2)
			.map((t, i) => t - flight.frames[i + 1])
			.sort((a, b) => a - b);
		if (gaps[gaps.length >> 1] <= SLOW_FRAME_MS) return;
		this.cutsOnly();
		this.#jump(flight.camera);
	}

	/** The names' anchors and the hidden names of the view, where they changed. */
	#setLabels({ anchors, hidden }: LabelPlan) {
		const map = this.#map!;
		for (const { layer, value } of anchors) {
			const json = JSON.stringify(value);
			if (this.#anchors.get(layer) === json) continue;
			this.#anchors.set(layer, json);
			map.setLayoutProperty(layer, 'text-variable-anchor-offset', value);
		}
		const key = (f: { source: string; id: string }) => `${f.source}\n${f.id}`;
		const now = new Map(hidden.map((f) => [key(f), f]));
		for (const [k, f] of this.#hidden) if (!now.has(k)) map.setFeatureState(f, { cut: false });
		for (const [k, f] of now) if (!this.#hidden.has(k)) map.setFeatureState(f, { cut: true });
		this.#hidden = now;
	}

	/** The overlay's lines for the camera of the moment. */
	#redrawOverlay() {
		const map = this.#map;
		const drawOver = this.#helpers.drawOver;
		if (!map || !drawOver) return;
		const box = { width: map.getContainer().clientWidth, height: map.getContainer().clientHeight };
		const lines = drawOver([...this.#shown], this.#readCamera(), box);
		// Every frame of a camera move comes here: a view with nothing over it stays as it was.
		if (lines.length || this.overlay.length) this.overlay = lines;
	}

	/** A button on each feature, so it can be activated by click, tap or keyboard. */
	#placeMarkers(features: FeatureInfo[]) {
		// A feature marked before keeps its marker object, so its button is not pinned again.
		const before = new Map(this.markers.map((m) => [m.feature.id, m]));
		this.markers = features.flatMap((feature) => {
			const at = feature.point ?? feature.anchor;
			return at ? [before.get(feature.id) ?? { feature, at }] : [];
		});
		this.#updateOnscreen();
	}

	/** Markers outside the map's box, on the far side of the globe, or too close to one shown before
	 *  them (their buttons would overlap) are hidden, so Tab never lands on something out of sight
	 *  or covered, and every target keeps its size. */
	#updateOnscreen() {
		const map = this.#map!;
		const box = map.getContainer();
		const { lng, lat } = map.getCenter();
		const shown: { x: number; y: number }[] = [];
		const inside = this.markers.filter((m) => {
			if (arcDegrees([lng, lat], m.at) > FAR_SIDE_DEG) return false;
			const { x, y } = map.project(m.at);
			if (x < 0 || y < 0 || x > box.clientWidth || y > box.clientHeight) return false;
			if (shown.some((p) => Math.hypot(p.x - x, p.y - y) < MARKER_GAP) || this.covered?.(x, y))
				return false;
			shown.push({ x, y });
			return true;
		});
		this.onscreen = new Set(inside.map((m) => m.feature.id));
	}

	/** A click on the map: the first feature of a visible data layer under it, if any. */
	#click(point: { x: number; y: number }) {
		const map = this.#map;
		if (!map || this.#lost) return;
		const ours = this.#layers.filter(isFeatureLayer).flatMap((l) => this.#parts.get(l.id) ?? []);
		const box: [[number, number], [number, number]] = [
			[point.x - CLICK_SLOP, point.y - CLICK_SLOP],
			[point.x + CLICK_SLOP, point.y + CLICK_SLOP]
		];
		const [hit] = map.queryRenderedFeatures(box, { layers: ours });
		const feature = hit && this.#features().find((f) => f.id === hit.properties.id);
		if (feature) this.#options.onActivate?.(feature);
	}

	/** The features a reader can open: those of every layer but the map's own labels. */
	#features(): FeatureInfo[] {
		return this.#layers.filter(isFeatureLayer).flatMap((l) => l.features);
	}

	#readCamera(): Camera {
		const map = this.#map!;
		const c = map.getCenter();
		return {
			center: [c.lng, c.lat],
			zoom: map.getZoom(),
			bearing: map.getBearing(),
			pitch: map.getPitch()
		};
	}
}
