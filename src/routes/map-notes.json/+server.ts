// /map-notes.json: what the live map's panels and markers say of each feature beyond the map data
// itself — the passages that mention it and its distances — fetched with the live map, so that
// the page's HTML, which must arrive before the first paint, does not carry them.
import { json } from '@sveltejs/kit';
import type { MapNotes } from '$lib/content/types';
import { loadContent } from '$lib/server/load-content';

export const prerender = true;

export function GET() {
	const { places, featureDistances } = loadContent();
	return json({ places, featureDistances } satisfies MapNotes);
}
