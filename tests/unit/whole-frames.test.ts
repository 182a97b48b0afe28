// After a cut in software WebGL, the map draws the cut's own frame, then nothing until every tile
// has come (or HOLD_MS has passed), then the view once; a gesture draws at once.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { drawCutsWhole, HOLD_MS, type Repainted } from '$lib/map/whole-frames';

/** A map that counts the frames it is asked for; `loaded` says whether its tiles are all in. */
function countingMap() {
	const listeners = new Map<string, (() => void)[]>();
	const add = (type: string, listener: () => void) =>
		listeners.set(type, [...(listeners.get(type) ?? []), listener]);
	const map = {
		frames: 0,
		loaded: false,
		moving: false,
		triggerRepaint() {
			map.frames++;
		},
		areTilesLoaded: () => map.loaded,
		isMoving: () => map.moving,
		on: add,
		once(type: string, listener: () => void) {
			const once = () => {
				listeners.set(
					type,
					listeners.get(type)!.filter((l) => l !== once)
				);
				listener();
			};
			add(type, once);
		},
		emit: (type: string) => [...(listeners.get(type) ?? [])].forEach((l) => l())
	};
	return map satisfies Repainted;
}

/** A cut as MapLibre makes one: the camera jumps (asking for a frame) and that frame is drawn. */
function cut(map: ReturnType<typeof countingMap>) {
	map.emit('movestart');
	map.triggerRepaint();
	map.emit('moveend');
	map.emit('render');
}

describe('drawCutsWhole', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('draws a cut’s view once, when its last tile has come', () => {
		const map = countingMap();
		drawCutsWhole(map);
		cut(map);
		expect(map.frames).toBe(1);
		for (let tile = 0; tile < 5; tile++) {
			map.triggerRepaint(); // a tile came: MapLibre asks for a frame
			map.emit('sourcedata');
		}
		expect(map.frames).toBe(1);
		map.loaded = true;
		map.triggerRepaint();
		map.emit('sourcedata');
		expect(map.frames).toBe(2);
		map.triggerRepaint(); // what follows (label placement) is drawn as usual
		expect(map.frames).toBe(3);
	});

	it.each([
		['the cut’s tiles were all there', { loaded: true }],
		['the map still moves as the camera comes to rest (a gesture goes on)', { moving: true }]
	])('holds nothing when %s', (_, state) => {
		const map = Object.assign(countingMap(), state);
		drawCutsWhole(map);
		cut(map);
		map.triggerRepaint();
		expect(map.frames).toBe(2);
	});

	it('draws what it has after HOLD_MS, and at once when the reader moves the map', () => {
		const map = countingMap();
		drawCutsWhole(map);
		cut(map);
		map.triggerRepaint();
		vi.advanceTimersByTime(HOLD_MS - 1);
		expect(map.frames).toBe(1);
		vi.advanceTimersByTime(1);
		expect(map.frames).toBe(2);
		cut(map);
		map.triggerRepaint();
		expect(map.frames).toBe(3);
		map.emit('movestart');
		expect(map.frames).toBe(4);
		map.triggerRepaint();
		expect(map.frames).toBe(5);
	});
});
