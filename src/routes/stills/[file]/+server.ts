// /stills/<section>-<kind>.png: each section's view as a still image, rendered at build time
// from the same geodata and camera as the live map (src/lib/server/stills/).
import { error } from '@sveltejs/kit';
import type { StillKind } from '$lib/map/stills';
import { loadContent } from '$lib/server/load-content';
import { renderStill, STILLS } from '$lib/server/stills/render';

export const prerender = true;

const KINDS = Object.keys(STILLS) as StillKind[];

export function entries() {
	return loadContent().story.sections.flatMap((s) =>
		KINDS.map((kind) => ({ file: `${s.id}-${kind}.png` }))
	);
}

export async function GET({ params }) {
	const { story, manifest } = loadContent();
	const match = /^(.+)-([a-z]+)\.png$/.exec(params.file);
	const section = story.sections.find((s) => s.id === match?.[1]);
	const kind = KINDS.find((k) => k === match?.[2]);
	if (!section || !kind) error(404, 'No such still');
	const png = await renderStill(story.views[section.view], manifest, kind);
	return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
}
