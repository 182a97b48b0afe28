// Where WebGL is drawn in software, the live map starts with its background alone and shows its
// first view's layers a few at a time, each step once the map has drawn the one before and the GPU
// has finished it (a fence polled between tasks); so does a cut into a projection not drawn yet.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StyleSpecification } from 'maplibre-gl';
import type { MapView } from '$lib/content/types';
import {
	cutSteps,
	drawInSteps,
	gpuFinished,
	hideForSteps,
	MERCATOR_FROM_ZOOM,
	STEP_SIZE
} from '$lib/map/software-start';

const layer = (id: string, visibility?: 'none') =>
	({
		id,
		type: 'fill',
		source: id,
		...(visibility ? { layout: { visibility } } : {})
	}) as StyleSpecification['layers'][number];

/** A style of a background, seven basemap layers, and two data layers of two parts, hidden. */
const style = (): StyleSpecification => ({
	version: 8,
	sources: {},
	layers: [
		{ id: 'water', type: 'background' },
		...['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => layer(id)),
		layer('places:dot', 'none'),
		layer('places:label', 'none'),
		layer('lines:line', 'none'),
		layer('lines:label', 'none')
	]
});

const view = { layers: ['places'] } as MapView;

/** A WebGL2 context whose fences signal when the test says the GPU has finished. */
function fakeGL() {
	const gl = {
		SYNC_GPU_COMMANDS_COMPLETE: 1,
		SYNC_STATUS: 2,
		SIGNALED: 3,
		finished: false,
		lost: false,
		fences: 0,
		fenceSync: () => (gl.fences++, {}),
		flush() {},
		isContextLost: () => gl.lost,
		getSyncParameter: () => (gl.finished ? gl.SIGNALED : 0),
		deleteSync() {}
	};
	return gl;
}

describe('hideForSteps', () => {
	it('hides all but the background, and shows again what the style showed and the view’s data layers, in drawing order', () => {
		const s = style();
		const steps = hideForSteps(s, view);
		expect(steps).toEqual([
			['a', 'b', 'c'],
			['d', 'e', 'f'],
			['g', 'places:dot', 'places:label']
		]);
		expect(steps.every((step) => step.length <= STEP_SIZE)).toBe(true);
		const visible = s.layers.filter((l) => l.layout?.visibility !== 'none').map((l) => l.id);
		expect(visible).toEqual(['water']);
	});
});

describe('drawInSteps', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('shows the next step only once the map has drawn the last and the GPU has finished it', async () => {
		const gl = fakeGL();
		const shown: string[] = [];
		let idle = () => {};
		const map = {
			setLayoutProperty: (id: string) => shown.push(id),
			once: () => new Promise<void>((resolve) => (idle = resolve)),
			getCanvas: () => ({ getContext: () => gl as unknown as WebGL2RenderingContext })
		};
		const done = drawInSteps(map, [['a', 'b'], ['c']]);
		expect(shown).toEqual(['a', 'b']);
		await vi.advanceTimersByTimeAsync(100);
		expect(shown).toEqual(['a', 'b']); // the map has not drawn them yet
		idle();
		await vi.advanceTimersByTimeAsync(100);
		expect([shown, gl.fences]).toEqual([['a', 'b'], 1]); // drawn, the GPU not finished
		gl.finished = true;
		await vi.advanceTimersByTimeAsync(100);
		expect(shown).toEqual(['a', 'b', 'c']);
		idle();
		await vi.advanceTimersByTimeAsync(100);
		await done;
	});
});

/** A map of the style's layers whose frames are drawn (idle) and finished when the test says. */
function fakeMap() {
	const gl = fakeGL();
	const layers = style().layers;
	const visible = new Map(layers.map((l) => [l.id, l.layout?.visibility !== 'none']));
	let idle = () => {};
	return {
		gl,
		visible: () => layers.map((l) => l.id).filter((id) => visible.get(id)),
		/** The map draws what it shows, and the GPU finishes it. */
		async draw() {
			idle();
			gl.finished = true;
			await vi.advanceTimersByTimeAsync(100);
			gl.finished = false;
		},
		getLayersOrder: () => layers.map((l) => l.id),
		getLayer: (id: string) => layers.find((l) => l.id === id),
		getLayoutProperty: (id: string) => (visible.get(id) ? 'visible' : 'none'),
		setLayoutProperty: (id: string, _: 'visibility', value: 'visible' | 'none') =>
			visible.set(id, value === 'visible'),
		once: () => new Promise<unknown>((resolve) => (idle = () => resolve(null))),
		getCanvas: () => ({ getContext: () => gl as unknown as WebGL2RenderingContext })
	};
}

describe('cutSteps', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());
	const at = (zoom: number) => ({ center: [0, 0] as [number, number], zoom, bearing: 0, pitch: 0 });

	it('draws the first cut into the other projection in steps, showing again what was shown', async () => {
		const map = fakeMap();
		const shown = map.visible();
		const cut = cutSteps(map, at(MERCATOR_FROM_ZOOM + 0.5));
		expect(cut(at(MERCATOR_FROM_ZOOM + 2))).toBeNull(); // the start's projection: built
		const steps = cut(at(MERCATOR_FROM_ZOOM - 3))!;
		expect(map.visible()).toEqual(['water', 'a', 'b', 'c']);
		let whole: boolean | null = null;
		void steps.done.then((w) => (whole = w));
		await map.draw();
		expect(map.visible()).toEqual(['water', 'a', 'b', 'c', 'd', 'e', 'f']);
		await map.draw();
		await map.draw();
		expect([map.visible(), whole]).toEqual([shown, true]);
		expect(cut(at(2))).toBeNull(); // the globe's shaders are built now
	});

	it('shows what is left at once when the cut is ended before its steps are', async () => {
		const map = fakeMap();
		const steps = cutSteps(map, at(MERCATOR_FROM_ZOOM))(at(3))!;
		let whole: boolean | null = null;
		void steps.done.then((w) => (whole = w));
		steps.finish();
		expect(map.visible()).toEqual(map.getLayersOrder().filter((id) => !id.includes(':')));
		await map.draw();
		expect(whole).toBe(false);
	});
});

describe('gpuFinished', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('resolves when the fence signals, or when the context is lost', async () => {
		for (const end of ['finished', 'lost'] as const) {
			const gl = fakeGL();
			let resolved = false;
			void gpuFinished(gl as unknown as WebGL2RenderingContext).then(() => (resolved = true));
			await vi.advanceTimersByTimeAsync(100);
			expect(resolved).toBe(false);
			gl[end] = true;
			await vi.advanceTimersByTimeAsync(100);
			expect(resolved, end).toBe(true);
		}
	});
});
