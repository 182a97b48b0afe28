// Why this file exists: geodata/runways.geojson is derived, once, from OurAirports' public-domain
// runway rows for Elmendorf (PAED), Anchorage International (PANC) and Merrill Field (PAMR):
// each runway is the line between its two ends, widened by half its width on each side, with its
// designators ("06/24") as its name. It is not part of `npm run geodata`; rerun it only if the
// reference extract changes:
//
//   node geodata/derive-runways.js <path to ourairports-runways-anchorage.csv>

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as turf from '@turf/turf';

const input = process.argv[2];
if (!input) {
	console.error('usage: node geodata/derive-runways.js <ourairports-runways-anchorage.csv>');
	process.exit(1);
}
const output = path.join(path.dirname(fileURLToPath(import.meta.url)), 'runways.geojson');
const AIRPORTS = { PAED: 'Elmendorf', PANC: 'Anchorage International', PAMR: 'Merrill Field' };
const FT = 0.3048;

const [header, ...rows] = fs
	.readFileSync(input, 'utf8')
	.trim()
	.split('\n')
	.map((line) => line.split(',').map((c) => c.replace(/^"|"$/g, '')));
const round = (/** @type {any} */ c) =>
	typeof c === 'number' ? Math.round(c * 1e6) / 1e6 : c.map(round);

const features = rows.map((cells) => {
	const r = Object.fromEntries(header.map((h, i) => [h, cells[i]]));
	const airport = AIRPORTS[/** @type {keyof typeof AIRPORTS} */ (r.airport_ident)];
	if (!airport || r.closed !== '0') throw new Error(`${input}: unexpected row ${r.id}`);
	const le = [Number(r.le_longitude_deg), Number(r.le_latitude_deg)];
	const he = [Number(r.he_longitude_deg), Number(r.he_latitude_deg)];
	const half = (Number(r.width_ft) * FT) / 2 / 1000;
	const bearing = turf.bearing(le, he);
	const side = (/** @type {number[]} */ p, /** @type {number} */ turn) =>
		turf.destination(p, half, bearing + turn).geometry.coordinates;
	const ring = [side(le, -90), side(he, -90), side(he, 90), side(le, 90), side(le, -90)];
	const designators = `${r.le_ident}/${r.he_ident}`;
	return {
		type: 'Feature',
		properties: {
			id: `${r.airport_ident.toLowerCase()}-runway-${designators.replace('/', '-').toLowerCase()}`,
			name: `${airport} runway ${designators}`,
			label: designators,
			airport: r.airport_ident,
			lengthFt: Number(r.length_ft),
			widthFt: Number(r.width_ft),
			source: `OurAirports runways.csv, row ${r.id} (${r.airport_ident} ${designators}): runway ends and width, snapshot of 22 Aug 2026`,
			accuracy:
				'about ±10 m at the ends; drawn as the line between the ends, widened by the published width'
		},
		geometry: { type: 'Polygon', coordinates: [round(ring)] }
	};
});

const layer = {
	type: 'FeatureCollection',
	id: 'runways',
	title: 'Runways',
	kind: 'runway',
	source: 'OurAirports (ourairports.com/data), runways.csv',
	licence: 'Public domain',
	features
};
fs.writeFileSync(output, `${JSON.stringify(layer, null, 2)}\n`);
console.log(`wrote ${output}: ${features.length} runways`);
