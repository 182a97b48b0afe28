// Why this file exists: every authored layer in geodata/*.geojson must say what it is and where
// each feature's coordinates come from. This checks that before anything is built, and names
// the file and feature of each problem so an editor can fix it without reading code: a file name
// that cannot be a layer id, a missing or misspelt geometry, coordinates
// out of range (or swapped: GeoJSON is [longitude, latitude]), unclosed or self-crossing rings,
// geometry that does not fit the layer's kind, missing provenance, duplicate ids. Rings wound
// the wrong way are not errors: rewindCollection fixes them (RFC 7946) and says so.

import * as turf from '@turf/turf';
import { ID_PATTERN, LAYER_KINDS, markupProblem } from '../../src/lib/data-contract.js';

/** Nesting depth of coordinates per geometry type (0 = one position). */
const DEPTH = {
	Point: 0,
	MultiPoint: 1,
	LineString: 1,
	MultiLineString: 2,
	Polygon: 2,
	MultiPolygon: 3
};

const isText = (/** @type {unknown} */ v) => typeof v === 'string' && v.trim() !== '';

/** Whether a value is an ISO calendar date YYYY-MM-DD that exists. */
export function isIsoDate(/** @type {unknown} */ v) {
	if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
	const d = new Date(`${v}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/**
 * Problems with one position, or [] if it is a valid [lng, lat].
 * @param {unknown} p
 */
function positionProblems(p) {
	if (
		!Array.isArray(p) ||
		p.length < 2 ||
		!p.every((n) => typeof n === 'number' && Number.isFinite(n))
	) {
		// (A number too large to hold, 1e999, parses as Infinity, which JSON would write as null.)
		const shown = JSON.stringify(p, (_, v) =>
			typeof v === 'number' && !Number.isFinite(v) ? '<too large>' : v
		).replaceAll('"<too large>"', 'a number too large');
		return [`invalid position ${shown}: a position is [longitude, latitude] in degrees`];
	}
	const [x, y] = p;
	if (x < -180 || x > 180) return [`longitude ${x} out of range -180…180`];
	if (y < -90 || y > 90) {
		return x >= -90 && x <= 90
			? [
					`latitude ${y} out of range: are longitude and latitude swapped? GeoJSON is [longitude, latitude]`
				]
			: [`latitude ${y} out of range -90…90`];
	}
	return [];
}

/**
 * Problems with a geometry's coordinates: structure, ranges, closed rings, enough positions.
 * @param {any} geometry
 */
function geometryProblems(geometry) {
	const depth = DEPTH[/** @type {keyof typeof DEPTH} */ (geometry.type)];
	/** @type {string[]} */
	const problems = [];
	/** @param {any} c @param {number} d @param {boolean} ring */
	const walk = (c, d, ring) => {
		if (d === 0) return problems.push(...positionProblems(c));
		if (!Array.isArray(c) || c.length === 0) return problems.push('empty or invalid coordinates');
		if (d === 1 && geometry.type !== 'MultiPoint') {
			const min = ring ? 4 : 2;
			if (c.length < min)
				problems.push(`${ring ? 'ring' : 'line'} has ${c.length} positions, needs ${min}`);
			if (ring && JSON.stringify(c[0]) !== JSON.stringify(c[c.length - 1]))
				problems.push('ring is not closed');
		}
		for (const child of c) walk(child, d - 1, ring);
	};
	walk(geometry.coordinates, depth, geometry.type.endsWith('Polygon'));
	if (problems.length === 0) problems.push(...kinkProblems(geometry));
	return [...new Set(problems)];
}

/**
 * Polygons as lists of rings, each named for messages ("exterior ring", "hole 1", with
 * "polygon 2 " in front for a MultiPolygon); [] for other geometries.
 * @param {any} geometry  a structurally valid geometry
 * @returns {{ name: string, ring: number[][], hole: boolean }[][]}
 */
function namedRings(geometry) {
	const multi = geometry.type === 'MultiPolygon';
	const polygons = multi
		? geometry.coordinates
		: geometry.type === 'Polygon'
			? [geometry.coordinates]
			: [];
	return polygons.map((/** @type {number[][][]} */ rings, /** @type {number} */ p) =>
		rings.map((ring, r) => ({
			name: `${multi ? `polygon ${p + 1} ` : ''}${r === 0 ? 'exterior ring' : `hole ${r}`}`,
			ring,
			hole: r > 0
		}))
	);
}

/**
 * A polygon ring that crosses or touches itself (turf.kinks), with the first such point.
 * Repeated consecutive positions are harmless, but turf.kinks reports them: they are skipped.
 * @param {any} geometry  a structurally valid geometry
 */
function kinkProblems(geometry) {
	/** @type {string[]} */
	const problems = [];
	for (const { name, ring } of namedRings(geometry).flat()) {
		const distinct = ring.filter(
			(p, i) => i === 0 || p[0] !== ring[i - 1][0] || p[1] !== ring[i - 1][1]
		);
		if (distinct.length < 4) continue;
		const kink = turf.kinks(turf.lineString(distinct)).features[0];
		if (kink) {
			const [x, y] = kink.geometry.coordinates.map((n) => Math.round(n * 1e4) / 1e4);
			problems.push(`${name} crosses itself at [${x}, ${y}]`);
		}
	}
	return problems;
}

/** What a layer file is named: `<id>.geojson`, the id as every id is (ID_PATTERN). */
const GEOJSON = '.geojson';

/**
 * Why a file in the geodata folder cannot be a layer, or null if its name is fine. The name is
 * the layer's id and the URL its data is served at: a space, a capital or a "#" would build and
 * then fail to load in the browser.
 * @param {string} name  file name, e.g. "places.geojson"
 * @returns {string | null}
 */
export function layerFileProblem(name) {
	const stem = name.slice(0, -GEOJSON.length);
	if (name.endsWith(GEOJSON) && ID_PATTERN.test(stem)) return null;
	const suggestion =
		stem
			.toLowerCase()
			.normalize('NFD')
			.replace(/[\u0300-\u036f]/g, '')
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-|-$/g, '') || 'my-layer';
	return `file name must be lower-case words joined by hyphens, e.g. ${suggestion}${GEOJSON} (it becomes the layer id and the URL /data/<id>.topo.json)`;
}

/**
 * Why a feature's geometry cannot be checked further, or null when it has a supported type.
 * @param {any} g  the feature's "geometry" member
 * @param {string[] | undefined} allowed  geometry types the layer's kind takes, if it is known
 * @param {unknown} kind
 * @returns {string | null}
 */
function geometryTypeProblem(g, allowed, kind) {
	const takes = allowed ? ` (kind "${kind}" takes ${allowed.join(' or ')})` : '';
	if (g === undefined) return `missing "geometry"${takes}`;
	if (g === null) return `"geometry" is null: the map can only show a feature with a place${takes}`;
	if (typeof g !== 'object' || typeof g.type !== 'string')
		return `"geometry" must be an object with "type" and "coordinates"${takes}`;
	if (g.type === 'GeometryCollection')
		return 'geometry type "GeometryCollection" is not supported: make one feature per geometry';
	if (!Object.hasOwn(DEPTH, g.type)) {
		const known = Object.keys(DEPTH);
		const cased = known.find((t) => t.toLowerCase() === g.type.toLowerCase());
		if (cased)
			return `geometry type "${g.type}" must be spelt "${cased}" (GeoJSON types are case-sensitive)`;
		return `geometry type ${JSON.stringify(g.type)} is not a GeoJSON type (${known.join(', ')})`;
	}
	if (g.coordinates === undefined) return `missing "geometry.coordinates"`;
	return null;
}

/** The texts a reader sees in the key, the labels and the feature panels. */
const TEXT_KEYS = ['title', 'name', 'label', 'source', 'licence', 'accuracy', 'note'];
/** Placeholders like {distance:…} are filled in the story's text only: here one would be printed as it is. */
const hasBraces = (/** @type {unknown} */ v) => typeof v === 'string' && /[{}]/.test(v);
const braces = (/** @type {string} */ key, /** @type {string} */ v) =>
	`${key} ${JSON.stringify(v)} has a brace: placeholders such as {distance:…} work only in content/story.yaml; write the text out`;

/**
 * Validate one authored FeatureCollection.
 * @param {string} file  path to print, e.g. "geodata/places.geojson"
 * @param {string} stem  file name without .geojson: the layer id
 * @param {any} fc       parsed JSON
 * @param {Map<string, string>} seenIds  feature id → file, shared across files
 * @returns {string[]} messages "<file>: feature <id>: <reason>" or "<file>: <reason>"
 */
export function validateCollection(file, stem, fc, seenIds) {
	/** @type {string[]} */
	const errors = [];
	const layer = (/** @type {string} */ reason) => errors.push(`${file}: ${reason}`);

	if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
		layer('not a GeoJSON FeatureCollection');
		return errors;
	}
	// A bad file name is reported by layerFileProblem; the id can only be compared with a good one.
	if (ID_PATTERN.test(stem)) {
		if (fc.id === undefined)
			layer(`missing "id": add "id": "${stem}" (the file name without .geojson)`);
		else if (fc.id !== stem)
			layer(
				`"id" is ${JSON.stringify(fc.id)} but the file is ${stem}.geojson: they must be the same (the id is the layer's URL /data/<id>.topo.json); rename the file or change "id"`
			);
	}
	for (const key of ['title', 'source', 'licence']) if (!isText(fc[key])) layer(`missing "${key}"`);
	if (!(fc.kind in LAYER_KINDS))
		layer(
			`"kind" must be one of ${Object.keys(LAYER_KINDS).join(', ')}, found ${JSON.stringify(fc.kind)}`
		);
	if (fc.asOf !== undefined && !isIsoDate(fc.asOf))
		layer(`"asOf" must be an ISO date YYYY-MM-DD, found ${JSON.stringify(fc.asOf)}`);
	if (fc.features.length === 0) layer('has no features');
	for (const key of TEXT_KEYS) if (hasBraces(fc[key])) layer(braces(key, fc[key]));
	for (const key of TEXT_KEYS)
		if (markupProblem(key, fc[key])) layer(`${markupProblem(key, fc[key])}`);

	const allowed =
		LAYER_KINDS[/** @type {import('../../src/lib/data-contract.js').LayerKind} */ (fc.kind)]
			?.geometry;
	fc.features.forEach((/** @type {any} */ f, /** @type {number} */ i) => {
		const p = f?.properties ?? {};
		const label = isText(p.id) ? p.id : `#${i + 1}`;
		const bad = (/** @type {string} */ reason) =>
			errors.push(`${file}: feature ${label}: ${reason}`);

		if (f?.type !== 'Feature') bad('not a GeoJSON Feature');
		if (!isText(p.id)) bad('missing properties.id');
		else if (!ID_PATTERN.test(p.id)) bad('properties.id must be kebab-case (a-z, 0-9, -)');
		else if (seenIds.has(p.id)) bad(`duplicate id, already used in ${seenIds.get(p.id)}`);
		else seenIds.set(p.id, file);
		for (const key of ['name', 'source', 'accuracy'])
			if (!isText(p[key])) bad(`missing properties.${key}`);
		for (const key of TEXT_KEYS) if (hasBraces(p[key])) bad(braces(`properties.${key}`, p[key]));
		for (const key of TEXT_KEYS)
			if (markupProblem(key, p[key])) bad(`${markupProblem(`properties.${key}`, p[key])}`);
		if (p.asOf !== undefined && !isIsoDate(p.asOf))
			bad(`properties.asOf must be an ISO date YYYY-MM-DD, found ${JSON.stringify(p.asOf)}`);

		const g = f?.geometry;
		const problem = geometryTypeProblem(g, allowed, fc.kind);
		if (problem) bad(problem);
		else {
			if (allowed && !allowed.includes(g.type))
				bad(`geometry ${g.type} does not fit kind "${fc.kind}" (${allowed.join(' or ')})`);
			for (const problem of geometryProblems(g)) bad(problem);
		}
	});
	return errors;
}

/**
 * Rewind polygon rings to RFC 7946 (exterior rings counter-clockwise, holes clockwise), in
 * place. Run it on a collection that validateCollection accepted.
 * @param {string} file  path to print
 * @param {any} fc       a valid FeatureCollection; its geometries are changed
 * @returns {string[]} notices "<file>: feature <id>: rewound …"
 */
export function rewindCollection(file, fc) {
	/** @type {string[]} */
	const notices = [];
	for (const f of fc.features) {
		const fixed = new Set();
		for (const { ring, hole } of namedRings(f.geometry).flat()) {
			if (turf.booleanClockwise(ring) !== hole) {
				ring.reverse();
				fixed.add(
					hole
						? 'rewound hole to clockwise (RFC 7946)'
						: 'rewound exterior ring to counter-clockwise (RFC 7946)'
				);
			}
		}
		for (const what of fixed) notices.push(`${file}: feature ${f.properties.id}: ${what}`);
	}
	return notices;
}
