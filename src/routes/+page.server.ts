import { loadContent } from '$lib/server/load-content';

export function load({ url }) {
	const { story, manifest, sources, sourceNames } = loadContent();
	// The reports as the ending lists them: each with its reader page.
	const reports = sources.map((s) => ({ id: s.id, name: sourceNames[s.id], headline: s.headline }));
	// The origin (SITE_ORIGIN at build time) makes the oEmbed discovery links absolute.
	return { origin: url.origin, story, manifest, sourceNames, reports };
}
