// Which side of its point a place's name goes: MapLibre tries a name's anchors in order and takes
// the first that collides with no other name; this puts first, for the camera and box at hand,
// the anchors that keep the name clear of the lines the view draws (a front line past a town, a
// boundary past a cape, a route leaving a city). The live map (the controller, at each view) and
// the stills (draw-still.ts) take the same order from the same data, measured the same way.
import type { Feature } from 'geojson';
import type { Camera, LayerInfo, MapView } from '$lib/content/types';
import { LAYER_DRAWINGS, markFor, markText, textOptions } from './layer-kinds';
import { textSize, type LineWidth } from './label-text';
import { screenLines } from './line-label';
import type { Insets } from './framing';
import { cameraProjection, type Box } from './projection';
import type { MapData } from './style';
import { featuresOf } from './layer-features';

/** MapLibre's anchors, named for the side of the text at the point ("left": the text to its
 *  right), in the order a name tries them when no line is in the way. */
export const ANCHORS = [
	'left',
	'right',
	'top',
	'bottom',
	'bottom-right',
	'bottom-left',
	'top-right',
	'top-left'
] as const;
export type Anchor = (typeof ANCHORS)[number];

/** MapLibre's padding around a name's collision box. */
export const LABEL_PADDING = 2;

/** How near a name may come to a line it does not name, in CSS px. */
export const LINE_CLEARANCE = 4;

type Rect = [x0: number, y0: number, x1: number, y1: number];
type XY = [number, number];

/** Where an anchor puts a text box of `w` × `h` for a point at `[x, y]`, `r` px away (MapLibre's
 *  radial offset: straight out for a side, r/√2 each way for a corner). */
export function anchoredBox(anchor: Anchor, [x, y]: XY, w: number, h: number, r: number): XY {
	const d = r / Math.SQRT2;
	const horizontal = anchor.endsWith('left') ? 1 : anchor.endsWith('right') ? -1 : 0;
	const vertical = anchor.startsWith('top') ? 1 : anchor.startsWith('bottom') ? -1 : 0;
	const step = horizontal && vertical ? d : r;
	const cx = x + horizontal * step + (horizontal ? (horizontal * w) / 2 : 0);
	const cy = y + vertical * step + (vertical ? (vertical * h) / 2 : 0);
	return [cx - w / 2, cy - h / 2];
}

/** MapLibre's text-variable-anchor-offset for an order: each anchor with its offset in ems. */
export function anchorOffsets(order: readonly Anchor[], radialEm: number): unknown[] {
	const d = radialEm / Math.SQRT2;
	return order.flatMap((a) => {
		const horizontal = a.endsWith('left') ? 1 : a.endsWith('right') ? -1 : 0;
		const vertical = a.startsWith('top') ? 1 : a.startsWith('bottom') ? -1 : 0;
		const step = horizontal && vertical ? d : radialEm;
		return [a, [horizontal * step, vertical * step]];
	});
}

/** The distance from a point to a segment. */
function toSegment([x, y]: XY, [ax, ay]: XY, [bx, by]: XY) {
	const [dx, dy] = [bx - ax, by - ay];
	const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy || 1)));
	return Math.hypot(x - ax - t * dx, y - ay - t * dy);
}

/** The distance from a segment to a rectangle (0 when it touches or crosses it). */
function segmentToRect(a: XY, b: XY, [x0, y0, x1, y1]: Rect): number {
	const inside = ([x, y]: XY) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
	if (inside(a) || inside(b)) return 0;
	const corners: XY[] = [
		[x0, y0],
		[x1, y0],
		[x1, y1],
		[x0, y1]
	];
	const edges = corners.map((c, i) => [c, corners[(i + 1) % 4]] as const);
	const side = (p: XY, q: XY, r: XY) =>
		Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
	const crosses = ([c, e]: readonly [XY, XY]) =>
		side(a, b, c) !== side(a, b, e) && side(c, e, a) !== side(c, e, b);
	if (edges.some(crosses)) return 0;
	return Math.min(
		...corners.map((c) => toSegment(c, a, b)),
		...[a, b].flatMap((p) => edges.map(([c, e]) => toSegment(p, c, e)))
	);
}

/** Whether every line of `lines` keeps LINE_CLEARANCE px from a rectangle. */
export function clearOfLines(rect: Rect, lines: XY[][]): boolean {
	const [x0, y0, x1, y1] = rect;
	for (const line of lines)
		for (let i = 1; i < line.length; i++) {
			const a = line[i - 1];
			const b = line[i];
			// A segment is no nearer than its bounding box: most are passed over at that.
			const gapX = Math.max(0, Math.min(a[0], b[0]) - x1, x0 - Math.max(a[0], b[0]));
			const gapY = Math.max(0, Math.min(a[1], b[1]) - y1, y0 - Math.max(a[1], b[1]));
			if (Math.hypot(gapX, gapY) >= LINE_CLEARANCE) continue;
			if (segmentToRect(a, b, rect) < LINE_CLEARANCE) return false;
		}
	return true;
}

/** A stretch of a line the view draws, in px, and the feature it belongs to. */
export interface ViewLine {
	feature: string;
	points: XY[];
}

/** Where a view's names are set: the view and its data, the camera, the map box and its
 *  controls, the lines the view draws there, and how text is measured (label-text.ts). */
export interface LabelSetting {
	view: MapView;
	layers: LayerInfo[];
	data: MapData;
	camera: Camera;
	box: Box;
	insets: Insets;
	width: LineWidth;
	lines: ViewLine[];
}

