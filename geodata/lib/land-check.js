// Why this file exists: the basemap is Natural Earth 1:50m, simplified, without islands under
// MIN_ISLAND_KM2 (lib/world.js): right for a continent, wrong for a small island, where the
// story's places would stand in the sea (Malta a blob, Gozo gone). A detail patch
// (geodata/basemap.json "details") draws such a place at 1:10m; this check finds the places that
// need one, and says what to add.

import * as turf from '@turf/turf';
import * as topojsonClient from 'topojson-client';
import { AT_SEA, TOLERANCE_KM } from './countries.js';
import { asPolygons } from './geometry.js';

/**
 * @typedef {number[]} Position
 * @typedef {{ id: string, bbox: number[] }} Detail
 */

/** How far off the simplified coast a place may stand (a harbour, a coastal city's centre): as
 *  far as the country check allows, a few pixels at the scales the world basemap is drawn at
 *  (Helsinki and Novaya Zemlya's test site stand 1 to 3 km off it). */
const SHORE_KM = TOLERANCE_KM;

const inBox = (/** @type {Position} */ [x, y], /** @type {number[]} */ [w, s, e, n]) =>
	x >= w && x <= e && y >= s && y <= n;

/**
 * The places of `points` layers (on land: their country is not "none") that the basemap would
 * draw in the sea: off the world's land by more than SHORE_KM, and in no detail's box. One
 * message per country, with the detail to add.
 * @param {{ file: string, fc: any }[]} layers  validated layers
 * @param {any} world  the world topology (buildWorld)
 * @param {Detail[]} details
 * @param {string} basemapFile  geodata/basemap.json, as printed
 * @returns {string[]}
 */
export function placesAtSea(layers, world, details, basemapFile) {
	const polygons = /** @type {import('geojson').FeatureCollection} */ (
		/** @type {any} */ (topojsonClient.feature(world, world.objects.countries))
	).features.flatMap((f) => asPolygons(f.geometry).map((p) => turf.polygon(p)));
	const boxes = polygons.map((p) => turf.bbox(p));
	const pad = SHORE_KM / 100; // degrees: a box test before the distance is measured
	const onLand = (/** @type {Position} */ at) =>
		polygons.some(
			(p, i) =>
				inBox(at, [boxes[i][0] - pad, boxes[i][1] - pad, boxes[i][2] + pad, boxes[i][3] + pad]) &&
				(turf.booleanPointInPolygon(at, p) ||
					p.geometry.coordinates.some(
						(ring) =>
							turf.pointToLineDistance(at, turf.lineString(ring), { units: 'kilometers' }) <=
							SHORE_KM
					))
		);

	/** @type {Map<string, { file: string, id: string, at: Position }[]>} country → its places at sea */
	const atSea = new Map();
	for (const { file, fc } of layers) {
		if (fc.kind !== 'points') continue;
		for (const f of fc.features) {
			const at = f.geometry.coordinates;
			const country = f.properties.country;
			if (f.geometry.type !== 'Point' || country === AT_SEA) continue;
			if (details.some((d) => inBox(at, d.bbox)) || onLand(at)) continue;
			atSea.set(country, [...(atSea.get(country) ?? []), { file, id: f.properties.id, at }]);
		}
	}
	/** Every place of a country, the detail to suggest covering them all. */
	const all = (/** @type {string} */ country) =>
		layers.flatMap(({ fc }) =>
			fc.kind === 'points'
				? fc.features
						.filter((/** @type {any} */ f) => f.properties.country === country)
						.map((/** @type {any} */ f) => f.geometry.coordinates)
				: []
		);
	return [...atSea].map(([country, places]) => {
		const round = (/** @type {number} */ n) => Math.round(n * 10) / 10;
		const xs = all(country).map((p) => p[0]);
		const ys = all(country).map((p) => p[1]);
		const bbox = [
			round(Math.min(...xs) - 0.3),
			round(Math.min(...ys) - 0.2),
			round(Math.max(...xs) + 0.3),
			round(Math.max(...ys) + 0.2)
		];
		const name = String(country)
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-|-$/g, '');
		const detail = {
			id: `detail-${name}`,
			title: String(country),
			bbox,
			expect: places.slice(0, 1).map((p) => ({ feature: p.id, in: country }))
		};
		const list = places.map((p) => `${p.id} (${p.file})`).join(', ');
		return `${basemapFile}: the basemap (Natural Earth 1:50m, simplified, without small islands) would draw ${list} in the sea: add a detail to "details" there, which draws the land of its box at 1:10m, e.g. ${JSON.stringify(detail)} (geodata/README.md, "Checks the build makes", says more)`;
	});
}
