// /oembed/<section>.json: an oEmbed "rich" document per section, so that a CMS that speaks
// oEmbed can embed a section from its URL. URLs are absolute: the site's origin comes from
// SITE_ORIGIN at build time (svelte.config.js, prerender.origin), or else is filled in by the
// server (site-origin.js).
import { error, json } from '@sveltejs/kit';
import { base } from '$app/paths';
import { loadContent } from '$lib/server/load-content';
import { EMBED_HEIGHT, EMBED_WIDTH, embedSnippet } from '$lib/embed/snippet';

export const prerender = true;

export function entries() {
	return loadContent().story.sections.map((s) => ({ section: s.id }));
}

export function GET({ params, url }) {
	const { story } = loadContent();
	const section = story.sections.find((s) => s.id === params.section);
	if (!section) error(404, 'No such section');
	return json({
		version: '1.0',
		type: 'rich',
		title: section.title,
		provider_name: story.title,
		provider_url: `${url.origin}${base}/`,
		html: embedSnippet(url.origin, section),
		width: EMBED_WIDTH,
		height: EMBED_HEIGHT
	});
}