export const labelSetting = (setting: Omit<LabelSetting, 'lines'>): LabelSetting => ({
	...setting,
	lines: viewLines(setting.view, setting.layers, setting.data, setting.camera, setting.box)
});

/** The lines a view draws (every line feature of its layers, and the outlines of the shapes
 *  names keep clear of), by feature id, as the visible stretches of each in px. */
function viewLines(
	view: MapView,
	layers: LayerInfo[],
	data: MapData,
	camera: Camera,
	box: Box
): ViewLine[] {
	const projection = cameraProjection(camera, box);
	const horizon = ((projection.clipAngle() ?? 90) * Math.PI) / 180;
	const out: ViewLine[] = [];
	for (const layer of layers.filter((l) => view.layers.includes(l.id))) {
		const from = LAYER_DRAWINGS[layer.kind].keepClearFrom;
		const outlines = from !== undefined && camera.zoom >= from;
		for (const f of featuresOf(data, layer.id))
			for (const points of screenLines(f.geometry, projection, horizon, camera.center, outlines))
				out.push({ feature: String(f.properties?.id), points });
	}
	return out;
}

/**
 * For the camera and box at hand, the anchors each name set beside its point (by feature id) may
 * take: those that keep it inside the box, clear of its controls and LINE_CLEARANCE px from every
 * line it does not name, in the usual order (then, for a highlighted name, the rest; names that
 * may take any in the usual order are left out). Any other name with no such anchor is `hidden`:
 * it would be cut or sit on a line, so it is not shown (but still takes its place, as the centred
 * names that do not fit do, label-fit.ts).
 */
export function anchorOrders({
	view,
	layers,
	data,
	camera,
	box,
	insets,
	width,
	lines
}: LabelSetting): { orders: Map<string, Anchor[]>; hidden: Set<string> } {
	const orders = new Map<string, Anchor[]>();
	const hidden = new Set<string>();
	const inside = ([x0, y0, x1, y1]: Rect) =>
		x0 >= insets.left &&
		y0 >= insets.top &&
		x1 <= box.width - insets.right &&
		y1 <= box.height - insets.bottom;
	const projection = cameraProjection(camera, box);
	const overlaps = (a: Rect, b: Rect) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
	/** Every name set beside its point, with the boxes its anchors put it in. */
	const names = layers
		.filter((l) => view.layers.includes(l.id))
		.flatMap((layer) =>
			LAYER_DRAWINGS[layer.kind].marks.flatMap((declared) => {
				if (declared.mark !== 'text' || declared.placement !== 'beside') return [];
				return featuresOf(data, layer.id).flatMap((f: Feature) => {
					const id = String(f.properties?.id);
					const lit = view.highlight.includes(id);
					const m = f.geometry.type === 'Point' && markFor(declared, f.properties, lit);
					if (!m || f.geometry.type !== 'Point') return [];
					const options = textOptions(m);
					const { width: w, height: h } = textSize(markText(m, f), options, width);
					const at = projection(f.geometry.coordinates as XY)!;
					const boxes = ANCHORS.map((anchor): Rect => {
						const [x, y] = anchoredBox(anchor, at, w, h, (m.offset ?? 0) * options.size);
						return [x, y, x + w, y + h];
					});
					return [{ id, lit, boxes }];
				});
			})
		);
	const p = LABEL_PADDING;
	const clearOf = ({ id, boxes }: (typeof names)[number], reserved: Rect[]) => {
		const others = lines.filter((l) => l.feature !== id).map((l) => l.points);
		return ANCHORS.filter((_, i) => {
			const [x0, y0, x1, y1] = boxes[i];
			const padded: Rect = [x0 - p, y0 - p, x1 + p, y1 + p];
			return (
				clearOfLines(boxes[i], others) &&
				inside(padded) &&
				!reserved.some((r) => overlaps(r, padded))
			);
		});
	};
	// A name the view highlights tries its clear anchors first, then the others: it is shown
	// wherever it fits (the framing check says when that is not clear), and the place its first
	// anchor gives it is kept for it. Any other name tries only the clear anchors that leave those
	// places free, and is not shown when it collides in each.
	const reserved: Rect[] = [];
	for (const name of names.filter((n) => n.lit)) {
		const clear = clearOf(name, []);
		const order = [...clear, ...ANCHORS.filter((a) => !clear.includes(a))];
		reserved.push(name.boxes[ANCHORS.indexOf(order[0])]);
		if (order.some((a, i) => a !== ANCHORS[i])) orders.set(name.id, order);
	}
	for (const name of names.filter((n) => !n.lit)) {
		const clear = clearOf(name, reserved);
		if (!clear.length) hidden.add(name.id);
		else if (clear.length < ANCHORS.length) orders.set(name.id, clear);
	}
	return { orders, hidden };
}

/** The live map's text-variable-anchor-offset for a layer's names: each name's anchors in order
 *  (anchorOrders), the usual order for the rest. */
export function anchorExpression(orders: Map<string, Anchor[]>, radialEm: number): unknown {
	const usual = ['literal', anchorOffsets(ANCHORS, radialEm)];
	const byOrder = new Map<string, string[]>();
	for (const [id, order] of orders)
		byOrder.set(order.join(' '), [...(byOrder.get(order.join(' ')) ?? []), id]);
	if (!byOrder.size) return usual;
	return [
		'match',
		['get', 'id'],
		...[...byOrder].flatMap(([order, ids]) => [
			ids,
			['literal', anchorOffsets(order.split(' ') as Anchor[], radialEm)]
		]),
		usual
	];
}
