// Why this file exists: only Natural Earth 1:10m has the Diomede islands and a usable Anchorage
// coastline, but the 10m file is 3.6 MB. A detail clip cuts a small box out of it: the map paints
// `frame` as water over the coarser 1:50m basemap, then the clip's `land` and `borders` on top.
//
// The Bering box straddles nothing itself, but Russia's 10m mainland ring crosses ±180°: rings
// are made continuous first (Chukotka at 169°–190°), then clipped both with the box and with the
// box shifted by +360°, the second result shifted back by −360°.

import * as topojsonClient from 'topojson-client';
import { topology } from 'topojson-server';
import * as turf from '@turf/turf';
import { unwrapLine, unwrapPolygons } from './antimeridian.js';
import { asPolygons, featuresAt, readPackageJson } from './geometry.js';

export const DETAIL_SOURCE = 'world-atlas/countries-10m.json';
export const QUANTIZATION = 1e5;

/**
 * Decode the 10m countries once: continuous rings, properties { name }, and the land-border
 * mesh (a !== b: borders between two countries, no coastlines) as continuous lines.
 */
export function loadDetailSource() {
	const source = readPackageJson(DETAIL_SOURCE);
	/** @type {import('geojson').FeatureCollection} */
	const countries = /** @type {any} */ (topojsonClient.feature(source, source.objects.countries));
	for (const f of countries.features) {
		f.properties = { name: f.properties?.name };
		f.geometry = { type: 'MultiPolygon', coordinates: unwrapPolygons(asPolygons(f.geometry)) };
	}
	const mesh = topojsonClient.mesh(source, source.objects.countries, (a, b) => a !== b);
	const borders = mesh.coordinates.map(unwrapLine);
	return { countries, borders };
}

/**
 * Cut one detail clip. Objects: `land` (countries clipped to bbox, properties { name }),
 * `borders` (MultiLineString, land borders clipped to bbox; may be empty), `frame` (the bbox
 * as a Polygon, to paint water under the clip). meta.bbox repeats the box.
 * @param {ReturnType<typeof loadDetailSource>} source
 * @param {number[]} bbox [west, south, east, north], within −180…180
 * @param {import('geojson').Feature[]} [shore]  the box's land at a finer resolution (GSHHG,
 *   derive-shorelines.js), drawn instead of the 10m land; properties { name }
 */
export function buildDetailClip(source, bbox, shore) {
	const boxes = [
		{ box: bbox, shift: 0 },
		{ box: [bbox[0] + 360, bbox[1], bbox[2] + 360, bbox[3]], shift: -360 }
	];
	const back = (/** @type {number[][]} */ coords, /** @type {number} */ shift) =>
		coords.map(([x, y]) => [x + shift, y]);

	/** @type {import('geojson').Feature[]} */
	const land = [];
	for (const f of source.countries.features) {
		/** @type {number[][][][]} */
		const polygons = [];
		for (const { box, shift } of boxes) {
			const clipped = turf.bboxClip(/** @type {any} */ (f), /** @type {any} */ (box)).geometry;
			for (const polygon of asPolygons(clipped)) {
				const rings = polygon.filter((r) => r.length >= 4).map((r) => back(r, shift));
				if (rings.length) polygons.push(rings);
			}
		}
		if (polygons.length) {
			land.push({
				type: 'Feature',
				id: f.id,
				properties: { name: f.properties?.name },
				geometry: { type: 'MultiPolygon', coordinates: polygons }
			});
		}
	}

	/** @type {number[][][]} */
	const lines = [];
	for (const line of source.borders) {
		for (const { box, shift } of boxes) {
			const clipped = turf.bboxClip(turf.lineString(line), /** @type {any} */ (box)).geometry;
			const parts = clipped.type === 'LineString' ? [clipped.coordinates] : clipped.coordinates;
			for (const part of /** @type {number[][][]} */ (parts))
				if (part.length >= 2) lines.push(back(part, shift));
		}
	}

	const [w, s, e, n] = bbox;
	const frame = turf.polygon([
		[
			[w, s],
			[e, s],
			[e, n],
			[w, n],
			[w, s]
		]
	]).geometry;
	/** @type {Record<string, any>} */
	const objects = {
		land: { type: 'FeatureCollection', features: shore ?? land },
		borders: { type: 'MultiLineString', coordinates: lines },
		frame
	};
	return /** @type {any} */ (topology(objects, QUANTIZATION));
}

/**
 * Check that each expected point lies in the named country's land in the clip.
 * @param {any} topo
 * @param {{ name: string, at: number[], in: string }[]} expect
 */
export function checkDetailClip(topo, expect) {
	/** @type {import('geojson').FeatureCollection} */
	const land = /** @type {any} */ (topojsonClient.feature(topo, topo.objects.land));
	topojsonClient.mesh(topo, topo.objects.borders); // must decode
	return expect
		.map((x) => ({ ...x, found: featuresAt(land.features, x.at) }))
		.filter((x) => !x.found.includes(x.in))
		.map(
			(x) =>
				`"expect" puts "${x.name}" (at [${x.at}]) in ${x.in}, but the detail's land there is ${x.found.length ? x.found.join(', ') : 'none: the point is in the sea'}; check the place's coordinates, the country's name, or widen the detail's bbox`
		);
}
