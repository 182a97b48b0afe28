// Why this file exists: small geometry helpers shared by the world and detail builders:
// reading world-atlas, simplifying a topology's arcs, choosing a quantization, testing points.

import fs from 'node:fs';
import { createRequire } from 'node:module';
import * as turf from '@turf/turf';

const require = createRequire(import.meta.url);

/**
 * Read a world-atlas TopoJSON file by package path, e.g. "world-atlas/countries-50m.json".
 * @param {string} packagePath
 * @returns {any} the parsed topology
 */
export function readPackageJson(packagePath) {
	return JSON.parse(fs.readFileSync(require.resolve(packagePath), 'utf8'));
}

/**
 * Polygon or MultiPolygon geometry as a list of polygons (MultiPolygon coordinates).
 * @param {import('geojson').Geometry | null} geometry
 * @returns {number[][][][]}
 */
export function asPolygons(geometry) {
	if (!geometry) return [];
	if (geometry.type === 'Polygon') return [geometry.coordinates];
	if (geometry.type === 'MultiPolygon') return geometry.coordinates;
	return [];
}

/**
 * Simplify every arc of an unquantized topology with Douglas–Peucker, in degrees. The ends of
 * each arc (where borders meet) stay, so neighbours still share their border exactly. A closed
 * arc (an island) keeps at least four positions.
 * @param {{ arcs: number[][][] }} topology
 * @param {number} tolerance degrees
 */
export function simplifyArcs(topology, tolerance) {
	topology.arcs = topology.arcs.map((arc) => {
		const first = arc[0];
		const last = arc[arc.length - 1];
		const closed = first[0] === last[0] && first[1] === last[1];
		let t = tolerance;
		let out;
		do {
			out = turf.simplify(turf.lineString(arc), { tolerance: t, highQuality: true }).geometry
				.coordinates;
			t /= 2;
		} while (closed && out.length < 4 && arc.length >= 4);
		return out;
	});
}

/**
 * Quantization for a layer: at least 1e5, and fine enough that one step is at most 0.0001°
 * (about 11 m), so authored points keep their published precision.
 * @param {number[]} bbox [west, south, east, north]
 */
export function quantizationFor(bbox) {
	const extent = Math.max(bbox[2] - bbox[0], bbox[3] - bbox[1]);
	return Math.max(1e5, 10 ** Math.ceil(Math.log10(extent / 1e-4)));
}

/**
 * Names of the features whose polygons contain the point.
 * @param {import('geojson').Feature[]} features
 * @param {number[]} point [lng, lat]
 */
export function featuresAt(features, point) {
	return features
		.filter((f) => f.geometry && turf.booleanPointInPolygon(point, /** @type {any} */ (f)))
		.map((f) => f.properties?.name);
}
