// The map controller against a fake map: it applies only what changes, flies or jumps as
// asked, fits the zoom to the box, says when the camera moves, and the latest request wins.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushSync } from 'svelte';
import type { LayerInfo } from '$lib/content/types';
import { JUDGED_FRAMES, MapController, SLOW_FRAME_MS } from '$lib/map/controller.svelte';
import { fakeMap, feature, layers, view } from './fake-map';

const A = view('a', 10, ['places'], ['a']);
const B = view('b', 20, ['places', 'lines'], ['b', 'l']);
const ids = (c: MapController) => c.markers.map((m) => m.feature.id);

/** A GPU that finishes what the map drew (MapHelpers.drawn) when the test says so. */
function fakeGPU() {
	const drawing: (() => void)[] = [];
	return {
		drawn: () => new Promise<void>((resolve) => drawing.push(resolve)),
		/** Finishes all that was drawn so far, and lets the controller hear of it. */
		async finish() {
			for (const done of drawing.splice(0)) done();
			await Promise.resolve();
		}
	};
}

/** The name layers' filters (style.ts's litFilters), as the fake map records them. */
const lit = (highlight: string[]) => [{ layer: 'places:label-lit', filter: highlight }];

describe('MapController', () => {
	it('remembers a view asked for before the map is ready and jumps to it on attach', () => {
		const c = new MapController(layers);
		const map = fakeMap();
		c.show('s1', A, 'fly');
		expect(c.state).toBe('loading');
		c.attach(map, map.pin, { litFilters: lit });
		expect(c.state).toBe('loading'); // not shown until it has drawn the view
		map.emit('idle');
		expect(c.state).toBe('ready');
		expect(map.calls).toEqual([
			'lines:line=none',
			'places:dot=visible',
			'places:label=visible',
			'places/a:true',
			'places:label-lit.filter=["a"]',
			'jump 10,10 z3'
		]);
		expect(c.sectionId).toBe('s1');
		expect(ids(c)).toEqual(['a']);
	});

	it('applies only the difference between views, and flies', () => {
		const c = new MapController(layers);
		const map = fakeMap();
		c.attach(map, map.pin, { litFilters: lit });
		c.show('s1', A, 'fly');
		map.calls.length = 0;
		c.show('s2', B, 'fly');
		expect(map.calls).toEqual([
			'lines:line=visible',
			'places/a:false',
			'places/b:true',
			'lines/l:true',
			'places:label-lit.filter=["b","l"]',
			'fly 20,10 z3'
		]);
		// Markers go on highlighted points only (not on the line l).
		expect(ids(c)).toEqual(['b']);
		map.calls.length = 0;
		c.show('s1', A, 'jump');
		expect(map.calls).toEqual([
			'lines:line=none',
			'places/b:false',
			'lines/l:false',
			'places/a:true',
			'places:label-lit.filter=["a"]',
			'jump 10,10 z3'
		]);
	});

	it('fits the authored zoom to the box between the control bands: 300 px is one level out from the 600 px reference', () => {
		const c = new MapController(layers);
		const map = fakeMap(300, 420);
		c.attach(map, map.pin, { litFilters: lit });
		c.show('s2', B, 'jump');
		flushSync();
		expect(c.camera).toBe('20.0000,10.0000,3.00,0.0,0.0');
		const wide = new MapController(layers);
		const big = fakeMap(1200, 1304); // 1200 px between the control bands
		wide.attach(big, big.pin, { litFilters: lit });
		wide.show('s2', B, 'jump');
		expect(wide.camera).toBe('20.0000,10.0000,5.00,0.0,0.0');
	});

	it('is moving from the start of a cut or a flight until the map has drawn where it ends', () => {
		const c = new MapController(layers);
		const map = fakeMap();
		c.attach(map, map.pin, { litFilters: lit });
		c.show('s1', A, 'jump');
		expect(c.moving).toBe(true);
		expect(c.camera).toBe('10.0000,10.0000,3.00,0.0,0.0'); // at rest at once
		map.emit('idle');
		expect(c.moving).toBe(false);
		c.show('s2', B, 'fly');
		expect(c.moving).toBe(true);
		expect(c.camera).toBe('10.0000,10.0000,3.00,0.0,0.0'); // the camera before the flight
		map.emit('moveend');
		expect(c.camera).toBe('20.0000,10.0000,3.00,0.0,0.0');
		expect(c.moving).toBe(true); // its tiles are still coming
		map.emit('idle');
		expect(c.moving).toBe(false);
	});

	it('leaves a view alone that it has already applied (no second flight to the same place)', () => {
		const c = new MapController(layers);
		const map = fakeMap();
		c.attach(map, map.pin, { litFilters: lit });
		c.show('s2', B, 'fly');
		map.calls.length = 0;
		c.show('s2', B, 'fly');
		expect(map.calls).toEqual([]);
	});

	it('keeps the marker of a feature that stays marked, so its button is not pinned again', () => {
		const c = new MapController(layers);
		const map = fakeMap();
		c.attach(map, map.pin, { litFilters: lit });
		c.show('s1', view('v1', 0, ['places'], ['a']), 'jump');
		const [a] = c.markers;
		c.show('s2', view('v2', 0, ['places'], ['a', 'b']), 'jump');
		expect(c.markers[0]).toBe(a);
		expect(c.markers.map((m) => m.feature.id)).toEqual(['a', 'b']);
	});

	it('reads the style once, not at every view change (getStyle serialises the whole style)', () => {
		const c = new MapController(layers);
		const map = fakeMap();
		c.attach(map, map.pin, { litFilters: lit });
		for (const [id, v] of [
			['s1', A],
			['s2', B],
			['s1', A]
		] as const)
			c.show(id, v, 'jump');
		map.emit('click', { point: { x: 100, y: 50 } });
		expect(map.styleReads).toBe(1);
	});

	it('ends on the last view asked for after many quick requests', () => {
		const c = new MapController(layers);
		const map = fakeMap();
		c.attach(map, map.pin, { litFilters: lit });
		for (const [id, v] of [
			['s1', A],
			['s2', B],
			['s1', A],
			['s2', B]
		] as const)
			c.show(id, v, 'fly');
		expect(map.calls.at(-1)).toBe('fly 20,10 z3');
		expect(c.sectionId).toBe('s2');
	});

	it('explores on a gesture of the reader, marks every feature, and returns to the section', () => {
		const explored: string[] = [];
		const c = new MapController(layers, { onExplore: () => explored.push('explore') });
		const map = fakeMap();
		c.attach(map, map.pin, { litFilters: lit });
		c.show('s1', A, 'fly');
		map.emit('movestart', {}); // the story's own flights do not explore
		expect(c.mode).toBe('story');
		map.calls.length = 0;
		map.emit('movestart', { originalEvent: {} });
		expect(c.mode).toBe('explore');
		expect(explored).toEqual(['explore']);
		expect(map.calls).toEqual([
			'cooperative off',
			'places:dot=visible',
			'places:label=visible',
			'lines:line=visible'
		]);
		expect(ids(c)).toEqual(['a', 'b']); // l has neither a point nor an anchor to pin to
		map.calls.length = 0;
		c.show('s2', B, 'fly'); // remembered, not applied: the reader is looking around
		expect(map.calls).toEqual([]);
		c.returnToStory('fly');
		expect(c.mode).toBe('story');
		expect(map.calls).toEqual([
			'cooperative on',
			'places/a:false',
			'places/b:true',
			'lines/l:true',
			'places:label-lit.filter=["b","l"]',
			'fly 20,10 z3'
		]);
		expect(c.sectionId).toBe('s2');
		expect(ids(c)).toEqual(['b']);
	});

	it('keeps cooperative gestures while exploring when asked to (an embedded map)', () => {
		const c = new MapController(layers, { alwaysCooperative: true });
		const map = fakeMap();
		c.attach(map, map.pin, { litFilters: lit });
		c.explore();
		expect(map.calls).not.toContain('cooperative off');
	});

	it('starts exploring at a shared camera when asked before the map is ready', () => {
		const c = new MapController(layers);
		c.explore({ center: [5, 6], zoom: 3, bearing: 0, pitch: 0 });
		const map = fakeMap();
		c.attach(map, map.pin, { litFilters: lit });
		expect(c.mode).toBe('explore');
		expect(map.calls.at(-1)).toBe('jump 5,6 z3');
	});

	it('pins a marker’s button with the map’s pin, and unpins it when the button goes', () => {
		const c = new MapController(layers);
		const map = fakeMap();
		c.attach(map, map.pin, { litFilters: lit });
		map.calls.length = 0;
		const unpin = c.pin([1, 2])({ id: 'button-a' } as HTMLElement);
		expect(map.calls).toEqual(['pin button-a 1,2']);
		unpin?.();
		expect(map.calls).toEqual(['pin button-a 1,2', 'unpin button-a']);
	});

	it('hides the buttons of markers outside the box, so Tab never lands out of sight', () => {
		const far: LayerInfo[] = [
			{ ...layers[0], features: [feature('near', [1, 2]), feature('far', [50, 2])] }
		];
		const c = new MapController(far);
		const map = fakeMap(300, 420); // the fake projects [lng, lat] to (10 lng, 10 lat)
		c.attach(map, map.pin, { litFilters: lit });
		c.show('s', view('v', 0, ['places'], ['near', 'far']), 'jump');
		expect(ids(c)).toEqual(['near', 'far']);
		expect([...c.onscreen]).toEqual(['near']);
	});

	it('hides a marker that would overlap one shown before it, or lies on the far side of the globe', () => {
		const crowded: LayerInfo[] = [
			{
				...layers[0],
				features: [
					feature('first', [1, 2]),
					feature('close', [2, 2]),
					feature('apart', [1, 6]),
					feature('behind', [6, 2])
				]
			}
		];
		const c = new MapController(crowded);
		// 10 px per degree: 'close' is 10 px from 'first', 'apart' 40 px; seen from 80°W, 'behind'
		// (86° of arc away) is past the globe's rim, though the fake projects it into the box.
		const map = fakeMap(300, 420);
		c.attach(map, map.pin, { litFilters: lit });
		c.show(
			's',
			{
				...view('v', 0, ['places'], ['first', 'close', 'apart', 'behind']),
				camera: { center: [-80, 2], zoom: 4, bearing: 0, pitch: 0 }
			},
			'jump'
		);
		expect([...c.onscreen]).toEqual(['first', 'apart']);
	});

	it('activates the feature clicked on the map', () => {
		const activated: string[] = [];
		const c = new MapController(layers, { onActivate: (f) => activated.push(f.id) });
		const map = fakeMap();
		c.attach(map, map.pin, { litFilters: lit });
		map.emit('click', { point: { x: 100, y: 50 } });
		map.emit('click', { point: { x: 300, y: 50 } });
		expect(activated).toEqual(['a']);
	});

	it('falls back when the map cannot be made', () => {
		const c = new MapController(layers);
		c.fail('unavailable');
		expect(c.state).toBe('fallback');
		expect(c.problem).toBe('unavailable');
	});

	it('shows a map that was slow to come as soon as it has drawn the view', () => {
		const c = new MapController(layers);
		c.show('s1', A, 'fly');
		c.fail('slow');
		const map = fakeMap();
		c.attach(map, map.pin, { litFilters: lit });
		expect(c.state).toBe('fallback');
		map.emit('idle');
		expect(c.state).toBe('ready');
		expect(c.problem).toBeNull();
	});

	it('shows the map once the GPU has finished drawing the view, unless its context was lost meanwhile', async () => {
		for (const lost of [false, true]) {
			const c = new MapController(layers);
			const map = fakeMap();
			const gpu = fakeGPU();
			c.attach(map, map.pin, { litFilters: lit, drawn: gpu.drawn });
			c.show('s1', A, 'jump');
			map.emit('idle');
			expect(c.state).toBe('loading');
			if (lost) map.emit('webglcontextlost');
			await gpu.finish();
			expect(c.state).toBe(lost ? 'fallback' : 'ready');
		}
	});

	it('jumps again, once a frame is drawn, where MapLibre moved the camera it was asked for', () => {
		const c = new MapController(layers);
		const map = fakeMap();
		c.attach(map, map.pin, { litFilters: lit });
		c.show('s1', A, 'jump');
		map.emit('render');
		// As MapLibre's globe leaving a Mercator zoom: the next jump lands on the equator.
		const jumpTo = map.jumpTo;
		map.jumpTo = (o) => jumpTo({ ...o, center: [o.center![0] as number, 0] });
		map.calls.length = 0;
		c.show('s2', B, 'jump');
		map.jumpTo = jumpTo;
		expect(map.calls.filter((call) => call.startsWith('jump'))).toEqual(['jump 20,0 z3']);
		map.emit('render');
		map.emit('render');
		expect(map.calls.filter((call) => call.startsWith('jump'))).toEqual([
			'jump 20,0 z3',
			'jump 20,10 z3'
		]);
	});

	it('draws a cut out of sight until the GPU has finished it, where views change by cuts', async () => {
		const c = new MapController(layers);
		const map = fakeMap();
		const gpu = fakeGPU();
		c.attach(map, map.pin, { litFilters: lit, drawn: gpu.drawn });
		c.show('s1', A, 'jump');
		map.emit('idle');
		await gpu.finish();
		expect([c.state, c.cutting]).toEqual(['ready', false]);
		c.show('s2', B, 'fly'); // flies where flights can be watched
		expect(c.cutting).toBe(false);
		map.emit('moveend');
		map.emit('idle');
		c.cutsOnly();
		c.show('s1', A, 'fly');
		expect(c.cutting).toBe(true);
		map.emit('idle');
		c.show('s2', B, 'fly'); // a second cut before the GPU has finished the first
		await gpu.finish();
		expect(c.cutting).toBe(true);
		map.emit('idle');
		await gpu.finish();
		expect(c.cutting).toBe(false);
		expect(c.sectionId).toBe('s2');
	});

	it('keeps a cut drawn in steps out of sight until its last step, and ends its steps before the next change', async () => {
		const c = new MapController(layers);
		const map = fakeMap();
		const cuts: { end: (whole: boolean) => void; finished: boolean }[] = [];
		const stepIn = vi.fn(() => {
			const cut = { finished: false } as (typeof cuts)[number];
			cuts.push(cut);
			return {
				done: new Promise<boolean>((resolve) => (cut.end = resolve)),
				finish: () => (cut.finished = true)
			};
		});
		c.cutsOnly();
		c.attach(map, map.pin, { litFilters: lit, stepIn });
		c.show('s1', A, 'fly');
		expect(stepIn).toHaveBeenLastCalledWith(expect.objectContaining({ center: A.camera.center }));
		map.emit('idle'); // a step drawn
		await Promise.resolve();
		expect([c.state, c.cutting]).toEqual(['ready', true]);
		c.show('s2', B, 'fly'); // the reader moves on before the last step
		expect(cuts.map((cut) => cut.finished)).toEqual([true, false]);
		cuts[0].end(false);
		map.emit('idle');
		await Promise.resolve();
		expect(c.cutting).toBe(true);
		cuts[1].end(true);
		await Promise.resolve();
		expect([c.cutting, c.sectionId]).toEqual([false, 's2']);
	});

	it('keeps a map that cuts out of sight, once ready, until the view the reader moved on to meanwhile is drawn', async () => {
		const c = new MapController(layers);
		const map = fakeMap();
		const gpu = fakeGPU();
		c.cutsOnly();
		c.attach(map, map.pin, { litFilters: lit, drawn: gpu.drawn });
		c.show('s1', A, 'fly');
		map.emit('idle'); // the first view drawn: the map may show once the GPU has finished it
		c.show('s2', B, 'fly'); // …but the reader has moved on
		await gpu.finish();
		expect([c.state, c.cutting]).toEqual(['ready', true]);
		map.emit('idle');
		await gpu.finish();
		expect([c.state, c.cutting]).toEqual(['ready', false]);
	});

	it('leaves the map alone while its WebGL context is lost, and comes back to the current view', () => {
		const c = new MapController(layers);
		const map = fakeMap();
		c.attach(map, map.pin, { litFilters: lit });
		c.show('s1', A, 'jump');
		map.emit('idle');
		map.emit('webglcontextlost');
		expect(c.state).toBe('fallback');
		expect(c.problem).toBe('lost');
		map.calls.length = 0;
		c.show('s2', B, 'fly'); // the reader scrolls on while the map is lost: MapLibre has no style
		map.emit('click', { point: { x: 100, y: 50 } });
		expect(map.calls).toEqual([]);
		map.emit('webglcontextrestored');
		expect(map.calls).toEqual([]); // MapLibre is still loading its style again
		map.emit('idle');
		// Every layer and highlight again (the restored style has none of the highlights), by a jump.
		expect(map.calls).toEqual([
			'places:dot=visible',
			'places:label=visible',
			'lines:line=visible',
			'places/b:true',
			'lines/l:true',
			'places:label-lit.filter=["b","l"]',
			'jump 20,10 z3'
		]);
		expect(c.sectionId).toBe('s2');
		expect(c.state).toBe('fallback');
		map.emit('idle');
		expect(c.state).toBe('ready');
	});

	describe("a view whose layers' data is not on the map yet", () => {
		/** A `need` that fetches every layer not in `have`, each on request until `arrive`. */
		const fetcher = (have: string[]) => {
			const asked: string[][] = [];
			const waiting: (() => void)[] = [];
			const need = (ids: string[]) => {
				const missing = ids.filter((id) => !have.includes(id));
				if (!missing.length) return null;
				asked.push(missing);
				return new Promise<void>((resolve) =>
					waiting.push(() => {
						have.push(...missing);
						resolve();
					})
				);
			};
			/** Every fetch asked for so far arrives (and the controller's reactions run). */
			const arrive = async () => {
				waiting.splice(0).forEach((f) => f());
				await Promise.resolve();
				await Promise.resolve();
			};
			return { need, asked, arrive };
		};

		/** A controller on a fake map that has the data of the layers `have` only. */
		const attached = (have: string[]) => {
			const c = new MapController(layers);
			const map = fakeMap();
			const f = fetcher(have);
			c.attach(map, map.pin, { need: f.need });
			return { c, map, f };
		};

		it('is shown once it has come, and the map is not shown before', async () => {
			const c = new MapController(layers);
			const map = fakeMap();
			const f = fetcher(['places']);
			c.show('s2', B, 'jump');
			c.attach(map, map.pin, { litFilters: lit, need: f.need });
			expect(f.asked).toEqual([['lines']]);
			expect(map.calls.some((call) => /^(jump|fly)/.test(call))).toBe(false);
			map.emit('idle'); // the style has drawn, but not the view
			expect(c.state).toBe('loading');
			await f.arrive();
			expect(map.calls.at(-1)).toBe('jump 20,10 z3');
			expect(c.sectionId).toBe('s2');
			map.emit('idle');
			expect(c.state).toBe('ready');
		});

		it('fetches the next view ahead, once the view read is in', () => {
			const { c, map, f } = attached(['places']);
			c.show('s1', A, 'jump', B);
			expect(map.calls.at(-1)).toBe('jump 10,10 z3');
			expect(f.asked).toEqual([['lines']]);
		});

		it('gives way to a view asked for while it comes', async () => {
			const { c, map, f } = attached(['places']);
			c.show('s2', B, 'jump');
			c.show('s1', A, 'jump');
			expect(c.sectionId).toBe('s1');
			map.calls.length = 0;
			await f.arrive();
			expect(c.sectionId).toBe('s1');
			expect(map.calls).toEqual([]);
		});

		it('is not shown over a map the reader began to explore while it came', async () => {
			const { c, map, f } = attached(['places']);
			c.show('s1', A, 'jump');
			c.show('s2', B, 'jump');
			c.explore();
			map.calls.length = 0;
			await f.arrive();
			expect(c.mode).toBe('explore');
			expect(map.calls.filter((call) => /^(jump|fly)/.test(call))).toEqual([]);
		});

		it('says the map is unavailable when it cannot be fetched', async () => {
			const c = new MapController(layers);
			const map = fakeMap();
			c.attach(map, map.pin, { need: () => Promise.reject(new Error('HTTP 500')) });
			c.show('s2', B, 'jump');
			await Promise.resolve();
			await Promise.resolve();
			expect(c.state).toBe('fallback');
			expect(c.problem).toBe('unavailable');
		});

		it('asks for every layer when the reader explores', () => {
			const { c, f } = attached([]);
			c.explore();
			expect(f.asked).toEqual([['places', 'lines']]);
		});
	});

	describe('a flight where frames come slowly', () => {
		afterEach(() => vi.useRealTimers());
		/** Shows B flying from A, with the flight's frames `gap` ms apart; the calls since. */
		const flyWithFrames = (c: MapController, map: ReturnType<typeof fakeMap>, gap: number) => {
			c.show('s1', A, 'jump');
			map.calls.length = 0;
			c.show('s2', B, 'fly');
			for (let i = 0; i < JUDGED_FRAMES + 2; i++) {
				vi.advanceTimersByTime(i === 0 ? 1000 : gap); // the first frame's wait is not judged
				map.emit('move');
			}
			return map.calls.filter((call) => /^(fly|jump)/.test(call));
		};

		it('ends at its view at once, and the next moves are cuts', () => {
			vi.useFakeTimers({ toFake: ['performance'] });
			const c = new MapController(layers);
			const map = fakeMap();
			c.attach(map, map.pin);
			expect(flyWithFrames(c, map, SLOW_FRAME_MS + 30)).toEqual(['fly 20,10 z3', 'jump 20,10 z3']);
			map.calls.length = 0;
			c.show('s1', A, 'fly');
			expect(map.calls.at(-1)).toBe('jump 10,10 z3');
		});

		it('flies on where frames keep up', () => {
			vi.useFakeTimers({ toFake: ['performance'] });
			const c = new MapController(layers);
			const map = fakeMap();
			c.attach(map, map.pin);
			expect(flyWithFrames(c, map, 16)).toEqual(['fly 20,10 z3']);
			map.emit('moveend');
			map.calls.length = 0;
			c.show('s1', A, 'fly');
			expect(map.calls.at(-1)).toBe('fly 10,10 z3');
		});
	});
});
