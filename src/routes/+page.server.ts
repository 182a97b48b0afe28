import { loadContent } from '$lib/content/load-story';
import { citeName } from '$lib/content/corpus';

export function load() {
  const { story, layers, sources, places, distances } = loadContent();
  return {
    story,
    layers,
    places,
    distances,
    /** Citation names by source id, e.g. "Report 5, Washington Examiner". */
    sourceNames: Object.fromEntries(sources.map((s) => [s.id, citeName(s)]))
  };
}
