// Why this file exists: the basemap is Natural Earth 1:50m, simplified, without islands under
// MIN_ISLAND_KM2 (lib/world.js): right for a continent, wrong for a small island, where the
// story's places would stand in the sea (Malta a blob, Gozo gone). A detail patch
// (geodata/basemap.json "details") draws such a place at 1:10m; this check finds the places that
// need one, and says what to add.

import * as topojsonClient from 'topojson-client';
import { AT_SEA, onOrNear } from './countries.js';
import { asPolygons } from './geometry.js';

/**
 * @typedef {number[]} Position
 * @typedef {{ id: string, bbox: number[] }} Detail
 */

const inBox = (/** @type {Position} */ [x, y], /** @type {number[]} */ [w, s, e, n]) =>
	x >= w && x <= e && y >= s && y <= n;

/**
 * The places of `points` layers (on land: their country is not "none") that the basemap would
 * draw in the sea: off the world's land by more than the country check's TOLERANCE_KM (a
 * harbour, a coastal city's centre: Helsinki and Novaya Zemlya's test site stand 1 to 3 km off
 * it, a few pixels at the scales the world is drawn at), and in no detail's box. One
 * message per country, with the detail to add.
 * @param {{ file: string, fc: any }[]} layers  validated layers
 * @param {any} world  the world topology (buildWorld)
 * @param {Detail[]} details
 * @param {string} basemapFile  geodata/basemap.json, as printed
 * @returns {string[]}
 */
export function placesAtSea(layers, world, details, basemapFile) {
	const lands = /** @type {import('geojson').FeatureCollection} */ (
		/** @type {any} */ (topojsonClient.feature(world, world.objects.countries))
	).features.flatMap((f) => asPolygons(f.geometry));

	/** @type {Map<string, { file: string, id: string, at: Position }[]>} country → its places at sea */
	const atSea = new Map();
	for (const { file, fc } of layers) {
		if (fc.kind !== 'points') continue;
		for (const f of fc.features) {
			const at = f.geometry.coordinates;
			const country = f.properties.country;
			if (f.geometry.type !== 'Point' || country === AT_SEA) continue;
			if (details.some((d) => inBox(at, d.bbox)) || onOrNear(lands, at)) continue;
			atSea.set(country, [...(atSea.get(country) ?? []), { file, id: f.properties.id, at }]);
		}
	}
	return [...atSea].map(([country, places]) => {
		const round = (/** @type {number} */ n) => Math.round(n * 10) / 10;
		// A box around the places at sea only (not the whole country: Washington and an Alaskan
		// island would ask for most of the United States at 1:10m), kept within the world.
		const xs = places.map((p) => p.at[0]);
		const ys = places.map((p) => p.at[1]);
		const bbox = [
			round(Math.max(-180, Math.min(...xs) - 0.3)),
			round(Math.max(-90, Math.min(...ys) - 0.2)),
			round(Math.min(180, Math.max(...xs) + 0.3)),
			round(Math.min(90, Math.max(...ys) + 0.2))
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
