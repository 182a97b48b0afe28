// Why this file exists: the story's basemap, Natural Earth 1:50m countries from world-atlas,
// made fit for a flat MapLibre map and for this story's stance on borders:
//   1. rings that cross the antimeridian or circle a pole are made continuous (no band);
//   2. Crimea, which Natural Earth assigns to Russia, is moved to Ukraine (internationally
//      recognised borders), so the Perekop isthmus is no longer a border;
//   3. islands under MIN_ISLAND_KM2 are dropped and arcs simplified to keep the file small;
//   4. a `borders` object (land borders only, no coastlines) is computed from the result;
//   5. a `labels` object: one point per sizeable country (the centre of its largest polygon),
//      with `minzoom` by area, so small countries are named only when the map is close.

import * as topojsonClient from 'topojson-client';
import { topology } from 'topojson-server';
import * as turf from '@turf/turf';
import { bandRings, unwrapPolygons } from './antimeridian.js';
import { asPolygons, featuresAt, readPackageJson, simplifyArcs } from './geometry.js';

export const WORLD_SOURCE = 'world-atlas/countries-50m.json';

/** Douglas–Peucker tolerance in degrees: 0.04° ≈ 4 km, about a pixel at zoom 4 (budget: ~300 KB). */
export const SIMPLIFY_TOLERANCE = 0.04;
/** Islands smaller than this are dropped, unless one is its country's largest polygon. */
export const MIN_ISLAND_KM2 = 300;
export const QUANTIZATION = 1e5;

const RUSSIA = '643';
const UKRAINE = '804';
/** Crimea's extent [west, south, east, north]: Russia's polygons inside it are Crimea. */
export const CRIMEA_BBOX = [32.4, 44.3, 36.7, 46.3];
/** Simferopol, to check the result: in Ukraine, not in Russia. */
const SIMFEROPOL = [34.1, 44.95];

/**
 * Build the world topology: objects `countries` (one geometry per country, id = ISO 3166-1
 * numeric, properties { name }) and `borders` (MultiLineString of land borders).
 * @param {{ tolerance?: number, minIslandKm2?: number, quantization?: number }} [options]
 * @returns {{ topology: any, notes: string[] }}
 */
export function buildWorld({
	tolerance = SIMPLIFY_TOLERANCE,
	minIslandKm2 = MIN_ISLAND_KM2,
	quantization = QUANTIZATION
} = {}) {
	const source = readPackageJson(WORLD_SOURCE);
	/** @type {import('geojson').FeatureCollection} */
	const countries = /** @type {any} */ (topojsonClient.feature(source, source.objects.countries));
	const notes = [];

	for (const f of countries.features) {
		f.properties = { name: f.properties?.name };
		f.geometry = { type: 'MultiPolygon', coordinates: unwrapPolygons(asPolygons(f.geometry)) };
	}

	notes.push(moveCrimeaToUkraine(countries.features));

	let dropped = 0;
	for (const f of countries.features) {
		const polygons = asPolygons(f.geometry);
		const areas = polygons.map((p) => turf.area(turf.polygon([p[0]])) / 1e6);
		const largest = Math.max(...areas);
		const kept = polygons.filter((_, i) => areas[i] >= minIslandKm2 || areas[i] === largest);
		dropped += polygons.length - kept.length;
		f.geometry = { type: 'MultiPolygon', coordinates: kept };
	}
	notes.push(`dropped ${dropped} islands under ${minIslandKm2} km²`);

	const labels = countryLabels(countries.features);
	const topo = /** @type {any} */ (topology({ countries, labels }));
	simplifyArcs(topo, tolerance);
	const quantized = /** @type {any} */ (topojsonClient.quantize(topo, quantization));
	quantized.objects.borders = topojsonClient.meshArcs(
		quantized,
		quantized.objects.countries,
		(a, b) => a !== b
	);
	return { topology: quantized, notes };
}

/** Countries smaller than this get no label at all. */
const MIN_LABEL_KM2 = 20_000;

/**
 * A label point per country: the centre of mass of its largest polygon, rounded to 0.01°.
 * @param {import('geojson').Feature[]} features
 * @returns {import('geojson').FeatureCollection}
 */
function countryLabels(features) {
	const labels = [];
	for (const f of features) {
		const polygons = asPolygons(f.geometry);
		const areas = polygons.map((p) => turf.area(turf.polygon(p)) / 1e6);
		const total = areas.reduce((a, b) => a + b, 0);
		if (total < MIN_LABEL_KM2) continue;
		const largest = polygons[areas.indexOf(Math.max(...areas))];
		const [x, y] = turf.centerOfMass(turf.polygon(largest)).geometry.coordinates;
		const minzoom = total > 1_500_000 ? -2 : total > 300_000 ? 2.5 : 3.5;
		labels.push(
			turf.point([Math.round(x * 100) / 100, Math.round(y * 100) / 100], {
				name: f.properties?.name,
				minzoom
			})
		);
	}
	return turf.featureCollection(labels);
}

/**
 * Move Russia's polygons that lie in CRIMEA_BBOX into Ukraine's MultiPolygon. Only the two
 * features' `geometry` members are replaced: coordinate arrays are shared, not changed.
 * Also used by lib/countries.js on the 1:10m countries, so that a place in Crimea is in Ukraine.
 * @param {import('geojson').Feature[]} features
 */
export function moveCrimeaToUkraine(features) {
	const russia = features.find((f) => f.id === RUSSIA);
	const ukraine = features.find((f) => f.id === UKRAINE);
	if (!russia || !ukraine) throw new Error('world: Russia (643) or Ukraine (804) not found');
	const [w, s, e, n] = CRIMEA_BBOX;
	const inCrimea = (/** @type {number[][][]} */ polygon) =>
		polygon[0].every(([x, y]) => x >= w && x <= e && y >= s && y <= n);
	const russian = asPolygons(russia.geometry);
	const crimea = russian.filter(inCrimea);
	if (crimea.length === 0) throw new Error('world: no Russian polygon found in Crimea');
	russia.geometry = { type: 'MultiPolygon', coordinates: russian.filter((p) => !inCrimea(p)) };
	ukraine.geometry = {
		type: 'MultiPolygon',
		coordinates: [...asPolygons(ukraine.geometry), ...crimea]
	};
	return `moved ${crimea.length} Crimea polygon(s) from Russia to Ukraine`;
}

/**
 * Check the built topology decodes and is right; returns a list of problems.
 * @param {any} topo
 */
export function checkWorld(topo) {
	const problems = [];
	/** @type {import('geojson').FeatureCollection} */
	const countries = /** @type {any} */ (topojsonClient.feature(topo, topo.objects.countries));
	for (const f of countries.features) {
		const bands = bandRings(asPolygons(f.geometry));
		if (bands.length) problems.push(`${f.properties?.name}: ${bands.length} ring(s) span >180°`);
	}
	const at = featuresAt(countries.features, SIMFEROPOL);
	if (!at.includes('Ukraine') || at.includes('Russia')) {
		problems.push(`Simferopol ${SIMFEROPOL} is in [${at}], expected Ukraine only`);
	}
	const borders = topojsonClient.mesh(topo, topo.objects.borders);
	if (borders.coordinates.length === 0) problems.push('borders mesh is empty');
	const [w, s, e, n] = CRIMEA_BBOX;
	const crimean = borders.coordinates.filter((line) =>
		line.some(([x, y]) => x > w && x < e && y > s && y < n)
	);
	if (crimean.length) problems.push(`borders still has ${crimean.length} line(s) in Crimea`);
	return problems;
}
