import { error } from '@sveltejs/kit';
import { loadContent, loadStory } from '$lib/content/load-story';

export function entries() {
  return loadStory().sections.map((s) => ({ section: s.id }));
}

export function load({ params, url }) {
  const { story, layers, places, distances, sourceNames, measureFrom } = loadContent();
  const section = story.sections.find((s) => s.id === params.section);
  if (!section) error(404, 'No such section');
  const view = story.views[section.view];
  // The origin (SITE_ORIGIN at build time) makes the oEmbed discovery link absolute.
  return { origin: url.origin, storyTitle: story.title, section, view, layers, places, distances, sourceNames, measureFrom };
}
