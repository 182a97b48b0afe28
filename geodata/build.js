// Why this file exists: the story map draws only offline data served by the site itself. This
// script turns the authored layers in geodata/*.geojson and the Natural Earth basemap from
// world-atlas into compact TopoJSON under static/data/, plus a manifest the map reads:
//
//   <layer id>.topo.json     one per authored geodata/<layer id>.geojson (object named <id>)
//   world.topo.json          1:50m countries, Crimea in Ukraine, no antimeridian bands
//   <detail id>.topo.json    small 1:10m clips where the 50m coastline is too coarse, as listed in
//                            geodata/basemap.json with the basemap's credit
//   manifest.json            the basemap's credit and details, and the authored layers sorted by id
//   distances.json           the distances named in geodata/distances.json, measured (lib/distances.js)
//   areas.json               the areas named in geodata/areas.json, measured (lib/areas.js)
//
// Usage: node geodata/build.js [--src geodata] [--out static/data] [--verbose] (defaults: the
// STORY's folders; --verbose lists every file written with its size). The data must keep to its
// budget (lib/budget.js, geodata/budget.json).
// Any validation error prints "geodata/<file>: feature <id>: <reason>" (or "distance <id>", or
// "geodata/<file>:<line>:<column>: JSON: <reason>" for a file that does not parse) and
// exits 1 before anything is written. Polygon rings wound against RFC 7946 are rewound, with a
// line on stdout per file. Outputs are written to a temporary folder, then renamed into place.

import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { topology } from 'topojson-server';
import * as turf from '@turf/turf';
import { storyPaths } from '../src/lib/server/story-paths.js';
import { storyTranslator } from '../src/lib/i18n/read-messages.js';
import { layerFileProblem, rewindCollection, validateCollection } from './lib/validate.js';
import { readJsonFile } from './lib/json.js';
import { checkCountries, countryIndex } from './lib/countries.js';
import { readBasemap } from './lib/basemap.js';
import { landPolygons, measureDistances, placePoints } from './lib/distances.js';
import { measureAreas } from './lib/areas.js';
import { checkBudget, readBudget } from './lib/budget.js';
import { placesAtSea } from './lib/land-check.js';
import { quantizationFor } from './lib/geometry.js';
import {
	buildWorld,
	checkWorld,
	MIN_ISLAND_KM2,
	SIMPLIFY_TOLERANCE,
	WORLD_SOURCE
} from './lib/world.js';
import { buildDetailClip, checkDetailClip, loadDetailSource, DETAIL_SOURCE } from './lib/detail.js';

const NATURAL_EARTH_LICENCE =
	'Public domain (Natural Earth); world-atlas packaging ISC (c) Michael Bostock';

/** The basemap: not authored, so described here. */
const WORLD_META = {
	id: 'world',
	title: 'Countries',
	source: `Natural Earth 4.1 admin-0 countries 1:50m, via npm world-atlas 2.0.2 (${WORLD_SOURCE}); Crimea moved from Russia to Ukraine; antimeridian rings unwrapped; islands under ${MIN_ISLAND_KM2} km² dropped; simplified ${SIMPLIFY_TOLERANCE}°`,
	licence: NATURAL_EARTH_LICENCE,
	accuracy: 'Natural Earth 1:50m, simplified to about 4 km'
};

/** Names of generated files that no layer may take (detail patches are named detail-…). */
const RESERVED = ['world', 'manifest', 'distances', 'areas'];

/** Layer metadata kept from an authored FeatureCollection's foreign members. */
const META_KEYS = ['id', 'title', 'kind', 'source', 'licence', 'asOf'];

/**
 * @param {any} fc
 * @returns {Record<string, unknown>}
 */
function layerMeta(fc) {
	return Object.fromEntries(META_KEYS.filter((k) => fc[k] !== undefined).map((k) => [k, fc[k]]));
}

/**
 * Where a line or area can be pinned for keyboard users: the middle vertex of a line's longest
 * part, or a point inside an area; rounded to 4 decimals.
 * @param {any} geometry
 * @returns {number[]}
 */
