import { loadStory, readLayers, readSources } from '$lib/content/load-story';
import { sourceLabels } from '$lib/content/corpus';

export function load() {
  return { story: loadStory(), layers: readLayers(), sourceLabels: sourceLabels(readSources()) };
}
