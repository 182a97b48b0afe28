// /locators/<step>.svg (and -dark.svg): the small globe that says where a zoomed-in map of a
// section or question lies (src/lib/map/locator.ts), drawn at build time from the world data.
import { error } from '@sveltejs/kit';
import { mapSteps } from '$lib/content/types';
import { subjectPoints } from '$lib/map/framing';
import { hasLocator, locatorPath, locatorSvg } from '$lib/map/locator';
import { loadContent } from '$lib/server/load-content';
import { mapData } from '$lib/server/map-files';
import { STORY_ROOT } from '$lib/server/story-paths.js';
import { palette, THEMES } from '$lib/theme/tokens';

export const prerender = true;

const located = () => {
	const { story } = loadContent();
	return mapSteps(story.sections).filter((s) => hasLocator(story.views[s.view]));
};

export function entries() {
	return located().flatMap((s) =>
		THEMES.map((theme) => ({ file: locatorPath(s.id, theme).split('/').at(-1)! }))
	);
}

export async function GET({ params }) {
	const { story, manifest } = loadContent();
	const match = /^(.+?)(-dark)?\.svg$/.exec(params.file);
	const step = located().find((s) => s.id === match?.[1]);
	if (!step) error(404, 'No such locator');
	const view = story.views[step.view];
	const data = await mapData(manifest, STORY_ROOT);
	const svg = locatorSvg(
		view.camera.center,
		subjectPoints(view, data),
		data.countries,
		palette(match?.[2] ? 'dark' : 'light')
	);
	return new Response(svg, { headers: { 'content-type': 'image/svg+xml' } });
}