function anchorOf(geometry) {
	/** @type {number[]} */
	let at;
	if (geometry.type.endsWith('LineString')) {
		/** @type {number[][][]} */
		const parts = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
		const longest = parts.reduce((a, b) => (b.length > a.length ? b : a));
		at = longest[Math.floor(longest.length / 2)];
	} else {
		at = turf.pointOnFeature(turf.feature(geometry)).geometry.coordinates;
	}
	return at.map((x) => Math.round(x * 1e4) / 1e4);
}

/** A topology with `meta` right after `type`, for readers of the file. */
function withMeta(/** @type {any} */ topo, /** @type {Record<string, unknown>} */ meta) {
	const { type, ...rest } = topo;
	return { type, meta, ...rest };
}

/** A path as printed in messages: relative to the working folder when inside it. */
function display(/** @type {string} */ p) {
	const rel = path.relative(process.cwd(), p);
	return rel.startsWith('..') || path.isAbsolute(rel) ? p : rel.split(path.sep).join('/');
}

/**
 * Read and validate every authored layer; rewind the rings of valid ones (RFC 7946).
 * @param {string} srcDir
 * @returns {{ layers: { stem: string, file: string, fc: any }[], errors: string[], notices: string[] }}
 */
export function readAuthored(srcDir) {
	// Any case of ".geojson", so that "Places.GeoJSON" is refused by name rather than left out.
	const files = fs
		.readdirSync(srcDir)
		.filter((f) => f.toLowerCase().endsWith('.geojson'))
		.sort();
	const seenIds = new Map();
	const errors = [];
	const notices = [];
	const layers = [];
	for (const name of files) {
		const file = display(path.join(srcDir, name));
		const stem = name.slice(0, -'.geojson'.length);
		const { value: fc, error } = readJsonFile(path.join(srcDir, name), file);
		if (error) {
			errors.push(error);
			continue;
		}
		const badName = layerFileProblem(name);
		if (badName) errors.push(`${file}: ${badName}`);
		else if (RESERVED.includes(stem) || stem.startsWith('detail-')) {
			errors.push(`${file}: the name "${stem}" is taken by a generated file; rename the layer`);
		}
		const problems = validateCollection(file, stem, fc, seenIds);
		if (problems.length) errors.push(...problems);
		else {
			// Rings wound against RFC 7946 are rewound: harmless, so one line a file says so.
			const rewound = rewindCollection(file, fc).length;
			if (rewound)
				notices.push(
					`${file}: ${rewound} polygon ring${rewound > 1 ? 's' : ''} wound the other way, drawn rewound (RFC 7946); nothing to do`
				);
		}
		layers.push({ stem, file, fc });
	}
	if (files.length === 0) errors.push(`${display(srcDir)}: no .geojson files`);
	// A map label that is another feature's name (`names`) must name one that exists.
	for (const { file, fc } of layers)
		for (const f of fc?.features ?? []) {
			const names = f?.properties?.names;
			if (names !== undefined && !seenIds.has(names))
				errors.push(
					`${file}: feature ${f.properties.id}: properties.names "${names}" is no feature's id`
				);
		}
	return { layers, errors, notices };
}

/**
 * The point features of every layer, id → [lng, lat]: what distances and detail clips refer to.
 * @param {{ stem: string, fc: any }[]} layers  validated layers
 */
export function pointsOf(layers) {
	return new Map(layers.flatMap((l) => [...placePoints(l.fc)]));
}

/**
 * Read, check and measure `distances.json` in srcDir (optional: none, no distances). Its
 * places are the point features of the layers; its land, the 10m polygons of the detail source.
 * @param {string} srcDir
 * @param {{ stem: string, fc: any }[]} layers  validated layers
 * @param {ReturnType<typeof loadDetailSource>} detail
 * @returns {{ distances: import('../src/lib/data-contract.js').Distance[] | null, errors: string[] }}
 */
export function readDistances(srcDir, layers, detail) {
	const shores = readShores(srcDir);
	const full = path.join(srcDir, 'distances.json');
	if (!fs.existsSync(full)) return { distances: null, errors: [] };
	const file = display(full);
	const { value: specs, error } = readJsonFile(full, file);
	if (error) return { distances: null, errors: [error] };
	return measureDistances(file, specs, pointsOf(layers), landPolygons(detail, shores));
}

