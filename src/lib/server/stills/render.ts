// Stills as PNG, rendered at build time by resvg from the SVG of draw-still.ts (then put on a
// 256-colour palette by UPNG), for the map box
// before MapLibre has drawn (and whenever it cannot), for print, and for shared links' cards.
// Deterministic: the same view and data give the same bytes.
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import UPNG from 'upng-js';
import type { Topology } from 'topojson-specification';
import type { LayerInfo, Manifest, MapView } from '$lib/content/types';
import { loadMapData } from '$lib/map/map-data';
import { STILL_COVER, type StillKind } from '$lib/map/stills';
import { MAP_INSETS, NO_INSETS } from '$lib/map/framing';
import type { MapData } from '$lib/map/style';
import type { Theme } from '$lib/theme/tokens';
import { stillSvg, type StillFrame } from './draw-still';
import { STORY_ROOT, storyPaths } from '../story-paths.js';

/** A square still around a box, STILL_COVER times its shorter side. */
const around = (width: number, height: number) => {
	const side = Math.round(STILL_COVER * Math.min(width, height));
	return { box: { width, height }, image: { width: side, height: side }, insets: MAP_INSETS };
};

/**
 * The stills each view has: `box` is the map box the view is fitted to, `image` the area drawn
 * around it (CSS px), `scale` the file's pixels per CSS px. A box of another shape shows the still
 * scaled to its shorter side, as the live map fits its zoom (StoryMap.svelte).
 */
export const STILLS: Record<StillKind, StillFrame & { scale: number }> = {
	/** The map column beside the text (a 1280 × 800 window). */
	wide: { ...around(668, 800), scale: 1.5 },
	/** The map above the text on a phone (390 × 844). */
	narrow: { ...around(390, 354), scale: 2 },
	/** A shared link's card (og:image and twitter:image), and print. */
	card: {
		box: { width: 1200, height: 630 },
		image: { width: 1200, height: 630 },
		insets: NO_INSETS,
		scale: 1
	}
};

const cache = new Map<string, Promise<MapData>>();

/** The story's map data, decoded once per build (the tests' too). */
export function mapData(manifest: Manifest, root: string): Promise<MapData> {
	const key = `${root}\n${JSON.stringify(manifest.layers.map((l) => l.file))}`;
	if (!cache.has(key)) {
		const dir = storyPaths(root).data;
		const read = async (path: string): Promise<Topology> =>
			JSON.parse(await readFile(join(dir, basename(path)), 'utf8'));
		cache.set(key, loadMapData(manifest, read));
	}
	return cache.get(key)!;
}

export async function renderStill(
	view: MapView,
	manifest: Manifest,
	kind: StillKind,
	root = STORY_ROOT,
	theme: Theme = 'light'
): Promise<Buffer> {
	const { box, image, insets, scale } = STILLS[kind];
	const svg = stillSvg(
		view,
		manifest.layers as LayerInfo[],
		await mapData(manifest, root),
		{ box, image, insets },
		theme
	);
	const rendered = new Resvg(svg, {
		fitTo: { mode: 'zoom', value: scale },
		font: { loadSystemFonts: false }
	}).render();
	// A map's few flat colours and their edges fit a 256-colour palette: half the bytes of full colour.
	const rgba = new Uint8Array(rendered.pixels).buffer;
	return Buffer.from(UPNG.encode([rgba], rendered.width, rendered.height, 256));
}
