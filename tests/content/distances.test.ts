// The distances the story quotes are measured from geodata/ (static/data/distances.json, built
// by `npm run geodata`), never typed. Here each is held against its published figure, and
// checked to be what geodata/lib/distances.js measures from the data now.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readAuthored, readShores } from '../../geodata/build.js';
import { measureAreas } from '../../geodata/lib/areas.js';
import { loadDetailSource } from '../../geodata/lib/detail.js';
import {
	landPolygons,
	measureDistances,
	placePoints,
	type Distance
} from '../../geodata/lib/distances.js';

const generated: Distance[] = JSON.parse(readFileSync('static/data/distances.json', 'utf8'));
const byId = new Map(generated.map((d) => [d.id, d]));
const places = placePoints(JSON.parse(readFileSync('geodata/places.geojson', 'utf8')));

function km(id: string) {
	const d = byId.get(id);
	if (!d) throw new Error(`static/data/distances.json has no distance "${id}"`);
	return d.km;
}

function place(id: string) {
	const at = places.get(id);
	if (!at) throw new Error(`geodata/places.geojson has no point "${id}"`);
	return at;
}

/**
 * Geodesic distance in km on the WGS84 ellipsoid: Vincenty's inverse formula (T. Vincenty,
 * "Direct and inverse solutions of geodesics on the ellipsoid with application of nested
 * equations", Survey Review 23(176), 1975), the method published distance calculators use.
 */
function vincentyKm([lng1, lat1]: number[], [lng2, lat2]: number[]) {
	const a = 6378137;
	const f = 1 / 298.257223563;
	const b = a * (1 - f);
	const rad = Math.PI / 180;
	const L = (lng2 - lng1) * rad;
	const U1 = Math.atan((1 - f) * Math.tan(lat1 * rad));
	const U2 = Math.atan((1 - f) * Math.tan(lat2 * rad));
	const [sinU1, cosU1, sinU2, cosU2] = [Math.sin(U1), Math.cos(U1), Math.sin(U2), Math.cos(U2)];
	let lambda = L;
	let [sinSigma, cosSigma, sigma, cos2Alpha, cos2SigmaM] = [0, 0, 0, 0, 0];
	for (let i = 0; i < 200; i++) {
		const [sinL, cosL] = [Math.sin(lambda), Math.cos(lambda)];
		sinSigma = Math.hypot(cosU2 * sinL, cosU1 * sinU2 - sinU1 * cosU2 * cosL);
		if (sinSigma === 0) return 0; // the same point
		cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosL;
		sigma = Math.atan2(sinSigma, cosSigma);
		const sinAlpha = (cosU1 * cosU2 * sinL) / sinSigma;
		cos2Alpha = 1 - sinAlpha ** 2;
		cos2SigmaM = cos2Alpha === 0 ? 0 : cosSigma - (2 * sinU1 * sinU2) / cos2Alpha;
		const C = (f / 16) * cos2Alpha * (4 + f * (4 - 3 * cos2Alpha));
		const previous = lambda;
		lambda =
			L +
			(1 - C) *
				f *
				sinAlpha *
				(sigma + C * sinSigma * (cos2SigmaM + C * cosSigma * (-1 + 2 * cos2SigmaM ** 2)));
		if (Math.abs(lambda - previous) < 1e-12) break;
	}
	const u2 = (cos2Alpha * (a * a - b * b)) / (b * b);
	const A = 1 + (u2 / 16384) * (4096 + u2 * (-768 + u2 * (320 - 175 * u2)));
	const B = (u2 / 1024) * (256 + u2 * (-128 + u2 * (74 - 47 * u2)));
	const deltaSigma =
		B *
		sinSigma *
		(cos2SigmaM +
			(B / 4) *
				(cosSigma * (-1 + 2 * cos2SigmaM ** 2) -
					(B / 6) * cos2SigmaM * (-3 + 4 * sinSigma ** 2) * (-3 + 4 * cos2SigmaM ** 2)));
	return (b * A * (sigma - deltaSigma)) / 1000;
}

