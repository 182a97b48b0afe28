// The copy-and-paste embed code for one section, shared by the story's Embed control and the
// oEmbed documents. The iframe works alone at a fixed height; the optional script (the site's
// /embed.js, built on @open-iframe-resizer/core) sizes it to its content.

/** Height of the iframe before (or without) the resizing script, in CSS px. */
export const EMBED_HEIGHT = 760;
/** The width the oEmbed documents advertise; the iframe itself is fluid (100%). */
export const EMBED_WIDTH = 640;

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function embedUrl(origin: string, sectionId: string): string {
  return `${origin}/embed/${encodeURIComponent(sectionId)}`;
}

export function embedSnippet(origin: string, section: { id: string; title: string }): string {
  return (
    `<iframe src="${attr(embedUrl(origin, section.id))}" title="${attr(`Map: ${section.title}`)}" loading="lazy" ` +
    `width="100%" height="${EMBED_HEIGHT}" style="border:0;width:100%;min-width:280px;max-width:1200px" data-story-embed></iframe>\n` +
    `<script src="${attr(origin)}/embed.js" async></script>`
  );
}