/**
 * Read, check and measure `areas.json` in srcDir (optional: none, no areas).
 * @param {string} srcDir
 * @param {{ stem: string, fc: any }[]} layers  validated layers
 * @returns {{ areas: import('../src/lib/data-contract.js').Area[] | null, errors: string[] }}
 */
export function readAreas(srcDir, layers) {
	const full = path.join(srcDir, 'areas.json');
	if (!fs.existsSync(full)) return { areas: null, errors: [] };
	const file = display(full);
	const { value: specs, error } = readJsonFile(full, file);
	if (error) return { areas: null, errors: [error] };
	return measureAreas(file, specs, layers);
}

/**
 * The distances marked `draw`, as a layer of great circles labelled with their computed length
 * (null when none is marked), in the story's language.
 * @param {import('../src/lib/data-contract.js').Distance[]} distances
 * @param {Map<string, number[]>} points
 * @param {import('../src/lib/i18n/translate.js').Translator} i18n
 */
function routesLayer(distances, points, { t, number }) {
	const drawn = distances.filter((d) => d.draw);
	if (!drawn.length) return null;
	const km = (/** @type {number} */ n) => number(Math.round(n));
	return {
		type: 'FeatureCollection',
		id: 'routes',
		title: t('routes.title'),
		kind: 'route',
		source: t('routes.source'),
		licence: 'CC0-1.0',
		features: drawn.map((d) => {
			const [a, b] = [
				points.get(/** @type {any} */ (d.from).point),
				points.get(/** @type {any} */ (d.to).point)
			];
			const line = turf.greatCircle(/** @type {number[]} */ (a), /** @type {number[]} */ (b), {
				npoints: 720
			});
			const round = (/** @type {any} */ c) =>
				typeof c === 'number' ? Math.round(c * 1e4) / 1e4 : c.map(round);
			return {
				type: 'Feature',
				properties: {
					id: `route-${d.id}`,
					name: t('routes.name', { label: d.label, km: km(d.km) }),
					label: t('routes.label', { km: km(d.km) }),
					source: t('routes.featureSource', { id: d.id }),
					accuracy: t('routes.accuracy')
				},
				geometry: { ...line.geometry, coordinates: round(line.geometry.coordinates) }
			};
		})
	};
}

/**
 * Build every output in memory: file name → JSON text. Throws on a failed check.
 * @param {{ stem: string, fc: any }[]} layers
 * @param {ReturnType<typeof loadDetailSource>} detail
 * @param {import('../src/lib/data-contract.js').Distance[] | null} distances  null: no distances.json
 * @param {import('./lib/basemap.js').BasemapSpec} basemap
 * @param {Record<string, any>} [shores]  detail id → its derived land (readShores)
 * @param {import('../src/lib/data-contract.js').Area[] | null} [areas]  null: no areas.json
 * @param {import('../src/lib/i18n/translate.js').Translator} [i18n]  the story's language
 * @returns {Map<string, string>}
 */
