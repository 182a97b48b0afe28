// The explored view in the URL: `#map=<zoom>/<lat>/<lng>/<bearing>/<pitch>`, so that a reader can
// share exactly what they are looking at. Anything malformed or out of range reads as no view:
// the page falls back to the story, never to an error.
import type { Camera } from '$lib/content/types';
import { MIN_ZOOM, normaliseAngle } from './camera';

const PREFIX = '#map=';

export function formatShareHash(c: Camera): string {
	const bearing = normaliseAngle(c.bearing);
	return `${PREFIX}${[c.zoom.toFixed(2), c.center[1].toFixed(4), c.center[0].toFixed(4), bearing.toFixed(1), c.pitch.toFixed(1)].join('/')}`;
}

export function parseShareHash(hash: string): Camera | null {
	if (!hash.startsWith(PREFIX)) return null;
	const parts = hash.slice(PREFIX.length).split('/');
	if (parts.length !== 5 || !parts.every((p) => /^-?\d+(\.\d+)?$/.test(p))) return null;
	const [zoom, lat, lng, bearing, pitch] = parts.map(Number);
	const ok =
		zoom >= MIN_ZOOM &&
		zoom <= 22 &&
		Math.abs(lat) <= 85 &&
		Math.abs(lng) <= 180 &&
		Math.abs(bearing) <= 360 &&
		pitch >= 0 &&
		pitch <= 85;
	return ok ? { center: [lng, lat], zoom, bearing, pitch } : null;
}
