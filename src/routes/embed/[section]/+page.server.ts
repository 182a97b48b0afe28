import { loadContent } from '$lib/server/load-content';
import { siteOrigin } from '$lib/server/site-origin';

export function entries() {
	return loadContent().story.sections.map((s) => ({ section: s.id }));
}

// Where the site is published (SITE_ORIGIN, or null: site-origin.js), for the page's absolute
// links. The section comes in +page.ts.
export const load = () => ({ origin: siteOrigin() });
