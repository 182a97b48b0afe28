// Why this file exists: coordinates can be in range and still wrong. Kyiv typed latitude first,
// [50.4501, 30.5234], lies in Iran, passed every other check and silently changed a published
// distance. So every Point of a `points` layer names the country it is in (`properties.country`,
// the Natural Earth admin-0 name as world-atlas has it, e.g. "United States of America"; or
// "none" for a point at sea), and the build checks that the point lies in that country.
//
// Which land: Natural Earth 1:10m (world-atlas countries-10m.json, loaded anyway for the detail
// clips and the distances), with Crimea moved to Ukraine as on the map. Not the 1:50m world:
// it drops islands under a size (the Diomedes). Even at 1:10m a coastline is approximate, and
// points on a shore fall just outside it (Diomede village, 150 m off Little Diomede's outline;
// Sevastopol's centre, 240 m into its bay), so a point within TOLERANCE_KM of its country's
// outline is accepted. A swapped or mistyped coordinate moves a point by far more than that.

import * as turf from '@turf/turf';
import { asPolygons } from './geometry.js';
import { moveCrimeaToUkraine } from './world.js';

/** How far outside its country's 1:10m outline a point may lie, in km (coasts, small islands). */
export const TOLERANCE_KM = 3;
/** `properties.country` of a point at sea: it must then lie in no country's land. */
export const AT_SEA = 'none';
/** Kilometres per degree of latitude on turf's sphere (R = 6371.0088 km). */
const KM_PER_DEGREE = 111.195;

/** @typedef {number[]} Position */
/** @typedef {Position[][]} Land  one polygon of a country: its rings */

/**
 * The 1:10m countries by name, Crimea in Ukraine.
 * @param {{ countries: import('geojson').FeatureCollection }} detail  from loadDetailSource()
 * @returns {Map<string, Land[]>}
 */
export function countryIndex(detail) {
	// Copies: moving Crimea replaces the two features' geometry, and the clips need the original.
	const features = detail.countries.features.map((f) => ({ ...f }));
	moveCrimeaToUkraine(features);
	return new Map(features.map((f) => [String(f.properties?.name), asPolygons(f.geometry)]));
}

/** Boxes of the polygons tested so far: computed on first use, so that a build whose points
 *  are all right only reads the countries they name. */
/** @type {WeakMap<Land, number[]>} */
const boxes = new WeakMap();

/** [west, south, east, north] of a polygon's outer ring. */
function boxOf(/** @type {Land} */ land) {
	let box = boxes.get(land);
	if (!box) {
		let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
		for (const [x, y] of land[0]) {
			[w, s, e, n] = [Math.min(w, x), Math.min(s, y), Math.max(e, x), Math.max(n, y)];
		}
		box = [w, s, e, n];
		boxes.set(land, box);
	}
	return box;
}

/** The point, and the same point 360° east and west: some 10m rings run past ±180° (Chukotka). */
const copies = (/** @type {Position} */ [x, y]) => [
	[x, y],
	[x + 360, y],
	[x - 360, y]
];

/** Whether the point lies in one of the lands. */
function inside(/** @type {Land[]} */ lands, /** @type {Position} */ point) {
	return copies(point).some(([x, y]) =>
		lands.some((land) => {
			const [w, s, e, n] = boxOf(land);
			return (
				x >= w &&
				x <= e &&
				y >= s &&
				y <= n &&
				turf.booleanPointInPolygon([x, y], { type: 'Polygon', coordinates: land })
			);
		})
	);
}

/**
 * Distance in km from the point to the nearest outline of the lands, when under maxKm (else
 * Infinity). Measured on a flat local map (x scaled by cos latitude): exact enough at a few km.
 * @param {Land[]} lands
 * @param {Position} point
 * @param {number} maxKm
 */
function kmToOutline(lands, point, maxKm) {
	let best = Infinity;
	for (const [x, y] of copies(point)) {
		const kx = KM_PER_DEGREE * Math.cos((y * Math.PI) / 180);
		const [dx, dy] = [maxKm / kx, maxKm / KM_PER_DEGREE];
		for (const land of lands) {
			const [w, s, e, n] = boxOf(land);
			if (x < w - dx || x > e + dx || y < s - dy || y > n + dy) continue;
			for (const ring of land) {
				for (let i = 1; i < ring.length; i++) {
					const a = [(ring[i - 1][0] - x) * kx, (ring[i - 1][1] - y) * KM_PER_DEGREE];
					const b = [(ring[i][0] - x) * kx, (ring[i][1] - y) * KM_PER_DEGREE];
					best = Math.min(best, originToSegment(a, b));
				}
			}
		}
	}
	return best <= maxKm ? best : Infinity;
}

