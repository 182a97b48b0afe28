// Why this file exists: the maps that open the story (the airfield, Anchorage and Knik Arm, the
// Bering Strait) are drawn at scales where Natural Earth's 1:10m coast is angular and misses the
// shore the base lies on. This derives, once, the land of each detail box in basemap.json from
// GSHHG 2.3.7 at full resolution (Wessel & Smith; LGPL-3.0-or-later), read with Debian's `gmt`
// (packages gmt and gmt-gshhg-full), into geodata/shorelines/<detail id>.geojson, which the
// geodata build draws instead of the 10m land. It is not part of `npm run geodata` (the build
// and the tests need no GMT); rerun it only to change a box or the data:
//
//   apt-get install -y gmt gmt-gshhg-full && node geodata/derive-shorelines.js
//
// GMT prints shorelines, not land: each box's shoreline pieces are chained end to end, noded with
// the box's edges and polygonised, and each face is kept as land when GMT puts most of a grid of
// points inside it off the sea. Each land polygon takes the name of the 10m country it lies in (the nearest one for
// an island the 10m data lacks), so that the build's checks (a place in its country) still hold.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as turf from '@turf/turf';
import { loadDetailSource } from './lib/detail.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const basemap = JSON.parse(fs.readFileSync(path.join(here, 'basemap.json'), 'utf8'));
/** Douglas–Peucker tolerance per box, in degrees: under a pixel at the deepest zoom of its views
 *  (the airfield at zoom 14, the strait at zoom 8.5). */
/** @type {Record<string, number>} */
const TOLERANCE = { 'detail-anchorage': 0.0001, 'detail-bering': 0.0012 };
/** Islets smaller than this (km²) are a pixel or two at those zooms, and left out. */
/** @type {Record<string, number>} */
const MIN_AREA = { 'detail-anchorage': 0.002, 'detail-bering': 0.2 };

const gmt = (/** @type {string[]} */ args, input = '') =>
	execFileSync('gmt', args, { input, encoding: 'utf8', maxBuffer: 1 << 28 });
const key = (/** @type {number[]} */ p) => `${p[0].toFixed(7)},${p[1].toFixed(7)}`;
/** The last position of a run. */
const last = (/** @type {number[][]} */ run) => run[run.length - 1];

/** The shoreline pieces GMT prints for a box (split at its bins), as runs of [lng, lat]. */
function shorePieces(/** @type {number[]} */ [w, s, e, n]) {
	const out = gmt(['coast', `-R${w}/${e}/${s}/${n}`, '-Df', '-W', '-M']);
	/** @type {number[][][]} */
	const pieces = [];
	for (const line of out.split('\n')) {
		if (line.startsWith('>')) pieces.push([]);
		else if (line.trim()) pieces[pieces.length - 1]?.push(line.trim().split(/\s+/).map(Number));
	}
	return pieces.filter((p) => p.length > 1);
}

/** Pieces joined where one ends where another starts: closed rings and open chains. */
function chain(/** @type {number[][][]} */ pieces) {
	const byStart = new Map(pieces.map((p, i) => [key(p[0]), i]));
	const used = new Set();
	/** @type {number[][][]} */
	const runs = [];
	for (let i = 0; i < pieces.length; i++) {
		if (used.has(i)) continue;
		// Walk back to the start of this chain, then forward to its end.
		let first = i;
		const byEnd = new Map(pieces.map((p, j) => [key(last(p)), j]));
		for (let k = byEnd.get(key(pieces[first][0])); k !== undefined && k !== i && !used.has(k);) {
			first = k;
			k = byEnd.get(key(pieces[first][0]));
			if (k === first) break;
		}
		let run = [...pieces[first]];
		used.add(first);
		for (let k = byStart.get(key(last(run))); k !== undefined && !used.has(k);) {
			used.add(k);
			run = [...run, ...pieces[k].slice(1)];
			k = byStart.get(key(last(run)));
		}
		runs.push(run);
	}
	return runs;
}

/** The land inside a box: its shoreline polygonised with the box's edges, faces kept where GMT
 *  says they are land. */
function landOf(/** @type {number[]} */ bbox) {
	const [w, s, e, n] = bbox;
	const runs = chain(shorePieces(bbox));
	const closed = runs.filter((r) => key(r[0]) === key(last(r)));
	const open = runs.filter((r) => key(r[0]) !== key(last(r)));
	// The box's outline, cut at every open chain's ends (they lie on it).
	const along = (/** @type {number[]} */ [x, y]) =>
		y === s
			? x - w
			: x === e
				? e - w + (y - s)
				: y === n
					? e - w + (n - s) + (e - x)
					: 2 * (e - w) + (n - s) + (n - y);
	const corners = [
		[w, s],
		[e, s],
		[e, n],
		[w, n]
	];
	const stops = [...corners, ...open.flatMap((r) => [r[0], last(r)])].sort(
		(a, b) => along(a) - along(b)
	);
	const edges = stops
		.map((p, i) => [p, stops[(i + 1) % stops.length]])
		.filter(([a, b]) => key(a) !== key(b));
	const lines = [...open, ...closed, ...edges].map((c) => turf.lineString(c));
	const faces = turf.polygonize(turf.featureCollection(lines)).features;
	// A face is land when most of a grid of points inside it is not sea by GMT's reckoning (a lake
	// or an island within the face counts as its land).
	const samples = faces.map((f) => {
		const [x0, y0, x1, y1] = turf.bbox(f);
		const grid = [];
		for (let i = 0.5; i < 9; i++)
			for (let j = 0.5; j < 9; j++) grid.push([x0 + ((x1 - x0) * i) / 9, y0 + ((y1 - y0) * j) / 9]);
		const inFace = grid.filter((p) => turf.booleanPointInPolygon(p, f));
		return inFace.length ? inFace : [turf.pointOnFeature(f).geometry.coordinates];
	});
	const notSea = new Set(
		gmt(
			['select', `-R${w}/${e}/${s}/${n}`, '-Df', '-Ns/k/k/k/k'],
			samples
				.flat()
				.map((p) => p.join(' '))
				.join('\n')
		)
			.split('\n')
			.filter(Boolean)
			.map((l) => key(l.trim().split(/\s+/).map(Number)))
	);
	return faces.filter((_, i) => {
		const land = samples[i].filter((p) => notSea.has(key(p))).length;
		return land > samples[i].length / 2;
	});
}

