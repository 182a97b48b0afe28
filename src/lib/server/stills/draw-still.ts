// One view of the map drawn as SVG from the same data, camera and colours as the live map:
// the globe, the countries and their borders, the detail patches, the view's layers with its
// highlights, and labels placed so that they never collide (the view's highlighted places first).
// It is what the map box shows before MapLibre has drawn (and instead of it, when it cannot),
// what print shows, and what a shared link's card shows.
import { geoArea, geoDistance, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { LayerInfo, MapView } from '$lib/content/types';
import { frameCamera, subjectPoints, type Insets } from '$lib/map/framing';
import {
	BASEMAP,
	LAYER_DRAWINGS,
	basePriority,
	markFor,
	markText,
	svgDash,
	textOptions,
	type DotMark,
	type FillMark,
	type LineMark,
	type Mark,
	type TextMark
} from '$lib/map/layer-kinds';
import { centreOf, fitsBox, namedElsewhere, namedFeature } from '$lib/map/label-fit';
import {
	anchoredBox,
	anchorOrders,
	ANCHORS,
	LABEL_PADDING as PADDING,
	labelSetting,
	type Anchor,
	type LabelSetting
} from '$lib/map/label-anchors';
import type { MapData } from '$lib/map/style';
import { palette, type Theme, type Token } from '$lib/theme/tokens';
import { cameraProjection, type Box } from '$lib/map/projection';
import { alongSpots, longest, screenLines } from '$lib/map/line-label';
import { lineWidth, shapeText, type ShapedText, type TextOptions } from './text';
import { featuresOf } from '$lib/map/layer-features';

export interface StillFrame {
	/** The map box the view is fitted to, in CSS px: the live map's fitting and perspective. */
	box: Box;
	/** The image, in CSS px, centred on the box; larger than the box so that it covers boxes of
	 *  other shapes once scaled to their shorter side. */
	image: Box;
	/** What the controls over the box take along its edges. */
	insets: Insets;
}

export type Rect = [x0: number, y0: number, x1: number, y1: number];
const overlaps = (a: Rect, b: Rect) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
const f1 = (n: number) => Math.round(n * 10) / 10;

interface Label {
	text: string;
	/** The id of the feature it names (none for a country's name). */
	feature: string | null;
	/** The point it labels, in image px (a line's label: the middle of its stretch). */
	at: [number, number];
	shaped: ShapedText;
	/** Where the text's box goes, in order of preference: its top-left corner, and a rotation. */
	spots: { x: number; y: number; angle?: number; box: Rect }[];
	fill: string;
	halo: string;
	haloWidth: number;
	/** A centred name that does not fit inside the map box (label-fit.ts): it takes its place, as
	 *  the live map's hidden label does, but is not drawn. */
	cut?: boolean;
}

/** What became of a label: where it was placed (its box, padding included), or why it was not. */
export interface LabelOutcome {
	text: string;
	feature: string | null;
	at: [number, number];
	box: Rect | null;
	/** Not drawn because it does not fit inside the map box (label-fit.ts). */
	cut?: boolean;
	/** Why no spot was taken: the edge that cuts the first spot, or the label it overlaps. */
	dropped?: { edge: 'top' | 'right' | 'bottom' | 'left' } | { overlaps: string };
}

/** Which edge of the image cuts a box, if any. */
function cutBy(box: Rect, image: Box): 'top' | 'right' | 'bottom' | 'left' | null {
	if (box[0] < 0) return 'left';
	if (box[2] > image.width) return 'right';
	if (box[1] < 0) return 'top';
	if (box[3] > image.height) return 'bottom';
	return null;
}

/** Places labels in order; each takes its first spot inside the image clear of those placed. */
function placeLabels(labels: Label[], image: Box): { svg: string[]; outcomes: LabelOutcome[] } {
	const taken: { box: Rect; text: string }[] = [];
	const svg: string[] = [];
	const outcomes: LabelOutcome[] = [];
	for (const label of labels) {
		const { text, feature, at } = label;
		if (label.cut) {
			// Hidden, but still in the way of the labels placed after it, as on the live map.
			const free = label.spots.find(({ box }) => !taken.some((t) => overlaps(t.box, box)));
			if (free) taken.push({ box: free.box, text });
			outcomes.push({ text, feature, at, box: null, cut: true });
			continue;
		}
		const spot = label.spots.find(
			({ box }) => !cutBy(box, image) && !taken.some((t) => overlaps(t.box, box))
		);
		if (!spot) {
			const first = label.spots[0].box;
			const edge = cutBy(first, image);
			const other = taken.find((t) => overlaps(t.box, first));
			outcomes.push({
				text,
				feature,
				at,
				box: null,
				dropped: edge || !other ? { edge: edge ?? 'top' } : { overlaps: other.text }
			});
			continue;
		}
		taken.push({ box: spot.box, text });
		outcomes.push({ text, feature, at, box: spot.box });
		const transform = spot.angle
			? `translate(${f1(spot.x)} ${f1(spot.y)}) rotate(${f1(spot.angle)})`
			: `translate(${f1(spot.x)} ${f1(spot.y)})`;
		svg.push(
			`<path transform="${transform}" d="${label.shaped.d}" fill="${label.fill}" stroke="${label.halo}" stroke-width="${2 * label.haloWidth}" stroke-linejoin="round" paint-order="stroke"/>`
		);
	}
	return { svg, outcomes };
}

/** A label's text, the feature it names and its colours. */
type LabelStyle = Pick<Label, 'text' | 'feature' | 'fill' | 'halo' | 'haloWidth'>;

/** A point label with MapLibre's variable anchors at a radial offset, tried in `order`. */
function pointLabel(
	at: [number, number],
	options: TextOptions,
	offsetEm: number,
	style: LabelStyle,
	order: readonly Anchor[] = ANCHORS,
	cut = false
): Label {
	const shaped = shapeText(style.text, options);
	const { width: w, height: h } = shaped;
	return {
		shaped,
		...style,
		at,
		cut,
		spots: order.map((anchor) => {
			const [x, y] = anchoredBox(anchor, at, w, h, offsetEm * options.size);
			return { x, y, box: [x - PADDING, y - PADDING, x + w + PADDING, y + h + PADDING] as Rect };
		})
	};
}

/** A label centred on a point (symbol-placement point, no anchor choice). */
function centredLabel(
	[x, y]: [number, number],
	options: TextOptions,
	style: LabelStyle,
	fits: (at: [number, number], size: ShapedText, names: string | null) => boolean
): Label {
	const shaped = shapeText(style.text, options);
	const [cx, cy] = [x - shaped.width / 2, y - shaped.height / 2];
	return {
		shaped,
		...style,
		cut: !fits([x, y], shaped, style.feature),
		at: [x, y],
		spots: [
			{
				x: cx,
				y: cy,
				box: [cx - PADDING, cy - PADDING, cx + shaped.width + PADDING, cy + shaped.height + PADDING]
			}
		]
	};
}

/** A label along a line, kept upright, at the first free of its places along it (line-label.ts). */
function lineLabel(
	line: [number, number][],
	options: TextOptions,
	offsetEm: number,
	style: LabelStyle
): Label | null {
	const shaped = shapeText(style.text, options);
	const spots = alongSpots(line, shaped.width, shaped.height, offsetEm * options.size, PADDING);
	if (!spots.length) return null;
	return { shaped, ...style, at: spots[0].at, spots };
}

/** d3-geo reads an exterior ring wound counter-clockwise (RFC 7946, as MapLibre takes it) as
 *  the rest of the sphere: exterior rings are wound clockwise for it and holes the other way,
 *  whatever way the data has them. */
function clockwise<T extends Feature | FeatureCollection>(data: T): T {
	const wind = (rings: Position[][]) =>
		rings.map((r, i) =>
			geoArea({ type: 'Polygon', coordinates: [r] }) > 2 * Math.PI !== i > 0 ? [...r].reverse() : r
		);
	const geometry = (g: Geometry): Geometry =>
		g.type === 'Polygon'
			? { ...g, coordinates: wind(g.coordinates) }
			: g.type === 'MultiPolygon'
				? { ...g, coordinates: g.coordinates.map(wind) }
				: g;
	const feature = (f: Feature): Feature =>
		f.geometry ? { ...f, geometry: geometry(f.geometry) } : f;
	return (
		data.type === 'FeatureCollection'
			? { ...data, features: data.features.map(feature) }
			: feature(data)
	) as T;
}

/** The parts of a run of points inside a rectangle (each segment clipped, Liang–Barsky). */
function clipRun(run: [number, number][], [x0, y0, x1, y1]: Rect): [number, number][][] {
	const out: [number, number][][] = [];
	let current: [number, number][] = [];
	for (let i = 1; i < run.length; i++) {
		const [[ax, ay], [bx, by]] = [run[i - 1], run[i]];
		const [dx, dy] = [bx - ax, by - ay];
		let [t0, t1] = [0, 1];
		const edges: [number, number][] = [
			[-dx, ax - x0],
			[dx, x1 - ax],
			[-dy, ay - y0],
			[dy, y1 - ay]
		];
		const inside = edges.every(([p, q]) => {
			if (p === 0) return q >= 0;
			const t = q / p;
			if (p < 0) t0 = Math.max(t0, t);
			else t1 = Math.min(t1, t);
			return t0 <= t1;
		});
		if (!inside) {
			if (current.length > 1) out.push(current);
			current = [];
			continue;
		}
		const start: [number, number] = [ax + t0 * dx, ay + t0 * dy];
		if (!current.length || t0 > 0) {
			if (current.length > 1) out.push(current);
			current = [start];
		}
		current.push([ax + t1 * dx, ay + t1 * dy]);
		if (t1 < 1) {
			out.push(current);
			current = [];
		}
	}
	if (current.length > 1) out.push(current);
	return out;
}

/** A still as drawn: its SVG, what became of each label, and where they were set (its camera,
 *  box and lines), for the framing check (framing-check.ts). */
export interface StillScene {
	svg: string;
	labels: LabelOutcome[];
	setting: LabelSetting;
}

export const stillSvg = (...args: Parameters<typeof drawStill>) => drawStill(...args).svg;

export function drawStill(
	view: MapView,
	layers: LayerInfo[],
	data: MapData,
	{ box, image, insets }: StillFrame,
	theme: Theme = 'light'
): StillScene {
	const colours = palette(theme);
	const camera = frameCamera(view, box, subjectPoints(view, data), insets);
	const { zoom } = camera;
	const projection = cameraProjection(camera, box, [image.width / 2, image.height / 2]).clipExtent([
		[-2, -2],
		[image.width + 2, image.height + 2]
	]);
	const horizon = ((projection.clipAngle() ?? 90) * Math.PI) / 180;
	const path = geoPath(projection).digits(1);
	// The map box inside the image, and whether a centred name fits in it (label-fit.ts).
	const [bx, by] = [(image.width - box.width) / 2, (image.height - box.height) / 2];
	const setting = labelSetting({ view, layers, data, camera, box, insets, width: lineWidth });
	const { lines } = setting;
	const inBox = ([x, y]: [number, number], size: ShapedText, names: string | null) =>
		fitsBox(
			[x - bx, y - by],
			size,
			box,
			insets,
			lines.filter((l) => l.feature !== names).map((l) => l.points)
		);
	const visible = (p: Position) => geoDistance(p as [number, number], camera.center) < horizon;
	// As MapLibre's filter (style.ts's fromMinzoom) sees it: its tiles' zoom is never below 0, so
	// a map framed below zoom 0 (a polar view in a narrow box) still shows what has no minzoom.
	const fromZoom = (f: Feature) => Math.max(0, zoom) >= Number(f.properties?.minzoom ?? 0);
	const d = (x: Feature | FeatureCollection | { type: 'Sphere' }) =>
		path(x.type === 'Sphere' ? x : clockwise(x)) ?? '';
	const fill = (x: Feature | FeatureCollection, colour: Token, opacity = 1) =>
		`<path d="${d(x)}" fill="${colours[colour]}"${opacity < 1 ? ` fill-opacity="${opacity}"` : ''}/>`;
	const stroke = (x: Feature | FeatureCollection, colour: Token, width: number, more = '') =>
		`<path d="${d(x)}" fill="none" stroke="${colours[colour]}" stroke-width="${width}"${more}/>`;

	const shapes: string[] = [
		`<rect width="${image.width}" height="${image.height}" fill="${colours.space}"/>`,
		`<path d="${d({ type: 'Sphere' })}" fill="${colours.water}"/>`,
		fill(data.countries, 'land'),
		stroke(data.borders, 'countryBorder', BASEMAP.borderWidth)
	];
	if (zoom >= BASEMAP.detailsFrom) {
		for (const detail of data.details) {
			shapes.push(
				fill(detail.water, 'water'),
				fill(detail.land, 'land'),
				stroke(detail.borders, 'countryBorder', BASEMAP.borderWidth)
			);
		}
	}

	const anchors = anchorOrders(setting);
	const named = namedElsewhere(layers);
	const dots: string[] = [];
	const labels: { priority: number; label: Label }[] = [];
	const textStyle = (
		text: string,
		feature: string | null,
		m: Pick<TextMark, 'halo' | 'haloWidth'>,
		colour: Token
	): LabelStyle => ({
		text,
		feature,
		fill: colours[colour],
		halo: colours[m.halo],
		haloWidth: m.haloWidth
	});

	/** How each kind of mark draws one feature (the mark's values already chosen for it). */
	const draw: {
		[K in Mark['mark']]: (m: Extract<Mark, { mark: K }>, f: Feature, order: number) => void;
	} = {
		fill: (m: FillMark, f) => shapes.push(fill(f, m.colour, m.opacity as number)),
		line: (m: LineMark, f) => {
			const width = m.width as number;
			const dash = svgDash(m.dash, width);
			shapes.push(
				stroke(
					f,
					m.colour,
					width,
					`${dash ? ` stroke-dasharray="${dash}"` : ''}${m.roundCaps ? ' stroke-linecap="round"' : ''}`
				)
			);
		},
		dot: (m: DotMark, f) => {
			if (f.geometry.type !== 'Point' || !visible(f.geometry.coordinates)) return;
			const [x, y] = projection(f.geometry.coordinates as [number, number])!;
			// MapLibre draws a circle's outline outside its radius; SVG centres it on the edge.
			const r = (m.radius as number) + m.outlineWidth / 2;
			dots.push(
				`<circle cx="${f1(x)}" cy="${f1(y)}" r="${r}" fill="${colours[m.colour as Token]}" stroke="${colours[m.outline]}" stroke-width="${m.outlineWidth}"/>`
			);
		},
		text: (m: TextMark, f, order) => {
			if (m.minzoom !== undefined && zoom < m.minzoom) return;
			if (named.has(String(f.properties?.id))) return;
			const text = markText(m, f);
			const options = textOptions(m);
			const style = textStyle(text, namedFeature(f), m, m.colour as Token);
			const priority = order;
			if (m.placement === 'along' || m.placement === 'line-middle') {
				// The middle of the longest stretch the reader sees: inside the map box.
				const runs = screenLines(f.geometry, projection, horizon, camera.center);
				const line = longest(
					runs.flatMap((r) => clipRun(r, [bx, by, bx + box.width, by + box.height]))
				);
				const label = lineLabel(line, options, m.offset ?? 0, style);
				if (label) labels.push({ priority, label });
				return;
			}
			const at = centreOf(f);
			if (!at || !visible(at)) return;
			const xy = projection(at)!;
			labels.push({
				priority,
				label:
					m.placement === 'beside'
						? pointLabel(
								xy,
								options,
								m.offset ?? 0,
								style,
								anchors.orders.get(style.feature!),
								anchors.hidden.has(style.feature!)
							)
						: centredLabel(xy, options, style, inBox)
			});
		}
	};

	for (const layer of layers.filter((l) => view.layers.includes(l.id))) {
		const drawing = LAYER_DRAWINGS[layer.kind];
		for (const feature of featuresOf(data, layer.id)) {
			const on = view.highlight.includes(String(feature.properties?.id));
			// What the view highlights is drawn at any zoom (style.ts's markLayer).
			if (drawing.fromMinzoom && !on && !fromZoom(feature)) continue;
			// Names are placed as MapLibre places them: layer by layer, the highlighted names beside
			// their points first, then the layers in the order of their marks' priority (style.ts),
			// and within a layer by rank.
			const rank = drawing.ranked ? Number(feature.properties?.rank ?? 9) : 0;
			for (const declared of drawing.marks) {
				const mark = markFor(declared, feature.properties, on);
				const layer = declared.mark === 'text' ? basePriority(declared) : 0;
				// A highlighted name beside its point is in the layer above all names (style.ts).
				const first = on && declared.mark === 'text' && declared.placement === 'beside';
				const order = (first ? -10 : 0) + layer + (on ? 0 : 0.01) + rank / 1000;
				if (mark)
					(draw[mark.mark] as (m: Mark, f: Feature, order: number) => void)(mark, feature, order);
			}
		}
	}

	const name = BASEMAP.countryName;
	for (const place of data.countryLabels.features) {
		if (place.geometry.type !== 'Point' || !fromZoom(place) || !visible(place.geometry.coordinates))
			continue;
		const text = String(place.properties?.name ?? '').toUpperCase();
		const at = projection(place.geometry.coordinates as [number, number])!;
		labels.push({
			priority: name.priority,
			label: centredLabel(at, name, textStyle(text, null, name, name.colour), inBox)
		});
	}

	const placed = placeLabels(
		labels.sort((a, b) => a.priority - b.priority).map((l) => l.label),
		image
	);
	return {
		svg:
			`<svg xmlns="http://www.w3.org/2000/svg" width="${image.width}" height="${image.height}" viewBox="0 0 ${image.width} ${image.height}">` +
			[...shapes, ...dots, ...placed.svg].join('') +
			'</svg>',
		labels: placed.outcomes,
		setting
	};
}
