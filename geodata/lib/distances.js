// Why this file exists: a story quotes distances (a strait, a gap between islands, two capitals).
// Typed figures drift from the map; these are measured from the data the map draws.
// geodata/distances.json names the two ends of each distance: `{ "point": id }`, a point feature
// of any layer, or `{ "land": id }`, the land polygon that contains that place: the
// full-resolution GSHHG land the map draws in its detail boxes, else the Natural Earth 1:10m one
// (one polygon of a country's MultiPolygon). Everything
// is measured with turf on a sphere (R = 6371.0088 km), in kilometres.

import * as turf from '@turf/turf';
import { ID_PATTERN, KM_PER_MI } from '../../src/lib/data-contract.js';
import { asPolygons } from './geometry.js';
import { entryHeader } from './json.js';

export const METHODS = {
	point: 'great circle between the two points (turf, spherical Earth)',
	land: 'closest shores of the land polygons containing the two places: GSHHG 2.3.7 at full resolution where the map draws it (geodata/shorelines/), else Natural Earth 1:10m (turf, spherical Earth)'
};

/**
 * @typedef {number[]} Position
 * @typedef {import('../../src/lib/data-contract.js').Distance} Distance
 * @typedef {{ country: string, index: number, polygon: Position[][] }} LandPolygon
 */

/**
 * Every land polygon: those of the full-resolution shores (geodata/shorelines/, drawn in the
 * detail boxes) first, then every polygon of the 10m countries (loadDetailSource() in detail.js).
 * @param {{ countries: import('geojson').FeatureCollection }} detail
 * @param {Record<string, { features: import('geojson').Feature[] }>} [shores]
 * @returns {LandPolygon[]}
 */
export function landPolygons(detail, shores = {}) {
	const features = [
		...Object.values(shores).flatMap((s) => s.features),
		...detail.countries.features
	];
	return features.flatMap((f) =>
		asPolygons(f.geometry).map((polygon, index) => ({
			country: String(f.properties?.name),
			index,
			polygon
		}))
	);
}

/**
 * The land polygon containing a point, its rings shifted by a multiple of 360° to lie around
 * the point (the 10m rings that cross the antimeridian are unwrapped past ±180°); null if none.
 * @param {LandPolygon[]} land
 * @param {Position} point [lng, lat]
 * @returns {LandPolygon | null}
 */
export function landAt(land, point) {
	for (const shift of [0, 360, -360]) {
		const at = [point[0] + shift, point[1]];
		const found = land.find((l) => turf.booleanPointInPolygon(at, turf.polygon(l.polygon)));
		if (found) {
			const polygon = found.polygon.map((ring) => ring.map(([x, y]) => [x - shift, y]));
			return { ...found, polygon };
		}
	}
	return null;
}

/** Great-circle distance in km. */
export function greatCircleKm(/** @type {Position} */ a, /** @type {Position} */ b) {
	return turf.distance(a, b, { units: 'kilometers' });
}

/**
 * Shortest distance in km from any vertex of `from` to the segments of `to`. Only segments
 * whose box, widened by 1.5 × boundKm, holds the vertex are measured: the 10m segments are
 * short, so a segment farther than boundKm cannot be the closest when the answer is ≤ boundKm.
 * @param {Position[]} from
 * @param {Position[]} to
 * @param {number} boundKm  an upper bound of the answer
 */
function vertexToSegmentsKm(from, to, boundKm) {
	const segments = [];
	for (let i = 1; i < to.length; i++) {
		const [a, b] = [to[i - 1], to[i]];
		segments.push({
			line: turf.lineString([a, b]),
			w: Math.min(a[0], b[0]),
			e: Math.max(a[0], b[0]),
			s: Math.min(a[1], b[1]),
			n: Math.max(a[1], b[1])
		});
	}
	const dLat = (1.5 * boundKm) / 111.195;
	let best = Infinity;
	for (const v of from) {
		const cos = Math.cos((Math.min(89, Math.abs(v[1]) + dLat) * Math.PI) / 180);
		const dLng = dLat / cos;
		for (const s of segments) {
			if (v[0] < s.w - dLng || v[0] > s.e + dLng || v[1] < s.s - dLat || v[1] > s.n + dLat)
				continue;
			best = Math.min(best, turf.pointToLineDistance(v, s.line, { units: 'kilometers' }));
		}
	}
	return best;
}

/**
 * Distance in km between the closest shores of two land polygons: the minimum over every
 * vertex of one outer ring to the other ring's segments, both ways (turf.pointToLineDistance).
 * @param {Position[]} ringA  outer ring, around placeA
 * @param {Position[]} ringB  outer ring, around placeB
 * @param {Position} placeA   a point inside ringA
 * @param {Position} placeB   a point inside ringB
 */
