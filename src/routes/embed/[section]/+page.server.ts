import { loadContent } from '$lib/server/load-content';

export function entries() {
	return loadContent().story.sections.map((s) => ({ section: s.id }));
}

// The origin (SITE_ORIGIN at build time) makes the oEmbed discovery link absolute. The section
// comes in +page.ts.
export const load = ({ url }) => ({ origin: url.origin });
