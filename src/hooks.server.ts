// Every page is prerendered to HTML that reads without JavaScript: its first paint needs only that
// HTML (the CSS is inlined) and the map's still. So the page does not preload its JavaScript in the
// head, where it would compete with them for a slow phone connection; the inline start script
// loads it right after (hydration comes a few round trips later, the live map on engagement).
import type { Handle } from '@sveltejs/kit';

export const handle: Handle = ({ event, resolve }) =>
	resolve(event, { preload: ({ type }) => type === 'css' });
