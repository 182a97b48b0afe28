// Lines MapLibre's globe cannot draw: it tiles lines in Web Mercator, which ends at 85° of
// latitude, so a great circle over the pole (Anchorage–Moscow reaches 87.7°N) comes out with a
// loop where it is clamped. Kinds marked `overlay` (layer-kinds.ts) are drawn instead as SVG over
// the map, projected for the live camera by the same projection as the stills
// (projection.ts), which draw them the same way; their names go at the middle of the stretch.
import { geoPath } from 'd3-geo';
import type { Camera, LayerInfo } from '$lib/content/types';
import type { Token } from '$lib/theme/tokens';
import {
	LAYER_DRAWINGS,
	markFor,
	markText,
	textOptions,
	type LineMark,
	type TextMark
} from './layer-kinds';
import { textSize, type LineWidth } from './label-text';
import { alongSpots, longest, screenLines } from './line-label';
import { cameraProjection, type Box } from './projection';
import type { MapData } from './style';
import { featuresOf } from './layer-features';

export interface OverlayLine {
	feature: string;
	/** SVG path data in the map box's px. */
	d: string;
	colour: Token;
	width: number;
	roundCaps: boolean;
	label: {
		text: string;
		centre: [number, number];
		angle: number;
		size: number;
		colour: Token;
		halo: Token;
		haloWidth: number;
	} | null;
}

/** The overlay's lines for the data layers `shown`, for `camera` in `box`. */
export function overlayLines(
	shown: string[],
	layers: LayerInfo[],
	data: MapData,
	camera: Camera,
	box: Box,
	width: LineWidth
): OverlayLine[] {
	const projection = cameraProjection(camera, box).clipExtent([
		[-8, -8],
		[box.width + 8, box.height + 8]
	]);
	const horizon = ((projection.clipAngle() ?? 90) * Math.PI) / 180;
	const path = geoPath(projection).digits(1);
	const out: OverlayLine[] = [];
	for (const layer of layers.filter((l) => shown.includes(l.id))) {
		const drawing = LAYER_DRAWINGS[layer.kind];
		if (!drawing.overlay) continue;
		const lineMark = drawing.marks.find((m) => m.mark === 'line') as LineMark | undefined;
		const textMark = drawing.marks.find((m) => m.mark === 'text') as TextMark | undefined;
		for (const f of featuresOf(data, layer.id)) {
			const line = lineMark && markFor(lineMark, f.properties, false);
			if (!line) continue;
			// The visible stretches (a part split at the antimeridian ends one).
			const runs = screenLines(f.geometry, projection, horizon, camera.center);
			if (!runs.length) continue;
			const text = textMark && markFor(textMark, f.properties, false);
			const size = text && textSize(markText(text, f), textOptions(text), width);
			const [spot] =
				text && size
					? alongSpots(
							longest(runs),
							size.width,
							size.height,
							(text.offset ?? 0) * (text.size as number),
							2
						)
					: [];
			out.push({
				feature: String(f.properties?.id),
				d: path(f) ?? '',
				colour: line.colour as Token,
				width: line.width as number,
				roundCaps: !!line.roundCaps,
				label:
					text && spot
						? {
								text: markText(text, f),
								centre: spot.centre,
								angle: spot.angle,
								size: text.size as number,
								colour: text.colour as Token,
								halo: text.halo,
								haloWidth: text.haloWidth
							}
						: null
			});
		}
	}
	return out;
}