/** turf measures on a sphere, about 0.35% short of the ellipsoid here: allow 0.6%, plus the
 *  0.05 km of rounding to one decimal. */
const sphereTolerance = (reference: number) => reference * 0.006 + 0.05;

describe('distances against published figures', () => {
	it('diomede-gap: about 3.8 km (2.4 mi) between the closest shores (shared/reference/README.md)', () => {
		// The full-resolution GSHHG shores the map draws give about 3.6 km (Natural Earth 1:10m's,
		// 3.9 km): within the same 0.4 km (0.25 mi) of the published figure in either unit.
		expect(Math.abs(km('diomede-gap') - 3.8)).toBeLessThanOrEqual(0.4);
		expect(Math.abs(byId.get('diomede-gap')!.mi - 2.4)).toBeLessThanOrEqual(0.25);
	});

	it('strait-narrowest: about 82 km (51 mi), Cape Dezhnev to Cape Prince of Wales (shared/reference/README.md)', () => {
		// The closest mainland shores the map draws (GSHHG) are about 81.5 km apart.
		expect(Math.abs(km('strait-narrowest') - 82)).toBeLessThanOrEqual(3);
	});

	it('Vincenty on WGS84 gives the published 7,016 km for Anchorage to Moscow, validating the reference', () => {
		expect(
			Math.abs(vincentyKm(place('anchorage'), place('moscow-kremlin')) - 7016)
		).toBeLessThanOrEqual(5);
	});

	it('anchorage-moscow: 7,016 km on the WGS84 ellipsoid (shared/reference/README.md)', () => {
		expect(Math.abs(km('anchorage-moscow') - 7016)).toBeLessThanOrEqual(sphereTolerance(7016));
	});

	it.each([
		['anchorage-kyiv', 'anchorage', 'kyiv'],
		['jber-downtown', 'jber-airfield', 'anchorage']
	])('%s: within 0.6 percent of the ellipsoidal (Vincenty, WGS84) distance', (id, from, to) => {
		const reference = vincentyKm(place(from), place(to));
		expect(Math.abs(km(id) - reference)).toBeLessThanOrEqual(sphereTolerance(reference));
	});

	it('gives miles as the same distance, to rounding', () => {
		for (const d of generated) expect(Math.abs(d.mi * 1.609344 - d.km)).toBeLessThan(0.15);
	});
});

describe('areas are measured, not typed', () => {
	it('static/data/areas.json is what geodata/lib/areas.js measures from geodata/ now', () => {
		const specs = JSON.parse(readFileSync('geodata/areas.json', 'utf8'));
		const { areas, errors } = measureAreas(
			'geodata/areas.json',
			specs,
			readAuthored('geodata').layers
		);
		expect(errors).toEqual([]);
		expect(JSON.parse(readFileSync('static/data/areas.json', 'utf8'))).toEqual(areas);
	});

	it('the claimed regions still held by Ukraine are part of the claimed regions, and approximate', () => {
		const generated = JSON.parse(readFileSync('static/data/areas.json', 'utf8'));
		const byArea = new Map(generated.map((a: { id: string }) => [a.id, a]));
		const all = byArea.get('claimed-regions') as { km2: number };
		const held = byArea.get('claimed-still-ukrainian') as { km2: number; approximate: boolean };
		expect(held.km2).toBeGreaterThan(0);
		expect(held.km2).toBeLessThan(all.km2 / 2);
		expect(held.approximate).toBe(true);
	});
});

describe('distances are measured, not typed', () => {
	it('static/data/distances.json is what geodata/lib/distances.js measures from geodata/ now', () => {
		const specs = JSON.parse(readFileSync('geodata/distances.json', 'utf8'));
		const { distances, errors } = measureDistances(
			'geodata/distances.json',
			specs,
			places,
			landPolygons(loadDetailSource(), readShores('geodata'))
		);
		expect(errors).toEqual([]);
		expect(generated).toEqual(distances);
	});
});
