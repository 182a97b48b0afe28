// The camera of a view in a map box: one function for the live map (controller), the stills
// (phone, desktop, card, print), embeds and the tests. A view that declares its subject (the
// features it must show) is fitted to it in every box: the subject as large as it goes inside the
// area the map's controls leave free, less the view's padding, centred there. A view without one
// keeps its authored camera, its zoom scaled to the box (fitZoom).
import { geoDistance } from 'd3-geo';
import type { Feature, Position } from 'geojson';
import type { Camera, MapView } from '$lib/content/types';
import { CONTROL_BAND, fitZoom, MIN_ZOOM, PHONE_BAND } from './camera';
import { cameraProjection, type Box } from './projection';
import type { MapData } from './style';
import { featuresOf } from './layer-features';

/** Below this width the map sits above the text and shows the narrow stills (app.css, +page),
 *  and its controls share one band along its bottom edge (PHONE_INSETS). */
export const NARROW_MEDIA = '(max-width: 760px)';

/** What the map's controls take along each edge of a box, in CSS px. */
export interface Insets {
	top: number;
	right: number;
	bottom: number;
	left: number;
}

/** The map box's controls beside the text: the mode button along the top, the key and the
 *  credit along the bottom. */
export const MAP_INSETS: Insets = { top: CONTROL_BAND, right: 0, bottom: CONTROL_BAND, left: 0 };
/** On a phone (and in an embed) all the controls share one thin band along the bottom. */
export const PHONE_INSETS: Insets = { top: 0, right: 0, bottom: PHONE_BAND, left: 0 };
/** A still with no controls over it. */
export const NO_INSETS: Insets = { top: 0, right: 0, bottom: 0, left: 0 };
/** The locator globe in a shared link's card (and print): its side and its margin from the
 *  top-right corner, in px. */
export const CARD_LOCATOR = { size: 96, margin: 16 };
/** A shared link's card, and print: nothing over it but the locator, whose corner its right
 *  edge keeps clear. */
/** The map box of a section's still on paper (CSS px), drawn 1200 px wide: printed 12.5 cm wide
 *  (StorySection), an 11 px name is 7.5 pt. */
export const PRINT_BOX = { width: 520, height: 293 };
export const PRINT_PIXELS = { width: 1200, height: Math.round((293 * 1200) / 520) };
export const CARD_INSETS: Insets = {
	...NO_INSETS,
	right: CARD_LOCATOR.size + 2 * CARD_LOCATOR.margin
};

/** The highest zoom a subject is fitted at (a single point would otherwise zoom forever). */
const MAX_FIT_ZOOM = 16;
/** At most this many of a subject's positions are fitted (every nth of a long line's, its ends
 *  kept): a camera is framed in a few milliseconds, at every change of view. */
const MAX_POINTS = 160;

/** The positions of the subject's features, from the map's data: every position of each, or,
 *  past MAX_POINTS in all, an even share of each feature's (its first and last kept), so that a
 *  long outline never crowds a single place out. */
export function subjectPoints(view: MapView, data: Pick<MapData, 'layers'>): [number, number][] {
	const each = subjectFeatures(view, data);
	const total = each.reduce((n, p) => n + p.length, 0);
	if (total <= MAX_POINTS) return each.flat();
	const share = Math.max(2, Math.floor(MAX_POINTS / each.length));
	return each.flatMap((points) => {
		const step = Math.ceil(points.length / share);
		return step <= 1 ? points : points.filter((_, i) => i % step === 0 || i === points.length - 1);
	});
}

/** Each subject feature's positions. */
function subjectFeatures(view: MapView, data: Pick<MapData, 'layers'>): [number, number][][] {
	const wanted = new Set(view.subject);
	const positions = (g: Feature['geometry']): Position[] =>
		g.type === 'Point'
			? [g.coordinates]
			: g.type === 'MultiPoint' || g.type === 'LineString'
				? g.coordinates
				: g.type === 'MultiLineString' || g.type === 'Polygon'
					? g.coordinates.flat()
					: g.type === 'MultiPolygon'
						? g.coordinates.flat(2)
						: [];
	return view.layers.flatMap((layer) =>
		featuresOf(data, layer)
			.filter((f) => wanted.has(String(f.properties?.id)))
			.map((f) => positions(f.geometry).map((p) => [p[0], p[1]] as [number, number]))
	);
}

/** The direction of the points' mean on the sphere, as [longitude, latitude]. */
function meanDirection(points: [number, number][]): [number, number] {
	const rad = Math.PI / 180;
	let [x, y, z] = [0, 0, 0];
	for (const [lng, lat] of points) {
		x += Math.cos(lat * rad) * Math.cos(lng * rad);
		y += Math.cos(lat * rad) * Math.sin(lng * rad);
		z += Math.sin(lat * rad);
	}
	return [Math.atan2(y, x) / rad, Math.atan2(z, Math.hypot(x, y)) / rad];
}

