import { error } from '@sveltejs/kit';
import { loadContent } from '$lib/server/load-content';

export function entries() {
	return loadContent().story.sections.map((s) => ({ section: s.id }));
}

export function load({ params, url }) {
	const { story, manifest, sourceNames } = loadContent();
	const section = story.sections.find((s) => s.id === params.section);
	if (!section) error(404, 'No such section');
	const view = story.views[section.view];
	// The origin (SITE_ORIGIN at build time) makes the oEmbed discovery link absolute.
	return {
		origin: url.origin,
		storyTitle: story.title,
		sourceWords: story.sourceWords,
		section,
		view,
		manifest,
		sourceNames
	};
}
