// Camera arithmetic shared by the controller and the tests: no MapLibre here.
import type { Camera } from '$lib/content/types';

/** The lowest zoom MapLibre allows; below 0 the globe shrinks within the box. */
export const MIN_ZOOM = -2;

/** The map size (shorter side, in CSS px) that views' zoom levels are authored for. */
export const REFERENCE_SIZE = 600;

/** The bands along the map's top and bottom edges that its controls take (the mode button
 *  above; the key and the credit below: 44 px and their margins). Views are fitted between them,
 *  so that what a view shows is never under a control, on a phone's short map too. */
export const CONTROL_BAND = 52;
/** On a phone and in embeds (NARROW_MEDIA) the controls share one band along the bottom edge:
 *  the key and the mode button, 44 px tall (a finger's target), 2 px from it (the key carries the
 *  credit). */
export const PHONE_BAND = 48;

/** Adapts an authored zoom to the map's box, so that a phone's smaller map shows the same area
 *  as a desktop's larger one: one zoom level per halving of the shorter side of the area the
 *  controls leave free (never less than half the box's height). */
export function fitZoom(zoom: number, width: number, height: number): number {
	const side = Math.min(width, Math.max(height - 2 * CONTROL_BAND, height / 2));
	if (!(side > 0)) return zoom;
	return Math.max(MIN_ZOOM, zoom + Math.log2(side / REFERENCE_SIZE));
}

/** An angle in degrees brought into [-180, 180). */
export function normaliseAngle(degrees: number): number {
	return ((((degrees + 180) % 360) + 360) % 360) - 180;
}

/** Whether two cameras are the same to the precision of `data-camera`. */
export function sameCamera(a: Camera, b: Camera): boolean {
	return (
		Math.abs(normaliseAngle(a.center[0] - b.center[0])) < 1e-3 &&
		Math.abs(a.center[1] - b.center[1]) < 1e-3 &&
		Math.abs(a.zoom - b.zoom) < 0.02 &&
		Math.abs(normaliseAngle(a.bearing - b.bearing)) < 0.2 &&
		Math.abs(a.pitch - b.pitch) < 0.2
	);
}

/** The `data-camera` attribute: "lng,lat,zoom,bearing,pitch", rounded for stable comparison. */
export function formatCamera(c: Camera): string {
	const bearing = normaliseAngle(c.bearing);
	return [
		c.center[0].toFixed(4),
		c.center[1].toFixed(4),
		c.zoom.toFixed(2),
		bearing.toFixed(1),
		c.pitch.toFixed(1)
	].join(',');
}

export function parseCamera(text: string): Camera | null {
	const parts = text.split(',').map(Number);
	if (parts.length !== 5 || parts.some((n) => !Number.isFinite(n))) return null;
	const [lng, lat, zoom, bearing, pitch] = parts;
	return { center: [lng, lat], zoom, bearing, pitch };
}
