// Where WebGL is drawn in software, a frame that draws a kind of layer for the first time waits
// while SwiftShader builds its shaders, and the page waits with it: drawn at once, the live map's
// first view was one task of more than a second, inside the reader's first scroll. Here the map
// starts with its background alone, and the first view's layers are shown a few at a time while
// the still covers the map; after each step the page waits for the GPU to finish (a fence, asked
// without blocking), so the shaders are built while the page goes on, and no step holds it. The
// map is shown, at first and after each cut, once the GPU has finished its view (gpuFinished,
// which the controller asks for): a page that shows a frame the GPU is still drawing waits for it.
// A cut to a projection not drawn yet is drawn in steps too (cutSteps), out of sight: MapLibre's
// globe is drawn with the Mercator's shaders from zoom 12 on and its own below, so the first cut
// from a view zoomed in that far to one further out (or back) builds every layer's shaders again.

import type { StyleSpecification } from 'maplibre-gl';
import type { Camera, MapView } from '$lib/content/types';

/** How many layers each step shows (measured: the longest task 1.2 s → 0.16 s, the map ready
 *  about 0.2 s later). */
export const STEP_SIZE = 3;

/** The part of MapLibre's Map used here. */
export interface Stepped {
	setLayoutProperty(layer: string, name: 'visibility', value: 'visible'): unknown;
	once(type: 'idle'): Promise<unknown>;
	getCanvas(): { getContext(type: 'webgl2'): WebGL2RenderingContext | null };
}

/**
 * Hides every layer of `style` but the background, and returns the steps that show them again:
 * those the style shows and the data layers of `view`, in drawing order, STEP_SIZE at a time.
 */
export function hideForSteps(style: StyleSpecification, view: MapView | undefined): string[][] {
	const shown: string[] = [];
	for (const layer of style.layers) {
		if (layer.type === 'background') continue;
		const inView = view?.layers.some((id) => layer.id.startsWith(`${id}:`)) ?? false;
		if (layer.layout?.visibility === 'none' && !inView) continue;
		layer.layout = { ...layer.layout, visibility: 'none' };
		shown.push(layer.id);
	}
	return inSteps(shown);
}

/** The layers shown, in drawing order, STEP_SIZE at a time. */
function inSteps(shown: string[]): string[][] {
	return Array.from({ length: Math.ceil(shown.length / STEP_SIZE) }, (_, i) =>
		shown.slice(i * STEP_SIZE, (i + 1) * STEP_SIZE)
	);
}

/** Shows each step's layers in turn, once the map has drawn the step before and the GPU has
 *  finished it (`done` is told of each). */
export async function drawInSteps(
	map: Stepped,
	steps: string[][],
	done: () => void = () => {}
): Promise<void> {
	for (const step of steps) {
		for (const id of step) map.setLayoutProperty(id, 'visibility', 'visible');
		await map.once('idle');
		await gpuFinished(map.getCanvas().getContext('webgl2'));
		done();
	}
}

/** The part of MapLibre's Map that stepIn also uses. */
export interface Restepped extends Stepped {
	getLayersOrder(): string[];
	getLayer(id: string): { type: string } | undefined;
	getLayoutProperty(layer: string, name: 'visibility'): unknown;
	setLayoutProperty(layer: string, name: 'visibility', value: 'visible' | 'none'): unknown;
}

/** Layers being shown in steps: `done` resolves true once all are drawn and the GPU has finished
 *  them, false if `finish` showed the rest at once first. */
export interface Steps {
	done: Promise<boolean>;
	finish(): void;
}

/** MapLibre's 'globe' projection is the Mercator's from this zoom on (its default transition). */
export const MERCATOR_FROM_ZOOM = 12;

/** For a cut to a camera, the layers shown in steps (stepIn) when the map has not drawn in that
 *  camera's projection yet, else null; `start`: the camera the map was first drawn at. */
export function cutSteps(map: Restepped, start: Partial<Camera>): (camera: Camera) => Steps | null {
	const mercator = (zoom = 0) => zoom >= MERCATOR_FROM_ZOOM;
	const drawn = new Set([mercator(start.zoom)]);
	return (camera) => {
		if (drawn.has(mercator(camera.zoom))) return null;
		drawn.add(mercator(camera.zoom));
		return stepIn(map);
	};
}

/** Hides the layers the map shows now, but the background, and shows them again in steps. */
export function stepIn(map: Restepped): Steps {
	const shown = map
		.getLayersOrder()
		.filter(
			(id) =>
				map.getLayer(id)?.type !== 'background' &&
				map.getLayoutProperty(id, 'visibility') !== 'none'
		);
	for (const id of shown) map.setLayoutProperty(id, 'visibility', 'none');
	let left = inSteps(shown);
	const finish = () => {
		for (const id of left.flat()) map.setLayoutProperty(id, 'visibility', 'visible');
		left = [];
	};
	const done = (async () => {
		while (left.length) {
			const [step, ...rest] = left;
			left = rest;
			await drawInSteps(map, [step]);
			if (left !== rest) return false;
		}
		return true;
	})();
	return { done, finish };
}

/** Resolves once the GPU has done what it was asked (or its context is lost), polling a fence
 *  between tasks: a WebGL fence's status changes only when the page returns to its event loop. */
export async function gpuFinished(gl: WebGL2RenderingContext | null): Promise<void> {
	const fence = gl?.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0);
	if (!gl || !fence) return;
	gl.flush();
	while (!gl.isContextLost() && gl.getSyncParameter(fence, gl.SYNC_STATUS) !== gl.SIGNALED)
		await new Promise((resolve) => setTimeout(resolve, 10));
	gl.deleteSync(fence);
}
