// Why this file exists: the story speaks of ground (the regions Russia claims, the part of them
// Ukraine still held); typed figures drift from the map, so, as distances are, areas are measured
// from the data the map draws. geodata/areas.json names each: `of`, the features (or whole
// layers) whose union is measured, less the union of `minus`. Measured with turf on a sphere
// (geodesic area), in km², and said to be as approximate as the least exact feature measured.

import * as turf from '@turf/turf';
import { ID_PATTERN, KM2_PER_SQMI, LAYER_KINDS } from '../../src/lib/data-contract.js';
import { entryHeader } from './json.js';

export const METHOD =
	'geodesic area of the union of the features named, less the union of those subtracted (turf, spherical Earth)';

/**
 * @typedef {import('../../src/lib/data-contract.js').Area} Area
 * @typedef {{ stem: string, fc: any }} Layer
 */

/** The features an id names, a whole layer's or one (any layer's), each with whether it is
 *  approximate (its layer's kind is, or its accuracy says so). */
function featuresOf(/** @type {string} */ id, /** @type {Layer[]} */ layers) {
	return layers.flatMap((l) =>
		l.fc.features
			.filter((/** @type {any} */ f) => l.stem === id || f.properties?.id === id)
			.map((/** @type {any} */ f) => ({
				f,
				approximate:
					!!LAYER_KINDS[/** @type {keyof typeof LAYER_KINDS} */ (l.fc.kind)]?.approximate ||
					/approximate/i.test(String(f.properties?.accuracy ?? ''))
			}))
	);
}

/** The union of features' polygons, or null when there is none. */
function unionOf(/** @type {any[]} */ features) {
	const polygons = features.filter((f) => /Polygon$/.test(f.geometry?.type ?? ''));
	if (!polygons.length) return null;
	return polygons.length === 1 ? polygons[0] : turf.union(turf.featureCollection(polygons));
}

/**
 * Check and measure the areas of `specs` (the parsed areas.json).
 * @param {string} file  for messages
 * @param {unknown} specs
 * @param {Layer[]} layers  the validated layers
 * @returns {{ areas: Area[], errors: string[] }}
 */
export function measureAreas(file, specs, layers) {
	/** @type {string[]} */
	const errors = [];
	/** @type {Area[]} */
	const areas = [];
	if (!Array.isArray(specs)) return { areas, errors: [`${file}: must be a JSON array of areas`] };
	const seen = new Set();
	specs.forEach((/** @type {any} */ a, i) => {
		const { name, problems } = entryHeader(a, i, seen, ID_PATTERN);
		/** @type {Record<string, any[]>} */
		const named = {};
		for (const key of ['of', 'minus']) {
			const ids = a?.[key] ?? (key === 'minus' ? [] : undefined);
			if (
				!Array.isArray(ids) ||
				(key === 'of' && !ids.length) ||
				ids.some((x) => typeof x !== 'string')
			) {
				problems.push(`"${key}" must be a list of layer or feature ids`);
				continue;
			}
			named[key] = [];
			for (const id of ids) {
				const found = featuresOf(id, layers).filter(({ f }) => /Polygon$/.test(f.geometry?.type));
				if (!found.length) problems.push(`"${id}" in "${key}" is no layer or feature with an area`);
				named[key].push(...found);
			}
		}
		if (problems.length) {
			errors.push(...problems.map((p) => `${file}: area ${name}: ${p}`));
			return;
		}
		const of = unionOf(named.of.map((n) => n.f));
		const minus = unionOf(named.minus.map((n) => n.f));
		const rest = of && minus ? turf.difference(turf.featureCollection([of, minus])) : of;
		const km2 = rest ? turf.area(rest) / 1e6 : 0;
		const measured = [...named.of, ...named.minus];
		areas.push({
			id: a.id,
			label: a.label,
			km2: Math.round(km2),
			sqmi: Math.round(km2 / KM2_PER_SQMI),
			approximate: measured.some((n) => n.approximate),
			method: METHOD,
			of: a.of,
			minus: a.minus ?? []
		});
	});
	return { areas, errors };
}
