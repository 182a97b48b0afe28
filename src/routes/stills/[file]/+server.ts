// /stills/<step>-<kind>.<format> (and -<kind>-dark.<format> for the map box's stills; the format
// is stillFormat's): each section's view,
// and each view of a question in it, as a still image, rendered at build time from the same
// geodata, camera and layer kinds as the live map (src/lib/server/stills/). A question has the map
// box's stills only: the card (share image, print) is its section's.
import { error } from '@sveltejs/kit';
import { mapSteps, type MapStep } from '$lib/content/types';
import {
	stillFormat,
	stillPath,
	stillThemes,
	THEMED_STILLS,
	type StillKind
} from '$lib/map/stills';
import { loadContent } from '$lib/server/load-content';
import { renderStill, STILLS } from '$lib/server/stills/render';

export const prerender = true;

const KINDS = Object.keys(STILLS) as StillKind[];

const kindsOf = (step: MapStep) => (step.id === step.section.id ? KINDS : THEMED_STILLS);

export function entries() {
	return mapSteps(loadContent().story.sections).flatMap((step) =>
		kindsOf(step).flatMap((kind) =>
			stillThemes(kind).map((theme) => ({
				file: stillPath(step.id, kind, theme).split('/').at(-1)!
			}))
		)
	);
}

export async function GET({ params }) {
	const { story, manifest } = loadContent();
	const match = /^(.+?)-([a-z]+)(-dark)?\.([a-z]+)$/.exec(params.file);
	const step = mapSteps(story.sections).find((s) => s.id === match?.[1]);
	const kind = step && kindsOf(step).find((k) => k === match?.[2]);
	const theme = match?.[3] ? 'dark' : 'light';
	if (!step || !kind || !stillThemes(kind).includes(theme) || match?.[4] !== stillFormat(kind))
		error(404, 'No such still');
	const image = await renderStill(story.views[step.view], manifest, kind, undefined, theme);
	return new Response(new Uint8Array(image), {
		headers: { 'content-type': `image/${stillFormat(kind)}` }
	});
}