export function buildOutputs(
	layers,
	detail,
	distances,
	basemap,
	shores = {},
	areas = null,
	i18n = storyTranslator(storyPaths().story)
) {
	/** @type {Map<string, string>} */
	const out = new Map();
	/** @type {import('../src/lib/data-contract.js').LayerInfo[]} */
	const manifest = [];

	const routes = distances ? routesLayer(distances, pointsOf(layers), i18n) : null;
	for (const { stem, fc } of [...layers, ...(routes ? [{ stem: 'routes', fc: routes }] : [])].sort(
		(a, b) => (a.stem < b.stem ? -1 : 1)
	)) {
		const meta = layerMeta(fc);
		/** @type {import('geojson').FeatureCollection} */
		const features = { type: 'FeatureCollection', features: fc.features };
		const topo = withMeta(
			topology({ [stem]: features }, quantizationFor(turf.bbox(features))),
			meta
		);
		const file = `${stem}.topo.json`;
		out.set(file, JSON.stringify(topo));
		manifest.push({
			.../** @type {Omit<import('../src/lib/data-contract.js').LayerInfo, 'file' | 'features'>} */ (
				meta
			),
			file: `/data/${file}`,
			// What the page needs of each feature without decoding the data: its name and provenance
			// for popups and the place index, and a point's position for its map marker.
			features: fc.features.map((/** @type {any} */ f) => {
				const { id, name, label, names, lineKind, source, accuracy, asOf } = f.properties;
				const at =
					f.geometry.type === 'Point'
						? { point: f.geometry.coordinates }
						: { anchor: anchorOf(f.geometry) };
				return {
					id,
					name,
					...(label ? { label } : {}),
					...(names ? { names } : {}),
					...(lineKind ? { lineKind } : {}),
					source,
					accuracy,
					...(asOf ? { asOf } : {}),
					...at
				};
			})
		});
	}
	const basemapInfo = { credit: basemap.credit, details: basemap.details.map((d) => d.id) };
	out.set(
		'manifest.json',
		`${JSON.stringify({ language: i18n.language, basemap: basemapInfo, layers: manifest }, null, 2)}\n`
	);
	if (distances) out.set('distances.json', `${JSON.stringify(distances, null, 2)}\n`);
	if (areas) out.set('areas.json', `${JSON.stringify(areas, null, 2)}\n`);

	const world = buildWorld();
	const worldProblems = checkWorld(world.topology);
	if (worldProblems.length) throw new Error(worldProblems.map((p) => `world: ${p}`).join('\n'));
	const atSea = placesAtSea(
		layers.map((l) => ({ file: /** @type {any} */ (l).file ?? `${l.stem}.geojson`, fc: l.fc })),
		world.topology,
		basemap.details,
		basemap.file ?? 'geodata/basemap.json'
	);
	if (atSea.length) throw new Error(atSea.join('\n'));
	out.set(
		'world.topo.json',
		JSON.stringify(withMeta(world.topology, { ...WORLD_META, notes: world.notes }))
	);

	const points = pointsOf(layers);
	for (const clip of basemap.details) {
		const id = clip.id;
		// The full-resolution shore where one was derived (derive-shorelines.js), else the 10m land.
		const shore = shores[id];
		const topo = buildDetailClip(detail, clip.bbox, shore?.features);
		const expect = clip.expect.map((x) => ({
			name: x.feature,
			at: /** @type {number[]} */ (points.get(x.feature)),
			in: x.in
		}));
		const problems = checkDetailClip(topo, expect);
		if (problems.length)
			throw new Error(
				problems
					.map((p) => `${basemap.file ?? 'geodata/basemap.json'}: detail ${id}: ${p}`)
					.join('\n')
			);
		const meta = shore
			? {
					id,
					title: clip.title,
					source: `land: ${shore.source} (geodata/shorelines/${id}.geojson); borders: Natural Earth 4.1 1:10m`,
					licence: `land: ${shore.licence}; borders: ${NATURAL_EARTH_LICENCE}`,
					accuracy: shore.accuracy,
					bbox: clip.bbox
				}
			: {
					id,
					title: clip.title,
					source: `Natural Earth 4.1 admin-0 countries 1:10m, via npm world-atlas 2.0.2 (${DETAIL_SOURCE}), clipped to bbox`,
					licence: NATURAL_EARTH_LICENCE,
					accuracy: 'Natural Earth 1:10m (about 1 km), unsimplified',
					bbox: clip.bbox
				};
		out.set(`${id}.topo.json`, JSON.stringify(withMeta(topo, meta)));
	}
	return out;
}

/**
 * Write the outputs: all into a temporary folder beside outDir first, then each renamed into
 * outDir. Generated files (*.topo.json, manifest.json, distances.json, areas.json) in outDir that this run
 * did not produce are removed.
 * @param {Map<string, string>} outputs
 * @param {string} outDir
 */
export function writeOutputs(outputs, outDir) {
	fs.mkdirSync(path.dirname(outDir), { recursive: true });
	const tmp = fs.mkdtempSync(path.join(path.dirname(outDir), '.data-tmp-'));
	try {
		for (const [name, text] of outputs) fs.writeFileSync(path.join(tmp, name), text);
		fs.mkdirSync(outDir, { recursive: true });
		for (const name of outputs.keys()) fs.renameSync(path.join(tmp, name), path.join(outDir, name));
		for (const name of fs.readdirSync(outDir)) {
			if (
				(name.endsWith('.topo.json') ||
					['manifest.json', 'distances.json', 'areas.json'].includes(name)) &&
				!outputs.has(name)
			)
				fs.rmSync(path.join(outDir, name));
		}
	} finally {
		fs.rmSync(tmp, { recursive: true, force: true });
	}
}

