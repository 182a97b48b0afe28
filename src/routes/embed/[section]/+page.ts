// The section comes with the page's script (virtual:content, vite.config.ts), not as data in its
// HTML, which then holds it once.
import { error } from '@sveltejs/kit';
import content from 'virtual:content';

export function load({ params, data }) {
	const { story, manifest, sourceNames } = content;
	const section = story.sections.find((s) => s.id === params.section);
	if (!section) error(404, 'No such section');
	return {
		...data,
		storyTitle: story.title,
		siteName: story.publisher ?? story.title,
		sourceWords: story.sourceWords,
		section,
		view: story.views[section.view],
		manifest,
		sourceNames
	};
}
