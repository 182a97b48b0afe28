import { describe, expect, it } from 'vitest';
import {
	CONTROL_BAND,
	fitZoom,
	formatCamera,
	parseCamera,
	REFERENCE_SIZE,
	sameCamera
} from '$lib/map/camera';
import { diffView } from '$lib/map/view-diff';
import { formatShareHash, parseShareHash } from '$lib/map/share';

describe('camera', () => {
	it('keeps the authored zoom at the reference size and drops one level per halving, between the controls', () => {
		expect(fitZoom(5, REFERENCE_SIZE, 900)).toBe(5);
		expect(fitZoom(5, 900, REFERENCE_SIZE / 2 + 2 * CONTROL_BAND)).toBe(4);
		expect(fitZoom(5, 900, REFERENCE_SIZE)).toBeLessThan(5); // a short map: the controls' bands count
		expect(fitZoom(0.5, 10, 10)).toBe(-2);
	});
	it('formats and parses data-camera, normalising the bearing', () => {
		const text = formatCamera({
			center: [-149.80639, 61.25139],
			zoom: 12.345,
			bearing: 190,
			pitch: 45
		});
		expect(text).toBe('-149.8064,61.2514,12.35,-170.0,45.0');
		expect(parseCamera(text)).toEqual({
			center: [-149.8064, 61.2514],
			zoom: 12.35,
			bearing: -170,
			pitch: 45
		});
		expect(parseCamera('1,2,3')).toBeNull();
	});

	it('tells the same camera to the precision of data-camera, across the antimeridian too', () => {
		const a = { center: [179.99999, 61.25139] as [number, number], zoom: 3, bearing: 0, pitch: 0 };
		expect(sameCamera(a, parseCamera(formatCamera(a))!)).toBe(true);
		expect(sameCamera(a, { ...a, center: [-180, 61.25139] })).toBe(true);
		expect(sameCamera(a, { ...a, center: [179.99999, 0] })).toBe(false);
		expect(sameCamera(a, { ...a, zoom: 3.05 })).toBe(false);
	});
});

describe('diffView', () => {
	const v = (layers: string[], highlight: string[]) => ({
		id: 'v',
		camera: { center: [0, 0] as [number, number], zoom: 1, bearing: 0, pitch: 0 },
		layers,
		highlight,
		subject: [],
		padding: 0
	});
	it('hides every other layer the first time', () => {
		expect(diffView(null, v(['a'], ['x']), ['a', 'b', 'c'])).toEqual({
			show: ['a'],
			hide: ['b', 'c'],
			highlight: ['x'],
			unhighlight: []
		});
	});
	it('changes only what differs', () => {
		expect(diffView(v(['a', 'b'], ['x', 'y']), v(['b', 'c'], ['y', 'z']), ['a', 'b', 'c'])).toEqual(
			{ show: ['c'], hide: ['a'], highlight: ['z'], unhighlight: ['x'] }
		);
	});
});

describe('share hash', () => {
	it('round-trips a camera', () => {
		const hash = formatShareHash({ center: [-168.9, 65.75], zoom: 7.5, bearing: 190, pitch: 30 });
		expect(hash).toBe('#map=7.50/65.7500/-168.9000/-170.0/30.0');
		expect(parseShareHash(hash)).toEqual({
			center: [-168.9, 65.75],
			zoom: 7.5,
			bearing: -170,
			pitch: 30
		});
	});
	it.each([
		'',
		'#arrival',
		'#map=',
		'#map=1/2/3',
		'#map=a/b/c/d/e',
		'#map=7/95/0/0/0',
		'#map=7/0/200/0/0',
		'#map=30/0/0/0/0',
		'#map=7/0/0/0/90',
		'#map=7/0/0/0/0/0',
		'#map=7/1e3/0/0/0',
		'#map=<script>/0/0/0/0'
	])('ignores %j', (hash) => expect(parseShareHash(hash)).toBeNull());
});
