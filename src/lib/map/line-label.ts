// Lines on the screen, and where a name along one goes: the visible stretches of a line, and the
// places tried along the longest, each with the text box centred on the line, kept upright and
// lifted by its offset. One geometry for the stills (draw-still.ts), the live map's overlay
// (route-overlay.ts) and the names kept clear of lines (label-anchors.ts).
import { geoDistance, type GeoProjection } from 'd3-geo';
import type { Geometry, Position } from 'geojson';

type XY = [number, number];

/** Where a line's name is tried along its stretch: the middle, then on either side of it
 *  (MapLibre repeats a line's name along it and shows those that fit). */
const ALONG = [0.5, 0.3, 0.7, 0.15, 0.85];

export interface AlongSpot {
	/** The point of the line it names. */
	at: XY;
	/** The text box's top-left corner, and its rotation in degrees. */
	x: number;
	y: number;
	angle: number;
	/** Its centre. */
	centre: XY;
	/** Its bounds, widened by `padding`. */
	box: [number, number, number, number];
}

/**
 * The places a `width` × `height` name can take along `line` (px), `lift` px off it, in the order
 * they are tried; only where the whole name, with `padding`, lies along the line.
 */
export function alongSpots(
	line: XY[],
	width: number,
	height: number,
	lift: number,
	padding: number
): AlongSpot[] {
	if (line.length < 2) return [];
	const lengths = line.slice(1).map((p, i) => Math.hypot(p[0] - line[i][0], p[1] - line[i][1]));
	const total = lengths.reduce((a, b) => a + b, 0);
	if (total < width) return [];
	const spotAt = (fraction: number): AlongSpot => {
		let along = total * fraction;
		let i = 0;
		while (along > lengths[i] && i < lengths.length - 1) along -= lengths[i++];
		const [a, b] = [line[i], line[i + 1]];
		const t = along / lengths[i];
		const [mx, my] = [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
		let angle = (Math.atan2(b[1] - a[1], b[0] - a[0]) * 180) / Math.PI;
		if (angle > 90) angle -= 180;
		if (angle <= -90) angle += 180;
		const [cos, sin] = [Math.cos((angle * Math.PI) / 180), Math.sin((angle * Math.PI) / 180)];
		// The text's box, centred on the line and lifted (in the text's own frame).
		const [dx, dy] = [-width / 2, -height / 2 - lift];
		const x = mx + dx * cos - dy * sin;
		const y = my + dx * sin + dy * cos;
		const corners = [
			[0, 0],
			[width, 0],
			[0, height],
			[width, height]
		].map(([u, v]) => [x + u * cos - v * sin, y + u * sin + v * cos]);
		const xs = corners.map((c) => c[0]);
		const ys = corners.map((c) => c[1]);
		return {
			at: [mx, my],
			x,
			y,
			angle,
			centre: [
				x + (width / 2) * cos - (height / 2) * sin,
				y + (width / 2) * sin + (height / 2) * cos
			],
			box: [
				Math.min(...xs) - padding,
				Math.min(...ys) - padding,
				Math.max(...xs) + padding,
				Math.max(...ys) + padding
			]
		};
	};
	const half = (width / 2 + 2 * padding) / total;
	return ALONG.filter((f) => f >= half && f <= 1 - half).map(spotAt);
}

/** The longest of a line's visible stretches. */
export const longest = (runs: XY[][]) =>
	runs.reduce<XY[]>((best, r) => (r.length > best.length ? r : best), []);

/** The visible stretches of a line (or of `rings`: a polygon's outlines too), in px: the runs of
 *  its positions on the near side of the horizon, `horizon` radians from `centre`. */
export function screenLines(
	geometry: Geometry,
	projection: GeoProjection,
	horizon: number,
	centre: XY,
	rings = false
): XY[][] {
	const parts: Position[][] =
		geometry.type === 'LineString'
			? [geometry.coordinates]
			: geometry.type === 'MultiLineString'
				? geometry.coordinates
				: rings && geometry.type === 'Polygon'
					? geometry.coordinates
					: rings && geometry.type === 'MultiPolygon'
						? geometry.coordinates.flat()
						: [];
	return parts.flatMap((part) => {
		const runs: XY[][] = [[]];
		for (const p of part) {
			if (geoDistance(p as XY, centre) < horizon) runs.at(-1)!.push(projection(p as XY)!);
			else if (runs.at(-1)!.length) runs.push([]);
		}
		return runs.filter((r) => r.length > 1);
	});
}