export function closestShoresKm(ringA, ringB, placeA, placeB) {
	// Bring B next to A on a flat map (the box test compares longitudes).
	const shift = Math.round((placeA[0] - placeB[0]) / 360) * 360;
	const b = ringB.map(([x, y]) => [x + shift, y]);
	// The straight line between the two places crosses both shores: an upper bound.
	const bound = greatCircleKm(placeA, placeB);
	const km = Math.min(vertexToSegmentsKm(ringA, b, bound), vertexToSegmentsKm(b, ringA, bound));
	if (!Number.isFinite(km))
		throw new Error('closestShoresKm: no shore segment found within the bound');
	return km;
}

/**
 * Check and measure the authored distances. Problems are returned, not thrown, as
 * "<file>: distance <id>: <reason>" (or "<file>: <reason>").
 * @param {string} file  path to print, e.g. "geodata/distances.json"
 * @param {unknown} specs  parsed distances.json
 * @param {Map<string, Position>} places  place id → [lng, lat] (the point features of the layers)
 * @param {LandPolygon[]} land  from landPolygons()
 * @returns {{ distances: Distance[], errors: string[] }}
 */
export function measureDistances(file, specs, places, land) {
	/** @type {string[]} */
	const errors = [];
	/** @type {Distance[]} */
	const distances = [];
	if (!Array.isArray(specs))
		return { distances, errors: [`${file}: must be a JSON array of distances`] };
	const seen = new Set();
	specs.forEach((/** @type {any} */ d, i) => {
		const { name: label, problems } = entryHeader(d, i, seen, ID_PATTERN);

		/** @type {{ kind: string, id: string, at: Position, land: LandPolygon | null }[]} */
		const ends = [];
		for (const side of ['from', 'to']) {
			const end = d?.[side];
			const keys = end && typeof end === 'object' ? Object.keys(end) : [];
			const kind = keys[0];
			if (
				keys.length !== 1 ||
				(kind !== 'point' && kind !== 'land') ||
				typeof end[kind] !== 'string'
			) {
				problems.push(`"${side}" must be { "point": place id } or { "land": place id }`);
				continue;
			}
			const at = places.get(end[kind]);
			if (!at) {
				problems.push(
					`unknown place "${end[kind]}" in "${side}" (not a point feature of any layer)`
				);
				continue;
			}
			const found = kind === 'land' ? landAt(land, at) : null;
			if (kind === 'land' && !found)
				problems.push(
					`place "${end[kind]}" in "${side}" is not inside any Natural Earth 1:10m land polygon`
				);
			else ends.push({ kind, id: end[kind], at, land: found });
		}
		if (ends.length === 2 && ends[0].kind !== ends[1].kind)
			problems.push('"from" and "to" must both be "point" or both be "land"');
		if (d?.draw !== undefined && (d.draw !== true || ends.some((e) => e.kind !== 'point')))
			problems.push('"draw" may only be true, and only between two points');
		const [a, b] = ends;
		if (ends.length === 2 && a.id === b.id)
			problems.push(
				`"from" and "to" are the same place ("${a.id}"): a distance is between two different places`
			);
		else if (ends.length === 2 && a.kind === 'point' && greatCircleKm(a.at, b.at) < 0.05)
			problems.push(
				`"${a.id}" and "${b.id}" stand at the same point: a distance is between two different places`
			);
		else if (
			ends.length === 2 &&
			a.land &&
			b.land &&
			a.land.country === b.land.country &&
			a.land.index === b.land.index
		) {
			problems.push(`"${a.id}" and "${b.id}" lie in the same land polygon (${a.land.country})`);
		}

		if (problems.length) {
			errors.push(...problems.map((p) => `${file}: distance ${label}: ${p}`));
			return;
		}
		const km =
			a.land && b.land
				? closestShoresKm(a.land.polygon[0], b.land.polygon[0], a.at, b.at)
				: greatCircleKm(a.at, b.at);
		distances.push({
			id: d.id,
			label: d.label,
			km: Math.round(km * 10) / 10,
			mi: Math.round((km / KM_PER_MI) * 10) / 10,
			method: a.land ? METHODS.land : METHODS.point,
			from: d.from,
			to: d.to,
			...(d.draw ? { draw: true } : {})
		});
	});
	return { distances, errors };
}

/**
 * The point features of one authored layer, id → [lng, lat].
 * @param {any} fc  a validated FeatureCollection
 * @returns {Map<string, Position>}
 */
export function placePoints(fc) {
	/** @type {Map<string, Position>} */
	const places = new Map();
	for (const f of fc?.features ?? []) {
		if (f.geometry?.type === 'Point') places.set(f.properties.id, f.geometry.coordinates);
	}
	return places;
}