const countries = /** @type {any[]} */ (loadDetailSource().countries.features);
/** Every polygon of the 10m countries, with its box and its country's name. */
const polygons = countries.flatMap((f) =>
	f.geometry.coordinates.map((/** @type {any} */ p) => {
		const polygon = turf.polygon(p);
		return { polygon, box: turf.bbox(polygon), name: f.properties.name };
	})
);
/** The 10m country a polygon lies in, or the nearest one (of those within a degree). */
function countryOf(/** @type {any} */ land) {
	const at = turf.pointOnFeature(land).geometry.coordinates;
	const near = polygons.filter(
		({ box }) =>
			at[0] > box[0] - 1 && at[0] < box[2] + 1 && at[1] > box[1] - 1 && at[1] < box[3] + 1
	);
	const within = near.find(({ polygon }) => turf.booleanPointInPolygon(at, polygon));
	if (within) return within.name;
	let best = { name: '', d: Infinity };
	for (const { polygon, name } of near) {
		const d = turf.pointToPolygonDistance(at, polygon);
		if (d < best.d) best = { name, d };
	}
	return best.name;
}

/** The base's schematic outline, its Knik Arm side moved onto this shore: the part over the water
 *  is cut away (geodata/base.geojson, written back). */
function clipBaseToShore(/** @type {any[]} */ land) {
	const file = path.join(here, 'base.geojson');
	const base = JSON.parse(fs.readFileSync(file, 'utf8'));
	const footprint = base.features.find(
		(/** @type {any} */ f) => f.properties.id === 'jber-footprint'
	);
	const shore = turf.union(turf.featureCollection(land));
	const clipped = shore && turf.intersect(turf.featureCollection([footprint, shore]));
	if (!clipped) throw new Error('the base outline does not meet the Anchorage land');
	// The largest piece: slivers cut off at the shore are not part of the base.
	const pieces = turf.flatten(clipped).features.sort((a, b) => turf.area(b) - turf.area(a));
	footprint.geometry = turf.truncate(pieces[0], { precision: 5 }).geometry;
	footprint.properties.source = footprint.properties.source.replace(
		'the Knik Arm shore follows Natural Earth 1:10m',
		'the Knik Arm shore follows GSHHG 2.3.7 full resolution (cut to it by derive-shorelines.js)'
	);
	fs.writeFileSync(file, JSON.stringify(base, null, 2) + '\n');
	console.log(`${path.relative(process.cwd(), file)}: jber-footprint cut to the shore`);
}

fs.mkdirSync(path.join(here, 'shorelines'), { recursive: true });
for (const { id, bbox } of basemap.details) {
	const land = landOf(bbox)
		.filter((f) => turf.area(f) / 1e6 >= (MIN_AREA[id] ?? 0))
		.map((f) => {
			const simple = turf.simplify(f, { tolerance: TOLERANCE[id] ?? 0.0002, highQuality: true });
			return turf.truncate(simple, { precision: 5 });
		});
	/** @type {Record<string, any[]>} */
	const byCountry = {};
	for (const f of land) (byCountry[countryOf(f)] ??= []).push(f.geometry.coordinates);
	const out = {
		type: 'FeatureCollection',
		source: 'GSHHG 2.3.7, full resolution (Wessel & Smith), via GMT 6.4 (Debian gmt-gshhg-full)',
		licence: 'LGPL-3.0-or-later',
		accuracy:
			'the full-resolution shoreline (World Vector Shoreline, about 50 m), simplified under a pixel at the deepest zoom',
		derivedBy: 'geodata/derive-shorelines.js',
		bbox,
		features: Object.entries(byCountry).map(([name, polygons]) => ({
			type: 'Feature',
			properties: { name },
			geometry: { type: 'MultiPolygon', coordinates: polygons }
		}))
	};
	if (id === 'detail-anchorage') clipBaseToShore(land);
	const file = path.join(here, 'shorelines', `${id}.geojson`);
	fs.writeFileSync(file, JSON.stringify(out) + '\n');
	const vertices = land.reduce((n, f) => n + turf.coordAll(f).length, 0);
	console.log(
		`${path.relative(process.cwd(), file)}: ${land.length} polygons, ${vertices} vertices, ${Object.keys(byCountry).join(', ')}`
	);
}
