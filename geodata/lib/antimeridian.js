// Why this file exists: world-atlas stores every ring that crosses the antimeridian (Chukotka,
// Wrangel Island, Fiji) with longitudes jumping between +180° and −180°, and Antarctica as a ring
// round the South Pole. A flat renderer such as MapLibre draws each jump as an edge across the
// whole world: a band over the map. These helpers make rings and lines continuous on a flat map.

/**
 * @typedef {number[]} Position
 * @typedef {Position[]} Ring
 */

/** Number of edges whose longitude jumps by more than 180° (an antimeridian crossing). */
export function countJumps(/** @type {Position[]} */ coords) {
	let jumps = 0;
	for (let i = 1; i < coords.length; i++) {
		if (Math.abs(coords[i][0] - coords[i - 1][0]) > 180) jumps++;
	}
	return jumps;
}

/** Longitude span of a ring or line, in degrees. */
export function lngSpan(/** @type {Position[]} */ coords) {
	let min = Infinity;
	let max = -Infinity;
	for (const [x] of coords) {
		if (x < min) min = x;
		if (x > max) max = x;
	}
	return max - min;
}

/** Whether a ring reaches a pole (a polar cap legitimately spans all longitudes). */
export function touchesPole(/** @type {Ring} */ ring) {
	return ring.some(([, y]) => Math.abs(y) >= 90);
}

/** Add 360° to the negative longitudes, so that a crossing runs on past 180°. */
const shiftEast = (/** @type {Position[]} */ coords) =>
	coords.map(([x, y]) => [x < 0 ? x + 360 : x, y]);

/**
 * Make a ring continuous on a flat map.
 * - No jump: returned unchanged.
 * - An even number of jumps (the ring crosses the antimeridian and comes back): its negative
 *   longitudes get +360°, so Chukotka runs from 27° to 190° instead of wrapping to −169°.
 *   MapLibre draws longitudes beyond 180° in place (with world copies on, the default).
 * - An odd number of jumps: the ring goes round a pole (Antarctica). It is closed along the
 *   ±180° meridians through the pole. A ring lying on the pole itself (a degenerate sliver
 *   world-atlas keeps for spherical renderers) gives null: drop it.
 * @param {Ring} ring
 * @returns {Ring | null}
 */
export function unwrapRing(ring) {
	const jumps = countJumps(ring);
	if (jumps === 0) return ring;
	if (jumps % 2 === 0) return shiftEast(ring);
	if (ring.every(([, y]) => Math.abs(y) > 89.9)) return null;
	const pole = ring.reduce((sum, [, y]) => sum + y, 0) < 0 ? -90 : 90;
	/** @type {Ring} */
	const out = [];
	for (let i = 0; i < ring.length; i++) {
		const b = ring[i];
		const a = ring[i - 1];
		if (a && Math.abs(b[0] - a[0]) > 180) {
			const side = a[0] > 0 ? 180 : -180; // the edge of the map on a's side
			const bx = b[0] + 2 * side; // b carried over to a's side of the map
			const y = a[1] + ((b[1] - a[1]) * (side - a[0])) / (bx - a[0]);
			out.push([side, y], [side, pole], [-side, pole], [-side, y]);
		}
		out.push(b);
	}
	return out.filter((p, i) => i === 0 || p[0] !== out[i - 1][0] || p[1] !== out[i - 1][1]);
}

/**
 * Unwrap every ring of a list of polygons (MultiPolygon coordinates); a polygon whose rings
 * all vanish is dropped.
 * @param {Ring[][]} polygons
 * @returns {Ring[][]}
 */
export function unwrapPolygons(polygons) {
	return polygons
		.map((rings) => /** @type {Ring[]} */ (rings.map(unwrapRing).filter(Boolean)))
		.filter((rings) => rings.length > 0);
}

/**
 * Make a line continuous: a line that jumps gets +360° on its negative longitudes.
 * @param {Position[]} line
 */
export function unwrapLine(line) {
	return countJumps(line) === 0 ? line : shiftEast(line);
}

/**
 * Rings that would still draw a band: spanning more than 180° without reaching a pole.
 * @param {Ring[][]} polygons
 * @returns {Ring[]}
 */
export function bandRings(polygons) {
	return polygons.flat().filter((ring) => lngSpan(ring) > 180 && !touchesPole(ring));
}
