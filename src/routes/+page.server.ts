import { loadContent } from '$lib/content/load-story';

export function load({ url }) {
  const { story, layers, places, distances, sourceNames, measureFrom } = loadContent();
  // The origin (SITE_ORIGIN at build time) makes the oEmbed discovery links absolute.
  return { origin: url.origin, story, layers, places, distances, sourceNames, measureFrom };
}
