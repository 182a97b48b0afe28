// The geodata build refuses bad input: each fixture under tests/fixtures/geodata/<case>/ is a
// tiny --src folder with one kind of mistake. The real CLI must exit 1, name the file, feature
// and reason, and write nothing. Rings wound the wrong way are fixed, not refused.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as turf from '@turf/turf';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { afterAll, describe, expect, it } from 'vitest';

const FIXTURES = 'tests/fixtures/geodata';
const tmpRoot = mkdtempSync(path.join(tmpdir(), 'geodata-validate-'));
afterAll(() => rmSync(tmpRoot, { recursive: true, force: true }));

/** Run `node geodata/build.js` on a fixture into a fresh, not yet created, out folder. */
function build(fixture: string) {
	const parent = mkdtempSync(path.join(tmpRoot, `${fixture}-`));
	const out = path.join(parent, 'data');
	const run = spawnSync(
		process.execPath,
		['geodata/build.js', '--src', `${FIXTURES}/${fixture}`, '--out', out],
		{
			encoding: 'utf8'
		}
	);
	return { ...run, parent, out };
}

const swapped = 'are longitude and latitude swapped? GeoJSON is [longitude, latitude]';

const cases: [fixture: string, lines: string[]][] = [
	[
		'placeholder-in-text',
		[
			'places.geojson: feature anchorage: properties.name "Anchorage, {distance:jber-downtown} from the base" has a brace: placeholders such as {distance:…} work only in content/story.yaml; write the text out'
		]
	],
	['out-of-range', ['places.geojson: feature nowhere: longitude 200 out of range -180…180']],
	[
		'swapped-lat-lng',
		[`places.geojson: feature anchorage: latitude -149.90028 out of range: ${swapped}`]
	],
	['unclosed-ring', ['area.geojson: feature open-square: ring is not closed']],
	[
		'names-unknown',
		['labels.geojson: feature label-front: properties.names "front-line" is no feature\'s id']
	],
	[
		'self-intersecting-ring',
		['area.geojson: feature bowtie: exterior ring crosses itself at [-149.5652, 61.5652]']
	],
	[
		'duplicate-ids',
		[
			`b.geojson: feature anchorage: duplicate id, already used in ${FIXTURES}/duplicate-ids/a.geojson`
		]
	],
	[
		'missing-provenance',
		[
			'places.geojson: feature anchorage: missing properties.source',
			'places.geojson: feature anchorage: missing properties.accuracy'
		]
	],
	[
		'wrong-geometry',
		[
			'places.geojson: feature a-road: geometry LineString does not fit kind "points" (Point or MultiPoint)'
		]
	],
	// Node 20's JSON.parse wording; its "Unexpected token" has no position, so the build finds it.
	[
		'json-syntax',
		[
			`places.geojson:12:75: JSON: Unexpected token ']'; remove the comma before it: JSON allows no trailing comma`
		]
	],
	[
		'json-syntax-distances',
		[
			`distances.json:3:5: JSON: Expected ',' or '}' after property value; is a comma missing before it?`,
			`basemap.json:1:1: JSON: Unexpected token '/'; JSON has no comments: remove it`
		]
	],
	['not-utf8', ['places.geojson:11: not UTF-8 (byte 0xE9); save the file as UTF-8']],
	[
		'missing-geometry',
		[
			'places.geojson: feature no-geometry: missing "geometry" (kind "points" takes Point or MultiPoint)',
			'places.geojson: feature typo: geometry type "Pointt" is not a GeoJSON type (Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon)'
		]
	],
	[
		'layer-file-names',
		[
			'My Layer.geojson: file name must be lower-case words joined by hyphens, e.g. my-layer.geojson (it becomes the layer id and the URL /data/<id>.topo.json)',
			'a#b.geojson: file name must be lower-case words joined by hyphens, e.g. a-b.geojson (it becomes the layer id and the URL /data/<id>.topo.json)',
			`places.geojson: "id" is "place" but the file is places.geojson: they must be the same (the id is the layer's URL /data/<id>.topo.json); rename the file or change "id"`
		]
	],
	[
		// Sevastopol (Crimea counts as Ukraine; 240 m into its bay) and Diomede village (150 m off
		// the 1:10m coast) are in the fixture too, and pass.
		'point-not-in-country',
		[
			`places.geojson: feature kyiv: point [50.4501, 30.5234] is not inside Ukraine (it is in Iran); ${swapped}`,
			'places.geojson: feature helsinki: missing properties.country: add "country": "Finland" (the Natural Earth name of the country the point is in), so that the build can check the coordinates',
			'places.geojson: feature moscow-kremlin: properties.country "Russian Federation" is not a Natural Earth country name (as in world-atlas countries-10m.json, e.g. "United States of America", "Russia"); the point is in "Russia"'
		]
	],
	[
		'bad-basemap',
		[
			'basemap.json: credit: missing "attribution"',
			'basemap.json: detail bering: "id" must be detail-<name>, lower-case words joined by hyphens',
			'basemap.json: detail detail-town: "bbox" must be [west, south, east, north] in degrees, west < east and south < north',
			'basemap.json: detail detail-town: expect: unknown point feature "atlantis"'
		]
	],
	[
		'bad-distances',
		[
			'distances.json: distance to-atlantis: unknown place "atlantis" in "to" (not a point feature of any layer)',
			'distances.json: distance sea-shore: place "mid-pacific" in "from" is not inside any Natural Earth 1:10m land polygon',
			'distances.json: distance to-atlantis: duplicate id',
			'distances.json: distance no-label: missing "label"'
		]
	],
	[
		'bad-areas',
		[
			'areas.json: area nowhere: "atlantis" in "of" is no layer or feature with an area',
			'areas.json: area points-only: "places" in "of" is no layer or feature with an area',
			'areas.json: area no-label: missing "label"',
			'areas.json: area no-label: "places" in "of" is no layer or feature with an area',
			'areas.json: area no-label: "minus" must be a list of layer or feature ids'
		]
	]
];

describe('geodata build refuses bad input', () => {
	it.each(cases)('%s: exit 1, file: feature id: reason, nothing written', (fixture, lines) => {
		const run = build(fixture);
		expect(run.status, run.stderr).toBe(1);
		const stderr = run.stderr.trim().split('\n');
		expect(stderr).toEqual([
			...lines.map((line) => `${FIXTURES}/${fixture}/${line}`),
			`geodata: ${lines.length} error(s); nothing written`
		]);
		expect(existsSync(run.out)).toBe(false);
		expect(readdirSync(run.parent)).toEqual([]); // no temporary folder left either
	});
});

describe('geodata build rewinds rings (RFC 7946)', () => {
	it('fixes a clockwise exterior ring and a counter-clockwise hole, and says so', () => {
		const run = build('wrong-winding');
		expect(run.status, run.stderr).toBe(0);
		const file = `${FIXTURES}/wrong-winding/area.geojson`;
		// One line for the file, not one per ring.
		expect(run.stdout).toContain(
			`${file}: 2 polygon rings wound the other way, drawn rewound (RFC 7946); nothing to do\n`
		);

		const topo: Topology = JSON.parse(readFileSync(path.join(run.out, 'area.topo.json'), 'utf8'));
		const fc = feature(topo, topo.objects.area);
		const geometry = 'features' in fc ? fc.features[0].geometry : fc.geometry;
		expect(geometry.type).toBe('Polygon');
		const [outer, hole] = (geometry as GeoJSON.Polygon).coordinates;
		expect(turf.booleanClockwise(outer)).toBe(false);
		expect(turf.booleanClockwise(hole)).toBe(true);
	});
});
