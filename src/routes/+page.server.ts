// The origin (SITE_ORIGIN at build time) makes the oEmbed discovery links absolute. The story
// itself comes in +page.ts.
export const load = ({ url }) => ({ origin: url.origin });
