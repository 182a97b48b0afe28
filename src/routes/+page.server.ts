// Where the site is published (SITE_ORIGIN, or null: site-origin.js), for the page's absolute
// links. The story itself comes in +page.ts.
import { siteOrigin } from '$lib/server/site-origin';

export const load = () => ({ origin: siteOrigin() });
