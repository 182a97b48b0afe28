// /stills/<section>-<kind>.png (and -<kind>-dark.png for the map box's stills): each section's
// view as a still image, rendered at build time from the same geodata, camera and layer kinds
// as the live map (src/lib/server/stills/).
import { error } from '@sveltejs/kit';
import { stillPath, stillThemes, type StillKind } from '$lib/map/stills';
import { loadContent } from '$lib/server/load-content';
import { renderStill, STILLS } from '$lib/server/stills/render';

export const prerender = true;

const KINDS = Object.keys(STILLS) as StillKind[];

export function entries() {
	return loadContent().story.sections.flatMap((s) =>
		KINDS.flatMap((kind) =>
			stillThemes(kind).map((theme) => ({ file: stillPath(s.id, kind, theme).split('/').at(-1)! }))
		)
	);
}

export async function GET({ params }) {
	const { story, manifest } = loadContent();
	const match = /^(.+?)-([a-z]+)(-dark)?\.png$/.exec(params.file);
	const section = story.sections.find((s) => s.id === match?.[1]);
	const kind = KINDS.find((k) => k === match?.[2]);
	const theme = match?.[3] ? 'dark' : 'light';
	if (!section || !kind || !stillThemes(kind).includes(theme)) error(404, 'No such still');
	const png = await renderStill(story.views[section.view], manifest, kind, undefined, theme);
	return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
}
