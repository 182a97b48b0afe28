// Stills rendered at build time by resvg from the SVG of draw-still.ts, put on a 256-colour
// palette by sharp (libimagequant), and kept as PNG or re-encoded losslessly as WebP (libwebp;
// stillFormat says which), for the map box
// before MapLibre has drawn (and whenever it cannot), for print, and for shared links' cards.
// Deterministic: the same view and data give the same bytes.
import { Resvg } from '@resvg/resvg-js';
import sharp from 'sharp';
import type { LayerInfo, Manifest, MapView } from '$lib/content/types';
import { STILL_COVER, stillFormat, type StillKind } from '$lib/map/stills';
import {
	CARD_INSETS,
	CARD_LOCATOR,
	MAP_INSETS,
	NO_INSETS,
	PHONE_INSETS,
	PRINT_BOX,
	PRINT_PIXELS,
	subjectPoints,
	type Insets
} from '$lib/map/framing';
import { hasLocator, locatorSvg } from '$lib/map/locator';
import { palette, type Theme } from '$lib/theme/tokens';
import { stillSvg, type StillFrame } from './draw-still';
import { mapData } from '../map-files';
import { STORY_ROOT } from '../story-paths.js';

/** A square still around a box, STILL_COVER times its shorter side, with the box's controls. */
const around = (width: number, height: number, insets: Insets) => {
	const side = Math.round(STILL_COVER * Math.min(width, height));
	return { box: { width, height }, image: { width: side, height: side }, insets };
};

/**
 * The stills each view has: `box` is the map box the view is fitted to, `image` the area drawn
 * around it (CSS px), `scale` the file's pixels per CSS px. A box of another shape shows the still
 * scaled to its shorter side, as the live map fits its zoom (StoryMap.svelte).
 */
export const STILLS: Record<StillKind, StillFrame & { scale: number }> = {
	/** The map column beside the text (a 1280 × 800 window). */
	wide: { ...around(668, 800, MAP_INSETS), scale: 1.5 },
	/** The map above the text on a phone (390 × 844). */
	narrow: { ...around(390, 354, PHONE_INSETS), scale: 2 },
	/** A shared link's card (og:image and twitter:image). */
	card: {
		box: { width: 1200, height: 630 },
		image: { width: 1200, height: 630 },
		insets: CARD_INSETS,
		scale: 1
	},
	/** Each section's map on paper (and without JavaScript): a small box, so that its names are at
	 *  least 7 pt printed (framing.ts), drawn 1200 px wide for the printer. */
	print: {
		box: PRINT_BOX,
		image: PRINT_BOX,
		insets: NO_INSETS,
		scale: PRINT_PIXELS.width / PRINT_BOX.width
	}
};

export async function renderStill(
	view: MapView,
	manifest: Manifest,
	kind: StillKind,
	root = STORY_ROOT,
	theme: Theme = 'light'
): Promise<Buffer> {
	const { box, image, insets, scale } = STILLS[kind];
	const data = await mapData(manifest, root);
	let svg = stillSvg(view, manifest.layers as LayerInfo[], data, { box, image, insets }, theme);
	// The card stands alone (a shared link, print): it carries its own locator, in the corner its
	// insets keep clear. The map box shows the page's locator over its stills instead.
	if (kind === 'card' && hasLocator(view)) {
		const { size, margin } = CARD_LOCATOR;
		const globe = locatorSvg(
			view.camera.center,
			subjectPoints(view, data),
			data.countries,
			palette(theme),
			size
		).replace('<svg ', `<svg x="${image.width - size - margin}" y="${margin}" `);
		svg = svg.replace(/<\/svg>$/, `${globe}</svg>`);
	}
	const rendered = new Resvg(svg, {
		fitTo: { mode: 'zoom', value: scale },
		font: { loadSystemFonts: false }
	}).render();
	// A map's few flat colours and their edges fit a 256-colour palette: half the bytes of full
	// colour. Quantized without dithering (flat areas stay flat) and at the least effort, which
	// changes the palette's bytes, not how it looks (measured: a quarter faster than the default).
	const webp = stillFormat(kind) === 'webp';
	const png = await sharp(rendered.pixels, {
		raw: { width: rendered.width, height: rendered.height, channels: 4 }
	})
		.png({ palette: true, colors: 256, dither: 0, effort: 1, compressionLevel: webp ? 0 : 9 })
		.toBuffer();
	return webp ? sharp(png).webp({ lossless: true }).toBuffer() : png;
}
