// Why this file exists: geodata/held-area.geojson, the part of Ukraine Russia held on 15 August
// 2025, is derived, once, from the line of contact (contact-line.geojson, its main front) and
// Natural Earth's 1:10m Ukraine and Crimea (npm world-atlas): Ukraine's land on the south-east
// side of the main front, which runs from the Dnipro mouth to the border in Kharkiv oblast. It
// is as approximate as the line, and the smaller fronts in Kharkiv and Sumy oblasts are not
// shaded. It is not part of `npm run geodata`; rerun it when the line changes:
//
//   node geodata/derive-held-area.js

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as turf from '@turf/turf';
import { feature } from 'topojson-client';
import { CRIMEA_BBOX } from './lib/world.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const line = JSON.parse(fs.readFileSync(path.join(here, 'contact-line.geojson'), 'utf8'))
	.features[0];
const front = line.geometry.coordinates[0];
const world = JSON.parse(
	fs.readFileSync(path.join(here, '../node_modules/world-atlas/countries-10m.json'), 'utf8')
);
const countries = /** @type {import('geojson').FeatureCollection} */ (
	/** @type {unknown} */ (feature(world, world.objects.countries))
);
/** @returns {number[][][][]} a country's polygons */
const polygons = (/** @type {string} */ id) => {
	const g = /** @type {any} */ (countries.features.find((f) => f.id === id)?.geometry);
	return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
};
const [w, s, e, n] = CRIMEA_BBOX;
const crimea = polygons('643').filter((p) =>
	p[0].every(([x, y]) => x >= w && x <= e && y >= s && y <= n)
);
const ukraine = turf.multiPolygon([...polygons('804'), ...crimea]);

// The front, then round its south-east side through Russia and the Black Sea back to its start.
const [start, end] = [front[0], front.at(-1)];
const east = turf.polygon([
	[
		...front,
		[end[0] + 0.8, end[1] + 0.6],
		[42, end[1] + 0.6],
		[42, 44],
		[start[0] - 0.5, 44],
		[start[0] - 0.5, start[1] - 0.1],
		start
	]
]);
const held = turf.intersect(
	turf.featureCollection(
		/** @type {import('geojson').Feature<import('geojson').Polygon | import('geojson').MultiPolygon>[]} */ ([
			ukraine,
			east
		])
	)
);
if (!held) throw new Error('the front does not cut Ukraine');
const simple = turf.simplify(held, { tolerance: 0.005, highQuality: true });
const round = (/** @type {any} */ c) =>
	typeof c === 'number' ? Math.round(c * 1e4) / 1e4 : c.map(round);

const layer = {
	type: 'FeatureCollection',
	id: 'held-area',
	title: 'Held by Russia',
	kind: 'held-area',
	source:
		'derived for this story from the line of contact and Natural Earth 1:10m (derive-held-area.js)',
	licence: 'CC0-1.0 (derived from the line of contact and public-domain Natural Earth)',
	asOf: line.properties.asOf,
	features: [
		{
			type: 'Feature',
			properties: {
				id: 'russian-held-area',
				name: `Held by Russia, ${line.properties.asOf} (approximate)`,
				source:
					'Ukraine’s land (Natural Earth 1:10m, with Crimea) on the south-east side of the main front of the approximate line of contact',
				accuracy: `as the line of contact: ${line.properties.accuracy}; the smaller fronts in Kharkiv and Sumy oblasts are not shaded`,
				asOf: line.properties.asOf
			},
			geometry: { ...simple.geometry, coordinates: round(simple.geometry.coordinates) }
		}
	]
};
fs.writeFileSync(path.join(here, 'held-area.geojson'), `${JSON.stringify(layer)}\n`);
console.log(
	`wrote geodata/held-area.geojson: ${simple.geometry.type}, ${JSON.stringify(simple.geometry.coordinates).length} bytes of coordinates`
);
