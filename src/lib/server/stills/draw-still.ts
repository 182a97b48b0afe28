// One view of the map drawn as SVG from the same data, camera and colours as the live map:
// the globe, the countries and their borders, the detail patches, the view's layers with its
// highlights, and labels placed so that they never collide (the view's highlighted places first).
// It is what the map box shows before MapLibre has drawn (and instead of it, when it cannot),
// what print shows, and what a shared link's card shows.
import { geoArea, geoDistance, geoPath, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { LayerInfo, MapView } from '$lib/content/types';
import { fitZoom } from '$lib/map/camera';
import { colours, HELD_OPACITY, RUNWAY_LABELS_FROM, type MapData } from '$lib/map/style';
import { cameraProjection, type Box } from './projection';
import { shapeText, type ShapedText, type TextOptions } from './text';

export interface StillFrame {
	/** The map box the view is fitted to, in CSS px: the live map's fitting and perspective. */
	box: Box;
	/** The image, in CSS px, centred on the box; larger than the box so that it covers boxes of
	 *  other shapes once scaled to their shorter side. */
	image: Box;
}

/** The map panel's own colour around the globe (StoryMap.svelte). */
const SPACE = '#e9e7e1';
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

export function stillSvg(
	view: MapView,
	layers: LayerInfo[],
	data: MapData,
	{ box, image }: StillFrame
): string {
	const { camera } = view;
	const zoom = fitZoom(camera.zoom, box.width, box.height);
	const projection = cameraProjection(camera, box, [image.width / 2, image.height / 2]).clipExtent([
		[-2, -2],
		[image.width + 2, image.height + 2]
	]);
	const horizon = ((projection.clipAngle() ?? 90) * Math.PI) / 180;
	const path = geoPath(projection).digits(1);
	const visible = (p: Position) => geoDistance(p as [number, number], camera.center) < horizon;
	const lit = (id: string) => view.highlight.includes(id);
	const fromZoom = (f: Feature) => zoom >= Number(f.properties?.minzoom ?? 0);
	const d = (x: Feature | FeatureCollection | { type: 'Sphere' }) =>
		path(x.type === 'Sphere' ? x : clockwise(x)) ?? '';

	const shapes: string[] = [
		`<rect width="${image.width}" height="${image.height}" fill="${SPACE}"/>`,
		`<path d="${d({ type: 'Sphere' })}" fill="${colours.water}"/>`,
		`<path d="${d(data.countries)}" fill="${colours.land}"/>`,
		`<path d="${d(data.borders)}" fill="none" stroke="${colours.border}" stroke-width="0.8"/>`
	];
	// Detail patches, as in the style, from zoom 4.
	if (zoom >= 4) {
		for (const detail of data.details) {
			shapes.push(
				`<path d="${d(detail.water)}" fill="${colours.water}"/>`,
				`<path d="${d(detail.land)}" fill="${colours.land}"/>`,
				`<path d="${d(detail.borders)}" fill="none" stroke="${colours.border}" stroke-width="0.8"/>`
			);
		}
	}

	const shown = layers.filter((l) => view.layers.includes(l.id));
	const features = (l: LayerInfo): Feature[] => (data.layers[l.id] as FeatureCollection).features;
	const dots: string[] = [];
	const labels: { priority: number; label: Label }[] = [];
	const halo = { halo: colours.halo, haloWidth: 1.5 };

	for (const layer of shown) {
		for (const feature of features(layer)) {
			const id = String(feature.properties?.id);
			const on = lit(id);
			if (layer.style === 'area' || layer.style === 'approximate-area') {
				const dash =
					layer.style === 'approximate-area' ? ` stroke-dasharray="${f1(2 * (on ? 2 : 1.2))}"` : '';
				shapes.push(
					`<path d="${d(feature)}" fill="${colours.claim}" fill-opacity="${on ? 0.16 : 0.08}" stroke="${colours.claim}" stroke-width="${on ? 2 : 1.2}"${dash}/>`
				);
			} else if (layer.style === 'held-area') {
				shapes.push(
					`<path d="${d(feature)}" fill="${colours.accent}" fill-opacity="${HELD_OPACITY}"/>`
				);
			} else if (layer.style === 'runway') {
				shapes.push(`<path d="${d(feature)}" fill="${colours.runway}"/>`);
				const ring = feature.geometry.type === 'Polygon' ? feature.geometry.coordinates[0] : [];
				const mid =
					ring.length > 3
						? ([(ring[0][0] + ring[2][0]) / 2, (ring[0][1] + ring[2][1]) / 2] as [number, number])
						: null;
				if (mid && visible(mid) && zoom >= RUNWAY_LABELS_FROM) {
					const shaped = shapeText(String(feature.properties?.label ?? ''), { size: 11 });
					labels.push({
						priority: 2,
						label: centredLabel(shaped, projection(mid)!, { fill: colours.ink, ...halo })
					});
				}
			} else if (
				layer.style === 'labels' &&
				feature.geometry.type === 'Point' &&
				fromZoom(feature) &&
				visible(feature.geometry.coordinates)
			) {
				const kind = feature.properties?.labelKind;
				const name = String(feature.properties?.name ?? '');
				const shaped = shapeText(kind === 'country' ? name.toUpperCase() : name, {
					size: kind === 'country' || kind === 'sea' ? 12 : 11,
					letterSpacing: kind === 'country' ? 0.15 : kind === 'sea' ? 0.05 : 0,
					maxWidth: 8
				});
				const at = projection(feature.geometry.coordinates as [number, number])!;
				const fill =
					kind === 'sea'
						? colours.sea
						: kind === 'note'
							? colours.ink
							: kind === 'accent'
								? colours.accent
								: colours.countryLabelDark;
				labels.push({
					priority: 2 + Number(feature.properties?.rank ?? 9) / 10,
					label: centredLabel(shaped, at, { fill, halo: colours.halo, haloWidth: 1.2 })
				});
			} else if (layer.style === 'route') {
				shapes.push(
					`<path d="${d(feature)}" fill="none" stroke="${colours.route}" stroke-width="2" stroke-linecap="round"/>`
				);
				const label = lineLabel(
					String(feature.properties?.label ?? ''),
					longest(screenLines(feature.geometry, projection, horizon, camera.center)),
					{ size: 12 },
					0.8,
					{ fill: colours.route, ...halo }
				);
				if (label) labels.push({ priority: 1.5, label });
			} else if (layer.style === 'boundary' || layer.style === 'approximate-line') {
				const approximate = layer.style === 'approximate-line';
				const dateLine = feature.properties?.lineKind === 'date-line';
				const width = approximate ? (on ? 3 : 2) : on ? 2.5 : 1.5;
				const colour = approximate ? colours.accent : dateLine ? colours.ink : colours.boundary;
				const pattern = approximate ? [1.5, 1.5] : dateLine ? [1, 2] : [5, 2];
				const cap = approximate ? ' stroke-linecap="round"' : '';
				shapes.push(
					`<path d="${d(feature)}" fill="none" stroke="${colour}" stroke-width="${width}" stroke-dasharray="${pattern.map((n) => f1(n * width)).join(' ')}"${cap}/>`
				);
				if (dateLine) continue; // labelled by the boundary it runs along (style.ts)
				const text = String(feature.properties?.label ?? feature.properties?.name ?? '');
				const options = { size: approximate ? 11 : 12 };
				const label = lineLabel(
					text,
					longest(screenLines(feature.geometry, projection, horizon, camera.center)),
					options,
					approximate ? 0.9 : 0.8,
					{
						fill: approximate ? colours.accent : colours.boundary,
						...halo
					}
				);
				if (label) labels.push({ priority: 2, label });
			} else if (
				layer.style === 'points' &&
				feature.geometry.type === 'Point' &&
				fromZoom(feature) &&
				visible(feature.geometry.coordinates)
			) {
				const [x, y] = projection(feature.geometry.coordinates as [number, number])!;
				const radius = on ? 6 : 3.5;
				dots.push(
					`<circle cx="${f1(x)}" cy="${f1(y)}" r="${radius + 0.75}" fill="${on ? colours.accent : colours.ink}" stroke="${colours.halo}" stroke-width="1.5"/>`
				);
				const text = String(feature.properties?.label ?? feature.properties?.name ?? '');
				labels.push({
					priority: on ? 0 : 1,
					label: pointLabel(text, [x, y], { size: 13, maxWidth: 9 }, 0.7, {
						fill: on ? colours.accent : colours.ink,
						...halo
					})
				});
			}
		}
	}

	for (const place of data.countryLabels.features) {
		if (place.geometry.type !== 'Point' || !fromZoom(place) || !visible(place.geometry.coordinates))
			continue;
		const shaped = shapeText(String(place.properties?.name ?? '').toUpperCase(), {
			size: 11,
			letterSpacing: 0.12,
			maxWidth: 7
		});
		labels.push({
			priority: 3,
			label: centredLabel(shaped, projection(place.geometry.coordinates as [number, number])!, {
				fill: colours.countryLabel,
				halo: colours.land,
				haloWidth: 1
			})
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