/** Distance from [0, 0] to the segment a–b, on a plane. */
function originToSegment(/** @type {Position} */ [ax, ay], /** @type {Position} */ [bx, by]) {
	const [dx, dy] = [bx - ax, by - ay];
	const length2 = dx * dx + dy * dy;
	const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / length2));
	return Math.hypot(ax + t * dx, ay + t * dy);
}

/** Whether the point lies in the named country, or within TOLERANCE_KM of its outline. */
function fits(
	/** @type {Map<string, Land[]>} */ index,
	/** @type {string} */ country,
	/** @type {Position} */ point
) {
	return onOrNear(index.get(country) ?? [], point);
}

/**
 * Whether the point lies in one of the lands, or within TOLERANCE_KM of their outline.
 * @param {Land[]} lands
 * @param {Position} point
 */
export function onOrNear(lands, point) {
	return inside(lands, point) || kmToOutline(lands, point, TOLERANCE_KM) <= TOLERANCE_KM;
}

/** The country whose land holds the point, or null (at sea). Tests every country: only used
 *  once a point is known to be wrong, to say where it is. */
function countryAt(/** @type {Map<string, Land[]>} */ index, /** @type {Position} */ point) {
	for (const [name, lands] of index) if (inside(lands, point)) return name;
	return null;
}

/** A country within TOLERANCE_KM of the point (a point just off a coast), or null. */
function countryWithin(/** @type {Map<string, Land[]>} */ index, /** @type {Position} */ point) {
	for (const [name, lands] of index)
		if (kmToOutline(lands, point, TOLERANCE_KM) <= TOLERANCE_KM) return name;
	return null;
}

/**
 * Check that each Point of each `points` layer lies in its `properties.country`. Labels may sit
 * on the sea, lines and areas cross borders, and a MultiPoint may span countries: not checked.
 * @param {{ file: string, fc: any }[]} layers  validated layers; `file` as printed in messages
 * @param {Map<string, Land[]>} index  from countryIndex()
 * @returns {string[]} "<file>: feature <id>: <reason>"
 */
export function checkCountries(layers, index) {
	/** @type {string[]} */
	const errors = [];
	for (const { file, fc } of layers) {
		if (fc.kind !== 'points') continue;
		for (const f of fc.features) {
			if (f.geometry.type !== 'Point') continue;
			const problem = countryProblem(index, f.properties.country, f.geometry.coordinates);
			if (problem) errors.push(`${file}: feature ${f.properties.id}: ${problem}`);
		}
	}
	return errors;
}

/**
 * Why a point does not fit its `properties.country`, or null.
 * @param {Map<string, Land[]>} index
 * @param {unknown} country
 * @param {Position} point
 */
function countryProblem(index, country, point) {
	// The usual case tests one country's polygons; the whole world only when something is wrong.
	if (typeof country === 'string' && index.has(country) && fits(index, country, point)) return null;
	const found = countryAt(index, point);
	if (country === AT_SEA) {
		return found
			? `properties.country is "${AT_SEA}" (at sea) but the point is in ${found}: set "country": "${found}", or check the coordinates`
			: null;
	}
	// What to suggest: the country the point is in or, off a coast, next to.
	const near = found ?? countryWithin(index, point);
	if (country === undefined) {
		return near
			? `missing properties.country: add "country": "${near}" (the Natural Earth name of the country the point is in), so that the build can check the coordinates`
			: `missing properties.country: the point is in no country's land; add "country": "${AT_SEA}" if it is at sea, else check the coordinates`;
	}
	if (typeof country !== 'string' || !index.has(country)) {
		const instead = near ? `; the point is in "${near}"` : '';
		return `properties.country ${JSON.stringify(country)} is not a Natural Earth country name (as in world-atlas countries-10m.json, e.g. "United States of America", "Russia")${instead}`;
	}
	const [x, y] = point;
	const swapped = Math.abs(x) <= 90 && fits(index, country, [y, x]);
	const hint = swapped
		? 'are longitude and latitude swapped? GeoJSON is [longitude, latitude]'
		: 'check the coordinates (GeoJSON is [longitude, latitude]) or properties.country';
	return `point [${x}, ${y}] is not inside ${country} (it is in ${found ?? "no country's land"}); ${hint}`;
}
