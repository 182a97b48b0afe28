import { loadContent } from '$lib/server/load-content';

export function load({ url }) {
  const { story, manifest, places, sourceNames, featureDistances } = loadContent();
  // The origin (SITE_ORIGIN at build time) makes the oEmbed discovery links absolute.
  return { origin: url.origin, story, manifest, places, sourceNames, featureDistances };
}
