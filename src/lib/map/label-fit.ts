// Names centred on a point (the countries', seas', regions', runways') are shown only where they
// fit whole inside the map box, clear of its controls: a name cut by the box's edge or under the
// key is no name. MapLibre cannot be told so, so the live map hides the others (a feature state,
// set by the controller for the camera it flies to), and the stills drop them by the same rule
// (draw-still.ts): both see the same labels.
import type { Feature } from 'geojson';
import type { LayerInfo, MapView } from '$lib/content/types';
import type { Insets } from './framing';
import { BASEMAP, LAYER_DRAWINGS, markFor, markText, textOptions } from './layer-kinds';
import { clearOfLines, LABEL_PADDING, type LabelSetting } from './label-anchors';
import { textSize, type TextOptions } from './label-text';
import { cameraProjection, type Box } from './projection';
import type { MapData } from './style';
import { featuresOf } from './layer-features';

/** A centred name of the map: the source and feature id the live map knows it by. */
export interface CentredLabel {
	source: string;
	id: string;
	/** The feature it names (a line it may touch). */
	names: string;
	text: string;
	at: [number, number];
	options: TextOptions;
}

/** The feature a name names: a map label's `names` (the line it is the name of), or its own. */
export const namedFeature = (f: Feature) => String(f.properties?.names ?? f.properties?.id);

/** The features that a map label names: their own marks carry no name (style.ts, draw-still.ts).
 *  Read from the manifest, so that it holds before any layer's data is fetched. */
export function namedElsewhere(layers: LayerInfo[]): Set<string> {
	return new Set(layers.flatMap((l) => l.features.flatMap((f) => (f.names ? [f.names] : []))));
}

/** Whether a name of `size` centred on `at` (px) lies inside the box less its controls, and
 *  LINE_CLEARANCE px from every line of `lines` (those it does not name). */
export function fitsBox(
	[x, y]: [number, number],
	size: { width: number; height: number },
	box: Box,
	insets: Insets,
	lines: [number, number][][] = []
): boolean {
	const [w, h] = [size.width / 2 + LABEL_PADDING, size.height / 2 + LABEL_PADDING];
	const text: [number, number, number, number] = [
		x - size.width / 2,
		y - size.height / 2,
		x + size.width / 2,
		y + size.height / 2
	];
	return (
		x - w >= insets.left &&
		x + w <= box.width - insets.right &&
		y - h >= insets.top &&
		y + h <= box.height - insets.bottom &&
		clearOfLines(text, lines)
	);
}

/** Every centred name a view can show: the countries' and its layers' centred marks. */
export function centredLabels(view: MapView, layers: LayerInfo[], data: MapData): CentredLabel[] {
	const points = (features: Feature[]) =>
		features.filter((f) => f.geometry?.type === 'Point' || f.geometry?.type === 'Polygon');
	const name = BASEMAP.countryName;
	const out: CentredLabel[] = points(data.countryLabels.features).map((f) => ({
		source: 'country-labels',
		id: String(f.properties?.name),
		names: '',
		text: String(f.properties?.name ?? '').toUpperCase(),
		at: centreOf(f)!,
		options: name
	}));
	for (const layer of layers.filter((l) => view.layers.includes(l.id))) {
		for (const declared of LAYER_DRAWINGS[layer.kind].marks) {
			if (declared.mark !== 'text' || declared.placement !== 'centre') continue;
			for (const f of points(featuresOf(data, layer.id))) {
				const m = markFor(declared, f.properties, view.highlight.includes(f.properties?.id));
				const at = centreOf(f);
				if (!m || !at) continue;
				out.push({
					source: layer.id,
					id: String(f.properties?.id),
					names: namedFeature(f),
					text: markText(m, f),
					at,
					options: textOptions(m)
				});
			}
		}
	}
	return out;
}

/** Where a centred name goes: a point itself, or the middle of a polygon's first ring (a
 *  runway's two ends' midpoint: its centre). */
export function centreOf(f: Feature): [number, number] | null {
	const g = f.geometry;
	if (g.type === 'Point') return g.coordinates as [number, number];
	const ring = g.type === 'Polygon' ? g.coordinates[0] : [];
	return ring.length > 3 ? [(ring[0][0] + ring[2][0]) / 2, (ring[0][1] + ring[2][1]) / 2] : null;
}

/** The centred names of a view that do not fit in the box. */
export function cutLabels(setting: LabelSetting): CentredLabel[] {
	const { view, layers, data, camera, box, insets, width, lines } = setting;
	const projection = cameraProjection(camera, box);
	return centredLabels(view, layers, data).filter((l) => {
		const xy = projection(l.at);
		const others = lines.filter((line) => line.feature !== l.names).map((line) => line.points);
		return !xy || !fitsBox(xy, textSize(l.text, l.options, width), box, insets, others);
	});
}