/** The point `east` and `north` radians away from `center` on the sphere (a small step). */
function moveOnSphere(center: [number, number], east: number, north: number): [number, number] {
	const rad = Math.PI / 180;
	const [lng, lat] = [center[0] * rad, center[1] * rad];
	// The centre, and the unit vectors east and north of it, in 3D.
	const p = [Math.cos(lat) * Math.cos(lng), Math.cos(lat) * Math.sin(lng), Math.sin(lat)];
	const e = [-Math.sin(lng), Math.cos(lng), 0];
	const n = [-Math.sin(lat) * Math.cos(lng), -Math.sin(lat) * Math.sin(lng), Math.cos(lat)];
	const q = p.map((v, i) => v + east * e[i] + north * n[i]);
	return [Math.atan2(q[1], q[0]) / rad, Math.atan2(q[2], Math.hypot(q[0], q[1])) / rad];
}

/** Where the subject goes in `box`: the box less the controls' bands and the view's padding
 *  (never more than a quarter of the shorter side left, so that a small embed keeps room for it). */
export function freeBox(view: MapView, box: Box, insets: Insets) {
	const side = Math.min(
		box.width - insets.left - insets.right,
		box.height - insets.top - insets.bottom
	);
	const pad = Math.max(0, Math.min(view.padding, side / 4));
	return {
		x0: insets.left + pad,
		y0: insets.top + pad,
		x1: box.width - insets.right - pad,
		y1: box.height - insets.bottom - pad
	};
}

/** The camera of `view` in `box`, given its subject's positions (subjectPoints). */
export function frameCamera(
	view: MapView,
	box: Box,
	points: [number, number][],
	insets: Insets = MAP_INSETS
): Camera {
	const { camera } = view;
	if (!view.subject.length || !points.length)
		return { ...camera, zoom: fitZoom(camera.zoom, box.width, box.height) };
	const free = freeBox(view, box, insets);
	// Where the points land for a camera, or null when one is beyond the horizon.
	const place = (c: Camera) => {
		const projection = cameraProjection(c, box);
		const horizon = ((projection.clipAngle() ?? 90) * Math.PI) / 180;
		const xy: [number, number][] = [];
		for (const p of points) {
			if (geoDistance(p, c.center) >= horizon) return null;
			xy.push(projection(p)!);
		}
		return xy;
	};
	const inside = (xy: [number, number][] | null) =>
		!!xy && xy.every(([x, y]) => x >= free.x0 && x <= free.x1 && y >= free.y0 && y <= free.y1);
	/** The highest zoom at which the points fit, for a centre. */
	const fitAt = (center: [number, number]) => {
		let [lo, hi] = [MIN_ZOOM, MAX_FIT_ZOOM];
		if (inside(place({ ...camera, center, zoom: hi }))) return hi;
		for (let i = 0; i < 30; i++) {
			const mid = (lo + hi) / 2;
			if (inside(place({ ...camera, center, zoom: mid }))) lo = mid;
			else hi = mid;
		}
		return lo;
	};
	// Centre the points' extent in the free area: a few steps from their mean direction, keeping
	// the centre that lets the subject show largest.
	let center = meanDirection(points);
	let zoom = fitAt(center);
	let best = { center, zoom };
	for (let step = 0; step < 4; step++) {
		const xy = place({ ...camera, center, zoom });
		if (!xy) break;
		const xs = xy.map((p) => p[0]);
		const ys = xy.map((p) => p[1]);
		const [dx, dy] = [
			(Math.min(...xs) + Math.max(...xs)) / 2 - (free.x0 + free.x1) / 2,
			(Math.min(...ys) + Math.max(...ys)) / 2 - (free.y0 + free.y1) / 2
		];
		if (Math.hypot(dx, dy) < 0.5) break;
		// The offset in px, turned by the bearing, as an angle on the globe (its radius in px),
		// moved along the sphere from the centre.
		const radius = cameraProjection({ ...camera, center, zoom }, box).scale();
		const b = (camera.bearing * Math.PI) / 180;
		const east = (dx * Math.cos(b) + dy * Math.sin(b)) / radius;
		const north = -(-dx * Math.sin(b) + dy * Math.cos(b)) / radius;
		center = moveOnSphere(center, east, north);
		zoom = fitAt(center);
		if (zoom > best.zoom && inside(place({ ...camera, center, zoom }))) best = { center, zoom };
	}
	return { ...camera, ...best };
}
