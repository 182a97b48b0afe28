// One view of the map drawn as SVG from the same data, camera and colours as the live map:
// the globe, the countries and their borders, the detail patches, the view's layers with its
// highlights, and labels placed so that they never collide (the view's highlighted places first).
// It is what the map box shows before MapLibre has drawn (and instead of it, when it cannot),
// what print shows, and what a shared link's card shows.
import { geoArea, geoDistance, geoPath, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { LayerInfo, MapView } from '$lib/content/types';
import { frameCamera, subjectPoints, type Insets } from '$lib/map/framing';
import {
	BASEMAP,
	LAYER_DRAWINGS,
	markFor,
	svgDash,
	type DotMark,
	type FillMark,
	type LineMark,
	type Mark,
	type TextMark
} from '$lib/map/layer-kinds';
import type { MapData } from '$lib/map/style';
import { palette, type Theme, type Token } from '$lib/theme/tokens';
import { cameraProjection, type Box } from '$lib/map/projection';
import { shapeText, type ShapedText, type TextOptions } from './text';

export interface StillFrame {
	/** The map box the view is fitted to, in CSS px: the live map's fitting and perspective. */
	box: Box;
	/** The image, in CSS px, centred on the box; larger than the box so that it covers boxes of
	 *  other shapes once scaled to their shorter side. */
	image: Box;
	/** What the controls over the box take along its edges. */
	insets: Insets;
}

/** MapLibre's text padding around each label's collision box. */
const PADDING = 2;

type Rect = [x0: number, y0: number, x1: number, y1: number];
const overlaps = (a: Rect, b: Rect) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
const f1 = (n: number) => Math.round(n * 10) / 10;

interface Label {
	shaped: ShapedText;
	/** Where the text's box goes, in order of preference: its top-left corner, and a rotation. */
	spots: { x: number; y: number; angle?: number; box: Rect }[];
	fill: string;
	halo: string;
	haloWidth: number;
}

/** Places labels in order; each takes its first spot inside the image clear of those placed. */
function placeLabels(labels: Label[], image: Box): string[] {
	const taken: Rect[] = [];
	const out: string[] = [];
	for (const label of labels) {
		const spot = label.spots.find(
			({ box }) =>
				box[0] >= 0 &&
				box[1] >= 0 &&
				box[2] <= image.width &&
				box[3] <= image.height &&
				!taken.some((t) => overlaps(t, box))
		);
		if (!spot) continue;
		taken.push(spot.box);
		const transform = spot.angle
			? `translate(${f1(spot.x)} ${f1(spot.y)}) rotate(${f1(spot.angle)})`
			: `translate(${f1(spot.x)} ${f1(spot.y)})`;
		out.push(
			`<path transform="${transform}" d="${label.shaped.d}" fill="${label.fill}" stroke="${label.halo}" stroke-width="${2 * label.haloWidth}" stroke-linejoin="round" paint-order="stroke"/>`
		);
	}
	return out;
}

/** A point label with MapLibre's variable anchors (left, right, top, bottom) at a radial offset. */
function pointLabel(
	text: string,
	[x, y]: [number, number],
	options: TextOptions,
	offsetEm: number,
	style: Omit<Label, 'shaped' | 'spots'>
): Label {
	const shaped = shapeText(text, options);
	const { width: w, height: h } = shaped;
	const r = offsetEm * options.size;
	const corners: [number, number][] = [
		[x + r, y - h / 2], // anchor left: the text to the right
		[x - r - w, y - h / 2], // anchor right
		[x - w / 2, y + r], // anchor top: the text below
		[x - w / 2, y - r - h] // anchor bottom
	];
	return {
		shaped,
		...style,
		spots: corners.map(([cx, cy]) => ({
			x: cx,
			y: cy,
			box: [cx - PADDING, cy - PADDING, cx + w + PADDING, cy + h + PADDING]
		}))
	};
}

/** A label centred on a point (symbol-placement point, no anchor choice). */
function centredLabel(
	shaped: ShapedText,
	[x, y]: [number, number],
	style: Omit<Label, 'shaped' | 'spots'>
): Label {
	const [cx, cy] = [x - shaped.width / 2, y - shaped.height / 2];
	return {
		shaped,
		...style,
		spots: [
			{
				x: cx,
				y: cy,
				box: [cx - PADDING, cy - PADDING, cx + shaped.width + PADDING, cy + shaped.height + PADDING]
			}
		]
	};
}

/** A label along a line, at the middle of its longest visible stretch, kept upright. */
function lineLabel(
	text: string,
	line: [number, number][],
	options: TextOptions,
	offsetEm: number,
	style: Omit<Label, 'shaped' | 'spots'>
): Label | null {
	if (line.length < 2) return null;
	const shaped = shapeText(text, options);
	const lengths = line.slice(1).map((p, i) => Math.hypot(p[0] - line[i][0], p[1] - line[i][1]));
	const total = lengths.reduce((a, b) => a + b, 0);
	if (total < shaped.width) return null;
	let along = total / 2;
	let i = 0;
	while (along > lengths[i]) along -= lengths[i++];
	const [a, b] = [line[i], line[i + 1]];
	const t = along / lengths[i];
	const [mx, my] = [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
	let angle = (Math.atan2(b[1] - a[1], b[0] - a[0]) * 180) / Math.PI;
	if (angle > 90) angle -= 180;
	if (angle <= -90) angle += 180;
	const rad = (angle * Math.PI) / 180;
	// The text's box, centred on the line and lifted by the offset (in the text's own frame).
	const [dx, dy] = [-shaped.width / 2, -shaped.height / 2 - offsetEm * options.size];
	const x = mx + dx * Math.cos(rad) - dy * Math.sin(rad);
	const y = my + dx * Math.sin(rad) + dy * Math.cos(rad);
	const corners = [
		[0, 0],
		[shaped.width, 0],
		[0, shaped.height],
		[shaped.width, shaped.height]
	].map(([u, v]) => [
		x + u * Math.cos(rad) - v * Math.sin(rad),
		y + u * Math.sin(rad) + v * Math.cos(rad)
	]);
	const xs = corners.map((c) => c[0]);
	const ys = corners.map((c) => c[1]);
	return {
		shaped,
		...style,
		spots: [
			{
				x,
				y,
				angle,
				box: [
					Math.min(...xs) - PADDING,
					Math.min(...ys) - PADDING,
					Math.max(...xs) + PADDING,
					Math.max(...ys) + PADDING
				]
			}
		]
	};
}

/** The visible stretches of a line, in image px. */
function screenLines(
	geometry: Geometry,
	projection: GeoProjection,
	horizon: number,
	centre: [number, number]
): [number, number][][] {
	const parts: Position[][] =
		geometry.type === 'LineString'
			? [geometry.coordinates]
			: geometry.type === 'MultiLineString'
				? geometry.coordinates
				: [];
	return parts.flatMap((part) => {
		const runs: [number, number][][] = [[]];
		for (const p of part) {
			if (geoDistance(p as [number, number], centre) < horizon)
				runs.at(-1)!.push(projection(p as [number, number])!);
			else if (runs.at(-1)!.length) runs.push([]);
		}
		return runs.filter((r) => r.length > 1);
	});
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

/** The longest visible stretch of a line feature. */
const longest = (runs: [number, number][][]) =>
	runs.reduce<[number, number][]>((best, r) => (r.length > best.length ? r : best), []);

/** Where a feature's name goes when it is centred: a point itself, or the middle of a polygon's
 *  first ring (a runway's two ends' midpoint: its centre). */
function centreOf(geometry: Geometry): [number, number] | null {
	if (geometry.type === 'Point') return geometry.coordinates as [number, number];
	const ring = geometry.type === 'Polygon' ? geometry.coordinates[0] : [];
	return ring.length > 3 ? [(ring[0][0] + ring[2][0]) / 2, (ring[0][1] + ring[2][1]) / 2] : null;
}

export function stillSvg(
	view: MapView,
	layers: LayerInfo[],
	data: MapData,
	{ box, image, insets }: StillFrame,
	theme: Theme = 'light'
): string {
	const colours = palette(theme);
	const camera = frameCamera(view, box, subjectPoints(view, data), insets);
	const { zoom } = camera;
	const projection = cameraProjection(camera, box, [image.width / 2, image.height / 2]).clipExtent([
		[-2, -2],
		[image.width + 2, image.height + 2]
	]);
	const horizon = ((projection.clipAngle() ?? 90) * Math.PI) / 180;
	const path = geoPath(projection).digits(1);
	const visible = (p: Position) => geoDistance(p as [number, number], camera.center) < horizon;
	const fromZoom = (f: Feature) => zoom >= Number(f.properties?.minzoom ?? 0);
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

	const dots: string[] = [];
	const labels: { priority: number; label: Label }[] = [];
	const textStyle = (m: Pick<TextMark, 'halo' | 'haloWidth'>, colour: Token) => ({
		fill: colours[colour],
		halo: colours[m.halo],
		haloWidth: m.haloWidth
	});

	/** How each kind of mark draws one feature (the mark's values already chosen for it). */
	const draw: {
		[K in Mark['mark']]: (m: Extract<Mark, { mark: K }>, f: Feature, rank: number) => void;
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
		text: (m: TextMark, f, rank) => {
			if (m.minzoom !== undefined && zoom < m.minzoom) return;
			const raw = String((m.text === 'label' && f.properties?.label) || f.properties?.name || '');
			const text = m.upperCase ? raw.toUpperCase() : raw;
			const options = { size: m.size, letterSpacing: m.letterSpacing, maxWidth: m.maxWidth };
			const style = textStyle(m, m.colour as Token);
			const priority = (m.priority as number) + rank;
			if (m.placement === 'along' || m.placement === 'line-middle') {
				const line = longest(screenLines(f.geometry, projection, horizon, camera.center));
				const label = lineLabel(text, line, options, m.offset ?? 0, style);
				if (label) labels.push({ priority, label });
				return;
			}
			const at = centreOf(f.geometry);
			if (!at || !visible(at)) return;
			const xy = projection(at)!;
			labels.push({
				priority,
				label:
					m.placement === 'beside'
						? pointLabel(text, xy, options, m.offset ?? 0, style)
						: centredLabel(shapeText(text, options), xy, style)
			});
		}
	};

	for (const layer of layers.filter((l) => view.layers.includes(l.id))) {
		const drawing = LAYER_DRAWINGS[layer.kind];
		for (const feature of (data.layers[layer.id] as FeatureCollection).features) {
			if (drawing.fromMinzoom && !fromZoom(feature)) continue;
			const on = view.highlight.includes(String(feature.properties?.id));
			const rank = drawing.ranked ? Number(feature.properties?.rank ?? 9) / 10 : 0;
			for (const declared of drawing.marks) {
				const mark = markFor(declared, feature.properties, on);
				if (mark)
					(draw[mark.mark] as (m: Mark, f: Feature, rank: number) => void)(mark, feature, rank);
			}
		}
	}

	const name = BASEMAP.countryName;
	for (const place of data.countryLabels.features) {
		if (place.geometry.type !== 'Point' || !fromZoom(place) || !visible(place.geometry.coordinates))
			continue;
		const shaped = shapeText(String(place.properties?.name ?? '').toUpperCase(), name);
		const at = projection(place.geometry.coordinates as [number, number])!;
		labels.push({
			priority: name.priority,
			label: centredLabel(shaped, at, textStyle(name, name.colour))
		});
	}

	const placed = placeLabels(
		labels.sort((a, b) => a.priority - b.priority).map((l) => l.label),
		image
	);
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" width="${image.width}" height="${image.height}" viewBox="0 0 ${image.width} ${image.height}">` +
		[...shapes, ...dots, ...placed].join('') +
		'</svg>'
	);
}