/** @param {string[]} argv */
function parseArgs(argv) {
	const story = storyPaths();
	const opts = { src: story.geodata, out: story.data, verbose: false };
	for (let i = 0; i < argv.length; i++) {
		if (argv[i] === '--src') opts.src = path.resolve(argv[++i]);
		else if (argv[i] === '--out') opts.out = path.resolve(argv[++i]);
		else if (argv[i] === '--verbose') opts.verbose = true;
		else
			throw new Error(
				`unknown argument ${argv[i]} (usage: build.js [--src dir] [--out dir] [--verbose])`
			);
	}
	return opts;
}

/**
 * The land derived for the detail boxes at full resolution (geodata/shorelines/<id>.geojson,
 * written by derive-shorelines.js), by detail id.
 * @param {string} srcDir
 * @returns {Record<string, any>}
 */
export function readShores(srcDir) {
	const dir = path.join(srcDir, 'shorelines');
	if (!fs.existsSync(dir)) return {};
	return Object.fromEntries(
		fs
			.readdirSync(dir)
			.filter((f) => f.endsWith('.geojson'))
			.map((f) => [
				f.slice(0, -'.geojson'.length),
				JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'))
			])
	);
}

function main() {
	const opts = parseArgs(process.argv.slice(2));
	const { layers, errors, notices } = readAuthored(opts.src);
	for (const n of notices) console.log(n);
	// Distances and the basemap refer to the layers' points: checked once the layers are valid.
	const detail = errors.length ? null : loadDetailSource();
	if (detail) errors.push(...checkCountries(layers, countryIndex(detail)));
	const measured = detail
		? readDistances(opts.src, layers, detail)
		: { distances: null, errors: [] };
	const { basemap, errors: basemapErrors } = detail
		? readBasemap(display(path.join(opts.src, 'basemap.json')), pointsOf(layers))
		: { basemap: null, errors: [] };
	const measuredAreas = detail ? readAreas(opts.src, layers) : { areas: null, errors: [] };
	errors.push(...measured.errors, ...basemapErrors, ...measuredAreas.errors);
	if (errors.length || !detail || !basemap) {
		for (const e of errors) console.error(e);
		console.error(`geodata: ${errors.length} error(s); nothing written`);
		process.exit(1);
	}
	let outputs;
	try {
		outputs = buildOutputs(
			layers,
			detail,
			measured.distances,
			basemap,
			readShores(opts.src),
			measuredAreas.areas,
			// (the story whose geodata this is: its content/ beside --src)
			storyTranslator(path.join(opts.src, '..', 'content', 'story.yaml'))
		);
	} catch (e) {
		console.error(/** @type {Error} */ (e).message);
		console.error('geodata: build failed; nothing written');
		process.exit(1);
	}
	const { budget, errors: budgetErrors } = readBudget(
		path.join(opts.src, 'budget.json'),
		display(path.join(opts.src, 'budget.json'))
	);
	const spent = budget
		? checkBudget(
				outputs,
				layers.map((l) => l.stem),
				budget,
				display(opts.src)
			)
		: { errors: [], total: 0 };
	if (budgetErrors.length || spent.errors.length) {
		for (const e of [...budgetErrors, ...spent.errors]) console.error(e);
		console.error('geodata: over budget; nothing written');
		process.exit(1);
	}
	writeOutputs(outputs, opts.out);
	console.log(
		`geodata: wrote ${outputs.size} files to ${display(opts.out)}, ${(spent.total / 1024).toFixed(1)} KiB in all (budget ${Math.round(/** @type {any} */ (budget).total / 1024)} KiB)`
	);
	if (!opts.verbose) return;
	for (const [name, text] of outputs) {
		const bytes = Buffer.byteLength(text);
		console.log(
			`  ${display(path.join(opts.out, name)).padEnd(40)} ${String(bytes).padStart(8)} B`
		);
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href)
	main();
