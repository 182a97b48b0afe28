// Every page is prerendered to HTML that reads without JavaScript: its first paint needs only that
// HTML (the CSS is inlined) and the map's still. So the page does not preload its JavaScript in the
// head, where it would compete with them for a slow phone connection, and the inline start script
// loads it once the still is painted (start-after-still.ts; the live map comes on engagement).
import type { Handle } from '@sveltejs/kit';
import { base } from '$app/paths';
import { BOOT_SCRIPT } from '$lib/theme/boot-script.js';
import { startAfterStill } from '$lib/server/start-after-still';
import { language } from '$lib/i18n/t';

/** Every page is in the story's language, and sets what it must before its first paint
 *  (boot-script.js). Embed pages are always light: the host article decides its own look, and a
 *  dark frame would sit in a light article. Every other page takes the reader's choice. */
const booted = (html: string, embed: boolean) =>
	html
		.replace('lang="%lang%"', `lang="${language}"${embed ? ' data-theme="light"' : ''}`)
		.replace('%theme.boot%', `<script>${BOOT_SCRIPT}</script>`);

export const handle: Handle = ({ event, resolve }) =>
	resolve(event, {
		preload: ({ type }) => type === 'css',
		transformPageChunk: ({ html }) =>
			startAfterStill(booted(html, event.url.pathname.startsWith(`${base}/embed/`)))
	});
