// The locator: a small globe in a corner of every zoomed-in map, centred on where the view looks
// and marking it, so that a reader dropped onto a runway or a strait knows where on Earth it is.
// Drawn from the same world data as the map, as SVG: served to the map box as /locators/<section>
// (-dark).svg, and drawn into the share card's still. A view that is itself a globe has none.
import { base } from '$app/paths';
import { geoOrthographic, geoPath, geoTransform, type GeoStream } from 'd3-geo';
import type { MapView } from '$lib/content/types';
import type { Theme } from '$lib/theme/tokens';

/** The locator's side, in CSS px: it sits inside the band of the controls (CONTROL_BAND,
 *  PHONE_BAND), where no view puts its subject. */
export const LOCATOR_SIZE = 44;

/** Views zoomed in this far or further (their authored zoom) have a locator. */
const LOCATOR_FROM_ZOOM = 3;

export const hasLocator = (view: MapView) => view.camera.zoom >= LOCATOR_FROM_ZOOM;

/** Where a section's locator is: /locators/<section>.svg, or -dark.svg. */
export const locatorPath = (sectionId: string, theme: Theme = 'light') =>
	`${base}/locators/${sectionId}${theme === 'dark' ? '-dark' : ''}.svg`;

/** The locator of a view centred on `center`, marking `points` (its subject's positions): the
 *  SVG's markup, `size` px square, in `colours` (a theme's palette, or CSS colours). */
export function locatorSvg(
	center: [number, number],
	points: [number, number][],
	countries: GeoJSON.FeatureCollection,
	colours: { water: string; land: string; space: string; highlight: string; labelHalo: string },
	size = LOCATOR_SIZE
): string {
	const projection = geoOrthographic()
		.rotate([-center[0], -center[1]])
		.fitExtent(
			[
				[1.5, 1.5],
				[size - 1.5, size - 1.5]
			],
			{ type: 'Sphere' }
		);
	// A point closer than half a pixel to the last one drawn adds nothing at this size, and a ring
	// left with fewer than three points (an island under a pixel) is not drawn at all.
	let ring: [number, number][] = [];
	const thin = geoTransform({
		lineStart() {
			ring = [];
		},
		point(x: number, y: number) {
			const last = ring.at(-1);
			if (!last || Math.hypot(x - last[0], y - last[1]) >= 0.5) ring.push([x, y]);
		},
		lineEnd() {
			if (ring.length < 3) return;
			this.stream.lineStart();
			for (const [x, y] of ring) this.stream.point(x, y);
			this.stream.lineEnd();
		}
	});
	const project = { stream: (s: GeoStream) => projection.stream(thin.stream(s)) };
	const path = geoPath(project).digits(1);
	const sphere = geoPath(projection).digits(1)({ type: 'Sphere' });
	// The view's place: a ring around its subject (at least a few px across).
	const xy = points.map((p) => projection(p)).filter((p): p is [number, number] => !!p);
	const [cx, cy] = xy.length
		? [
				(Math.min(...xy.map((p) => p[0])) + Math.max(...xy.map((p) => p[0]))) / 2,
				(Math.min(...xy.map((p) => p[1])) + Math.max(...xy.map((p) => p[1]))) / 2
			]
		: [size / 2, size / 2];
	const r = Math.max(3.5, ...xy.map(([x, y]) => Math.hypot(x - cx, y - cy)));
	const f1 = (n: number) => Math.round(n * 10) / 10;
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">` +
		`<path d="${sphere}" fill="${colours.water}" stroke="${colours.labelHalo}" stroke-width="1.5"/>` +
		`<path d="${path(countries) ?? ''}" fill="${colours.land}"/>` +
		`<circle cx="${f1(cx)}" cy="${f1(cy)}" r="${f1(r)}" fill="none" stroke="${colours.labelHalo}" stroke-width="3.5"/>` +
		`<circle cx="${f1(cx)}" cy="${f1(cy)}" r="${f1(r)}" fill="none" stroke="${colours.highlight}" stroke-width="2"/>` +
		'</svg>'
	);
}
