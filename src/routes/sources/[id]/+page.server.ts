import { error } from '@sveltejs/kit';
import { storyPassages } from '$lib/content/types';
import { loadContent } from '$lib/server/load-content';
import { siteOrigin } from '$lib/server/site-origin';

export function entries() {
	return loadContent().sources.map((s) => ({ id: s.id }));
}

export function load({ params }) {
	const { story, sources, places, manifest } = loadContent();
	const source = sources.find((s) => s.id === params.id);
	if (!source) error(404, 'No such report');
	const cited = storyPassages(story).filter((p) => p.source === source.id);
	const names = Object.fromEntries(
		manifest.layers.flatMap((l) => l.features.map((f) => [f.id, f.label ?? f.name]))
	);
	return {
		source,
		storyTitle: story.title,
		siteName: story.publisher ?? story.title,
		/** Where the site is published (SITE_ORIGIN, or null), for the share tags. */
		origin: siteOrigin(),
		/** How the story speaks of its sources. */
		words: story.sourceWords,
		/** The story's passages from this report, to highlight, with the section that quotes each. */
		cited,
		/** The story's sections, so that a link back can name the one the reader came from. */
		sections: story.sections.map(({ id, title }) => ({ id, title })),
		/** Places mentioned in this report: feature id → name and the paragraphs that mention it. */
		places: Object.entries(places)
			.map(([id, passages]) => ({
				id,
				name: names[id],
				paragraphs: [
					...new Set(passages.filter((p) => p.source === source.id).map((p) => p.paragraph))
				]
			}))
			.filter((p) => p.paragraphs.length)
	};
}
