// The copy-and-paste embed code for one section, shared by the story's Embed control and the
// oEmbed documents. The iframe works alone at a fixed height; the optional script (the site's
// /embed.js, with src/lib/embed/host-channel.ts in the embed page) sizes it to its content.

import { base } from '$app/paths';
import { t } from '$lib/i18n/t';

/** Height of the iframe before (or without) the resizing script, in CSS px. */
export const EMBED_HEIGHT = 760;
/** The width the oEmbed documents advertise; the iframe itself is fluid (100%). */
export const EMBED_WIDTH = 640;
/** The heights /embed.js accepts from an embed page; any other is ignored (an embed is 280 to
 *  1200 px wide, and no section is taller than this even at 280 px). */
export const EMBED_HEIGHTS = { min: 200, max: 12_000 };
/** The messages between /embed.js on the host page and the embed page in its iframe: the embed
 *  page says it is ready, the host says hello (never before: a lazy iframe may still be blank),
 *  and the embed page then reports its height to that host only. */
export const EMBED_MESSAGES = {
	ready: 'story-embed:ready',
	hello: 'story-embed:hello',
	height: 'story-embed:height',
	/** A reader's event (story-events.ts), which /embed.js dispatches on the iframe. */
	event: 'story-embed:event'
} as const;

const attr = (s: string) =>
	s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function embedUrl(origin: string, sectionId: string): string {
	return `${origin}${base}/embed/${encodeURIComponent(sectionId)}`;
}

export function embedSnippet(origin: string, section: { id: string; title: string }): string {
	return (
		`<iframe src="${attr(embedUrl(origin, section.id))}" title="${attr(t('embed.frameTitle', { title: section.title }))}" loading="lazy" ` +
		`width="100%" height="${EMBED_HEIGHT}" style="border:0;width:100%;min-width:280px;max-width:1200px" data-story-embed></iframe>\n` +
		`<script src="${attr(origin + base)}/embed.js" async></script>`
	);
}
